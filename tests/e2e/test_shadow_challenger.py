"""A challenger in shadow beside the champion (``service.shadow.ChallengerShadow``), then `triage
shadow-report` on its log once outcomes arrived as feedback.

The champion is the session's trained model; the challenger is a criteria-only model (``triage init``'s), cheap
to build and different enough that the two disagree on some tickets and the learned champion ranks escalations
better."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import pytest
from conftest import MODEL_VERSION, unlabelled
from pydantic import SecretStr

from triage.datasets.demo import generate
from triage.model.criteria_only import criteria_only_model
from triage.model.persistence import save_model
from triage.policy.config import load_config
from triage.settings import Settings

KEY = "test-key-0123456789"
CHALLENGER_VERSION = "rules-1"


@pytest.fixture(scope="module")
def rules_model(tmp_path_factory):
    directory = tmp_path_factory.mktemp("challenger") / "rules"
    save_model(criteria_only_model(load_config()), directory, {"name": "triage", "version": CHALLENGER_VERSION})
    return directory


def _client(settings: Settings):
    from fastapi.testclient import TestClient

    from service.app import create_app

    return TestClient(create_app(settings), headers={"Authorization": f"Bearer {KEY}"})


def test_the_challenger_scores_in_shadow_and_the_report_compares_it_on_outcomes(
    model_dir, rules_model, tmp_path, monkeypatch
):
    log, feedback_url = tmp_path / "shadow.jsonl", f"sqlite:///{tmp_path / 'feedback.db'}"
    monkeypatch.setenv("TRIAGE_SHADOW_MODEL_DIR", str(rules_model))
    monkeypatch.setenv("TRIAGE_SHADOW_LOG", str(log))
    monkeypatch.setenv("TRIAGE_SHADOW_DRAIN_TIMEOUT_S", "300")  # the worker may still be loading at shutdown
    labelled = generate(120, seed=31)
    tickets = unlabelled(labelled)
    settings = Settings(model_dir=model_dir, api_keys=SecretStr(KEY), feedback_url=SecretStr(feedback_url))
    with _client(settings) as client:
        answers = [client.post("/v1/triage", json=t.model_dump(mode="json")).json() for t in tickets[:80]]
        batch = client.post("/v1/triage/batch", json={"tickets": [t.model_dump(mode="json") for t in tickets[80:]]})
        for number, ticket in enumerate(labelled):
            outcome = {"ticket_id": ticket.id, "source": "outcome", "escalated": ticket.escalated}
            outcome |= {"triggers": ticket.triggers, "team": ticket.team, "frustration": ticket.frustration}
            posted = client.post("/v1/feedback", json={k: v for k, v in outcome.items() if v is not None},
                                 headers={"Idempotency-Key": f"outcome-{number}"})  # fmt: skip
            assert posted.status_code == 201, posted.text
    # The answers are the champion's alone.
    assert {answer["model"]["version"] for answer in answers} == {MODEL_VERSION}
    assert {item["prediction"]["model"]["version"] for item in batch.json()["results"]} == {MODEL_VERSION}
    logged = [json.loads(line) for line in log.read_text().splitlines()]
    assert sorted(line["ticket_id"] for line in logged) == sorted(t.id for t in tickets)
    assert {(line["champion"]["model"], line["challenger"]["model"]) for line in logged} == {
        (MODEL_VERSION, CHALLENGER_VERSION)
    }
    text = log.read_text()
    assert not any(ticket.body and ticket.body[:40] in text for ticket in tickets), "ticket text in the shadow log"

    report = tmp_path / "shadow.md"
    command = [sys.executable, "-m", "triage", "shadow-report", "--log", str(log), "--feedback", feedback_url]
    done = subprocess.run([*command, "--out", str(report)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(report.with_suffix(".json").read_text())
    assert (result["champion"], result["challenger"], result["with_outcomes"]) == (
        MODEL_VERSION,
        CHALLENGER_VERSION,
        120,
    )
    assert 0 < result["agreement"]["escalate"] < 1
    escalation = result["heads"]["escalation"]
    assert escalation["metric"] == "roc_auc" and escalation["rows"] == 120
    assert escalation["champion"] > escalation["challenger"]  # the learned head ranks better than the rules
    assert {"team", "frustration"} <= set(result["heads"])
    markdown = report.read_text()
    assert "## Agreement (all logged tickets)" in markdown and "| escalation | roc_auc | 120 |" in markdown


def test_a_challenger_that_does_not_load_leaves_the_champion_serving(model_dir, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("TRIAGE_SHADOW_MODEL_DIR", str(tmp_path / "missing"))
    monkeypatch.setenv("TRIAGE_SHADOW_LOG", str(tmp_path / "shadow.jsonl"))
    ticket = unlabelled(generate(1, seed=32))[0]
    with (
        caplog.at_level(logging.ERROR, logger="service.shadow"),
        _client(Settings(model_dir=model_dir, api_keys=SecretStr(KEY))) as client,
    ):
        answer = client.post("/v1/triage", json=ticket.model_dump(mode="json"))
    assert answer.status_code == 200 and answer.json()["model"]["version"] == MODEL_VERSION
    assert any("shadow challenger stopped" in record.getMessage() for record in caplog.records)
    assert not (tmp_path / "shadow.jsonl").exists()
