"""``/v1/policy`` (``service/routers/policy.py``): the policy in force, and its reload from the deployment's
file without a restart or retraining; a file that does not load or that the model cannot run changes nothing.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
import yaml
from conftest import handwritten_tickets
from serving import payload, serve

from triage.pipeline import Triage
from triage.policy import EscalationConfig, load_policy
from triage.policy.config import DEFAULT_CONFIG_PATH, dump_config, parse_config
from triage.settings import Settings

DEFAULT_TEXT = DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")
OUTAGE = "HW-API-OUTAGE"  # an outage the model agrees is technical: criterion technical.incident, tier 3


def edited(change) -> str:
    """The default configuration with one change applied to its parsed form."""
    data = yaml.safe_load(DEFAULT_TEXT)
    change(data)
    return yaml.safe_dump(data, sort_keys=False)


def criterion(data: dict, name: str) -> dict:
    return next(item for item in data["criteria"] if item["name"] == name)


def incident_at_tier_4(data: dict) -> None:
    criterion(data, "technical.incident")["tier"] = 4


def sha256(path: Path) -> str:
    return text_sha256(path.read_text(encoding="utf-8"))


def text_sha256(text: str) -> str:
    """A policy's identity: the hash of its rules in canonical form (triage.policy.Policy)."""
    return hashlib.sha256(dump_config(parse_config(text, "policy.yaml")).encode()).hexdigest()


@pytest.fixture(scope="module")
def policy_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("policy") / "escalation.yaml"


@pytest.fixture(scope="module")
def served(model_dir, policy_path):
    """A service whose policy file is ``policy_path`` (the model's own: the trained-with configuration)."""
    policy_path.write_text(DEFAULT_TEXT, encoding="utf-8")
    with serve(Settings(model_dir=model_dir, policy_file=policy_path)) as client:
        yield client


@pytest.fixture
def client(served, policy_path):
    """The service under the unedited default file, whatever the test before left in force."""
    policy_path.write_text(DEFAULT_TEXT, encoding="utf-8")
    assert served.post("/v1/policy/reload").status_code == 200
    return served


def predict(client, tickets=None) -> list[dict]:
    response = client.post("/v1/predict", json=payload(tickets or handwritten_tickets()))
    assert response.status_code == 200, response.text
    return response.json()["predictions"]


def by_id(predictions: list[dict]) -> dict[str, dict]:
    return {prediction["id"]: prediction for prediction in predictions}


def test_get_policy_gives_the_ref_and_the_configuration_in_force(client, policy_path):
    response = client.get("/v1/policy")

    assert response.status_code == 200
    body = response.json()
    assert body["policy"] == client.get("/readyz").json()["policy"]
    assert body["policy"]["sha256"] == sha256(policy_path)
    # The configuration as the file says it: it reads back to the same object.
    assert EscalationConfig.model_validate(body["config"]) == load_policy(policy_path).config
    assert "all_of" not in str(body["config"]) and criterion(body["config"], "legal.exposure")["when"]["any"]


def test_reload_applies_an_edited_file_without_retraining(client, policy_path, model):
    before = client.get("/v1/policy").json()["policy"]
    outage = by_id(predict(client))[OUTAGE]
    assert "technical.incident" in outage["rules_fired"]
    assert outage["recommendation"]["tier"] == 3

    policy_path.write_text(edited(incident_at_tier_4), encoding="utf-8")
    response = client.post("/v1/policy/reload")

    assert response.status_code == 200, response.text
    reloaded = response.json()
    assert reloaded["previous"] == before
    assert reloaded["policy"]["sha256"] == sha256(policy_path) != before["sha256"]
    assert client.get("/v1/policy").json()["policy"] == reloaded["policy"]
    assert client.get("/readyz").json()["policy"] == reloaded["policy"]
    predictions = predict(client)
    outage = by_id(predictions)[OUTAGE]
    assert outage["recommendation"]["tier"] == 4
    assert outage["recommendation"]["tier_name"] == "Executive"
    assert {prediction["policy"]["sha256"] for prediction in predictions} == {reloaded["policy"]["sha256"]}
    # Parity: the same model object under the same file, through the library.
    expected = Triage(model, load_policy(policy_path)).predict(handwritten_tickets())
    assert predictions == [prediction.model_dump(mode="json") for prediction in expected]


BROKEN_FILES = {
    "invalid YAML": ("tiers: [\n", "invalid YAML"),
    "not a mapping": ("- tiers\n", "expected a mapping"),
    "unknown key": (edited(lambda data: data.update(colour="blue")), "colour: unknown key"),
    "undefined tier": (edited(lambda data: criterion(data, "technical.incident").update(tier=9)), "tier 9"),
}


@pytest.mark.parametrize(("text", "expected"), list(BROKEN_FILES.values()), ids=list(BROKEN_FILES))
def test_a_broken_file_is_422_and_the_policy_in_force_stays(client, policy_path, text, expected):
    before = client.get("/v1/policy").json()
    predictions_before = predict(client)

    policy_path.write_text(text, encoding="utf-8")
    response = client.post("/v1/policy/reload")

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert expected in detail and "\n" not in detail and detail.startswith("escalation.yaml: ")
    assert client.get("/v1/policy").json() == before
    assert predict(client) == predictions_before


def test_a_missing_file_is_422_and_the_policy_in_force_stays(client, policy_path):
    before = client.get("/v1/policy").json()
    policy_path.unlink()

    response = client.post("/v1/policy/reload")

    assert response.status_code == 422
    assert "cannot read the file" in response.json()["detail"]
    assert client.get("/v1/policy").json() == before


def without_billing(data: dict) -> None:
    # A valid file on its own: every reference to the team moves to account management.
    data["teams"] = [team for team in data["teams"] if team["name"] != "billing"]
    data["routing"]["trigger_teams"]["financial"] = "account_management"
    for name in ("billing.chargeback", "billing.dispute"):
        criterion(data, name).update(team="account_management", tier=3)


def test_a_file_without_a_team_the_model_learned_is_422(client, policy_path, model):
    assert "billing" in model.team_names
    text = edited(without_billing)
    policy_path.write_text(text, encoding="utf-8")
    EscalationConfig.model_validate(yaml.safe_load(text))  # the file itself is valid
    before = client.get("/v1/policy").json()

    response = client.post("/v1/policy/reload")

    assert response.status_code == 422
    assert "the model routes to team(s) billing" in response.json()["detail"]
    assert client.get("/v1/policy").json() == before


def test_without_a_policy_file_reload_restores_the_models_own(model_dir, model):
    with serve(Settings(model_dir=model_dir)) as client:
        before = client.get("/v1/policy").json()
        response = client.post("/v1/policy/reload")

    assert response.status_code == 200
    assert response.json() == {"policy": before["policy"], "previous": before["policy"]}
    assert before["policy"] == Triage.of(model).policy.ref.model_dump()


def test_requests_in_flight_keep_the_policy_they_started_with(client, policy_path):
    holder = client.app.state.holder
    started_with = holder.current

    policy_path.write_text(edited(incident_at_tier_4), encoding="utf-8")
    assert client.post("/v1/policy/reload").status_code == 200

    assert holder.current is not started_with
    assert started_with.policy.ref.sha256 == text_sha256(DEFAULT_TEXT)
    assert started_with.model is holder.current.model  # the model is not reloaded, only the rules


def test_concurrent_requests_see_one_policy_each_while_reloading(client, policy_path):
    texts = [DEFAULT_TEXT, edited(incident_at_tier_4)]
    shas = {text_sha256(text) for text in texts}
    seen: list[set[str]] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def ask() -> None:
        try:
            while not done.is_set():
                seen.append({prediction["policy"]["sha256"] for prediction in predict(client)})
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for thread in threads:
        thread.start()
    for round_ in range(8):
        policy_path.write_text(texts[round_ % 2], encoding="utf-8")
        assert client.post("/v1/policy/reload").status_code == 200
    done.set()
    for thread in threads:
        thread.join()

    assert not errors and len(seen) >= len(threads)
    # Every request ran under one whole policy: never a mix within a response, never a third one.
    assert all(len(in_one_response) == 1 and in_one_response <= shas for in_one_response in seen)
