"""The `triage` command line: a thin layer over the library; every command exits non-zero with one line
on bad input."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from triage.errors import TriageError

app = typer.Typer(
    help="ML-assisted support-ticket triage and escalation prediction.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console(stderr=True)


def batches(items: list, size: int = 256) -> Iterator[list]:
    """Consecutive slices, so long files show progress and never sit in memory as predictions at once."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


@app.command("demo-data")
def demo_data(
    out: Annotated[Path, typer.Option(help="Where to write: .jsonl, .csv or .parquet.")],
    tickets: Annotated[int, typer.Option(min=1, help="How many tickets.")] = 20_000,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed writes the same bytes.")] = 0,
) -> None:
    """Write a synthetic, labelled demo history (the embedded default data set)."""
    from triage.datasets.demo import generate
    from triage.io import write_records

    with progress_bar() as progress:
        task = progress.add_task("generating tickets", total=tickets)
        history = generate(tickets, seed, on_progress=lambda done: progress.update(task, completed=done))
        progress.update(task, completed=tickets)
    write_records(history, out)
    console.print(f"wrote {len(history):,} labelled tickets to {out}")


@app.command("import")
def import_command(
    out: Annotated[Path, typer.Option(help="Where to write the labelled tickets: .jsonl, .csv or .parquet.")],
    split: Annotated[
        str,
        typer.Option(
            help="A benchmark split (e.g. banking77_intent), or 'shippable' for the default model's real data."
        ),
    ] = "shippable",
    side: Annotated[str, typer.Option(help="train or test (benchmark splits only).")] = "train",
    optional: Annotated[
        bool, typer.Option(help="Write an empty file instead of failing when the data is absent.")
    ] = False,
) -> None:
    """Turn public data sets (read in place from ../shared/data or TRIAGE_SHARED_DATA) into labelled tickets."""
    from triage.datasets.public import SPLITS, load_split, shared_data_dir, shippable_training_tickets
    from triage.io import write_records

    if split != "shippable" and split not in SPLITS:
        raise TriageError(f"unknown split {split!r}; use 'shippable' or one of {', '.join(SPLITS)}")
    if side not in ("train", "test"):
        raise TriageError(f"--side must be train or test, not {side!r}")
    try:
        shared_data_dir()
    except TriageError as error:
        if not optional:
            raise
        write_records([], out)
        console.print(f"{error}; wrote an empty {out}")
        return
    with console.status(f"importing {split}"):
        tickets = shippable_training_tickets() if split == "shippable" else getattr(load_split(split), side)
    write_records(tickets, out)
    console.print(f"wrote {len(tickets):,} labelled tickets to {out}")


@app.command("validate")
def validate(
    path: Annotated[Path, typer.Argument(help="A .jsonl, .csv or .parquet file of tickets.")],
) -> None:
    """Check that every row of a ticket file matches the data contract."""
    from triage.io import read_labelled

    rows = read_labelled(path)
    labelled = sum(
        any(getattr(row, field) is not None for field in ("triggers", "escalated", "frustration", "tier", "team"))
        for row in rows
    )
    console.print(f"{path}: {len(rows):,} valid tickets, {labelled:,} with labels")


@app.command("train")
def train_command(
    data: Annotated[
        list[Path], typer.Option(help="Labelled tickets: .jsonl, .csv or .parquet; repeat to combine files.")
    ],
    out: Annotated[Path, typer.Option(help="Directory to write the model to.")],
    config: Annotated[
        Path | None, typer.Option(help="Escalation configuration (YAML); default: the shipped one.")
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed for the split and the models.")] = 0,
    track: Annotated[bool, typer.Option(help="Log the run to MLflow and register the model.")] = True,
    frustration_learned_share: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            help="The learned frustration head's share of the score (the rest: the lexicon). "
            "0 suits the synthetic demo history; use 1.0 for your own labelled history.",
        ),
    ] = 0.0,
) -> None:
    """Train every head the data has labels for, log the run to MLflow, write the model to OUT."""
    from triage.jobs import run_training
    from triage.model.training import TrainSettings

    with console.status("training") as status:
        card = run_training(
            data,
            out,
            config,
            TrainSettings(seed=seed, frustration_learned_share=frustration_learned_share),
            track=track,
            on_step=lambda step: status.update(f"training: {step}"),
        )
    escalation = card["metrics"].get("escalation", {})
    console.print(f"model written to {out} (model card: {out / 'model_card.md'})")
    if escalation:
        console.print(f"escalation ROC-AUC on held-out tickets: {escalation['roc_auc']:.3f}")
    if "mlflow" in card:
        registry = card["mlflow"]
        console.print(
            f"MLflow run {registry['run_id']} in {registry['tracking_uri']}: registered triage version "
            f"{registry['version']}{' (champion)' if registry['alias'] else ''}"
        )


@app.command("predict")
def predict_command(
    model: Annotated[Path, typer.Option(help="A model directory written by `triage train`.")],
    input: Annotated[Path, typer.Option("--input", help="Tickets: .jsonl, .csv or .parquet.")],
    output: Annotated[Path, typer.Option(help="Where to write predictions (.jsonl), one per input row, in order.")],
) -> None:
    """Predict triggers, escalation, frustration and a recommendation for every ticket."""
    from triage.io import read_tickets
    from triage.model.persistence import load_model

    if output.suffix.lower() != ".jsonl":
        raise TriageError(f"{output}: predictions are written as .jsonl")
    loaded = load_model(model)
    tickets = read_tickets(input)
    output.parent.mkdir(parents=True, exist_ok=True)
    with progress_bar() as progress, output.open("w", encoding="utf-8") as out:
        task = progress.add_task("predicting", total=len(tickets))
        for batch in batches(tickets):
            for prediction in loaded.predict(batch):
                out.write(prediction.model_dump_json() + "\n")
            progress.update(task, advance=len(batch))
    console.print(f"wrote {len(tickets):,} predictions to {output}")


@app.command("evaluate")
def evaluate_command(
    model: Annotated[Path, typer.Option(help="A model directory written by `triage train`.")],
    data: Annotated[Path, typer.Option(help="Labelled tickets: .jsonl, .csv or .parquet.")],
    report: Annotated[Path, typer.Option(help="Where to write the metrics (.json).")],
) -> None:
    """Metrics of every head on labelled data: per class, macro-averaged, calibration, coverage."""
    from triage.jobs import run_evaluation

    with console.status("evaluating"):
        result = run_evaluation(model, data, report)
    for head, metrics in result["heads"].items():
        headline = metrics.get("roc_auc") or metrics.get("macro_f1") or metrics.get("spearman")
        console.print(f"{head}: n={metrics['n']}, headline {headline if headline is None else round(headline, 3)}")
    console.print(f"report written to {report}")


config_app = typer.Typer(help="Escalation configuration files.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("check")
def config_check(
    path: Annotated[Path, typer.Argument(help="An escalation configuration file (YAML).")],
) -> None:
    """Validate an escalation configuration file; one line either way."""
    from triage.policy.config import check_config

    print(check_config(path))


@app.command("handoff")
def handoff_command(
    model: Annotated[Path, typer.Option(help="A model directory written by `triage train`.")],
    input: Annotated[Path, typer.Option("--input", help="Tickets: .jsonl, .csv or .parquet.")],
    out: Annotated[Path, typer.Option(help="Directory for the drafts.")],
    templates: Annotated[
        Path | None, typer.Option(help="Directory of Jinja2 templates overriding the shipped ones.")
    ] = None,
) -> None:
    """Draft the escalation hand-off (text and HTML) and the customer acknowledgement for every escalated ticket."""
    import json
    import re

    from triage.io import read_tickets
    from triage.model.persistence import load_model

    if templates is not None and not templates.is_dir():
        raise TriageError(f"{templates}: no such template directory")
    loaded = load_model(model)
    tickets = read_tickets(input)
    out.mkdir(parents=True, exist_ok=True)
    drafted = 0
    with progress_bar() as progress, (out / "index.jsonl").open("w", encoding="utf-8") as index:
        task = progress.add_task("drafting hand-offs", total=len(tickets))
        for batch in batches(tickets):
            for prediction, handoff, acknowledgement in loaded.handoffs(batch, templates):
                entry = {"id": prediction.id, "escalate": prediction.escalation.escalate}
                if handoff is not None and acknowledgement is not None:
                    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", prediction.id)
                    (out / f"{stem}.handoff.txt").write_text(f"Subject: {handoff.subject}\n\n{handoff.text}")
                    (out / f"{stem}.handoff.html").write_text(handoff.html)
                    (out / f"{stem}.acknowledgement.txt").write_text(
                        f"Subject: {acknowledgement.subject}\n\n{acknowledgement.text}"
                    )
                    entry.update(
                        template=handoff.template,
                        subject=handoff.subject,
                        files=stem,
                        missing_information=handoff.missing_information,
                    )
                    drafted += 1
                index.write(json.dumps(entry) + "\n")
            progress.update(task, advance=len(batch))
    console.print(f"{drafted:,} of {len(tickets):,} tickets escalated; drafts in {out} (index: {out / 'index.jsonl'})")


@app.command("serve")
def serve_command(
    model: Annotated[Path, typer.Option(help="A model directory written by `triage train`.")],
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API (one worker process; see TRAPS.md on uvicorn workers)."""
    import uvicorn

    from service.app import create_app
    from triage.model.persistence import read_metadata

    read_metadata(model)  # fail fast, in one line, on a directory that holds no model
    uvicorn.run(create_app(model), host=host, port=port, log_level="info")


def main() -> None:
    try:
        app()
    except TriageError as error:
        # One line, never wrapped: scripts and helpdesk plugins parse it.
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
