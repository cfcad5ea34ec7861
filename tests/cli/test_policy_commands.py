"""A rule change applies without retraining: `predict`, `handoff` and `evaluate` take `--config`, every
prediction names its policy, `config diff` shows what would change, and rules the model cannot run are
refused in one line."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import handwritten_tickets

from triage.io import write_records
from triage.policy.config import DEFAULT_CONFIG_PATH, dump_config, load_config

DEFAULT = DEFAULT_CONFIG_PATH.read_text()


def triage(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "triage", *map(str, args)], capture_output=True, text=True, timeout=300
    )


def _ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def _one_line_error(result: subprocess.CompletedProcess, expected: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert expected in result.stderr


@pytest.fixture(scope="module")
def tickets(tmp_path_factory, probe_tickets) -> Path:
    path = tmp_path_factory.mktemp("tickets") / "tickets.jsonl"
    write_records([*probe_tickets, *handwritten_tickets()], path)
    return path


@pytest.fixture(scope="module")
def stricter(tmp_path_factory) -> Path:
    """The default rules, with the models' escalations sent to management (tier 3) instead of tier 2."""
    assert "  model_tier: 2\n" in DEFAULT
    path = tmp_path_factory.mktemp("rules") / "stricter.yaml"
    path.write_text(
        DEFAULT.replace("  model_tier: 2\n", "  model_tier: 3\n").replace("name: default", "name: stricter")
    )
    return path


def _predictions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_predict_applies_another_policy_over_the_same_model(model_dir, tickets, stricter, tmp_path):
    own, other = tmp_path / "own.jsonl", tmp_path / "other.jsonl"
    model_files = {p.name: p.read_bytes() for p in model_dir.iterdir() if p.is_file()}

    _ok(triage("predict", "--model", model_dir, "--input", tickets, "--output", own))
    _ok(triage("predict", "--model", model_dir, "--input", tickets, "--output", other, "--config", stricter))

    before, after = _predictions(own), _predictions(other)
    assert {p["policy"]["name"] for p in before} == {"default"}
    rules = dump_config(load_config(stricter)).encode()
    assert {p["policy"]["sha256"] for p in after} == {hashlib.sha256(rules).hexdigest()}
    # Same model, same scores; only the decisions move.
    assert [p["triggers"] for p in before] == [p["triggers"] for p in after]
    assert [p["escalation"]["probability"] for p in before] == [p["escalation"]["probability"] for p in after]
    moved = [(b, a) for b, a in zip(before, after, strict=True) if b["recommendation"] != a["recommendation"]]
    assert moved, "sending the models' escalations to tier 3 must move some tickets"
    assert all(a["recommendation"]["tier"] >= b["recommendation"]["tier"] for b, a in moved)
    # Nothing in the model directory was touched: it still loads with its own policy.
    assert {p.name: p.read_bytes() for p in model_dir.iterdir() if p.is_file()} == model_files


def test_config_diff_counts_what_would_change(model_dir, tickets, stricter, tmp_path):
    changed = tmp_path / "changed.jsonl"

    same = _ok(
        triage("config", "diff", DEFAULT_CONFIG_PATH, DEFAULT_CONFIG_PATH, "--data", tickets, "--model", model_dir)
    )
    result = _ok(
        triage(
            "config", "diff", DEFAULT_CONFIG_PATH, stricter, "--data", tickets, "--model", model_dir, "--out", changed
        )
    )

    assert f"0 of {len(_predictions(tickets))} tickets change" in same.stderr
    rows = _predictions(changed)
    assert rows and all("tier" in row["changes"] for row in rows)
    assert all(row["new"]["tier"] == 3 and row["old"]["tier"] == 2 for row in rows)
    assert f"{len(rows)} of {len(_predictions(tickets))} tickets change: tier {len(rows)}" in result.stderr


def test_a_policy_without_a_team_the_model_routes_to_is_refused(model_dir, tickets, tmp_path):
    # The demo model's team head learned billing; rules that no longer define it would drop its tickets.
    broken = tmp_path / "no-billing.yaml"
    text = (
        DEFAULT.replace("  - name: billing\n    tier: 2\n", "  - name: invoices\n    tier: 2\n")
        .replace("financial: billing", "financial: invoices")
        .replace("team: billing", "team: invoices")
    )
    assert "name: invoices" in text
    broken.write_text(text)

    result = triage(
        "predict", "--model", model_dir, "--input", tickets, "--output", tmp_path / "p.jsonl", "--config", broken
    )

    _one_line_error(result, "the model routes to team(s) billing")


def test_an_invalid_policy_file_is_one_line(model_dir, tickets, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(DEFAULT.replace("  model_tier: 2\n", "  model_tier: 9\n"))

    result = triage("config", "diff", DEFAULT_CONFIG_PATH, broken, "--data", tickets, "--model", model_dir)

    _one_line_error(result, "broken.yaml: routing.model_tier: tier 9 is not defined in tiers")
