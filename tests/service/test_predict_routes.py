"""``POST /v1/predict`` (``service/routers/predict.py``): parity with the library, and 422 (never 500) on bad
payloads."""

from __future__ import annotations

import json
import math

import pytest
from conftest import handwritten_tickets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from serving import payload, serve

from triage.errors import TriageError
from triage.pipeline import Triage
from triage.settings import Settings


@pytest.fixture(scope="module")
def client(model_dir):
    with serve(Settings(model_dir=model_dir)) as client:
        yield client


def test_api_and_library_give_the_same_predictions(client, model, probe_tickets):
    tickets = [*probe_tickets, *handwritten_tickets()]

    response = client.post("/v1/predict", json=payload(tickets))

    assert response.status_code == 200, response.text
    expected = [p.model_dump(mode="json") for p in Triage.of(model).predict(tickets)]
    assert response.json()["predictions"] == expected


def test_unknown_fields_are_ignored(client, model):
    ticket = handwritten_tickets()[0]
    body = payload([ticket])
    body["tickets"][0]["zendesk_via"] = {"channel": "web"}
    body["tickets"][0]["customer"]["tier"] = "gold"

    response = client.post("/v1/predict", json=body)

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


@pytest.mark.parametrize("body", list(BAD_PAYLOADS.values()), ids=list(BAD_PAYLOADS))
def test_bad_payloads_are_422_with_a_message(client, body):
    response = client.post("/v1/predict", json=body)

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422 and problem["type"] == "urn:triage:problem:validation"
    assert problem["detail"] and "\n" not in problem["detail"]
    errors = problem["errors"]
    assert errors and all(error.get("msg") for error in errors)
    # The payload is what is wrong, nothing else (a 422 about a query parameter would be a routing bug).
    assert all(error["loc"][0] == "body" for error in errors), errors


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_contract_values_are_422(client, literal):
    template = '{"tickets": [{"id": "T-1", "body": "x", "customer": {"annual_contract_value": VALUE}}]}'
    body = template.replace("VALUE", literal)

    response = client.post("/v1/predict", content=body, headers={"content-type": "application/json"})

    assert response.status_code == 422, response.text
    assert "annual_contract_value" in json.dumps(response.json()["errors"])
    assert all(error["loc"][0] == "body" for error in response.json()["errors"])


@pytest.mark.parametrize("body", ["", "{", "not json", '{"tickets": [{"id": "T-1", "body": "x"}'])
def test_unparseable_bodies_are_422(client, body):
    response = client.post("/v1/predict", content=body, headers={"content-type": "application/json"})

    assert response.status_code == 422, response.text
    assert all(error["loc"][0] == "body" for error in response.json()["errors"])


def test_too_many_tickets_is_422(client):
    limit = client.app.state.settings.max_tickets_per_request
    body = {"tickets": [{"id": f"T-{i}", "body": "x"} for i in range(limit + 1)]}

    response = client.post("/v1/predict", json=body)

    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["errors"]] == [["body", "tickets"]]


def test_the_count_is_checked_before_any_ticket_is_validated(client):
    """Too many tickets is one error, not one per invalid ticket: nothing is validated past the limit."""
    limit = client.app.state.settings.max_tickets_per_request
    response = client.post("/v1/predict", json={"tickets": [{"body": "no id"}] * (limit + 1)})

    assert response.status_code == 422
    assert [error["type"] for error in response.json()["errors"]] == ["too_long"]


def test_an_invalid_ticket_is_located_in_the_body(client):
    response = client.post("/v1/predict", json={"tickets": [{"id": "A", "body": "fine"}, {"body": "no id"}]})

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"type": "missing", "loc": ["body", "tickets", 1, "id"], "msg": "Field required"}
    ]


def test_the_ticket_limit_is_a_setting(model_dir):
    tickets = handwritten_tickets()[:3]

    with serve(Settings(model_dir=model_dir, max_tickets_per_request=2)) as small:
        at_limit = small.post("/v1/predict", json=payload(tickets[:2]))
        over = small.post("/v1/predict", json=payload(tickets))

    assert at_limit.status_code == 200, at_limit.text
    assert over.status_code == 422
    assert over.json()["errors"] == [
        {
            "type": "too_long",
            "loc": ["body", "tickets"],
            "msg": "List should have at most 2 items after validation, not 3",
        }
    ]


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
@given(body=_json | st.fixed_dictionaries({"tickets": st.lists(_ticketish, min_size=1, max_size=3) | _json}))
def test_arbitrary_json_never_gives_a_server_error(client, body):
    response = client.post("/v1/predict", json=body)

    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert all(error["loc"][0] == "body" for error in response.json()["errors"])
    else:
        for prediction in response.json()["predictions"]:
            assert all(0.0 <= p <= 1.0 and not math.isnan(p) for p in prediction["triggers"].values())


def test_a_library_error_while_predicting_is_a_422_with_its_line(client, monkeypatch):
    def refuse(tickets, explain=True):
        raise TriageError("the model's second-stage columns do not match its first stage; retrain it")

    monkeypatch.setattr(client.app.state.holder.current.model, "score", refuse)
    response = client.post("/v1/predict", json=payload(handwritten_tickets()[:1]))

    assert response.status_code == 422
    assert response.json() == {
        "type": "urn:triage:problem:triage-error",
        "title": "Unprocessable Entity",
        "status": 422,
        "detail": "the model's second-stage columns do not match its first stage; retrain it",
    }
