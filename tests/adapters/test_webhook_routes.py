"""``POST /v1/webhooks/<vendor>`` (``service/routers/webhooks.py``) on a tiny app of its own: the status codes
a helpdesk sees, and the same prediction as the library for the same ticket."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from webhook_fixtures import load

from service.batching import DynamicBatcher
from service.holder import ModelHolder
from service.routers import webhooks
from triage.adapters import ADAPTERS, JiraAdapter, ZendeskAdapter
from triage.adapters.base import hmac_sha256_base64
from triage.adapters.freshdesk import SECRET_HEADER
from triage.adapters.zendesk import SIGNATURE_HEADER, TIMESTAMP_HEADER
from triage.errors import TriageError
from triage.schema import Escalation, Frustration, ModelRef, Prediction, Recommendation, Ticket
from triage.settings import Settings

SECRETS = {"zendesk": "zd-signing-secret", "freshdesk": "fd-shared-secret", "jira": "jira-shared-secret"}
CONFIGURED = Settings(
    webhook_secret_zendesk=SECRETS["zendesk"],
    webhook_secret_freshdesk=SECRETS["freshdesk"],
    webhook_secret_jira=SECRETS["jira"],
)


def app_with(holder: object, settings: Settings = CONFIGURED) -> FastAPI:
    app = FastAPI()
    app.include_router(webhooks.router)
    app.state.holder = holder
    app.state.settings = settings
    app.state.record_scored = lambda tickets, predictions: None  # the served app's report and metrics
    app.state.batcher = DynamicBatcher()
    return app


class RecordingTriage:
    """Stands in for the model where a test is about the route, not the prediction (no training needed)."""

    def __init__(self) -> None:
        self.tickets: list[Ticket] = []

    def predict(self, tickets: list[Ticket]) -> list[Prediction]:
        self.tickets.extend(tickets)
        return [
            Prediction(
                id=ticket.id,
                model=ModelRef(version="test"),
                triggers={"technical": 0.5, "financial": 0.1, "legal": 0.0},
                trigger_labels=["technical"],
                escalation=Escalation(probability=0.5, escalate=False),
                frustration=Frustration(score=0.2, level=0),
                recommendation=Recommendation(
                    tier=1, tier_name="Frontline", team="support", confidence=0.9, abstain=False
                ),
            )
            for ticket in tickets
        ]


@pytest.fixture
def holder() -> SimpleNamespace:
    return SimpleNamespace(current=RecordingTriage(), load_error=None)


@pytest.fixture(scope="module")
def model_holder(model_dir) -> ModelHolder:
    holder = ModelHolder()
    holder.load(model_dir)
    return holder


@pytest.fixture
def client(holder, monkeypatch):
    # A fresh Zendesk adapter per test: the registry's replay cache outlives a test.
    monkeypatch.setitem(ADAPTERS, "zendesk", ZendeskAdapter())
    with TestClient(app_with(holder)) as client:
        yield client


def zendesk_headers(body: bytes, sent_at: str | None = None) -> dict[str, str]:
    sent_at = sent_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    signature = hmac_sha256_base64(SECRETS["zendesk"], sent_at.encode() + body)
    return {SIGNATURE_HEADER: signature, TIMESTAMP_HEADER: sent_at, "Content-Type": "application/json"}


def raw(vendor: str, name: str) -> bytes:
    return json.dumps(load(vendor, name), ensure_ascii=False).encode()


def test_there_is_one_route_per_registered_adapter():
    paths = {route.path for route in webhooks.router.routes}  # type: ignore[attr-defined]

    assert paths == {f"/v1/webhooks/{name}" for name in ADAPTERS}


def test_a_signed_zendesk_delivery_gets_the_adapters_ticket_scored(client, holder):
    body = raw("zendesk", "trigger-created")

    response = client.post("/v1/webhooks/zendesk", content=body, headers=zendesk_headers(body))

    assert response.status_code == 200, response.text
    assert response.json()["id"] == "48213"
    assert holder.current.tickets == [ADAPTERS["zendesk"].to_ticket(json.loads(body))]


def test_api_and_library_give_the_same_prediction(model_holder):
    """The one test with the real model (trained once per session): the route adds nothing to the answer."""
    body = raw("jira", "jsm-issue-updated-internal-comment")

    with TestClient(app_with(model_holder)) as client:
        response = client.post("/v1/webhooks/jira", content=body, headers={SECRET_HEADER: SECRETS["jira"]})

    assert response.status_code == 200, response.text
    ticket = ADAPTERS["jira"].to_ticket(json.loads(body))
    assert ticket is not None
    expected = model_holder.current.predict([ticket])[0]
    assert response.json() == json.loads(expected.model_dump_json())


def test_a_replayed_zendesk_delivery_is_refused(client):
    body = raw("zendesk", "event-ticket-created")
    headers = zendesk_headers(body)

    assert client.post("/v1/webhooks/zendesk", content=body, headers=headers).status_code == 200
    second = client.post("/v1/webhooks/zendesk", content=body, headers=headers)

    assert second.status_code == 409
    assert "already received" in second.json()["detail"]


def test_a_stale_or_forged_zendesk_delivery_is_401(client):
    body = raw("zendesk", "event-ticket-created")
    stale = zendesk_headers(body, sent_at="2024-05-21T15:02:19Z")
    forged = {**zendesk_headers(body), SIGNATURE_HEADER: "Zm9yZ2Vk"}

    assert client.post("/v1/webhooks/zendesk", content=body, headers=stale).status_code == 401
    assert client.post("/v1/webhooks/zendesk", content=body, headers=forged).status_code == 401


def test_freshdesk_with_the_shared_secret(client):
    body = raw("freshdesk", "advanced-unicode")

    ok = client.post("/v1/webhooks/freshdesk", content=body, headers={SECRET_HEADER: SECRETS["freshdesk"]})
    wrong = client.post("/v1/webhooks/freshdesk", content=body, headers={SECRET_HEADER: "guess"})

    assert ok.status_code == 200 and ok.json()["id"] == "20533"
    assert wrong.status_code == 401


def test_an_ignored_event_is_202(client):
    body = raw("jira", "ignored-worklog-updated")

    response = client.post("/v1/webhooks/jira", content=body, headers={SECRET_HEADER: SECRETS["jira"]})

    assert (response.status_code, response.json()) == (202, {"ignored": True})


@pytest.mark.parametrize("body", [b"not json", b"\xff\xfe", raw("jira", "malformed-issue-string")])
def test_a_body_that_is_not_a_ticket_is_422_in_one_line(client, body):
    response = client.post("/v1/webhooks/jira", content=body, headers={SECRET_HEADER: SECRETS["jira"]})

    assert response.status_code == 422
    assert response.json()["detail"].startswith("jira: ") and "\n" not in response.json()["detail"]


def test_the_signature_is_checked_before_the_body_is_read(client):
    response = client.post("/v1/webhooks/jira", content=b"not json")

    assert response.status_code == 401


def test_jiras_custom_field_map_comes_from_the_settings(holder):
    fields = {"annual_contract_value": "customfield_10050", "company": "customfield_10002"}
    settings = CONFIGURED.model_copy(update={"webhook_jira_fields": fields})
    body = raw("jira", "server-issue-created")

    with TestClient(app_with(holder, settings)) as client:
        response = client.post("/v1/webhooks/jira", content=body, headers={SECRET_HEADER: SECRETS["jira"]})

    assert response.status_code == 200
    assert holder.current.tickets == [JiraAdapter(fields).to_ticket(json.loads(body))]
    assert holder.current.tickets != [ADAPTERS["jira"].to_ticket(json.loads(body))]  # the map made a difference


def test_the_secrets_and_the_field_map_are_read_from_the_environment_once(monkeypatch):
    """The same variable names as before they were settings, so deployments keep working."""
    for vendor, secret in SECRETS.items():
        monkeypatch.setenv(f"TRIAGE_WEBHOOK_SECRET_{vendor.upper()}", secret)
    monkeypatch.setenv("TRIAGE_WEBHOOK_JIRA_FIELDS", '{"plan": "customfield_10061"}')

    settings = Settings()
    monkeypatch.setenv("TRIAGE_WEBHOOK_SECRET_JIRA", "changed-later")

    assert {vendor: settings.webhook_secret(vendor) for vendor in SECRETS} == SECRETS
    assert settings.webhook_jira_fields == {"plan": "customfield_10061"}
    assert "jira-shared-secret" not in repr(settings) and "jira-shared-secret" not in settings.model_dump_json()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('{"contract": "customfield_1"}', "unknown contract fields ['contract']"),
        ("{not json", "is not JSON"),
        ('["customfield_1"]', "must be a JSON object of field ids"),
        ('{"plan": 10061}', "must be a JSON object of field ids"),
    ],
)
def test_a_bad_custom_field_map_stops_the_settings_in_one_line(monkeypatch, value, message):
    monkeypatch.setenv("TRIAGE_WEBHOOK_JIRA_FIELDS", value)

    with pytest.raises(TriageError, match="TRIAGE_WEBHOOK_JIRA_FIELDS") as raised:
        Settings()

    assert message in str(raised.value) and "\n" not in str(raised.value)


def test_without_a_configured_secret_every_delivery_is_refused(holder):
    body = raw("freshdesk", "advanced-ticket-created")
    unconfigured = CONFIGURED.model_copy(update={"webhook_secret_freshdesk": None})

    with TestClient(app_with(holder, unconfigured)) as client:
        response = client.post("/v1/webhooks/freshdesk", content=body, headers={SECRET_HEADER: ""})

    assert response.status_code == 503
    assert "TRIAGE_WEBHOOK_SECRET_FRESHDESK" in response.json()["detail"]


def test_without_a_model_it_is_503_and_zendesk_can_retry(monkeypatch, holder):
    monkeypatch.setitem(ADAPTERS, "zendesk", ZendeskAdapter())
    body = raw("zendesk", "event-ticket-created")
    headers = zendesk_headers(body)

    with TestClient(app_with(SimpleNamespace(current=None, load_error="model not loaded"))) as empty:
        assert empty.post("/v1/webhooks/zendesk", content=body, headers=headers).status_code == 503
    with TestClient(app_with(holder)) as ready:  # the retry: same signature, not a replay
        assert ready.post("/v1/webhooks/zendesk", content=body, headers=headers).status_code == 200


@pytest.mark.parametrize("value", ["", "   "])
def test_a_blank_secret_is_no_secret(value):
    settings = Settings(webhook_secret_jira=value)

    assert settings.webhook_secret("jira") is None
    assert settings.webhook_secret("no-such-vendor") is None
