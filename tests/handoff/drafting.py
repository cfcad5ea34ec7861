"""The prediction a decision gives, for the hand-off tests that build scores by hand."""

from __future__ import annotations

from triage.policy.decision import Decision
from triage.schema import Escalation, Frustration, ModelRef, Prediction, Ticket
from triage.scores import HeadScores


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
