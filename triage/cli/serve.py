"""`triage serve`: the HTTP API."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from triage.cli._common import PolicyOption


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    model: Annotated[Path, typer.Option(help="A model directory written by `triage train`.")],
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    config: PolicyOption = None,
) -> None:
    """Serve the HTTP API in one worker process (docs/pitfalls.md: uvicorn workers)."""
    import uvicorn

    from triage.pipeline import load_triage

    load_triage(model, config)  # fail fast, in one line, before the server starts
    # The service reads its settings from the environment; an import string keeps the library from
    # importing the service package.
    os.environ["TRIAGE_MODEL_DIR"] = str(model)
    if config is not None:
        os.environ["TRIAGE_POLICY_FILE"] = str(config)
    uvicorn.run("service.app:create_app", factory=True, host=host, port=port, log_level="info")
