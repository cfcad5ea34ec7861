"""The command line as users meet it: one-line errors and a non-zero exit on bad input."""

import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parents[1] / "fixtures" / "tickets.jsonl"


def triage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "triage", *args], capture_output=True, text=True, timeout=120)


def test_help_lists_commands():
    result = triage("--help")
    assert result.returncode == 0
    assert "demo-data" in result.stdout


def test_validate_accepts_the_fixture():
    result = triage("validate", str(FIXTURE))
    assert result.returncode == 0, result.stderr
    assert "3 valid tickets" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("absent.jsonl", None, "absent.jsonl: no such file"),
        ("tickets.xlsx", "", "unsupported file type '.xlsx'; use one of .jsonl, .csv, .parquet"),
        (
            "bad.jsonl",
            '{"id": "1", "body": "x", "channel": ["email"]}\n',
            "line 1: field 'channel': Input should be a valid string",
        ),
        ("broken.jsonl", '{"id": "1", "body": \n', "line 1: not valid JSON"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    result = triage("validate", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and expected in lines[0]
    assert "Traceback" not in result.stderr
