"""Frustration across the conversation (triage.model.scorer): the customer's earlier turns carry over to
this message, and the trend says whether the customer is growing angrier. Hand-written multi-turn tickets
in tests/fixtures/frustration_trend.jsonl, each with the trend and the conversation's level we read in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scipy.stats import spearmanr

from triage.model.scorer import HISTORY_CARRY, frustration_trend, with_history
from triage.pipeline import Triage
from triage.schema import Ticket
from triage.text.frustration import analyse_cues

FIXTURE = Path(__file__).parents[1] / "fixtures" / "frustration_trend.jsonl"
CASES = [json.loads(line) for line in FIXTURE.read_text().splitlines() if line.strip()]


def conversation(case: dict, with_earlier_turns: bool = True) -> Ticket:
    return Ticket.model_validate(
        {
            "id": case["id"],
            "subject": case["subject"],
            "body": case["body"],
            "history": case["history"] if with_earlier_turns else [],
        }
    )


@pytest.fixture(scope="module")
def scored(model):
    tickets = [conversation(case) for case in CASES]
    return dict(zip([case["id"] for case in CASES], model.score(tickets, explain=False), strict=True))


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_trend_of_hand_written_conversations(scored, case):
    assert scored[case["id"]].frustration_trend == case["trend"]


def test_the_fixtures_cover_every_trend_and_angry_history_with_a_polite_message():
    assert {case["trend"] for case in CASES} == {"rising", "steady", "falling", None}
    assert any(case["id"].startswith("angry-history-polite-now") for case in CASES)


@pytest.mark.parametrize("case_id", ["angry-history-polite-now", "angry-history-polite-now-2", "falling-calmer"])
def test_a_polite_message_after_an_angry_history_is_still_heard(model, scored, case_id):
    case = next(case for case in CASES if case["id"] == case_id)
    alone = model.score([conversation(case, with_earlier_turns=False)], explain=False)[0]
    heard = scored[case_id]
    assert heard.frustration_level >= 1 > alone.frustration_level
    assert heard.frustration_score > alone.frustration_score


def test_a_message_angrier_than_its_history_keeps_its_own_score(model, scored):
    case = next(case for case in CASES if case["id"] == "rising-export")
    alone = model.score([conversation(case, with_earlier_turns=False)], explain=False)[0]
    assert scored[case["id"]].frustration_score == pytest.approx(alone.frustration_score)
    assert scored[case["id"]].frustration_level == alone.frustration_level


def test_calm_conversations_stay_calm(scored):
    for case_id in ("steady-calm", "steady-calm-2", "agent-only-history"):
        assert scored[case_id].frustration_level == 0


def test_the_conversation_score_ranks_the_hand_labelled_levels(scored):
    levels = [case["level"] for case in CASES]
    rho = spearmanr(levels, [scored[case["id"]].frustration_score for case in CASES]).statistic
    assert rho >= 0.8


def test_the_prediction_carries_the_trend(model):
    case = next(case for case in CASES if case["id"] == "rising-sync")
    first_contact = next(case for case in CASES if case["id"] == "no-history")
    rising, alone = Triage.of(model).predict([conversation(case), conversation(first_contact)], explain=False)
    assert rising.frustration.trend == "rising"
    assert alone.frustration.trend is None


@pytest.mark.parametrize(
    ("current", "history", "trend"),
    [(0.5, 0.1, "rising"), (0.1, 0.5, "falling"), (0.3, 0.3, "steady"), (0.2, 0.1, "steady"), (0.0, 0.0, "steady")],
)
def test_trend_rule(current, history, trend):
    assert frustration_trend(current, history) == trend


def test_history_rule_fades_the_earlier_turns_by_a_level():
    angry = analyse_cues(["This is a DISGRACE. Useless, incompetent people!!! I am sick of your lies."])[0]
    assert angry.level == 3
    assert with_history(0.0, 0, angry.score, angry.level) == (pytest.approx(HISTORY_CARRY * angry.score), 2)
    assert with_history(0.9, 3, angry.score, angry.level) == (0.9, 3)
