"""Zendesk (``triage/adapters/zendesk.py``): trigger bodies, event envelopes, and the signed-delivery checks."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from webhook_fixtures import load

from triage.adapters import AdapterError, ReplayError, SignatureError
from triage.adapters.base import ReplayCache, hmac_sha256_base64
from triage.adapters.zendesk import SIGNATURE_HEADER, TIMESTAMP_HEADER, ZendeskAdapter, strip_comment_header

SECRET = "dGhpcyBpcyBhIHRlc3Qgc2lnbmluZyBzZWNyZXQ="
SENT_AT = "2024-05-21T15:02:19Z"
NOW = datetime(2024, 5, 21, 15, 2, 30, tzinfo=UTC).timestamp()


def signed(body: bytes, sent_at: str = SENT_AT, secret: str = SECRET) -> dict[str, str]:
    return {
        SIGNATURE_HEADER: hmac_sha256_base64(secret, sent_at.encode() + body),
        TIMESTAMP_HEADER: sent_at,
    }


@pytest.fixture
def adapter() -> ZendeskAdapter:
    return ZendeskAdapter()  # its own replay cache, not the registry's


def test_a_trigger_body_maps_every_placeholder():
    ticket = ZendeskAdapter().to_ticket(load("zendesk", "trigger-created"))

    assert ticket is not None
    assert ticket.id == "48213"
    assert ticket.subject == "Export to CSV fails with error 500 since this morning"
    assert ticket.body.startswith("Hi,\n\nsince this morning every CSV export")  # no rule line, no author header
    assert ticket.channel == "web_form"  # {{ticket.via}} renders "Web form"
    assert ticket.created_at == datetime(2024, 3, 12, 9, 15, 42, tzinfo=UTC)
    assert ticket.tags == ["reports", "export_csv", "month_end"]  # {{ticket.tags}} is space-separated
    assert ticket.customer is not None
    assert ticket.customer.company == "Northwind Freight GmbH"
    assert ticket.customer.annual_contract_value == 84000  # "84,000" as the org field renders it
    assert ticket.customer.strategic is True
    assert ticket.history == []  # latest_comment is the description itself on a new ticket


def test_the_latest_comment_is_the_body_and_the_description_its_history():
    ticket = ZendeskAdapter().to_ticket(load("zendesk", "trigger-comment-unicode"))

    assert ticket is not None
    assert ticket.body.startswith("二重請求の件") and ticket.body.endswith("😡")
    assert [(item.author, item.body[:9]) for item in ticket.history] == [("customer", "Bonjour, ")]
    assert ticket.subject == "Facture en double — remboursement SVP 🙏"
    assert ticket.tags == ["billing", "double_charge", "français"]
    assert ticket.channel == "email"  # "Mail"


def test_empty_placeholders_read_as_absent():
    ticket = ZendeskAdapter().to_ticket(load("zendesk", "trigger-missing-keys"))

    assert ticket is not None
    assert (ticket.body, ticket.channel, ticket.created_at, ticket.tags) == ("", None, None, [])
    assert ticket.customer is not None and ticket.customer.model_dump(exclude_none=True) == {}


def test_an_event_envelope_maps_the_ticket_detail():
    ticket = ZendeskAdapter().to_ticket(load("zendesk", "event-ticket-created"))

    assert ticket is not None
    assert (ticket.id, ticket.subject, ticket.channel) == ("5158", "SSO broken for all users", "web_form")
    assert ticket.customer is not None and ticket.customer.id == "8447388090494"
    assert ticket.tags == ["sso", "okta", "outage"]


def test_a_customer_comment_is_the_body_and_a_staff_comment_history():
    customer = ZendeskAdapter().to_ticket(load("zendesk", "event-comment-added"))
    staff = ZendeskAdapter().to_ticket(load("zendesk", "event-agent-comment"))

    assert customer is not None and customer.body.startswith("This is the third time I write")
    assert [item.author for item in customer.history] == ["customer"]
    assert staff is not None and staff.body == "SSO fails with SAML_RESPONSE_INVALID."
    assert [item.author for item in staff.history] == ["agent"]
    assert staff.channel == "chat"  # native_messaging


@pytest.mark.parametrize(
    "event", ["zen:event-type:ticket.status_changed", "zen:event-type:user.created", "zen:event-type:ticket.deleted"]
)
def test_events_without_a_message_are_ignored(event):
    assert ZendeskAdapter().to_ticket({"type": event, "detail": {"id": "1", "subject": "x"}}) is None


def test_a_body_that_is_neither_shape_is_malformed():
    with pytest.raises(AdapterError, match="neither a trigger body"):
        ZendeskAdapter().to_ticket({"id": "1", "subject": "no ticket object"})


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("----------------------------------------------\n\nAna Lima, Jan 5, 2024, 10:00\n\nHello", "Hello"),
        ("Ana Lima, Jan 5, 2024 at 10:00 AM\n\nHello", "Hello"),
        ("Hello, Mar 3, 2024, 10:00 is when it broke.\n\nPlease help", None),
        ("Ana Lima, Jan 5, 2024, 10:00\nno blank line after it: the customer's own words", None),
        ("Plain text, no header", None),
    ],
)
def test_the_placeholder_header_is_stripped_and_nothing_else(raw, expected):
    assert strip_comment_header(raw) == (raw if expected is None else expected)


def test_a_correctly_signed_delivery_passes(adapter):
    body = json.dumps(load("zendesk", "event-ticket-created")).encode()

    adapter.verify(body, signed(body), SECRET, now=NOW)


def test_header_names_are_case_insensitive(adapter):
    body = b'{"ticket": {}}'
    headers = {name.lower(): value for name, value in signed(body).items()}

    adapter.verify(body, headers, SECRET, now=NOW)


@pytest.mark.parametrize(
    "tamper, message",
    [
        (lambda body, headers: (body + b" ", headers), "does not match"),
        (lambda body, headers: (body, {**headers, TIMESTAMP_HEADER: "2024-05-21T15:02:20Z"}), "does not match"),
        (lambda body, headers: (body, {TIMESTAMP_HEADER: headers[TIMESTAMP_HEADER]}), "missing"),
        (lambda body, headers: (body, {}), "missing"),
    ],
    ids=["body changed", "timestamp changed", "no signature", "no headers"],
)
def test_a_tampered_delivery_is_refused(adapter, tamper, message):
    body = b'{"ticket": {"id": "1", "title": "x"}}'
    body, headers = tamper(body, signed(body))

    with pytest.raises(SignatureError, match=message):
        adapter.verify(body, headers, SECRET, now=NOW)


def test_another_secret_is_refused(adapter):
    body = b"{}"
    with pytest.raises(SignatureError):
        adapter.verify(body, signed(body, secret="another"), SECRET, now=NOW)


def test_a_stale_delivery_is_refused_even_when_correctly_signed(adapter):
    body = b"{}"
    headers = signed(body, sent_at="2024-05-21T14:50:00Z")  # 12.5 minutes before NOW

    with pytest.raises(SignatureError, match="stale delivery"):
        adapter.verify(body, headers, SECRET, now=NOW)


@pytest.mark.parametrize("sent_at", ["1716303739", "1716303739000", "2024-05-21T17:02:19+02:00"])
def test_epoch_and_offset_timestamps_are_read(adapter, sent_at):
    body = b"{}"

    adapter.verify(body, signed(body, sent_at=sent_at), SECRET, now=NOW)


def test_an_unreadable_timestamp_is_refused(adapter):
    body = b"{}"
    with pytest.raises(SignatureError, match="unreadable"):
        adapter.verify(body, signed(body, sent_at="yesterday"), SECRET, now=NOW)


def test_a_replay_is_refused(adapter):
    body = b'{"ticket": {"id": "1", "title": "x"}}'
    headers = signed(body)
    adapter.verify(body, headers, SECRET, now=NOW)

    with pytest.raises(ReplayError, match="already received"):
        adapter.verify(body, headers, SECRET, now=NOW)


def test_a_replay_is_only_counted_once_the_signature_checks_out(adapter):
    body = b"{}"
    forged = {**signed(body), SIGNATURE_HEADER: "Zm9yZ2Vk"}
    with pytest.raises(SignatureError):
        adapter.verify(body, forged, SECRET, now=NOW)

    assert len(adapter.replays) == 0


def test_the_replay_cache_forgets_after_its_ttl():
    clock = [100.0]
    cache = ReplayCache(ttl=60, clock=lambda: clock[0])

    assert cache.check_and_add("a") is True
    assert cache.check_and_add("a") is False
    clock[0] += 61
    assert cache.check_and_add("a") is True
