"""The adapter registry (``triage.adapters.ADAPTERS``): every entry imports, follows the protocol and reads
every fixture as its name says; no adapter raises anything but AdapterError, whatever JSON it is given."""

from __future__ import annotations

import importlib
import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from webhook_fixtures import FIXTURES, expectation, fixture_paths

from triage.adapters import ADAPTERS, Adapter, AdapterError, JiraAdapter
from triage.errors import TriageError
from triage.schema import Ticket

VENDORS = sorted(ADAPTERS)


def test_the_registry_holds_the_three_helpdesks():
    assert VENDORS == ["freshdesk", "jira", "zendesk"]


@pytest.mark.parametrize("name", VENDORS)
def test_every_entry_imports_and_follows_the_protocol(name):
    adapter = ADAPTERS[name]
    module = importlib.import_module(f"triage.adapters.{name}")

    assert isinstance(adapter, Adapter)
    assert adapter.name == name
    assert type(adapter).__module__ == module.__name__
    assert issubclass(AdapterError, TriageError)


@pytest.mark.parametrize("name", VENDORS)
def test_every_vendor_has_fixtures_of_every_kind(name):
    kinds = {expectation(path) for path in fixture_paths(name)}

    assert kinds == {"ticket", "ignored", "malformed"}


@pytest.mark.parametrize("path", fixture_paths(), ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_fixture_reads_as_its_name_says(path):
    adapter = ADAPTERS[path.parent.name]
    payload = json.loads(path.read_text(encoding="utf-8"))

    if expectation(path) == "malformed":
        with pytest.raises(AdapterError) as raised:
            adapter.to_ticket(payload, {})
        message = str(raised.value)
        assert message.startswith(f"{adapter.name}: ") and "\n" not in message
    elif expectation(path) == "ignored":
        assert adapter.to_ticket(payload, {}) is None
    else:
        ticket = adapter.to_ticket(payload, {})
        assert isinstance(ticket, Ticket)
        assert ticket.subject or ticket.body
        assert "<" not in ticket.body or "<div" not in ticket.body  # no HTML left


def test_every_fixture_folder_belongs_to_a_registered_adapter():
    assert sorted(path.name for path in FIXTURES.iterdir() if path.is_dir()) == VENDORS


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
# Keys the adapters look for, so arbitrary values land where the parsers read them.
KEYS = [
    "ticket", "detail", "event", "type", "comment", "issue", "fields", "webhookEvent", "freshdesk_webhook",
    "id", "key", "title", "subject", "summary", "description", "latest_comment", "latest_public_comment", "via",
    "channel", "tags", "labels", "requester", "reporter", "organization", "company", "customer", "created",
    "created_at", "created_at_with_timestamp", "comments", "body", "author", "content", "attrs", "text",
    "ticket_id", "ticket_subject", "ticket_description", "annual_contract_value", "strategic", "plan",
    "components", "customfield_10050", "jsdPublic", "is_staff",
]  # fmt: skip
shaped_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) | st.sampled_from(
        ["zen:event-type:ticket.created", "zen:event-type:ticket.comment_added", "jira:issue_created",
         "comment_created", "doc", "paragraph", "listItem", "<p>a &amp; b</p>", "2024-06-11T14:22:31.000+0000"]
    ),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS), children, max_size=6),
    max_leaves=40,
)  # fmt: skip


# Jira as a site configures it too: the custom-field map is read only when given.
JIRA_WITH_FIELDS = JiraAdapter(
    {"annual_contract_value": "customfield_10050", "company": "components", "strategic": "labels", "plan": "id"}
)


def _only_adapter_errors(payload: Any) -> None:
    for adapter in [*ADAPTERS.values(), JIRA_WITH_FIELDS]:
        try:
            result = adapter.to_ticket(payload, {})
        except AdapterError:
            continue
        assert result is None or isinstance(result, Ticket)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_adapters_raise_only_adapter_errors_on_arbitrary_json(payload):
    _only_adapter_errors(payload)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shaped_values)
def test_adapters_raise_only_adapter_errors_on_json_shaped_like_their_payloads(payload):
    _only_adapter_errors(payload)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(fixture_paths()), st.data())
def test_adapters_raise_only_adapter_errors_when_a_fixture_value_is_replaced(path, data):
    payload = json.loads(path.read_text(encoding="utf-8"))
    # Walk to a random branch of the real payload and put an arbitrary value there.
    node: Any = payload
    while isinstance(node, dict) and node:
        key = data.draw(st.sampled_from(sorted(node)))
        if not isinstance(node[key], dict) or data.draw(st.booleans()):
            node[key] = data.draw(json_values)
            break
        node = node[key]
    _only_adapter_errors(payload)


def test_a_deeply_nested_body_is_refused_in_one_line():
    payload: Any = {"type": "doc", "content": []}
    for _ in range(5000):
        payload = {"type": "paragraph", "content": [payload]}

    for name in VENDORS:
        with pytest.raises(AdapterError, match="nests deeper"):
            ADAPTERS[name].to_ticket({"ticket": payload, "issue": payload}, {})


DOCS = FIXTURES.parents[2] / "docs" / "helpdesks"


def pasted_body(vendor: str) -> str:
    """The first JSON block of docs/helpdesks/<vendor>.md: the body an admin pastes into the vendor's UI."""
    page = (DOCS / f"{vendor}.md").read_text(encoding="utf-8")
    start = page.index("```json\n") + len("```json\n")
    return page[start : page.index("```", start)]


@pytest.mark.parametrize("name", VENDORS)
def test_each_vendor_has_a_doc_that_names_the_route(name):
    page = (DOCS / f"{name}.md").read_text(encoding="utf-8")

    assert f"POST /v1/webhooks/{name}" in page
    assert f"TRIAGE_WEBHOOK_SECRET_{name.upper()}" in page


@pytest.mark.parametrize("name", VENDORS)
def test_the_documented_body_reads_as_a_ticket_once_the_vendor_renders_it(name):
    # The vendor renders each placeholder; a realistic value in place of each one is enough.
    rendered = re.sub(r"\{\{[^}]*asJsonStringArray\}\}", '["billing", "vip"]', pasted_body(name))
    rendered = re.sub(r"\{\{\s*[\w.]*(id|key)\s*\}\}", "4242", rendered)
    rendered = re.sub(r"\{\{[^}]*created[^}]*\}\}", "2024-06-11T14:22:31.0+0000", rendered)
    rendered = re.sub(r"\{\{[^}]*\}\}", "Café crème ☕ — 注文", rendered)

    ticket = ADAPTERS[name].to_ticket(json.loads(rendered), {})

    assert isinstance(ticket, Ticket)
    assert ticket.id == "4242" and ticket.subject == "Café crème ☕ — 注文"
