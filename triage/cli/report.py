"""`triage report risk`: the predicted-risk report for support managers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

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


def drift(
    reference: Annotated[Path, typer.Option(help="Tickets of the reference period (e.g. the training data).")],
    current: Annotated[Path, typer.Option(help="Tickets of the current period.")],
    out: Annotated[Path, typer.Option(help="Where to write the page (.html).")],
    model: Annotated[
        Path | None, typer.Option(help="A model directory: compare what it predicts and how sure it is, too.")
    ] = None,
    config: PolicyOption = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the figures as JSON here.")] = None,
) -> None:
    """Has what comes in changed since the reference period? Population stability index and a statistical
    test per feature (channel, plan, language, length, earlier turns, vocabulary; with --model the predicted
    labels and confidence), the verdict in words (stable, watch or retrain), and an HTML page with plots."""
    import json

    from triage.io import read_tickets
    from triage.reports.drift import compare, drift_page

    _check_html(out)
    periods = {}
    for name, path in (("reference", reference), ("current", current)):
        periods[name] = read_tickets(path)
        if not periods[name]:
            raise TriageError(f"{path}: no tickets in the {name} period")
    predictions: dict[str, Any] = {"reference_predictions": None, "current_predictions": None}
    model_name = None
    if model is not None:
        from triage.pipeline import load_triage

        triage = load_triage(model, config)
        for name, tickets in periods.items():
            predictions[f"{name}_predictions"] = triage.predict(tickets, explain=False)
        ref = triage.model.model_ref
        model_name = f"{ref.name} {ref.version}" + (f" ({ref.alias})" if ref.alias else "")
    report = compare(periods["reference"], periods["current"], **predictions, model=model_name)
    output_file(out).write_text(drift_page(report, str(reference), str(current)), encoding="utf-8")
    if json_out is not None:
        output_file(json_out).write_text(json.dumps(report.to_dict(), indent=2), encoding="utf-8")
    for feature in report.features:
        print(f"{feature.name:28} PSI {feature.psi:7.3f}  p {feature.p_value:9.2g}  {feature.status}")
    print(report.summary, flush=True)
    console.print(f"drift report written to {out}")


def _check_html(out: Path) -> None:
    if out.suffix.lower() not in (".html", ".htm"):
        raise TriageError(f"{out}: the report is written as .html")


def register(app: typer.Typer) -> None:
    """`triage drift` sits at the top level, beside `triage report risk`."""
    app.command("drift")(drift)
