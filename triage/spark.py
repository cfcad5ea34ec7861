"""Scoring tickets on Apache Spark: the logged MLflow model (``triage.tracking.pyfunc``) as a Spark UDF
(``mlflow.pyfunc.spark_udf``), so every executor computes exactly what ``triage predict`` computes.

The model is a registered MLflow model (``models:/triage@champion``, ``runs:/...``, any MLflow URI) or a
model directory written by ``triage train``, which is wrapped here in the same pyfunc, saved as a local
MLflow model. Either way the driver downloads it, loads it once through triage's own checks (a broken model
is a one-line error before any Spark job), and ``spark_udf`` ships it to the executors.

Tickets are read as JSON text in the contract's shape, one column ``ticket``: JSONL lines as they are,
Parquet rows (one flat column per field, as ``triage.io`` writes them) turned into that JSON by Spark
itself. Every ticket is validated in a first pass, so bad input stops the run before anything is written.
Predictions are written by Spark as a folder of part files (JSONL text, or Parquet with ``id`` and
``prediction`` columns), in input order for a single input file. See docs/spark.md.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from pydantic import ValidationError

from triage.errors import TriageError
from triage.io import CUSTOMER_FIELDS, describe_validation_error
from triage.schema import Ticket

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

FORMATS = {".jsonl": "jsonl", ".json": "jsonl", ".parquet": "parquet"}
INSTALL_PYSPARK = "pip install 'triage[spark]'"
INSTALL_JAVA = "apt-get install openjdk-17-jre-headless (Debian, Ubuntu), or set JAVA_HOME to a Java 17+ runtime"
# The row order of the input, kept through repartitioning so the output lists predictions as the input did.
ROW = "_triage_row"
# How much of a ticket an error message quotes when the ticket has no readable id.
QUOTED_CHARS = 60


@dataclass(frozen=True)
class Scored:
    tickets: int
    output: str
    format: str


def require_spark() -> None:
    """A one-line TriageError saying how to install what is missing: pyspark, or a Java it can run on."""
    if importlib.util.find_spec("pyspark") is None:
        raise TriageError(f"pyspark is not installed; install it with: {INSTALL_PYSPARK}")
    from pyspark import __version__ as pyspark_version

    java_home = os.environ.get("JAVA_HOME")
    # Where Spark's launcher looks: JAVA_HOME first, then the PATH.
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if java is None or not Path(java).is_file():
        where = f"JAVA_HOME={java_home} has no bin/java" if java_home else "no java on the PATH"
        raise TriageError(f"Spark needs Java ({where}); install it with: {INSTALL_JAVA}")
    needed = 17 if int(pyspark_version.split(".")[0]) >= 4 else 8
    found = java_major_version(java)
    if found is not None and found < needed:
        raise TriageError(
            f"pyspark {pyspark_version} needs Java {needed}+, found Java {found} at {java}; install it with: "
            f"{INSTALL_JAVA}"
        )


def java_major_version(java: str) -> int | None:
    """17 for 'openjdk version "17.0.15"', 8 for '"1.8.0_392"'; None when `java -version` says nothing usable."""
    try:
        result = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60, check=False)
    except OSError:
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if match is None:
        return None
    major = int(match[1])
    return int(match[2] or 0) if major == 1 else major


@contextlib.contextmanager
def spark_session(master: str | None = None) -> Iterator[SparkSession]:
    """The running SparkSession (spark-submit's, a notebook's, a test's), or a new one that is stopped on exit.

    Without spark-submit and without ``master``, Spark runs in-process as ``local[*]``; its Python workers
    then run this interpreter, which has triage installed (Spark's default is whatever ``python3`` is).
    """
    require_spark()
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        yield active
        return
    launched_here = "PYSPARK_GATEWAY_PORT" not in os.environ  # spark-submit sets it for the driver it starts
    if launched_here and (master is None or master.startswith("local")):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("triage score-spark").config("spark.ui.showConsoleProgress", "false")
    if master is not None:
        builder = builder.master(master)
    # One numpy/BLAS thread per Python worker: Spark already runs one worker per core.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        builder = builder.config(f"spark.executorEnv.{variable}", "1")
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


def input_format(path: str) -> str:
    """jsonl or parquet, from the path's suffix (a file, or a folder of part files named like one)."""
    suffix = Path(path.rstrip("/")).suffix.lower()
    if suffix not in FORMATS:
        raise TriageError(
            f"{path}: unsupported input {suffix or '(no suffix)'!r}; name a .jsonl or .parquet file or folder"
        )
    return FORMATS[suffix]


def output_format(path: str) -> str:
    """jsonl or parquet: the format of the output folder, named by its suffix."""
    suffix = Path(path.rstrip("/")).suffix.lower()
    if suffix not in FORMATS:
        raise TriageError(f"{path}: name the output folder .jsonl or .parquet (the format it is written in)")
    return FORMATS[suffix]


def read_tickets(spark: SparkSession, path: str) -> DataFrame:
    """A DataFrame with one column ``ticket``: each ticket as JSON text in the contract's shape, and ``ROW``,
    its position in the input."""
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    kind = input_format(path)
    try:
        if kind == "jsonl":
            lines = spark.read.text(path)
            frame = lines.where(F.trim("value") != "").select(F.col("value").alias("ticket"))
        else:
            rows = spark.read.parquet(path)
            frame = rows.select(F.to_json(F.struct(*_nested_columns(rows.columns)), _JSON_OPTIONS).alias("ticket"))
    except AnalysisException as error:
        raise spark_error(path, error) from None
    return frame.withColumn(ROW, F.monotonically_increasing_id())


# Timestamps with their offset (and microseconds), as pydantic reads them; `triage.io` writes strings anyway.
_JSON_OPTIONS = {"timestampFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX"}


def _nested_columns(columns: list[str]) -> list[Column]:
    """Flat Parquet columns (customer_plan, ...) as the contract's fields, the customer_* ones nested under
    ``customer`` (absent when all are null, as ``triage.io`` reads them). to_json drops null fields."""
    from functools import reduce

    from pyspark.sql import functions as F

    prefix = "customer_"
    customer = [c for c in columns if c.startswith(prefix) and c[len(prefix) :] in CUSTOMER_FIELDS]
    fields = [F.col(f"`{c}`") for c in columns if c not in customer]
    if customer:
        present = reduce(lambda a, b: a | b, [F.col(c).isNotNull() for c in customer])
        nested = F.struct(*[F.col(c).alias(c[len(prefix) :]) for c in customer])
        fields.append(F.when(present, nested).alias("customer"))
    return fields


def ticket_problems(tickets: pd.Series) -> pd.Series:
    """For each ticket's JSON text: None when it is a valid ticket, else what is wrong, naming the ticket by
    its id or, without one, by its first characters. Runs on the executors (a pandas UDF)."""
    return tickets.map(_problem)


def _problem(text: str) -> str | None:
    try:
        Ticket.model_validate_json(text)
    except ValidationError as error:
        found = re.search(r'"id"\s*:\s*"([^"]{1,80})"', text)
        which = f"ticket {found[1]!r}" if found else f"ticket {text[:QUOTED_CHARS]!r}"
        if error.errors()[0]["type"].startswith("json_"):
            return f"{which}: not valid JSON ({error.errors()[0]['msg']})"
        return f"{which}: {describe_validation_error(error)}"
    return None


def check_tickets(frame: DataFrame, path: str) -> int:
    """The number of tickets; a one-line TriageError naming the first invalid one, or when there are none."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    problems = F.pandas_udf(ticket_problems, StringType())  # type: ignore[call-overload]  # the stubs want a Literal functionType
    summary = frame.select(problems("ticket").alias("problem")).agg(
        F.count(F.lit(1)).alias("tickets"), F.first("problem", ignorenulls=True).alias("problem")
    )
    try:
        row = summary.first()
    except Exception as error:  # Spark wraps what went wrong on an executor in several types
        raise spark_error(path, error) from None
    assert row is not None  # an aggregate without grouping has exactly one row
    if row["problem"] is not None:
        raise TriageError(f"{path}: {row['problem']}")
    if row["tickets"] == 0:
        raise TriageError(f"{path}: no tickets in the input; nothing to do")
    return int(row["tickets"])


def spark_error(path: str, error: Exception) -> TriageError:
    """Spark's multi-line errors as one line: a missing path, an existing output, or the first line."""
    text = str(error)
    if "PATH_NOT_FOUND" in text or "Path does not exist" in text:
        return TriageError(f"{path}: no such file or folder")
    if "PATH_ALREADY_EXISTS" in text or "already exists" in text:
        return TriageError(f"{path}: already exists; pass --overwrite to replace it")
    first = next((line.strip() for line in text.splitlines() if line.strip()), type(error).__name__)
    return TriageError(f"{path}: Spark failed ({first[:300]})")


def mlflow_model(model: str, workdir: Path) -> Path:
    """A local MLflow model of triage's pyfunc for ``model``, checked on the driver: a triage model directory
    wrapped in the pyfunc, or an MLflow model URI (or local MLflow model folder) downloaded."""
    from triage.pipeline import load_triage

    local = Path(model)
    if not local.exists() and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", model):
        raise TriageError(f"{model}: no such model directory, nor an MLflow model URI (models:/triage@champion)")
    if local.is_dir() and not (local / "MLmodel").is_file():
        load_triage(local)  # triage's hash and trusted-types checks, one line on failure
        return _wrap_model_dir(local, workdir / "wrapped")
    import yaml

    mlflow = _mlflow()
    try:
        downloaded = Path(mlflow.artifacts.download_artifacts(artifact_uri=model, dst_path=str(workdir)))
    except Exception as error:  # MLflow raises many types for a bad URI, an unreachable store or no such model
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise TriageError(f"{model}: not a triage model directory, nor an MLflow model ({first})") from None
    try:
        flavour = yaml.safe_load((downloaded / "MLmodel").read_text())["flavors"]["python_function"]
        model_dir = downloaded / flavour["artifacts"]["model_dir"]["path"]
    except (OSError, KeyError, TypeError) as error:
        raise TriageError(f"{model}: not a triage MLflow model (no model_dir artefact: {error})") from None
    load_triage(model_dir)
    return downloaded


def _wrap_model_dir(model_dir: Path, destination: Path) -> Path:
    """The model directory as the MLflow model training logs (the same pyfunc code and artefact), saved
    locally; its requirements are this environment's pins, which executors running triage already meet."""
    from triage.tracking.environment import pip_requirements
    from triage.tracking.registry import MODEL_CODE

    mlflow = _mlflow()
    from mlflow.models import ModelSignature
    from mlflow.types import ColSpec, Schema

    mlflow.pyfunc.save_model(
        path=str(destination),
        python_model=str(MODEL_CODE),
        artifacts={"model_dir": str(model_dir)},
        pip_requirements=pip_requirements(),  # explicit: MLflow's own inference costs 5-10 s
        signature=ModelSignature(Schema([ColSpec("string", "ticket")]), Schema([ColSpec("string", "prediction")])),
    )
    return destination


def _mlflow():
    from triage.settings import Settings

    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    import mlflow

    mlflow.set_tracking_uri(Settings().mlflow_tracking_uri)
    return mlflow


def predictions(spark: SparkSession, tickets: DataFrame, model_path: Path) -> DataFrame:
    """``tickets`` with a ``prediction`` column: the pyfunc's JSON, computed by ``spark_udf`` on the executors
    in the executors' own Python environment (which has triage installed: docs/spark.md)."""
    from pyspark.sql import functions as F

    mlflow = _mlflow()
    # spark_udf warns on every call that env_manager="local" does not rebuild the model's environment:
    # deliberate here (the executors run triage already), and noise in a command's one-line output.
    for logger in ("mlflow.pyfunc", "mlflow.models.flavor_backend_registry"):
        logging.getLogger(logger).setLevel(logging.ERROR)
    score = mlflow.pyfunc.spark_udf(spark, str(model_path), result_type="string", env_manager="local")
    return tickets.withColumn("prediction", score(F.struct("ticket")))


def in_partitions(tickets: DataFrame, partitions: int | None) -> DataFrame:
    """The tickets in ``partitions`` ranges of consecutive rows (None: as Spark split the input), sorted within
    each, so part files in name order list the input's order."""
    if partitions is None:
        return tickets
    if partitions < 1:
        raise TriageError(f"--partitions must be at least 1, got {partitions}")
    return tickets.repartitionByRange(partitions, ROW).sortWithinPartitions(ROW)


def write_predictions(scored: DataFrame, output: str, overwrite: bool) -> str:
    """Write the ``prediction`` column as Spark part files under ``output``: JSONL text, or Parquet with the
    ticket id beside the JSON. Returns the format."""
    from pyspark.sql import functions as F

    kind = output_format(output)
    mode = "overwrite" if overwrite else "errorifexists"
    try:
        if kind == "jsonl":
            scored.select("prediction").write.mode(mode).text(output)
        else:
            columns = scored.select(F.get_json_object("prediction", "$.id").alias("id"), "prediction")
            columns.write.mode(mode).parquet(output)
    except Exception as error:  # AnalysisException for the path, Spark's job errors for the rest
        raise spark_error(output, error) from None
    return kind


def score(
    spark: SparkSession,
    model: str,
    input: str,
    output: str,
    *,
    partitions: int | None = None,
    overwrite: bool = False,
) -> Scored:
    """Read, validate, score and write: what ``triage score-spark`` does, on any SparkSession."""
    input_format(input)
    output_format(output)  # both refused before any work
    with local_model(model) as model_path:
        return score_model(spark, model_path, input, output, partitions=partitions, overwrite=overwrite)


@contextlib.contextmanager
def local_model(model: str) -> Iterator[Path]:
    """``mlflow_model`` in a temporary folder that lasts as long as the scoring."""
    with tempfile.TemporaryDirectory(prefix="triage-spark-model-") as workdir:
        yield mlflow_model(model, Path(workdir))


def score_model(
    spark: SparkSession, model_path: Path, input: str, output: str, *, partitions: int | None, overwrite: bool
) -> Scored:
    """``score`` with the model already resolved by ``local_model``."""
    tickets = read_tickets(spark, input)
    count = check_tickets(tickets, input)
    scored = predictions(spark, in_partitions(tickets, partitions), model_path)
    return Scored(count, output, write_predictions(scored, output, overwrite))
