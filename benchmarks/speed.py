"""Speed and size of the default model, measured against the targets of the engine issue.

Targets (2-core machine): training on 20,000 demo tickets <= 120 s; batch prediction >= 1,000 tickets/s in
one process with every head and the spaCy signals; one ticket <= 10 ms p99 in process; artefact <= 50 MB;
peak memory while predicting <= 1 GB. Writes benchmarks/results/speed.json and speed.md.

    python benchmarks/speed.py --data data/demo/history.jsonl [--model models/default]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

import numpy as np
from readme_section import replace_section

RESULTS = Path(__file__).parent / "results"
TARGETS = {
    "train_seconds": ("<=", 120.0),
    "batch_tickets_per_second": (">=", 1000.0),
    "single_ticket_p99_ms": ("<=", 10.0),
    "artefact_mb": ("<=", 50.0),
    "predict_peak_memory_mb": ("<=", 1024.0),
}


def measure_training(data: Path, rows: int) -> tuple[float, Path]:
    from triage.io import read_labelled
    from triage.model.persistence import save_model
    from triage.model.training import train
    from triage.policy.config import load_config

    tickets = read_labelled(data)[:rows]
    start = time.perf_counter()
    result = train(tickets, load_config())
    seconds = time.perf_counter() - start
    out = Path(tempfile.mkdtemp(prefix="triage-bench-")) / "model"
    save_model(result.model, out)
    return seconds, out


def measure_prediction(model_dir: Path, data: Path) -> dict[str, float]:
    """Run in a fresh process so that peak memory is prediction's alone."""
    from triage.io import iter_records
    from triage.pipeline import load_triage
    from triage.schema import Ticket

    # Loaded once, as the CLI and the service hold it (model and policy).
    triage = load_triage(model_dir)
    # Three disjoint sets of tickets, so that no phase meets texts an earlier phase has seen.
    tickets = list(islice(iter_records(data, Ticket), 7050))
    first_batch, second_batch, singles = tickets[:3000], tickets[3000:6000], tickets[6000:7000]
    triage.predict(tickets[7000:])  # warm-up: lazy spaCy and VADER set-up

    def batch_rate(batch: list, explain: bool) -> tuple[float, float]:
        """Tickets per second (wall clock) and CPU milliseconds per ticket: the CPU time is the figure to
        compare on a machine shared with other work, and what a server's throughput per core follows."""
        start, start_cpu = time.perf_counter(), time.process_time()
        for begin in range(0, len(batch), 500):
            triage.predict(batch[begin : begin + 500], explain=explain)
        cpu_ms = (time.process_time() - start_cpu) * 1000 / len(batch)
        return len(batch) / (time.perf_counter() - start), cpu_ms

    bare, bare_cpu_ms = batch_rate(first_batch, explain=False)
    explained, explained_cpu_ms = batch_rate(second_batch, explain=True)
    rates = {
        "batch_tickets_per_second": bare,
        "batch_with_explanations_tickets_per_second": explained,
        "batch_cpu_ms_per_ticket": bare_cpu_ms,
        "batch_with_explanations_cpu_ms_per_ticket": explained_cpu_ms,
    }
    latencies = []
    for ticket in singles:  # the API's case: one ticket, with explanations
        begin = time.perf_counter()
        triage.predict([ticket])
        latencies.append((time.perf_counter() - begin) * 1000)
    # VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec and reports the training parent's peak.
    status = Path("/proc/self/status").read_text()
    peak_kb = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
    return {
        # Every head, the spaCy signals and the policy; per-ticket explanations are the costly extra.
        **rates,
        "single_ticket_p50_ms": float(np.percentile(latencies, 50)),
        "single_ticket_p99_ms": float(np.percentile(latencies, 99)),
        "predict_peak_memory_mb": peak_kb / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("data/demo/history.jsonl"))
    parser.add_argument("--model", type=Path, help="predict with this model instead of the one trained here")
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--predict-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--no-readme", action="store_true", help="Write benchmarks/results only, not README.md's speed section."
    )
    args = parser.parse_args()
    if args.predict_only:
        print(json.dumps(measure_prediction(args.model, args.data)))
        return

    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    train_seconds, trained_dir = measure_training(args.data, args.rows)
    model_dir = args.model or trained_dir
    child = subprocess.run(
        [sys.executable, __file__, "--predict-only", "--model", str(model_dir), "--data", str(args.data)],
        capture_output=True,
        text=True,
        check=True,
    )
    results = {
        "train_seconds": train_seconds,
        "train_rows": args.rows,
        **json.loads(child.stdout.strip().splitlines()[-1]),
        "artefact_mb": (model_dir / "model.skops").stat().st_size / 2**20,
        "cpu_count": os.cpu_count(),
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    results["targets_met"] = {
        name: (results[name] <= bound if op == "<=" else results[name] >= bound)
        for name, (op, bound) in TARGETS.items()
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "speed.json").write_text(json.dumps(results, indent=2))
    lines = ["| measure | value | target | met |", "|---|---|---|---|"]
    for name in (
        "batch_with_explanations_tickets_per_second",
        "batch_cpu_ms_per_ticket",
        "batch_with_explanations_cpu_ms_per_ticket",
        "single_ticket_p50_ms",
    ):
        lines.append(f"| {name} | {results[name]:.1f} | | |")
    for name, (op, bound) in TARGETS.items():
        lines.append(
            f"| {name} | {results[name]:.1f} | {op} {bound:g} | {'yes' if results['targets_met'][name] else 'NO'} |"
        )
    (RESULTS / "speed.md").write_text("\n".join(lines) + "\n")
    if not args.no_readme:
        replace_section("speed", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
