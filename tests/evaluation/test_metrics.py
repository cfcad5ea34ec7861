"""The ordinal measures added for the hand-written checks: quadratic-weighted kappa and tier agreement."""

import pytest

from triage.evaluation.metrics import ordinal_agreement, quadratic_weighted_kappa

LEVELS = [0, 1, 2, 3]


def test_kappa_is_one_for_agreement_and_minus_one_for_opposite_extremes():
    assert quadratic_weighted_kappa([0, 1, 2, 3], [0, 1, 2, 3], LEVELS) == pytest.approx(1.0)
    assert quadratic_weighted_kappa([0, 3], [3, 0], LEVELS) == pytest.approx(-1.0)


def test_kappa_matches_a_hand_computed_value():
    # One miss by one level out of four. Weighted observed disagreement 1/9 over n=4; chance disagreement from
    # the marginals (truth 1,2,1,0; predicted 1,1,2,0) sums to 5/9 over n=4: kappa = 1 - (1/9)/(5/9) = 0.8.
    assert quadratic_weighted_kappa([0, 1, 1, 2], [0, 1, 2, 2], LEVELS) == pytest.approx(0.8)


def test_kappa_punishes_a_two_level_miss_more_than_a_one_level_miss():
    truth = [0, 0, 1, 2, 3, 3]
    one_off = quadratic_weighted_kappa(truth, [0, 1, 1, 2, 3, 3], LEVELS)
    two_off = quadratic_weighted_kappa(truth, [0, 2, 1, 2, 3, 3], LEVELS)
    assert one_off > two_off


def test_kappa_is_undefined_when_both_sides_give_one_level():
    assert quadratic_weighted_kappa([0, 0, 0], [0, 0, 0], LEVELS) is None


def test_ordinal_agreement_counts_exact_and_within_one():
    assert ordinal_agreement([1, 2, 3, 4], [1, 3, 1, 4]) == {"n": 4, "exact": 0.5, "within_one": 0.75}
    assert ordinal_agreement([], []) == {"n": 0, "exact": None, "within_one": None}


def test_ordinal_agreement_refuses_lists_of_different_lengths():
    with pytest.raises(ValueError, match="3 true labels but 2 predicted"):
        ordinal_agreement([1, 2, 3], [1, 2])
