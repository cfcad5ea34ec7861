"""Jira exports: issues as the search API returns them (``GET /rest/api/2|3/search?expand=changelog,names``),
pages saved as one ``{"issues": [...]}`` object, a list, or JSON Lines.

The ticket is built by the webhook adapter (``triage.adapters.jira``), which reads wiki markup and Atlassian
Document Format alike and tells the reporter's comments from the agents'. With ``text: opening`` (the
default) the comments are left out; ``text: thread`` keeps them.

Quirks handled here: what the issue went through is in ``changelog.histories[].items[]`` (``field``,
``fromString``, ``toString``): a priority moved up the scheme (Lowest … Highest, or Trivial … Blocker), a
reassignment (a change from one assignee to another, not the first assignment), a component or ``Team``
change, and a reopen (to a status named Reopened, or from Done/Resolved/Closed back to another status). The
group is the first component. Custom fields are available to rules by id and, with ``expand=names``, by
name (``field:Satisfaction``); Service Management's satisfaction field is ``{"rating": 1-5}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from triage.adapters.base import obj, text, timestamp
from triage.adapters.jira import JiraAdapter, plain
from triage.importers.files import json_records
from triage.importers.mapping import LabelMapping
from triage.importers.rows import ExportRow, Skipped, lower, rows_of

PRIORITY_RANKS = {
    name: rank
    for scheme in (("lowest", "low", "medium", "high", "highest"), ("trivial", "minor", "major", "critical", "blocker"))
    for rank, name in enumerate(scheme)
}
DONE_STATUSES = {"done", "resolved", "closed"}
GROUP_FIELDS = {"component", "team"}
_ADAPTER = JiraAdapter()


def _changes(issue: dict[str, Any]) -> list[dict[str, Any]]:
    histories = obj(issue.get("changelog")).get("histories")
    items = [obj(h).get("items") for h in histories] if isinstance(histories, list) else []
    return [obj(item) for group in items if isinstance(group, list) for item in group]


def _history_facts(issue: dict[str, Any]) -> dict[str, Any]:
    """Moves, reassignments, priority raises and reopens from the changelog; unknown without one."""
    if "changelog" not in issue:
        return {}
    changes = _changes(issue)

    def moved(item: dict[str, Any]) -> tuple[str, str]:
        return (lower(item.get("fromString")) or ""), (lower(item.get("toString")) or "")

    of = {
        name: [moved(i) for i in changes if lower(i.get("field")) == name]
        for name in ("priority", "assignee", "status")
    }
    raised = any(
        a in PRIORITY_RANKS and b in PRIORITY_RANKS and PRIORITY_RANKS[b] > PRIORITY_RANKS[a] for a, b in of["priority"]
    )
    return {
        "priority_raised": raised,
        "assignee_changes": sum(1 for a, b in of["assignee"] if a and b),
        "group_changes": sum(1 for i in changes if lower(i.get("field")) in GROUP_FIELDS),
        "reopens": sum(
            1 for a, b in of["status"] if b == "reopened" or (a in DONE_STATUSES and b not in DONE_STATUSES)
        ),
    }


def _field_text(value: Any) -> str | None:
    if isinstance(value, dict) and "rating" in value:  # Service Management's satisfaction
        return text(value.get("rating"))
    return plain(value)


def _custom_fields(fields: dict[str, Any], names: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in fields.items():
        shown = _field_text(value) if key.startswith("customfield_") else None
        if shown:
            out[key] = shown
            name = text(names.get(key))
            if name:
                out[name] = shown
    return out


def read_issues_json(path: Path, mapping: LabelMapping) -> Iterator[ExportRow | Skipped]:
    issues, sideloads = json_records(path, "issues")
    names = obj(sideloads.get("names"))

    def build(number: int, issue: dict[str, Any]) -> ExportRow:
        fields = obj(issue.get("fields"))
        shown = fields if mapping.text == "thread" else {k: v for k, v in fields.items() if k != "comment"}
        made = _ADAPTER.to_ticket({"issue": {**issue, "fields": shown}})
        assert made is not None  # an automation body always yields a ticket or raises
        components = fields.get("components")
        return ExportRow(
            number=number,
            ticket=made,
            tags=tuple(made.tags),
            group=plain(components[0]) if isinstance(components, list) and components else None,
            assignee=plain(fields.get("assignee")),
            status=lower(obj(fields.get("status")).get("name")),
            priority=lower(obj(fields.get("priority")).get("name")),
            resolved_at=timestamp(fields.get("resolutiondate")),
            fields=_custom_fields(fields, {**names, **obj(issue.get("names"))}),
            **_history_facts(issue),
        )

    return rows_of(issues, build)
