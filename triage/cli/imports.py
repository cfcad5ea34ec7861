"""`triage import-history`, `triage import-mapping`: a helpdesk's ticket export → labelled tickets for
`triage train --data`, labelled through a mapping file the user edits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from triage.cli._common import console, output_file
from triage.errors import TriageError

FORMAT_HELP = "zendesk-json, zendesk-csv, freshdesk-json, jira-json or csv (generic; needs --mapping with columns)."
SHOWN_SKIPS = 20  # on the terminal; --report has them all


def register(app: typer.Typer) -> None:
    app.command("import-history")(import_history)
    app.command("import-mapping")(import_mapping)


def import_history(
    export: Annotated[Path, typer.Option("--input", help="The export file (.json, .jsonl or .csv).")],
    export_format: Annotated[str, typer.Option("--format", help=FORMAT_HELP)],
    out: Annotated[Path, typer.Option(help="Where to write the labelled tickets: .jsonl, .csv or .parquet.")],
    mapping: Annotated[
        Path | None,
        typer.Option(help="Label mapping (YAML); default: the vendor's (see `triage import-mapping FORMAT`)."),
    ] = None,
    report: Annotated[
        Path | None, typer.Option(help="Also write the import report (counts and every skipped row) as JSON.")
    ] = None,
    holdout: Annotated[
        Path | None,
        typer.Option(help="Write the most recent tickets here instead of to --out: the frozen held-out file."),
    ] = None,
    holdout_share: Annotated[float, typer.Option(min=0.01, max=0.99, help="The share --holdout takes.")] = 0.2,
    exclude: Annotated[
        list[Path] | None,
        typer.Option(help="Leave out tickets whose ids are in this file (an earlier held-out file); repeatable."),
    ] = None,
) -> None:
    """Read a ticket export, label each row from the export's own fields through the mapping, write the
    labelled tickets, and report how many rows each label got and which rows were skipped, and why."""
    from triage.importers import import_export, split_recent
    from triage.io import read_labelled, write_records

    output_file(out)
    if holdout is not None:
        output_file(holdout)
    excluded = {ticket.id for path in exclude or [] for ticket in read_labelled(path)}
    result = import_export(export, export_format, mapping)
    if not result.tickets:
        reasons = "; ".join(f"row {s.number}: {s.reason}" for s in result.skipped[:3])
        raise TriageError(f"{export}: none of its {result.rows} rows could be imported ({reasons or 'no rows'})")
    training = [ticket for ticket in result.tickets if ticket.id not in excluded]
    left_out = len(result.tickets) - len(training)
    held_out: list = []
    if holdout is not None:
        if len(training) < 2:
            raise TriageError(f"{export}: {len(training)} ticket(s) to train on, too few to hold any out")
        training, held_out = split_recent(training, holdout_share)
        write_records(held_out, holdout)
    write_records(training, out)
    summary = result.summary()
    say(f"imported {len(result.tickets)} of {result.rows} rows from {export}: {len(training)} to {out}")
    if holdout is not None:
        say(f"  {len(held_out)} most recent to {holdout} (held out: keep this file unchanged across retrainings)")
    if left_out:
        say(f"  {left_out} left out: their ids are in --exclude")
    for label, values in summary["labels"].items():
        shown = ", ".join(f"{value} {n}" for value, n in list(values.items())[:8])
        say(f"  {label}: {sum(values.values())} rows ({shown}{', ...' if len(values) > 8 else ''})")
    if summary["escalated_by_rule"]:
        rules = ", ".join(f"{rule} {n}" for rule, n in summary["escalated_by_rule"].items())
        say(f"  escalated by rule: {rules}")
    for rule, n in summary["escalation_rules_the_export_cannot_tell"].items():
        say(f"  [yellow]escalation rule {rule}: the export does not say, for {n} rows[/]")
    if result.counts.unsettled:
        say(f"  {result.counts.unsettled} rows not settled (status) left without an escalation label")
    if result.replaced:
        say(f"  {result.replaced} rows repeated an earlier ticket id: the later row was kept")
    if result.skipped:
        say(f"[yellow]skipped {len(result.skipped)} rows:[/]")
        for skip in result.skipped[:SHOWN_SKIPS]:
            console.print(f"  row {skip.number}: {skip.reason}", markup=False, highlight=False, soft_wrap=True)
        if len(result.skipped) > SHOWN_SKIPS:
            say(f"  ... and {len(result.skipped) - SHOWN_SKIPS} more (see --report)")
    if report is not None:
        output_file(report).write_text(json.dumps(summary, indent=2))
        say(f"import report written to {report}")


def say(line: str) -> None:
    """One report line, never wrapped (scripts read them)."""
    console.print(line, soft_wrap=True, highlight=False)


def import_mapping(
    export_format: Annotated[str, typer.Argument(help=FORMAT_HELP)],
) -> None:
    """Print the default label mapping of an export format, to copy and edit."""
    from triage.importers import default_mapping_text

    typer.echo(default_mapping_text(export_format), nl=False)
