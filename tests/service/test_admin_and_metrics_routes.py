"""``POST /v1/admin/reload`` (``service/routers/admin.py``) and ``GET /metrics`` (``service/metrics.py``)."""

from __future__ import annotations

import re

from conftest import handwritten_tickets
from fastapi.testclient import TestClient
from serving import payload, serve

from triage.settings import Settings


def as_json(ticket) -> dict:
    return ticket.model_dump(mode="json", exclude_none=True)


def test_reload_swaps_in_the_directory_again_and_refuses_a_broken_one(model_copy):
    ticket = as_json(handwritten_tickets()[0])
    with serve(Settings(model_dir=model_copy)) as client:
        before = client.get("/readyz").json()

        reloaded = client.post("/v1/admin/reload")
        assert reloaded.status_code == 200, reloaded.text
        assert reloaded.json()["previous"] == {"model": before["model"], "policy": before["policy"]}
        assert reloaded.json()["serving"]["model"] == before["model"]

        (model_copy / "model.skops").write_bytes(b"not a model")
        broken = client.post("/v1/admin/reload")
        assert broken.status_code == 422
        assert broken.headers["content-type"] == "application/problem+json"
        assert "model.skops" in broken.json()["detail"] or "model" in broken.json()["detail"]
        # The model in force stays and answers.
        assert client.get("/readyz").json()["model"] == before["model"]
        assert client.post("/v1/triage", json=ticket).status_code == 200


def test_reload_needs_a_key(model_dir):
    with serve(Settings(model_dir=model_dir), anonymous=True) as anonymous:
        assert anonymous.post("/v1/admin/reload").status_code == 401


def sample(text: str, name: str, **labels: str) -> float | None:
    """The value of one sample in Prometheus's text format, None when it is absent."""
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', line.split("}")[0])) if "{" in line else {}
        if all(found.get(key) == value for key, value in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return None


def test_metrics_count_requests_predictions_and_name_the_model(model_dir):
    tickets = handwritten_tickets()
    with serve(Settings(model_dir=model_dir)) as client:
        predictions = [client.post("/v1/triage", json=as_json(t)).json() for t in tickets[:3]]
        batch = client.post("/v1/triage/batch", json=payload(tickets[3:])).json()["results"]
        predictions += [item["prediction"] for item in batch]
        client.post("/v1/triage", json=as_json(tickets[0]), headers={"Authorization": "Bearer wrong"})
        client.get("/no/such/path/42")

        model_ref = client.get("/readyz").json()["model"]
        response = TestClient(client.app).get("/metrics")  # no key: Prometheus scrapes without one

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert sample(text, "triage_http_requests_total", route="/v1/triage", method="POST", status="200") == 3
    assert sample(text, "triage_http_requests_total", route="/v1/triage", method="POST", status="401") == 1
    assert sample(text, "triage_http_requests_total", route="unmatched", status="404") == 1
    assert sample(text, "triage_http_request_duration_seconds_count", route="/v1/triage/batch") == 1
    for prediction in predictions:
        tier, team = str(prediction["recommendation"]["tier"]), prediction["recommendation"]["team"]
        assert sample(text, "triage_predictions_total", tier=tier, team=team) >= 1
    escalated = sum(p["escalation"]["escalate"] for p in predictions)
    assert sample(text, "triage_escalations_total") == escalated
    assert sample(text, "triage_abstentions_total") == sum(p["recommendation"]["abstain"] for p in predictions)
    assert sample(text, "triage_model_info", model_version=model_ref["version"]) == 1
