"""The model card (Markdown and JSON) and its plots: reliability diagrams, confusion matrices and
precision-recall curves, all from the held-out test split."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # headless: files only
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.calibration import calibration_curve  # noqa: E402
from sklearn.metrics import precision_recall_curve  # noqa: E402

from triage.datasets.public import DEFAULT_TRAINING_SOURCES  # noqa: E402
from triage.evaluation.evaluate import HeldOut  # noqa: E402

MAX_FIGURE_INCHES = 16
MAX_ANNOTATED_CLASSES = 20  # more classes: the matrix is shaded without a count in each cell


def write_plots(held_out: HeldOut, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    binary = [name for name in held_out.proba if name not in held_out.classes]
    if binary:
        fig, (reliability, pr) = plt.subplots(1, 2, figsize=(11, 4.5))
        reliability.plot([0, 1], [0, 1], ls="--", color="grey", label="perfectly calibrated")
        for name in binary:
            truth, proba = held_out.truth[name], held_out.proba[name]
            if len(set(truth)) < 2:
                continue
            observed, predicted = calibration_curve(truth, proba, n_bins=10, strategy="quantile")
            reliability.plot(predicted, observed, marker="o", label=name)
            precision, recall, _ = precision_recall_curve(truth, proba)
            pr.plot(recall, precision, label=name)
        reliability.set(xlabel="predicted probability", ylabel="observed frequency", title="Reliability (test split)")
        pr.set(xlabel="recall", ylabel="precision", title="Precision-recall (test split)", ylim=(0, 1.02))
        pr.axhline(0.9, ls=":", color="grey")
        reliability.legend(fontsize=8)
        pr.legend(fontsize=8)
        fig.tight_layout()
        path = directory / "reliability_and_pr.png"
        fig.savefig(path, dpi=110)
        plt.close(fig)
        paths.append(path)
    for name, classes in held_out.classes.items():
        truth, proba = held_out.truth[name], held_out.proba[name]
        predicted = np.asarray(classes)[proba.argmax(axis=1)]
        matrix = np.array([[np.sum((truth == t) & (predicted == p)) for p in classes] for t in classes])
        # Capped: a helpdesk's 77 queues at the small-matrix scale drew a 10,000-pixel figure (3 GB, 95 s).
        few = len(classes) <= MAX_ANNOTATED_CLASSES
        fig, ax = plt.subplots(
            figsize=(min(1.2 * len(classes) + 2.5, MAX_FIGURE_INCHES), min(1.0 * len(classes) + 2, MAX_FIGURE_INCHES))
        )
        ax.imshow(matrix, cmap="Blues")
        fontsize = None if few else max(3, 200 // len(classes))
        ax.set_xticks(
            range(len(classes)),
            classes,
            rotation=35 if few else 90,
            ha="right" if few else "center",
            fontsize=fontsize,
        )
        ax.set_yticks(range(len(classes)), classes, fontsize=fontsize)
        for (i, j), count in np.ndenumerate(matrix if few else np.zeros((0, 0))):
            ax.text(
                j,
                i,
                str(count),
                ha="center",
                va="center",
                color="black" if count < matrix.max() / 2 else "white",
            )
        ax.set(xlabel="predicted", ylabel="true", title=f"{name}: confusion matrix (test split)")
        fig.tight_layout()
        path = directory / f"confusion_{name}.png"
        fig.savefig(path, dpi=110)
        plt.close(fig)
        paths.append(path)
    return paths


def _fmt(value: Any) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render_markdown(card: dict[str, Any]) -> str:
    metrics = card["metrics"]
    lines = [
        f"# Model card: {card['name']} {card.get('version', '')}".rstrip(),
        "",
        f"Trained {card['trained_at']} on `{card['data']['path']}` ({card['data']['rows']:,} tickets, "
        f"sha256 {card['data']['sha256'][:12]}); split fit/calibration/test = "
        f"{card['split']['fit']:,}/{card['split']['calibration']:,}/{card['split']['test']:,} (seed {card['seed']}).",
        "",
        "All figures are on the held-out test split. Macro-F1 averages classes without weighting.",
        "",
        "## Binary heads",
        "",
        "| head | positives | F1 (positive) | macro-F1 | ROC-AUC | PR-AUC | Brier | ECE | coverage @ 90% precision |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, report in metrics.items():
        if "per_class" in report and "classes" not in report and report.get("learned", True):
            lines.append(
                f"| {name} | {report['positives']}/{report['n']} | {_fmt(report['f1_positive'])} | "
                f"{_fmt(report['macro_f1'])} | {_fmt(report['roc_auc'])} | {_fmt(report['pr_auc'])} | "
                f"{_fmt(report['brier'])} | {_fmt(report['ece'])} | {_fmt(report['coverage_at_90_precision'])} |"
            )
    lines += _notes(card, metrics)
    lines += _multiclass_sections(metrics)
    lines += _training_data(card)
    lines += ["", "## Heads answered by criteria only", ""]
    if card["fallback_heads"]:
        for head in card["fallback_heads"]:
            reason = card["skipped_heads"].get(head, "no labels in the training data")
            lines.append(f"- `{head}`: {reason}; answered by the spaCy signals and the frustration lexicon.")
    else:
        lines.append("None: every head was learned from labelled history.")
    lines += ["", "## Plots", ""]
    lines += [f"![{Path(p).stem}]({Path(p).name})" for p in card["plots"]]
    lines += ["", "## Provenance", "", "```json", json.dumps(card["libraries"], indent=2), "```", ""]
    return "\n".join(lines)


def _notes(card: dict[str, Any], metrics: dict[str, Any]) -> list[str]:
    """The baselines and ceilings the binary heads are read against."""
    lines: list[str] = []
    baselines = [
        f"{name} {_fmt(report['criteria_only_baseline']['roc_auc'])}"
        for name, report in metrics.items()
        if "criteria_only_baseline" in report and report.get("learned", True)
    ]
    if baselines:
        lines += [
            "",
            "Baseline, the criteria-only scorer the product uses without labelled history (spaCy signals), "
            f"ROC-AUC on the same rows: {', '.join(baselines)}.",
        ]
    oracle = metrics.get("escalation", {}).get("oracle")
    if oracle:
        lines += [
            "",
            f"Escalation ceiling: the generator's own probability (`true_escalation_probability`) reaches ROC-AUC "
            f"{_fmt(oracle['roc_auc'])} on the same rows; the model reaches {_fmt(metrics['escalation']['roc_auc'])}.",
        ]
    frustration = metrics.get("frustration", {})
    if "criteria_only_baseline_spearman" in frustration:
        share = card.get("frustration_learned_share", 1.0)
        if not frustration.get("learned", True):
            use = "Without frustration labels in training, predictions use the lexicon scorer alone."
        elif share == 0:
            use = (
                "Predictions use the lexicon scorer; the learned head informs the escalation stage only: the "
                "lexicon carries better to real customers' writing than a head learned from synthetic text."
            )
        else:
            use = f"Predictions blend the learned head (share {share:g}) with the lexicon."
        lines += [
            "",
            f"Frustration: the lexicon scorer alone reaches Spearman "
            f"{_fmt(frustration['criteria_only_baseline_spearman'])} with the 0-3 labels of the test rows. {use}",
        ]
    return lines


def _training_data(card: dict[str, Any]) -> list[str]:
    """The public data sets the model learned from (or why none), and the rows that chose each threshold."""
    public = card.get("public_data") or {"requested": False, "used": {}, "absent": {}}
    lines = ["", "## Training data", ""]
    if public["used"]:
        lines += [
            "Besides the training file, real rows from permissively licensed public data sets and our own "
            "hand-written tickets, each labelled only for the heads its source speaks for (docs/datasets.md); "
            "none of their test sides, dev-set rows or the hand-written checks we report as blind:",
            "",
            "| data set | rows | licence | labels |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {name} | {used['rows']:,} | {used['licence']} | {used['labels']} |"
            for name, used in public["used"].items()
        ]
    if public["requested"] and not any(name in DEFAULT_TRAINING_SOURCES for name in public["used"]):
        alone = "the training file and our hand-written tickets" if public["used"] else "the training file alone"
        lines += ["", f"No public data: trained on {alone}."]
    if not public["requested"]:
        lines.append("Trained on the training file alone (public data not requested).")
    lines += [f"- Absent: {name}: {reason}" for name, reason in public["absent"].items()]
    tuned = card.get("tuned_on", {})
    if tuned:
        lines += ["", "Thresholds and the frustration share were chosen on:", ""]
        lines += [f"- {purpose}: {rows}" for purpose, rows in tuned.items()]
    return lines


def _multiclass_sections(metrics: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for name, report in metrics.items():
        if "classes" not in report:
            continue
        lines += [
            "",
            f"## {name} (multi-class{', among escalated tickets' if name == 'team' else ''})",
            "",
            f"Accuracy {_fmt(report['accuracy'])}, macro-F1 {_fmt(report['macro_f1'])}, "
            f"macro ROC-AUC {_fmt(report['roc_auc_macro_ovr'])}, top-label ECE {_fmt(report['ece_top_label'])}, "
            f"coverage @ 90% precision {_fmt(report['coverage_at_90_precision'])}.",
            "",
            "| class | precision | recall | F1 | support |",
            "|---|---|---|---|---|",
        ]
        for label, row in report["per_class"].items():
            lines.append(
                f"| {label} | {_fmt(row['precision'])} | {_fmt(row['recall'])} | {_fmt(row['f1'])} | {row['support']} |"
            )
    return lines


def criteria_only_markdown(card: dict[str, Any]) -> str:
    """The card of a model written by `triage init`: no head learned, what answers for each instead."""
    lines = [
        f"# Model card: {card['name']} (criteria only)",
        "",
        f"Written {card['written_at']} by `triage init` under {card['config']}, from no labelled history.",
        "",
        "No head was learned: every head answers from the rules and the lexicon.",
        "",
        "| head | answered by |",
        "|---|---|",
    ]
    lines += [f"| `{head}` | {source} |" for head, source in card["answered_by"].items()]
    lines += [
        "",
        "The configuration's rules and thresholds apply as written (no threshold was tuned on held-out tickets).",
        "There are no metrics: no labelled tickets were seen. Measure this model on tickets you label "
        "(`triage evaluate --model DIR --data labelled.jsonl --report report.json`) and replace it with "
        "`triage train` once you have labels.",
        "",
        "## Provenance",
        "",
        "```json",
        json.dumps(card["libraries"], indent=2),
        "```",
        "",
    ]
    return "\n".join(lines)


CRITERIA_ONLY_SOURCES = {
    "technical": "the spaCy escalation signals for technical problems (outages, error codes, data loss, ...)",
    "financial": "the spaCy escalation signals for money matters (refunds, chargebacks, disputed charges, ...)",
    "legal": "the spaCy escalation signals for legal matters (lawyers, regulators, privacy laws, fraud, ...)",
    "escalation": "the strongest trigger's signal score, then the configuration's rules",
    "frustration": "the frustration lexicon (VADER's rules and our cues: caps, !!!, threats, sarcasm)",
    "team": "the configuration's routing: the most probable trigger's team (routing.trigger_teams)",
}


def write_criteria_only_card(directory: Path, metadata: dict[str, Any], config: str) -> None:
    """model_card.json and model_card.md for a model written by `triage init`."""
    card = {
        "name": metadata.get("name", "triage"),
        "criteria_only": True,
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "config": config,
        "heads": [],
        "fallback_heads": metadata["fallback_heads"],
        "answered_by": {
            head: CRITERIA_ONLY_SOURCES[head]
            for head in ("technical", "financial", "legal", "escalation", "frustration", "team")
        },
        "libraries": metadata["libraries"],
    }
    (directory / "model_card.json").write_text(json.dumps(card, indent=2))
    (directory / "model_card.md").write_text(criteria_only_markdown(card))
