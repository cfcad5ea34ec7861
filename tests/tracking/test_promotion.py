"""Gate, promotion and rollback end to end, against a temporary tracking store: a champion trained on a
small demo history, a challenger trained on the same rows with shuffled labels (worse by construction), and
a re-registered copy of the champion (equal); all judged on one frozen held-out file by the CLI."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from triage.datasets.demo import generate
from triage.evaluation import evaluate
from triage.evaluation.compare import GateMargins, gate
from triage.io import read_labelled, write_records
from triage.jobs import run_training
from triage.model.persistence import load_model, read_metadata, write_metadata
from triage.pipeline import Triage
from triage.schema import Ticket

LABELS = ("triggers", "labelled_triggers", "escalated", "frustration", "tier", "team", "escalation_level_reached")


def _shuffled_labels(source: Path, out: Path) -> Path:
    """The same tickets, each with the labels of another one: a model that can learn nothing true."""
    tickets = read_labelled(source)
    donors = tickets[:]
    random.Random(5).shuffle(donors)
    write_records(
        [
            t.model_copy(update={name: getattr(d, name) for name in LABELS})
            for t, d in zip(tickets, donors, strict=True)
        ],
        out,
    )
    return out


def _register_copy(model_dir: Path, copy: Path) -> str:
    """Register a copy of an already trained model directory as a new version (no training)."""
    from triage.tracking.registry import log_training_run

    shutil.copytree(model_dir, copy)
    model = load_model(copy)
    example = [Ticket(id="example", subject="Refund", body="Please refund the duplicate charge.")]

    def stamp(version: str, alias: str | None) -> None:
        write_metadata(copy, {**read_metadata(copy), "version": version, "alias": alias})

    registered = log_training_run(
        copy,
        params={"copy_of": str(model_dir.name)},
        metrics={},
        artefacts=[],
        input_example=[t.model_dump_json() for t in example],
        output_example=[p.model_dump_json() for p in Triage.of(model).predict(example)],
        stamp=stamp,
    )
    return str(registered["version"])


@pytest.fixture(scope="module")
def registry(small_labelled_file, tmp_path_factory):
    root = tmp_path_factory.mktemp("promotion")
    uri = f"sqlite:///{root / 'mlflow.db'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLFLOW_TRACKING_URI", uri)
        patch.setenv("MLFLOW_DISABLE_TELEMETRY", "true")
        patch.chdir(root)
        good = run_training(small_labelled_file, root / "good", track=True)["mlflow"]["version"]
        worse = run_training(_shuffled_labels(small_labelled_file, root / "shuffled.jsonl"), root / "worse", track=True)
        equal = _register_copy(root / "good", root / "equal")
        holdout = write_records(generate(200, seed=99), root / "holdout.jsonl")
        yield {
            "root": root,
            "uri": uri,
            "good": good,
            "worse": worse["mlflow"]["version"],
            "equal": equal,
            "holdout": holdout,
        }


def triage(registry, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MLFLOW_TRACKING_URI": registry["uri"], "MLFLOW_DISABLE_TELEMETRY": "true"}
    return subprocess.run(
        [sys.executable, "-m", "triage", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=registry["root"],
    )


def aliases(registry) -> dict[str, str]:
    import mlflow
    from mlflow.tracking import MlflowClient

    mlflow.set_tracking_uri(registry["uri"])
    return {alias: str(v) for alias, v in MlflowClient().get_registered_model("triage").aliases.items()}


def tags(registry, version: str) -> dict[str, str]:
    import mlflow
    from mlflow.tracking import MlflowClient

    mlflow.set_tracking_uri(registry["uri"])
    return dict(MlflowClient().get_model_version("triage", version).tags)


def test_the_gate_refuses_shuffled_labels_and_passes_an_equal_model(registry):
    tickets = read_labelled(registry["holdout"])
    root = registry["root"]
    good, worse, equal = (evaluate(load_model(root / name), tickets) for name in ("good", "worse", "equal"))

    refused = gate(good, worse, GateMargins(), rounds=200)
    passed = gate(good, equal, GateMargins(), rounds=200)

    failed = {check.what for check in refused.failures}
    assert not refused.passed and "escalation roc_auc" in failed
    assert passed.passed and all(check.worse_by == 0 for check in passed.checks)
    assert {"escalation ece", "escalation class 1 f1"} <= {check.what for check in passed.checks}


def test_promote_refuse_promote_rollback_and_force_through_the_cli(registry):
    holdout, deploy = str(registry["holdout"]), registry["root"] / "served" / "model"
    good, worse, equal = registry["good"], registry["worse"], registry["equal"]
    assert aliases(registry) == {"champion": good}

    refused = triage(registry, "promote", "--version", worse, "--holdout", holdout, "--deploy", str(deploy))
    assert refused.returncode == 1, refused.stderr
    assert "FAIL escalation roc_auc" in refused.stderr and "refused" in refused.stderr
    assert aliases(registry) == {"champion": good} and not deploy.exists()
    assert "triage.promotion" not in tags(registry, worse)

    promoted = triage(registry, "promote", "--version", equal, "--holdout", holdout, "--deploy", str(deploy))
    assert promoted.returncode == 0, promoted.stderr
    assert aliases(registry) == {"champion": equal, "previous": good}
    assert tags(registry, equal)["triage.promotion"] == "gate"
    assert tags(registry, equal)["triage.replaced_version"] == good
    assert read_metadata(deploy)["version"] == equal and read_metadata(deploy)["alias"] == "champion"
    assert "/v1/admin/reload" in promoted.stderr
    load_model(deploy)

    rolled_back = triage(registry, "rollback", "--deploy", str(deploy))
    assert rolled_back.returncode == 0, rolled_back.stderr
    assert aliases(registry) == {"champion": good}
    assert "triage.rolled_back_at" in tags(registry, equal)
    assert read_metadata(deploy)["version"] == good
    assert [p.name for p in deploy.parent.iterdir()] == ["model"]  # nothing left beside it

    forced = triage(registry, "promote", "--version", worse, "--holdout", holdout, "--force")
    assert forced.returncode == 0, forced.stderr
    assert aliases(registry) == {"champion": worse, "previous": good}
    recorded = tags(registry, worse)
    assert recorded["triage.promotion"] == "forced" and recorded["triage.gate"].startswith("failed: ")
    assert "escalation roc_auc" in recorded["triage.gate"]

    assert triage(registry, "rollback").returncode == 0
    again = triage(registry, "rollback")
    assert again.returncode == 2 and again.stderr.startswith("error: no previous champion")
    assert aliases(registry) == {"champion": good}


def test_the_service_serves_the_deployed_champion_after_a_reload(registry, tmp_path):
    from service.app import create_app
    from triage.settings import Settings
    from triage.tracking.registry import deploy_version

    deploy = tmp_path / "model"
    deploy_version(registry["root"] / "good", deploy, registry["good"])
    key = "test-key-0123456789"
    app = create_app(Settings(model_dir=deploy, api_keys=SecretStr(key)))
    with TestClient(app, headers={"Authorization": f"Bearer {key}"}) as client:
        before = client.get("/readyz").json()["model"]
        deploy_version(registry["root"] / "equal", deploy, registry["equal"])
        reloaded = client.post("/v1/admin/reload")

    assert reloaded.status_code == 200, reloaded.text
    assert before["version"] == registry["good"]
    assert reloaded.json()["serving"]["model"]["version"] == registry["equal"]
    assert reloaded.json()["serving"]["model"]["alias"] == "champion"


def test_deploy_refuses_to_replace_a_directory_that_is_not_a_model(registry, tmp_path):
    from triage.errors import TriageError
    from triage.tracking.registry import deploy_version

    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me")

    with pytest.raises(TriageError, match="not a model directory"):
        deploy_version(registry["root"] / "good", tmp_path / "notes", registry["good"])
    assert json.dumps(sorted(p.name for p in tmp_path.iterdir())) == '["notes"]'
