"""Thresholds at a target precision (triage.policy.calibration): the smallest threshold that reaches the
target, ties kept together, the configured default when the held-out rows cannot support one, the floor."""

import numpy as np

from triage.policy.calibration import calibrate, precision_threshold, too_easy
from triage.policy.config import load_config


def _threshold(truth, proba, target=0.8, min_positives=2, default=0.5):
    return precision_threshold(
        np.array(truth), np.array(proba), target_precision=target, min_positives=min_positives, default=default
    )


def test_the_smallest_threshold_that_reaches_the_target_precision():
    # Ranked: 0.9 yes, 0.8 yes, 0.7 no, 0.6 yes, 0.5 yes, 0.4 no, 0.3 no: precision 1, 1, .67, .75, .8, .67, .57.
    truth = [1, 1, 0, 1, 1, 0, 0]
    proba = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3]

    assert _threshold(truth, proba, target=0.8) == 0.5
    assert _threshold(truth, proba, target=0.9) == 0.8


def test_tied_probabilities_are_predicted_together():
    # At 0.6 both tied rows are predicted (precision 2/3 after the first row), so 0.8 is not reached there.
    truth = [1, 1, 0]
    proba = [0.9, 0.6, 0.6]

    assert _threshold(truth, proba, target=0.8) == 0.9


def test_the_default_when_positives_are_too_few_or_the_target_is_never_reached():
    assert _threshold([1, 0, 0], [0.9, 0.5, 0.1], min_positives=2) == 0.5
    assert _threshold([0, 1, 1], [0.9, 0.5, 0.1], target=0.95, default=0.42) == 0.42


def _calibrate_financial(truth, proba):
    return calibrate(
        load_config(),
        trigger_truth={"financial": np.asarray(truth)},
        trigger_proba={"financial": np.asarray(proba)},
        escalation_truth=None,
        escalation_proba=None,
        team_truth=None,
        team_proba=None,
        team_names=[],
        history=None,
    )


def test_calibrate_never_goes_below_the_floor():
    config = load_config()
    # Two negatives above the floor: predicting every row from the floor up is wrong, so the rows can choose;
    # 0.2 reaches the target (30 of 32), but no threshold goes below the floor.
    truth = np.r_[np.zeros(2, int), np.ones(30, int), np.zeros(30, int)]
    proba = np.r_[np.full(2, 0.35), np.full(30, 0.2), np.full(30, 0.05)]

    assert _threshold(truth, proba) == 0.2
    assert _calibrate_financial(truth, proba).trigger_thresholds["financial"] == config.thresholds.floor


def test_rows_that_reach_the_target_everywhere_down_to_the_floor_keep_the_configured_threshold():
    config = load_config()
    # Separable: every threshold above 0.05 is precise, so these rows cannot choose one (held-out rows like
    # the training rows); the configured value applies, not the floor.
    truth = np.array([1] * 30 + [0] * 30)
    proba = np.r_[np.full(30, 0.6), np.full(30, 0.05)]

    assert too_easy(truth, proba, floor=0.3, target_precision=0.8)
    assert _calibrate_financial(truth, proba).trigger_thresholds["financial"] == config.thresholds.triggers["financial"]


def test_rows_with_mistakes_above_the_floor_are_not_too_easy():
    truth = np.array([1, 1, 1, 0, 0, 0])
    proba = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.1])

    assert not too_easy(truth, proba, floor=0.3, target_precision=0.8)
    assert too_easy(truth, proba, floor=0.3, target_precision=0.6)
    assert not too_easy(truth, proba, floor=0.95, target_precision=0.1)  # nothing predicted: nothing to judge
