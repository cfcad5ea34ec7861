"""Honest evaluation: per class and macro-averaged, calibration, and coverage at a precision target.

Every number here is computed on held-out rows; nothing is weighted-averaged alone.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    brier_score_loss,
    cohen_kappa_score,
    confusion_matrix,
    f1_score,
    precision_recall_curve,
    precision_recall_fscore_support,
    roc_auc_score,
)

COVERAGE_PRECISION = 0.9


def expected_calibration_error(y_true: np.ndarray, proba: np.ndarray, bins: int = 10) -> float:
    """Mean |accuracy - confidence| over equal-width probability bins, weighted by bin size."""
    y_true = np.asarray(y_true, dtype=float)
    proba = np.asarray(proba, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(proba, edges[1:-1]), 0, bins - 1)
    error = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            error += mask.mean() * abs(y_true[mask].mean() - proba[mask].mean())
    return float(error)


def coverage_at_precision(y_true: np.ndarray, proba: np.ndarray, target: float = COVERAGE_PRECISION) -> float:
    """The largest share of all rows that can be flagged positive while keeping precision >= target."""
    y_true = np.asarray(y_true, dtype=int)
    if y_true.sum() == 0:
        return 0.0
    precision, _, thresholds = precision_recall_curve(y_true, proba)
    best = 0.0
    for p, threshold in zip(precision[:-1], thresholds, strict=True):
        if p >= target:
            best = max(best, float((proba >= threshold).mean()))
    return best


def _safe(metric: Any, *args: Any, **kwargs: Any) -> float | None:
    try:
        value = float(metric(*args, **kwargs))
    except ValueError:  # one class only in y_true
        return None
    return None if np.isnan(value) else value


def binary_report(y_true: np.ndarray, proba: np.ndarray, threshold: float = 0.5) -> dict[str, Any]:
    y_true = np.asarray(y_true, dtype=int)
    proba = np.asarray(proba, dtype=float)
    predicted = (proba >= threshold).astype(int)
    precision, recall, f1, support = precision_recall_fscore_support(y_true, predicted, labels=[0, 1], zero_division=0)
    return {
        "n": int(len(y_true)),
        "positives": int(y_true.sum()),
        "threshold": float(threshold),
        "per_class": {
            str(label): {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
            for label, p, r, f, s in zip((0, 1), precision, recall, f1, support, strict=True)
        },
        "f1_positive": float(f1[1]),
        "macro_f1": float(np.mean(f1)),
        "roc_auc": _safe(roc_auc_score, y_true, proba),
        "pr_auc": _safe(average_precision_score, y_true, proba),
        "brier": float(brier_score_loss(y_true, proba, pos_label=1)) if len(y_true) else None,
        "ece": expected_calibration_error(y_true, proba),
        "coverage_at_90_precision": coverage_at_precision(y_true, proba),
    }


def multiclass_report(y_true: np.ndarray, proba: np.ndarray, classes: list[str]) -> dict[str, Any]:
    y_true = np.asarray(y_true).astype(str)
    classes = [str(c) for c in classes]
    predicted = np.asarray(classes)[np.argmax(proba, axis=1)]
    precision, recall, f1, support = precision_recall_fscore_support(y_true, predicted, labels=classes, zero_division=0)
    onehot = (y_true[:, None] == np.asarray(classes)[None, :]).astype(int)
    confidence = proba.max(axis=1)
    correct = (predicted == y_true).astype(int)
    present = onehot.sum(axis=0) > 0
    return {
        "n": int(len(y_true)),
        "classes": classes,
        "per_class": {
            c: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
            for c, p, r, f, s in zip(classes, precision, recall, f1, support, strict=True)
        },
        "accuracy": float(accuracy_score(y_true, predicted)),
        "macro_f1": float(
            f1_score(y_true, predicted, labels=np.asarray(classes)[present], average="macro", zero_division=0)
        ),
        "roc_auc_macro_ovr": _safe(roc_auc_score, onehot[:, present], proba[:, present], average="macro"),
        "pr_auc_macro": _safe(average_precision_score, onehot[:, present], proba[:, present], average="macro"),
        "brier": float(np.mean(np.sum((proba - onehot) ** 2, axis=1))),
        "ece_top_label": expected_calibration_error(correct, confidence),
        "coverage_at_90_precision": coverage_at_precision(correct, confidence),
        "confusion_matrix": confusion_matrix(y_true, predicted, labels=classes).tolist(),
    }


def quadratic_weighted_kappa(truth: np.ndarray, predicted: np.ndarray, levels: list[int]) -> float | None:
    """Agreement of two ordinal labellings beyond chance, where a miss by two levels costs four times a miss by
    one (Cohen's kappa, quadratic weights); None when it is undefined (both sides give the same single level)."""
    truth, predicted = np.asarray(truth), np.asarray(predicted)
    if len(set(truth.tolist()) | set(predicted.tolist())) < 2:
        return None
    return _safe(cohen_kappa_score, truth, predicted, labels=levels, weights="quadratic")


def ordinal_agreement(truth: np.ndarray, predicted: np.ndarray) -> dict[str, Any]:
    """Share of exact matches and of matches within one step, for ordinal labels such as tiers."""
    truth, predicted = np.asarray(truth, dtype=int), np.asarray(predicted, dtype=int)
    if truth.shape != predicted.shape:
        raise ValueError(f"{len(truth)} true labels but {len(predicted)} predicted ones")
    if not len(truth):
        return {"n": 0, "exact": None, "within_one": None}
    distance = np.abs(truth - predicted)
    return {"n": int(len(truth)), "exact": float(np.mean(distance == 0)), "within_one": float(np.mean(distance <= 1))}
