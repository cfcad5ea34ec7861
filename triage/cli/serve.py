"""`triage serve`: the HTTP API."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from triage.cli._common import ModelOption, PolicyOption


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    model: ModelOption,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    config: PolicyOption = None,
    insecure_no_auth: Annotated[
        bool,
        typer.Option(
            "--insecure-no-auth",
            help="Serve without API keys (TRIAGE_INSECURE_NO_AUTH); otherwise TRIAGE_API_KEYS or "
            "TRIAGE_API_KEYS_FILE must name at least one key.",
        ),
    ] = False,
) -> None:
    """Serve the HTTP API in one worker process (docs/pitfalls.md: uvicorn workers; docs/api.md)."""
    import uvicorn

    from triage.pipeline import load_triage
    from triage.settings import Settings

    load_triage(model, config)  # fail fast, in one line, before the server starts
    # The service reads its settings from the environment; an import string keeps the library from
    # importing the service package.
    os.environ["TRIAGE_MODEL_DIR"] = str(model)
    if config is not None:
        os.environ["TRIAGE_POLICY_FILE"] = str(config)
    if insecure_no_auth:
        os.environ["TRIAGE_INSECURE_NO_AUTH"] = "true"
    settings = Settings()
    settings.required_api_key_digests()  # no key: refused in one line before the server starts
    uvicorn.run(
        "service.app:create_app",
        factory=True,
        host=host,
        port=port,
        log_level="info",
        log_config=_log_config(),
        access_log=False,  # service.logs.RequestContext writes one line per request, with its id
        timeout_keep_alive=settings.keep_alive_timeout_s,
    )


def _log_config() -> dict:
    """JSON lines (service.logs.JsonFormatter, named by string so the library does not import the service)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "service.logs.JsonFormatter"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
        "loggers": {
            name: {"handlers": ["stderr"], "level": "INFO", "propagate": False}
            for name in ("uvicorn", "uvicorn.error", "service", "triage")
        },
    }
