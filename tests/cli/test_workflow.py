"""The project's whole workflow as a user runs it, on tiny data: demo-data -> train -> predict -> evaluate ->
handoff through ``python -m triage``, then every command's refusal of bad input (exit 2, one line)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import handwritten_tickets

from triage.errors import TriageError
from triage.evaluation import evaluate
from triage.io import read_labelled, read_tickets, write_records
from triage.jobs import run_evaluation, run_training
from triage.model.persistence import load_model
from triage.pipeline import Triage, load_triage
from triage.schema import TRIGGERS, LabelledTicket, Prediction


def triage(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "MLFLOW_TRACKING_URI": f"sqlite:///{cwd / 'mlflow.db'}", "MLFLOW_DISABLE_TELEMETRY": "true"}
    return subprocess.run(
        [sys.executable, "-m", "triage", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env=env,
    )


def _ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture(scope="module")
def workflow(tmp_path_factory, probe_tickets):
    """Run every command once, in order, as the README's quick start does."""
    root = tmp_path_factory.mktemp("workflow")
    history, model, tickets = root / "history.jsonl", root / "model", root / "tickets.jsonl"
    predictions, report, drafts = root / "predictions.jsonl", root / "report.json", root / "handoffs"
    write_records([*probe_tickets[:20], *handwritten_tickets()], tickets)
    results = {
        "demo-data": triage("demo-data", "--tickets", 400, "--seed", 3, "--out", history, cwd=root),
        "train": triage("train", "--data", history, "--out", model, "--no-track", cwd=root),
        "predict": triage("predict", "--model", model, "--input", tickets, "--output", predictions, cwd=root),
        "evaluate": triage("evaluate", "--model", model, "--data", history, "--report", report, cwd=root),
        "handoff": triage("handoff", "--model", model, "--input", tickets, "--out", drafts, cwd=root),
    }
    return {
        "root": root,
        "history": history,
        "model": model,
        "tickets": tickets,
        "predictions": predictions,
        "report": report,
        "drafts": drafts,
        "results": results,
    }


def test_demo_data_writes_the_requested_labelled_tickets(workflow):
    result = _ok(workflow["results"]["demo-data"])

    history = read_labelled(workflow["history"])
    assert len(history) == 400
    assert all(ticket.escalated is not None and ticket.triggers is not None for ticket in history)
    assert "wrote 400 labelled tickets" in result.stderr


def test_train_without_tracking_writes_a_loadable_model_and_its_card(workflow):
    result = _ok(workflow["results"]["train"])

    model_dir = workflow["model"]
    assert {
        "model.skops",
        "metadata.json",
        "calibration.json",
        "escalation.yaml",
        "model_card.md",
        "model_card.json",
    } <= {path.name for path in model_dir.iterdir()}
    assert "model written to" in result.stderr
    assert "MLflow run" not in result.stderr
    assert not (workflow["root"] / "mlflow.db").exists()  # --no-track really does not touch MLflow
    card = json.loads((model_dir / "model_card.json").read_text())
    assert card["data"]["rows"] == 400 and "mlflow" not in card
    assert load_model(model_dir).model_ref.version == "unregistered"


def test_predict_writes_one_prediction_per_line_in_input_order_equal_to_the_library(workflow):
    _ok(workflow["results"]["predict"])

    lines = workflow["predictions"].read_text().splitlines()
    tickets = read_tickets(workflow["tickets"])
    predictions = [Prediction.model_validate_json(line) for line in lines]
    assert [p.id for p in predictions] == [t.id for t in tickets]
    library = load_triage(workflow["model"]).predict(tickets)
    assert [p.model_dump(mode="json") for p in predictions] == [p.model_dump(mode="json") for p in library]


def run_main(args: list, monkeypatch, capsys) -> tuple[int, str]:
    """The CLI in-process, through the same ``main()`` that ``python -m triage`` calls (fast)."""
    from triage.cli import main

    monkeypatch.setattr(sys, "argv", ["triage", *map(str, args)])
    with pytest.raises(SystemExit) as exited:
        main()
    code = exited.value.code
    return (0 if code is None else code), capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_predict_reads_parquet_and_csv_like_jsonl(workflow, tmp_path, monkeypatch, capsys, suffix):
    source = write_records(read_tickets(workflow["tickets"]), tmp_path / f"tickets{suffix}")
    out = tmp_path / "predictions.jsonl"

    code, stderr = run_main(
        ["predict", "--model", workflow["model"], "--input", source, "--output", out], monkeypatch, capsys
    )

    assert code == 0, stderr
    assert out.read_text() == workflow["predictions"].read_text()


def test_predict_without_explanations_writes_the_librarys_unexplained_predictions(
    workflow, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "predictions.jsonl"

    code, stderr = run_main(
        ["predict", "--model", workflow["model"], "--input", workflow["tickets"], "--output", out, "--no-explain"],
        monkeypatch,
        capsys,
    )

    assert code == 0, stderr
    library = load_triage(workflow["model"]).predict(read_tickets(workflow["tickets"]), explain=False)
    assert out.read_text() == "".join(prediction.model_dump_json() + "\n" for prediction in library)
    assert out.read_text() != workflow["predictions"].read_text()  # the explained file quotes the model's words


def test_evaluate_reports_every_head_on_the_labelled_rows(workflow):
    _ok(workflow["results"]["evaluate"])

    report = json.loads(workflow["report"].read_text())
    assert report["rows"] == 400
    assert report["model"]["name"] == "triage"
    for head in (*TRIGGERS, "escalation"):
        assert report["heads"][head]["n"] == 400
        assert 0.0 <= report["heads"][head]["roc_auc"] <= 1.0, head
    # Its own training data: far better than chance.
    for head in (*TRIGGERS, "escalation"):
        assert report["heads"][head]["roc_auc"] > 0.7, head
    assert {"frustration", "team"} <= set(report["heads"])


def test_handoff_drafts_exactly_the_escalated_tickets(workflow):
    result = _ok(workflow["results"]["handoff"])

    drafts = workflow["drafts"]
    index = [json.loads(line) for line in (drafts / "index.jsonl").read_text().splitlines()]
    predictions = [json.loads(line) for line in workflow["predictions"].read_text().splitlines()]
    assert [entry["id"] for entry in index] == [p["id"] for p in predictions]
    assert [entry["escalate"] for entry in index] == [p["escalation"]["escalate"] for p in predictions]
    escalated = [entry for entry in index if entry["escalate"]]
    assert escalated, "the hand-written outage and double charge should escalate"
    abstained = {p["id"] for p in predictions if p["recommendation"]["abstain"]}
    for entry in escalated:
        for suffix in (".handoff.txt", ".handoff.html"):
            assert (drafts / f"{entry['files']}{suffix}").read_text().strip(), (entry["id"], suffix)
        # A ticket sent to human review gets no acknowledgement: a person reads it first.
        acknowledgement = drafts / f"{entry['files']}.acknowledgement.txt"
        assert entry["acknowledgement"] is (entry["id"] not in abstained) is acknowledgement.exists(), entry["id"]
        assert (drafts / f"{entry['files']}.handoff.txt").read_text().startswith(f"Subject: {entry['subject']}")
    written = {path.name.split(".")[0] for path in drafts.iterdir() if path.name != "index.jsonl"}
    assert written == {entry["files"] for entry in escalated}
    assert f"{len(escalated)} of {len(index)} tickets escalated" in result.stderr


# -- bad input: one line on stderr, exit code 2 ---------------------------------------------------------


def _bad_cases(model_dir: Path, tmp: Path) -> dict[str, tuple[list, str]]:
    tickets = tmp / "tickets.jsonl"
    write_records(handwritten_tickets()[:2], tickets)
    malformed = tmp / "malformed.jsonl"
    malformed.write_text('{"id": "A-1", "body": "fine"}\n{"subject": "no id here", "body": "x"}\n')
    few = tmp / "few.jsonl"
    few.write_text("".join(json.dumps({"id": f"F-{i}", "body": "hello"}) + "\n" for i in range(10)))
    missing = tmp / "no-model"
    out = tmp / "out.jsonl"
    return {
        "predict-missing-model": (
            ["predict", "--model", missing, "--input", tickets, "--output", out],
            "not a triage model directory",
        ),
        "predict-output-not-jsonl": (
            ["predict", "--model", model_dir, "--input", tickets, "--output", tmp / "out.csv"],
            "predictions are written as .jsonl",
        ),
        "predict-malformed-row": (
            ["predict", "--model", model_dir, "--input", malformed, "--output", out],
            "malformed.jsonl: line 2: field 'id'",
        ),
        "evaluate-missing-model": (
            ["evaluate", "--model", missing, "--data", tickets, "--report", tmp / "r.json"],
            "not a triage model directory",
        ),
        "handoff-missing-model": (
            ["handoff", "--model", missing, "--input", tickets, "--out", tmp / "h"],
            "not a triage model directory",
        ),
        "handoff-missing-templates": (
            [
                "handoff",
                "--model",
                model_dir,
                "--input",
                tickets,
                "--out",
                tmp / "h",
                "--templates",
                tmp / "no-templates",
            ],
            "no such template directory",
        ),
        "train-too-few-tickets": (
            ["train", "--data", few, "--out", tmp / "m", "--no-track"],
            "training needs at least 50",
        ),
        "train-wrong-extension": (
            ["train", "--data", tmp / "history.xlsx", "--out", tmp / "m", "--no-track"],
            "unsupported file type '.xlsx'",
        ),
        "serve-missing-model": (["serve", "--model", missing], "not a triage model directory"),
    }


BAD_CASES = [
    "predict-missing-model",
    "predict-output-not-jsonl",
    "predict-malformed-row",
    "evaluate-missing-model",
    "handoff-missing-model",
    "handoff-missing-templates",
    "train-too-few-tickets",
    "train-wrong-extension",
    "serve-missing-model",
]


def _assert_one_line_error(code: int, stderr: str, expected: str) -> None:
    assert code == 2, (code, stderr)
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: ") and expected in lines[0], lines[0]


@pytest.mark.parametrize("case", ["predict-missing-model", "predict-output-not-jsonl", "predict-malformed-row"])
def test_bad_input_gives_one_line_and_exit_code_2_from_the_command_line(model_dir, tmp_path, case):
    args, expected = _bad_cases(model_dir, tmp_path)[case]

    result = triage(*args, cwd=tmp_path)

    _assert_one_line_error(result.returncode, result.stderr, expected)
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("case", BAD_CASES)
def test_every_command_refuses_bad_input_in_one_line(model_dir, tmp_path, monkeypatch, capsys, case):
    args, expected = _bad_cases(model_dir, tmp_path)[case]
    monkeypatch.chdir(tmp_path)

    code, stderr = run_main(args, monkeypatch, capsys)

    _assert_one_line_error(code, stderr, expected)


def test_predict_refuses_a_tampered_model(model_copy, tmp_path):
    tickets = write_records(handwritten_tickets()[:1], tmp_path / "tickets.jsonl")
    (model_copy / "calibration.json").write_text((model_copy / "calibration.json").read_text() + " ")

    result = triage(
        "predict", "--model", model_copy, "--input", tickets, "--output", tmp_path / "p.jsonl", cwd=tmp_path
    )

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "SHA-256 does not match" in result.stderr
    assert not (tmp_path / "p.jsonl").exists()


# -- the jobs in-process --------------------------------------------------------------------------------


def test_evaluate_job_matches_the_written_report(model, model_dir, demo_history, tmp_path):
    data = write_records(demo_history[:150], tmp_path / "labelled.parquet")

    written = run_evaluation(model_dir, data, tmp_path / "reports" / "eval.json")

    assert json.loads((tmp_path / "reports" / "eval.json").read_text()) == json.loads(json.dumps(written))
    in_process = evaluate(model, read_labelled(data), Triage.of(model).policy).report
    assert written == json.loads(json.dumps(in_process, default=str))
    assert written["model"]["version"] == "7"
    assert {*TRIGGERS, "escalation"} <= set(written["heads"])
    # The policy's decisions are judged too, and the report names the policy that made them.
    assert written["policy"]["ref"]["name"] == "default"
    assert 0.0 <= written["policy"]["escalate"]["accuracy"] <= 1.0
    assert written["policy"]["escalate"]["n"] == 150


def test_training_needs_enough_tickets(demo_history, tmp_path):
    data = write_records(demo_history[:49], tmp_path / "few.jsonl")

    with pytest.raises(TriageError, match="49 tickets; training needs at least 50"):
        run_training(data, tmp_path / "model", track=False)


def test_calibration_never_inverts_a_heads_ranking():
    from sklearn.metrics import roc_auc_score

    from triage.datasets.demo import generate
    from triage.model.training import TrainSettings, train
    from triage.policy.config import load_config

    history = generate(400, seed=3)
    result = train(history, load_config(), TrainSettings(seed=0))
    scores = result.model.score(history, explain=False)

    for head in TRIGGERS:
        truth = [head in ticket.triggers for ticket in history]
        assert roc_auc_score(truth, [s.triggers[head] for s in scores]) > 0.6, head


def test_a_custom_hierarchy_with_renamed_teams_and_an_extra_tier_works_end_to_end(tmp_path):
    """The demo history's team labels are the default names; with renamed teams the team head has nothing
    to learn and routing falls back to the configuration's trigger -> team map, with the extra tier."""
    # tests/policy/test_config.py holds the custom hierarchy; loaded by path so this test also runs on its own.
    spec = importlib.util.spec_from_file_location(
        "policy_test_config", Path(__file__).parents[1] / "policy" / "test_config.py"
    )
    policy_tests = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(policy_tests)
    CUSTOM = policy_tests.CUSTOM

    config = tmp_path / "custom.yaml"
    config.write_text(CUSTOM.replace("mode: shadow", "mode: recommend"))
    history, model, tickets, predictions = (tmp_path / name for name in ("h.jsonl", "m", "t.jsonl", "p.jsonl"))
    _ok(triage("config", "check", config, cwd=tmp_path))
    _ok(triage("demo-data", "--tickets", "600", "--seed", "5", "--out", history, cwd=tmp_path))
    _ok(triage("train", "--data", history, "--config", config, "--out", model, "--no-track", cwd=tmp_path))
    write_records(
        [
            *handwritten_tickets(),
            # The custom rule: a legal threat from a strategic account worth more than a million goes to the board.
            LabelledTicket(
                id="BOARD",
                subject="Class action",
                body="Our lawyers will file a lawsuit against you next week unless the breach is settled.",
                customer={"company": "Contoso", "annual_contract_value": 2_000_000, "strategic": True},
            ),
        ],
        tickets,
    )
    _ok(triage("predict", "--model", model, "--input", tickets, "--output", predictions, cwd=tmp_path))
    _ok(triage("handoff", "--model", model, "--input", tickets, "--out", tmp_path / "drafts", cwd=tmp_path))

    results = {p.id: p for p in map(Prediction.model_validate_json, predictions.read_text().splitlines())}
    names = {"Helpdesk", "Engineering", "Directors", "C-suite", "Board"}
    teams = {"helpdesk", "engineering", "finance", "counsel"}
    for prediction in results.values():
        assert prediction.recommendation.tier_name in names
        assert prediction.recommendation.team in teams
        assert (prediction.recommendation.tier == 1) == (prediction.recommendation.team == "helpdesk")
    board = results["BOARD"].recommendation
    assert (board.tier, board.tier_name, board.team) == (5, "Board", "counsel"), results["BOARD"].reasons
    assert "counsel.class_action" in results["BOARD"].rules_fired


def test_training_survives_a_class_too_small_to_stratify(tmp_path):
    from triage.datasets.demo import generate
    from triage.model.training import train
    from triage.policy.config import load_config

    history = [t.model_copy(update={"escalated": i == 0}) for i, t in enumerate(generate(120, seed=8))]
    result = train(history, load_config())
    assert "escalation" not in result.model.heads  # one escalated ticket: the head falls back
    assert "escalation" in result.skipped_heads


def test_training_without_any_team_label_skips_the_team_head(demo_history):
    from triage.model.training import train
    from triage.policy.config import load_config

    result = train([t.model_copy(update={"team": None}) for t in demo_history[:300]], load_config())
    assert "team" not in result.model.heads
    assert "team" in result.skipped_heads


def test_evaluate_scores_the_team_head_only_on_the_teams_it_routes_to(model, demo_history):
    first_tier_only = [t.model_copy(update={"team": "frontline"}) for t in demo_history[:50]]
    assert "team" not in evaluate(model, first_tier_only).report["heads"]
    mixed = evaluate(model, demo_history[:300]).report["heads"]["team"]
    assert mixed["n"] == sum(t.team in model.team_names for t in demo_history[:300])


def test_evaluate_scores_a_trigger_only_on_rows_labelled_for_it(model, demo_history):
    rows = [
        t.model_copy(update={"triggers": [n for n in t.triggers if n != "technical"], "labelled_triggers": None})
        if i % 2
        else t.model_copy(
            update={
                "triggers": [n for n in t.triggers if n != "technical"],
                "labelled_triggers": ["financial", "legal"],
            }
        )
        for i, t in enumerate(demo_history[:200])
    ]
    heads = evaluate(model, rows).report["heads"]
    assert heads["technical"]["n"] == 100
    assert heads["financial"]["n"] == 200


@pytest.mark.parametrize("case", ["a class only in the calibration rows", "no calibration rows"])
def test_a_head_trains_when_its_calibration_rows_cannot_rank_candidates(case):
    from scipy import sparse

    from triage.model.training import TrainSettings, fit_head

    rng = np.random.default_rng(0)
    X = sparse.csr_matrix(rng.random((90, 20)))
    if case == "no calibration rows":
        y = np.array(["yes", "no"] * 45)
        head = fit_head(X[:60], y[:60], X[60:60], y[60:60], TrainSettings())
        assert set(head.classes_) == {"yes", "no"}
    else:
        y = np.array(["a", "b", "c"] * 30)
        y_cal = np.array(["a", "b", "c", "d", "d", "d"] * 2)
        head = fit_head(X[:60], y[:60], X[60:72], y_cal, TrainSettings())
        assert set(head.classes_) == {"a", "b", "c", "d"}
    assert np.allclose(head.predict_proba(X[:5]).sum(axis=1), 1.0)
