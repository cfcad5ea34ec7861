"""The learned frustration head's share (triage.text.frustration.choose_learned_share, used by training): the
best blend on a team's own tickets, a cautious one on rows from the head's own public sources."""

from __future__ import annotations

import math

import pytest

from triage.text.frustration import PROXY_SHARE_TOLERANCE, choose_learned_share

SHARES = tuple(round(0.1 * step, 1) for step in range(11))
# Spearman by share as measured on held-out GoEmotions rows (flat from 0.2) and airline tweets (head far ahead).
GOEMOTIONS = (0.385, 0.402, 0.408, 0.414, 0.419, 0.422, 0.425, 0.427, 0.428, 0.427, 0.424)
AIRLINE = (0.500, 0.685, 0.716, 0.734, 0.747, 0.753, 0.756, 0.757, 0.757, 0.757, 0.758)


def test_own_tickets_get_the_best_share() -> None:
    share, rule = choose_learned_share(SHARES, AIRLINE, proxy_rows=False)
    assert share == 1.0
    assert rule.startswith("the best (share: Spearman 0: 0.500")


def test_a_tie_goes_to_the_smaller_share() -> None:
    assert choose_learned_share(SHARES, (0.1,) * 5 + (0.3,) * 6, proxy_rows=False)[0] == 0.5


def test_public_proxy_rows_get_the_smallest_share_near_the_best() -> None:
    share, rule = choose_learned_share(SHARES, GOEMOTIONS, proxy_rows=True)
    assert share == 0.2
    assert f"within {PROXY_SHARE_TOLERANCE}" in rule
    # Where the head is far ahead, caution still follows it.
    assert choose_learned_share(SHARES, AIRLINE, proxy_rows=True)[0] == 0.4


def test_undefined_correlations_are_skipped_and_all_undefined_is_an_error() -> None:
    assert choose_learned_share(SHARES, (math.nan,) + GOEMOTIONS[1:], proxy_rows=False)[0] == 0.8
    with pytest.raises(ValueError, match="one Spearman value"):
        choose_learned_share(SHARES, (math.nan,) * 11, proxy_rows=False)
    with pytest.raises(ValueError, match="one Spearman value"):
        choose_learned_share(SHARES, GOEMOTIONS[:3], proxy_rows=False)
