"""The feedback store and the helpdesk webhooks as the served app wires them: feedback behind the API key
and stored in the lifespan's store, webhooks open to the helpdesk but checked by its own secret."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from serving import AUTH, serve
from sqlalchemy.exc import OperationalError

from triage.settings import Settings

WEBHOOKS = Path(__file__).parents[1] / "fixtures" / "webhooks"
EVENT = {"ticket_id": "T-77", "source": "agent", "escalated": True, "team": "billing", "tier": 2, "csat": 4}


def test_feedback_needs_a_key_and_is_stored_once_per_idempotency_key(model_dir, tmp_path):
    settings = Settings(model_dir=model_dir, feedback_url=f"sqlite:///{tmp_path / 'feedback.db'}")
    with serve(settings, anonymous=True) as client:
        refused = client.post("/v1/feedback", json=EVENT, headers={"Idempotency-Key": "k-1"})
        first = client.post("/v1/feedback", json=EVENT, headers={**AUTH, "Idempotency-Key": "k-1"})
        again = client.post("/v1/feedback", json=EVENT, headers={**AUTH, "Idempotency-Key": "k-1"})
        exported = client.get("/v1/feedback/export", headers=AUTH)

    assert refused.status_code == 401
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    rows = [json.loads(line) for line in exported.text.splitlines()]
    assert len(rows) == 1 and rows[0]["id"] == "T-77" and rows[0]["team"] == "billing"


def test_without_a_store_feedback_answers_503_and_the_rest_serves(model_dir):
    with serve(Settings(model_dir=model_dir, feedback_url="")) as client:
        assert client.post("/v1/feedback", json=EVENT, headers={"Idempotency-Key": "k-2"}).status_code == 503
        assert client.get("/readyz").status_code == 200


def test_a_helpdesk_webhook_needs_its_secret_not_an_api_key(model_dir):
    body = (WEBHOOKS / "freshdesk" / "advanced-ticket-created.json").read_bytes()
    headers = {"Content-Type": "application/json"}
    with serve(Settings(model_dir=model_dir, webhook_secret_freshdesk=None), anonymous=True) as client:
        no_secret = client.post("/v1/webhooks/freshdesk", content=body, headers=headers)
    with serve(Settings(model_dir=model_dir, webhook_secret_freshdesk="s3cret-for-tests"), anonymous=True) as client:
        wrong = client.post("/v1/webhooks/freshdesk", content=body, headers={**headers, "X-Triage-Secret": "no"})
        right = client.post(
            "/v1/webhooks/freshdesk", content=body, headers={**headers, "X-Triage-Secret": "s3cret-for-tests"}
        )

    assert no_secret.status_code == 503  # reached the route: the API key is not asked for
    assert "TRIAGE_WEBHOOK_SECRET_FRESHDESK" in no_secret.json()["detail"]
    assert wrong.status_code == 401
    assert right.status_code == 200, right.text
    assert {"id", "escalation", "recommendation"} <= set(right.json())


def test_feedback_bodies_are_parsed_strictly(model_dir, tmp_path):
    """The feedback route refuses what the triage routes refuse: a body that is not JSON, duplicate keys."""
    settings = Settings(model_dir=model_dir, feedback_url=f"sqlite:///{tmp_path / 'feedback.db'}")
    duplicated = b'{"ticket_id": "T-1", "ticket_id": "T-2", "source": "agent", "tier": 2}'
    with serve(settings) as client:
        as_text = client.post(
            "/v1/feedback", content=json.dumps(EVENT), headers={"Content-Type": "text/plain", "Idempotency-Key": "k"}
        )
        twice = client.post(
            "/v1/feedback", content=duplicated, headers={"Content-Type": "application/json", "Idempotency-Key": "k"}
        )
        keyless = client.post("/v1/feedback", json=EVENT)
        exported = client.get("/v1/feedback/export")

    assert as_text.status_code == 415
    assert twice.status_code == 422 and "duplicate key" in twice.json()["detail"]
    assert keyless.status_code == 422 and "Idempotency-Key" in keyless.json()["detail"]
    assert keyless.json()["errors"][0]["loc"] == ["header", "idempotency-key"]
    assert exported.text == ""  # nothing was stored


def test_a_store_that_cannot_write_is_a_503_to_retry(model_dir, tmp_path, monkeypatch):
    """A locked or full database (OperationalError) was a 500; the sender should retry with the same key."""
    settings = Settings(model_dir=model_dir, feedback_url=f"sqlite:///{tmp_path / 'feedback.db'}")
    with serve(settings) as client:

        def locked(event: object) -> None:
            raise OperationalError(
                "INSERT INTO feedback_events ...", {}, sqlite3.OperationalError("database is locked")
            )

        monkeypatch.setattr(client.app.state.feedback_store, "record", locked)  # type: ignore[attr-defined]
        response = client.post("/v1/feedback", json=EVENT, headers={"Idempotency-Key": "k-locked"})

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert "retry with the same Idempotency-Key" in response.json()["detail"]
