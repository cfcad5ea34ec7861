"""`triage config check` and `triage config diff`: escalation configurations, before they apply."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from triage.cli._common import console, output_file
from triage.errors import TriageError

config_app = typer.Typer(help="Escalation configuration files.", no_args_is_help=True)


@config_app.command("check")
def config_check(
    path: Annotated[Path, typer.Argument(help="An escalation configuration file (YAML).")],
) -> None:
    """Validate an escalation configuration file; one line either way."""
    from triage.policy.config import check_config

    print(check_config(path))


@config_app.command("diff")
def config_diff(
    old: Annotated[Path, typer.Argument(help="The configuration in force (YAML).")],
    new: Annotated[Path, typer.Argument(help="The edited configuration (YAML).")],
    data: Annotated[Path, typer.Option(help="Tickets to decide under both: .jsonl, .csv or .parquet.")],
    model: Annotated[
        Path | None, typer.Option(help="A model directory; default: TRIAGE_MODEL_DIR or models/default.")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Also write every changed ticket (.jsonl).")] = None,
) -> None:
    """How many tickets change tier, team or escalation under NEW rules, before applying them."""
    from rich.table import Table

    from triage.evaluation.policy_diff import policy_diff
    from triage.io import read_tickets
    from triage.pipeline import load_triage
    from triage.policy import load_policy
    from triage.settings import get_settings

    if out is not None and out.suffix.lower() != ".jsonl":
        raise TriageError(f"{out}: changed tickets are written as .jsonl")
    old_policy, new_policy = load_policy(old), load_policy(new)
    triage = load_triage(model or get_settings().model_dir, old)
    triage.with_policy(new_policy)  # refuse, in one line, rules this model cannot run
    tickets = read_tickets(data)
    with console.status(f"deciding {len(tickets):,} tickets under both policies"):
        diff = policy_diff(triage.model, old_policy, new_policy, tickets)
    counts = diff["counts"]
    console.print(
        f"{diff['changed']:,} of {diff['tickets']:,} tickets change: tier {counts['tier']:,}, team {counts['team']:,}, "
        f"escalate {counts['escalate']:,}, human review {counts['abstain']:,} "
        f"({diff['old']['name']} {diff['old']['version']} -> {diff['new']['name']} {diff['new']['version']})"
    )
    for note in diff["notes"]:
        console.print(f"note: {note}", style="yellow")
    if diff["tier_transitions"]:
        table = Table("old tier", "new tier", "tickets", title="tier changes")
        for row in diff["tier_transitions"]:
            table.add_row(str(row["old"]), str(row["new"]), f"{row['tickets']:,}")
        console.print(table)
    if out is not None:
        output_file(out).write_text(
            "".join(json.dumps(row) + "\n" for row in diff["changed_tickets"]), encoding="utf-8"
        )
        console.print(f"changed tickets written to {out}")
