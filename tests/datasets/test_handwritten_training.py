"""Our hand-written tickets as training rows (triage.datasets.handwritten): frustration and the technical and
financial triggers (never legal, escalation, tier or team), each ticket a fixed number of times, never a blind
check's ticket; fit rows only, the public rows' split unchanged."""

import pandas as pd

from triage.datasets import handwritten
from triage.datasets.handwritten import handwritten_training_tickets
from triage.io import read_labelled
from triage.model.training import TrainSettings, _split


def test_training_rows_carry_frustration_and_two_triggers_and_come_in_copies():
    rows = handwritten_training_tickets()
    truth = {
        f"{handwritten.SOURCE}:{name}:{ticket.id}": ticket.triggers
        for name in handwritten.TRAINING_SETS
        for ticket in read_labelled(handwritten.ANNOTATIONS / f"{name}.jsonl")
    }

    assert len(rows) == len(truth) * handwritten.COPIES
    assert len({row.id.rsplit("#", 1)[0] for row in rows}) == len(truth)
    assert all(row.frustration is not None for row in rows)
    assert all(row.escalated is None and row.tier is None and row.team is None for row in rows)
    assert "legal" not in handwritten.TRIGGERS  # legal is learned from the public sets alone
    for row in rows:
        labelled = truth[row.id.rsplit("#", 1)[0]]
        assert row.labelled_triggers == list(handwritten.TRIGGERS)
        assert sorted(row.triggers or []) == sorted(t for t in labelled or [] if t in handwritten.TRIGGERS)
    assert any("technical" in row.triggers for row in rows) and any("financial" in row.triggers for row in rows)
    assert any(not row.triggers for row in rows)
    assert any("legal" in (labelled or []) for labelled in truth.values())  # a legal label is there, and dropped


def test_a_ticket_without_trigger_labels_teaches_no_trigger(tmp_path):
    (tmp_path / "handwritten.jsonl").write_text(
        '{"id": "T1", "subject": "Login", "body": "It fails.", "frustration": 1}\n'
        '{"id": "T2", "subject": "Refund", "body": "Charged twice, sue you.", "frustration": 2,'
        ' "triggers": ["financial", "legal"]}\n'
    )
    unlabelled, labelled = handwritten_training_tickets(tmp_path)[:: handwritten.COPIES]

    assert unlabelled.triggers is None and unlabelled.labelled_triggers is None
    assert labelled.triggers == ["financial"] and labelled.labelled_triggers == list(handwritten.TRIGGERS)


def _words(ticket) -> str:  # noqa: ANN001
    return " ".join(f"{ticket.subject} {ticket.body}".lower().split())


def test_the_blind_checks_are_never_training_rows():
    assert not set(handwritten.TRAINING_SETS) & set(handwritten.HELD_OUT_SETS)
    rows = handwritten_training_tickets()
    trained_ids = {row.id.rsplit("#", 1)[0].split(":", 2)[2] for row in rows}
    trained_texts = {_words(row) for row in rows}
    for name in handwritten.HELD_OUT_SETS:
        path = handwritten.ANNOTATIONS / f"{name}.jsonl"
        assert path.exists(), f"{name} is a blind check the benchmarks report: it must be in the repository"
        blind = read_labelled(path)
        assert not trained_ids & {ticket.id for ticket in blind}, name
        # A ticket copied into a training set under another id is the same leak.
        assert not trained_texts & {_words(ticket) for ticket in blind}, name


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
