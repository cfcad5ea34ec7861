"""Thresholds at a target precision (triage.policy.calibration): the smallest threshold that reaches the
target, ties kept together, the configured default when the held-out rows cannot support one, the floor."""

import numpy as np

from triage.policy.calibration import calibrate, precision_threshold
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


def test_calibrate_never_goes_below_the_floor():
    config = load_config()
    truth = np.array([1] * 30 + [0] * 30)
    proba = np.r_[np.full(30, 0.2), np.full(30, 0.05)]  # separable: any threshold above 0.05 is precise

    calibration = calibrate(
        config,
        trigger_truth={"financial": truth},
        trigger_proba={"financial": proba},
        escalation_truth=None,
        escalation_proba=None,
        team_truth=None,
        team_proba=None,
        team_names=[],
        history=None,
    )

    assert calibration.trigger_thresholds["financial"] == config.thresholds.floor
