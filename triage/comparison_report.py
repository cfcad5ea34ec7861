"""The champion/challenger comparison as a record (JSON), a Markdown report and MLflow metrics: per head with
the paired bootstrap interval, per class, calibration, and the gate's checks. `triage retrain` writes it from
the frozen held-out file; `triage shadow-report` reuses the head table for live traffic."""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from triage.retrain import Judgement

MLFLOW_PREFIX = "vs_champion"
_METRIC_NAME = re.compile(r"[^A-Za-z0-9_\-. /]")


def comparison_record(judgement: Judgement, training: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the report shows, JSON-ready."""
    champion, challenger = (evaluation.report["heads"] for evaluation in judgement.evaluations)
    comparison = judgement.result.comparison
    classes: dict[str, Any] = {}
    calibration: dict[str, Any] = {}
    for head in comparison:
        first, second = champion.get(head, {}), challenger.get(head, {})
        theirs = second.get("per_class", {})
        classes[head] = {
            name: {"support": mine["support"], "champion": mine["f1"], "challenger": theirs[name]["f1"]}
            for name, mine in first.get("per_class", {}).items()
            if name in theirs
        }
        ece = "ece_top_label" if "ece_top_label" in first else "ece"
        calibration[head] = {
            "ece_metric": ece,
            "ece": {"champion": first.get(ece), "challenger": second.get(ece)},
            "brier": {"champion": first.get("brier"), "challenger": second.get("brier")},
        }
    return {
        "champion": judgement.champion,
        "challenger": judgement.challenger,
        "holdout": {"path": str(judgement.holdout), "sha256": judgement.holdout_sha256, "rows": judgement.rows},
        "training": training,
        "heads": comparison,
        "classes": classes,
        "calibration": calibration,
        "gate": {
            "passed": judgement.result.passed,
            "verdict": judgement.verdict,
            "margins": asdict(judgement.margins),
            "checks": [
                {"check": check.what, "passed": check.passed, "line": check.describe()}
                for check in judgement.result.checks
            ],
        },
    }


def head_table(comparison: dict[str, Any]) -> list[str]:
    """Markdown rows of ``compare()``'s output: each head's metric, both values, the change and its interval."""
    rows = [
        "| head | metric | rows | champion | challenger | change | 95% interval | verdict |",
        "|---|---|---:|---:|---:|---:|---|---|",
    ]
    for head, row in comparison.items():
        rows.append(
            f"| {head} | {row['metric']} | {row['rows']} | {row['champion']:.3f} | {row['challenger']:.3f} | "
            f"{row['difference']:+.3f} | {row['low']:+.3f} to {row['high']:+.3f} | {row['verdict']} |"
        )
    return rows


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render_markdown(record: dict[str, Any]) -> str:
    holdout = record["holdout"]
    gate = record["gate"]
    lines = [
        f"# Version {record['challenger']} (challenger) against version {record['champion']} (champion)",
        "",
        f"Both judged on the frozen held-out file `{holdout['path']}` ({holdout['rows']} tickets, SHA-256 "
        f"`{holdout['sha256'][:16]}…`). Changes are challenger minus champion; a 95% interval (paired bootstrap "
        "over the held-out tickets) that straddles zero is a tie.",
        "",
    ]
    if record.get("training"):
        lines += ["## Training data", "", *(f"- {line}" for line in record["training"]["lines"]), ""]
    lines += ["## Per head", "", *head_table(record["heads"]), "", "## Per class (F1)", ""]
    lines += ["| head | class | held-out rows | champion | challenger | change |", "|---|---|---:|---:|---:|---:|"]
    for head, classes in record["classes"].items():
        for name, row in classes.items():
            change = row["challenger"] - row["champion"]
            lines.append(
                f"| {head} | {name} | {row['support']} | {row['champion']:.3f} | {row['challenger']:.3f} | "
                f"{change:+.3f} |"
            )
    lines += ["", "## Calibration (lower is better)", ""]
    lines += ["| head | ECE: champion | challenger | Brier: champion | challenger |", "|---|---:|---:|---:|---:|"]
    for head, row in record["calibration"].items():
        ece, brier = row["ece"], row["brier"]
        lines.append(
            f"| {head} ({row['ece_metric']}) | {_number(ece['champion'])} | {_number(ece['challenger'])} | "
            f"{_number(brier['champion'])} | {_number(brier['challenger'])} |"
        )
    margins = gate["margins"]
    lines += [
        "",
        f"## Gate: {'passed' if gate['passed'] else 'REFUSED'}",
        "",
        f"Margins: a head's metric may drop {margins['metric_drop']}, a class's F1 {margins['class_drop']} "
        f"(classes with {margins['min_support']}+ held-out rows), ECE may rise {margins['ece_rise']}.",
        "",
        *(f"- {'ok' if check['passed'] else '**FAIL**'} {check['line']}" for check in gate["checks"]),
        "",
    ]
    return "\n".join(lines)


def comparison_metrics(record: dict[str, Any]) -> dict[str, float]:
    """The record as MLflow metrics, ``vs_champion.<head>.<metric>.<champion|challenger|difference|low|high>``."""
    out: dict[str, float] = {f"{MLFLOW_PREFIX}.gate_passed": float(record["gate"]["passed"])}
    for head, row in record["heads"].items():
        for key in ("champion", "challenger", "difference", "low", "high"):
            out[f"{MLFLOW_PREFIX}.{head}.{row['metric']}.{key}"] = float(row[key])
    for head, classes in record["classes"].items():
        for name, row in classes.items():
            for key in ("champion", "challenger"):
                out[f"{MLFLOW_PREFIX}.{head}.class.{name}.f1.{key}"] = float(row[key])
    for head, row in record["calibration"].items():
        for metric in ("ece", "brier"):
            for key, value in row[metric].items():
                if value is not None:
                    out[f"{MLFLOW_PREFIX}.{head}.{metric}.{key}"] = float(value)
    return {_METRIC_NAME.sub("_", name): value for name, value in out.items()}


def log_comparison(run_id: str, record: dict[str, Any], files: list[Path]) -> None:
    """The comparison's metrics and report files on the challenger's training run (artefact folder
    ``comparison``)."""
    from triage.errors import TriageError
    from triage.tracking.registry import _mlflow

    mlflow = _mlflow()
    try:
        with mlflow.start_run(run_id=run_id):
            mlflow.log_metrics(comparison_metrics(record))
            for path in files:
                mlflow.log_artifact(str(path), artifact_path="comparison")
    except Exception as error:  # MLflow raises many types for an unreachable or locked store
        raise TriageError(f"MLflow logging of the comparison failed ({type(error).__name__}: {error})") from None
