"""A team that took one or two tickets of a history is reported, and the team head learns the others.

Before, a team with fewer than three fit rows left the whole team head untrained, and a team seen only among
the calibration rows made the calibration over folds raise scikit-learn's "Requesting 3-fold cross-validation"
error.
"""

from __future__ import annotations

import numpy as np
import pytest

from triage.io import to_frame
from triage.model.training import LabelWarning, TrainSettings, _split, label_columns, train
from triage.policy.config import load_config
from triage.schema import LabelledTicket


def _relabelled(tickets: list[LabelledTicket], keep: dict[str, list[int]], merge_into: dict[str, str]):
    """``tickets`` with each team of ``merge_into`` kept only on the rows ``keep`` lists for it."""
    kept = {row for rows in keep.values() for row in rows}
    return [
        t.model_copy(update={"team": merge_into[t.team]}) if t.team in merge_into and i not in kept else t
        for i, t in enumerate(tickets)
    ]


@pytest.fixture(scope="module")
def history_split(demo_history):
    tickets = demo_history[:400]
    frame = to_frame(tickets)
    split = _split(label_columns(frame), frame["id"], len(tickets), 0, TrainSettings())
    return tickets, split


def _rows_of(tickets, rows: np.ndarray, team: str, count: int) -> list[int]:
    found = [int(i) for i in rows if tickets[i].team == team][:count]
    assert len(found) == count  # the situation under test
    return found


def test_a_team_with_two_fit_rows_is_reported_and_the_others_are_learned(history_split):
    tickets, split = history_split
    legal = _rows_of(tickets, split["fit"], "legal_compliance", 2)
    relabelled = _relabelled(tickets, {"legal_compliance": legal}, {"legal_compliance": "technical"})
    with pytest.warns(LabelWarning, match=r"1 teams have fewer than 3 training rows.*legal_compliance 2 \+ 0"):
        result = train(relabelled, load_config())
    assert "team" in result.model.heads, result.skipped_heads  # before: skipped, "..., 4 classes"
    assert "legal_compliance" not in result.model.team_names
    assert {"technical", "billing", "account_management"} <= set(result.model.team_names)
    report = result.team_labels_not_learned["too_few_rows"]
    assert report == {
        "legal_compliance": {"fit_rows": 2, "calibration_rows": 0, "examples": [tickets[i].id for i in sorted(legal)]}
    }
    assert result.model.metadata["team_labels_not_learned"]["too_few_rows"] == report


def test_a_team_seen_only_in_calibration_rows_is_reported_not_an_error(history_split):
    tickets, split = history_split
    legal = _rows_of(tickets, split["calibration"], "legal_compliance", 1)
    relabelled = _relabelled(tickets, {"legal_compliance": legal}, {"legal_compliance": "technical"})
    with pytest.warns(LabelWarning, match=r"1 teams have fewer than 3 training rows.*legal_compliance 0 \+ 1"):
        result = train(relabelled, load_config())  # before: ValueError "Requesting 3-fold cross-validation"
    assert set(result.model.team_names) == {"technical", "billing", "account_management"}
    assert result.team_labels_not_learned["too_few_rows"]["legal_compliance"]["calibration_rows"] == 1
