"""Freshdesk (``triage/adapters/freshdesk.py``): advanced and simple webhook bodies, HTML descriptions, and
the shared-secret header."""

from __future__ import annotations

import pytest
from webhook_fixtures import load

from triage.adapters import AdapterError, FreshdeskAdapter, SignatureError
from triage.adapters._text import html_to_text
from triage.adapters.freshdesk import SECRET_HEADER

SECRET = "fd-3b1f0c7e9a"


def test_an_advanced_body_maps_every_placeholder():
    ticket = FreshdeskAdapter().to_ticket(load("freshdesk", "advanced-ticket-created"))

    assert ticket is not None
    assert ticket.id == "20417"  # a JSON number in the body
    assert ticket.body.startswith("Hello team,\n\nWe were charged twice for invoice INV-7781 ($4,800.00 each)")
    assert "we'll file a chargeback" in ticket.body  # &#39; decoded
    assert ticket.body.endswith("Regards,\nDana Whitfield\nFinance Lead, Alder & Pine Logistics")
    assert ticket.channel == "web_form"  # "Portal"
    assert ticket.tags == ["billing", "refund", "chargeback"]  # one comma-separated string
    assert ticket.customer is not None
    assert ticket.customer.id == "dana.whitfield@alderpine.example"
    assert ticket.customer.company == "Alder & Pine Logistics"
    assert (ticket.customer.plan, ticket.customer.annual_contract_value, ticket.customer.strategic) == (
        "enterprise",
        57600,
        True,
    )


def test_the_latest_public_comment_is_the_body_and_the_description_its_history():
    ticket = FreshdeskAdapter().to_ticket(load("freshdesk", "advanced-unicode"))

    assert ticket is not None
    assert ticket.body == "Dritte Nachricht – niemand antwortet. Wir verlieren jeden Tag Umsätze!"
    (first,) = ticket.history
    assert first.author == "customer"
    assert "自从更新到5.2版本后" in first.body and "- Neu installiert ✅\n- Gerät neu gestartet ✅" in first.body
    assert ticket.subject == "Die App stürzt beim Öffnen ab – 紧急 🚨"
    assert ticket.tags == ["ios", "crash", "version_5.2"]


def test_the_simple_checklist_body_is_read_too():
    ticket = FreshdeskAdapter().to_ticket(load("freshdesk", "simple-checklist"))

    assert ticket is not None
    assert (ticket.id, ticket.channel, ticket.tags) == ("20601", "email", ["privacy", "gdpr"])
    assert ticket.body.endswith("Article 17 GDPR.\nI expect written confirmation within one month.")
    assert ticket.customer is not None
    assert (ticket.customer.name, ticket.customer.company) == ("Sofia Marchetti", None)


def test_empty_placeholders_read_as_absent():
    ticket = FreshdeskAdapter().to_ticket(load("freshdesk", "advanced-missing-keys"))

    assert ticket is not None
    assert (ticket.body, ticket.channel, ticket.tags) == ("", None, [])


@pytest.mark.parametrize(
    "source, channel",
    [("Email", "email"), ("Portal", "web_form"), ("Phone", "phone"), ("Chat", "chat"),
     ("Feedback Widget", "web_form"), ("Outbound Email", "email"), ("WhatsApp", "chat"), ("Twitter", "social"),
     (2, "web_form"), ("Ecommerce", "ecommerce")],
)  # fmt: skip
def test_sources_map_to_the_contracts_channels(source, channel):
    ticket = FreshdeskAdapter().to_ticket({"ticket": {"id": 1, "subject": "x", "source": source}})

    assert ticket is not None and ticket.channel == channel


@pytest.mark.parametrize(
    "html, text",
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<div>Line<br>break<br/>again</div>", "Line\nbreak\nagain"),
        ("Tom &amp; Jerry &lt;3 caf&eacute; &#8364;10&nbsp;now", "Tom & Jerry <3 café €10 now"),
        ("<ul><li>first</li><li>second</li></ul>", "- first\n- second"),
        ("<style>p{color:red}</style><script>alert(1)</script><p>kept</p>", "kept"),
        ("<p>  lots   of\n   space  </p>", "lots of space"),
        ("<pre>  code\n    indented</pre>", "code\nindented"),  # lines kept, indentation not (the model reads words)
        ("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>", "a | b\n\n1 | 2"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("<![CDATA[x]]><!-- note --><p>ok</p>", "ok"),
        ("", ""),
    ],
)
def test_html_becomes_plain_text_with_paragraphs_kept(html, text):
    assert html_to_text(html) == text


def test_a_body_without_a_ticket_is_ignored():
    assert FreshdeskAdapter().to_ticket({"contact": {"id": 1}}) is None
    assert FreshdeskAdapter().to_ticket({"freshdesk_webhook": {"contact_id": 1}}) is None


def test_a_ticket_without_text_is_malformed():
    with pytest.raises(AdapterError, match="neither a subject nor a body"):
        FreshdeskAdapter().to_ticket({"ticket": {"id": 5, "subject": "", "description": "<p> </p>"}})


def test_the_shared_secret_passes_in_any_header_case():
    FreshdeskAdapter().verify(b"{}", {SECRET_HEADER: SECRET}, SECRET)
    FreshdeskAdapter().verify(b"{}", {SECRET_HEADER.lower(): SECRET}, SECRET)


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: ""}, {SECRET_HEADER: SECRET + "x"}, {"X-Other": SECRET}])
def test_a_missing_or_wrong_secret_is_refused(headers):
    with pytest.raises(SignatureError, match=SECRET_HEADER):
        FreshdeskAdapter().verify(b"{}", headers, SECRET)


def test_an_empty_configured_secret_refuses_everything():
    with pytest.raises(SignatureError):
        FreshdeskAdapter().verify(b"{}", {SECRET_HEADER: ""}, "")
