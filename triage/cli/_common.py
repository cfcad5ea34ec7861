"""What every command shares: the stderr console, progress bars, batching, and the one-line error exit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

console = Console(stderr=True)

# The rules a command applies over a model (triage.policy): another configuration needs no retraining.
PolicyOption = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Escalation configuration to apply over the model; default: the one it was trained with."
    ),
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
