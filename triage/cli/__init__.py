"""The `triage` command line: a thin layer over the library; every command exits non-zero with one line
on bad input."""

from __future__ import annotations

import sys

import typer

from triage.cli import config, data, imports, model, predict, registry, report, serve, spark
from triage.errors import TriageError

app = typer.Typer(
    help="ML-assisted support-ticket triage and escalation prediction.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
for commands in (data, imports, model, predict, registry, report, serve, spark):
    commands.register(app)
app.add_typer(config.config_app, name="config")
app.add_typer(report.report_app, name="report")


def main() -> None:
    try:
        app()
    except TriageError as error:
        # One line, never wrapped: scripts and helpdesk plugins parse it.
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
    except OSError as error:
        # A file the commands could not read or write that no check above caught (permissions, a full disk):
        # still one line, naming the path.
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {where}{error.strerror or error}", file=sys.stderr)
        sys.exit(2)
