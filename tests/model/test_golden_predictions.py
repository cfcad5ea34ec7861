"""The session model's predictions on unseen demo tickets and the hand-written ones, pinned in a golden file.

A refactor must not change what the model says: the file was recorded before the modules moved into
subpackages, and the predictions after the move are the same (with the policy reference added). When a
change is meant to move predictions (a new feature, another default), regenerate the file and review the
diff:

    TRIAGE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/model/test_golden_predictions.py
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from conftest import handwritten_tickets

from triage.pipeline import Triage

GOLDEN = Path(__file__).parents[1] / "golden" / "predictions.jsonl"
UPDATE_GOLDEN = os.environ.get("TRIAGE_UPDATE_GOLDEN") == "1"
# Probabilities are rounded to 4 places in a prediction; a last-place difference in floating-point sums
# (another BLAS build) must not fail the test, a changed model must.
TOLERANCE = 2e-4


def _close(expected: Any, actual: Any, where: str = "") -> list[str]:
    if isinstance(expected, dict) and isinstance(actual, dict):
        if expected.keys() != actual.keys():
            return [f"{where}: keys {sorted(expected)} != {sorted(actual)}"]
        return [problem for key in expected for problem in _close(expected[key], actual[key], f"{where}.{key}")]
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [
            problem
            for i, (e, a) in enumerate(zip(expected, actual, strict=True))
            for problem in _close(e, a, f"{where}[{i}]")
        ]
    if isinstance(expected, float) and isinstance(actual, float):
        return [] if math.isclose(expected, actual, abs_tol=TOLERANCE) else [f"{where}: {expected} != {actual}"]
    return [] if expected == actual else [f"{where}: {expected!r} != {actual!r}"]


def test_predictions_match_the_golden_file(model, probe_tickets):
    predictions = Triage.of(model).predict([*probe_tickets, *handwritten_tickets()])
    actual = [json.loads(p.model_dump_json()) for p in predictions]
    if UPDATE_GOLDEN:
        GOLDEN.write_text("".join(json.dumps(row, sort_keys=True) + "\n" for row in actual))
    expected = [json.loads(line) for line in GOLDEN.read_text().splitlines()]

    problems = _close(expected, actual, "predictions")

    assert not problems, "\n".join(problems[:20])
