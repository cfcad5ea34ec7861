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
    from triage.evaluation.compare import GateMargins

RELOAD_HINT = "then call POST /v1/admin/reload on the running service to serve it (no restart, no failed request)"


def register(app: typer.Typer) -> None:
    app.command("promote")(promote_command)
    app.command("rollback")(rollback_command)


def say(line: str) -> None:
    console.print(line, soft_wrap=True, highlight=False, markup=False)


def promote_command(
    holdout: Annotated[
        Path | None,
        typer.Option(help="The frozen held-out tickets (labelled, never trained on) both versions are judged on."),
    ] = None,
    version: Annotated[str | None, typer.Option(help="The challenger; default: the newest registered version.")] = None,
    force: Annotated[bool, typer.Option(help="Promote even if the gate refuses; recorded on the version.")] = False,
    deploy: Annotated[
        Path | None, typer.Option(help="Also write the new champion's model directory here (the service's).")
    ] = None,
    margin: Annotated[float, typer.Option(min=0.0, max=1.0, help="Largest allowed drop of a head's metric.")] = 0.02,
    class_margin: Annotated[float, typer.Option(min=0.0, max=1.0, help="Largest allowed drop of a class's F1.")] = 0.02,
    ece_margin: Annotated[float, typer.Option(min=0.0, max=1.0, help="Largest allowed rise of a head's ECE.")] = 0.02,
    min_support: Annotated[int, typer.Option(min=1, help="Held-out rows a class needs to be judged.")] = 30,
) -> None:
    """Make a challenger version the champion if, on the held-out tickets, no head's primary metric and no
    class with enough support drops by more than the margin and calibration does not worsen beyond it;
    otherwise refuse (exit 1) and name the metrics. The replaced champion keeps the alias `previous`."""
    from triage.errors import TriageError
    from triage.evaluation.compare import GateMargins
    from triage.tracking.registry import CHAMPION, alias_version, latest_version, promote

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
            verdict, passed, holdout_sha = _judge(champion, challenger, holdout, margins, Path(work))
        elif champion is None:
            verdict, passed = "no champion to compare with", True
        if not passed and not force:
            console.print(f"[red]refused[/]: version {challenger} stays a challenger; champion {champion} stays")
            raise typer.Exit(1)
        promoted = promote(challenger, forced=not passed, verdict=verdict, holdout_sha256=holdout_sha)
        forced = " (forced past the gate, recorded on the version)" if not passed else ""
        say(f"version {challenger} is now {CHAMPION}{forced}; previous: {promoted['previous'] or 'none'}")
        if deploy is not None:
            _deploy(challenger, deploy, Path(work))


def _judge(champion: str, challenger: str, holdout: Path, margins: GateMargins, work: Path) -> tuple[str, bool, str]:
    """Both versions on the held-out file through the gate; prints each check. Returns the verdict line,
    whether it passed, and the held-out file's SHA-256 (recorded with the promotion)."""
    from triage.errors import TriageError
    from triage.evaluation import evaluate
    from triage.evaluation.compare import gate
    from triage.io import read_labelled
    from triage.model.persistence import load_model, sha256
    from triage.tracking.registry import version_model_dir

    tickets = read_labelled(holdout)
    if not tickets:
        raise TriageError(f"{holdout}: no tickets in the held-out file")
    with console.status(f"judging version {challenger} against champion {champion} on {len(tickets)} tickets"):
        evaluations = [evaluate(load_model(version_model_dir(v, work / v)), tickets) for v in (champion, challenger)]
        result = gate(evaluations[0], evaluations[1], margins)
    if not result.checks:
        raise TriageError(f"{holdout}: no labels for any head both versions learned; nothing to judge them on")
    for check in result.checks:
        say(f"  {'ok  ' if check.passed else 'FAIL'} {check.describe()}")
    if result.passed:
        return f"passed {len(result.checks)} checks", True, sha256(holdout)
    failures = ", ".join(check.short() for check in result.failures)
    limits = f"margins: metric {margins.metric_drop}, class F1 {margins.class_drop}, ECE {margins.ece_rise}"
    say(f"gate: version {challenger} is worse than champion {champion} beyond the margins ({limits}) on {failures}")
    return f"failed: {failures}", False, sha256(holdout)


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
