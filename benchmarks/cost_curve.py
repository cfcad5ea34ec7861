"""The cost curve (issue 14): training time and peak memory against history size, and scoring throughput
against batch size, with the fitted growth exponent.

Training goes through the CLI users run (`triage demo-data`, then `triage train --no-track` on the demo
history alone, in a child process whose peak resident memory is read back); scoring through the pipeline
call that `triage predict` and the API make for each batch (`Triage.predict`, explanations on). The growth
exponent k is the least-squares slope of log(cost) against log(size): k = 1 is linear. Writes
benchmarks/results/cost_curve.{json,md,svg} and the README's cost-curve section.

    python benchmarks/cost_curve.py [--sizes 10000 50000 200000] [--batch-sizes 1 8 32 128 512 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from readme_section import replace_section  # noqa: E402

RESULTS = Path(__file__).parent / "results"
TRIAGE = [sys.executable, "-m", "triage"]
# Runs the command and reports its wall time, peak resident memory (KiB on Linux) and exit status.
MEASURED = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)
print(done.stderr[-2000:], file=sys.stderr)
"""


def measured(command: list[str]) -> tuple[float, float]:
    """Seconds and peak MB of ``command`` in its own process; exits with its error when it fails."""
    run = subprocess.run([sys.executable, "-c", MEASURED, *command], capture_output=True, text=True)
    seconds, peak_kib, status = run.stdout.split()
    if int(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed ({status}): {run.stderr.strip()[-500:]}")
    return float(seconds), int(peak_kib) / 1024


def growth_exponent(sizes: list[float], costs: list[float]) -> float | None:
    """The slope of log(cost) on log(size); None with fewer than two points."""
    if len(sizes) < 2:
        return None
    return float(np.polyfit(np.log(sizes), np.log(costs), 1)[0])


def training_curve(sizes: list[int], work: Path) -> list[dict[str, float]]:
    rows = []
    for size in sizes:
        history, model = work / f"history_{size}.jsonl", work / f"model_{size}"
        subprocess.run([*TRIAGE, "demo-data", "--tickets", str(size), "--seed", "0", "--out", str(history)], check=True)
        seconds, peak_mb = measured([*TRIAGE, "train", "--data", str(history), "--out", str(model), "--no-track"])
        rows.append({"tickets": size, "train_seconds": round(seconds, 1), "train_peak_mb": round(peak_mb)})
        print(f"  {size:>9,} tickets: trained in {seconds:.1f} s, peak {peak_mb:,.0f} MB", flush=True)
    return rows


def scoring_curve(model_dir: Path, history: Path, batch_sizes: list[int], tickets: int) -> list[dict[str, float]]:
    from triage.io import read_tickets
    from triage.model.persistence import load_model
    from triage.pipeline import Triage

    triage = Triage.of(load_model(model_dir))
    pool = list(read_tickets(history))[:tickets]
    triage.predict(pool[:50])  # warm-up: lazy spaCy and lexicon set-up
    rows = []
    for size in batch_sizes:
        # Small batches cost more per ticket: fewer tickets keep each measurement to a few seconds.
        sample = pool[: min(len(pool), max(500, 40 * size))]
        start = time.perf_counter()
        for begin in range(0, len(sample), size):
            triage.predict(sample[begin : begin + size])
        rate = len(sample) / (time.perf_counter() - start)
        rows.append({"batch_size": size, "tickets_per_second": round(rate, 1)})
        print(f"  batch size {size:>5}: {rate:,.0f} tickets/s", flush=True)
    return rows


def plot(training: list[dict[str, float]], scoring: list[dict[str, float]], out: Path) -> None:
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    sizes = [row["tickets"] for row in training]
    left.loglog(sizes, [row["train_seconds"] for row in training], "o-", label="training time (s)")
    left.loglog(sizes, [row["train_peak_mb"] for row in training], "s--", label="peak memory (MB)")
    left.set(title="triage train against history size", xlabel="demo tickets in the history", ylabel="s / MB")
    left.legend()
    left.grid(True, which="both", alpha=0.3)
    right.semilogx([row["batch_size"] for row in scoring], [row["tickets_per_second"] for row in scoring], "o-")
    right.set(title="Scoring against batch size", xlabel="tickets per call", ylabel="tickets per second")
    right.grid(True, which="both", alpha=0.3)
    figure.tight_layout()
    figure.savefig(out)


def markdown(result: dict) -> str:
    lines = ["| history (tickets) | training s | peak MB |", "|---|---|---|"]
    lines += [f"| {r['tickets']:,} | {r['train_seconds']:,} | {r['train_peak_mb']:,} |" for r in result["training"]]
    lines += ["", "| batch size | tickets/s |", "|---|---|"]
    lines += [f"| {r['batch_size']:,} | {r['tickets_per_second']:,} |" for r in result["scoring"]]
    exponents = result["growth_exponents"]
    lines += [
        "",
        f"Growth exponent (log-log slope): training time {exponents['train_seconds']}, peak memory "
        f"{exponents['train_peak_mb']}. {result['machine']}; {result['date']}.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 200_000])
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[1, 8, 32, 128, 512, 2000])
    parser.add_argument("--score-tickets", type=int, default=8000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print("training against history size (triage train --no-track, demo history):", flush=True)
        training = training_curve(sorted(args.sizes), work)
        print("scoring against batch size (Triage.predict, explanations on):", flush=True)
        smallest = min(args.sizes)
        scoring = scoring_curve(
            work / f"model_{smallest}", work / f"history_{smallest}.jsonl", args.batch_sizes, args.score_tickets
        )
    sizes = [row["tickets"] for row in training]
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} cores {platform.machine()}, Python {platform.python_version()}, "
        f"load average at the end {os.getloadavg()[0]:.1f}",
        "training": training,
        "scoring": scoring,
        "largest_history_trained": max(sizes),
        "growth_exponents": {
            name: None if (k := growth_exponent(sizes, [row[name] for row in training])) is None else round(k, 2)
            for name in ("train_seconds", "train_peak_mb")
        },
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "cost_curve.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "cost_curve.md").write_text("# Cost curve\n\n" + markdown(result) + "\n")
    plot(training, scoring, RESULTS / "cost_curve.svg")
    replace_section("cost_curve", markdown(result))
    print(markdown(result))


if __name__ == "__main__":
    main()
