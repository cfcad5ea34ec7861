"""Train every head the data has labels for, calibrate them, evaluate on held-out rows, fit the policy.

The data is split once, by seed: ``fit`` rows train the feature pipeline and the linear heads,
``calibration`` rows fit each head's probability calibration and the policy's thresholds, and ``test``
rows are only ever scored, for the model card. A head with too few labelled rows is left out and answered
by the criteria-only fallback (see triage.engine).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import train_test_split

from triage.config import EscalationConfig
from triage.engine import BINARY_HEADS, TriageModel
from triage.features import build_features
from triage.io import to_frame
from triage.metrics import binary_report, multiclass_report
from triage.policy import Calibration, calibrate
from triage.schema import TRIGGERS, LabelledTicket

MIN_ROWS_PER_HEAD = 30
MIN_ROWS_PER_CLASS = 2


@dataclass(frozen=True)
class TrainSettings:
    seed: int = 0
    test_size: float = 0.15
    calibration_size: float = 0.15
    alpha: float = 2e-5  # SGD L2 strength, chosen on the demo history's calibration split
    epochs: int = 15


@dataclass
class HeldOut:
    """Test-split truth and probabilities per head, for the model card's metrics and plots."""

    truth: dict[str, np.ndarray] = field(default_factory=dict)
    proba: dict[str, np.ndarray] = field(default_factory=dict)
    classes: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class TrainingResult:
    model: TriageModel
    metrics: dict[str, Any]
    held_out: HeldOut
    skipped_heads: dict[str, str]


def label_columns(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """Each head's labels as a Series with NaN where the row has no label for it."""
    labels: dict[str, pd.Series] = {}
    if "triggers" in frame:
        has = frame["triggers"].map(lambda value: isinstance(value, list))
        for name in TRIGGERS:
            labels[name] = frame["triggers"].map(lambda value, name=name: float(name in value)).where(has)
    if "escalated" in frame:
        labels["escalation"] = frame["escalated"].map(lambda v: np.nan if v is None else float(bool(v)))
    if "frustration" in frame:
        labels["frustration"] = pd.to_numeric(frame["frustration"])
    if "team" in frame:
        labels["team"] = frame["team"].map(lambda v: v if isinstance(v, str) and v else np.nan)
    return labels


def data_hash(tickets: Sequence[LabelledTicket]) -> str:
    digest = hashlib.sha256()
    for ticket in tickets:
        digest.update(ticket.model_dump_json().encode())
    return digest.hexdigest()


def _linear(settings: TrainSettings) -> SGDClassifier:
    return SGDClassifier(
        loss="log_loss", alpha=settings.alpha, max_iter=settings.epochs, tol=None, random_state=settings.seed,
    )


def fit_head(X_fit, y_fit, X_cal, y_cal, settings: TrainSettings) -> CalibratedClassifierCV:
    linear = _linear(settings).fit(X_fit, y_fit)
    # SGD's coef_ is C-contiguous; single-row predict_proba would copy it every call (TRAPS.md).
    linear.coef_ = np.asfortranarray(linear.coef_)
    if set(np.unique(y_cal)) == set(linear.classes_):
        return CalibratedClassifierCV(FrozenEstimator(linear), method="sigmoid").fit(X_cal, y_cal)
    # Too few calibration rows for some class: cross-validated calibration on the fit rows instead.
    return CalibratedClassifierCV(_linear(settings), method="sigmoid", cv=3).fit(X_fit, y_fit)


def train(
    tickets: Sequence[LabelledTicket],
    config: EscalationConfig,
    settings: TrainSettings = TrainSettings(),
    on_step: Callable[[str], None] | None = None,
) -> TrainingResult:
    step = on_step or (lambda _: None)
    frame = to_frame(list(tickets))
    labels = label_columns(frame)
    rows = np.arange(len(frame))
    stratify = labels["escalation"] if "escalation" in labels and labels["escalation"].notna().all() else None
    rest, test = train_test_split(rows, test_size=settings.test_size, random_state=settings.seed, stratify=stratify)
    cal_share = settings.calibration_size / (1 - settings.test_size)
    fit, cal = train_test_split(
        rest, test_size=cal_share, random_state=settings.seed,
        stratify=None if stratify is None else stratify.iloc[rest],
    )

    step("features")
    features = build_features().fit(frame.iloc[fit])
    X = features.transform(frame).tocsr()

    heads: dict[str, CalibratedClassifierCV] = {}
    skipped: dict[str, str] = {}
    held_out = HeldOut()
    metrics: dict[str, Any] = {}
    for name, series in labels.items():
        labelled = series.notna().to_numpy()
        fit_rows, cal_rows, test_rows = (part[labelled[part]] for part in (fit, cal, test))
        y = series.fillna("").to_numpy(dtype=object) if name == "team" else series.fillna(-1).to_numpy(dtype=int)
        classes, counts = np.unique(y[fit_rows], return_counts=True)
        if len(fit_rows) < MIN_ROWS_PER_HEAD or len(classes) < 2 or counts.min() < MIN_ROWS_PER_CLASS:
            skipped[name] = f"{len(fit_rows)} labelled training rows, {len(classes)} classes"
            continue
        step(f"head {name}")
        head = fit_head(X[fit_rows], y[fit_rows], X[cal_rows], y[cal_rows], settings)
        heads[name] = head
        if len(test_rows):
            proba = head.predict_proba(X[test_rows])
            if name in BINARY_HEADS:
                held_out.truth[name], held_out.proba[name] = y[test_rows], proba[:, 1]
                metrics[name] = binary_report(y[test_rows], proba[:, 1])
            else:
                class_names = [str(c) for c in head.classes_]
                held_out.truth[name], held_out.proba[name] = y[test_rows].astype(str), proba
                held_out.classes[name] = class_names
                metrics[name] = multiclass_report(y[test_rows].astype(str), proba, class_names)

    if "true_escalation_probability" in frame and "escalation" in metrics:
        oracle = pd.to_numeric(frame["true_escalation_probability"]).to_numpy()[test]
        truth = labels["escalation"].to_numpy()[test]
        known = ~np.isnan(oracle) & ~np.isnan(truth)
        if known.any():
            metrics["escalation"]["oracle"] = binary_report(truth[known].astype(int), oracle[known])

    step("policy")
    model = TriageModel(features, heads, config, calibration=None, metadata={})
    model.calibration = _calibrate_policy(model, X, labels, cal, frame.iloc[fit], config)
    return TrainingResult(model, metrics, held_out, skipped)


def _calibrate_policy(
    model: TriageModel, X, labels: dict[str, pd.Series], cal: np.ndarray, history: pd.DataFrame,
    config: EscalationConfig,
) -> Calibration:
    probabilities = model.head_probabilities(X[cal])
    trigger_truth, trigger_proba = {}, {}
    for name in TRIGGERS:
        if name in probabilities:
            known = labels[name].to_numpy()[cal]
            mask = ~np.isnan(known)
            trigger_truth[name], trigger_proba[name] = known[mask].astype(int), probabilities[name][mask]
    escalation_truth = escalation_proba = None
    if "escalation" in probabilities:
        known = labels["escalation"].to_numpy()[cal]
        mask = ~np.isnan(known)
        escalation_truth, escalation_proba = known[mask].astype(int), probabilities["escalation"][mask]
    team_truth = team_proba = None
    if "team" in probabilities:
        known = labels["team"].to_numpy()[cal]
        mask = np.array([isinstance(v, str) for v in known])
        team_truth, team_proba = known[mask].astype(str), probabilities["team"][mask]
    columns = [c for c in ("tier", "team", "created_at", "resolved_at") if c in history]
    return calibrate(
        config,
        trigger_truth=trigger_truth,
        trigger_proba=trigger_proba,
        escalation_truth=escalation_truth,
        escalation_proba=escalation_proba,
        team_truth=team_truth,
        team_proba=team_proba,
        team_names=model.team_names,
        history=history[columns] if len(columns) == 4 else None,
    )
