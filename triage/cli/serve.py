"""`triage serve`: the HTTP API."""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from triage.cli._common import ModelOption, PolicyOption


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


# Two processes by default (one on a one-core machine): scoring is CPU-bound and Python runs one thread at a
# time, so one process uses one core; two answered 2.2-2.6x the requests of one under benchmarks/load.py's
# 16 connections with its /healthz probe (README "Speed and size"). /metrics counts every worker
# (prometheus_client's multiprocess mode); the risk report's memory of recent tickets is per worker
# (service.recent), so --workers 1 where it must cover all traffic.
DEFAULT_WORKERS = min(2, os.cpu_count() or 1)
METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR"  # prometheus_client's multiprocess mode (service.metrics)


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
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            envvar="TRIAGE_WORKERS",
            help="Server processes, forked after the model is loaded so they share its memory; one per core "
            "is the rule (docs/api.md, Running it).",
        ),
    ] = DEFAULT_WORKERS,
    shadow_model: Annotated[
        Path | None,
        typer.Option(
            help="A challenger model directory scored beside the champion, never answering "
            "(TRIAGE_SHADOW_MODEL_DIR; docs/retraining.md, shadow evaluation).",
        ),
    ] = None,
) -> None:
    """Serve the HTTP API (docs/api.md): the model loaded once, then WORKERS processes on one port."""
    made_metrics_dir = None
    if workers > 1:
        # One BLAS/OpenMP thread per process, set before numpy is imported: the workers are the parallelism.
        for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(variable, "1")
        made_metrics_dir = _multiprocess_metrics()
    from triage.settings import Settings

    # The service reads its settings from the environment, as the app does under any other ASGI server.
    os.environ["TRIAGE_MODEL_DIR"] = str(model)
    if config is not None:
        os.environ["TRIAGE_POLICY_FILE"] = str(config)
    if insecure_no_auth:
        os.environ["TRIAGE_INSECURE_NO_AUTH"] = "true"
    if shadow_model is not None:
        os.environ["TRIAGE_SHADOW_MODEL_DIR"] = str(shadow_model)
    # Refused in one line, before anything is served: a model that does not load, then no API key.
    # The library does not import the API package: the server is found by name, as uvicorn finds an app.
    run_server = importlib.import_module("service.app").run_server
    try:
        run_server(Settings(), host, port, workers, _log_config())
    finally:
        if made_metrics_dir is not None:
            # The directory goes with the server: nothing started later from this process may inherit its name.
            os.environ.pop(METRICS_DIR, None)
            shutil.rmtree(made_metrics_dir, ignore_errors=True)


def _multiprocess_metrics() -> Path | None:
    """Every worker's /metrics counts in one place: prometheus_client's multiprocess mode, which must be chosen
    before prometheus_client is imported. A directory the deployment names in PROMETHEUS_MULTIPROC_DIR is used
    and cleared of the last run's counts (prometheus_client's advice); otherwise a temporary one is made,
    returned so that it is removed when the server stops."""
    named = os.environ.get(METRICS_DIR)
    if named:
        for stale in Path(named).glob("*.db"):
            stale.unlink()
        return None
    made = Path(tempfile.mkdtemp(prefix="triage-metrics-"))
    os.environ[METRICS_DIR] = str(made)
    return made


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
