"""`triage init`: a criteria-only model for a team with no labelled history, which `triage predict` and the
service accept like a trained one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from service.app import create_app
from triage.cli import app
from triage.errors import TriageError
from triage.model.persistence import load_model
from triage.schema import Prediction
from triage.settings import Settings

FIXTURE = Path(__file__).parents[1] / "fixtures" / "tickets.jsonl"
KEY = "init-test-key-0123456789"
EVERY_HEAD = ["technical", "financial", "legal", "escalation", "frustration", "team"]


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("init") / "rules"
    result = CliRunner().invoke(app, ["init", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "criteria-only model written to" in result.output
    return out


def test_init_writes_a_model_with_no_heads_and_a_card_that_says_so(rules_dir):
    model = load_model(rules_dir)
    assert model.heads == {}
    assert list(model.fallback_heads) == EVERY_HEAD
    card = json.loads((rules_dir / "model_card.json").read_text())
    assert card["criteria_only"] and card["heads"] == [] and list(card["answered_by"]) == EVERY_HEAD
    markdown = (rules_dir / "model_card.md").read_text()
    assert "every head answers from the rules and the lexicon" in markdown


def test_predict_accepts_the_criteria_only_model(rules_dir, tmp_path):
    output = tmp_path / "predictions.jsonl"
    result = CliRunner().invoke(
        app, ["predict", "--model", str(rules_dir), "--input", str(FIXTURE), "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    predictions = {p.id: p for p in map(Prediction.model_validate_json, output.read_text().splitlines())}
    assert len(predictions) == len(FIXTURE.read_text().splitlines())
    # T-1001, an API failing with HTTP 500 after the customer's own fix: the technical signals answer.
    outage = predictions["T-1001"]
    assert "technical" in outage.trigger_labels and outage.recommendation.team == "technical"
    assert predictions["T-1002"].recommendation.tier == 1  # an invoice copy stays at the front line


def test_the_service_loads_the_criteria_only_model(rules_dir):
    settings = Settings(model_dir=rules_dir, api_keys=SecretStr(KEY))
    with TestClient(create_app(settings), headers={"Authorization": f"Bearer {KEY}"}) as client:
        assert client.get("/readyz").status_code == 200
        response = client.post("/v1/triage", json={"id": "T-1", "subject": "API down", "body": "Outage since 9am."})
    assert response.status_code == 200, response.text
    assert "technical" in response.json()["triggers"]


def test_init_refuses_a_directory_that_holds_a_model(rules_dir):
    result = CliRunner().invoke(app, ["init", "--out", str(rules_dir)])
    assert isinstance(result.exception, TriageError)
    assert "already holds a model" in str(result.exception)
