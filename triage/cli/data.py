"""`triage demo-data`, `triage import`, `triage validate`: labelled ticket files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from triage.cli._common import console, output_file, progress_bar
from triage.errors import TriageError


def register(app: typer.Typer) -> None:
    app.command("demo-data")(demo_data)
    app.command("import")(import_command)
    app.command("validate")(validate)


def demo_data(
    out: Annotated[Path, typer.Option(help="Where to write: .jsonl, .csv or .parquet.")],
    tickets: Annotated[int, typer.Option(min=1, help="How many tickets.")] = 20_000,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed writes the same bytes.")] = 0,
) -> None:
    """Write a synthetic, labelled demo history (the embedded default data set)."""
    from triage.datasets.demo import generate
    from triage.io import write_records

    output_file(out)  # before minutes of generating, not after
    with progress_bar() as progress:
        task = progress.add_task("generating tickets", total=tickets)
        history = generate(tickets, seed, on_progress=lambda done: progress.update(task, completed=done))
        progress.update(task, completed=tickets)
    write_records(history, out)
    console.print(f"wrote {len(history):,} labelled tickets to {out}")


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
    output_file(out)
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
