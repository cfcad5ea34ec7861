"""`triage retrain`: the history merged with human-confirmed feedback, a challenger trained and registered
(through `triage train`), judged against the champion on the frozen held-out file (the gate of `triage
promote`), the comparison written to MLflow and to a Markdown report, and with ``--promote`` the gate's
decision carried out.

Exit status: 0 trained and compared (and promoted, with ``--promote``), 1 ``--promote`` and the gate refused,
2 bad input (one ``error:`` line).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from triage.cli._common import TrainingConfigOption
from triage.cli.registry import (
    ClassMarginOption,
    DeployOption,
    EceMarginOption,
    MarginOption,
    MinSupportOption,
    make_champion,
    say,
    say_checks,
)

if TYPE_CHECKING:
    from triage.evaluation.compare import GateMargins
    from triage.retrain import Judgement, MergeSummary


def retrain_command(
    history: Annotated[
        list[Path], typer.Option(help="The labelled training history (.jsonl, .csv, .parquet); repeat to combine.")
    ],
    holdout: Annotated[
        Path, typer.Option(help="The frozen held-out tickets (labelled, never trained on) both versions are judged on.")
    ],
    out: Annotated[Path, typer.Option(help="Directory to write the challenger model to.")],
    feedback: Annotated[
        str | None,
        typer.Option(
            help="Human-confirmed labels: the file GET /v1/feedback/export wrote, or the feedback store's URL "
            "(sqlite:///feedback.db, postgresql+psycopg://...).",
        ),
    ] = None,
    tickets: Annotated[
        Path | None,
        typer.Option(
            help="A fresh helpdesk export of tickets (text, no labels needed) for feedback on tickets that are not "
            "in the history: the feedback store keeps no ticket text.",
        ),
    ] = None,
    training_out: Annotated[
        Path | None, typer.Option(help="Where to write the merged training file; default: OUT.training.jsonl.")
    ] = None,
    report: Annotated[
        Path | None, typer.Option(help="The comparison in Markdown (JSON beside it); default: OUT/comparison.md.")
    ] = None,
    config: TrainingConfigOption = None,
    seed: Annotated[int, typer.Option(help="Seed for the split and the models.")] = 0,
    promote: Annotated[bool, typer.Option(help="Make the challenger the champion if the gate passes.")] = False,
    deploy: DeployOption = None,
    margin: MarginOption = 0.02,
    class_margin: ClassMarginOption = 0.02,
    ece_margin: EceMarginOption = 0.02,
    min_support: MinSupportOption = 30,
) -> None:
    """Train a challenger on the history with human-confirmed feedback, and compare it with the champion on the
    held-out tickets: per head and per class with paired bootstrap intervals, and calibration, in MLflow and a
    Markdown report. With --promote it becomes the champion if the gate passes (exit 1 if not)."""
    from triage.cli.model import train_command
    from triage.errors import TriageError
    from triage.evaluation.compare import GateMargins
    from triage.tracking.registry import CHAMPION, alias_version

    if deploy is not None and not promote:
        raise TriageError("--deploy needs --promote: only a promoted challenger is written where the service reads")
    training_file, summary = _merged_training_file(history, holdout, feedback, tickets, training_out, out)
    champion = alias_version(CHAMPION)
    train_command(data=[training_file], out=out, config=config, seed=seed)
    registered = json.loads((out / "model_card.json").read_text())["mlflow"]
    challenger = str(registered["version"])
    if champion is None:
        say(f"version {challenger} is the first champion: there was none to compare it with")
        return
    margins = GateMargins(margin, class_margin, ece_margin, min_support)
    with tempfile.TemporaryDirectory(prefix="triage-retrain-") as work:
        judgement = _judge(champion, challenger, holdout, margins, Path(work))
        _report(judgement, summary, registered["run_id"], report or out / "comparison.md")
        if not promote:
            next_step = f"triage promote --version {challenger} --holdout {holdout}"
            say(f"version {challenger} stays a challenger; to promote it: {next_step}")
            return
        if not judgement.result.passed:
            say(f"refused: version {challenger} stays a challenger; champion {champion} stays")
            raise typer.Exit(1)
        make_champion(challenger, True, judgement.verdict, judgement.holdout_sha256, deploy, Path(work))


def _merged_training_file(
    history: list[Path], holdout: Path, feedback: str | None, tickets: Path | None, training_out: Path | None, out: Path
) -> tuple[Path, MergeSummary]:
    """Read, merge and write the training tickets; prints where each feedback row went."""
    from triage.cli._common import output_file
    from triage.errors import TriageError
    from triage.io import read_labelled, read_tickets, write_records
    from triage.retrain import merge_feedback, read_feedback

    held_out = frozenset(ticket.id for ticket in read_labelled(holdout))
    if not held_out:
        raise TriageError(f"{holdout}: no tickets in the held-out file")
    labelled = [ticket for path in history for ticket in read_labelled(path)]
    rows = read_feedback(feedback) if feedback is not None else []
    fresh = read_tickets(tickets) if tickets is not None else []
    merged, summary = merge_feedback(labelled, rows, fresh, held_out)
    for line in summary.lines():
        say(line)
    path = output_file(training_out or out.with_name(f"{out.name}.training.jsonl"))
    write_records(merged, path)
    say(f"training file: {path} ({len(merged)} tickets)")
    return path, summary


def _judge(champion: str, challenger: str, holdout: Path, margins: GateMargins, work: Path) -> Judgement:
    from triage.cli._common import console
    from triage.retrain import judge

    with console.status(f"judging version {challenger} against champion {champion} on {holdout}"):
        judgement = judge(champion, challenger, holdout, margins, work)
    say_checks(judgement)
    return judgement


def _report(judgement: Judgement, summary: MergeSummary, run_id: str, report: Path) -> None:
    """The comparison as Markdown and JSON, and as metrics and artefacts on the challenger's MLflow run."""
    from triage.cli._common import output_file
    from triage.comparison_report import comparison_record, log_comparison, render_markdown

    record = comparison_record(judgement, {"lines": summary.lines(), **summary.as_dict()})
    output_file(report).write_text(render_markdown(record), encoding="utf-8")
    as_json = report.with_suffix(".json")
    as_json.write_text(json.dumps(record, indent=2), encoding="utf-8")
    log_comparison(run_id, record, [report, as_json])
    say(f"comparison written to {report} and {as_json}, and to MLflow run {run_id} (metrics vs_champion.*)")


def shadow_report_command(
    log: Annotated[Path, typer.Option(help="The service's shadow log (TRIAGE_SHADOW_LOG).")],
    feedback: Annotated[
        str,
        typer.Option(
            help="The outcomes: the file GET /v1/feedback/export wrote, or the feedback store's URL "
            "(sqlite:///feedback.db, postgresql+psycopg://...).",
        ),
    ],
    out: Annotated[Path, typer.Option(help="The report in Markdown (JSON beside it).")],
) -> None:
    """Compare the challenger that ran in shadow with the champion on live traffic: agreement on every logged
    ticket, and per head (paired bootstrap intervals) on the tickets whose outcomes arrived as feedback."""
    from triage.cli._common import output_file
    from triage.evaluation.shadow import read_shadow_log, render_shadow_markdown, shadow_report
    from triage.retrain import read_feedback

    records, unreadable = read_shadow_log(log)
    report = shadow_report(records, read_feedback(feedback))
    report["unreadable_lines"] = unreadable
    output_file(out).write_text(render_shadow_markdown(report), encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    agreement = report["agreement"]
    say(
        f"champion {report['champion']}, challenger {report['challenger']}: {agreement['tickets']} tickets, "
        f"escalate agreed on {agreement['escalate']:.1%}, {report['with_outcomes']} with outcomes"
        + (f"; {unreadable} unreadable lines skipped" if unreadable else "")
    )
    for head, row in report["heads"].items():
        say(
            f"  {head} {row['metric']}: {row['champion']:.3f} -> {row['challenger']:.3f} "
            f"({row['low']:+.3f} to {row['high']:+.3f}, {row['verdict']})"
        )
    say(f"report written to {out} and {out.with_suffix('.json')}")
