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
    from triage.spark import input_format, output_format, score, spark_session

    input_format(input)
    output_format(output)  # a misnamed path is refused before Spark starts (seconds)
    with spark_session(master) as spark:
        scored = score(spark, model, input, output, partitions=partitions, overwrite=overwrite)
        console.print(f"wrote {scored.tickets:,} predictions to {scored.output} ({scored.format} part files)")
