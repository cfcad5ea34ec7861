"""The promotion gate (``triage.evaluation.compare.gate``) on small hand-built evaluations: which checks it
makes, the margins, and the numpy metrics its bootstrap uses (held to scikit-learn's numbers)."""

from __future__ import annotations

import numpy as np
import pytest

from triage.evaluation import Evaluation, HeldOut
from triage.evaluation.compare import GateMargins, gate, macro_f1, roc_auc
from triage.evaluation.metrics import binary_report


def _evaluation(truth: np.ndarray, proba: np.ndarray, heads: tuple[str, ...] = ("escalation",)) -> Evaluation:
    held_out = HeldOut()
    report = {"rows": len(truth), "heads": {}}
    for head in heads:
        held_out.keep(head, list(range(len(truth))), truth, proba)
        report["heads"][head] = binary_report(truth, proba)
    return Evaluation(report, held_out)


@pytest.fixture
def truth() -> np.ndarray:
    return np.random.default_rng(3).integers(0, 2, 400)


def _scores(truth: np.ndarray, signal: float, seed: int = 4) -> np.ndarray:
    noise = np.random.default_rng(seed).random(len(truth))
    return np.clip(signal * truth + (1 - signal) * noise, 0, 1)


def test_the_same_scores_pass_every_check(truth):
    champion = _evaluation(truth, _scores(truth, 0.5))

    result = gate(champion, champion, rounds=50)

    assert result.passed
    assert [c.what for c in result.checks] == [
        "escalation roc_auc",
        "escalation class 0 f1",
        "escalation class 1 f1",
        "escalation ece",
    ]


def test_a_weaker_challenger_fails_and_names_the_metric(truth):
    result = gate(_evaluation(truth, _scores(truth, 0.5)), _evaluation(truth, _scores(truth, 0.1)), rounds=50)

    assert not result.passed
    assert "escalation roc_auc" in {c.what for c in result.failures}
    assert result.failures[0].short().startswith("escalation roc_auc -0.")


def test_the_margin_decides_a_small_drop(truth):
    champion, challenger = _evaluation(truth, _scores(truth, 0.30)), _evaluation(truth, _scores(truth, 0.29))
    drop = champion.report["heads"]["escalation"]["roc_auc"] - challenger.report["heads"]["escalation"]["roc_auc"]
    assert 0 < drop < 0.02  # the premise: a drop under two points

    loose = gate(champion, challenger, GateMargins(metric_drop=0.02, class_drop=1, ece_rise=1), rounds=50)
    strict = gate(champion, challenger, GateMargins(metric_drop=drop / 2, class_drop=1, ece_rise=1), rounds=50)

    assert loose.passed
    assert [c.what for c in strict.failures] == ["escalation roc_auc"]


def test_worse_calibration_alone_fails(truth):
    scores = np.clip(_scores(truth, 0.3), 0.01, 0.99)
    # The same ranking and the same side of 0.5 for every row, probabilities pushed towards 0 and 1.
    overconfident = 1 / (1 + np.exp(-8 * np.log(scores / (1 - scores))))

    result = gate(_evaluation(truth, scores), _evaluation(truth, overconfident), rounds=50)

    assert [c.what for c in result.failures] == ["escalation ece"]
    assert result.failures[0].lower_is_better


def test_classes_under_the_minimum_support_are_not_judged_alone(truth):
    champion = _evaluation(truth, _scores(truth, 0.5))

    result = gate(champion, champion, GateMargins(min_support=1000), rounds=50)

    assert not any("class" in c.what for c in result.checks)


def test_a_head_the_challenger_does_not_learn_fails(truth):
    both = _evaluation(truth, _scores(truth, 0.5), heads=("escalation", "legal"))
    one = _evaluation(truth, _scores(truth, 0.5))

    result = gate(both, one, rounds=50)

    assert [c.short() for c in result.failures] == ["legal head (the challenger does not learn it)"]


@pytest.mark.parametrize("seed", range(5))
def test_the_bootstrap_metrics_give_scikit_learns_numbers(seed):
    from sklearn.metrics import f1_score, roc_auc_score

    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 2, 150)
    proba = np.round(rng.random(150), 1)  # rounded: many ties
    classes = ["billing", "legal", "tech", "other"]
    labels = np.asarray(classes)[rng.integers(0, 3, 150)]  # "other" is never true
    scores = rng.random((150, 4)) ** 3

    assert roc_auc(truth, proba) == pytest.approx(roc_auc_score(truth, proba), abs=1e-12)
    expected = f1_score(labels, np.asarray(classes)[scores.argmax(axis=1)], average="macro", zero_division=0)
    assert macro_f1(classes)(labels, scores) == pytest.approx(expected, abs=1e-12)


def test_roc_auc_of_one_class_is_refused_like_scikit_learns():
    with pytest.raises(ValueError):
        roc_auc(np.array([1, 1, 1]), np.array([0.2, 0.5, 0.9]))
