"""Validation of feedback events (``FeedbackIn``): labels named and bounded as in ``LabelledTicket``, strict
types where JSON would be coerced silently, aware times, and at least one label."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from triage.feedback import LABEL_FIELDS, FeedbackIn
from triage.schema import TRIGGERS, LabelledTicket

BASE = {"idempotency_key": "k", "ticket_id": "T-1", "source": "agent"}


def make(**fields: Any) -> FeedbackIn:
    return FeedbackIn.model_validate(BASE | fields)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"tier": 0}, "greater than or equal to 1"),
        ({"tier": 5}, "less than or equal to 4"),
        ({"tier": True}, "valid integer"),
        ({"tier": "2"}, "valid integer"),
        ({"csat": 0}, "greater than or equal to 1"),
        ({"csat": 6}, "less than or equal to 5"),
        ({"frustration": -1}, "greater than or equal to 0"),
        ({"frustration": 4}, "less than or equal to 3"),
        ({"escalated": 1}, "valid boolean"),
        ({"triggers": ["billing"]}, "'technical', 'financial' or 'legal'"),
        ({"triggers": ["legal"], "labelled_triggers": ["financial"]}, "not among labelled_triggers"),
        ({"labelled_triggers": ["financial"]}, "labelled_triggers needs triggers"),
        ({"resolution_hours": -1.0}, "greater than or equal to 0"),
        ({"resolution_hours": float("nan")}, "finite number"),
        ({"resolved_at": "2026-01-01T10:00:00"}, "timezone"),
        (
            {"resolved_at": "2026-01-01T10:00:00Z", "ticket_created_at": "2026-01-02T10:00:00Z"},
            "before ticket_created_at",
        ),
        ({"team": ""}, "at least 1 character"),
        ({"source": "model"}, "'agent', 'outcome' or 'helpdesk'"),
        ({"ticket_id": ""}, "at least 1 character"),
        ({"idempotency_key": "x" * 201}, "at most 200 characters"),
        ({"tier": 2, "surprise": 1}, "Extra inputs are not permitted"),
        ({}, "at least one label"),
        ({"corrects": {"model_version": "7"}}, "at least one label"),
        ({"tier": 2, "corrects": {"labels": {"tier": 9}}}, "less than or equal to 4"),
    ],
)
def test_invalid_events_are_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        make(**fields)


def test_the_triggers_are_the_schemas() -> None:
    assert make(triggers=list(TRIGGERS)).triggers == list(TRIGGERS)
    assert make(triggers=["legal", "legal"]).triggers == ["legal"]


def test_label_fields_are_labelled_ticket_fields() -> None:
    # resolution_hours is the one addition: it becomes resolved_at once the creation time is known.
    assert set(LABEL_FIELDS) - set(LabelledTicket.model_fields) == {"resolution_hours"}


def test_the_key_may_come_from_a_header() -> None:
    event = FeedbackIn.model_validate({"ticket_id": "T-1", "source": "outcome", "csat": 5})
    assert event.idempotency_key is None
    assert event.with_key("from-header").idempotency_key == "from-header"
    assert make(tier=1).with_key("k").idempotency_key == "k"
    with pytest.raises(ValueError, match="differ"):
        make(tier=1).with_key("other")
