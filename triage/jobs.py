"""The jobs behind `triage train` and `triage evaluate`: read, train or score, write, log."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from triage.errors import TriageError
from triage.evaluation.metrics import binary_report, multiclass_report
from triage.evaluation.model_card import render_markdown, write_plots
from triage.io import read_labelled
from triage.model.persistence import library_versions, load_model, save_model, write_metadata
from triage.model.scorer import TriageModel
from triage.model.training import TrainSettings, data_hash, train
from triage.pipeline import Triage
from triage.policy.config import load_config
from triage.schema import TRIGGERS, LabelledTicket, Ticket

EXAMPLE_TICKETS = 3


def run_training(
    data: Path | Sequence[Path],
    out: Path,
    config_path: Path | None = None,
    settings: TrainSettings | None = None,
    track: bool = True,
    on_step: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    step = on_step or (lambda _: None)
    settings = settings or TrainSettings()
    config = load_config(config_path)
    step("reading data")
    paths = [Path(data)] if isinstance(data, (str, Path)) else [Path(p) for p in data]
    tickets = [ticket for path in paths for ticket in read_labelled(path)]
    if len(tickets) < 50:
        raise TriageError(f"{', '.join(map(str, paths))}: {len(tickets)} tickets; training needs at least 50")
    result = train(tickets, config, settings, on_step=step)
    model = result.model
    n = len(tickets)
    n_test = int(np.ceil(n * settings.test_size))
    card: dict[str, Any] = {
        "name": "triage",
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "data": {"path": ", ".join(map(str, paths)), "rows": n, "sha256": data_hash(tickets)},
        "seed": settings.seed,
        "settings": asdict(settings),
        "split": {
            "test": n_test,
            "calibration": int(round(n * settings.calibration_size)),
            "fit": n - n_test - int(round(n * settings.calibration_size)),
        },
        "metrics": result.metrics,
        "skipped_heads": result.skipped_heads,
        "labels": {"triggers": list(TRIGGERS), "teams": model.team_names},
        "frustration_learned_share": model.frustration_learned_share,
    }
    model.metadata.update(
        {
            "name": "triage",
            "version": "unregistered",
            "alias": None,
            "trained_at": card["trained_at"],
            "data_sha256": card["data"]["sha256"],
            "metrics": result.metrics,
        }
    )
    step("saving")
    save_model(model, out)
    card["fallback_heads"] = list(model.fallback_heads)
    card["libraries"] = library_versions()
    card["plots"] = [str(p) for p in write_plots(result.held_out, out)]
    if track:
        step("logging to MLflow")
        from triage.tracking import flat_metrics, log_training_run

        examples = tickets[:EXAMPLE_TICKETS]
        # The input example is what a client sends: the ticket without its outcome labels.
        inputs = [Ticket.model_validate(t.model_dump()).model_dump_json(exclude_none=True) for t in examples]
        outputs = [p.model_dump_json() for p in Triage.of(model).predict(examples)]
        _write_card(out, card)
        registry = log_training_run(
            out,
            params={
                "seed": settings.seed,
                "alpha": settings.alpha,
                "epochs": settings.epochs,
                "rows": n,
                "data_sha256": card["data"]["sha256"][:16],
            },
            metrics=flat_metrics(result.metrics),
            artefacts=[out / "model_card.md", out / "model_card.json", *map(Path, card["plots"])],
            input_example=inputs,
            output_example=outputs,
        )
        model.metadata.update({"version": registry["version"], "alias": registry["alias"], "mlflow": registry})
        card["version"] = registry["version"]
        card["mlflow"] = registry
        write_metadata(out, model.metadata)
    _write_card(out, card)
    return card


def _write_card(out: Path, card: dict[str, Any]) -> None:
    (out / "model_card.json").write_text(json.dumps(card, indent=2, default=str))
    (out / "model_card.md").write_text(render_markdown(card))


def evaluate(model: TriageModel, tickets: Sequence[LabelledTicket]) -> dict[str, Any]:
    """Metrics of every head on the rows that carry its label, plus the recommendation against tier/team."""
    tickets = list(tickets)
    scores = model.score(tickets, explain=False)
    report: dict[str, Any] = {"model": model.model_ref.model_dump(), "rows": len(tickets), "heads": {}}
    for name in TRIGGERS:
        labelled = [(i, t.triggers or []) for i, t in enumerate(tickets) if t.has_trigger_label(name)]
        if labelled:
            truth = np.array([float(name in triggers) for _, triggers in labelled])
            report["heads"][name] = binary_report(truth, np.array([scores[i].triggers[name] for i, _ in labelled]))
    rows = [i for i, t in enumerate(tickets) if t.escalated is not None]
    if rows:
        truth = np.array([tickets[i].escalated for i in rows], dtype=int)
        report["heads"]["escalation"] = binary_report(truth, np.array([scores[i].escalation for i in rows]))
        oracle = [tickets[i].true_escalation_probability for i in rows]
        if all(p is not None for p in oracle):
            report["heads"]["escalation"]["oracle"] = binary_report(truth, np.array(oracle, dtype=float))
    rows = [i for i, t in enumerate(tickets) if t.frustration is not None]
    if rows:
        from scipy.stats import spearmanr

        truth = np.array([tickets[i].frustration for i in rows], dtype=float)
        predicted_levels = np.array([scores[i].frustration_level for i in rows])
        score = np.array([scores[i].frustration_score for i in rows])
        report["heads"]["frustration"] = {
            "n": len(rows),
            "spearman": float(spearmanr(truth, score).statistic) if len(set(truth)) > 1 else None,
            "level_accuracy": float(np.mean(truth == predicted_levels)),
            "frustrated_vs_rest": binary_report((truth >= 2).astype(int), score),
        }
    # The team head routes escalated tickets among the teams it learned (see triage.model.training).
    rows = [i for i, t in enumerate(tickets) if t.team in model.team_names]
    if rows:
        classes = model.team_names
        truth = np.array([tickets[i].team for i in rows])
        proba = np.array([[scores[i].team.get(c, 0.0) for c in classes] for i in rows])
        report["heads"]["team"] = multiclass_report(truth, proba, classes)
    report["fallback_heads"] = list(model.fallback_heads)
    return report


def run_evaluation(model_dir: Path, data: Path, report_path: Path) -> dict[str, Any]:
    model = load_model(model_dir)
    report = evaluate(model, read_labelled(data))
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(json.dumps(report, indent=2, default=str))
    return report
