"""Differences that hold: a paired bootstrap over the test rows, and the champion/challenger comparison
the retraining gate reads.

A difference whose 95% interval straddles zero is a tie, whatever its sign.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

from triage.evaluation.evaluate import Evaluation, HeldOut

BOOTSTRAP_ROUNDS = 1000
Metric = Callable[[np.ndarray, np.ndarray], float]


def roc_auc(truth: np.ndarray, proba: np.ndarray) -> float:
    return float(roc_auc_score(truth, proba))


def macro_f1(classes: list[str]) -> Metric:
    """Macro-F1 of the most probable class, for (n, k) probabilities over ``classes``."""
    labels = np.asarray(classes)

    def metric(truth: np.ndarray, proba: np.ndarray) -> float:
        return float(f1_score(truth, labels[proba.argmax(axis=1)], average="macro"))

    return metric


def paired_bootstrap(
    truth: np.ndarray,
    first: np.ndarray,
    second: np.ndarray,
    metric: Metric,
    second_metric: Metric | None = None,
    rounds: int = BOOTSTRAP_ROUNDS,
    seed: int = 0,
) -> dict[str, float]:
    """``metric(first) - metric(second)`` on the same rows, with a 95% interval from resampling them
    together (``second_metric`` when the second scorer's probabilities need another reading, e.g. other
    class orders). Resamples with a single class are skipped: a ranking metric is undefined there."""
    truth = np.asarray(truth)
    second_metric = second_metric or metric
    rng = np.random.default_rng(seed)
    differences = []
    binary = truth.ndim == 1 and len(np.unique(truth)) == 2
    for _ in range(rounds):
        rows = rng.integers(0, len(truth), len(truth))
        if binary and len(np.unique(truth[rows])) < 2:
            continue
        differences.append(metric(truth[rows], first[rows]) - second_metric(truth[rows], second[rows]))
    low, high = np.percentile(differences, [2.5, 97.5])
    observed = metric(truth, first) - second_metric(truth, second)
    return {"difference": float(observed), "low": float(low), "high": float(high)}


def verdict(interval: dict[str, float]) -> str:
    if interval["low"] > 0:
        return "better"
    if interval["high"] < 0:
        return "worse"
    return "tie"


def compare(champion: Evaluation, challenger: Evaluation, rounds: int = BOOTSTRAP_ROUNDS) -> dict[str, Any]:
    """Challenger minus champion on each head both learned, on the labelled tickets both scored: ROC-AUC for
    binary heads, macro-F1 for multi-class ones (each model read with its own classes), each with its paired
    bootstrap interval and verdict. Both evaluations must be of the same tickets; a head's rows may differ
    (a team only one model learned), and the comparison uses the rows both have."""
    if champion.report.get("rows") != challenger.report.get("rows"):
        raise ValueError("the two evaluations were not made on the same tickets")
    out: dict[str, Any] = {}
    for head in sorted(set(champion.held_out.proba) & set(challenger.held_out.proba)):
        first, second = _common_rows(champion.held_out, challenger.held_out, head)
        truth = champion.held_out.truth[head][first]
        if not np.array_equal(truth, challenger.held_out.truth[head][second]):
            raise ValueError(f"{head}: the two evaluations were not made on the same labelled rows")
        champion_proba, challenger_proba = champion.held_out.proba[head][first], challenger.held_out.proba[head][second]
        if head in champion.held_out.classes:
            name = "macro_f1"
            metric = macro_f1(challenger.held_out.classes[head])
            champion_metric = macro_f1(champion.held_out.classes[head])
        else:
            name, metric, champion_metric = "roc_auc", roc_auc, roc_auc
        interval = paired_bootstrap(truth, challenger_proba, champion_proba, metric, champion_metric, rounds)
        out[head] = {
            "metric": name,
            "rows": int(len(truth)),
            "champion": champion_metric(truth, champion_proba),
            "challenger": metric(truth, challenger_proba),
            **interval,
            "verdict": verdict(interval),
        }
    return out


def _common_rows(first: HeldOut, second: HeldOut, head: str) -> tuple[np.ndarray, np.ndarray]:
    """Positions, in each held-out set of ``head``, of the tickets both have (all of them when the sets
    do not record their rows)."""
    if head not in first.rows or head not in second.rows:
        everything = np.arange(len(first.truth[head]))
        return everything, everything
    _, in_first, in_second = np.intersect1d(first.rows[head], second.rows[head], return_indices=True)
    return in_first, in_second
