"""The out-of-the-box model over several demo seeds: what `make model` would build from each seed's demo history
(plus the permissive public rows), measured on the hand-labelled dev set and on the three hand-written sets.

One seed is one draw of the synthetic history the default model learns from; a figure that moves a lot between
seeds is luck, not a property of the pipeline. Each seed goes through the command line users run
(`triage demo-data`, then `triage train --public-data --no-track`), in its own process; the measures are
benchmarks/quality.py's. Writes benchmarks/results/out_of_the_box.json and .md and the README section
``out_of_the_box``: per measure, the mean over seeds and the lowest and highest. A run labelled "before ..."
is kept as the reference column; any other label replaces the previous latest run.

    python benchmarks/out_of_the_box.py [--seeds 0,1,11] [--work /tmp/triage-seeds] [--label after]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from statistics import mean

from quality import run_dev_set, run_handwritten
from readme_section import replace_section
from rich.console import Console

from triage.schema import TRIGGERS

RESULTS = Path(__file__).parent / "results"
TRIAGE = str(Path(sys.executable).with_name("triage"))
console = Console(stderr=True)


def build_model(seed: int, work: Path) -> Path:
    """Demo history and default model for one seed, through the CLI (skipped when already built)."""
    history, model = work / f"history-{seed}.jsonl", work / f"model-{seed}"
    if not history.is_file():
        command = [TRIAGE, "demo-data", "--tickets", "20000", "--seed", str(seed), "--out", str(history)]
        subprocess.run(command, check=True)
    if not (model / "metadata.json").is_file():
        command = [TRIAGE, "train", "--data", str(history), "--out", str(model), "--public-data", "--no-track"]
        subprocess.run(command, check=True)
    return model


def headline(dev: dict, handwritten: dict) -> dict[str, float | None]:
    """The issue's measures, one number each (counts become rates so seeds average)."""
    figures: dict[str, float | None] = {
        "dev: trigger macro-F1": dev["policy_trigger_macro_f1"],
        "dev: escalation ROC-AUC, prediction / model head alone": (  # type: ignore[dict-item]
            dev["escalation_roc_auc"],
            dev["escalation_head_roc_auc"],
        ),
        "dev: frustration Spearman": dev["frustration_spearman"],
    }
    titles = {
        "handwritten": "hand-written",
        "handwritten_dev2": "hand-written dev 2",
        "handwritten_fresh": "blind",
        "handwritten_more": "second check",
        "handwritten_check3": "third check",
        "handwritten_check4": "fourth check",
        "handwritten_check5": "fifth check",
        "handwritten_check6": "sixth check",
        "handwritten_check7": "seventh check",
        "handwritten_check8": "eighth check",
        "handwritten_check9": "ninth check",
        "handwritten_check10": "tenth check",
        "handwritten_check11": "eleventh check",
    }
    for key, title in titles.items():
        sets = handwritten[key]
        escalate = sets["escalate"]
        figures[f"{title}: trigger macro-F1"] = sets["trigger_macro_f1"]
        for name in TRIGGERS:
            row = sets["trigger_labels"][name]
            figures[f"{title}: {name} precision / recall"] = (row["precision"], row["recall"])  # type: ignore[assignment]
        figures[f"{title}: escalation ROC-AUC, prediction / model head alone"] = (  # type: ignore[assignment]
            sets["escalation_roc_auc"],
            sets["escalation_head_roc_auc"],
        )
        figures[f"{title}: false alarms among tier-1 tickets"] = escalate["false_alarms"] / escalate["should_stay"]
        figures[f"{title}: misses among tickets that go up"] = escalate["misses"] / escalate["should_go_up"]
        figures[f"{title}: tier exact / within one"] = (sets["tier"]["exact"], sets["tier"]["within_one"])  # type: ignore[assignment]
        figures[f"{title}: team accuracy"] = sets["team_accuracy"]
        figures[f"{title}: frustration Spearman / kappa"] = (  # type: ignore[assignment]
            sets["frustration_spearman"],
            sets["frustration_kappa"],
        )
    return figures


def _summary(values: list) -> str:
    """Mean (lowest-highest) over seeds; pairs are summarised side by side."""
    if isinstance(values[0], tuple | list):  # a pair (JSON gives it back as a list)
        return " / ".join(_summary([value[i] for value in values]) for i in range(len(values[0])))
    present = [value for value in values if value is not None]
    if not present:
        return "—"
    return f"{mean(present):.3f} ({min(present):.3f}-{max(present):.3f})"


def render(runs: dict[str, dict[str, dict]]) -> str:
    """One column per labelled run (e.g. before / after), one row per measure."""
    labels = list(runs)
    seeds = {label: sorted(runs[label], key=int) for label in labels}
    header = " | ".join(f"{label} (seeds {', '.join(seeds[label])})" for label in labels)
    lines = [f"| measure: mean over seeds (lowest-highest) | {header} |", "|---|" + "---|" * len(labels)]
    measures = list(next(iter(runs[labels[-1]].values())))  # the latest run's: a set added later is shown too
    for measure in measures:
        # A set added later has no figures in the earlier columns: "—" there.
        cells = [_summary([runs[label][seed].get(measure) for seed in seeds[label]]) for label in labels]
        lines.append(f"| {measure} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="0,1,11", help="comma-separated demo seeds")
    parser.add_argument("--work", type=Path, default=Path("/tmp/triage-seeds"), help="histories and models")
    parser.add_argument("--label", default="now", help="the column this run fills (e.g. before, after)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    figures = {}
    for seed in (int(s) for s in args.seeds.split(",")):
        console.print(f"[bold]seed {seed}[/]: demo history and model")
        model = build_model(seed, args.work)
        console.print(f"[bold]seed {seed}[/]: dev set and hand-written tickets")
        figures[str(seed)] = headline(run_dev_set(model), run_handwritten(model))
    RESULTS.mkdir(exist_ok=True)
    stored = RESULTS / "out_of_the_box.json"
    previous = json.loads(stored.read_text()) if stored.is_file() else {}
    # The reference columns (labelled "before ...") stay; any other earlier run is replaced by this one.
    runs = {label: run for label, run in previous.items() if label.startswith("before")}
    runs[args.label] = figures
    stored.write_text(json.dumps(runs, indent=2))
    table = render(runs)
    (RESULTS / "out_of_the_box.md").write_text(table)
    replace_section("out_of_the_box", table)
    print(table)


if __name__ == "__main__":
    main()
