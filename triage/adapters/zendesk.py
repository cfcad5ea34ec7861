"""Zendesk: trigger/automation webhooks with an admin-built JSON body, and event-subscription webhooks.

Two shapes reach the same route (docs/helpdesks/zendesk.md has the body to paste):

- **Trigger or automation** ("Notify active webhook"): the body the admin wrote, placeholders rendered, under a
  top-level ``"ticket"`` object. Every value arrives as text; an empty placeholder renders as ``""``.
- **Event subscription**: Zendesk's envelope ``{"type": "zen:event-type:ticket.created", "detail": {...},
  "event": {...}, "time": ..., "id": ...}``. ``detail`` is the ticket as Zendesk stores it: ids only for the
  requester and organisation (no names, no plan), so prefer the trigger body when customer fields matter.

Signature: ``X-Zendesk-Webhook-Signature`` is base64(HMAC-SHA256(signing secret, timestamp + raw body)) with
the timestamp from ``X-Zendesk-Webhook-Signature-Timestamp``. A timestamp more than five minutes from our
clock is stale; a signature seen before is a replay (the cache is per process, see ``ReplayCache``).
"""

from __future__ import annotations

import re
import time
from datetime import UTC
from typing import Any

from triage.adapters._text import html_to_text
from triage.adapters.base import (
    AdapterError,
    Headers,
    Message,
    ReplayCache,
    ReplayError,
    SignatureError,
    first_text,
    flag,
    header,
    hmac_sha256_base64,
    ident,
    known_channel,
    make_ticket,
    obj,
    placeholder_customer,
    register,
    require_object,
    same_secret,
    split_messages,
    tag_list,
    text,
    timestamp,
)
from triage.schema import Ticket

SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature"
TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp"
EVENT_PREFIX = "zen:event-type:"
# The events that carry a customer message to score; every other event type is acknowledged and ignored.
EVENTS = frozenset({"ticket.created", "ticket.comment_added"})

# What {{ticket.via}} renders (a display name) → the contract's channel. The event envelope's via.channel is a
# code (web, email, api, voice, chat, native_messaging, …) that triage.schema.channel_group already knows.
VIA_NAMES = {
    "mail": "email",
    "email": "email",
    "web form": "web_form",
    "web_form": "web_form",
    "web widget": "web_form",
    "help center": "web_form",
    "web service": "api",
    "web_service": "api",
    "api": "api",
    "phone call (incoming)": "phone",
    "phone call (outgoing)": "phone",
    "voicemail": "phone",
    "voice": "phone",
    "chat": "chat",
    "messaging": "chat",
    "native_messaging": "chat",
    "whatsapp": "chat",
    "text": "chat",
    "sms": "chat",
    "twitter": "social",
    "x corp": "social",
    "facebook": "social",
    "instagram direct": "social",
}

# {{ticket.description}} and {{ticket.latest_comment}} render with a rule line and an "Author, date" header
# above the text (the format of Zendesk's notification e-mails); the model must read the customer's words only.
_RULE = re.compile(r"^\s*-{10,}\s*$")
_HEADER = re.compile(r"^.{1,120}, [A-Z][a-z]{2,8} \d{1,2}, \d{4}(,| at) \d{1,2}:\d{2}(\s?[AaPp][Mm])?(\s*\([^)]*\))?$")


def strip_comment_header(body: str) -> str:
    """The comment text without the rule line and the ``Name, Mar 12, 2024, 09:15`` header Zendesk's
    placeholders put above it."""
    lines = body.replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and _RULE.match(lines[0]):
        lines.pop(0)
        while lines and not lines[0].strip():
            lines.pop(0)
    # The header stands alone above a blank line; a customer's first line that merely starts with a date stays.
    if len(lines) > 1 and _HEADER.match(lines[0].strip()) and not lines[1].strip():
        lines.pop(0)
    return "\n".join(lines).strip()


def _signed_at(value: str) -> float | None:
    """The signing time in epoch seconds: Zendesk sends ISO 8601 (``2024-05-21T15:02:19Z``); epoch seconds or
    milliseconds are read too."""
    if value.strip().isdigit():
        number = int(value.strip())
        return number / 1000 if number > 10**11 else float(number)
    when = timestamp(value)
    if when is None:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()


def _channel(value: Any) -> str | None:
    if isinstance(value, dict):  # the envelope's {"channel": "web"} (also the REST API's via object)
        value = value.get("channel")
    raw = text(value)
    if raw is None:
        return None
    return VIA_NAMES.get(raw.lower()) or known_channel(raw)


def _comment_text(value: Any, html: Any = None) -> str:
    raw = text(value)
    if raw is None and text(html) is not None:
        raw = html_to_text(str(html))
    return strip_comment_header(raw) if raw else ""


@register
class ZendeskAdapter:
    name = "zendesk"

    def __init__(self, tolerance_s: float = 300.0, replay_ttl_s: float = 900.0) -> None:
        self.tolerance_s = tolerance_s
        self.replays = ReplayCache(ttl=replay_ttl_s)

    def verify(self, body: bytes, headers: Headers, secret: str, *, now: float | None = None) -> None:
        signature, sent_at = header(headers, SIGNATURE_HEADER), header(headers, TIMESTAMP_HEADER)
        if signature is None or sent_at is None:
            raise SignatureError(f"zendesk: missing {SIGNATURE_HEADER} or {TIMESTAMP_HEADER} header")
        expected = hmac_sha256_base64(secret, sent_at.encode("utf-8") + body)
        if not same_secret(signature, expected):
            raise SignatureError("zendesk: the signature does not match the body and the signing secret")
        signed_at = _signed_at(sent_at)
        if signed_at is None:
            raise SignatureError(f"zendesk: unreadable {TIMESTAMP_HEADER} {sent_at[:40]!r}")
        skew = abs((now if now is not None else time.time()) - signed_at)
        if skew > self.tolerance_s:
            limit = f"{self.tolerance_s:.0f}"
            raise SignatureError(f"zendesk: stale delivery, signed {skew:.0f} s away from now (limit {limit} s)")
        if not self.replays.check_and_add(signature):
            raise ReplayError("zendesk: this signed delivery was already received")

    def to_ticket(self, payload: Any, headers: Headers | None = None) -> Ticket | None:
        body = require_object(self.name, payload)
        kind = body.get("type")
        if isinstance(kind, str) and kind.startswith("zen:"):
            event = kind.removeprefix(EVENT_PREFIX)
            return self._event(body, event) if event in EVENTS else None
        if "ticket" in body:
            return self._trigger(body)
        if isinstance(kind, str) or "detail" in body:
            return None  # another product's event, or a Zendesk "test webhook" ping
        raise AdapterError('zendesk: neither a trigger body with a "ticket" object nor an event envelope')

    def _trigger(self, payload: dict[str, Any]) -> Ticket:
        ticket = payload.get("ticket")
        if not isinstance(ticket, dict):
            raise AdapterError('zendesk: "ticket" must be a JSON object')
        requester = obj(ticket.get("requester"))
        organization = obj(ticket.get("organization"))
        customer = {**obj(payload.get("customer")), **obj(ticket.get("customer"))}
        created = timestamp(first_text(ticket.get("created_at_with_timestamp"), ticket.get("created_at")))
        description = _comment_text(ticket.get("description"), ticket.get("description_html"))
        latest = _comment_text(ticket.get("latest_comment"), ticket.get("latest_comment_html"))
        messages = [Message("customer", description, created)]
        if latest and latest != description:
            # The placeholder does not say who wrote it; the admin can send {{current_user.role}} next to it.
            role = (text(ticket.get("latest_comment_author_role")) or "end-user").lower()
            messages.append(Message("customer" if role in ("end-user", "end_user", "customer") else "agent", latest))
        text_body, history = split_messages(messages)
        return make_ticket(
            self.name,
            {
                "id": ident(ticket.get("id")),
                "subject": text(ticket.get("title")) or text(ticket.get("subject")),
                "body": text_body,
                "channel": _channel(ticket.get("via")),
                "created_at": created,
                "customer": placeholder_customer(requester, organization, customer),
                "history": history,
                "tags": tag_list(ticket.get("tags"), separators=" ,"),
                "product": text(ticket.get("product")) or text(payload.get("product")),
            },
        )

    def _event(self, envelope: dict[str, Any], event: str) -> Ticket:
        detail = envelope.get("detail")
        if not isinstance(detail, dict):
            raise AdapterError(f'zendesk: event {event} without a "detail" object')
        created = timestamp(detail.get("created_at"))
        messages = [Message("customer", _comment_text(detail.get("description")), created)]
        comment = obj(obj(envelope.get("event")).get("comment"))
        body = _comment_text(comment.get("body"), comment.get("html_body"))
        if event == "ticket.comment_added" and body:
            author = obj(comment.get("author"))
            staff = flag(author.get("is_staff"))
            messages.append(Message("agent" if staff else "customer", body, timestamp(envelope.get("time"))))
        text_body, history = split_messages(messages)
        return make_ticket(
            self.name,
            {
                "id": ident(detail.get("id")) or (text(envelope.get("subject")) or "").removeprefix("zen:ticket:"),
                "subject": text(detail.get("subject")),
                "body": text_body,
                "channel": _channel(detail.get("via")),
                "created_at": created,
                "customer": {"id": ident(detail.get("requester_id"))},
                "history": history,
                "tags": tag_list(detail.get("tags"), separators=" ,"),
            },
        )
