"""The `triage` command line: a thin layer over the library; every command exits non-zero with one line
on bad input."""

from __future__ import annotations

import sys
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


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=False,
    )


@app.command("demo-data")
def demo_data(
    out: Annotated[Path, typer.Option(help="Where to write: .jsonl, .csv or .parquet.")],
    tickets: Annotated[int, typer.Option(min=1, help="How many tickets.")] = 20_000,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed writes the same bytes.")] = 0,
) -> None:
    """Write a synthetic, labelled demo history (the embedded default data set)."""
    from triage.demo import generate
    from triage.io import write_records

    with progress_bar() as progress:
        task = progress.add_task("generating tickets", total=tickets)
        history = generate(tickets, seed, on_progress=lambda done: progress.update(task, completed=done))
        progress.update(task, completed=tickets)
    write_records(history, out)
    console.print(f"wrote {len(history):,} labelled tickets to {out}")


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


def main() -> None:
    try:
        app()
    except TriageError as error:
        # One line, never wrapped: scripts and helpdesk plugins parse it.
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
