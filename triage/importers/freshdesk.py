"""Freshdesk exports: tickets as the API returns them (``GET /api/v2/tickets?include=stats,description``,
pages saved as one JSON list, one ``{"tickets": [...]}`` object, or JSON Lines), optionally with each
ticket's ``conversations`` and with the satisfaction ratings and groups saved beside them
(``{"tickets": [...], "satisfaction_ratings": [...], "groups": [...]}``).

The ticket is built by the webhook adapter (``triage.adapters.freshdesk``): the API's ticket has the fields
its advanced body carries (``description`` HTML, ``source`` codes, ``tags``).

Quirks handled here: ``status`` and ``priority`` are numbers (status 2 open, 3 pending, 4 resolved,
5 closed; priority 1 low to 4 urgent); ``is_escalated`` is Freshdesk's own flag (set when a ticket breaches
its resolution SLA); ``stats.reopened_at`` says that a ticket was reopened, not how often (one reopen is
counted); ratings are the survey's ``default_question`` points (103 best, -103 worst), read on a 1-5 scale.
The export records neither group moves nor priority changes: those rules are unknown for Freshdesk.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from triage.adapters.base import ident, obj, text, timestamp
from triage.adapters.freshdesk import FreshdeskAdapter
from triage.importers.files import json_records
from triage.importers.mapping import LabelMapping
from triage.importers.rows import ExportRow, RowError, Skipped, lower, rows_of

STATUSES = {"2": "open", "3": "pending", "4": "resolved", "5": "closed"}
PRIORITIES = {"1": "low", "2": "medium", "3": "high", "4": "urgent"}
_ADAPTER = FreshdeskAdapter()


# The survey's points (-103..103, 100 neutral; a 3-point survey uses 103, 100 and -103) on the 1-5 scale.
RATING_SCALE = {103: "5", 102: "5", 101: "4", 100: "3", -101: "2", -102: "1", -103: "1"}


def _rating(points: Any) -> str | None:
    return RATING_SCALE.get(points) if isinstance(points, int) and not isinstance(points, bool) else None


def _latest_reply(ticket: dict[str, Any]) -> dict[str, Any]:
    """The last public message of the conversation, as the adapter's latest-comment placeholders."""
    public = [obj(c) for c in ticket.get("conversations") or [] if not obj(c).get("private")]
    if not public:
        return {}
    last = public[-1]
    return {
        "latest_public_comment": text(last.get("body_text")) or text(last.get("body")),
        "latest_comment_by": "customer" if last.get("incoming") else "agent",
    }


def read_tickets_json(path: Path, mapping: LabelMapping) -> Iterator[ExportRow | Skipped]:
    tickets, sideloads = json_records(path, "tickets")
    ratings = {
        ident(obj(r).get("ticket_id")): obj(obj(r).get("ratings")) for r in sideloads.get("satisfaction_ratings", [])
    }
    groups = {ident(obj(g).get("id")): text(obj(g).get("name")) for g in sideloads.get("groups", [])}

    def build(number: int, record: dict[str, Any]) -> ExportRow:
        if record.get("deleted") is True:
            raise RowError("a deleted ticket")
        if record.get("spam") is True:
            raise RowError("marked as spam")
        body = {**record, "requester": {"id": record.get("requester_id")}}
        if mapping.text == "thread":
            body.update(_latest_reply(record))
        made = _ADAPTER.to_ticket({"ticket": body})
        assert made is not None  # a body with a ticket always yields one or raises
        stats = obj(record.get("stats"))
        group_id = ident(record.get("group_id"))
        is_escalated = record.get("is_escalated")
        custom = {key: text(value) for key, value in obj(record.get("custom_fields")).items()}
        reopened = timestamp(stats.get("reopened_at"))
        return ExportRow(
            number=number,
            ticket=made,
            tags=tuple(made.tags),
            group=groups.get(group_id) or group_id,
            assignee=ident(record.get("responder_id")),
            status=STATUSES.get(text(record.get("status")) or "", lower(record.get("status"))),
            priority=PRIORITIES.get(text(record.get("priority")) or "", lower(record.get("priority"))),
            escalated_flag=is_escalated if isinstance(is_escalated, bool) else None,
            satisfaction=_rating(ratings.get(ident(record.get("id")), {}).get("default_question")),
            reopens=(1 if reopened else 0) if stats else None,
            resolved_at=timestamp(stats.get("resolved_at")) or timestamp(stats.get("closed_at")),
            fields={key: value for key, value in custom.items() if value},
        )

    return rows_of(tickets, build)
