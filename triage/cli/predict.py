"""`triage predict`, `triage handoff`: a model and a policy over a file of tickets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from triage.cli._common import (
    ModelOption,
    PolicyOption,
    TicketsOption,
    batches,
    console,
    no_tickets,
    output_dir,
    output_file,
    progress_bar,
)
from triage.errors import TriageError

if TYPE_CHECKING:
    from triage.pipeline import Triage
    from triage.schema import Ticket


def register(app: typer.Typer) -> None:
    app.command("predict")(predict_command)
    app.command("handoff")(handoff_command)


def predict_command(
    model: ModelOption,
    input: TicketsOption,
    output: Annotated[Path, typer.Option(help="Where to write predictions (.jsonl), one per input row, in order.")],
    config: PolicyOption = None,
    explain: Annotated[
        bool,
        typer.Option(
            help="Add the reasons that quote the words the model read. --no-explain (bulk re-scoring) leaves "
            "only those out, for about 40% less CPU per ticket."
        ),
    ] = True,
) -> None:
    """Predict triggers, escalation, frustration and a recommendation for every ticket."""
    if output.suffix.lower() != ".jsonl":
        raise TriageError(f"{output}: predictions are written as .jsonl")
    triage, tickets = _model_and_tickets(model, config, input)
    output_file(output)
    with progress_bar() as progress, output.open("w", encoding="utf-8") as out:
        task = progress.add_task("predicting", total=len(tickets))
        for batch in batches(tickets):
            for prediction in triage.predict(batch, explain=explain):
                out.write(prediction.model_dump_json() + "\n")
            progress.update(task, advance=len(batch))
    console.print(f"wrote {len(tickets):,} predictions to {output}")


def handoff_command(
    model: ModelOption,
    input: TicketsOption,
    out: Annotated[Path, typer.Option(help="Directory for the drafts.")],
    templates: Annotated[
        Path | None, typer.Option(help="Directory of Jinja2 templates overriding the shipped ones.")
    ] = None,
    config: PolicyOption = None,
) -> None:
    """Draft the escalation hand-off (text and HTML) and the customer acknowledgement for every escalated ticket."""
    import json
    import re

    if templates is not None and not templates.is_dir():
        raise TriageError(f"{templates}: no such template directory")
    triage, tickets = _model_and_tickets(model, config, input)
    output_dir(out)
    drafted = 0
    with progress_bar() as progress, (out / "index.jsonl").open("w", encoding="utf-8") as index:
        task = progress.add_task("drafting hand-offs", total=len(tickets))
        for batch in batches(tickets):
            for prediction, handoff, acknowledgement in triage.handoffs(batch, templates):
                entry = {"id": prediction.id, "escalate": prediction.escalation.escalate}
                if handoff is not None:
                    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", prediction.id)
                    (out / f"{stem}.handoff.txt").write_text(f"Subject: {handoff.subject}\n\n{handoff.text}")
                    (out / f"{stem}.handoff.html").write_text(handoff.html)
                    # None for a ticket sent to human review: a person reads it before anyone writes back.
                    if acknowledgement is not None:
                        (out / f"{stem}.acknowledgement.txt").write_text(
                            f"Subject: {acknowledgement.subject}\n\n{acknowledgement.text}"
                        )
                    entry.update(
                        template=handoff.template,
                        subject=handoff.subject,
                        files=stem,
                        acknowledgement=acknowledgement is not None,
                        missing_information=handoff.missing_information,
                        deadlines=handoff.deadlines,
                    )
                    drafted += 1
                index.write(json.dumps(entry) + "\n")
            progress.update(task, advance=len(batch))
    console.print(f"{drafted:,} of {len(tickets):,} tickets escalated; drafts in {out} (index: {out / 'index.jsonl'})")


def _model_and_tickets(model: Path, config: Path | None, input: Path) -> tuple[Triage, list[Ticket]]:
    """The model under its rules, and the tickets to run it on (an empty file is an error, not a success)."""
    from triage.io import read_tickets
    from triage.pipeline import load_triage

    triage = load_triage(model, config)
    tickets = read_tickets(input)
    if not tickets:
        raise no_tickets(input)
    return triage, tickets
