"""``POST /v1/triage`` is answered by ``service.fastpath.TriageFastPath`` without FastAPI's routing; every
request it does not answer reaches the route with its body (the same answer as the route's, byte for byte:
tests/service/test_triage_routes.py)."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import pytest

from service.fastpath import TriageFastPath


class Recorded:
    """An inner app that notes what reached it and answers 299."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    async def __call__(self, scope, receive, send) -> None:
        self.bodies.append((await receive())["body"])
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def call(body: bytes, content_type: bytes = b"application/json", path: str = "/v1/triage", current: object = "model"):
    """Statuses sent, what reached the inner app, and the tickets scored, for one request through the fast path."""
    scored: list = []

    async def predict(triage, ticket):
        scored.append(ticket)
        return SimpleNamespace(model_dump_json=lambda: '{"id": "x"}')

    state = SimpleNamespace(
        holder=SimpleNamespace(current=current),
        batcher=SimpleNamespace(predict=predict),
        record_scored=lambda tickets, predictions: None,
    )
    inner = Recorded()
    scope = {
        "type": "http",
        "method": "POST",
        "path": path,
        "headers": [(b"content-type", content_type)],
        "app": SimpleNamespace(state=state, dependency_overrides={}),
    }
    statuses: list[int] = []

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    asyncio.run(TriageFastPath(inner)(scope, receive, send))
    return statuses, inner.bodies, scored


TICKET = json.dumps({"id": "F-1", "subject": "Login fails", "body": "Every login fails with error 500."}).encode()


def test_a_valid_ticket_is_scored_without_the_route():
    statuses, routed, scored = call(TICKET)

    assert statuses == [200]
    assert routed == []
    assert [ticket.id for ticket in scored] == ["F-1"]


@pytest.mark.parametrize(
    "body, content_type, path, current",
    [
        (b'{"id": "F-1", "id": "F-2", "body": "x"}', b"application/json", "/v1/triage", "model"),  # duplicate key
        (b'{"subject": "no id", "body": "x"}', b"application/json", "/v1/triage", "model"),  # invalid ticket
        (b"not json", b"application/json", "/v1/triage", "model"),
        (TICKET, b"text/plain", "/v1/triage", "model"),  # a 415 is the route's
        (b"", b"application/json", "/v1/triage", "model"),  # a missing body likewise
        (TICKET, b"application/json", "/v1/triage", None),  # no model loaded: the route's 503
        (TICKET, b"application/json", "/v1/handoff", "model"),  # another route
    ],
)
def test_anything_else_reaches_the_route_with_its_body(body, content_type, path, current):
    statuses, routed, scored = call(body, content_type, path, current)

    assert statuses == [299]
    assert routed == [body]
    assert scored == []
