"""Structured logs (``service/logs.py``: request id, redaction) and the problem+json shape of every error
(``service/problems.py``), a 500 included."""

from __future__ import annotations

import json
import logging

import pytest
from conftest import handwritten_tickets
from serving import serve

from service.logs import JsonFormatter, redact, request_id
from triage.settings import Settings


@pytest.fixture(scope="module")
def client(model_dir):
    with serve(Settings(model_dir=model_dir)) as client:
        yield client


REDACTED = {
    "write to jane.doe+billing@example.co.uk today": "write to [email] today",
    "call +1 (415) 555-0134 or 020 7946 0958": "call [phone] or [phone]",
    "call 415.555.0134": "call [phone]",
    "card 4111 1111 1111 1111, exp 12/27": "card [card], exp 12/27",
    "card 4111-1111-1111-1111": "card [card]",
    "card 378282246310005": "card [card]",
    # What must stay: ids, dates, amounts, durations, short numbers.
    "ticket T-12345 on 2026-12-06T02:01:59 for $12,000.50 in 35.2 ms": (
        "ticket T-12345 on 2026-12-06T02:01:59 for $12,000.50 in 35.2 ms"
    ),
    "request 3f2a9c0e1b7d4e5f8a6b0c1d2e3f4a5b status 200": "request 3f2a9c0e1b7d4e5f8a6b0c1d2e3f4a5b status 200",
}


@pytest.mark.parametrize("text", list(REDACTED), ids=range(len(REDACTED)))
def test_redaction(text):
    assert redact(text) == REDACTED[text]


def test_the_formatter_writes_one_json_line_with_the_request_id_and_redacts_fields():
    record = logging.LogRecord("service", logging.INFO, __file__, 1, "from %s", ("a@b.io",), None)
    record.fields = {"event": "x", "who": ["c@d.io", 4111111111111111], "nested": {"tel": "+44 20 7946 0958"}}
    token = request_id.set("req-1")
    try:
        line = JsonFormatter().format(record)
    finally:
        request_id.reset(token)

    assert "\n" not in line
    out = json.loads(line)
    assert out["message"] == "from [email]" and out["request_id"] == "req-1" and out["level"] == "info"
    assert out["who"] == ["[email]", 4111111111111111] and out["nested"] == {"tel": "[phone]"}


def test_the_request_id_is_taken_or_made_and_returned(client, caplog):
    with caplog.at_level(logging.INFO, logger="service"):
        given = client.get("/v1/model", headers={"X-Request-ID": "plugin-42.a"})
        made = client.get("/v1/model")
        unsafe = client.get("/v1/model", headers={"X-Request-ID": "bad id!" + "x" * 200})

    assert given.headers["x-request-id"] == "plugin-42.a"
    assert len(made.headers["x-request-id"]) == 32
    assert unsafe.headers["x-request-id"] != "bad id" and len(unsafe.headers["x-request-id"]) == 32
    lines = [JsonFormatter().format(r) for r in caplog.records if getattr(r, "fields", {}).get("event") == "request"]
    assert len(lines) == 3
    first = json.loads(lines[0])
    assert (first["method"], first["path"], first["status"]) == ("GET", "/v1/model", 200)
    assert isinstance(first["duration_ms"], float)


def test_ticket_text_is_not_logged(client, caplog):
    ticket = handwritten_tickets()[0].model_copy(update={"body": "Secret words: zebra-umbrella-quartz, call me."})

    with caplog.at_level(logging.DEBUG):
        client.post("/v1/triage", json=ticket.model_dump(mode="json", exclude_none=True))

    logged = " ".join(JsonFormatter().format(record) for record in caplog.records)
    assert "zebra-umbrella-quartz" not in logged


@pytest.mark.parametrize(("method", "path", "status"), [("GET", "/v1/nothing", 404), ("GET", "/v1/triage", 405)])
def test_routing_errors_are_problems(client, method, path, status):
    response = client.request(method, path)

    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert set(response.json()) == {"type", "title", "status", "detail"}
    assert response.json()["status"] == status


def test_an_unexpected_error_is_a_500_problem_without_a_traceback(client, monkeypatch, caplog):
    def fail(tickets, explain=True):
        raise RuntimeError("internal state dump: customer wrote 'zebra-umbrella-quartz' at jane@example.com")

    monkeypatch.setattr(client.app.state.holder.current.model, "score", fail)
    with caplog.at_level(logging.ERROR, logger="service"):
        response = client.post("/v1/triage", json={"id": "T-1", "body": "It broke."})

    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-request-id"]
    assert response.json() == {
        "type": "urn:triage:problem:internal",
        "title": "Internal Server Error",
        "status": 500,
        "detail": "internal error; the request id is in the logs",
    }
    logged = [JsonFormatter().format(record) for record in caplog.records if record.levelno == logging.ERROR]
    assert logged and "RuntimeError" in logged[0] and "jane@example.com" not in logged[0]


def test_not_ready_is_a_503_problem(tmp_path):
    with serve(Settings(model_dir=tmp_path / "absent")) as no_model:
        response = no_model.post("/v1/triage", json={"id": "T-1", "body": "x"})

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "not a triage model directory" in response.json()["detail"]
