"""The cost curve (issue 14): training time and peak memory against history size, and scoring throughput
against batch size, with the fitted growth exponent.

Training goes through the CLI users run (`triage demo-data`, then `triage train --no-track` on the demo
history alone, in a child process whose peak resident memory is read back); scoring through the pipeline
call that `triage predict` and the API make for each batch (`Triage.predict`, explanations on). The growth
exponent k is the least-squares slope of log(cost) against log(size): k = 1 is linear. Histories above
`triage train`'s --stream-above (100,000 by default) train out of core (triage.model.streaming); each row says
which. Wall time is only indicative on a machine others share: the CPU seconds of the training process (user
+ system) are recorded beside it. A training that runs past --time-cap is stopped and recorded as not
finished; the largest history trained is the largest that finished. Writes
benchmarks/results/cost_curve.{json,md,svg} and, unless --no-readme, the README's cost-curve section.

    python benchmarks/cost_curve.py [--sizes 10000 50000 200000] [--batch-sizes 1 8 32 128 512 2000]
        [--time-cap 3600] [--work DIR] [--merge] [--no-readme] [--stream-above N --name cost_curve_streamed]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from readme_section import replace_section  # noqa: E402

RESULTS = Path(__file__).parent / "results"
TRIAGE = [sys.executable, "-m", "triage"]
# Runs the command (argv[2:]) for at most argv[1] seconds and reports its wall time, CPU seconds, peak resident
# memory (KiB on Linux) and exit status ("timeout" when stopped at the cap).
MEASURED = """
import resource, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
try:
    _, stderr = child.communicate(timeout=float(sys.argv[1]))
    status = child.returncode
except subprocess.TimeoutExpired:
    child.kill()
    _, stderr = child.communicate()
    status = "timeout"
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - start, used.ru_utime + used.ru_stime, used.ru_maxrss, status)
print(stderr[-2000:], file=sys.stderr)
"""


def measured(command: list[str], time_cap: float) -> tuple[float, float, float] | None:
    """Wall seconds, CPU seconds and peak MB of ``command`` in its own process; None when it ran past
    ``time_cap`` seconds; exits with its error when it fails."""
    run = subprocess.run([sys.executable, "-c", MEASURED, str(time_cap), *command], capture_output=True, text=True)
    seconds, cpu_seconds, peak_kib, status = run.stdout.split()
    if status == "timeout":
        return None
    if int(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed ({status}): {run.stderr.strip()[-500:]}")
    return float(seconds), float(cpu_seconds), int(peak_kib) / 1024


def growth_exponent(sizes: list[float], costs: list[float]) -> float | None:
    """The slope of log(cost) on log(size); None with fewer than two points."""
    if len(sizes) < 2:
        return None
    return float(np.polyfit(np.log(sizes), np.log(costs), 1)[0])


def training_curve(
    sizes: list[int], work: Path, time_cap: float, stream_above: int | None = None
) -> tuple[list[dict[str, Any]], list[int]]:
    """One row per history trained, and the sizes stopped at the time cap (larger ones are not tried)."""
    rows: list[dict[str, Any]] = []
    for size in sizes:
        history, model = work / f"history_{size}.jsonl", work / f"model_{size}"
        if not history.exists():  # kept in --work between runs: a million demo tickets take minutes to write
            demo = [*TRIAGE, "demo-data", "--tickets", str(size), "--seed", "0", "--out", str(history)]
            subprocess.run(demo, check=True, stdout=subprocess.DEVNULL)
        shutil.rmtree(model, ignore_errors=True)
        train = [*TRIAGE, "train", "--data", str(history), "--out", str(model), "--no-track"]
        cost = measured(train + ([] if stream_above is None else ["--stream-above", str(stream_above)]), time_cap)
        if cost is None:
            print(f"  {size:>9,} tickets: not finished in {time_cap:,.0f} s", flush=True)
            return rows, [size]
        seconds, cpu_seconds, peak_mb = cost
        streamed = json.loads((model / "model_card.json").read_text()).get("training", {})
        rows.append(
            {
                "tickets": size,
                "train_seconds": round(seconds, 1),
                "train_cpu_seconds": round(cpu_seconds, 1),
                "train_peak_mb": round(peak_mb),
                "mode": f"streamed (core {streamed['core_rows']:,})" if streamed else "in memory",
            }
        )
        print(
            f"  {size:>9,} tickets: trained in {seconds:.1f} s ({cpu_seconds:.1f} s CPU), peak {peak_mb:,.0f} MB",
            flush=True,
        )
    return rows, []


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
    lines = ["| history (tickets) | training | wall s | CPU s | peak MB |", "|---|---|---|---|---|"]
    lines += [
        f"| {r['tickets']:,} | {r['mode']} | {r['train_seconds']:,} | {r['train_cpu_seconds']:,} | "
        f"{r['train_peak_mb']:,} |"
        for r in result["training"]
    ]
    lines += [
        f"| {size:,} | not finished in {result['time_cap_seconds']:,.0f} s | | | |" for size in result["not_finished"]
    ]
    if result["scoring"]:  # none when the run only trained
        lines += ["", "| batch size | tickets/s |", "|---|---|"]
        lines += [f"| {r['batch_size']:,} | {r['tickets_per_second']:,} |" for r in result["scoring"]]
    exponents, largest = result["growth_exponents"], result["largest_history_trained"]
    lines += [
        "",
        f"Growth exponent (log-log slope): training time {exponents['train_seconds']} (CPU "
        f"{exponents['train_cpu_seconds']}), peak memory {exponents['train_peak_mb']}. Largest history trained: "
        f"{largest['tickets']:,} tickets in {largest['seconds']:,} s. "
        f"{result['machine']}; {result['date']}.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 200_000])
    parser.add_argument("--batch-sizes", type=int, nargs="*", default=[1, 8, 32, 128, 512, 2000])
    parser.add_argument("--score-tickets", type=int, default=8000)
    parser.add_argument("--time-cap", type=float, default=3600.0, help="seconds one training may take")
    parser.add_argument("--work", type=Path, help="keep the demo histories and models here (default: a temp dir)")
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep the last results' rows for sizes (and, with no --batch-sizes, the scoring) not measured now",
    )
    parser.add_argument("--no-readme", action="store_true", help="leave README.md as it is")
    parser.add_argument("--stream-above", type=int, help="passed to triage train (default: its own)")
    parser.add_argument("--name", default="cost_curve", help="results/NAME.{json,md,svg}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = args.work or Path(folder)
        work.mkdir(parents=True, exist_ok=True)
        print("training against history size (triage train --no-track, demo history):", flush=True)
        training, not_finished = training_curve(sorted(args.sizes), work, args.time_cap, args.stream_above)
        scoring = []
        if training and args.batch_sizes:
            print("scoring against batch size (Triage.predict, explanations on):", flush=True)
            smallest = training[0]["tickets"]
            scoring = scoring_curve(
                work / f"model_{smallest}", work / f"history_{smallest}.jsonl", args.batch_sizes, args.score_tickets
            )
    if args.merge and (RESULTS / f"{args.name}.json").exists():
        training, not_finished, scoring = merged(
            json.loads((RESULTS / f"{args.name}.json").read_text()), args.sizes, training, not_finished, scoring
        )
    if not training:
        raise SystemExit(f"no history trained within {args.time_cap:,.0f} s")
    result = summary(training, not_finished, scoring, args.time_cap)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.name}.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / f"{args.name}.md").write_text("# Cost curve\n\n" + markdown(result) + "\n")
    plot(training, scoring, RESULTS / f"{args.name}.svg")
    if not (args.no_readme or args.stream_above):  # the README shows the default's curve
        replace_section("cost_curve", markdown(result))
    print(markdown(result))


def merged(
    last: dict[str, Any], sizes: list[int], training: list[dict], not_finished: list[int], scoring: list[dict]
) -> tuple[list[dict], list[int], list[dict]]:
    """This run's rows with the last results' rows for the sizes it did not measure (and their scoring when
    this run scored nothing)."""
    kept = [row for row in last["training"] if row["tickets"] not in sizes]
    kept_unfinished = [size for size in last.get("not_finished", []) if size not in sizes]
    rows = sorted(kept + training, key=lambda row: row["tickets"])
    return rows, sorted(kept_unfinished + not_finished), scoring or last["scoring"]


def summary(training: list[dict], not_finished: list[int], scoring: list[dict], time_cap: float) -> dict[str, Any]:
    sizes = [row["tickets"] for row in training]
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} cores {platform.machine()}, Python {platform.python_version()}, "
        f"load average at the end {os.getloadavg()[0]:.1f}",
        "training": training,
        "not_finished": not_finished,
        "time_cap_seconds": time_cap,
        "scoring": scoring,
        "largest_history_trained": {"tickets": training[-1]["tickets"], "seconds": training[-1]["train_seconds"]},
        "growth_exponents": {
            name: None if (k := growth_exponent(sizes, [row[name] for row in training])) is None else round(k, 2)
            for name in ("train_seconds", "train_cpu_seconds", "train_peak_mb")
        },
    }


if __name__ == "__main__":
    main()
