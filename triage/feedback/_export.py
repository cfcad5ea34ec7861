"""Events into training labels: :func:`merge_labels` folds a ticket's events into one ``LabelledTicket``-shaped
dict, :func:`join_labels` puts those labels on the tickets' text for ``triage train``."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timedelta
from operator import itemgetter
from typing import Any

from triage.feedback._schema import LABEL_FIELDS
from triage.schema import LabelledTicket, Ticket

# Fields set together: the latest event that sets one of them decides all of them.
_PAIRS = (("triggers", "labelled_triggers"), ("resolved_at", "resolution_hours"))
_PAIRED = {name for pair in _PAIRS for name in pair}


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def merge_labels(rows: Iterable[Mapping[Any, Any]]) -> Iterator[dict[str, Any]]:
    """One dict per ticket from event rows sorted by ticket, then in the order received.

    The latest event that sets a label wins; ``triggers`` and ``labelled_triggers`` go together, as do
    ``resolved_at`` and ``resolution_hours``. Hours become ``resolved_at`` when an event gave the ticket's
    creation time; otherwise ``resolution_hours`` stays (an extra key ``LabelledTicket`` ignores, and
    :func:`join_labels` resolves with the ticket's ``created_at``). Values are JSON-ready (ISO times).
    """
    for ticket_id, group in itertools.groupby(rows, key=itemgetter("ticket_id")):
        merged: dict[str, Any] = {}
        created_at = None
        for row in group:
            created_at = row.get("ticket_created_at") or created_at
            for pair in _PAIRS:
                if any(row.get(name) is not None for name in pair):
                    merged.update({name: row.get(name) for name in pair})
            merged.update(
                {name: row[name] for name in LABEL_FIELDS if name not in _PAIRED and row.get(name) is not None}
            )
        hours = merged.pop("resolution_hours", None)
        if merged.get("resolved_at") is None and hours is not None:
            if created_at is not None:
                merged["resolved_at"] = created_at + timedelta(hours=hours)
            else:
                merged["resolution_hours"] = hours
        yield {"id": ticket_id} | {name: _json(value) for name, value in merged.items() if value is not None}


def join_labels(tickets: Iterable[Ticket], labels: Iterable[Mapping[str, Any]]) -> Iterator[LabelledTicket]:
    """The tickets that have exported labels, with those labels (they replace any the ticket carried).

    ``labels`` is :meth:`FeedbackStore.export`'s output (or its JSON lines, parsed); tickets without labels are
    left out. Write the result with :func:`triage.io.write_records` and train on that file.
    """
    by_id = {row["id"]: row for row in labels}
    for ticket in tickets:
        found = by_id.get(ticket.id)
        if found is None:
            continue
        fields = {name: value for name, value in found.items() if name != "id"}
        hours = fields.pop("resolution_hours", None)
        if "resolved_at" not in fields and hours is not None and ticket.created_at is not None:
            fields["resolved_at"] = ticket.created_at + timedelta(hours=hours)
        yield LabelledTicket.model_validate(ticket.model_dump() | fields)
