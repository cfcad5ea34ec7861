"""`triage score-spark`: score a file or folder of tickets on Apache Spark (triage.spark, docs/spark.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from triage.cli._common import console


def register(app: typer.Typer) -> None:
    app.command("score-spark")(score_spark_command)


def score_spark_command(
    model: Annotated[
        str,
        typer.Option(
            help="A model directory written by `triage train`, or an MLflow model URI "
            "(models:/triage@champion, runs:/<run id>/model, ...)."
        ),
    ],
    input: Annotated[
        str,
        typer.Option(
            "--input",
            help="Tickets: a .jsonl or .parquet file, or a folder of such part files (any path Spark reads: "
            "local, hdfs://, s3a://, dbfs:/).",
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            help="The folder Spark writes the predictions to, as part files: name it .jsonl (one prediction JSON "
            "per line, what `triage predict` writes) or .parquet (columns id and prediction)."
        ),
    ],
    master: Annotated[
        str | None,
        typer.Option(help="Spark master URL; default: spark-submit's, else local[*] (every core of this machine)."),
    ] = None,
    partitions: Annotated[
        int | None,
        typer.Option(
            help="Split the tickets into this many ranges of consecutive rows (a shuffle); default: as Spark "
            "splits the input files."
        ),
    ] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace the output folder if it exists.")] = False,
) -> None:
    """Predict every ticket on Spark with the same model and the same output as `triage predict`."""
    import warnings

    from triage.spark import input_format, local_model, output_format, require_spark, score_model, spark_session

    # pyspark warns at every pandas UDF that it does not fully support pandas 3; tests/spark checks this path's
    # predictions byte for byte, and the warning would bury the command's own lines.
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    # Everything that can be refused in seconds is, before the JVM starts: paths, pyspark and Java, the model.
    input_format(input)
    output_format(output)
    require_spark()
    with local_model(model) as model_path, spark_session(master) as spark:
        scored = score_model(spark, model_path, input, output, partitions=partitions, overwrite=overwrite)
    console.print(f"wrote {scored.tickets:,} predictions to {scored.output} ({scored.format} part files)")
