"""`triage report risk`: the predicted-risk report for support managers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from triage.cli._common import ModelOption, PolicyOption, console, output_file
from triage.errors import TriageError

report_app = typer.Typer(help="Reports for support managers.", no_args_is_help=True)


@report_app.command("risk")
def risk(
    model: ModelOption,
    input: Annotated[Path, typer.Option("--input", help="Open tickets: .jsonl, .csv or .parquet.")],
    out: Annotated[Path, typer.Option(help="Where to write the page (.html).")],
    history: Annotated[
        Path | None, typer.Option(help="Closed, labelled tickets: weekly KPI trends and calibration on them.")
    ] = None,
    top: Annotated[int, typer.Option(min=1, help="Ranked rows shown with reasons and hand-offs.")] = 300,
    config: PolicyOption = None,
    processes: Annotated[
        int,
        typer.Option(
            min=1,
            help="Processes sharing the work (helpers are forked once the model is loaded); default: the CPU "
            "count, at most 4.",
        ),
    ] = min(4, os.cpu_count() or 1),
) -> None:
    """One self-contained HTML page: open tickets ranked by escalation risk, with reasons, tiers, teams and
    hand-offs; expected escalations per team; KPI trends; how far to trust the scores."""
    from triage.io import read_tickets
    from triage.reports.sections import closed_history
    from triage.reports.sharing import Sharing

    _check_html(out)
    if history is not None and not history.is_file():
        raise TriageError(f"{history}: no such file")
    # A helper forked now, before the model loads, reads the history, works out its trends and draws the
    # charts while this process imports and loads the model; the scoring is shared later (risk_report).
    with Sharing({"history": history}, min(processes, 2)) as early:
        pending = early.submit(closed_history) if history is not None else None
        from triage.pipeline import load_triage
        from triage.reports.risk import risk_report

        triage = load_triage(model, config)
        tickets = read_tickets(input)
        closed = pending.get() if pending is not None else None
        # A plain line, not a spinner: no thread may be writing to the terminal when the helpers are forked.
        console.print(f"scoring {len(tickets):,} open tickets and drawing the report")
        page = risk_report(triage, tickets, closed, top=top, processes=processes, drawing=early)
    output_file(out).write_text(page, encoding="utf-8")
    console.print(f"report on {len(tickets):,} open tickets written to {out} ({len(page.encode()) / 1e6:.1f} MB)")


def _check_html(out: Path) -> None:
    if out.suffix.lower() not in (".html", ".htm"):
        raise TriageError(f"{out}: the report is written as .html")
