"""Time and size of the predicted-risk report, through the command users run (`triage report risk`).

Target (reports issue): 5,000 open tickets, with a closed history for the trends and the trust section,
written in under 10 s, weighing under 5 MB. The open tickets are the last 5,000 of the demo history
(without their labels), the history the 15,000 before them. The command runs with its defaults (its work
shared by as many processes as the machine has cores, at most 4); the CPU seconds of the command and its
helpers and the load average are recorded beside the time, since a busy machine stretches the time, not the
CPU. Writes benchmarks/results/report.json and report.md, and the README's report section (--no-readme: not).

    python benchmarks/report.py --data data/demo/history.jsonl [--model models/default] [--no-readme]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from readme_section import replace_section

RESULTS = Path(__file__).parent / "results"
OPEN_TICKETS = 5000
TARGETS = {"seconds": 10.0, "megabytes": 5.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("data/demo/history.jsonl"))
    parser.add_argument("--model", type=Path, default=Path("models/default"))
    parser.add_argument("--no-readme", action="store_true", help="Leave README.md as it is.")
    args = parser.parse_args()
    from triage.io import read_labelled, write_records
    from triage.schema import Ticket

    history = read_labelled(args.data)
    closed, open_rows = history[:-OPEN_TICKETS], history[-OPEN_TICKETS:]
    with tempfile.TemporaryDirectory() as tmp:
        open_file = write_records(
            [Ticket.model_validate(t.model_dump(include=set(Ticket.model_fields))) for t in open_rows],
            Path(tmp) / "open.jsonl",
        )
        closed_file = write_records(closed, Path(tmp) / "closed.jsonl")
        out = Path(tmp) / "report.html"
        command = [sys.executable, "-m", "triage", "report", "risk", "--model", str(args.model)]
        command += ["--input", str(open_file), "--history", str(closed_file), "--out", str(out)]
        cpu_before = _children_cpu()
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        cpu_seconds = _children_cpu() - cpu_before
        megabytes = out.stat().st_size / 1e6
    result = {
        "open_tickets": len(open_rows),
        "history_tickets": len(closed),
        "seconds": round(seconds, 2),
        "megabytes": round(megabytes, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "load_average_1min": os.getloadavg()[0],
        "cores": os.cpu_count(),
        "targets": TARGETS,
        "met": {"seconds": seconds <= TARGETS["seconds"], "megabytes": megabytes <= TARGETS["megabytes"]},
        "machine": f"{platform.machine()}, {platform.python_version()}, whole command incl. start-up",
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "report.json").write_text(json.dumps(result, indent=2))
    table = "\n".join(
        [
            "| measure | value | target | met |",
            "|---|---|---|---|",
            f"| `triage report risk`, {len(open_rows):,} open + {len(closed):,} closed tickets, seconds "
            f"| {seconds:.1f} | <= {TARGETS['seconds']:g} | {'yes' if result['met']['seconds'] else 'no'} |",
            f"| page size, MB | {megabytes:.2f} | <= {TARGETS['megabytes']:g} "
            f"| {'yes' if result['met']['megabytes'] else 'no'} |",
        ]
    )
    (RESULTS / "report.md").write_text(table + "\n")
    if not args.no_readme:
        replace_section("report", table)
    print(table)
    print(f"CPU {cpu_seconds:.1f} s (the command and its helpers), load average {os.getloadavg()[0]:.1f}")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
