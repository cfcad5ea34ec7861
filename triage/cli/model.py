"""`triage init`, `triage train`, `triage evaluate`: a criteria-only model to start from, models from
labelled history, and their metrics."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Annotated

import typer

from triage.cli._common import ModelOption, PolicyOption, TrainingConfigOption, console, output_dir
from triage.errors import TriageError


def register(app: typer.Typer) -> None:
    app.command("init")(init_command)
    app.command("train")(train_command)
    app.command("evaluate")(evaluate_command)


def init_command(
    out: Annotated[Path, typer.Option(help="Directory to write the model to.")],
    config: TrainingConfigOption = None,
) -> None:
    """Write a criteria-only model to OUT, for a team with no labelled history: every head answers from the
    rules, the spaCy signals and the frustration lexicon. `triage predict` and `triage serve` accept it;
    `triage train` replaces it once you have labels."""
    from triage.evaluation.model_card import write_criteria_only_card
    from triage.model.criteria_only import criteria_only_model
    from triage.model.persistence import METADATA, save_model
    from triage.policy.config import load_config

    policy = load_config(config)  # a configuration that does not validate stops here, before OUT is touched
    if (out / METADATA).exists():
        raise TriageError(f"{out}: already holds a model; choose another directory or remove it first")
    model = criteria_only_model(policy)
    save_model(model, output_dir(out))
    write_criteria_only_card(out, model.metadata, config.name if config else "the shipped escalation.yaml")
    console.print(
        f"criteria-only model written to {out} (model card: {out / 'model_card.md'}): every head answers from the "
        "rules, the signals and the lexicon"
    )
    console.print(f"next: triage predict --model {out} --input tickets.jsonl --output predictions.jsonl")


def train_command(
    data: Annotated[
        list[Path], typer.Option(help="Labelled tickets: .jsonl, .csv or .parquet; repeat to combine files.")
    ],
    out: Annotated[Path, typer.Option(help="Directory to write the model to.")],
    config: TrainingConfigOption = None,
    seed: Annotated[int, typer.Option(help="Seed for the split and the models.")] = 0,
    track: Annotated[bool, typer.Option(help="Log the run to MLflow and register the model.")] = True,
    frustration_learned_share: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            max=1.0,
            help="The learned frustration head's share of the score (the rest: the lexicon). Default: chosen on "
            "held-out real rows with frustration labels (0, the lexicon alone, when only synthetic rows have them).",
        ),
    ] = None,
    public_data: Annotated[
        bool,
        typer.Option(
            help="Also learn from the permissively licensed public data sets (TRIAGE_SHARED_DATA) with partial "
            "labels, and choose thresholds on their held-out rows; trains without them, saying so, when absent. "
            "Our hand-written tickets (data/annotations) teach the frustration head too.",
        ),
    ] = False,
    skip_single_valued_heads: Annotated[
        bool,
        typer.Option(
            help="Train without a head whose labels all carry one value (every ticket escalated, say), which the "
            "rules then answer for; by default such labels stop training with an error that names them.",
        ),
    ] = False,
    stream_above: Annotated[
        int,
        typer.Option(
            min=0,
            help="A history of more tickets trains out of core, in bounded memory: a random sample of this many "
            "trains the model (and holds the test split), and the SGD text heads learn from the rest streamed in "
            "chunks; the model card says so. 0 holds every history in memory.",
        ),
    ] = 100_000,  # triage.model.streaming.DEFAULT_STREAM_ABOVE (not imported here: the CLI starts fast)
) -> None:
    """Train every head the data has labels for, log the run to MLflow, write the model to OUT."""
    from triage.jobs import run_training
    from triage.model.training import LabelWarning, TrainSettings

    settings = TrainSettings(
        seed=seed,
        frustration_learned_share=frustration_learned_share,
        skip_single_valued_heads=skip_single_valued_heads,
    )
    label_warnings: list[str] = []
    shown_as_usual = warnings.showwarning

    def collect(message, category, filename, lineno, file=None, line=None):  # type: ignore[no-untyped-def]
        # Ours are printed once training is over; any other warning shows as it would have, not kept: a
        # 77-queue training that recorded every warning grew to 19 GB after writing its model (cause not
        # confirmed; recording them all was the one unbounded store there).
        if issubclass(category, LabelWarning):
            label_warnings.append(str(message))
        else:
            shown_as_usual(message, category, filename, lineno, file, line)

    try:
        with console.status("training") as status, warnings.catch_warnings():
            warnings.simplefilter("always", LabelWarning)
            warnings.showwarning = collect  # restored when catch_warnings exits
            card = run_training(
                data,
                out,
                config,
                settings,
                track=track,
                on_step=lambda step: status.update(f"training: {step}"),
                public_data=public_data,
                stream_above=stream_above or None,
            )
    finally:  # what training could not learn explains an error too
        for message in label_warnings:
            console.print(f"[yellow]warning[/]: {message}", highlight=False, soft_wrap=True)
    _print_public_data(card["public_data"])
    for head in card.get("fallback_heads", []):
        reason = card["skipped_heads"].get(head, "no labels in the training data")
        console.print(f"{head}: not learned ({reason}); the rules answer for it", highlight=False, soft_wrap=True)
    escalation = card["metrics"].get("escalation", {})
    console.print(f"model written to {out} (model card: {out / 'model_card.md'})")
    if escalation.get("roc_auc") is not None:  # none when the held-out tickets are all one value
        console.print(f"escalation ROC-AUC on held-out tickets: {escalation['roc_auc']:.3f}")
    if "mlflow" in card:
        registry = card["mlflow"]
        console.print(
            f"MLflow run {registry['run_id']} in {registry['tracking_uri']}: registered triage version "
            f"{registry['version']}{' (champion)' if registry['alias'] else ''}"
        )


def _print_public_data(summary: dict) -> None:
    if not summary["requested"]:
        return
    for name, used in summary["used"].items():
        console.print(f"public data {name}: {used['rows']:,} rows ({used['licence']}), labels: {used['labels']}")
    for name, reason in summary["absent"].items():
        console.print(f"[yellow]public data {name} absent, trained without it[/]: {reason}")
    if not summary["used"]:
        console.print("[yellow]no public data: trained on the given files alone[/]")


def evaluate_command(
    model: ModelOption,
    data: Annotated[Path, typer.Option(help="Labelled tickets: .jsonl, .csv or .parquet.")],
    report: Annotated[Path, typer.Option(help="Where to write the metrics (.json).")],
    config: PolicyOption = None,
) -> None:
    """Metrics of every head on labelled data (per class, macro-averaged, calibration, coverage, beside the
    criteria-only baseline) and of the policy's decisions (trigger labels, escalate, tier, team)."""
    from triage.jobs import run_evaluation

    with console.status("evaluating"):
        result = run_evaluation(model, data, report, config)
    for head, metrics in result["heads"].items():
        headline = metrics.get("roc_auc") or metrics.get("macro_f1") or metrics.get("spearman")
        console.print(f"{head}: n={metrics['n']}, headline {headline if headline is None else round(headline, 3)}")
    decisions = result["policy"]
    if "escalate" in decisions:
        escalate = decisions["escalate"]
        console.print(
            f"policy {decisions['ref']['name']}: escalate accuracy {escalate['accuracy']:.3f} "
            f"({escalate['false_alarms']} false alarms of {escalate['should_stay']}, "
            f"{escalate['misses']} misses of {escalate['should_go_up']})"
        )
    console.print(f"report written to {report}")
