"""Builders for the objects many tests need, so each test states only what matters to it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from triage.schema import Ticket
from triage.scores import HeadScores
from triage.text.trajectory import Trajectory, trajectory

FIRST_CONTACT = Trajectory(customer_contacts=1, agent_replies=0, hours_open=0.0, failed_attempts=0)


def head_scores(ticket: Ticket | None = None, **changes: Any) -> HeadScores:
    """Calm, routine model output (with the ticket's own trajectory when one is given); tests change only
    what matters to them."""
    base = HeadScores(
        triggers={"technical": 0.05, "financial": 0.05, "legal": 0.05},
        escalation=0.1,
        frustration_score=0.05,
        frustration_level=0,
        frustration_cues=[],
        lexicon_frustration=0.05,
        team={},
        signals={},
        trajectory=trajectory(ticket) if ticket is not None else FIRST_CONTACT,
    )
    return replace(base, **changes)


def ticket(body: str, contract_value: float | None = None, strategic: bool | None = None, **fields: Any) -> Ticket:
    """A ticket from a business customer (Northwind Ltd) with the given body."""
    return Ticket.model_validate(
        {
            "id": "T-1",
            "subject": "Support request",
            "body": body,
            "customer": {"company": "Northwind Ltd", "annual_contract_value": contract_value, "strategic": strategic},
            **fields,
        }
    )
