"""The label mapping: which of an export's own fields make each label, in a YAML file the user edits.

Every vendor has a documented default (``triage/importers/defaults/<vendor>.yaml``, printed by
``triage import-mapping``). A rule reads the vendor-neutral facts of :class:`~triage.importers.rows.ExportRow`;
a fact the export does not record never fires a rule, and the import report says which rules could not be
read (``unknown``), so a default that does not fit an export is visible, not silent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from triage.errors import TriageError
from triage.importers.rows import ExportRow
from triage.io import describe_validation_error
from triage.schema import TRIGGERS, Trigger

FORMATS = ("zendesk-json", "zendesk-csv", "freshdesk-json", "jira-json", "csv")
VENDORS = ("zendesk", "freshdesk", "jira", "csv")
# Where a value-mapped label reads from: a fact, or "field:NAME" for a custom field or an extra CSV column.
VALUE_SOURCES = ("group", "assignee", "priority", "status", "satisfaction")
# The generic CSV's ticket columns, and the fact columns it may also name.
TICKET_COLUMNS = ("id", "subject", "body", "created_at", "channel", "tags", "customer_id", "company", "plan", "product")
FACT_COLUMNS = (
    "group",
    "assignee",
    "status",
    "priority",
    "group_changes",
    "assignee_changes",
    "priority_raised",
    "escalated_flag",
    "satisfaction",
    "reopens",
    "agent_replies",
    "resolved_at",
    "resolution_minutes",
)


class MappingError(TriageError):
    """A mapping file that cannot be read or does not validate."""


class _Strict(BaseModel):
    # A misspelt key is an error: a rule that silently never applies would mislabel the whole export.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _lowered(values: list[str]) -> list[str]:
    return [str(value).strip().lower() for value in values]


class EscalationRules(_Strict):
    """A ticket is escalated when any rule holds; ``otherwise`` says what the others are."""

    tags: list[str] = Field(default_factory=list)
    priorities: list[str] = Field(default_factory=list)
    groups: list[str] = Field(default_factory=list)  # the group the ticket ended in
    satisfaction: list[str] = Field(default_factory=list)
    priority_raised: bool = False
    export_flag: bool = False
    group_changes_at_least: int | None = Field(default=None, ge=1)
    assignee_changes_at_least: int | None = Field(default=None, ge=1)
    reopens_at_least: int | None = Field(default=None, ge=1)
    resolution_hours_over: float | None = Field(default=None, gt=0)
    otherwise: Literal["not_escalated", "unlabelled"] = "not_escalated"
    # Tickets in other statuses get no escalation label (an open ticket may still go up); empty: every status.
    settled_statuses: list[str] = Field(default_factory=list)

    _normalise = field_validator("tags", "priorities", "groups", "satisfaction", "settled_statuses")(_lowered)


class ValueRule(_Strict):
    """A label read from one value of the export, renamed through ``values``."""

    source: str = Field("group", alias="from")
    values: dict[str, str] = Field(default_factory=dict)
    unmapped: Literal["keep", "drop"] = "keep"

    @field_validator("source")
    @classmethod
    def _known_source(cls, value: str) -> str:
        if value not in VALUE_SOURCES and not (value.startswith("field:") and len(value) > len("field:")):
            raise ValueError(f"from must be one of {', '.join(VALUE_SOURCES)} or field:NAME, not {value!r}")
        return value

    @field_validator("values", mode="before")
    @classmethod
    def _keys_as_text(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k).strip().lower(): str(v) for k, v in value.items()}
        return value


class LevelRule(ValueRule):
    """The highest escalation level (1-4) a ticket reached, from the group it ended in by default."""

    unmapped: Literal["keep", "drop"] = "drop"

    @field_validator("values")
    @classmethod
    def _levels(cls, values: dict[str, str]) -> dict[str, str]:
        bad = {k: v for k, v in values.items() if v not in ("1", "2", "3", "4")}
        if bad:
            raise ValueError(f"levels must be 1-4, got {bad}")
        return values


class CsatRule(ValueRule):
    """The 1-5 satisfaction score; numbers 1-5 are read as they are, words through ``values``."""

    source: str = Field("satisfaction", alias="from")
    values: dict[str, str] = Field(default_factory=lambda: {"good": "5", "bad": "1"})
    unmapped: Literal["keep", "drop"] = "drop"


def vendor_of(export_format: str) -> str:
    if export_format not in FORMATS:
        raise MappingError(f"unknown export format {export_format!r}; use one of {', '.join(FORMATS)}")
    return export_format.split("-")[0]


class LabelMapping(_Strict):
    vendor: Literal["zendesk", "freshdesk", "jira", "csv"]
    # "opening": the ticket as first written (subject and description); "thread": with the later comments,
    # where the export has them. Later comments often say what happened ("escalating to tier 2"), which
    # teaches the model the label instead of the signs of it: use "thread" only if you score every reply.
    text: Literal["opening", "thread"] = "opening"
    escalated: EscalationRules | None = Field(default_factory=EscalationRules)
    team: ValueRule | None = None
    escalation_level: LevelRule | None = None
    # Trigger → tags meaning it. Only where tags are applied consistently: a ticket without them is a "no".
    triggers: dict[Trigger, list[str]] = Field(default_factory=dict)
    csat: CsatRule | None = Field(default_factory=CsatRule)
    reopen_count: bool = True
    resolved_at: bool = True
    # Resolved with at most one agent reply and never reopened.
    first_contact_resolution: bool = False
    # The generic CSV's columns: contract name (id, subject, body, ..., group, priority, ...) → column header.
    columns: dict[str, str] = Field(default_factory=dict)

    @field_validator("triggers")
    @classmethod
    def _trigger_tags(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return {name: _lowered(tags) for name, tags in value.items()}

    @field_validator("columns")
    @classmethod
    def _known_columns(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(TICKET_COLUMNS) - set(FACT_COLUMNS))
        if unknown:
            raise ValueError(f"unknown columns {unknown}; known: {', '.join(TICKET_COLUMNS + FACT_COLUMNS)}")
        return value

    def check_columns(self, where: str) -> None:
        if self.vendor == "csv" and "id" not in self.columns:
            raise MappingError(f"{where}: a csv mapping must name the id column (columns: {{id: ...}})")
        if self.vendor == "csv" and not {"subject", "body"} & set(self.columns):
            raise MappingError(f"{where}: a csv mapping must name a subject or a body column")
        if self.vendor != "csv" and self.columns:
            raise MappingError(f"{where}: columns: only the generic csv format reads them, not {self.vendor}")


def default_mapping_text(export_format: str) -> str:
    """The documented default mapping of an export format's vendor, as the YAML text to edit."""
    vendor = vendor_of(export_format)
    return resources.files("triage.importers").joinpath("defaults", f"{vendor}.yaml").read_text(encoding="utf-8")


def load_mapping(path: Path | None, export_format: str) -> LabelMapping:
    """The mapping in ``path``, or the format's default; its ``vendor`` must be the export's."""
    vendor_of(export_format)
    where = str(path) if path is not None else f"the default {export_format} mapping"
    raw_text = path.read_text(encoding="utf-8") if path is not None else default_mapping_text(export_format)
    try:
        raw = yaml.safe_load(raw_text)
    except yaml.YAMLError as error:
        raise MappingError(f"{where}: not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(raw, dict):
        raise MappingError(f"{where}: expected a mapping of keys to rules")
    try:
        mapping = LabelMapping.model_validate(raw)
    except ValidationError as error:
        raise MappingError(f"{where}: {describe_validation_error(error)}") from None
    if mapping.vendor != vendor_of(export_format):
        raise MappingError(f"{where}: written for {mapping.vendor} exports, but the export is {export_format}")
    mapping.check_columns(where)
    return mapping


@dataclass
class LabelCounts:
    """What the mapping made of the rows: per label, how many rows got it and with which value; per
    escalation rule, how many rows it fired on, and how many rows could not tell it."""

    labels: dict[str, Counter[str]] = field(default_factory=dict)
    fired: Counter[str] = field(default_factory=Counter)
    unknown: Counter[str] = field(default_factory=Counter)
    unsettled: int = 0  # rows left without an escalation label: their status is not a settled one

    def add(self, label: str, value: Any) -> None:
        shown = ("yes" if value else "no") if isinstance(value, bool) else str(value)
        self.labels.setdefault(label, Counter())[shown] += 1

    def merge(self, other: LabelCounts) -> None:
        for label, values in other.labels.items():
            self.labels.setdefault(label, Counter()).update(values)
        self.fired.update(other.fired)
        self.unknown.update(other.unknown)
        self.unsettled += other.unsettled


def _value(row: ExportRow, source: str) -> str | None:
    raw = row.fields.get(source.removeprefix("field:")) if source.startswith("field:") else getattr(row, source)
    raw = str(raw).strip() if raw is not None else ""
    return raw or None


def _mapped(rule: ValueRule, row: ExportRow) -> str | None:
    raw = _value(row, rule.source)
    if raw is None:
        return None
    mapped = rule.values.get(raw.lower())
    if mapped is not None:
        return mapped
    return raw if rule.unmapped == "keep" else None


def _escalation_checks(rules: EscalationRules, row: ExportRow) -> dict[str, bool | None]:
    """Each configured rule: True (holds), False (does not), None (the export cannot tell)."""
    tags = {tag.lower() for tag in row.tags}

    def at_least(value: int | float | None, limit: float | None) -> bool | None:
        return None if value is None else value >= limit  # type: ignore[operator]

    checks: dict[str, bool | None] = {}
    if rules.tags:
        checks["tags"] = bool(tags & set(rules.tags))
    if rules.priorities:
        checks["priorities"] = None if row.priority is None else row.priority.lower() in rules.priorities
    if rules.groups:
        checks["groups"] = None if row.group is None else row.group.lower() in rules.groups
    if rules.satisfaction:
        checks["satisfaction"] = None if row.satisfaction is None else row.satisfaction.lower() in rules.satisfaction
    if rules.priority_raised:
        checks["priority_raised"] = row.priority_raised
    if rules.export_flag:
        checks["export_flag"] = row.escalated_flag
    if rules.group_changes_at_least is not None:
        checks["group_changes_at_least"] = at_least(row.group_changes, rules.group_changes_at_least)
    if rules.assignee_changes_at_least is not None:
        checks["assignee_changes_at_least"] = at_least(row.assignee_changes, rules.assignee_changes_at_least)
    if rules.reopens_at_least is not None:
        checks["reopens_at_least"] = at_least(row.reopens, rules.reopens_at_least)
    if rules.resolution_hours_over is not None:
        hours = row.resolution_hours
        checks["resolution_hours_over"] = None if hours is None else hours > rules.resolution_hours_over
    return checks


def _escalated(rules: EscalationRules, row: ExportRow, counts: LabelCounts) -> bool | None:
    if rules.settled_statuses and (row.status or "").lower() not in rules.settled_statuses:
        counts.unsettled += 1
        return None
    checks = _escalation_checks(rules, row)
    for name, holds in checks.items():
        if holds:
            counts.fired[name] += 1
        elif holds is None:
            counts.unknown[name] += 1
    if any(checks.values()):
        return True
    return False if rules.otherwise == "not_escalated" else None


def _csat(rule: CsatRule, row: ExportRow) -> int | None:
    raw = _value(row, rule.source)
    if raw is None:
        return None
    mapped = rule.values.get(raw.lower(), raw if rule.unmapped == "keep" or raw.isdigit() else None)
    return int(mapped) if mapped is not None and mapped in ("1", "2", "3", "4", "5") else None


def labels_of(mapping: LabelMapping, row: ExportRow, counts: LabelCounts) -> dict[str, Any]:
    """The LabelledTicket outcome fields the mapping makes of one row (absent: no label)."""
    labels: dict[str, Any] = {}
    if mapping.escalated is not None:
        labels["escalated"] = _escalated(mapping.escalated, row, counts)
    if mapping.team is not None:
        labels["team"] = _mapped(mapping.team, row)
    if mapping.escalation_level is not None:
        level = _mapped(mapping.escalation_level, row)
        labels["escalation_level_reached"] = int(level) if level in ("1", "2", "3", "4") else None
    if mapping.triggers:
        tags = {tag.lower() for tag in row.tags}
        labels["labelled_triggers"] = [name for name in TRIGGERS if name in mapping.triggers]
        labels["triggers"] = [name for name in labels["labelled_triggers"] if tags & set(mapping.triggers[name])]
    if mapping.csat is not None:
        labels["csat"] = _csat(mapping.csat, row)
    if mapping.reopen_count:
        labels["reopen_count"] = row.reopens
    if mapping.resolved_at:
        labels["resolved_at"] = row.resolved_at
    settled = row.resolved_at is not None
    if mapping.first_contact_resolution and settled and row.agent_replies is not None and row.reopens is not None:
        labels["first_contact_resolution"] = row.agent_replies <= 1 and not row.reopens
    labels = {key: value for key, value in labels.items() if value is not None}
    for key, value in labels.items():
        if key == "triggers":
            for name in value or ["(none)"]:
                counts.add("triggers", name)
        elif key != "labelled_triggers":
            counts.add(key, value if key not in ("resolved_at",) else "set")
    return labels
