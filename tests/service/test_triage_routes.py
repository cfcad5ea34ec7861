"""``/v1/triage``, ``/v1/triage/batch``, ``/v1/handoff`` (``service/routers/triage.py``) and ``/v1/model``
(``service/routers/model.py``): parity with the library, per-item errors, the policy modes in the answer."""

from __future__ import annotations

import dataclasses
import json
import logging
import re

import pytest
import yaml
from conftest import handwritten_tickets
from serving import payload, serve

from service.deps import app_settings
from triage.pipeline import Triage
from triage.policy.config import DEFAULT_CONFIG_PATH
from triage.settings import Settings


@pytest.fixture(scope="module")
def client(model_dir):
    with serve(Settings(model_dir=model_dir)) as client:
        yield client


def as_json(ticket) -> dict:
    return ticket.model_dump(mode="json", exclude_none=True)


def test_one_ticket_gives_the_library_prediction(client, model):
    expected = Triage.of(model).predict(handwritten_tickets())

    for ticket, prediction in zip(handwritten_tickets(), expected, strict=True):
        response = client.post("/v1/triage", json=as_json(ticket))
        assert response.status_code == 200, response.text
        assert response.json() == prediction.model_dump(mode="json")


def test_the_fast_path_answers_exactly_as_the_route(client):
    app = client.app
    for ticket in handwritten_tickets()[:5]:
        fast = client.post("/v1/triage", json=as_json(ticket))
        # Any dependency override sends the request to the route itself.
        app.dependency_overrides[app_settings] = lambda: app.state.settings
        try:
            routed = client.post("/v1/triage", json=as_json(ticket))
        finally:
            app.dependency_overrides.clear()

        assert fast.status_code == routed.status_code == 200
        assert fast.content == routed.content
        assert fast.headers["content-type"] == routed.headers["content-type"] == "application/json"
        assert fast.headers["content-length"] == routed.headers["content-length"]


def test_predict_stays_as_the_list_form_of_triage(client):
    tickets = handwritten_tickets()[:3]

    listed = client.post("/v1/predict", json=payload(tickets)).json()["predictions"]
    one_by_one = [client.post("/v1/triage", json=as_json(ticket)).json() for ticket in tickets]

    assert listed == one_by_one


def test_a_bad_single_ticket_is_a_422_problem(client):
    response = client.post("/v1/triage", json={"subject": "Help", "body": "It broke."})

    assert response.status_code == 422
    assert response.json()["errors"] == [{"type": "missing", "loc": ["body", "id"], "msg": "Field required"}]
    assert response.json()["detail"] == "1 validation error(s); first at body.id: Field required"


def test_a_batch_answers_in_order_with_errors_in_place(client, model):
    tickets = handwritten_tickets()[:3]
    items = [as_json(tickets[0]), {"body": "no id"}, as_json(tickets[1]), "a string", as_json(tickets[2])]

    response = client.post("/v1/triage/batch", json={"tickets": items})

    assert response.status_code == 200, response.text
    results = response.json()["results"]
    expected = [p.model_dump(mode="json") for p in Triage.of(model).predict(tickets)]
    assert [result.get("prediction") for result in results] == [expected[0], None, expected[1], None, expected[2]]
    assert [sorted(result) for result in results] == [["prediction"], ["error"]] * 2 + [["prediction"]]
    missing_id = results[1]["error"]
    assert (
        missing_id["status"] == 422
        and missing_id["detail"] == "ticket 1 is invalid; first at tickets.1.id: Field required"
    )
    assert missing_id["errors"] == [{"type": "missing", "loc": ["body", "tickets", 1, "id"], "msg": "Field required"}]
    assert results[3]["error"]["errors"][0]["loc"] == ["body", "tickets", 3]


# A reason that quotes what the model read ends with each head's weight: "(mentions 'refund'; +0.31 to financial)".
MODEL_PHRASE = re.compile(r"[+-]\d+\.\d\d to [\w:-]+\)$")


def test_a_batch_without_explanations_leaves_out_only_the_models_phrases(client, model):
    tickets = handwritten_tickets()
    body = {"tickets": [as_json(ticket) for ticket in tickets]}

    full = [item["prediction"] for item in client.post("/v1/triage/batch", json=body).json()["results"]]
    response = client.post("/v1/triage/batch?explain=false", json=body)

    assert response.status_code == 200, response.text
    bare = [item["prediction"] for item in response.json()["results"]]
    assert bare == [p.model_dump(mode="json") for p in Triage.of(model).predict(tickets, explain=False)]
    left_out = []
    for with_phrases, without in zip(full, bare, strict=True):
        assert {**with_phrases, "reasons": None} == {**without, "reasons": None}
        kept = iter(with_phrases["reasons"])
        assert all(reason in kept for reason in without["reasons"])  # the same reasons, in the same order
        left_out += [reason for reason in with_phrases["reasons"] if reason not in without["reasons"]]
    assert left_out and all(MODEL_PHRASE.search(reason) for reason in left_out)


def test_the_explain_switch_is_in_the_openapi_document(client):
    operation = client.app.openapi()["paths"]["/v1/triage/batch"]["post"]

    (parameter,) = [item for item in operation["parameters"] if item["name"] == "explain"]
    assert parameter["in"] == "query"
    assert parameter["schema"]["type"] == "boolean" and parameter["schema"]["default"] is True
    assert "false" in parameter["description"]


def test_the_escalation_block_states_both_probabilities_in_the_openapi_document(client):
    escalation = client.app.openapi()["components"]["schemas"]["Escalation"]

    assert escalation["required"] == ["probability", "escalate"]  # older stored predictions lack the model's
    model_probability = escalation["properties"]["model_probability"]
    assert {"type": "number", "minimum": 0.0, "maximum": 1.0} in model_probability["anyOf"]
    assert "without the policy's verdict" in model_probability["description"]
    assert "policy's verdict" in escalation["properties"]["probability"]["description"]


def test_every_answer_carries_the_models_probability_beside_the_one_with_the_verdict(client, model):
    from triage.pipeline import escalation_probability

    tickets = handwritten_tickets()[:8]
    scored = model.score(tickets, explain=False)
    answers = [client.post("/v1/triage", json=as_json(t)).json()["escalation"] for t in tickets]
    batch = client.post("/v1/triage/batch", json={"tickets": [as_json(t) for t in tickets]}).json()["results"]

    assert [a["model_probability"] for a in answers] == [round(s.escalation, 4) for s in scored]
    for answer in answers:
        shown = escalation_probability(answer["model_probability"], answer["escalate"])
        assert answer["probability"] == pytest.approx(shown, abs=1e-4)
    assert [item["prediction"]["escalation"] for item in batch] == answers


def test_a_batch_of_invalid_tickets_is_still_a_200(client):
    response = client.post("/v1/triage/batch", json={"tickets": [{}, {"id": "T-1", "body": "   "}]})

    assert response.status_code == 200
    assert all("error" in result for result in response.json()["results"])


@pytest.mark.parametrize("body", [{"tickets": []}, {"tickets": {"id": "T-1"}}, {}, [], None])
def test_a_batch_that_is_not_a_list_of_tickets_is_422(client, body):
    assert client.post("/v1/triage/batch", json=body).status_code == 422


def test_the_batch_limit_is_the_setting(model_dir):
    tickets = [as_json(ticket) for ticket in handwritten_tickets()[:3]]

    with serve(Settings(model_dir=model_dir, max_tickets_per_request=2)) as small:
        at_limit = small.post("/v1/triage/batch", json={"tickets": tickets[:2]})
        over = small.post("/v1/triage/batch", json={"tickets": tickets})

    assert at_limit.status_code == 200
    assert over.status_code == 422
    assert over.json()["errors"][0]["msg"] == "List should have at most 2 items after validation, not 3"


def test_handoff_gives_the_library_drafts_or_nulls(client, model):
    drafted = Triage.of(model).handoffs(handwritten_tickets())
    assert {handoff is None for _, handoff, _ in drafted} == {True, False}  # both kinds in the fixture

    for ticket, (prediction, handoff, acknowledgement) in zip(handwritten_tickets(), drafted, strict=True):
        response = client.post("/v1/handoff", json=as_json(ticket))

        assert response.status_code == 200, response.text
        assert response.json() == {
            "prediction": prediction.model_dump(mode="json"),
            "handoff": dataclasses.asdict(handoff) if handoff else None,
            "acknowledgement": dataclasses.asdict(acknowledgement) if acknowledgement else None,
        }


def test_model_describes_the_model_from_its_metadata(client):
    response = client.get("/v1/model")

    assert response.status_code == 200
    body = response.json()
    metadata = client.app.state.holder.current.model.metadata
    assert (body["name"], body["version"], body["alias"]) == ("triage", "7", "champion")
    assert body["git_commit"] == metadata["git_commit"] and body["data_sha256"] == metadata.get("data_sha256")
    assert body["labels"] == metadata["heads"] and body["teams"] == metadata["teams"]
    assert body["policy"] == client.get("/readyz").json()["policy"]


def test_model_gives_the_headline_metrics(model_copy):
    # `triage train` writes the test split's metrics and the training time (the fixture model saves none).
    path = model_copy / "metadata.json"
    metadata = json.loads(path.read_text())
    metadata["trained_at"] = "2026-12-06T02:01:59+00:00"
    metadata["metrics"] = {
        "technical": {"n": 3000, "f1_positive": 0.96, "roc_auc": 0.98, "per_class": {"1": {"f1": 0.96}}},
        "team": {"n": 1385, "accuracy": 0.88, "macro_f1": 0.85, "confusion_matrix": [[1, 2], [3, 4]]},
        "oracle": "not a head",
    }
    path.write_text(json.dumps(metadata))

    with serve(Settings(model_dir=model_copy)) as client:
        body = client.get("/v1/model").json()

    assert body["trained_at"] == "2026-12-06T02:01:59+00:00"
    assert body["metrics"] == {
        "technical": {"n": 3000, "f1_positive": 0.96, "roc_auc": 0.98},
        "team": {"n": 1385, "accuracy": 0.88, "macro_f1": 0.85},
    }


def policy_in_mode(tmp_path, mode: str, floor: float = 0.9):
    data = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
    data.update(mode=mode, auto_apply_min_confidence=floor)
    path = tmp_path / f"{mode}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_recommend_mode_answers_visible_without_auto_apply(client):
    prediction = client.post("/v1/triage", json=as_json(handwritten_tickets()[0])).json()

    assert (prediction["mode"], prediction["auto_apply"], prediction["visible"]) == ("recommend", None, True)


def test_auto_mode_says_whether_to_apply(model_dir, tmp_path):
    tickets = [as_json(ticket) for ticket in handwritten_tickets()]

    with serve(Settings(model_dir=model_dir, policy_file=policy_in_mode(tmp_path, "auto", floor=0.0))) as always:
        applied = [always.post("/v1/triage", json=ticket).json() for ticket in tickets]
    with serve(Settings(model_dir=model_dir, policy_file=policy_in_mode(tmp_path, "auto", floor=1.0))) as strict:
        confident = [strict.post("/v1/triage", json=ticket).json() for ticket in tickets]

    assert {(p["mode"], p["visible"]) for p in applied + confident} == {("auto", True)}
    assert all(isinstance(p["auto_apply"], bool) for p in applied + confident)
    assert [p["auto_apply"] for p in applied] == [not p["recommendation"]["abstain"] for p in applied]
    assert sum(p["auto_apply"] for p in confident) <= sum(p["auto_apply"] for p in applied)


def test_shadow_mode_answers_invisible_and_logs_the_decision_without_text(model_dir, tmp_path, caplog):
    ticket = handwritten_tickets()[0]

    settings = Settings(model_dir=model_dir, policy_file=policy_in_mode(tmp_path, "shadow"))
    with serve(settings) as shadow, caplog.at_level(logging.INFO, logger="service"):
        one = shadow.post("/v1/triage", json=as_json(ticket)).json()
        batch = shadow.post("/v1/triage/batch", json={"tickets": [as_json(ticket)]}).json()

    assert (one["mode"], one["visible"], one["auto_apply"]) == ("shadow", False, None)
    assert batch["results"][0]["prediction"]["visible"] is False
    logged = [record for record in caplog.records if getattr(record, "fields", {}).get("event") == "shadow_prediction"]
    assert len(logged) == 2
    fields = logged[0].fields
    assert fields["ticket_id"] == ticket.id and fields["team"] == one["recommendation"]["team"]
    assert fields["policy"]["sha256"] == one["policy"]["sha256"]
    assert (fields["escalation_probability"], fields["escalation_model_probability"]) == (
        one["escalation"]["probability"],
        one["escalation"]["model_probability"],
    )
    text = json.dumps(fields)
    assert ticket.body[:30] not in text and (not ticket.subject or ticket.subject not in text)


def test_the_challenger_log_keeps_the_models_probability_beside_the_one_agents_saw(model):
    from service.shadow import summary

    prediction = Triage.of(model).predict(handwritten_tickets()[:1], explain=False)[0]
    line = summary(prediction)

    assert prediction.escalation.model_probability is not None
    assert line["escalation_model_probability"] == prediction.escalation.model_probability
    assert line["escalation_probability"] == prediction.escalation.probability
