"""The registered MLflow model loads anywhere: in a fresh virtual environment (no system site packages, no
triage source on its path) built only from the model's own ``requirements.txt``,
``mlflow.pyfunc.load_model("models:/triage@champion")`` predicts exactly what ``triage predict`` writes.

pip installs the model's requirements from the package index: 55-120 s measured on 2 cores with no pip cache
(the whole module 100-150 s, most of the rest training and logging the model). Marked slow; skipped if this
Python cannot create a virtual environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import pytest
from conftest import handwritten_tickets, register_model

from triage.io import read_tickets, write_records

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).parents[1] / "fixtures" / "tickets.jsonl"
CHAMPION_URI = "models:/triage@champion"
PIP_TIMEOUT_S = 900

# Runs inside the fresh environment: load the champion, predict every line of a JSON-lines file of tickets.
LOAD_AND_PREDICT = """
import json, sys
from importlib import metadata

import mlflow.pyfunc
import pandas as pd

uri, tickets, out = sys.argv[1:4]
model = mlflow.pyfunc.load_model(uri)
lines = [line for line in open(tickets, encoding="utf-8") if line.strip()]
result = model.predict(pd.DataFrame({"ticket": lines}))

import triage

json.dump(
    {
        "prefix": sys.prefix,
        "triage_file": triage.__file__,
        "triage_version": metadata.version("triage"),
        "predictions": [json.loads(p) for p in result["prediction"]],
    },
    open(out, "w"),
)
"""


def _clean_env(tracking_uri: str) -> dict[str, str]:
    """This process's environment without anything that points Python at the main venv or the source tree."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    env.update({"MLFLOW_TRACKING_URI": tracking_uri, "MLFLOW_DISABLE_TELEMETRY": "true"})
    return env


def _run(command: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    )
    return time.perf_counter() - started


@pytest.fixture(scope="module")
def registered(model_dir, tmp_path_factory):
    """The session's model logged and registered (champion, version 1) in a temporary tracking store."""
    root = tmp_path_factory.mktemp("mlflow-fresh")
    uri = f"sqlite:///{root / 'mlflow.db'}"
    probes = [*read_tickets(FIXTURE), *handwritten_tickets()]
    tickets = write_records(probes, root / "tickets.jsonl")
    examples = read_tickets(FIXTURE)[:2]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLFLOW_TRACKING_URI", uri)
        patch.setenv("MLFLOW_DISABLE_TELEMETRY", "true")
        patch.chdir(root)  # anything MLflow writes relative to the working directory stays in tmp
        registry = register_model(model_dir, examples)

        import mlflow

        local = Path(mlflow.artifacts.download_artifacts(artifact_uri=CHAMPION_URI, dst_path=str(root / "download")))
    assert registry["alias"] == "champion"
    return {"root": root, "uri": uri, "tickets": tickets, "count": len(probes), "local": local}


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory) -> Path:
    """A new virtual environment with pip and nothing else (no system site packages)."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    result = subprocess.run(
        [sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True, timeout=300, check=False
    )
    python = venv / "bin" / "python"
    if result.returncode != 0 or not python.is_file():
        pytest.skip(f"cannot create a virtual environment with `{sys.executable} -m venv`: {result.stderr.strip()}")
    return python


def test_the_model_ships_triage_and_pins_its_requirements(registered):
    requirements = (registered["local"] / "requirements.txt").read_text().split()
    wheels = [line for line in requirements if line.endswith(".whl")]

    assert len(wheels) == 1 and wheels[0].startswith("code/triage-")
    assert (registered["local"] / wheels[0]).is_file()  # the path resolves from inside the model directory
    assert all("==" in line for line in requirements if line not in wheels)
    assert {"mlflow", "scikit-learn", "skops", "spacy"} <= {line.split("==")[0].lower() for line in requirements}
    assert not any(line.split("==")[0].lower() in {"pytest", "ruff", "hypothesis"} for line in requirements)


def test_the_champion_loads_in_a_fresh_venv_and_predicts_what_triage_predict_writes(
    registered, fresh_python, model_dir, tmp_path
):
    env = _clean_env(registered["uri"])
    # pip resolves the wheel's relative path from the model directory, as MLflow's own env restore does.
    pip_s = _run(
        [str(fresh_python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt"],
        cwd=registered["local"],
        env=env,
        timeout=PIP_TIMEOUT_S,
    )
    # cwd is tmp_path, not the repository: `import triage` must find the installed wheel, not the source tree.
    load_s = _run(
        [str(fresh_python), "-c", LOAD_AND_PREDICT, CHAMPION_URI, str(registered["tickets"]), "fresh.json"],
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    _run(
        [
            sys.executable,
            "-m",
            "triage",
            "predict",
            "--model",
            str(model_dir),
            "--input",
            str(registered["tickets"]),
            "--output",
            str(tmp_path / "cli.jsonl"),
        ],
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    print(f"fresh venv: pip install {pip_s:.0f} s, load and predict {load_s:.1f} s")

    fresh = json.loads((tmp_path / "fresh.json").read_text())
    cli = [json.loads(line) for line in (tmp_path / "cli.jsonl").read_text().splitlines()]

    assert Path(fresh["prefix"]).resolve() == fresh_python.parent.parent.resolve()
    assert Path(fresh["triage_file"]).resolve().is_relative_to(Path(fresh["prefix"]).resolve())  # not the source
    assert fresh["triage_version"] == metadata.version("triage")
    assert len(cli) == registered["count"]
    assert fresh["predictions"] == cli
