"""Out-of-core training (triage.model.streaming): the core sample, the streamed chunks, the heads that go on
learning from them, and `triage train`'s job on a history larger than the core."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from triage.cli.model import train_command
from triage.io import read_labelled, write_records
from triage.jobs import run_training
from triage.model.persistence import load_model
from triage.model.stacking import TEXT_HEADS
from triage.model.streaming import (
    DEFAULT_STREAM_ABOVE,
    chunk_labels,
    learn_from_stream,
    sample_history,
    streamable_heads,
    streamed_chunks,
)
from triage.model.training import data_hash, train
from triage.pipeline import Triage
from triage.policy.config import load_config


@pytest.fixture(scope="module")
def two_files(demo_history, tmp_path_factory):
    """The first 50 demo tickets as two files (30 + 20): a history given as repeated --data."""
    folder = tmp_path_factory.mktemp("history")
    first, second = (
        write_records(demo_history[:30], folder / "a.jsonl"),
        write_records(demo_history[30:50], folder / "b.jsonl"),
    )
    return [first, second], demo_history[:50]


def test_a_history_no_larger_than_the_core_is_read_whole_in_file_order(two_files):
    paths, tickets = two_files
    for size in (None, 50, 80):
        sample = sample_history(paths, size, seed=0)
        assert [t.id for t in sample.core] == [t.id for t in tickets]
        assert sample.rows == 50 and not sample.streamed
        assert sample.sha256 == data_hash(tickets)


def test_a_larger_history_keeps_a_seeded_uniform_sample_in_file_order(two_files):
    paths, tickets = two_files
    sample = sample_history(paths, 20, seed=3)
    assert sample.streamed and sample.rows == 50 and len(sample.core) == 20
    assert np.all(np.diff(sample.core_rows) > 0) and sample.core_rows.max() < 50
    assert [t.id for t in sample.core] == [tickets[row].id for row in sample.core_rows]
    assert sample.sha256 == data_hash(tickets)  # the card hashes the whole history, not the core
    assert sample_history(paths, 20, seed=3).core_rows.tolist() == sample.core_rows.tolist()
    assert sample_history(paths, 20, seed=4).core_rows.tolist() != sample.core_rows.tolist()
    assert sample.core_rows.max() >= 20  # not just the first rows: tickets of the second file are drawn too


def test_the_stream_holds_every_ticket_outside_the_core_once_in_file_order(two_files):
    paths, tickets = two_files
    sample = sample_history(paths, 20, seed=3)
    chunks = list(streamed_chunks(paths, sample, chunk_rows=7))
    assert [len(chunk) for chunk in chunks] == [7, 7, 7, 7, 2]
    outside = [t.id for row, t in enumerate(tickets) if row not in set(sample.core_rows.tolist())]
    assert [t.id for chunk in chunks for t in chunk] == outside


def test_the_sgd_text_heads_learn_from_streamed_tickets_and_the_others_say_why_not(demo_history):
    config = load_config()
    core, rest = demo_history[:400], demo_history[400:900]
    model = train(core, config).model
    learners = streamable_heads(model)
    assert {"frustration", "team_text"} <= set(learners)  # multi-class heads are SGD at any size
    before = {name: (linear.coef_.copy(), linear.class_weight) for name, linear in learners.items()}
    stream = learn_from_stream(model, iter([rest[:200], rest[200:]]), config)
    assert stream["streamed_rows"] == len(rest)
    labels = chunk_labels(rest, config)
    for name, linear in learners.items():
        assert stream["rows_learned"][name] == int(np.isin(labels[name], linear.classes_).sum()) > 0
        assert not np.array_equal(linear.coef_, before[name][0])
        assert linear.class_weight == before[name][1]  # the artefact keeps its parameters
    assert set(stream["core_only"]) == {name for name in TEXT_HEADS if name in model.heads} - set(learners)
    assert len(Triage.of(model).predict(rest[:3])) == 3


def test_triage_train_streams_a_history_larger_than_the_core_and_its_card_says_so(small_labelled_file, tmp_path):
    out = tmp_path / "model"
    card = run_training(small_labelled_file, out, track=False, stream_above=250)
    assert card["data"]["rows"] == 400 and sum(card["split"].values()) == 250
    training = card["training"]
    assert training["mode"] == "streamed" and training["streamed_rows"] == 150 and training["core_rows"] == 250
    assert "## Out-of-core training" in (out / "model_card.md").read_text()
    loaded = load_model(out)
    assert loaded.metadata["training"]["streamed_rows"] == 150
    assert len(Triage.of(loaded).predict(read_labelled(small_labelled_file)[:2])) == 2


def test_the_command_line_default_is_the_library_default():
    assert inspect.signature(train_command).parameters["stream_above"].default == DEFAULT_STREAM_ABOVE
