"""Freshdesk: the "Trigger webhook" action of an automation rule, with a JSON body the admin composes.

Two bodies are read (docs/helpdesks/freshdesk.md has the one to paste):

- **Advanced** (recommended): the admin's own JSON with placeholders, the ticket under ``"ticket"``.
- **Simple**: the fields ticked in the rule's checklist, which Freshdesk wraps as
  ``{"freshdesk_webhook": {"ticket_id": ..., "ticket_subject": ..., ...}}``.

Quirks handled here: ``{{ticket.description}}`` is the HTML of the first message (tags stripped, entities
decoded, paragraphs kept, see ``html_to_text``); ``{{ticket.priority}}``, ``{{ticket.status}}`` and
``{{ticket.source}}`` render display names ("Urgent", "Open", "Feedback Widget"), not the API's numbers;
``{{ticket.tags}}`` renders one comma-separated string; an empty placeholder renders as ``""``. A body with
no ticket at all (a rule on contacts or companies) is ignored.

Freshdesk does not sign webhooks: the rule sends a shared secret in a custom header (``X-Triage-Secret``),
compared in constant time.
"""

from __future__ import annotations

from typing import Any

from triage.adapters._text import html_to_text
from triage.adapters.base import (
    AdapterError,
    Headers,
    Message,
    first_text,
    ident,
    known_channel,
    make_ticket,
    obj,
    placeholder_customer,
    register,
    require_object,
    require_shared_secret,
    split_messages,
    tag_list,
    text,
    timestamp,
)
from triage.schema import Ticket

SECRET_HEADER = "X-Triage-Secret"
# {{ticket.source}} display names → the contract's channel (the API's numeric codes too: 1 Email, 2 Portal,
# 3 Phone, 7 Chat, 9 Feedback Widget, 10 Outbound Email).
SOURCES = {
    "email": "email",
    "1": "email",
    "portal": "web_form",
    "2": "web_form",
    "phone": "phone",
    "3": "phone",
    "chat": "chat",
    "7": "chat",
    "feedback widget": "web_form",
    "9": "web_form",
    "outbound email": "email",
    "10": "email",
    "whatsapp": "chat",
    "twitter": "social",
    "facebook": "social",
    "mobihelp": "chat",
    "bot": "chat",
}


def _body(ticket: dict[str, Any], *keys: str) -> str:
    """The first non-empty of the given keys as plain text; HTML is converted, plain text kept."""
    for key in keys:
        raw = text(ticket.get(key))
        if raw is not None:
            converted = html_to_text(raw) if "<" in raw or "&" in raw else raw
            if converted:
                return converted
    return ""


def _simple(fields: dict[str, Any]) -> dict[str, Any]:
    """The "Simple" checklist's flat ``ticket_*`` keys as the advanced body's ticket object."""
    ticket = {key.removeprefix("ticket_"): value for key, value in fields.items() if key.startswith("ticket_")}
    ticket["requester"] = {
        "name": fields.get("ticket_contact_name") or fields.get("ticket_requester_name"),
        "email": fields.get("ticket_contact_email") or fields.get("ticket_requester_email"),
    }
    ticket["company"] = {"name": fields.get("ticket_company_name")}
    return ticket


@register
class FreshdeskAdapter:
    name = "freshdesk"

    def verify(self, body: bytes, headers: Headers, secret: str) -> None:
        require_shared_secret(self.name, headers, SECRET_HEADER, secret)

    def to_ticket(self, payload: Any, headers: Headers | None = None) -> Ticket | None:
        body = require_object(self.name, payload)
        if "ticket" in body:
            ticket = body["ticket"]
            if not isinstance(ticket, dict):
                raise AdapterError('freshdesk: "ticket" must be a JSON object')
        elif isinstance(body.get("freshdesk_webhook"), dict) and "ticket_id" in body["freshdesk_webhook"]:
            ticket = _simple(body["freshdesk_webhook"])
        else:
            return None  # a rule on contacts or companies, or a test delivery: nothing to score
        requester = obj(ticket.get("requester")) or obj(ticket.get("contact"))
        company = obj(ticket.get("company"))
        customer = {**obj(body.get("customer")), **obj(ticket.get("customer"))}
        created = timestamp(first_text(ticket.get("created_at"), ticket.get("created_on")))
        messages = [Message("customer", _body(ticket, "description", "description_text"), created)]
        latest = _body(ticket, "latest_public_comment", "latest_comment")
        if latest and latest != messages[0].body:
            # The placeholder does not say who wrote it; the rule's condition does ("Reply is sent by customer").
            author = (text(ticket.get("latest_comment_by")) or "customer").lower()
            messages.append(Message("agent" if author in ("agent", "staff") else "customer", latest))
        text_body, history = split_messages(messages)
        source = text(ticket.get("source"))
        return make_ticket(
            self.name,
            {
                "id": ident(ticket.get("id")),
                "subject": text(ticket.get("subject")),
                "body": text_body,
                "channel": (SOURCES.get(source.lower()) or known_channel(source)) if source else None,
                "created_at": created,
                "customer": placeholder_customer(requester, company, customer),
                "history": history,
                "tags": tag_list(ticket.get("tags")),
                "product": text(ticket.get("product")),
            },
        )
