"""Differences that hold: a paired bootstrap over the test rows, the champion/challenger comparison, and the
promotion gate that reads it (``gate``: per head, per class with enough support, and calibration).

A difference whose 95% interval straddles zero is a tie, whatever its sign.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.stats import rankdata

from triage.evaluation.evaluate import Evaluation, HeldOut

BOOTSTRAP_ROUNDS = 1000
Metric = Callable[[np.ndarray, np.ndarray], float]


# The bootstrap calls a metric a thousand times per head; scikit-learn's input validation costs ~1-5 ms a
# call, so these compute the same numbers in numpy (tests/evaluation/test_compare.py holds them to sklearn's).


def roc_auc(truth: np.ndarray, proba: np.ndarray) -> float:
    """ROC-AUC as the Mann-Whitney statistic over average ranks (ties count one half), as
    ``sklearn.metrics.roc_auc_score`` computes it; the larger label is the positive class."""
    truth = np.asarray(truth)
    classes = np.unique(truth)
    if len(classes) != 2:
        raise ValueError("ROC-AUC needs both classes among the rows")
    positive = truth == classes[1]
    ranks = rankdata(np.asarray(proba, dtype=float))
    n_positive = int(positive.sum())
    n_negative = len(truth) - n_positive
    return float((ranks[positive].sum() - n_positive * (n_positive + 1) / 2) / (n_positive * n_negative))


def macro_f1(classes: list[str]) -> Metric:
    """Macro-F1 of the most probable class, for (n, k) probabilities over ``classes``: the mean F1 over the
    labels found in the truth or the answers (a label with no true and no predicted row is left out, and F1
    is 0 where precision and recall are both undefined), as ``f1_score(average="macro")`` computes it."""
    labels = np.asarray(classes)

    def metric(truth: np.ndarray, proba: np.ndarray) -> float:
        truth = np.asarray(truth)
        predicted = labels[proba.argmax(axis=1)]
        present = np.union1d(truth, predicted)
        true_at, predicted_at = np.searchsorted(present, truth), np.searchsorted(present, predicted)
        hits = np.bincount(true_at[true_at == predicted_at], minlength=len(present))
        denominator = np.bincount(true_at, minlength=len(present)) + np.bincount(predicted_at, minlength=len(present))
        f1 = np.divide(2 * hits, denominator, out=np.zeros(len(present)), where=denominator > 0)
        return float(f1.mean())

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


# --- the promotion gate --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GateMargins:
    """How much worse than the champion a challenger may be and still be promoted (absolute points, 0-1)."""

    metric_drop: float = 0.02  # a head's primary metric (ROC-AUC or macro-F1)
    class_drop: float = 0.02  # one class's F1
    ece_rise: float = 0.02  # a head's expected calibration error
    min_support: int = 30  # held-out rows a class needs to be judged on its own (fewer: too noisy)


@dataclass(frozen=True)
class GateCheck:
    what: str  # "escalation roc_auc", "team class billing f1", "escalation ece"
    champion: float | None
    challenger: float | None
    allowed: float  # the largest change for the worse that passes
    lower_is_better: bool = False
    note: str = ""

    @property
    def worse_by(self) -> float:
        if self.champion is None or self.challenger is None:
            return float("inf")
        change = self.challenger - self.champion
        return change if self.lower_is_better else -change

    @property
    def passed(self) -> bool:
        return self.worse_by <= self.allowed + 1e-12

    def short(self) -> str:
        """The check and how far it moved, e.g. ``escalation roc_auc -0.270`` (``escalation ece +0.031``)."""
        if self.champion is None or self.challenger is None:
            return f"{self.what} ({self.note})"
        return f"{self.what} {self.challenger - self.champion:+.3f}"

    def describe(self) -> str:
        if self.champion is None or self.challenger is None:
            return f"{self.what}: {self.note}"
        direction = "rises" if self.lower_is_better else "drops"
        change = f"{direction} {self.worse_by:.3f}" if self.worse_by > 0 else "holds"
        limit = f"limit {self.allowed:.3f}"
        extra = f"; {self.note}" if self.note else ""
        return f"{self.what}: {self.champion:.3f} → {self.challenger:.3f}, {change} ({limit}{extra})"


@dataclass
class GateResult:
    checks: list[GateCheck] = field(default_factory=list)
    comparison: dict[str, Any] = field(default_factory=dict)

    @property
    def failures(self) -> list[GateCheck]:
        return [check for check in self.checks if not check.passed]

    @property
    def passed(self) -> bool:
        return bool(self.checks) and not self.failures


def gate(
    champion: Evaluation, challenger: Evaluation, margins: GateMargins | None = None, rounds: int = BOOTSTRAP_ROUNDS
) -> GateResult:
    """Whether ``challenger`` may replace ``champion``: on the same held-out tickets, no head's primary metric
    drops, no class with ``min_support`` rows loses F1, and no head's calibration error rises by more than
    the margins; a head the champion learned and the challenger does not fails. The comparison (with paired
    bootstrap intervals) comes along for the record."""
    margins = margins or GateMargins()
    comparison = compare(champion, challenger, rounds)
    result = GateResult(comparison=comparison)
    for head in sorted(set(champion.held_out.proba) - set(challenger.held_out.proba)):
        result.checks.append(GateCheck(f"{head} head", None, None, 0.0, note="the challenger does not learn it"))
    for head, row in comparison.items():
        interval = f"95% interval of the change {row['low']:+.3f} to {row['high']:+.3f}"
        result.checks.append(
            GateCheck(f"{head} {row['metric']}", row["champion"], row["challenger"], margins.metric_drop, note=interval)
        )
        first, second = champion.report["heads"].get(head, {}), challenger.report["heads"].get(head, {})
        result.checks.extend(_class_checks(head, first, second, margins))
        ece = "ece_top_label" if "ece_top_label" in first else "ece"
        if first.get(ece) is not None and second.get(ece) is not None:
            result.checks.append(
                GateCheck(f"{head} {ece}", first[ece], second[ece], margins.ece_rise, lower_is_better=True)
            )
    return result


def _class_checks(head: str, first: dict[str, Any], second: dict[str, Any], margins: GateMargins) -> list[GateCheck]:
    """F1 of every class both reports have with enough held-out rows (binary heads: classes "0" and "1")."""
    checks = []
    theirs = second.get("per_class", {})
    for name, mine in first.get("per_class", {}).items():
        if name in theirs and mine["support"] >= margins.min_support:
            support = f"{mine['support']} rows"
            checks.append(
                GateCheck(f"{head} class {name} f1", mine["f1"], theirs[name]["f1"], margins.class_drop, note=support)
            )
    return checks
