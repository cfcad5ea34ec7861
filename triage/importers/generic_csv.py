"""Any helpdesk's CSV: the mapping's ``columns`` name which header holds each ticket field and each fact
(``id``, ``subject``, ``body``, … ``group``, ``priority``, ``reopens``, ``resolved_at``, …). Every other
column is available to rules as ``field:HEADER``. Values are read as leniently as the webhook adapters read
them (``triage.adapters.base``): "3" and "3.0" are counts, "yes"/"true"/"1" flags, dates ISO 8601 or a
spreadsheet's "2024-03-04 10:15"; a cell that cannot be read skips the row with the column named.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from triage.adapters.base import flag, known_channel, make_ticket, tag_list, text
from triage.importers.files import EXTRA_CELLS, ExportFileError, csv_rows
from triage.importers.mapping import FACT_COLUMNS, LabelMapping
from triage.importers.rows import ExportRow, RowError, Skipped, count, lower, minutes, rows_of
from triage.importers.zendesk import csv_time

COUNTS = ("group_changes", "assignee_changes", "reopens", "agent_replies")


def _read(column: str, name: str, raw: str) -> Any:
    """One fact cell, typed; a cell that is present but unreadable is a RowError naming the column."""
    if name in COUNTS:
        value: Any = count(raw)
    elif name in ("priority_raised", "escalated_flag"):
        value = flag(raw)
    elif name == "resolved_at":
        value = csv_time(raw)
    elif name == "resolution_minutes":
        value = minutes(raw)
    elif name in ("status", "priority", "satisfaction"):
        value = lower(raw)
    else:
        value = text(raw)
    if value is None:
        raise RowError(f"{column}: cannot read {raw[:40]!r} as {name.replace('_', ' ')}")
    return value


def read_csv(path: Path, mapping: LabelMapping) -> Iterator[ExportRow | Skipped]:
    rows = csv_rows(path)
    headers = set(rows[0]) if rows else set()
    missing = sorted(column for column in mapping.columns.values() if rows and column not in headers)
    if missing:
        raise ExportFileError(f"{path}: the mapping names columns the file does not have: {', '.join(missing)}")
    column_of = mapping.columns

    def cell(row: dict[str, str], name: str) -> str:
        return row.get(column_of[name], "").strip() if name in column_of else ""

    def build(number: int, row: dict[str, str]) -> ExportRow:
        if EXTRA_CELLS in row:
            raise RowError(f"{row[EXTRA_CELLS]} more cells than the header has columns")
        created = cell(row, "created_at")
        if created and csv_time(created) is None:
            raise RowError(f"{column_of['created_at']}: not a date and time ({created[:40]!r})")
        ticket = make_ticket(
            "csv",
            {
                "id": cell(row, "id"),
                "subject": cell(row, "subject"),
                "body": cell(row, "body"),
                "channel": known_channel(cell(row, "channel") or None),
                "created_at": csv_time(created),
                "customer": {
                    "id": cell(row, "customer_id") or None,
                    "company": cell(row, "company") or None,
                    "plan": cell(row, "plan") or None,
                },
                "tags": tag_list(cell(row, "tags")),
                "product": cell(row, "product") or None,
            },
        )
        facts = {
            name: _read(column_of[name], name, cell(row, name))
            for name in column_of
            if name in FACT_COLUMNS and cell(row, name)
        }
        mapped = set(column_of.values())
        extra = {key: value for key, value in row.items() if key not in mapped and key != EXTRA_CELLS and value}
        return ExportRow(number=number, ticket=ticket, tags=tuple(ticket.tags), fields=extra, **facts)

    return rows_of(rows, build)
