"""handwritten_more.jsonl: issue 11's 40 extra hand-written tickets, written and committed before the policy and
signal changes they check. They parse under the data contract, are fully labelled, follow the labelling guide's
tier rules, and cover both sides: about half stay at tier 1, the rest reach every tier and every trigger."""

from collections import Counter
from pathlib import Path

from triage.io import read_labelled
from triage.policy.config import load_config
from triage.schema import TRIGGERS

ANNOTATIONS = Path(__file__).parents[2] / "data" / "annotations"
MORE = ANNOTATIONS / "handwritten_more.jsonl"
TEAMS_ABOVE_TIER_2 = {"technical", "account_management", "legal_compliance"}


def test_the_set_parses_with_ids_no_other_set_uses():
    tickets = read_labelled(MORE)
    ids = [ticket.id for ticket in tickets]
    assert len(tickets) == 40
    assert len(set(ids)) == len(ids)
    assert not {ticket.id for ticket in read_labelled(ANNOTATIONS / "handwritten.jsonl")} & set(ids)


def test_every_ticket_is_fully_labelled_and_follows_the_guide():
    teams = {team.name for team in load_config().teams}
    for ticket in read_labelled(MORE):
        assert ticket.triggers is not None and set(ticket.triggers) <= set(TRIGGERS), ticket.id
        assert ticket.frustration is not None and ticket.tier is not None, ticket.id
        assert ticket.team in teams, ticket.id
        assert ticket.escalated == (ticket.tier > 1), ticket.id
        assert (ticket.team == "frontline") == (ticket.tier == 1), ticket.id
        # Tier 1 never carries a trigger: a trigger is expertise beyond front-line support.
        assert ticket.tier > 1 or not ticket.triggers, ticket.id
        if ticket.tier > 2:
            assert ticket.team in TEAMS_ABOVE_TIER_2, ticket.id


def test_half_stay_at_tier_1_and_the_rest_cover_every_tier_and_trigger():
    tickets = read_labelled(MORE)
    tiers = Counter(ticket.tier for ticket in tickets)
    assert tiers[1] == 20
    assert set(tiers) == {1, 2, 3, 4}
    triggers = Counter(name for ticket in tickets for name in ticket.triggers or [])
    assert all(triggers[name] >= 5 for name in TRIGGERS), triggers
