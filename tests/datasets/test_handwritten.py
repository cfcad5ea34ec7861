"""Our hand-written ticket sets: they parse under the data contract and their labels follow the labelling guide's
tier rules (docs/labelling.md): tier 1 is front-line and stays there, every other tier escalates to a team the
default policy knows, at a tier that team can hold."""

import json
from pathlib import Path

import pytest

from triage.io import read_labelled
from triage.policy.config import load_config
from triage.schema import TRIGGERS

ANNOTATIONS = Path(__file__).parents[2] / "data" / "annotations"
FRESH = ANNOTATIONS / "handwritten_fresh.jsonl"
# Management and executive tiers are reached through these teams only (the guide's tier 3-4 cases).
TEAMS_ABOVE_TIER_2 = {"technical", "account_management", "legal_compliance"}


def _raw_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_fresh_set_parses_with_unique_ids_of_its_own():
    tickets = read_labelled(FRESH)
    ids = [ticket.id for ticket in tickets]
    assert len(tickets) == 40
    assert len(set(ids)) == len(ids)
    older = {ticket.id for ticket in read_labelled(ANNOTATIONS / "handwritten.jsonl")}
    assert not older & set(ids)


def test_every_fresh_ticket_is_fully_labelled():
    for ticket in read_labelled(FRESH):
        assert ticket.triggers is not None and set(ticket.triggers) <= set(TRIGGERS), ticket.id
        assert ticket.frustration is not None and ticket.escalated is not None, ticket.id
        assert ticket.tier is not None and ticket.team, ticket.id


def test_fresh_tickets_carry_a_language_and_a_pattern_note():
    for row in _raw_rows(FRESH):
        assert len(row["language"]) == 2 and row["language"].islower(), row["id"]
        assert row["pattern"].strip(), row["id"]
    languages = [row["language"] for row in _raw_rows(FRESH)]
    assert 4 <= sum(language != "en" for language in languages) <= 6


@pytest.mark.parametrize(
    "path",
    [
        FRESH,
        ANNOTATIONS / "handwritten.jsonl",
        ANNOTATIONS / "handwritten_dev2.jsonl",
        ANNOTATIONS / "handwritten_check3.jsonl",
        ANNOTATIONS / "handwritten_check4.jsonl",
        ANNOTATIONS / "handwritten_check5.jsonl",
        ANNOTATIONS / "handwritten_check6.jsonl",
        ANNOTATIONS / "handwritten_check7.jsonl",
        ANNOTATIONS / "handwritten_check8.jsonl",
        ANNOTATIONS / "handwritten_check9.jsonl",
        ANNOTATIONS / "handwritten_check10.jsonl",
        ANNOTATIONS / "handwritten_check11.jsonl",
    ],
    ids=lambda path: path.name,
)
def test_tiers_and_teams_follow_the_guide(path):
    teams = {team.name for team in load_config().teams}
    labelled = [ticket for ticket in read_labelled(path) if ticket.tier is not None]
    assert labelled, f"{path.name} has no tier labels"
    for ticket in labelled:
        assert ticket.team in teams, ticket.id
        assert ticket.escalated == (ticket.tier > 1), ticket.id
        assert (ticket.team == "frontline") == (ticket.tier == 1), ticket.id
        if ticket.tier > 2:
            assert ticket.team in TEAMS_ABOVE_TIER_2, ticket.id
        if ticket.team == "account_management":
            assert ticket.tier >= 3, ticket.id


def test_about_a_third_of_the_fresh_set_stays_at_tier_1():
    tiers = [ticket.tier for ticket in read_labelled(FRESH)]
    assert 0.25 <= tiers.count(1) / len(tiers) <= 0.4
    assert set(tiers) == {1, 2, 3, 4}
