"""Quality on real public data: our default pipeline beside a plain baseline, trained and tested in the
same run on the same splits (triage.datasets.public), plus the out-of-the-box model on the hand-labelled dev set
and on our hand-written tickets.

Each split's difference (ours minus baseline, on the headline metric) comes with a 95% paired bootstrap
interval over the test rows: a difference whose interval straddles zero is a tie, whatever its sign.

Baseline (as in the engine issue): TF-IDF word 1-2 + char 2-5 grams, logistic regression, C=10.
Ours: the default feature pipeline (triage.model.features) and a calibrated linear head (triage.model.training).
Writes benchmarks/results/quality.json and quality.md.

    python benchmarks/quality.py [--splits banking77_intent,airline_negative] [--model models/default]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from readme_section import replace_section
from rich.console import Console
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

from triage.datasets.public import SPLITS, load_dev_set, load_split
from triage.evaluation import evaluate
from triage.evaluation.compare import paired_bootstrap as bootstrap_difference
from triage.io import read_labelled, to_frame
from triage.model.training import TrainSettings, fit_features, fit_head, refit_linear_model
from triage.pipeline import load_triage
from triage.schema import TRIGGERS

RESULTS = Path(__file__).parent / "results"
PUBLISHED = {
    "banking77_intent": "BERT-class fine-tuned: accuracy ~0.92-0.93 (Casanueva et al. 2020)",
}
console = Console(stderr=True)


def _texts(tickets) -> list[str]:
    return [f"{t.subject} {t.body}".strip() for t in tickets]


HANDWRITTEN = Path(__file__).parents[1] / "data" / "annotations" / "handwritten.jsonl"
BOOTSTRAP_ROUNDS = 1000


def _headline(task: str):
    """The metric a split is judged on, as a function of (truth, probabilities, classes)."""
    if task == "binary":
        return "roc_auc", lambda y, proba, classes: roc_auc_score(y, proba[:, 1])
    return "macro_f1", lambda y, proba, classes: f1_score(y, np.asarray(classes)[proba.argmax(axis=1)], average="macro")


def paired_bootstrap(task: str, y_true, ours, baseline, seed: int = 0) -> dict[str, float]:
    """Ours minus baseline on the headline metric, with a 95% interval from resampling the test rows."""
    name, metric = _headline(task)
    (classes_ours, proba_ours), (classes_base, proba_base) = ours, baseline
    interval = bootstrap_difference(
        np.asarray(y_true),
        proba_ours,
        proba_base,
        lambda y, proba: metric(y, proba, classes_ours),
        lambda y, proba: metric(y, proba, classes_base),
        rounds=BOOTSTRAP_ROUNDS,
        seed=seed,
    )
    return {"metric": name, **interval}


def _scores(task: str, y_true, proba, classes) -> dict[str, float]:
    if task == "binary":
        positive = proba[:, 1]
        return {"roc_auc": roc_auc_score(y_true, positive), "f1_positive": f1_score(y_true, positive >= 0.5)}
    predicted = np.asarray(classes)[proba.argmax(axis=1)]
    return {
        "accuracy": accuracy_score(y_true, predicted),
        "macro_f1": f1_score(y_true, predicted, average="macro"),
    }


def run_baseline(split) -> tuple[dict[str, float], tuple[list, np.ndarray]]:
    start = time.perf_counter()
    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    train_texts, test_texts = _texts(split.train), _texts(split.test)
    X_train = sparse.hstack([words.fit_transform(train_texts), chars.fit_transform(train_texts)]).tocsr()
    model = LogisticRegression(C=10, max_iter=1000).fit(X_train, split.y_train)
    seconds = time.perf_counter() - start
    X_test = sparse.hstack([words.transform(test_texts), chars.transform(test_texts)]).tocsr()
    proba = model.predict_proba(X_test)
    return {**_scores(split.task, split.y_test, proba, model.classes_), "train_seconds": seconds}, (
        list(model.classes_),
        proba,
    )


def run_ours(split, settings: TrainSettings) -> tuple[dict[str, float], tuple[list, np.ndarray]]:
    start = time.perf_counter()
    frame = to_frame(split.train)
    fit, cal = train_test_split(
        np.arange(len(frame)), test_size=0.15, random_state=settings.seed, stratify=split.y_train
    )
    features, X = fit_features(frame, fit)
    y = np.asarray(split.y_train)
    head = fit_head(X[fit], y[fit], X[cal], y[cal], settings)
    refit_linear_model(head, X, y)
    seconds = time.perf_counter() - start
    X_test = features.transform(to_frame(split.test)).tocsr()
    proba = head.predict_proba(X_test)
    return {**_scores(split.task, split.y_test, proba, head.classes_), "train_seconds": seconds}, (
        list(head.classes_),
        proba,
    )


def run_handwritten(model_dir: Path) -> dict[str, object]:
    """The out-of-the-box model on tickets we wrote ourselves in customers' words (labels by our guide).
    We read them while building the frustration cues, so they are a second development set, not a blind test."""
    triage = load_triage(model_dir)
    report = evaluate(triage.model, read_labelled(HANDWRITTEN), triage.policy).report
    heads, decisions = report["heads"], report["policy"]
    return {
        "rows": report["rows"],
        "trigger_f1": {name: row["f1"] for name, row in decisions["trigger_labels"].items()},
        "trigger_macro_f1": decisions["trigger_labels_macro_f1"],
        "escalation_roc_auc": heads["escalation"]["roc_auc"],
        "escalate_accuracy": decisions["escalate"]["accuracy"],
        "frustration_spearman": heads["frustration"]["spearman"],
        "frustration_level_accuracy": heads["frustration"]["level_accuracy"],
    }


def run_dev_set(model_dir: Path) -> dict[str, object]:
    """The out-of-the-box model on our hand-labelled real tickets, beside the criteria-only baseline (what
    the product answers with no labelled history: the signals and the lexicon) on the same rows."""
    triage = load_triage(model_dir)
    report = evaluate(triage.model, load_dev_set(), triage.policy).report
    heads = report["heads"]
    trigger_f1 = {name: heads[name]["f1_positive"] for name in TRIGGERS}
    criteria_f1 = {name: heads[name]["criteria_only_baseline"]["f1_positive"] for name in TRIGGERS}
    return {
        "criteria_only_trigger_f1": criteria_f1,
        "criteria_only_trigger_macro_f1": float(np.mean(list(criteria_f1.values()))),
        "lexicon_frustration_spearman": heads["frustration"]["criteria_only_baseline_spearman"],
        "rows": report["rows"],
        "trigger_f1": trigger_f1,
        "trigger_macro_f1": float(np.mean(list(trigger_f1.values()))),
        "policy_trigger_macro_f1": report["policy"]["trigger_labels_macro_f1"],
        "trigger_roc_auc": {name: heads[name]["roc_auc"] for name in TRIGGERS},
        "frustration_spearman": heads["frustration"]["spearman"],
        "escalation_roc_auc": heads["escalation"]["roc_auc"],
        "model": report["model"],
    }


def _fmt(metrics: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.3f}" for k, v in metrics.items() if k != "train_seconds")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default=",".join(SPLITS), help="comma-separated; empty for the dev set only")
    parser.add_argument(
        "--model", type=Path, default=Path("models/default"), help="out-of-the-box model for the dev set"
    )
    args = parser.parse_args()
    settings = TrainSettings()
    results: dict[str, object] = {"splits": {}}
    for name in filter(None, args.splits.split(",")):
        console.print(f"[bold]{name}[/]: loading")
        split = load_split(name)
        console.print(f"[bold]{name}[/]: baseline")
        baseline, baseline_proba = run_baseline(split)
        console.print(f"[bold]{name}[/]: ours")
        ours, ours_proba = run_ours(split, settings)
        results["splits"][name] = {
            "task": split.task,
            "train_rows": len(split.train),
            "test_rows": len(split.test),
            "baseline": baseline,
            "ours": ours,
            "difference": paired_bootstrap(split.task, split.y_test, ours_proba, baseline_proba),
            "published": PUBLISHED.get(name),
        }
        console.print(
            f"  baseline {_fmt(baseline)} ({baseline['train_seconds']:.0f} s); "
            f"ours {_fmt(ours)} ({ours['train_seconds']:.0f} s)"
        )
    if (args.model / "metadata.json").is_file():
        console.print("[bold]dev set[/]: out-of-the-box model")
        results["dev_set"] = run_dev_set(args.model)
        results["handwritten"] = run_handwritten(args.model)
    RESULTS.mkdir(exist_ok=True)
    previous = json.loads((RESULTS / "quality.json").read_text()) if (RESULTS / "quality.json").is_file() else {}
    merged = {
        "splits": {**previous.get("splits", {}), **results["splits"]},
        "dev_set": results.get("dev_set", previous.get("dev_set")),
        "handwritten": results.get("handwritten", previous.get("handwritten")),
    }
    (RESULTS / "quality.json").write_text(json.dumps(merged, indent=2, default=float))
    (RESULTS / "quality.md").write_text(render(merged))
    replace_section("quality", render(merged))
    print(render(merged))


def render(results: dict) -> str:
    lines = [
        "| data set, task | baseline (this run) | ours | ours − baseline, 95% CI | train s (baseline / ours) |",
        "|---|---|---|---|---|",
    ]
    for name, row in results["splits"].items():
        difference = row.get("difference")
        interval = (
            f"{difference['metric']} {difference['difference']:+.3f} [{difference['low']:+.3f}, "
            f"{difference['high']:+.3f}]"
            if difference
            else ""
        )
        lines.append(
            f"| {name} ({row['train_rows']:,} / {row['test_rows']:,}) | {_fmt(row['baseline'])} | "
            f"{_fmt(row['ours'])} | {interval} | "
            f"{row['baseline']['train_seconds']:.0f} / {row['ours']['train_seconds']:.0f} |"
        )
    dev = results.get("dev_set")
    if dev:
        lines += [
            "",
            f"Hand-labelled dev set ({dev['rows']} real texts), out-of-the-box model "
            f"{dev['model']['name']} {dev['model']['version']}: trigger macro-F1 {dev['trigger_macro_f1']:.3f} "
            f"(technical {dev['trigger_f1']['technical']:.3f}, financial {dev['trigger_f1']['financial']:.3f}, "
            f"legal {dev['trigger_f1']['legal']:.3f}); frustration Spearman {dev['frustration_spearman']:.3f}; "
            f"escalation ROC-AUC {dev['escalation_roc_auc']:.3f}. Baseline, the criteria-only scorer (signals and "
            f"lexicon, no training): trigger macro-F1 {dev['criteria_only_trigger_macro_f1']:.3f}, frustration "
            f"Spearman {dev['lexicon_frustration_spearman']:.3f}.",
        ]
    written = results.get("handwritten")
    if written:
        lines += [
            "",
            f"Our hand-written tickets ({written['rows']}, `data/annotations/handwritten.jsonl`; a second development "
            f"set, not blind), same model: macro-F1 of the policy's trigger labels {written['trigger_macro_f1']:.3f} "
            f"(technical "
            f"{written['trigger_f1']['technical']:.3f}, financial {written['trigger_f1']['financial']:.3f}, legal "
            f"{written['trigger_f1']['legal']:.3f}); escalate decision accuracy {written['escalate_accuracy']:.3f}, "
            f"escalation ROC-AUC {written['escalation_roc_auc']:.3f}; frustration Spearman "
            f"{written['frustration_spearman']:.3f}, level accuracy {written['frustration_level_accuracy']:.3f}.",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
