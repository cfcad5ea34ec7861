"""`triage retrain`'s merge of the history with human-confirmed feedback (``triage.retrain``): which labels
replace which, what happens to feedback without ticket text or on held-out tickets, and the refusal of
anything that is not feedback."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from triage.errors import TriageError
from triage.feedback import FeedbackIn, FeedbackStore
from triage.retrain import merge_feedback, read_feedback
from triage.schema import LabelledTicket, Ticket

CREATED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _history() -> list[LabelledTicket]:
    return [
        LabelledTicket(
            id="H-1",
            subject="Invoice charged twice",
            body="Two identical charges on our card this month.",
            created_at=CREATED,
            triggers=["financial"],
            labelled_triggers=["financial"],
            escalated=False,
            team="billing",
        ),
        LabelledTicket(id="H-2", subject="Password reset", body="The reset link has expired.", escalated=False),
        LabelledTicket(id="HOLD-1", subject="Held out", body="A ticket the gate judges on.", escalated=True),
    ]


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def test_feedback_replaces_the_history_labels_it_sets_and_keeps_the_others():
    feedback = [{"id": "H-1", "escalated": True, "triggers": ["technical"], "resolution_hours": 5.0}]

    merged, summary = merge_feedback(_history(), feedback, held_out=frozenset({"HOLD-1"}))

    by_id = {ticket.id: ticket for ticket in merged}
    corrected = by_id["H-1"]
    assert corrected.escalated is True and corrected.team == "billing"
    # Triggers judged on all three replace the history's narrower labelled_triggers with them.
    assert corrected.triggers == ["technical"] and corrected.labelled_triggers is None
    assert corrected.resolved_at == datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
    assert by_id["H-2"] == _history()[1]
    assert "HOLD-1" not in by_id
    assert (summary.history, summary.corrected, summary.held_out_history) == (2, ["H-1"], 1)


def test_feedback_on_other_tickets_needs_their_text_and_held_out_tickets_are_never_trained_on():
    fresh = [Ticket(id="NEW-1", subject="Legal notice", body="Our lawyer will contact you about the contract.")]
    feedback = [
        {"id": "NEW-1", "triggers": ["legal"], "escalated": True},
        {"id": "GONE-1", "escalated": True},
        {"id": "HOLD-1", "escalated": False},
    ]

    merged, summary = merge_feedback(_history(), feedback, fresh, held_out=frozenset({"HOLD-1"}))

    added = [ticket for ticket in merged if ticket.id == "NEW-1"]
    assert len(added) == 1 and added[0].triggers == ["legal"] and added[0].escalated is True
    assert summary.added == ["NEW-1"] and summary.without_text == ["GONE-1"]
    assert summary.held_out_feedback == ["HOLD-1"] and summary.feedback == 3
    assert not any(ticket.id in {"GONE-1", "HOLD-1"} for ticket in merged)
    lines = "\n".join(summary.lines())
    assert "1 tickets with no text" in lines and "GONE-1" in lines and "1 held-out tickets" in lines


def test_a_predictions_file_is_refused_as_feedback(tmp_path):
    prediction = {"id": "T-1", "model": {"version": "3"}, "trigger_labels": ["financial"], "escalation": {}}
    path = _write(tmp_path / "predictions.jsonl", [{"id": "T-0", "tier": 2}, prediction])

    with pytest.raises(TriageError, match=r"line 2: this is a prediction, not feedback"):
        read_feedback(path)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"id": "T-1", "tier": 9}, "line 1: field 'tier': Input should be less than or equal to 4"),
        ({"id": "T-1", "urgency": "high"}, "line 1: field 'urgency': Extra inputs are not permitted"),
        ({"tier": 2}, "line 1: expected a JSON object with a ticket 'id'"),
    ],
)
def test_a_bad_feedback_row_is_one_line_naming_it(tmp_path, row, message):
    with pytest.raises(TriageError, match=message):
        read_feedback(_write(tmp_path / "feedback.jsonl", [row]))


def test_feedback_is_read_from_the_store_url_as_the_export_writes_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'feedback.db'}"
    with FeedbackStore(url) as store:
        store.upgrade()
        store.record(FeedbackIn(idempotency_key="k1", ticket_id="H-2", source="agent", escalated=True))
        store.record(FeedbackIn(idempotency_key="k2", ticket_id="H-2", source="outcome", csat=2))

    assert read_feedback(url) == [{"id": "H-2", "escalated": True, "csat": 2}]


def test_an_unreadable_store_is_one_line_without_its_password():
    # Without psycopg installed, the URL is refused before connecting: still one line, still no password.
    with pytest.raises(TriageError, match=r"cannot read the feedback store|not a feedback store URL") as refused:
        read_feedback("postgresql+psycopg://triage:s3cret@127.0.0.1:1/feedback")
    assert "s3cret" not in str(refused.value)
