"""Jira (``triage/adapters/jira.py``): webhooks (Server/DC and Cloud), automation bodies, wiki markup and ADF,
the custom-field map, and both ways of proving the sender."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from webhook_fixtures import load

from triage.adapters import AdapterError, JiraAdapter, SignatureError
from triage.adapters._text import adf_to_text, wiki_to_text
from triage.adapters.base import hmac_sha256_hex
from triage.adapters.jira import SECRET_HEADER, SIGNATURE_HEADER

SECRET = "jira-webhook-secret-7f2c"
SITE_FIELDS = {
    "annual_contract_value": "customfield_10050",
    "company": "customfield_10002",
    "strategic": "customfield_10060",
    "plan": "customfield_10061",
}


def test_a_server_webhook_maps_fields_and_the_sites_custom_fields():
    ticket = JiraAdapter(SITE_FIELDS).to_ticket(load("jira", "server-issue-created"))

    assert ticket is not None
    assert (ticket.id, ticket.subject) == ("SUP-4411", "API returns 502 Bad Gateway on /v2/orders")
    assert ticket.created_at == datetime(2024, 6, 11, 14, 22, 31, tzinfo=UTC)  # "+0000"
    assert ticket.body.startswith("What happens\nSince 14:00 UTC every call to /v2/orders returns 502 Bad Gateway.")
    assert '{"error": "upstream timeout"' in ticket.body  # the {code} block's content stays
    assert "- rotated the API key\n- retried from two regions" in ticket.body
    assert "screenshot" not in ticket.body and "h2." not in ticket.body and "*" not in ticket.body
    assert ticket.tags == ["api", "outage"]
    assert ticket.product == "Orders API"  # the first component
    assert ticket.customer is not None
    assert ticket.customer.model_dump(exclude_none=True) == {
        "id": "tomas.garcia@contoso.example",
        "name": "Tomás García",
        "company": "Contoso Retail",  # an organisations field: a list of {"name"}
        "plan": "Enterprise",  # a select field: {"value"}
        "annual_contract_value": 132000,
        "strategic": True,  # a checkbox field with one option ticked
    }


def test_without_a_field_map_custom_fields_are_not_guessed():
    ticket = JiraAdapter().to_ticket(load("jira", "server-issue-created"))

    assert ticket is not None and ticket.customer is not None
    assert (ticket.customer.company, ticket.customer.annual_contract_value) == (None, None)


def test_an_unknown_custom_field_target_is_refused_at_construction():
    with pytest.raises(AdapterError, match="unknown custom-field targets \\['contract'\\]"):
        JiraAdapter({"contract": "customfield_10050"})


def test_a_cloud_webhook_with_an_adf_description():
    ticket = JiraAdapter({"company": "customfield_10002"}).to_ticket(load("jira", "cloud-issue-created-adf"))

    assert ticket is not None
    assert ticket.body == (
        "こんにちは @Support Team、\nThe Download PDF button on Billing → Invoices spins forever. 😞\n\n"
        "- Safari 17 and Edge 125\n- incognito too\n\nGET /billing/invoices/INV-3321.pdf 504\n\n"
        "https://example.atlassian.net/browse/HELP-950"
    )
    assert ticket.created_at is not None and ticket.created_at.utcoffset().total_seconds() == 9 * 3600
    assert ticket.customer is not None and ticket.customer.company == "株式会社サンプル"


def test_a_new_comment_is_the_body_even_when_the_issue_is_trimmed():
    ticket = JiraAdapter().to_ticket(load("jira", "cloud-comment-created"))

    assert ticket is not None
    assert ticket.body.startswith("Still broken two days later")
    assert ticket.subject.startswith("請求書のダウンロード")


def test_internal_notes_and_other_peoples_comments_are_the_agents():
    ticket = JiraAdapter({"company": "customfield_10002"}).to_ticket(load("jira", "jsm-issue-updated-internal-comment"))

    assert ticket is not None
    assert ticket.body == "Any update? Our board meets on Monday."
    assert [(item.author, item.body[:12]) for item in ticket.history] == [
        ("customer", "Our legal de"),
        ("agent", "Looping in l"),
    ]


def test_a_reporters_internal_comment_is_not_the_customers():
    reporter = {"accountId": "c-1", "displayName": "Cara"}
    payload = {
        "webhookEvent": "comment_created",
        "issue": {"key": "X-1", "fields": {"summary": "s", "reporter": reporter}},
        "comment": {"id": "1", "author": reporter, "body": "note to self", "jsdPublic": False},
    }

    ticket = JiraAdapter().to_ticket(payload)

    assert ticket is not None and ticket.body == "note to self"  # no customer message: the latest one
    assert ticket.history == []


def test_the_new_comment_is_not_counted_twice():
    comment = {"id": "7", "author": {"accountId": "c-1"}, "body": "help"}
    payload = {
        "webhookEvent": "comment_created",
        "issue": {"key": "X-1", "fields": {"summary": "s", "reporter": {"accountId": "c-1"}, "comment": [comment]}},
        "comment": comment,
    }

    ticket = JiraAdapter().to_ticket(payload)

    assert ticket is not None and ticket.body == "help" and ticket.history == []


def test_a_flat_automation_body_from_smart_values():
    ticket = JiraAdapter({"annual_contract_value": "customfield_10050"}).to_ticket(load("jira", "automation-flat"))

    assert ticket is not None
    assert ticket.subject == "Rückerstattung für doppelte Abbuchung 💶"
    assert ticket.body == (
        "Wir wurden im Mai zweimal belastet (2 × 990 €). Bitte erstatten Sie den Betrag.\n\n"
        "- Rechnung: R-5521\n- Konto: DE-4410"
    )
    assert ticket.channel == "web_form"  # "portal"
    assert ticket.customer is not None
    assert ticket.customer.model_dump(exclude_none=True) == {
        "id": "bjorn@nordlicht.example",
        "name": "Björn Åkesson",
        "company": "Nordlicht Energie AG",
        "plan": "pro",
        "annual_contract_value": 24000,
    }


def test_labels_rendered_as_text_are_split():
    payload = {"issue": {"key": "X-2", "summary": "s", "labels": "[billing, refund]"}}

    ticket = JiraAdapter().to_ticket(payload)

    assert ticket is not None and ticket.tags == ["billing", "refund"]


@pytest.mark.parametrize("event", ["jira:issue_deleted", "worklog_updated", "sprint_started", "comment_deleted"])
def test_other_events_are_ignored(event):
    assert JiraAdapter().to_ticket({"webhookEvent": event, "issue": {"key": "X-1"}}) is None


@pytest.mark.parametrize(
    "markup, text",
    [
        ("h1. Title\nbody", "Title\nbody"),
        ("*bold* and _italic_ and {{mono}}", "bold and italic and mono"),
        ("snake_case_name and 2*3*4 stay", "snake_case_name and 2*3*4 stay"),
        ("{quote}quoted{quote}", "quoted"),
        ("{color:red}red{color} text", "red\ntext"),  # a macro's tags break the line; the words stay
        ("see [the docs|https://x.example/y] and [~jdoe]", "see the docs and @jdoe"),
        ("* a\n** b\n# c", "- a\n- b\n- c"),
        ("||h1||h2||\n|c1|c2|", "h1 | h2\nc1 | c2"),
        ("before\n----\nafter", "before\n\nafter"),
        ("!image.png! gone", "gone"),
    ],
)
def test_wiki_markup_becomes_plain_text(markup, text):
    assert wiki_to_text(markup) == text


def test_adf_nodes_it_does_not_know_keep_their_text():
    document = {"type": "doc", "content": [{"type": "futureNode", "content": [{"type": "text", "text": "kept"}]}]}

    assert adf_to_text(document) == "kept"


def test_a_hub_signature_over_the_body_passes():
    body = b'{"webhookEvent": "jira:issue_created"}'

    JiraAdapter().verify(body, {SIGNATURE_HEADER: "sha256=" + hmac_sha256_hex(SECRET, body)}, SECRET)


@pytest.mark.parametrize(
    "signature",
    ["sha256=" + "0" * 64, "sha1=abc", "sha256=", "garbage"],
)
def test_a_wrong_hub_signature_is_refused(signature):
    with pytest.raises(SignatureError, match=SIGNATURE_HEADER):
        JiraAdapter().verify(b"{}", {SIGNATURE_HEADER: signature}, SECRET)


def test_without_a_signature_the_shared_secret_header_is_required():
    JiraAdapter().verify(b"{}", {SECRET_HEADER: SECRET}, SECRET)
    with pytest.raises(SignatureError, match=SECRET_HEADER):
        JiraAdapter().verify(b"{}", {}, SECRET)


def test_large_numeric_ids_stay_exact():
    payload = {"issue": {"id": 8447388090494, "summary": "s", "customfield_10050": 1.5e6}}

    ticket = JiraAdapter({"annual_contract_value": "customfield_10050", "customer_id": "id"}).to_ticket(payload)

    assert ticket is not None and ticket.id == "8447388090494"
    assert ticket.customer is not None and ticket.customer.annual_contract_value == 1_500_000
