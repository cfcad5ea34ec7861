"""The draft-quality checklist (docs/handoffs.md) over 30 hand-written tickets (tests/handoff/checklist/tickets.jsonl).

Each fixture row is a ticket, what a model could plausibly say about it (trigger labels, team, frustration
level), and what a good draft must carry (facts, the customer's deadline, a case-specific action, the
missing-information items it must not ask for). The signals are the real extractor's, the decision the real
policy's; only the model heads are fixed, so the checks grade the drafts and not the model.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from drafting import prediction_for
from factories import head_scores

from triage.handoff.drafts import draft_acknowledgement, draft_handoff
from triage.policy.config import EscalationConfig, load_config
from triage.policy.decision import decide
from triage.schema import Ticket
from triage.scores import HeadScores
from triage.text.signals import find_signals

sys.path.insert(0, str(Path(__file__).parent / "checklist"))

from rubric import FIRST_RESPONSE_HOURS, INTERNAL_NAMES, Drafts, failures  # noqa: E402

CHECKLIST = Path(__file__).parent / "checklist" / "tickets.jsonl"
ROWS = [json.loads(line) for line in CHECKLIST.read_text(encoding="utf-8").splitlines() if line.strip()]
CONFIG = load_config()


@pytest.fixture(scope="module")
def signals() -> dict[str, dict[str, int]]:
    tickets = [Ticket.model_validate(row["ticket"]) for row in ROWS]
    found = find_signals(f"{ticket.subject}\n{ticket.body}" for ticket in tickets)
    return {
        ticket.id: {name: len(spans) for name, spans in row.items()} for ticket, row in zip(tickets, found, strict=True)
    }


def scores_for(ticket: Ticket, model: dict[str, Any], signals: dict[str, int]) -> HeadScores:
    """Confident heads that agree with the fixture's labels and team."""
    triggers = {name: (0.9 if name in model["labels"] else 0.05) for name in ("technical", "financial", "legal")}
    team = {name: 0.02 for name in ("frontline", "technical", "billing", "account_management", "legal_compliance")}
    team[model["team"]] = 0.92
    return head_scores(
        ticket,
        triggers=triggers,
        escalation=0.9,
        frustration_score=0.25 * model["frustration"],
        frustration_level=model["frustration"],
        team=team,
        signals=signals,
    )


def drafted(row: dict[str, Any], signals: dict[str, dict[str, int]], config: EscalationConfig = CONFIG) -> Any:
    ticket = Ticket.model_validate(row["ticket"])
    scores = scores_for(ticket, row["model"], signals[ticket.id])
    decision = decide(ticket, scores, config)
    prediction = prediction_for(ticket, scores, decision)
    handoff = draft_handoff(ticket, prediction, scores, decision, config=config)
    acknowledgement = draft_acknowledgement(ticket, prediction, scores, decision, config=config)
    return ticket, decision, handoff, acknowledgement


def for_grading(row: dict[str, Any], ticket: Ticket, decision: Any, handoff: Any, acknowledgement: Any) -> Drafts:
    """A row's drafts as the rubric reads them, with the person's frustration label and the row's expectations."""
    return Drafts(
        ticket=ticket,
        handoff=handoff.text,
        missing=handoff.missing_information,
        acknowledgement=acknowledgement.text if acknowledgement else None,
        tier=decision.recommendation.tier,
        abstain=decision.recommendation.abstain,
        frustration_label=row["model"]["frustration"],
        expect=row["expect"],
    )


def test_the_checklist_has_thirty_tickets_of_every_kind():
    assert len(ROWS) == 30
    assert len({row["ticket"]["id"] for row in ROWS}) == 30
    assert sum(row["expect"]["urgent"] for row in ROWS) >= 10  # outages, takeovers, exposures, fraud
    assert sum(bool(row["expect"]["deadline"]) for row in ROWS) >= 10


@pytest.mark.parametrize("row", ROWS, ids=[row["ticket"]["id"] for row in ROWS])
def test_draft_meets_the_rubric(row, signals):
    ticket, decision, handoff, acknowledgement = drafted(row, signals)
    if row["expect"].get("stays_at_tier_1"):
        # A refund within policy asked as a routine request: the guide keeps it at the front line, so no drafts.
        assert decision.recommendation.tier == 1 and not decision.escalate and acknowledgement is None
        return
    assert failures(for_grading(row, ticket, decision, handoff, acknowledgement)) == []
    assert acknowledgement is not None
    first_response = FIRST_RESPONSE_HOURS[decision.recommendation.tier]
    assert f"reply within {first_response} hour" in acknowledgement.text
    assert not INTERNAL_NAMES.search(acknowledgement.text)
    team = decision.recommendation.team
    assert f"{team.replace('_', ' ')} team" not in acknowledgement.text and "_" not in acknowledgement.text
    if row["expect"]["deadline"]:
        assert row["expect"]["deadline"] in handoff.deadlines[0] or row["expect"]["deadline"] in " ".join(
            handoff.deadlines
        )
        assert "customer deadline" in handoff.subject
    for fact in row["expect"]["facts"]:
        assert fact.lower() in handoff.html.lower().replace("&#39;", "'").replace("&amp;", "&")


def test_abstained_ticket_gets_a_handoff_but_no_acknowledgement(signals):
    row = ROWS[0]
    ticket = Ticket.model_validate(row["ticket"])
    # Two teams too close to call, and no rule: the policy sends the ticket to a person. The team head decides
    # the team only when the triggers do not (routing.triggers_choose_team off).
    scores = replace(
        scores_for(ticket, row["model"], {}),
        team={"technical": 0.46, "billing": 0.45, "frontline": 0.09},
    )
    team_head_routes = CONFIG.model_copy(
        update={"routing": CONFIG.routing.model_copy(update={"triggers_choose_team": False})}
    )
    decision = decide(ticket, scores, team_head_routes)
    prediction = prediction_for(ticket, scores, decision)

    assert decision.recommendation.abstain
    assert draft_acknowledgement(ticket, prediction, scores, decision) is None
    assert "abstain: yes: human review" in draft_handoff(ticket, prediction, scores, decision).text


def _with_handoffs(settings: dict[str, Any]) -> EscalationConfig:
    return EscalationConfig.model_validate(
        {**CONFIG.model_dump(by_alias=True, exclude_none=True), "handoffs": settings}
    )


def test_high_value_follows_the_configured_threshold(signals):
    row = next(row for row in ROWS if row["ticket"]["id"] == "CL19")  # $85,000 a year, not strategic

    assert "high_value" not in drafted(row, signals)[2].template
    lower = _with_handoffs({"high_value": {"min_annual_contract_value": 50_000}})
    assert "high_value" in drafted(row, signals, lower)[2].template


def test_a_team_target_and_a_case_action_from_the_configuration(signals):
    row = next(row for row in ROWS if row["ticket"]["id"] == "CL01")  # an outage, technical team
    _, decision, _, _ = drafted(row, signals)
    config = _with_handoffs(
        {
            "service_targets": [
                {
                    "tier": decision.recommendation.tier,
                    "team": "technical",
                    "first_response_hours": 0.5,
                    "update_hours": 2,
                }
            ],
            "case_actions": {"outage": ["page the on-call SRE"]},
            "owner_roles": {"technical": "our incident commander"},
        }
    )

    _, _, handoff, acknowledgement = drafted(row, signals, config)

    assert "reply within less than an hour" in acknowledgement.text
    assert "every 2 hours" in acknowledgement.text
    assert "our incident commander" in acknowledgement.text
    assert "- page the on-call SRE" in handoff.text
    assert "bridge call" not in handoff.text


def test_still_and_the_apology_follow_the_history(signals):
    first = next(row for row in ROWS if row["ticket"]["id"] == "CL05")  # calm, first contact
    repeat = next(row for row in ROWS if row["ticket"]["id"] == "CL16")  # came back after a promise

    calm = drafted(first, signals)[3].text
    again = drafted(repeat, signals)[3].text

    assert "sorry" not in calm and "still" not in calm
    assert "still not resolved and that you have had to contact us again" in again
    assert 'we wrote "you\'ll hear back within 3 days", and we did not keep that promise' in again
