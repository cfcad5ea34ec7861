"""`triage train` on labels it cannot learn: one value everywhere is a one-line error that names the head and
the flag that accepts it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from triage.datasets.demo import generate
from triage.io import write_records


def test_every_ticket_escalated_is_a_one_line_error_naming_the_head_and_the_flag(tmp_path: Path):
    tickets = [ticket.model_copy(update={"escalated": True}) for ticket in generate(120, seed=4)]
    data = write_records(tickets, tmp_path / "all_escalated.jsonl")
    result = subprocess.run(
        [sys.executable, "-m", "triage", "train", "--data", str(data), "--out", str(tmp_path / "m"), "--no-track"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.strip().splitlines() if line.startswith("error: ")]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "escalation: all" in lines[0] and "are yes" in lines[0] and "--skip-single-valued-heads" in lines[0]
    assert not (tmp_path / "m").exists()


def test_with_the_flag_every_ticket_escalated_trains_the_other_heads_and_says_so(tmp_path: Path):
    tickets = [ticket.model_copy(update={"escalated": True}) for ticket in generate(400, seed=4)]
    data = write_records(tickets, tmp_path / "all_escalated.jsonl")
    command = [sys.executable, "-m", "triage", "train", "--data", str(data), "--out", str(tmp_path / "m")]
    result = subprocess.run(
        [*command, "--no-track", "--skip-single-valued-heads"], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert (tmp_path / "m" / "metadata.json").is_file()
    assert "escalation: not learned" in result.stdout + result.stderr
