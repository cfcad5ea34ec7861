"""Throughput of `triage score-spark` in Spark local mode against `triage predict` in one process, on the same
tickets and model, each run end to end as a user runs it (process start, model load, reading, writing), and
checked to write the same predictions.

Writes benchmarks/results/spark.json and spark.md. The load average before the runs (and after each) is
recorded: on a machine shared with other work, the numbers are labelled as measured on a busy machine.

    python benchmarks/spark.py --model models/default --data data/demo/history.jsonl [--tickets 20000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

RESULTS = Path(__file__).parent / "results"
# A load average above this many runnable processes per core before the runs: other work shares the cores.
BUSY_LOAD_PER_CORE = 0.5
FIXED_COST_TICKETS = 10


def run_timed(command: list[str]) -> float:
    """Wall-clock seconds of a `triage` command, which must succeed."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "triage", *command], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"triage {' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return seconds


def load_average() -> float:
    return os.getloadavg()[0]


def java_version() -> str:
    from triage.spark import java_major_version

    java = shutil.which("java")
    return str(java_major_version(java)) if java else "none"


def commands(model: str, tickets: Path, work: Path, master: str) -> dict[str, list[str]]:
    """Both commands on the same tickets and model, each with its own output."""
    common = ["--model", model, "--input", str(tickets)]
    spark = ["score-spark", *common, "--output", str(work / "spark.jsonl"), "--master", master, "--overwrite"]
    return {
        "predict (one process)": ["predict", *common, "--output", str(work / "predict.jsonl")],
        f"score-spark ({master})": spark,
    }


def measure(model: str, tickets: Path, work: Path, master: str, repeat: int) -> dict[str, dict]:
    """Each command ``repeat`` times, alternating, so that other work on the machine weighs on both alike;
    the best time counts (the least disturbed run). Stops if their predictions differ."""
    single_out, spark_out = work / "predict.jsonl", work / "spark.jsonl"
    named = commands(model, tickets, work, master)
    runs: dict[str, dict] = {name: {"seconds": [], "load_after": []} for name in named}
    for _ in range(repeat):
        for name, command in named.items():
            runs[name]["seconds"].append(run_timed(command))
            runs[name]["load_after"].append(load_average())
    spark_lines = [line for part in sorted(spark_out.glob("part-*.txt")) for line in part.read_text().splitlines()]
    if spark_lines != single_out.read_text().splitlines():
        raise SystemExit("score-spark and predict wrote different predictions")
    return runs


def markdown(results: dict) -> str:
    busy = (
        f" (a busy machine: load average {results['load_at_start']:.1f} before the runs, from other work)"
        if results["busy"]
        else ""
    )
    lines = [
        f"Measured {results['measured_at']} on {results['cpu_count']} cores{busy}; {results['tickets']:,} demo"
        " tickets, end to end (process start, model load, read, write), best of"
        f" {results['repeat']}; pyspark {results['pyspark']}, Java {results['java']}."
        f" Predictions identical: {'yes' if results['identical'] else 'NO'}.",
        "",
        f"| run | seconds | tickets/s | vs one process | each run (s) | fixed cost (s, {results['fixed_cost_tickets']}"
        " tickets) | tickets/s past the fixed cost |",
        "|---|---|---|---|---|---|---|",
    ]
    single = min(next(iter(results["runs"].values()))["seconds"])
    for name, run in results["runs"].items():
        best, fixed = min(run["seconds"]), results["fixed_cost_seconds"][name]
        every = ", ".join(f"{seconds:.1f}" for seconds in run["seconds"])
        lines.append(
            f"| {name} | {best:.1f} | {results['tickets'] / best:,.0f} | {single / best:.2f}x | {every} | {fixed:.1f} |"
            f" {results['tickets'] / max(best - fixed, 1e-9):,.0f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/default", help="a model directory or an MLflow model URI")
    parser.add_argument("--data", type=Path, default=Path("data/demo/history.jsonl"))
    parser.add_argument("--tickets", type=int, default=20_000)
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each command; the best counts")
    args = parser.parse_args()
    from pyspark import __version__ as pyspark_version

    from triage.io import iter_records, write_records
    from triage.schema import Ticket

    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    with tempfile.TemporaryDirectory(prefix="triage-bench-spark-") as folder:
        work = Path(folder)
        tickets = write_records(islice(iter_records(args.data, Ticket), args.tickets), work / "tickets.jsonl")
        count = sum(1 for _ in tickets.open())
        load_at_start = load_average()
        runs = measure(args.model, tickets, work, args.master, args.repeat)
        # What each costs before its first prediction (process and JVM start, model load and wrapping, the
        # validation pass): the same commands on the first FIXED_COST_TICKETS tickets.
        few = write_records(islice(iter_records(tickets, Ticket), FIXED_COST_TICKETS), work / "few.jsonl")
        fixed = {name: run_timed(command) for name, command in commands(args.model, few, work, args.master).items()}
    cores = os.cpu_count() or 1
    results = {
        "tickets": count,
        "runs": runs,
        "identical": True,  # measure() stops otherwise
        "cpu_count": cores,
        "repeat": args.repeat,
        "fixed_cost_tickets": FIXED_COST_TICKETS,
        "fixed_cost_seconds": fixed,
        "load_at_start": load_at_start,
        "busy": load_at_start / cores > BUSY_LOAD_PER_CORE,
        "pyspark": pyspark_version,
        "java": java_version(),
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "spark.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / "spark.md").write_text(markdown(results))
    print(markdown(results))


if __name__ == "__main__":
    main()
