"""Without pyspark, or without a Java Spark can run on, `triage score-spark` says in one line what to install;
a misnamed input or output is refused before Spark starts. None of these starts Spark."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from triage.cli import main

FIXTURE = Path(__file__).parents[1] / "fixtures" / "tickets.jsonl"
original_find_spec = importlib.util.find_spec


def score_spark(capsys, monkeypatch, *args: str) -> str:
    """The one line `triage score-spark ...` writes to stderr, after checking that it exits with 2."""
    monkeypatch.setattr(sys, "argv", ["triage", "score-spark", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1, error
    return error.strip()


def arguments(tmp_path: Path, input: Path = FIXTURE, output: str = "out.jsonl") -> list[str]:
    return ["--model", "models/default", "--input", str(input), "--output", str(tmp_path / output)]


def test_without_pyspark_it_says_how_to_install_it(capsys, monkeypatch, tmp_path):
    def find_spec(name, *args, **kwargs):
        return None if name == "pyspark" else original_find_spec(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    error = score_spark(capsys, monkeypatch, *arguments(tmp_path))
    assert error == "error: pyspark is not installed; install it with: pip install 'triage[spark]'"


@pytest.fixture
def pyspark_4():
    pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[spark]')")
    if int(pyspark.__version__.split(".")[0]) < 4:
        pytest.skip(f"pyspark {pyspark.__version__} runs on Java 8+; these cases are Spark 4's")


def test_without_java_it_says_how_to_install_it(capsys, monkeypatch, tmp_path, pyspark_4):
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no java there
    error = score_spark(capsys, monkeypatch, *arguments(tmp_path))
    assert error.startswith("error: Spark needs Java (no java on the PATH); install it with: apt-get install")

    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    error = score_spark(capsys, monkeypatch, *arguments(tmp_path))
    assert error.startswith(f"error: Spark needs Java (JAVA_HOME={tmp_path} has no bin/java)")


def test_a_java_too_old_for_spark_4_is_named(capsys, monkeypatch, tmp_path, pyspark_4):
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text("#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n")
    java.chmod(0o755)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    error = score_spark(capsys, monkeypatch, *arguments(tmp_path))
    assert f"needs Java 17+, found Java 11 at {java}; install it with: apt-get install" in error


@pytest.mark.parametrize(
    ("model", "input", "output", "message"),
    [
        ("models/default", "t.csv", "out.jsonl", "t.csv: unsupported input '.csv'; name a .jsonl or .parquet"),
        ("models/default", "t.jsonl", "out", "out: name the output folder .jsonl or .parquet (the format it"),
        ("no/such/model", "t.jsonl", "out.jsonl", "no/such/model: no such model directory, nor an MLflow model URI"),
    ],
)
def test_bad_arguments_are_refused_before_spark_starts(capsys, monkeypatch, tmp_path, model, input, output, message):
    def no_spark(*args, **kwargs):
        raise AssertionError("Spark was started")

    monkeypatch.setattr("triage.spark.spark_session", no_spark)
    monkeypatch.setattr("triage.spark.require_spark", lambda: None)  # the model is checked without pyspark too
    command = ["--model", model, "--input", str(tmp_path / input), "--output", str(tmp_path / output)]
    error = score_spark(capsys, monkeypatch, *command)
    assert error.startswith("error: ") and message in error
