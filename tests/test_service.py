"""The HTTP API: health and readiness, parity with the library, and 422 (never 500) on bad payloads.

Every client is used as ``with TestClient(app)`` so that the lifespan runs and loads the model.
"""

from __future__ import annotations

import json
import math

import pytest
from conftest import handwritten_tickets
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.app import create_app
from triage.pipeline import Triage
from triage.settings import Settings


@pytest.fixture(scope="module")
def client(model_dir):
    with TestClient(create_app(Settings(model_dir=model_dir)), raise_server_exceptions=False) as client:
        yield client


def _payload(tickets) -> dict:
    return {"tickets": [ticket.model_dump(mode="json", exclude_none=True) for ticket in tickets]}


def test_healthz_answers_with_or_without_a_model(client, tmp_path):
    assert client.get("/healthz").status_code == 200
    with TestClient(create_app(Settings(model_dir=tmp_path / "absent"))) as no_model:
        assert no_model.get("/healthz").json() == {"status": "ok"}


def test_readyz_is_503_without_a_model_and_says_why(tmp_path):
    with TestClient(create_app(Settings(model_dir=tmp_path / "absent"))) as no_model:
        response = no_model.get("/readyz")
        predict = no_model.post("/v1/predict", json=_payload(handwritten_tickets()[:1]))

    assert response.status_code == 503
    assert "not a triage model directory" in response.json()["detail"]
    assert predict.status_code == 503


def test_readyz_is_503_for_a_tampered_model(model_copy):
    (model_copy / "calibration.json").write_text((model_copy / "calibration.json").read_text() + "\n")

    with TestClient(create_app(Settings(model_dir=model_copy))) as tampered:
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
    app = create_app(Settings(model_dir=model_dir))
    assert not hasattr(app.state, "model")
    with TestClient(app):
        assert app.state.model is not None


def test_api_and_library_give_the_same_predictions(client, model, probe_tickets):
    tickets = [*probe_tickets, *handwritten_tickets()]

    response = client.post("/v1/predict", json=_payload(tickets))

    assert response.status_code == 200, response.text
    expected = [p.model_dump(mode="json") for p in Triage.of(model).predict(tickets)]
    assert response.json()["predictions"] == expected


def test_unknown_fields_are_ignored(client, model):
    ticket = handwritten_tickets()[0]
    payload = _payload([ticket])
    payload["tickets"][0]["zendesk_via"] = {"channel": "web"}
    payload["tickets"][0]["customer"]["tier"] = "gold"

    response = client.post("/v1/predict", json=payload)

    assert response.status_code == 200
    assert response.json()["predictions"] == [Triage.of(model).predict([ticket])[0].model_dump(mode="json")]


BAD_PAYLOADS = {
    "missing id": {"tickets": [{"subject": "Help", "body": "It broke."}]},
    "blank id": {"tickets": [{"id": "  ", "body": "It broke."}]},
    "empty subject and body": {"tickets": [{"id": "T-1", "subject": "", "body": "   "}]},
    "body is a list": {"tickets": [{"id": "T-1", "body": ["It", "broke"]}]},
    "id is an object": {"tickets": [{"id": {"value": 1}, "body": "It broke."}]},
    "contract value is text": {"tickets": [{"id": "T-1", "body": "x", "customer": {"annual_contract_value": "lots"}}]},
    "negative contract value": {"tickets": [{"id": "T-1", "body": "x", "customer": {"annual_contract_value": -5}}]},
    "history is not a list": {"tickets": [{"id": "T-1", "body": "x", "history": "called twice"}]},
    "unknown history author": {"tickets": [{"id": "T-1", "body": "x", "history": [{"author": "bot", "body": "hi"}]}]},
    "bad created_at": {"tickets": [{"id": "T-1", "body": "x", "created_at": "last tuesday"}]},
    "no tickets": {"tickets": []},
    "tickets is an object": {"tickets": {"id": "T-1", "body": "x"}},
    "a bare ticket": {"id": "T-1", "body": "x"},
    "a list": [{"id": "T-1", "body": "x"}],
    "null": None,
}


@pytest.mark.parametrize("payload", list(BAD_PAYLOADS.values()), ids=list(BAD_PAYLOADS))
def test_bad_payloads_are_422_with_a_message(client, payload):
    response = client.post("/v1/predict", json=payload)

    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail and all(error.get("msg") for error in detail)
    # The payload is what is wrong, nothing else (a 422 about a query parameter would be a routing bug).
    assert all(error["loc"][0] == "body" for error in detail), detail


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_contract_values_are_422(client, literal):
    template = '{"tickets": [{"id": "T-1", "body": "x", "customer": {"annual_contract_value": VALUE}}]}'
    body = template.replace("VALUE", literal)

    response = client.post("/v1/predict", content=body, headers={"content-type": "application/json"})

    assert response.status_code == 422, response.text
    assert "annual_contract_value" in json.dumps(response.json()["detail"])
    assert all(error["loc"][0] == "body" for error in response.json()["detail"])


@pytest.mark.parametrize("body", ["", "{", "not json", '{"tickets": [{"id": "T-1", "body": "x"}'])
def test_unparseable_bodies_are_422(client, body):
    response = client.post("/v1/predict", content=body, headers={"content-type": "application/json"})

    assert response.status_code == 422, response.text
    assert all(error["loc"][0] == "body" for error in response.json()["detail"])


def test_too_many_tickets_is_422(client):
    from service.app import MAX_TICKETS_PER_REQUEST

    payload = {"tickets": [{"id": f"T-{i}", "body": "x"} for i in range(MAX_TICKETS_PER_REQUEST + 1)]}

    response = client.post("/v1/predict", json=payload)

    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", "tickets"]]


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
_ticketish = st.fixed_dictionaries(
    {},
    optional={
        "id": _json | st.text(max_size=8),
        "subject": _json | st.text(max_size=40),
        "body": _json | st.text(max_size=40),
        "customer": _json,
        "history": _json,
        "created_at": _json,
        "tags": _json,
        "channel": _json,
    },
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(payload=_json | st.fixed_dictionaries({"tickets": st.lists(_ticketish, min_size=1, max_size=3) | _json}))
def test_arbitrary_json_never_gives_a_server_error(client, payload):
    response = client.post("/v1/predict", json=payload)

    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert all(error["loc"][0] == "body" for error in response.json()["detail"])
    else:
        for prediction in response.json()["predictions"]:
            assert all(0.0 <= p <= 1.0 and not math.isnan(p) for p in prediction["triggers"].values())


def test_a_library_error_while_predicting_is_a_422_with_its_line(client, monkeypatch):
    from triage.errors import TriageError

    def refuse(tickets, explain=True):
        raise TriageError("the model's second-stage columns do not match its first stage; retrain it")

    monkeypatch.setattr(client.app.state.model.model, "score", refuse)
    response = client.post("/v1/predict", json=_payload(handwritten_tickets()[:1]))

    assert response.status_code == 422
    assert response.json() == {"detail": "the model's second-stage columns do not match its first stage; retrain it"}
