"""What every command shares: the stderr console, progress bars, batching, and the one-line error exit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from triage.errors import TriageError

console = Console(stderr=True)

ModelOption = Annotated[Path, typer.Option(help="A model directory written by `triage train`.")]
TicketsOption = Annotated[Path, typer.Option("--input", help="Tickets: .jsonl, .csv or .parquet.")]

# The rules a command applies over a model (triage.policy): another configuration needs no retraining.
PolicyOption = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Escalation configuration to apply over the model; default: the one it was trained with."
    ),
]

# The rules a model is trained with (and keeps): its teams and tiers, which the team head learns.
TrainingConfigOption = Annotated[
    Path | None, typer.Option(help="Escalation configuration (YAML); default: the shipped one.")
]


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


def output_file(path: Path) -> Path:
    """An output file's path, its folder created; a one-line TriageError when it cannot be a file."""
    if path.is_dir():
        raise TriageError(f"{path}: is a directory; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # FileExistsError or NotADirectoryError when a parent is a regular file
        raise TriageError(f"{path}: cannot create its folder ({_reason(error)})") from None
    return path


def output_dir(path: Path) -> Path:
    """An output directory, created; a one-line TriageError when it cannot be one."""
    if path.exists() and not path.is_dir():
        raise TriageError(f"{path}: is a file, not a directory")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TriageError(f"{path}: cannot create the directory ({_reason(error)})") from None
    return path


def no_tickets(path: Path) -> TriageError:
    """An empty ticket file is an error, not a quiet success: an export that wrote nothing (a failed job, a
    wrong path) would otherwise leave an empty output that looks like a run over a quiet day."""
    return TriageError(f"{path}: no tickets in the file; nothing to do")


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__
