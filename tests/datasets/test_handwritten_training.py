"""Our hand-written tickets as training rows (triage.datasets.handwritten): frustration labels only, each ticket
a fixed number of times, never a blind check's ticket; fit rows only, the public rows' split unchanged."""

import pandas as pd

from triage.datasets import handwritten
from triage.datasets.handwritten import handwritten_training_tickets
from triage.io import read_labelled
from triage.model.training import TrainSettings, _split


def test_training_rows_carry_frustration_only_and_come_in_copies():
    rows = handwritten_training_tickets()
    written = sum(len(read_labelled(handwritten.ANNOTATIONS / f"{name}.jsonl")) for name in handwritten.TRAINING_SETS)

    assert len(rows) == written * handwritten.COPIES
    assert all(row.frustration is not None for row in rows)
    assert all(row.triggers is None and row.escalated is None and row.tier is None and row.team is None for row in rows)
    assert len({row.id.rsplit("#", 1)[0] for row in rows}) == written


def test_the_blind_checks_are_never_training_rows():
    assert not set(handwritten.TRAINING_SETS) & set(handwritten.HELD_OUT_SETS)
    trained = {row.id.rsplit("#", 1)[0].split(":", 2)[2] for row in handwritten_training_tickets()}
    for name in handwritten.HELD_OUT_SETS:
        path = handwritten.ANNOTATIONS / f"{name}.jsonl"
        if path.exists():
            assert not trained & {ticket.id for ticket in read_labelled(path)}, name


def test_no_rows_without_the_annotations_folder(tmp_path):
    assert handwritten_training_tickets(tmp_path) == []


def test_hand_written_rows_are_fit_rows_and_the_public_split_is_unchanged():
    own = [f"demo-{i}" for i in range(100)]
    public = [f"goemotions:{i}" for i in range(200)]
    ours = [f"ours:set:T{i}#{c}" for i in range(30) for c in range(10)]
    labels = {"escalation": pd.Series([float(i % 2) for i in range(400)])}

    with_ours = _split(labels, pd.Series(own + public + ours), len(own), len(public) + len(ours), TrainSettings(seed=0))
    without = _split(labels, pd.Series(own + public), len(own), len(public), TrainSettings(seed=0))

    first_ours = len(own) + len(public)
    assert set(range(first_ours, first_ours + len(ours))) <= set(with_ours["fit"])
    assert with_ours["calibration"].max() < first_ours and with_ours["test"].max() < len(own)
    for name in ("fit", "calibration", "test"):
        assert sorted(set(with_ours[name]) - set(range(first_ours, 1000))) == sorted(without[name])
