"""`triage score-spark` predicts on Spark exactly what `triage predict` writes, byte for byte, from JSONL and
from Parquet, from a model directory and from the registered MLflow model; bad input stops the run in one
line before anything is written.

One local SparkSession (2 cores, the input split into 2 ranges) for the module: starting Spark costs seconds.
Skipped, with the reason, where pyspark or a Java it runs on is missing (`pip install -e '.[spark]'` and a
Java 17 runtime; CI installs both).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import handwritten_tickets, register_model, unlabelled
from typer.testing import CliRunner

from triage.cli import app
from triage.datasets.demo import generate
from triage.errors import TriageError
from triage.io import read_tickets, write_records
from triage.spark import require_spark


def spark_missing() -> str | None:
    """Why Spark cannot run here (pyspark or Java missing), or None. Checked at collection, so that a skip
    costs nothing: the session's model would otherwise be trained first (session fixtures set up first)."""
    try:
        require_spark()
    except TriageError as error:
        return str(error)
    return None


SPARK_MISSING = spark_missing()
pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(SPARK_MISSING is not None, reason=SPARK_MISSING or ""),
    # One worker runs them all under `pytest --dist loadgroup` (one JVM and one model load instead of two).
    pytest.mark.xdist_group("spark"),
]

FIXTURES = Path(__file__).parents[1] / "fixtures"
DEMO_TICKETS = 300
DEMO_SEED = 23  # unseen by the session's model (trained on seed 7)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers import triage from this venv
    session = (
        SparkSession.builder.master("local[2]")
        .appName("triage tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def tickets(tmp_path_factory) -> dict[str, Path]:
    """The same tickets as JSONL (fixture lines as written, unknown fields and other languages included,
    then demo and hand-written tickets) and as Parquet (flat columns, as triage.io writes them)."""
    root = tmp_path_factory.mktemp("spark-tickets")
    demo = write_records(
        [*unlabelled(generate(DEMO_TICKETS, seed=DEMO_SEED)), *handwritten_tickets()], root / "demo.jsonl"
    )
    lines = [
        line
        for source in (FIXTURES / "tickets.jsonl", FIXTURES / "languages.jsonl", demo)
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    jsonl = root / "tickets.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parquet = write_records(read_tickets(jsonl), root / "tickets.parquet")
    return {"jsonl": jsonl, "parquet": parquet}


@pytest.fixture(scope="module")
def expected(model_dir, tickets, tmp_path_factory) -> list[str]:
    """What `triage predict` writes for the JSONL tickets, one JSON line per ticket."""
    out = tmp_path_factory.mktemp("predict") / "predictions.jsonl"
    command = [sys.executable, "-m", "triage", "predict", "--model", str(model_dir), "--input", str(tickets["jsonl"])]
    result = subprocess.run([*command, "--output", str(out)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8").splitlines()


def part_files(folder: Path, suffix: str) -> list[Path]:
    return sorted(folder.glob(f"part-*{suffix}"))


def test_score_spark_writes_what_triage_predict_writes(spark, model_dir, tickets, expected, tmp_path):
    out = tmp_path / "predictions.jsonl"
    command = ["score-spark", "--model", str(model_dir), "--input", str(tickets["jsonl"]), "--output", str(out)]
    result = CliRunner().invoke(app, [*command, "--partitions", "2"])
    assert result.exit_code == 0, result.output
    parts = part_files(out, ".txt")
    assert len(parts) == 2 and all(part.stat().st_size > 0 for part in parts)
    written = [line for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
    assert len(expected) > DEMO_TICKETS
    assert written == expected  # the full JSON of every prediction, in input order


def test_parquet_in_parquet_out_gives_the_same_predictions(spark, model_dir, tickets, expected, tmp_path):
    from triage.spark import score

    out = tmp_path / "predictions.parquet"
    scored = score(spark, str(model_dir), str(tickets["parquet"]), str(out), partitions=2)
    frame = pd.concat([pd.read_parquet(part) for part in part_files(out, ".parquet")], ignore_index=True)
    assert (scored.tickets, scored.format) == (len(expected), "parquet")
    assert list(frame["prediction"]) == expected
    assert list(frame["id"]) == [ticket.id for ticket in read_tickets(tickets["jsonl"])]


def test_the_registered_champion_gives_the_same_predictions(spark, model_dir, tickets, expected, tmp_path):
    """`models:/triage@champion`, as training logs and registers it (the pyfunc over the model directory)."""
    from triage.spark import score

    examples = read_tickets(tickets["jsonl"])[:2]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path / 'mlflow.db'}")
        patch.chdir(tmp_path)  # anything MLflow writes relative to the working directory stays in tmp
        register_model(model_dir, examples)
        out = tmp_path / "champion.jsonl"
        score(spark, "models:/triage@champion", str(tickets["jsonl"]), str(out))
    written = [line for part in part_files(out, ".txt") for line in part.read_text(encoding="utf-8").splitlines()]
    assert written == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"id": "ok-1", "body": "fine"}\n{"id": "bad-2", "body": "x", "channel": ["email"]}\n',
            "ticket 'bad-2': field 'channel'",
        ),
        ('{"id": "ok-1", "body": "fine"}\n{"subject": "no id here"}\n', "field 'id': Field required"),
        ('{"id": "ok-1", "body": "fine"}\n{"id": "broken", "body": \n', "ticket 'broken': not valid JSON"),
        ("\n\n", "no tickets in the input"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(spark, model_dir, tmp_path, content, message):
    from triage.spark import score

    source = tmp_path / "tickets.jsonl"
    source.write_text(content, encoding="utf-8")
    with pytest.raises(TriageError, match=message) as raised:
        score(spark, str(model_dir), str(source), str(tmp_path / "out.jsonl"))
    assert "\n" not in str(raised.value)
    assert str(raised.value).startswith(f"{source}: ")
    assert not (tmp_path / "out.jsonl").exists()


def test_missing_input_and_existing_output_are_one_line_errors(spark, model_dir, tmp_path):
    from triage.spark import score

    with pytest.raises(TriageError, match="absent.jsonl: no such file or folder"):
        score(spark, str(model_dir), str(tmp_path / "absent.jsonl"), str(tmp_path / "out.jsonl"))
    (tmp_path / "taken.jsonl").mkdir()
    with pytest.raises(TriageError, match="taken.jsonl: already exists; pass --overwrite"):
        score(spark, str(model_dir), str(FIXTURES / "tickets.jsonl"), str(tmp_path / "taken.jsonl"))
    scored = score(
        spark, str(model_dir), str(FIXTURES / "tickets.jsonl"), str(tmp_path / "taken.jsonl"), overwrite=True
    )
    assert scored.tickets == 3
