"""The jobs behind `triage train` and `triage evaluate`: read, train or score, evaluate, write, log."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from triage.datasets import handwritten
from triage.datasets.handwritten import handwritten_training_tickets
from triage.datasets.public import DATASETS, DEFAULT_TRAINING_SOURCES, PublicTrainingData, public_training_data
from triage.errors import TriageError
from triage.evaluation import Evaluation, evaluate
from triage.evaluation.model_card import render_markdown, write_plots
from triage.io import read_labelled
from triage.model.persistence import library_versions, save_model, write_metadata
from triage.model.scorer import TriageModel
from triage.model.streaming import (
    CHUNK_ROWS,
    DEFAULT_STREAM_ABOVE,
    HistorySample,
    describe,
    learn_from_stream,
    sample_history,
    streamed_chunks,
    training_section,
)
from triage.model.training import TrainingResult, TrainSettings, data_hash, train
from triage.pipeline import Triage, load_triage
from triage.policy import check_against_model
from triage.policy.config import load_config
from triage.schema import TRIGGERS, LabelledTicket, Ticket

EXAMPLE_TICKETS = 3
MIN_TRAINING_TICKETS = 50


def run_training(
    data: Path | Sequence[Path],
    out: Path,
    config_path: Path | None = None,
    settings: TrainSettings | None = None,
    track: bool = True,
    on_step: Callable[[str], None] | None = None,
    public_data: bool = False,
    stream_above: int | None = DEFAULT_STREAM_ABOVE,
) -> dict[str, Any]:
    """Train on labelled files, evaluate on the held-out test split, save the model and its card, and
    (with ``track``) log the run to MLflow and register the model. Returns the model card.

    With ``public_data``, the permissively licensed public data sets (triage.datasets.public) join the
    training with their partial labels, and the policy's thresholds are chosen on their held-out rows; where
    the shared data folder or a data set is absent, training goes on without it and the card says so.

    A history of more than ``stream_above`` tickets trains out of core (triage.model.streaming): a random
    sample of that many trains the model and holds the test split, and the SGD text heads learn from the
    rest streamed in chunks, so memory stays bounded. None holds every history in memory."""
    step = on_step or (lambda _: None)
    settings = settings or TrainSettings()
    config = load_config(config_path)
    step("reading data")
    paths = [Path(data)] if isinstance(data, (str, Path)) else [Path(p) for p in data]
    history = sample_history(paths, stream_above, settings.seed)
    tickets = history.core
    if history.rows < MIN_TRAINING_TICKETS:
        raise TriageError(
            f"{', '.join(map(str, paths))}: {history.rows} tickets; training needs at least {MIN_TRAINING_TICKETS}"
        )
    public = _public_data(step) if public_data else None
    result = train(tickets, config, settings, on_step=step, public=public.tickets if public else ())
    # A model must be able to run the rules it was trained with (a rule reading a team's probability needs
    # that team's labels): refuse here, before a model that cannot load is written.
    check_against_model(config, result.model.team_names, config_path.name if config_path else "escalation.yaml")
    if history.streamed:
        stream = learn_from_stream(result.model, streamed_chunks(paths, history, CHUNK_ROWS), config, step)
        result.model.metadata["training"] = describe(history, stream, CHUNK_ROWS)
    step("evaluating on the test split")
    evaluation = evaluate(result.model, [tickets[i] for i in result.split["test"]])
    card = _card(paths, history, settings, result, evaluation)
    card["public_data"] = _public_data_summary(public)
    model = result.model
    model.metadata.update(
        {
            "name": "triage",
            "version": "unregistered",
            "alias": None,
            "trained_at": card["trained_at"],
            "data_sha256": card["data"]["sha256"],
            "metrics": card["metrics"],
        }
    )
    step("saving")
    save_model(model, out)
    card["fallback_heads"] = list(model.fallback_heads)
    card["libraries"] = library_versions()
    card["plots"] = [str(p) for p in write_plots(evaluation.held_out, out)]
    if track:
        step("logging to MLflow")
        _write_card(out, card)
        try:
            registry = _track(model, out, card, tickets[:EXAMPLE_TICKETS], settings)
        except TriageError:
            # Nothing was registered: the directory must not claim the version it was stamped with.
            model.metadata.update({"version": "unregistered", "alias": None})
            write_metadata(out, model.metadata)
            raise
        model.metadata["mlflow"] = registry
        card["version"] = registry["version"]
        card["mlflow"] = registry
        write_metadata(out, model.metadata)
    _write_card(out, card)
    return card


def _public_data(step: Callable[[str], None]) -> PublicTrainingData:
    """The public training rows, or none (with the reason) where the shared data folder is absent, and our own
    hand-written tickets (in the repository, so a clone without the shared folder has them too)."""
    step("reading the public data sets")
    try:
        public = public_training_data()
    except TriageError as error:
        public = PublicTrainingData([], {}, {"shared data": str(error)})
    written = handwritten_training_tickets()
    if written:
        public.tickets += written
        public.rows[handwritten.NAME] = len(written)
    return public


def _public_data_summary(public: PublicTrainingData | None) -> dict[str, Any]:
    """What the card says about the public data: each set used (rows, licence, labels) and each absent."""
    if public is None:
        return {"requested": False, "used": {}, "absent": {}}
    sources = {name: (DATASETS[name].licence, source.described) for name, source in DEFAULT_TRAINING_SOURCES.items()}
    sources[handwritten.NAME] = (
        handwritten.LICENCE,
        f"{handwritten.LABELS}; {len(handwritten.TRAINING_SETS)} sets, each ticket {handwritten.COPIES} times",
    )
    used = {
        name: {"rows": rows, "licence": sources[name][0], "labels": sources[name][1]}
        for name, rows in public.rows.items()
    }
    return {"requested": True, "used": used, "absent": dict(public.absent), "sha256": data_hash(public.tickets)}


def _card(
    paths: list[Path],
    history: HistorySample,
    settings: TrainSettings,
    result: TrainingResult,
    evaluation: Evaluation,
) -> dict[str, Any]:
    """The model card's content (metrics on the test split; the split sizes training really used; how the
    model was trained when the history was streamed)."""
    card = {
        "name": "triage",
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "data": {"path": ", ".join(map(str, paths)), "rows": history.rows, "sha256": history.sha256},
        "seed": settings.seed,
        "settings": asdict(settings),
        "split": {part: len(rows) for part, rows in result.split.items()},
        "metrics": evaluation.report["heads"],
        "skipped_heads": result.skipped_heads,
        "labels": {"triggers": list(TRIGGERS), "teams": result.model.team_names},
        "frustration_learned_share": result.model.frustration_learned_share,
        "tuned_on": result.tuned_on,
    }
    if "training" in result.model.metadata:
        card["training"] = result.model.metadata["training"]
    return card


def _track(
    model: TriageModel, out: Path, card: dict[str, Any], examples: list[LabelledTicket], settings: TrainSettings
) -> dict[str, Any]:
    from triage.tracking import flat_metrics, log_training_run

    # The input example is what a client sends: the ticket without its outcome labels.
    inputs = [Ticket.model_validate(t.model_dump()).model_dump_json(exclude_none=True) for t in examples]
    outputs = [p.model_dump_json() for p in Triage.of(model).predict(examples)]

    def stamp(version: str, alias: str | None) -> None:
        # Before logging: the logged copy of the model directory names the version it is registered as.
        model.metadata.update({"version": version, "alias": alias})
        write_metadata(out, model.metadata)

    return log_training_run(
        out,
        params={
            "seed": settings.seed,
            "alpha": settings.alpha,
            "epochs": settings.epochs,
            "rows": card["data"]["rows"],
            "data_sha256": card["data"]["sha256"][:16],
        },
        metrics=flat_metrics(card["metrics"]),
        artefacts=[out / "model_card.md", out / "model_card.json", *map(Path, card["plots"])],
        input_example=inputs,
        output_example=outputs,
        stamp=stamp,
    )


def _write_card(out: Path, card: dict[str, Any]) -> None:
    (out / "model_card.json").write_text(json.dumps(card, indent=2, default=str))
    (out / "model_card.md").write_text(render_markdown(card) + training_section(card))


def run_evaluation(model_dir: Path, data: Path, report_path: Path, policy_file: Path | None = None) -> dict[str, Any]:
    """`triage evaluate`: every head and the policy's decisions on a labelled file, written as JSON."""
    triage = load_triage(model_dir, policy_file)
    report = evaluate(triage.model, read_labelled(data), triage.policy).report
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(json.dumps(report, indent=2, default=str))
    return report
