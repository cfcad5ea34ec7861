"""`triage config check` and `triage config diff`: escalation configurations, before they apply."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

config_app = typer.Typer(help="Escalation configuration files.", no_args_is_help=True)


@config_app.command("check")
def config_check(
    path: Annotated[Path, typer.Argument(help="An escalation configuration file (YAML).")],
) -> None:
    """Validate an escalation configuration file; one line either way."""
    from triage.policy.config import check_config

    print(check_config(path))
