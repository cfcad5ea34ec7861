"""The paired bootstrap and the champion/challenger comparison, on small hand-built held-out sets."""

from __future__ import annotations

import numpy as np
import pytest

from triage.evaluation import Evaluation, HeldOut, compare, paired_bootstrap
from triage.evaluation.compare import roc_auc


def _held_out(truth, proba, classes=None) -> Evaluation:
    held_out = HeldOut(truth={"escalation": np.asarray(truth)}, proba={"escalation": np.asarray(proba)})
    if classes is not None:
        held_out.classes["escalation"] = classes
    return Evaluation(report={}, held_out=held_out)


def test_a_scorer_against_itself_is_a_tie_at_zero():
    rng = np.random.default_rng(1)
    truth = rng.integers(0, 2, 200)
    proba = np.clip(truth * 0.3 + rng.random(200) * 0.7, 0, 1)

    interval = paired_bootstrap(truth, proba, proba, roc_auc, rounds=200)

    assert interval == {"difference": 0.0, "low": 0.0, "high": 0.0}


def test_a_clearly_better_challenger_wins_and_a_worse_one_loses():
    rng = np.random.default_rng(2)
    truth = rng.integers(0, 2, 300)
    sharp = np.clip(truth * 0.6 + rng.random(300) * 0.4, 0, 1)
    noisy = rng.random(300)

    better = compare(_held_out(truth, noisy), _held_out(truth, sharp), rounds=200)["escalation"]
    worse = compare(_held_out(truth, sharp), _held_out(truth, noisy), rounds=200)["escalation"]

    assert better["verdict"] == "better" and better["low"] > 0
    assert better["champion"] == pytest.approx(0.5, abs=0.1) and better["challenger"] > 0.9
    assert worse["verdict"] == "worse" and worse["high"] < 0
    assert better["difference"] == pytest.approx(-worse["difference"])


def test_multiclass_heads_are_compared_on_macro_f1_in_each_models_class_order():
    truth = np.array(["a", "b", "c"] * 20)
    right = np.eye(3)[[0, 1, 2] * 20]
    # The challenger lists its classes in another order, with the same (correct) answers.
    reordered = right[:, [2, 0, 1]]

    result = compare(_held_out(truth, right, ["a", "b", "c"]), _held_out(truth, reordered, ["c", "a", "b"]), rounds=50)

    assert result["escalation"]["metric"] == "macro_f1"
    assert result["escalation"]["champion"] == result["escalation"]["challenger"] == 1.0
    assert result["escalation"]["verdict"] == "tie"


def test_evaluations_of_different_rows_are_refused():
    with pytest.raises(ValueError, match="same labelled rows"):
        compare(_held_out([0, 1, 1], [0.1, 0.8, 0.7]), _held_out([1, 1, 0], [0.1, 0.8, 0.7]))


def test_heads_with_different_rows_are_compared_on_the_rows_both_scored():
    # The challenger learned a team the champion did not: its team rows include ticket 4, the champion's
    # include ticket 0, which only the champion routes. Tickets 1-3 are in both.
    champion = HeldOut(
        truth={"team": np.array(["a", "b", "a", "b"])},
        proba={"team": np.eye(2)[[0, 1, 0, 1]]},
        classes={"team": ["a", "b"]},
        rows={"team": np.array([0, 1, 2, 3])},
    )
    challenger = HeldOut(
        truth={"team": np.array(["b", "a", "b", "c"])},
        proba={"team": np.eye(3)[[0, 0, 1, 2]]},  # wrong on tickets 2 and 3
        classes={"team": ["b", "a", "c"]},
        rows={"team": np.array([1, 2, 3, 4])},
    )

    result = compare(Evaluation({"rows": 5}, champion), Evaluation({"rows": 5}, challenger), rounds=50)["team"]

    assert result["rows"] == 3
    assert result["champion"] == 1.0 and result["challenger"] < 1.0

    with pytest.raises(ValueError, match="same tickets"):
        compare(Evaluation({"rows": 5}, champion), Evaluation({"rows": 6}, challenger))
