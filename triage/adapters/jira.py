"""Jira: system webhooks (Jira Cloud, Server and Data Center) and Jira (Service Management) automation rules.

Shapes read (docs/helpdesks/jira.md has the bodies to paste):

- **Webhook**: ``{"webhookEvent": "jira:issue_created" | "jira:issue_updated" | "comment_created", "issue":
  {"key": ..., "fields": {...}}, "comment": {...}}``. Other events (issue deleted, worklogs, sprints, …) are
  ignored.
- **Automation** ("Send web request" with a custom body): ``{"issue": {...}}`` without ``webhookEvent``; the
  issue is either the REST shape (``"fields"``, as "Issue data" sends it) or flat keys the admin wrote from
  smart values (``"key": "{{issue.key}}"``, ``"summary": "{{issue.summary.jsonEncode}}"``, …).

Quirks handled here: ``description`` and comment bodies are wiki markup (Server/DC, Cloud's REST v2 shape,
smart values) or an Atlassian Document Format tree (Cloud's REST v3 shape); both become plain text. Dates
carry ``+0000`` offsets. ``comment_created`` payloads hold a trimmed issue (often no description) and the new
comment beside it. Who is the customer: the reporter; a comment by anyone else, or a Service Management
comment with ``jsdPublic: false`` (internal note), is the agent's. Contract value, organisation, plan and the
like live in custom fields whose ids differ per site: pass ``custom_fields`` (contract field → field id).

Signature: a Jira Cloud webhook created with a secret sends ``X-Hub-Signature: sha256=<hex HMAC-SHA256 of the
body>``; automation rules and Server webhooks, which cannot sign, send the shared secret in ``X-Triage-Secret``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from triage.adapters._text import jira_text
from triage.adapters.base import (
    AdapterError,
    Headers,
    Message,
    SignatureError,
    amount,
    first_text,
    flag,
    header,
    hmac_sha256_hex,
    known_channel,
    make_ticket,
    obj,
    register,
    require_object,
    require_shared_secret,
    same_secret,
    split_messages,
    tag_list,
    text,
    timestamp,
)
from triage.schema import Author, Ticket

SIGNATURE_HEADER = "X-Hub-Signature"
SECRET_HEADER = "X-Triage-Secret"
EVENTS = frozenset({"jira:issue_created", "jira:issue_updated", "comment_created"})
# What a custom field may stand for (the keys of ``custom_fields``).
CUSTOM_FIELD_TARGETS = frozenset(
    {"company", "plan", "annual_contract_value", "strategic", "customer_id", "customer_name", "product", "channel"}
)


def plain(value: Any) -> str | None:
    """A custom field's value as text: select options ``{"value": ...}``, organisations ``{"name": ...}``,
    users ``{"displayName": ...}``, request types ``{"requestType": {"name": ...}}``; lists joined by commas."""
    if isinstance(value, list):
        parts = [part for part in map(plain, value[:20]) if part]
        return ", ".join(parts) or None
    if isinstance(value, dict):
        return first_text(
            value.get("value"), value.get("name"), value.get("displayName"), obj(value.get("requestType")).get("name")
        )
    return text(value)


def _strategic(value: Any) -> bool | None:
    if isinstance(value, list):  # a checkbox field: the ticked options
        return bool(value)
    return flag(plain(value))


def _person(value: Any) -> dict[str, Any]:
    if isinstance(value, str):  # a flat automation body: "reporter": "{{issue.reporter.displayName}}"
        return {"displayName": value}
    return obj(value)


def _same_person(a: dict[str, Any], b: dict[str, Any]) -> bool:
    for key in ("accountId", "key", "name", "emailAddress"):
        mine, theirs = text(a.get(key)), text(b.get(key))
        if mine is not None and mine == theirs:
            return True
    return False


def _identified(person: dict[str, Any]) -> bool:
    return any(text(person.get(key)) for key in ("accountId", "key", "name", "emailAddress"))


@register
class JiraAdapter:
    name = "jira"

    def __init__(self, custom_fields: Mapping[str, str] | None = None) -> None:
        unknown = sorted(set(custom_fields or {}) - CUSTOM_FIELD_TARGETS)
        if unknown:
            raise AdapterError(f"jira: unknown custom-field targets {unknown}; known: {sorted(CUSTOM_FIELD_TARGETS)}")
        self.custom_fields = dict(custom_fields or {})

    def verify(self, body: bytes, headers: Headers, secret: str) -> None:
        signature = header(headers, SIGNATURE_HEADER)
        if signature is None:
            require_shared_secret(self.name, headers, SECRET_HEADER, secret)
            return
        method, _, digest = signature.partition("=")
        if method.lower() != "sha256" or not same_secret(digest.lower(), hmac_sha256_hex(secret, body)):
            raise SignatureError(f"jira: the {SIGNATURE_HEADER} signature does not match the body and the secret")

    def to_ticket(self, payload: Any, headers: Headers | None = None) -> Ticket | None:
        body = require_object(self.name, payload)
        event = body.get("webhookEvent")
        if event is not None and not isinstance(event, str):
            raise AdapterError('jira: "webhookEvent" must be text')
        if event is not None and event not in EVENTS:
            return None
        issue = body.get("issue")
        if not isinstance(issue, dict):
            if event is None and "issue" not in body:
                raise AdapterError('jira: neither a webhook ("webhookEvent") nor an automation body ("issue")')
            raise AdapterError('jira: "issue" must be a JSON object')
        fields = obj(issue.get("fields")) if "fields" in issue else issue
        return self._ticket(body, issue, fields)

    def _custom(self, fields: dict[str, Any], target: str) -> Any:
        field_id = self.custom_fields.get(target)
        return fields.get(field_id) if field_id else None

    def _messages(self, body: dict[str, Any], fields: dict[str, Any], reporter: dict[str, Any]) -> list[Message]:
        created = timestamp(fields.get("created"))
        messages = [Message("customer", jira_text(fields.get("description")) or "", created)]
        comments = fields.get("comment")
        listed = obj(comments).get("comments") if isinstance(comments, dict) else comments
        if isinstance(comments, str):  # a flat automation body: "comment": "{{issue.comments.last.body.jsonEncode}}"
            listed = [{"body": comments, "author": reporter}]
        entries = [c for c in listed if isinstance(c, dict)] if isinstance(listed, list) else []
        new = obj(body.get("comment"))
        if new and all(text(c.get("id")) != text(new.get("id")) or text(new.get("id")) is None for c in entries):
            entries.append(new)
        for comment in entries:
            author = _person(comment.get("author"))
            internal = comment.get("jsdPublic") is False
            # A comment_created payload trims the issue, reporter included: without one to compare, a public
            # comment is read as the customer's (an agent's reply rarely triggers the rule that calls us).
            customer = _same_person(author, reporter) if _identified(reporter) else True
            who: Author = "customer" if customer and not internal else "agent"
            messages.append(Message(who, jira_text(comment.get("body")) or "", timestamp(comment.get("created"))))
        return messages

    def _ticket(self, body: dict[str, Any], issue: dict[str, Any], fields: dict[str, Any]) -> Ticket:
        reporter = _person(fields.get("reporter")) or _person(fields.get("creator"))
        text_body, history = split_messages(self._messages(body, fields, reporter))
        components = fields.get("components")
        component = plain(components[0]) if isinstance(components, list) and components else plain(components)
        channel = plain(self._custom(fields, "channel")) or text(fields.get("channel"))
        company = plain(self._custom(fields, "company")) or plain(fields.get("organization"))
        contract = self._custom(fields, "annual_contract_value")
        strategic = self._custom(fields, "strategic")
        return make_ticket(
            self.name,
            {
                "id": text(issue.get("key")) or text(fields.get("key")) or text(issue.get("id")),
                "subject": text(fields.get("summary")),
                "body": text_body,
                "channel": known_channel(channel),
                "created_at": timestamp(fields.get("created")),
                "customer": {
                    "id": plain(self._custom(fields, "customer_id"))
                    or first_text(reporter.get("accountId"), reporter.get("emailAddress"), reporter.get("name")),
                    "name": plain(self._custom(fields, "customer_name")) or text(reporter.get("displayName")),
                    "company": company,
                    "plan": plain(self._custom(fields, "plan")) or text(fields.get("plan")),
                    "annual_contract_value": amount(plain(contract) if contract is not None else None)
                    if not isinstance(contract, int | float)
                    else amount(contract),
                    "strategic": _strategic(strategic) if strategic is not None else flag(fields.get("strategic")),
                },
                "history": history,
                "tags": tag_list(fields.get("labels")),
                "product": plain(self._custom(fields, "product")) or component,
            },
        )
