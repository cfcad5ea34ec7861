"""handwritten_check4.jsonl: round two's seventh session's fourth check, 40 tickets written and labelled by the guide
before that session's changes, by someone who had not read the rules' code. They parse under the data contract, are
fully labelled, follow the guide's tier convention, and cover both sides: 15 stay at tier 1, the rest reach every
tier and every trigger."""

from collections import Counter
from pathlib import Path

from triage.io import read_labelled
from triage.schema import TRIGGERS

ANNOTATIONS = Path(__file__).parents[2] / "data" / "annotations"
CHECK4 = ANNOTATIONS / "handwritten_check4.jsonl"
OTHER_SETS = (
    "handwritten.jsonl",
    "handwritten_dev2.jsonl",
    "handwritten_fresh.jsonl",
    "handwritten_more.jsonl",
    "handwritten_check3.jsonl",
)


def test_the_set_parses_with_ids_no_other_set_uses():
    tickets = read_labelled(CHECK4)
    ids = [ticket.id for ticket in tickets]
    assert len(tickets) == 40
    assert len(set(ids)) == len(ids)
    others = {ticket.id for name in OTHER_SETS for ticket in read_labelled(ANNOTATIONS / name)}
    assert not others & set(ids)


def test_every_ticket_is_fully_labelled_and_tier_1_carries_no_trigger():
    # Tiers and teams against the guide: tests/datasets/test_handwritten.py, with the other sets.
    for ticket in read_labelled(CHECK4):
        assert ticket.triggers is not None and set(ticket.triggers) <= set(TRIGGERS), ticket.id
        assert ticket.frustration is not None and ticket.tier is not None, ticket.id
        assert ticket.tier > 1 or not ticket.triggers, ticket.id


def test_both_sides_every_tier_trigger_and_frustration_level():
    tickets = read_labelled(CHECK4)
    tiers = Counter(ticket.tier for ticket in tickets)
    assert tiers[1] == 15
    assert set(tiers) == {1, 2, 3, 4}
    triggers = Counter(name for ticket in tickets for name in ticket.triggers or [])
    assert all(triggers[name] >= 5 for name in TRIGGERS), triggers
    assert set(Counter(ticket.frustration for ticket in tickets)) == {0, 1, 2, 3}
    assert sum(bool(ticket.history) for ticket in tickets) >= 8
