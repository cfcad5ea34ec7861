"""``/healthz`` and ``/readyz`` (``service/routers/health.py``), the lifespan, and the stable operation ids."""

from __future__ import annotations

import pytest
from conftest import handwritten_tickets
from fastapi.testclient import TestClient
from serving import keyed, payload, serve

from service.app import create_app
from triage.settings import Settings


@pytest.fixture(scope="module")
def client(model_dir):
    with serve(Settings(model_dir=model_dir)) as client:
        yield client


def test_healthz_answers_with_or_without_a_model(client, tmp_path):
    assert client.get("/healthz").status_code == 200
    with serve(Settings(model_dir=tmp_path / "absent")) as no_model:
        assert no_model.get("/healthz").json() == {"status": "ok"}


def test_readyz_is_503_without_a_model_and_says_why(tmp_path):
    with serve(Settings(model_dir=tmp_path / "absent")) as no_model:
        response = no_model.get("/readyz")
        predict = no_model.post("/v1/predict", json=payload(handwritten_tickets()[:1]))
        policy = no_model.get("/v1/policy")
        reload = no_model.post("/v1/policy/reload")

    assert response.status_code == 503
    assert "not a triage model directory" in response.json()["detail"]
    assert predict.status_code == 503
    assert policy.status_code == reload.status_code == 503
    assert reload.json() == response.json()


def test_readyz_is_503_for_a_tampered_model(model_copy):
    (model_copy / "calibration.json").write_text((model_copy / "calibration.json").read_text() + "\n")

    with serve(Settings(model_dir=model_copy)) as tampered:
        response = tampered.get("/readyz")

    assert response.status_code == 503
    assert "SHA-256 does not match" in response.json()["detail"]


def test_readyz_is_200_with_a_model_and_names_it(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["model"] == {"name": "triage", "version": "7", "alias": "champion"}
    assert body["policy"]["name"] == "default" and len(body["policy"]["sha256"]) == 64


def test_the_model_is_loaded_in_the_lifespan_not_at_creation(model_dir):
    app = create_app(keyed(Settings(model_dir=model_dir)))
    assert app.state.holder.current is None
    with TestClient(app):
        assert app.state.holder.current is not None


def test_operation_ids_are_stable(model_dir):
    # Plugin authors generate clients from these names: renaming one breaks their code.
    with serve(Settings(model_dir=model_dir, docs_enabled=True)) as client:
        spec = client.get("/openapi.json").json()

    operations = {
        (method.upper(), path): op["operationId"] for path, ops in spec["paths"].items() for method, op in ops.items()
    }

    assert operations == {
        ("GET", "/healthz"): "health",
        ("GET", "/readyz"): "ready",
        ("GET", "/metrics"): "metrics",
        ("POST", "/v1/triage"): "triage",
        ("POST", "/v1/triage/batch"): "triage_batch",
        ("POST", "/v1/predict"): "predict",
        ("POST", "/v1/handoff"): "handoff",
        ("GET", "/v1/model"): "get_model",
        ("GET", "/v1/policy"): "get_policy",
        ("POST", "/v1/policy/reload"): "reload_policy",
        ("GET", "/v1/reports/risk"): "risk_report",
        ("POST", "/v1/admin/reload"): "reload_model",
        ("POST", "/v1/feedback"): "record_feedback",
        ("GET", "/v1/feedback/export"): "export_feedback",
        ("POST", "/v1/webhooks/zendesk"): "webhook_zendesk",
        ("POST", "/v1/webhooks/freshdesk"): "webhook_freshdesk",
        ("POST", "/v1/webhooks/jira"): "webhook_jira",
    }
