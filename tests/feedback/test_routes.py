"""``/v1/feedback`` (``service/routers/feedback.py``) on a small app of its own: 201 then 200 with the first
event for a repeated key, the key from the header or the body, 422 for invalid events, 503 without a store,
and the export as JSON lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from feedback_support import race

from service.routers.feedback import router
from triage.feedback import FeedbackStore

BODY = {"ticket_id": "T-1", "source": "agent", "tier": 2, "team": "billing", "triggers": ["financial"]}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[FeedbackStore]:
    with FeedbackStore(f"sqlite:///{tmp_path / 'feedback.db'}") as store:
        store.upgrade()
        yield store


@pytest.fixture
def client(store: FeedbackStore) -> Iterator[TestClient]:
    app = FastAPI()
    app.state.feedback_store = store
    app.include_router(router)
    with TestClient(app) as client:
        yield client


def post(client: TestClient, body: dict[str, Any], key: str | None = "k-1") -> Any:
    headers = {} if key is None else {"Idempotency-Key": key}
    return client.post("/v1/feedback", json=body, headers=headers)


def test_a_new_event_is_201_and_a_repeated_key_is_200_with_the_first_event(
    client: TestClient, store: FeedbackStore
) -> None:
    first = post(client, BODY)
    assert first.status_code == 201
    stored = first.json()
    assert stored["idempotency_key"] == "k-1" and stored["tier"] == 2 and isinstance(stored["id"], int)
    assert store.get("k-1") is not None  # committed before the answer
    again = post(client, BODY | {"tier": 4})
    assert again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == stored
    assert store.count() == 1


def test_the_key_may_be_in_the_body(client: TestClient) -> None:
    assert post(client, BODY | {"idempotency_key": "body-key"}, key=None).status_code == 201
    assert post(client, BODY | {"idempotency_key": "body-key"}, key="body-key").status_code == 200


def test_a_missing_or_conflicting_key_is_422(client: TestClient, store: FeedbackStore) -> None:
    missing = post(client, BODY, key=None)
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["header", "idempotency-key"]
    conflicting = post(client, BODY | {"idempotency_key": "a"}, key="b")
    assert conflicting.status_code == 422
    assert "differ" in conflicting.json()["detail"][0]["msg"]
    assert store.count() == 0


@pytest.mark.parametrize(
    "change",
    [
        {"tier": 0},
        {"csat": 9},
        {"frustration": 4},
        {"triggers": ["weather"]},
        {"tier": True},
        {"source": "model"},
        {"unknown_field": 1},
        {"resolved_at": "2026-01-01T10:00:00"},
    ],
)
def test_invalid_events_are_422_and_store_nothing(
    client: TestClient, store: FeedbackStore, change: dict[str, Any]
) -> None:
    response = post(client, BODY | change)
    assert response.status_code == 422, response.text
    assert store.count() == 0


def test_concurrent_posts_with_one_key_store_one_row(client: TestClient, store: FeedbackStore) -> None:
    codes = race(lambda _: post(client, BODY, key="raced").status_code, 6)
    assert sorted(codes) == [200] * 5 + [201]
    assert store.count() == 1


def test_the_export_streams_json_lines_of_labels(client: TestClient) -> None:
    corrected = BODY | {"corrects": {"model_version": "7", "labels": {"tier": 4, "team": "engineering"}}}
    post(client, corrected, key="a")
    post(client, {"ticket_id": "T-2", "source": "outcome", "csat": 5, "escalated": False}, key="b")
    response = client.get("/v1/feedback/export")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert lines == [
        {"id": "T-1", "triggers": ["financial"], "tier": 2, "team": "billing"},
        {"id": "T-2", "escalated": False, "csat": 5},
    ]
    assert "engineering" not in response.text and "model_version" not in response.text
    assert client.get("/v1/feedback/export", params={"since": "2100-01-01T00:00:00Z"}).text == ""


def test_without_a_store_the_routes_answer_503() -> None:
    app = FastAPI()
    app.include_router(router)
    with TestClient(app) as client:
        assert post(client, BODY).status_code == 503
        assert client.get("/v1/feedback/export").status_code == 503


def test_operation_ids_are_stable(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert paths["/v1/feedback"]["post"]["operationId"] == "record_feedback"
    assert paths["/v1/feedback/export"]["get"]["operationId"] == "export_feedback"
