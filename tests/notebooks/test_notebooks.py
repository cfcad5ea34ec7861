"""The notebooks run, top to bottom, on small data: they cannot rot. They hold no KPI or model code (they
import triage), so this checks that they still fit the library's API."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.datasets.demo import generate
from triage.io import write_records

NOTEBOOKS = Path(__file__).parents[2] / "notebooks"


@pytest.fixture(scope="module")
def small_history(tmp_path_factory) -> Path:
    return write_records(generate(600, seed=21), tmp_path_factory.mktemp("history") / "history.jsonl")


@pytest.mark.parametrize("name", ["kpi_tracking", "model_evaluation"])
def test_the_notebook_runs_on_small_data(name, small_history, model_dir, tmp_path, monkeypatch):
    jupytext = pytest.importorskip("jupytext", reason="jupytext is a dev dependency (pip install -e .[dev])")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is a dev dependency (pip install -e .[dev])")
    monkeypatch.setenv("TRIAGE_HISTORY", str(small_history))
    monkeypatch.setenv("TRIAGE_MODEL_DIR", str(model_dir))
    monkeypatch.setenv("TRIAGE_EVALUATION_ROWS", "400")
    notebook = jupytext.read(NOTEBOOKS / f"{name}.py")

    nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    ).execute()

    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output.get("output_type") == "error"]
    assert any("image/png" in output.get("data", {}) for output in outputs), "the notebook draws its charts"
