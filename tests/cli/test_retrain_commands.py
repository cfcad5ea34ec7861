"""`triage retrain` and `triage shadow-report` refuse bad input in one line, before anything is trained or
written (the whole loop runs in tests/e2e)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from triage.datasets.demo import generate
from triage.io import write_records


def triage(*args: object, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "triage", *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("retrain-input")
    tickets = generate(60, seed=41)
    prediction = {"id": tickets[0].id, "model": {"version": "3"}, "trigger_labels": [], "escalation": {}}
    (root / "predictions.jsonl").write_text(json.dumps(prediction) + "\n")
    return {
        "root": root,
        "history": write_records(tickets[:50], root / "history.jsonl"),
        "holdout": write_records(tickets[50:], root / "holdout.jsonl"),
        "predictions": root / "predictions.jsonl",
    }


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--deploy", "served"], "error: --deploy needs --promote"),
        (["--feedback", "predictions.jsonl"], "line 1: this is a prediction, not feedback"),
        (["--feedback", "missing.jsonl"], "missing.jsonl: no such feedback file"),
    ],
)
def test_retrain_refuses_bad_input_before_training(files, extra, message):
    root = files["root"]
    done = triage(
        "retrain", "--history", files["history"], "--holdout", files["holdout"], "--out", root / "model", *extra,
        cwd=root,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: ") and message in done.stderr
    assert not (root / "model").exists() and not (root / "model.training.jsonl").exists()


def test_shadow_report_names_a_missing_log(files):
    root = files["root"]
    done = triage("shadow-report", "--log", "nowhere.jsonl", "--feedback", files["history"], "--out", "r.md", cwd=root)
    assert done.returncode == 2 and "nowhere.jsonl: no such shadow log" in done.stderr
