"""`triage serve`'s options reach the service's settings (the server itself is tested in tests/service)."""

import os
from pathlib import Path

import pytest

from triage.cli import serve as serve_cli


@pytest.fixture
def served(monkeypatch) -> dict:
    """Runs the command with the server replaced by a recorder of what it would have served with."""
    recorded: dict = {}

    def run_server(settings, host, port, workers, log_config):
        recorded.update(workers=workers, shadow=os.environ.get("TRIAGE_SHADOW_MODEL_DIR"))

    import service.app

    monkeypatch.setattr(service.app, "run_server", run_server)
    # The command writes these into os.environ; set-then-delete makes monkeypatch restore them afterwards.
    variables = ("TRIAGE_SHADOW_MODEL_DIR", "TRIAGE_MODEL_DIR", "TRIAGE_INSECURE_NO_AUTH", "PROMETHEUS_MULTIPROC_DIR")
    threads = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
    for variable in (*variables, *(name for name in threads if name not in os.environ)):
        monkeypatch.setenv(variable, "")
        monkeypatch.delenv(variable)
    return recorded


def test_shadow_model_sets_the_challenger_and_a_worker_per_core_is_the_default(served, tmp_path: Path):
    serve_cli.serve_command(model=tmp_path / "champion", shadow_model=tmp_path / "challenger")
    assert served == {"workers": min(2, os.cpu_count() or 1), "shadow": str(tmp_path / "challenger")}


def test_the_metrics_directory_made_for_the_workers_is_not_left_to_later_servers(served, tmp_path: Path):
    # Its directory is removed when the server stops; a server started later from this process must not be
    # handed the removed directory's name (it failed to start: FileNotFoundError in prometheus_client).
    serve_cli.serve_command(model=tmp_path / "champion", workers=2)
    assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ


def test_no_shadow_model_leaves_the_challenger_off(served, tmp_path: Path):
    serve_cli.serve_command(model=tmp_path / "champion", workers=2)
    assert served == {"workers": 2, "shadow": None}
