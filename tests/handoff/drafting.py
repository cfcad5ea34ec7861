"""The prediction a decision gives, for the hand-off tests that build scores by hand."""

from __future__ import annotations

from typing import Any

from factories import head_scores

from triage.handoff.drafts import Acknowledgement, Handoff, draft_acknowledgement, draft_handoff
from triage.policy.config import load_config
from triage.policy.decision import Decision, decide
from triage.schema import Escalation, Frustration, ModelRef, Prediction, Ticket
from triage.scores import HeadScores

CONFIG = load_config()


def prediction_for(ticket: Ticket, scores: HeadScores, decision: Decision) -> Prediction:
    return Prediction(
        id=ticket.id,
        model=ModelRef(version="1"),
        triggers=scores.triggers,
        trigger_labels=decision.trigger_labels,
        escalation=Escalation(probability=scores.escalation, escalate=decision.escalate),
        frustration=Frustration(
            score=scores.frustration_score, level=scores.frustration_level, cues=scores.frustration_cues
        ),
        recommendation=decision.recommendation,
        reasons=decision.reasons,
    )


def drafts_of(
    body: str,
    triggers: dict[str, float],
    team: dict[str, float],
    created_at: str | None = None,
    signals: dict[str, int] | None = None,
    history: list[dict[str, Any]] | None = None,
    **customer: Any,
) -> tuple[Handoff, Acknowledgement | None]:
    """The hand-off and acknowledgement for a one-message ticket whose heads say ``triggers`` and ``team``
    (every other trigger at 0.02, escalation 0.9), decided by the default configuration."""
    ticket = Ticket.model_validate(
        {
            "id": "T-1",
            "subject": "Help",
            "body": body,
            "created_at": created_at,
            "history": history or [],
            "customer": customer or None,
        }
    )
    scores = head_scores(
        ticket,
        triggers={"technical": 0.02, "financial": 0.02, "legal": 0.02, **triggers},
        escalation=0.9,
        team=team,
        signals=signals or {},
    )
    decision = decide(ticket, scores, CONFIG)
    prediction = prediction_for(ticket, scores, decision)
    return draft_handoff(ticket, prediction, scores, decision), draft_acknowledgement(
        ticket, prediction, scores, decision
    )
