"""The export is training data: demo tickets' labels sent as feedback events, exported, joined with the
tickets' text (which the store never holds) and read back as ``triage train`` reads its files, give the same
labels the tickets started with."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pandas as pd

from triage.datasets.demo import generate
from triage.feedback import FeedbackIn, FeedbackStore, join_labels
from triage.io import read_labelled, to_frame, write_records
from triage.model.training import label_columns
from triage.schema import LabelledTicket, Ticket

COMPARED = ("triggers", "escalated", "frustration", "tier", "team", "first_contact_resolution", "csat")


def send_feedback(store: FeedbackStore, ticket: LabelledTicket, index: int) -> None:
    """An agent's correction of a wrong prediction, then the ticket's outcome from the helpdesk."""
    store.record(
        FeedbackIn(
            idempotency_key=f"{ticket.id}:agent",
            ticket_id=ticket.id,
            source="agent",
            triggers=ticket.triggers,
            team=ticket.team,
            tier=ticket.tier,
            frustration=ticket.frustration,
            corrects={"model_version": "7", "labels": {"team": "wrong_team", "tier": 4}},
        )
    )
    assert ticket.created_at is not None and ticket.resolved_at is not None
    hours = (ticket.resolved_at - ticket.created_at).total_seconds() / 3600
    # Half the helpdesks send the resolution time, half the hours (with the creation time on every other).
    timing: dict[str, object] = (
        {"resolved_at": ticket.resolved_at}
        if index % 2
        else {"resolution_hours": hours} | ({"ticket_created_at": ticket.created_at} if index % 4 else {})
    )
    store.record(
        FeedbackIn.model_validate(
            {
                "idempotency_key": f"{ticket.id}:outcome",
                "ticket_id": ticket.id,
                "source": "outcome",
                "escalated": ticket.escalated,
                "csat": ticket.csat,
                "first_contact_resolution": ticket.first_contact_resolution,
            }
            | timing
        )
    )


def test_exported_labels_joined_with_the_text_are_the_original_training_rows(tmp_path: Path) -> None:
    originals = [ticket for ticket in generate(60, seed=5) if ticket.resolved_at is not None]
    with FeedbackStore(f"sqlite:///{tmp_path / 'feedback.db'}") as store:
        store.upgrade()
        for index, ticket in enumerate(originals):
            send_feedback(store, ticket, index)
        lines = [json.dumps(row) for row in store.export()]  # what GET /v1/feedback/export sends
    assert "wrong_team" not in "".join(lines)
    texts = [Ticket.model_validate(ticket.model_dump()) for ticket in originals]  # the helpdesk's copy, no labels
    joined = list(join_labels(texts, (json.loads(line) for line in lines)))
    path = write_records(joined, tmp_path / "train.jsonl")
    rows = read_labelled(path)  # what `triage train --data` reads

    assert [row.id for row in rows] == [ticket.id for ticket in originals]
    for row, original in zip(rows, originals, strict=True):
        assert {name: getattr(row, name) for name in COMPARED} == {name: getattr(original, name) for name in COMPARED}
        assert row.subject == original.subject and row.body == original.body
        assert row.resolved_at is not None and original.resolved_at is not None
        assert abs(row.resolved_at - original.resolved_at) < timedelta(milliseconds=1)
    got, expected = label_columns(to_frame(rows)), label_columns(to_frame(originals))
    assert got.keys() == expected.keys()
    for head in expected:
        pd.testing.assert_series_equal(got[head], expected[head])


def test_tickets_without_feedback_are_left_out_of_the_join() -> None:
    tickets = [Ticket(id="A", subject="one"), Ticket(id="B", subject="two")]
    assert [row.id for row in join_labels(tickets, [{"id": "B", "tier": 2}])] == ["B"]
