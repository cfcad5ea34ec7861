"""Team routing on a team's own queues, through the command line a new user runs: `triage train --config`
and `triage evaluate`, beside a plain TF-IDF + logistic regression baseline on the same split.

Two helpdesks whose queues the three triggers cannot tell apart:

- ``banking77``: BANKING77 as a helpdesk with 77 specialist queues. Every ticket is escalated, ``team`` is its
  intent, and the configuration names the 77 teams at tier 2 (the official train / test split).
- ``itsm``: the ITSM data set's assignment groups with at least 10 tickets (triage.datasets.public,
  ``itsm_group``: 80/20 stratified). Evaluation-only data (non-commercial licence): a benchmark, never a
  shipped model.

The configuration is the shipped one with its teams replaced: ``frontline`` at tier 1 and one team per queue
at tier 2, no rules (the shipped rules name the shipped teams), and an escalation threshold of 0, since every
ticket of these helpdesks goes to a specialist queue. Queue names are lower-cased to the configuration's
name pattern (ITSM's ``GRP_12`` becomes ``grp_12``), in the training file and the configuration alike, as
an import mapping's ``team.values`` would. Every label is "escalated", so training runs with
``--skip-single-valued-heads`` (the escalation head is left to the rules).

`triage train` holds out 15% of the training file for the model card and learns from the other 85%; the
baseline learns from the whole training side. Figures: the team head's accuracy and macro-F1 on the test
side (``heads.team`` of the evaluation report) and the policy's team decision accuracy (the team it
recommends), with train time and artefact size.

    python benchmarks/team_routing.py [--only banking77,itsm] [--baseline-from-quality] [--work DIR]

``--baseline-from-quality`` takes the baseline's figures from benchmarks/results/quality.json (the same
splits and the same baseline code, run by benchmarks/quality.py) instead of fitting it again (ITSM's baseline
takes minutes). Writes benchmarks/results/team_routing.json and team_routing.md. Reads the data from
TRIAGE_SHARED_DATA (default ../shared/data).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console

from triage.datasets.public import load_split
from triage.io import write_records
from triage.policy.config import dump_config, load_config

RESULTS = Path(__file__).parent / "results"
HELPDESKS = {"banking77": "banking77_intent", "itsm": "itsm_group"}
FIRST_TIER_TEAM = "frontline"
console = Console(stderr=True)


def team_name(label: str) -> str:
    """A queue's label as a configuration team name (``^[a-z][a-z0-9_]*$``)."""
    name = re.sub(r"[^a-z0-9_]+", "_", label.strip().lower()).strip("_")
    return name if re.match(r"^[a-z]", name) else f"q_{name}"


def queues_config(teams: list[str]) -> dict[str, Any]:
    """The shipped configuration with a first-tier team and one tier-2 team per queue, and no rules."""
    data = yaml.safe_load(dump_config(load_config()))
    data["name"] = "queues"
    data["teams"] = [{"name": FIRST_TIER_TEAM, "tier": 1}] + [{"name": team, "tier": 2} for team in teams]
    data["routing"] = {
        "first_tier_team": FIRST_TIER_TEAM,
        "model_tier": 2,
        "trigger_teams": {},
        "fallback_team": teams[0],
    }
    data["criteria"] = []
    data["thresholds"]["escalation"] = 0.0  # every ticket of these helpdesks goes to a specialist queue
    data["thresholds"]["teams"] = {}
    data.pop("handoffs", None)  # hand-off settings may name the shipped teams; the defaults apply
    return data


def write_helpdesk(split_name: str, work: Path) -> tuple[Path, Path, Path, int]:
    """The training file, the test file and the configuration of one helpdesk, and its number of queues."""
    split = load_split(split_name)

    def queued(tickets, labels):
        return [
            ticket.model_copy(update={"escalated": True, "team": team_name(str(label)), "tier": 2})
            for ticket, label in zip(tickets, labels, strict=True)
        ]

    teams = sorted({team_name(str(label)) for label in split.y_train})
    train = write_records(queued(split.train, split.y_train), work / "train.jsonl")
    test = write_records(queued(split.test, split.y_test), work / "test.jsonl")
    config = work / "queues.yaml"
    config.write_text(yaml.safe_dump(queues_config(teams), sort_keys=False, width=110))
    load_config(config)  # the file must validate before training reads it
    return train, test, config, len(teams)


def triage_cli(*args: object) -> float:
    """Run a `triage` command in a child process as a user would; its wall time in seconds."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "triage", *map(str, args)], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"triage {args[0]} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    return time.perf_counter() - start


def run_ours(name: str, work: Path) -> dict[str, Any]:
    train, test, config, queues = write_helpdesk(HELPDESKS[name], work)
    model, report = work / "model", work / "evaluation.json"
    console.print(f"[bold]{name}[/]: triage train ({queues} queues)")
    train_seconds = triage_cli(
        "train", "--data", train, "--config", config, "--out", model, "--no-track", "--skip-single-valued-heads"
    )
    console.print(f"[bold]{name}[/]: triage evaluate")
    triage_cli("evaluate", "--model", model, "--data", test, "--report", report)
    evaluation = json.loads(report.read_text())
    team = evaluation["heads"]["team"]
    return {
        "queues": queues,
        "test_rows": evaluation["rows"],
        "team_head": {"accuracy": team["accuracy"], "macro_f1": team["macro_f1"], "n": team["n"]},
        "policy_team_accuracy": evaluation["policy"]["team_accuracy"],
        "train_seconds": round(train_seconds, 1),
        "artefact_mb": round((model / "model.skops").stat().st_size / 1e6, 1),
        # Which form the team head took (triage.model.training.fit_team_head), as the model card says.
        "team_head_form": json.loads((model / "model_card.json").read_text())["tuned_on"]["team head"],
    }


def run_baseline(name: str, from_quality: bool) -> dict[str, Any]:
    """TF-IDF word 1-2 + char 2-5, logistic regression C=10 (benchmarks/quality.py) on the whole training side."""
    if from_quality:
        figures = json.loads((RESULTS / "quality.json").read_text())["splits"][HELPDESKS[name]]["baseline"]
        return {**figures, "source": "benchmarks/results/quality.json"}
    from quality import run_baseline as fit_baseline

    console.print(f"[bold]{name}[/]: baseline")
    figures, _ = fit_baseline(load_split(HELPDESKS[name]))
    return {**figures, "source": "this run"}


def render(results: dict[str, Any]) -> str:
    lines = [
        "| helpdesk (queues, test rows) | baseline: accuracy / macro-F1 | team head: accuracy / macro-F1 | "
        "policy's team accuracy | train s (ours) | model.skops MB |",
        "|---|---|---|---|---|---|",
    ]
    for name, row in results.items():
        ours, base = row["ours"], row["baseline"]
        lines.append(
            f"| {name} ({ours['queues']}, {ours['test_rows']:,}) | {base['accuracy']:.3f} / {base['macro_f1']:.3f} | "
            f"{ours['team_head']['accuracy']:.3f} / {ours['team_head']['macro_f1']:.3f} | "
            f"{ours['policy_team_accuracy']:.3f} | {ours['train_seconds']:.0f} | {ours['artefact_mb']:.1f} |"
        )
    lines += [
        "",
        "Through `triage train --config` (85% of the training side; 15% held out for the model card) and "
        "`triage evaluate` on the test side. Baseline: TF-IDF word 1-2 + char 2-5 grams, logistic regression "
        "C=10, on the whole training side (benchmarks/quality.py).",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(HELPDESKS), help="comma-separated: banking77, itsm")
    parser.add_argument("--baseline-from-quality", action="store_true", help="reuse quality.json's baseline")
    parser.add_argument("--work", type=Path, help="keep the files and models here (default: a temporary folder)")
    args = parser.parse_args()
    names = [name for name in args.only.split(",") if name]
    unknown = set(names) - set(HELPDESKS)
    if unknown:
        raise SystemExit(f"unknown helpdesk(s) {', '.join(sorted(unknown))}; known: {', '.join(HELPDESKS)}")
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name in names:
            work = (args.work or Path(scratch)) / name
            work.mkdir(parents=True, exist_ok=True)
            results[name] = {"ours": run_ours(name, work), "baseline": run_baseline(name, args.baseline_from_quality)}
            console.print(json.dumps(results[name]))
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "team_routing.json"
    merged = {**(json.loads(path.read_text()) if path.is_file() else {}), **results}
    path.write_text(json.dumps(merged, indent=2, default=float))
    (RESULTS / "team_routing.md").write_text(render(merged) + "\n")
    print(render(merged))


if __name__ == "__main__":
    main()
