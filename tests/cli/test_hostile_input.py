"""Hostile input at the command line: every case is one `error:` line and exit 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from triage.datasets.demo import generate
from triage.io import write_records

FIXTURE = Path(__file__).parents[1] / "fixtures" / "tickets.jsonl"


def triage(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "triage", *map(str, args)], capture_output=True, text=True, timeout=300, cwd=cwd
    )


def assert_one_line_error(result: subprocess.CompletedProcess, expected: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and expected in lines[0], lines[0]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"id": "1", "body": "ok"}\n{"id": "2", "body": "caf\xe9"}\n', "line 2: not UTF-8 text (byte 0xe9"),
        (b"[" * 100_000 + b"]" * 100_000 + b"\n", "line 1: not valid JSON (nested too deeply)"),
        (b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"\n", "line 1: not valid JSON (nested too deeply)"),
        (
            json.dumps({"id": "1", "body": "x" * 100_001}).encode() + b"\n",
            "line 1: field 'body': String should have at most 100000 characters",
        ),
        (
            json.dumps({"id": "1", "body": "x", "customer": {"annual_contract_value": 1e308}}).encode() + b"\n",
            "line 1: field 'customer.annual_contract_value': Input should be less than or equal to 1000000000000",
        ),
        (
            json.dumps({"id": "1", "body": "x", "customer": {"strategic": "yes"}}).encode() + b"\n",
            "line 1: field 'customer.strategic': Input should be a valid boolean",
        ),
        (
            json.dumps({"id": "1", "body": "x", "created_at": "0001-01-01T00:00:00"}).encode() + b"\n",
            "line 1: field 'created_at': Value error, year 1 is outside 1970-2100",
        ),
    ],
    ids=["invalid utf-8", "nested lists", "nested objects", "long body", "huge contract value", "yes", "year 1"],
)
def test_hostile_ticket_files_are_one_line(tmp_path, content, expected):
    path = tmp_path / "tickets.jsonl"
    path.write_bytes(content)
    assert_one_line_error(triage("validate", path), f"{path}: {expected}")


def test_predict_refuses_unwritable_outputs(model_dir, tmp_path):
    (tmp_path / "folder.jsonl").mkdir()
    result = triage("predict", "--model", model_dir, "--input", FIXTURE, "--output", tmp_path / "folder.jsonl")
    assert_one_line_error(result, "folder.jsonl: is a directory; give a file name")

    (tmp_path / "regular").write_text("")
    result = triage("predict", "--model", model_dir, "--input", FIXTURE, "--output", tmp_path / "regular/p.jsonl")
    assert_one_line_error(result, "regular/p.jsonl: cannot create its folder (")
    assert (tmp_path / "regular").read_text() == ""


def test_handoff_refuses_a_file_as_its_directory(model_dir, tmp_path):
    (tmp_path / "drafts").write_text("")
    result = triage("handoff", "--model", model_dir, "--input", FIXTURE, "--out", tmp_path / "drafts")
    assert_one_line_error(result, "drafts: is a file, not a directory")
    result = triage("handoff", "--model", model_dir, "--input", FIXTURE, "--out", tmp_path / "drafts/sub")
    assert_one_line_error(result, "drafts/sub: cannot create the directory (")


def test_data_commands_refuse_unwritable_outputs(tmp_path):
    (tmp_path / "regular").write_text("")
    result = triage("demo-data", "--out", tmp_path / "regular/demo.jsonl", "--tickets", 5)
    assert_one_line_error(result, "regular/demo.jsonl: cannot create its folder (")
    (tmp_path / "folder.jsonl").mkdir()
    result = triage("demo-data", "--out", tmp_path / "folder.jsonl", "--tickets", 5)
    assert_one_line_error(result, "folder.jsonl: is a directory; give a file name")


@pytest.mark.parametrize("command", ["predict", "handoff"])
def test_an_empty_ticket_file_is_an_error(model_dir, tmp_path, command):
    """Chosen over "0 tickets" and exit 0: an empty export is far more often a failed upstream job or a
    wrong path than a quiet day, and an empty output would look like a successful run."""
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    out = ("--output", tmp_path / "p.jsonl") if command == "predict" else ("--out", tmp_path / "drafts")
    result = triage(command, "--model", model_dir, "--input", empty, *out)
    assert_one_line_error(result, f"{empty}: no tickets in the file; nothing to do")
    assert not (tmp_path / "p.jsonl").exists() and not (tmp_path / "drafts").exists()


def test_training_where_every_label_is_the_same_is_an_error(tmp_path):
    same = [
        ticket.model_copy(update={"triggers": [], "escalated": False, "frustration": 0, "team": "frontline"})
        for ticket in generate(120, seed=3)
    ]
    data = write_records(same, tmp_path / "same.jsonl")
    result = triage("train", "--data", data, "--out", tmp_path / "model", "--no-track", cwd=tmp_path)
    assert_one_line_error(result, "no head could be trained, every label is missing or the same (technical: ")
    assert not (tmp_path / "model").exists()


def test_training_a_file_labelled_for_one_head_still_works(tmp_path):
    rows = [
        ticket.model_copy(update={"triggers": None, "frustration": None, "team": None})
        for ticket in generate(300, seed=3)
    ]
    data = write_records(rows, tmp_path / "escalation_only.jsonl")
    result = triage("train", "--data", data, "--out", tmp_path / "model", "--no-track", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "model").is_dir()
