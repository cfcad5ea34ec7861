"""Zendesk exports: the incremental ticket export (JSON, with the ``metric_sets`` sideload) and a view or
report exported as CSV.

The ticket itself is built by the webhook adapter (``triage.adapters.zendesk``): an exported ticket is the
shape an event subscription's ``detail`` carries, and a CSV row maps onto the trigger body's placeholders.

Quirks handled here:

- ``include=metric_sets`` sideloads one metric set per ticket, either embedded (``ticket["metric_set"]``) or as
  a top-level ``metric_sets`` list keyed by ``ticket_id``; it holds ``group_stations`` and
  ``assignee_stations`` (1 = never moved), ``reopens``, ``replies`` (agent replies), ``solved_at`` and
  ``full_resolution_time_in_minutes`` (``{"calendar": ..., "business": ...}``; calendar minutes are used).
- ``include=groups`` sideloads group names; without it the group is its id.
- ``satisfaction_rating.score`` is ``good``, ``bad``, ``offered`` or ``unoffered`` (the last two: no rating).
- A ticket with ``status: deleted`` (the export keeps them) is skipped.
- The CSV's headers are Zendesk's display names ("Group stations", "Full resolution time in minutes"), read
  case-insensitively; custom fields are columns too ("Product [list]"), available to rules as ``field:NAME``.
  Zendesk's CSV has no description column unless the view adds one: the subject is then the text.
- No export records a priority change; ``priority_raised`` is unknown for Zendesk.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from triage.adapters.base import ident, obj, tag_list, text, timestamp
from triage.adapters.zendesk import ZendeskAdapter
from triage.importers.files import EXTRA_CELLS, ExportFileError, csv_rows, json_records
from triage.importers.mapping import LabelMapping
from triage.importers.rows import ExportRow, RowError, Skipped, count, lower, minutes, rows_of

NO_RATING = {"offered", "unoffered", "not offered"}
_ADAPTER = ZendeskAdapter()


def _stations_moved(value: Any) -> int | None:
    """Moves between groups (or assignees) from Zendesk's station count (1 = stayed where it started)."""
    stations = count(value)
    return max(stations - 1, 0) if stations is not None else None


def _satisfaction(value: Any) -> str | None:
    score = lower(obj(value).get("score")) if isinstance(value, dict) else lower(value)
    return None if score is None or score in NO_RATING else score


def _custom_fields(value: Any) -> dict[str, str]:
    fields: dict[str, str] = {}
    for entry in value if isinstance(value, list) else []:
        key, raw = ident(obj(entry).get("id")), obj(entry).get("value")
        shown = ", ".join(filter(None, map(text, raw))) if isinstance(raw, list) else text(raw)
        if key and shown:
            fields[key] = shown
    return fields


def read_incremental_json(path: Path, mapping: LabelMapping) -> Iterator[ExportRow | Skipped]:
    tickets, sideloads = json_records(path, "tickets")
    metrics = {ident(obj(m).get("ticket_id")): obj(m) for m in sideloads.get("metric_sets", [])}
    groups = {ident(obj(g).get("id")): text(obj(g).get("name")) for g in sideloads.get("groups", [])}

    def build(number: int, ticket: dict[str, Any]) -> ExportRow:
        if lower(ticket.get("status")) == "deleted":
            raise RowError("a deleted ticket")
        made = _ADAPTER.to_ticket({"type": "zen:event-type:ticket.created", "detail": ticket})
        assert made is not None  # ticket.created always yields a ticket or raises
        metric = obj(ticket.get("metric_set")) or metrics.get(ident(ticket.get("id"))) or {}
        group_id = ident(ticket.get("group_id"))
        return ExportRow(
            number=number,
            ticket=made,
            tags=tuple(made.tags),
            group=groups.get(group_id) or group_id,
            assignee=ident(ticket.get("assignee_id")),
            status=lower(ticket.get("status")),
            priority=lower(ticket.get("priority")),
            group_changes=_stations_moved(metric.get("group_stations")),
            assignee_changes=_stations_moved(metric.get("assignee_stations")),
            satisfaction=_satisfaction(ticket.get("satisfaction_rating")),
            reopens=count(metric.get("reopens")),
            agent_replies=count(metric.get("replies")),
            resolved_at=timestamp(metric.get("solved_at")),
            resolution_minutes=minutes(metric.get("full_resolution_time_in_minutes")),
            fields=_custom_fields(ticket.get("custom_fields")),
        )

    return rows_of(tickets, build)


# "2024-03-04 10:15:00 +0100" (the CSV export's dates) → ISO 8601 with the offset attached.
_SPACED_OFFSET = re.compile(r"(?<=\S)\s+([+-]\d{2}:?\d{2})$")


def csv_time(value: str | None) -> Any:
    return timestamp(_SPACED_OFFSET.sub(r"\1", value.strip())) if value else None


def read_view_csv(path: Path, mapping: LabelMapping) -> Iterator[ExportRow | Skipped]:
    rows = csv_rows(path)
    headers = {key.lower() for key in rows[0]} if rows else set()
    if rows and ("id" not in headers or not {"subject", "description"} & headers):
        raise ExportFileError(f"{path}: not a Zendesk CSV export (no Id and Subject or Description columns)")

    def build(number: int, raw: dict[str, str]) -> ExportRow:
        if EXTRA_CELLS in raw:
            raise RowError(f"{raw[EXTRA_CELLS]} more cells than the header has columns")
        row = {key.lower(): value.strip() for key, value in raw.items()}
        if not row.get("id"):
            raise RowError("no ticket id (the Id column is empty)")
        created = csv_time(row.get("created at"))
        if row.get("created at") and created is None:
            raise RowError(f"Created at: not a date and time ({row['created at'][:40]!r})")
        ticket = {
            "id": row.get("id"),
            "subject": row.get("subject"),
            "description": row.get("description"),
            "via": row.get("via"),
            "created_at": created.isoformat() if created else None,
            "tags": row.get("tags"),
            "requester": {"id": row.get("requester id"), "name": row.get("requester")},
            "organization": {"name": row.get("organization")},
        }
        made = _ADAPTER.to_ticket({"ticket": ticket})
        assert made is not None  # a trigger body always yields a ticket or raises
        return ExportRow(
            number=number,
            ticket=made,
            tags=tuple(tag_list(row.get("tags"), separators=" ,")),
            group=row.get("group") or None,
            assignee=row.get("assignee") or None,
            status=lower(row.get("status")),
            priority=lower(row.get("priority")),
            group_changes=_stations_moved(row.get("group stations")),
            assignee_changes=_stations_moved(row.get("assignee stations")),
            satisfaction=_satisfaction(row.get("satisfaction score")),
            reopens=count(row.get("reopens")),
            agent_replies=count(row.get("replies")),
            resolved_at=csv_time(row.get("solved at")),
            resolution_minutes=minutes(row.get("full resolution time in minutes")),
            fields={key: value for key, value in raw.items() if value and key != EXTRA_CELLS},
        )

    return rows_of(rows, build)
