"""`triage promote`, `triage rollback`: move the registry's ``champion`` alias, through the regression gate
or past it with ``--force`` (recorded on the version), and write the new champion's model directory where
the service reads it.

Exit status: 0 promoted (or rolled back), 1 the gate refused, 2 bad input (one ``error:`` line).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from triage.cli._common import console

if TYPE_CHECKING:
    from triage.retrain import Judgement

RELOAD_HINT = "then call POST /v1/admin/reload on the running service to serve it (no restart, no failed request)"

# The gate's options, shared by `triage promote` and `triage retrain --promote`.
DeployOption = Annotated[
    Path | None, typer.Option(help="Also write the new champion's model directory here (the service's).")
]
MarginOption = Annotated[float, typer.Option(min=0.0, max=1.0, help="Largest allowed drop of a head's metric.")]
ClassMarginOption = Annotated[float, typer.Option(min=0.0, max=1.0, help="Largest allowed drop of a class's F1.")]
EceMarginOption = Annotated[float, typer.Option(min=0.0, max=1.0, help="Largest allowed rise of a head's ECE.")]
MinSupportOption = Annotated[int, typer.Option(min=1, help="Held-out rows a class needs to be judged.")]


def register(app: typer.Typer) -> None:
    from triage.cli.retrain import retrain_command, shadow_report_command

    app.command("promote")(promote_command)
    app.command("rollback")(rollback_command)
    app.command("retrain")(retrain_command)
    app.command("shadow-report")(shadow_report_command)


def say(line: str) -> None:
    console.print(line, soft_wrap=True, highlight=False, markup=False)


def promote_command(
    holdout: Annotated[
        Path | None,
        typer.Option(help="The frozen held-out tickets (labelled, never trained on) both versions are judged on."),
    ] = None,
    version: Annotated[str | None, typer.Option(help="The challenger; default: the newest registered version.")] = None,
    force: Annotated[bool, typer.Option(help="Promote even if the gate refuses; recorded on the version.")] = False,
    deploy: DeployOption = None,
    margin: MarginOption = 0.02,
    class_margin: ClassMarginOption = 0.02,
    ece_margin: EceMarginOption = 0.02,
    min_support: MinSupportOption = 30,
) -> None:
    """Make a challenger version the champion if, on the held-out tickets, no head's primary metric and no
    class with enough support drops by more than the margin and calibration does not worsen beyond it;
    otherwise refuse (exit 1) and name the metrics. The replaced champion keeps the alias `previous`."""
    from triage.errors import TriageError
    from triage.evaluation.compare import GateMargins
    from triage.retrain import judge
    from triage.tracking.registry import CHAMPION, alias_version, latest_version

    champion = alias_version(CHAMPION)
    challenger = version or latest_version()
    if challenger is None:
        raise TriageError("no registered version to promote; run `triage train` first")
    if challenger == champion:
        raise TriageError(f"version {challenger} is already the champion")
    if holdout is None and not force:
        raise TriageError("--holdout is required: the gate judges both versions on the same held-out tickets")
    margins = GateMargins(margin, class_margin, ece_margin, min_support)
    with tempfile.TemporaryDirectory(prefix="triage-promote-") as work:
        verdict, passed, holdout_sha = "not judged (forced without --holdout)", False, None
        if holdout is not None and champion is not None:
            with console.status(f"judging version {challenger} against champion {champion} on {holdout}"):
                judgement = judge(champion, challenger, holdout, margins, Path(work))
            say_checks(judgement)
            verdict, passed, holdout_sha = judgement.verdict, judgement.result.passed, judgement.holdout_sha256
        elif champion is None:
            verdict, passed = "no champion to compare with", True
        if not passed and not force:
            console.print(f"[red]refused[/]: version {challenger} stays a challenger; champion {champion} stays")
            raise typer.Exit(1)
        make_champion(challenger, passed, verdict, holdout_sha, deploy, Path(work))


def say_checks(judgement: Judgement) -> None:
    """Every check of the gate, ``ok`` or ``FAIL``, and on a refusal the line naming the failing metrics."""
    for check in judgement.result.checks:
        say(f"  {'ok  ' if check.passed else 'FAIL'} {check.describe()}")
    if not judgement.result.passed:
        margins = judgement.margins
        failures = ", ".join(check.short() for check in judgement.result.failures)
        limits = f"margins: metric {margins.metric_drop}, class F1 {margins.class_drop}, ECE {margins.ece_rise}"
        say(
            f"gate: version {judgement.challenger} is worse than champion {judgement.champion} beyond the margins "
            f"({limits}) on {failures}"
        )


def make_champion(
    challenger: str, passed: bool, verdict: str, holdout_sha: str | None, deploy: Path | None, work: Path
) -> None:
    """Move the alias (recording a refusal overridden as forced) and write the model directory to ``deploy``."""
    from triage.tracking.registry import CHAMPION, promote

    promoted = promote(challenger, forced=not passed, verdict=verdict, holdout_sha256=holdout_sha)
    forced = " (forced past the gate, recorded on the version)" if not passed else ""
    say(f"version {challenger} is now {CHAMPION}{forced}; previous: {promoted['previous'] or 'none'}")
    if deploy is not None:
        _deploy(challenger, deploy, work)


def _deploy(version: str, deploy: Path, work: Path) -> None:
    from triage.tracking.registry import deploy_version, version_model_dir

    deploy_version(version_model_dir(version, work / f"deploy-{version}"), deploy, version)
    say(f"model directory of version {version} written to {deploy}; {RELOAD_HINT}")


def rollback_command(
    deploy: Annotated[
        Path | None, typer.Option(help="Also write the restored champion's model directory here (the service's).")
    ] = None,
) -> None:
    """Make the previous champion the champion again (the version `triage promote` replaced)."""
    from triage.tracking.registry import CHAMPION, rollback

    restored = rollback()
    say(f"version {restored['champion']} is {CHAMPION} again; version {restored['demoted']} rolled back")
    if deploy is not None:
        with tempfile.TemporaryDirectory(prefix="triage-rollback-") as work:
            _deploy(restored["champion"], deploy, Path(work))
