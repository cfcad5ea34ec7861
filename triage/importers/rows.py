"""What every export importer hands to the label mapping: one ticket and the facts about how it went.

An importer reads a vendor's export and yields, per row, either an :class:`ExportRow` (the ticket, built by
the vendor's webhook adapter, plus the outcome facts the export records) or a :class:`Skipped` row with its
number and the reason. The facts are the vendor-neutral vocabulary the mapping file speaks
(``triage.importers.mapping``); a fact the export cannot tell is None, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from triage.adapters.base import AdapterError, text
from triage.schema import Ticket


@dataclass(frozen=True)
class ExportRow:
    """One ticket of an export and what its record says about its outcome."""

    number: int  # 1-based: the ticket's position in a JSON export, the data row (header not counted) in a CSV
    ticket: Ticket
    tags: tuple[str, ...] = ()
    group: str | None = None
    assignee: str | None = None
    status: str | None = None
    priority: str | None = None
    group_changes: int | None = None
    assignee_changes: int | None = None
    priority_raised: bool | None = None
    escalated_flag: bool | None = None  # the helpdesk's own escalation flag (Freshdesk's is_escalated)
    satisfaction: str | None = None  # "good"/"bad" (Zendesk) or "1".."5"
    reopens: int | None = None
    agent_replies: int | None = None
    resolved_at: datetime | None = None
    resolution_minutes: float | None = None
    fields: dict[str, str] = field(default_factory=dict)  # custom fields, by name and by id

    @property
    def resolution_hours(self) -> float | None:
        if self.resolution_minutes is not None:
            return self.resolution_minutes / 60
        if self.resolved_at is not None and self.ticket.created_at is not None:
            try:
                return (self.resolved_at - self.ticket.created_at).total_seconds() / 3600
            except TypeError:  # one of the two without a time zone
                return None
        return None


@dataclass(frozen=True)
class Skipped:
    number: int
    reason: str


class RowError(ValueError):
    """A row that cannot be imported; its message is the reason the report gives."""


def _number(value: Any) -> float | None:
    """A non-negative number from a JSON number or its text; else None."""
    raw = text(value)
    if raw is None:
        return None
    try:
        number = float(raw)
    except ValueError:
        return None
    return number if number >= 0 else None


def count(value: Any) -> int | None:
    """A non-negative whole number from a JSON number or its text (``"2"``, ``"2.0"``); else None."""
    number = _number(value)
    return int(number) if number is not None and number.is_integer() else None


def minutes(value: Any) -> float | None:
    """A duration in minutes from a number, its text, or Zendesk's ``{"calendar": m, "business": m}``."""
    return _number(value.get("calendar") if isinstance(value, dict) else value)


def lower(value: Any) -> str | None:
    raw = text(value)
    return raw.lower() if raw is not None else None


def rows_of(records: list[Any], build: Any) -> Iterator[ExportRow | Skipped]:
    """``build(number, record)`` over the records, numbered from 1; a record it rejects (``RowError`` or the
    adapter's ``AdapterError``) becomes a Skipped row with the reason."""
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            yield Skipped(number, f"expected a JSON object, got {type(record).__name__}")
            continue
        try:
            yield build(number, record)
        except (RowError, AdapterError) as error:
            yield Skipped(number, str(error))
