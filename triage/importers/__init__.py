"""Export importers: a helpdesk's ticket export → labelled tickets (``triage.schema.LabelledTicket``) that
``triage train --data`` reads.

One reader per export (Zendesk incremental JSON and CSV view, Freshdesk ticket JSON, Jira issue JSON,
generic CSV), each building the ticket with the webhook adapter of its vendor (``triage.adapters``) and
collecting the facts of the ticket's outcome; the labels come from those facts through a mapping file the
user edits (``triage.importers.mapping``). A row that cannot be imported is skipped with its number and the
reason; only a file that cannot be read at all, or a mapping that does not validate, is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from triage.importers import freshdesk, generic_csv, jira, zendesk
from triage.importers.files import ExportFileError
from triage.importers.mapping import (
    FORMATS,
    LabelCounts,
    LabelMapping,
    MappingError,
    default_mapping_text,
    labels_of,
    load_mapping,
)
from triage.importers.rows import ExportRow, Skipped
from triage.io import describe_validation_error
from triage.schema import LabelledTicket

Reader = Callable[[Path, LabelMapping], Iterator[ExportRow | Skipped]]
READERS: dict[str, Reader] = {
    "zendesk-json": zendesk.read_incremental_json,
    "zendesk-csv": zendesk.read_view_csv,
    "freshdesk-json": freshdesk.read_tickets_json,
    "jira-json": jira.read_issues_json,
    "csv": generic_csv.read_csv,
}
assert tuple(READERS) == FORMATS


@dataclass
class ImportResult:
    rows: int = 0
    tickets: list[LabelledTicket] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    counts: LabelCounts = field(default_factory=LabelCounts)
    replaced: int = 0  # rows whose ticket id came again later (an updated ticket in a later page): the later kept

    def summary(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "imported": len(self.tickets),
            "labels": {name: dict(values.most_common()) for name, values in sorted(self.counts.labels.items())},
            "escalated_by_rule": dict(self.counts.fired.most_common()),
            "escalation_rules_the_export_cannot_tell": dict(self.counts.unknown.most_common()),
            "unsettled_left_unlabelled": self.counts.unsettled,
            "replaced_by_a_later_row": self.replaced,
            "skipped": [{"row": s.number, "reason": s.reason} for s in self.skipped],
        }


def import_export(path: Path, export_format: str, mapping_path: Path | None = None) -> ImportResult:
    """Read ``path`` as ``export_format`` and label its rows with the mapping (the vendor's default when None)."""
    mapping = load_mapping(mapping_path, export_format)
    result = ImportResult()
    kept: dict[str, tuple[int, LabelledTicket, LabelCounts]] = {}
    for row in READERS[export_format](path, mapping):
        result.rows += 1
        if isinstance(row, Skipped):
            result.skipped.append(row)
            continue
        counts = LabelCounts()
        labels = labels_of(mapping, row, counts)
        if not labels:
            result.skipped.append(Skipped(row.number, "no label: none of the mapping's rules could be read"))
            continue
        try:
            ticket = LabelledTicket.model_validate({**row.ticket.model_dump(), **labels})
        except ValidationError as error:
            result.skipped.append(Skipped(row.number, describe_validation_error(error)))
            continue
        result.replaced += ticket.id in kept
        kept[ticket.id] = (row.number, ticket, counts)
    for _, ticket, counts in sorted(kept.values(), key=lambda entry: entry[0]):
        result.tickets.append(ticket)
        result.counts.merge(counts)
    return result


def split_recent(tickets: list[LabelledTicket], share: float) -> tuple[list[LabelledTicket], list[LabelledTicket]]:
    """The oldest tickets to train on and the most recent ``share`` to hold out (by creation time; tickets
    without one count as oldest). Holding out the latest, not a random sample, judges a model on the kind of
    tickets it will meet next."""
    if not 0 < share < 1:
        raise ValueError(f"the held-out share must be between 0 and 1, not {share}")
    oldest_first = sorted(tickets, key=lambda t: (t.created_at is not None, t.created_at and t.created_at.timestamp()))
    cut = len(tickets) - max(1, round(len(tickets) * share))
    return oldest_first[:cut], oldest_first[cut:]


__all__ = [
    "FORMATS",
    "READERS",
    "ExportFileError",
    "ImportResult",
    "LabelMapping",
    "MappingError",
    "default_mapping_text",
    "import_export",
    "load_mapping",
    "split_recent",
]
