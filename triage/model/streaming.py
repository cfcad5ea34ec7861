"""Training on histories larger than memory: a bounded core trained as usual, the rest streamed.

Held whole, a history costs ~38 KB of memory per ticket at training time (7.7 GB at 200,000 demo tickets,
benchmarks/cost_curve.py): the validated tickets, the feature matrix and its topic view, and the heads' row
slices all grow with it. Above ``stream_above`` tickets, training keeps memory bounded instead:

1. One pass over the files keeps a uniform random sample of ``stream_above`` tickets (reservoir sampling,
   seeded), the *core*, and hashes every ticket for the model card. A history no larger than that is the
   core itself, in file order, and trains exactly as before.
2. The core trains the whole model as usual (triage.model.training.train): the hashed-feature pipeline's
   seen n-grams, idf and scalers, every head, its calibration, the second stage and the policy thresholds;
   its test split is the model card's.
3. A second pass streams the other tickets in chunks of ``chunk_rows``: each chunk is featurised by the
   fitted pipeline (n-grams the core never saw give no feature, as for any new ticket) and the text heads'
   SGD models learn from it with ``partial_fit``, one pass, continuing their own learning-rate schedule.
   Heads that are not SGD (exact logistic regressions of small binary heads, the second stage) or are
   calibrated over folds keep what the core taught them.

Peak memory is then that of training on the core plus one chunk, whatever the history's size; time stays
linear (the streamed tickets cost their featurisation and one SGD step each).
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import SGDClassifier

from triage.io import iter_records, to_frame
from triage.model.scorer import TriageModel
from triage.model.stacking import TEXT_HEADS
from triage.model.training import (
    DERIVED_HEADS,
    TOPIC_HEADS,
    _label_array,
    calibrated_over_folds,
    label_columns,
    routed_team_labels,
    topic_inputs,
)
from triage.policy.config import EscalationConfig
from triage.schema import LabelledTicket

DEFAULT_STREAM_ABOVE = 100_000
CHUNK_ROWS = 5_000


@dataclass
class HistorySample:
    """The tickets training holds in memory (all of them when the history is small enough) and what the
    model card says about the whole history."""

    core: list[LabelledTicket]  # in file order
    core_rows: np.ndarray  # their row numbers in the history (files concatenated), ascending
    rows: int  # tickets in the history
    sha256: str  # triage.model.training.data_hash of every ticket, in file order

    @property
    def streamed(self) -> bool:
        return len(self.core) < self.rows


def history_tickets(paths: Sequence[Path]) -> Iterator[LabelledTicket]:
    """The labelled tickets of the files, validated one by one, files in order."""
    for path in paths:
        yield from iter_records(path, LabelledTicket)


def sample_history(paths: Sequence[Path], size: int | None, seed: int) -> HistorySample:
    """Every ticket when there are at most ``size`` (or ``size`` is None), else a uniform sample of ``size``
    tickets (reservoir sampling, Algorithm R, seeded), kept in file order; one pass over the files."""
    reservoir: list[tuple[int, LabelledTicket]] = []
    digest = hashlib.sha256()  # as data_hash: each ticket's JSON, in file order
    rng = np.random.default_rng(seed)
    rows = 0
    for rows, ticket in enumerate(history_tickets(paths), start=1):
        digest.update(ticket.model_dump_json().encode())
        if size is None or rows <= size:
            reservoir.append((rows - 1, ticket))
            continue
        slot = int(rng.integers(0, rows))
        if slot < size:
            reservoir[slot] = (rows - 1, ticket)
    reservoir.sort(key=lambda pair: pair[0])
    return HistorySample(
        [ticket for _, ticket in reservoir],
        np.array([row for row, _ in reservoir], dtype=np.int64),
        rows,
        digest.hexdigest(),
    )


def streamed_chunks(paths: Sequence[Path], sample: HistorySample, chunk_rows: int) -> Iterator[list[LabelledTicket]]:
    """The tickets outside the core, in file order, ``chunk_rows`` at a time."""
    core = set(sample.core_rows.tolist())
    chunk: list[LabelledTicket] = []
    for row, ticket in enumerate(history_tickets(paths)):
        if row in core:
            continue
        chunk.append(ticket)
        if len(chunk) == chunk_rows:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def streamable_heads(model: TriageModel) -> dict[str, SGDClassifier]:
    """The text heads that can go on learning: one SGD model behind a calibrator fitted on held-out rows."""
    learners = {}
    for name in TEXT_HEADS:
        head = model.heads.get(name)
        # A head calibrated over folds is an ensemble that learned from its calibration rows too: left as is.
        if head is not None and not calibrated_over_folds(head):
            linear = head.calibrated_classifiers_[0].estimator.estimator
            if isinstance(linear, SGDClassifier):
                learners[name] = linear
    return learners


def chunk_labels(chunk: Sequence[LabelledTicket], config: EscalationConfig) -> dict[str, np.ndarray]:
    """Each text head's labels for the chunk as training encodes them (-1 or "" where a row has none: never
    one of a head's classes)."""
    frame = to_frame(chunk)
    labels = label_columns(frame)
    if "team" in labels:
        with warnings.catch_warnings():  # the core's training already reported labels naming no team
            warnings.simplefilter("ignore")
            labels["team"], _ = routed_team_labels(labels["team"], frame["id"], config)
    for derived, source in DERIVED_HEADS.items():
        if source in labels:
            labels[derived] = labels[source]
    return {name: _label_array(name, labels[name]) for name in TEXT_HEADS if name in labels}


def learn_from_stream(
    model: TriageModel,
    chunks: Iterator[list[LabelledTicket]],
    config: EscalationConfig,
    on_step: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """The streamable text heads learn from every chunk (``partial_fit``, one pass); returns what the model
    card says: rows streamed, and each head's rows learned or why it learned none."""
    step = on_step or (lambda _: None)
    learners = streamable_heads(model)
    learned = dict.fromkeys(learners, 0)
    columns = model.features.named_steps["features"]
    # partial_fit refuses "balanced" class weights: the weights the core's fit computed stand for them.
    balanced = [linear for linear in learners.values() if linear.class_weight == "balanced"]
    for linear in balanced:
        linear.class_weight = dict(zip(linear.classes_, linear._expanded_class_weight, strict=True))
    streamed = 0
    try:
        for chunk in chunks:
            streamed += len(chunk)
            step(f"streaming the history: {streamed:,} tickets beyond the core")
            X = model.analyse(chunk)[1]
            X_topic = topic_inputs(X, columns) if any(name in TOPIC_HEADS for name in learners) else X
            labels = chunk_labels(chunk, config)
            for name, linear in learners.items():
                y = labels.get(name)
                if y is None:
                    continue
                # Unlabelled rows, and labels the core never saw (no column to learn them in), are left out.
                rows = np.flatnonzero(np.isin(y, linear.classes_))
                if len(rows):
                    linear.partial_fit((X_topic if name in TOPIC_HEADS else X)[rows], y[rows])
                    learned[name] += len(rows)
    finally:
        for linear in balanced:
            linear.class_weight = "balanced"
    not_streamed = {
        name: "an exact logistic regression or a calibration over folds: learned from the core only"
        for name in TEXT_HEADS
        if name in model.heads and name not in learners
    }
    return {"streamed_rows": streamed, "rows_learned": learned, "core_only": not_streamed}


def describe(sample: HistorySample, stream: dict[str, Any], chunk_rows: int) -> dict[str, Any]:
    """The model card's account of an out-of-core training."""
    return {
        "mode": "streamed",
        "history_rows": sample.rows,
        "core_rows": len(sample.core),
        "chunk_rows": chunk_rows,
        **stream,
        "summary": (
            f"Out of core: the history has {sample.rows:,} tickets, more than the {len(sample.core):,} held in "
            f"memory. A uniform random sample of {len(sample.core):,} (the core) trained the feature pipeline, "
            "every head, the calibration and the thresholds, and holds the test split; the other "
            f"{stream['streamed_rows']:,} were streamed in chunks of {chunk_rows:,}, and the SGD text heads "
            f"({', '.join(stream['rows_learned']) or 'none'}) learned from them in one pass (partial_fit)."
        ),
    }


def training_section(card: dict[str, Any]) -> str:
    """The model card's Markdown section on an out-of-core training; empty for a history held in memory."""
    training = card.get("training")
    if not training:
        return ""
    lines = ["", "## Out-of-core training", "", training["summary"], ""]
    lines += [f"- `{name}`: {rows:,} streamed rows learned" for name, rows in training["rows_learned"].items()]
    lines += [f"- `{name}`: {reason}" for name, reason in training["core_only"].items()]
    return "\n".join(lines) + "\n"
