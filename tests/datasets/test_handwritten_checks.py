"""The checks written at the start of a session before its changes, by someone who had not read the rules' code:
handwritten_check3.jsonl (round two's sixth session), handwritten_check4.jsonl (its seventh),
handwritten_check5.jsonl (its eighth), handwritten_check6.jsonl (its ninth), handwritten_check7.jsonl (its
tenth), handwritten_check8.jsonl (its eleventh), handwritten_check9.jsonl (its twelfth),
handwritten_check10.jsonl (its thirteenth) and handwritten_check11.jsonl (its fourteenth), 40 tickets each.
They parse under the data contract, use ids no other set uses, are fully labelled, follow the guide's tier
convention, and cover both sides: some stay at tier 1, the rest reach every tier and every trigger."""

from collections import Counter
from pathlib import Path

import pytest

from triage.io import read_labelled
from triage.schema import TRIGGERS

ANNOTATIONS = Path(__file__).parents[2] / "data" / "annotations"
SETS = (
    "handwritten",
    "handwritten_dev2",
    "handwritten_fresh",
    "handwritten_more",
    "handwritten_check3",
    "handwritten_check4",
    "handwritten_check5",
    "handwritten_check6",
    "handwritten_check7",
    "handwritten_check8",
    "handwritten_check9",
    "handwritten_check10",
    "handwritten_check11",
)
# Each check, with the number of its tickets that stay at tier 1.
CHECKS = {
    "handwritten_check3": 14,
    "handwritten_check4": 15,
    "handwritten_check5": 15,
    "handwritten_check6": 16,
    "handwritten_check7": 16,
    "handwritten_check8": 16,
    "handwritten_check9": 16,
    "handwritten_check10": 17,
    "handwritten_check11": 17,
}


@pytest.mark.parametrize("name", CHECKS)
def test_the_set_parses_with_ids_no_other_set_uses(name):
    tickets = read_labelled(ANNOTATIONS / f"{name}.jsonl")
    ids = [ticket.id for ticket in tickets]
    assert len(tickets) == 40
    assert len(set(ids)) == len(ids)
    others = {ticket.id for other in SETS if other != name for ticket in read_labelled(ANNOTATIONS / f"{other}.jsonl")}
    assert not others & set(ids)


@pytest.mark.parametrize("name", CHECKS)
def test_every_ticket_is_fully_labelled_and_tier_1_carries_no_trigger(name):
    # Tiers and teams against the guide: tests/datasets/test_handwritten.py, with the other sets.
    for ticket in read_labelled(ANNOTATIONS / f"{name}.jsonl"):
        assert ticket.triggers is not None and set(ticket.triggers) <= set(TRIGGERS), ticket.id
        assert ticket.frustration is not None and ticket.tier is not None, ticket.id
        assert ticket.tier > 1 or not ticket.triggers, ticket.id


@pytest.mark.parametrize(("name", "stay_at_tier_1"), CHECKS.items())
def test_both_sides_every_tier_trigger_and_frustration_level(name, stay_at_tier_1):
    tickets = read_labelled(ANNOTATIONS / f"{name}.jsonl")
    tiers = Counter(ticket.tier for ticket in tickets)
    assert tiers[1] == stay_at_tier_1
    assert set(tiers) == {1, 2, 3, 4}
    triggers = Counter(name for ticket in tickets for name in ticket.triggers or [])
    assert all(triggers[name] >= 5 for name in TRIGGERS), triggers
    assert set(Counter(ticket.frustration for ticket in tickets)) == {0, 1, 2, 3}
    assert sum(bool(ticket.history) for ticket in tickets) >= 8
