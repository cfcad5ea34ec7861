"""Load on the HTTP API as helpdesk plugins put it: `triage serve` on loopback, driven by wrk.

Targets (API issue, 2-core machine): `POST /v1/triage`, one realistic ticket per request (with history,
~400 characters): >= 600 requests/s at 16 connections with no errors and p99 <= 50 ms; p99 <= 10 ms at one
connection; `/healthz` p99 <= 10 ms while triage is saturated; `/v1/triage/batch` >= 3,000 tickets/s; server
memory <= 1 GB; cold start to ready <= 10 s. The batch route is also measured with `?explain=false` (bulk
re-scoring, no target). wrk and the server share the machine's cores, as a plugin's
proxy would. Writes benchmarks/results/load.json and load.md, and the README's load section.

    python benchmarks/load.py --model models/default [--seconds 60]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from functools import cache
from pathlib import Path

from readme_section import replace_section

RESULTS = Path(__file__).parent / "results"
KEY = "load-benchmark-key-0123456789"
TARGETS = {
    "triage_16_requests_per_second": (">=", 600.0),
    "triage_16_p99_ms": ("<=", 50.0),
    "triage_16_errors": ("<=", 0),
    "triage_1_p99_ms": ("<=", 10.0),
    "healthz_under_load_p99_ms": ("<=", 10.0),
    "batch_tickets_per_second": (">=", 3000.0),
    "server_memory_mb": ("<=", 1024.0),
    "reload_under_load_errors": ("<=", 0),
    "cold_start_seconds": ("<=", 10.0),
}
# Our own invented ticket: a customer's third message about a failing export, with the thread before it.
TICKET = {
    "id": "LOAD-1",
    "subject": "Nightly export still failing",
    "body": (
        "Hi again, the nightly CSV export to our S3 bucket failed for the third night in a row. The job log "
        "says 'AccessDenied' at 02:14 UTC although nobody changed the bucket policy. We re-ran it by hand, "
        "same error. Finance needs these files for month-end close on Friday, so please escalate."
    ),
    "channel": "email",
    "customer": {"name": "Northwind Traders", "plan": "business", "annual_contract_value": 48000},
    "history": [
        {"author": "customer", "body": "Our export job failed last night, can you check?"},
        {"author": "agent", "body": "Could you try re-running it and let us know if it happens again?"},
    ],
}
BATCH_SIZE = 100
# The batch route gets distinct tickets: one ticket repeated would find every per-word cache (n-gram columns,
# phrases) warm after its first word. BATCH_BODIES bodies of BATCH_SIZE demo tickets each (the demo generator,
# a fixed seed), taken in turn, so each body is sent again only after BATCH_BODIES - 1 others.
BATCH_SEED = 2026
BATCH_BODIES = 10
# Connections posting batches: two per worker. The forked workers accept on one socket and whichever wakes first
# takes every connection waiting, so two connections opened together often both land on one worker and leave
# the other core idle (measured: 5.5 s of CPU in one worker, 0.2 s in the other, over 10 s); four split evenly.
BATCH_CONNECTIONS = 4


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(model: Path, port: int, workers: int | None = None) -> tuple[subprocess.Popen, float]:
    env = {**os.environ, "TRIAGE_API_KEYS": KEY, "TRIAGE_FEEDBACK_URL": "", "OMP_NUM_THREADS": "1"}
    command = [sys.executable, "-m", "triage", "serve", "--model", str(model), "--port", str(port)]
    start = time.perf_counter()
    server = subprocess.Popen(
        command + (["--workers", str(workers)] if workers else []),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while time.perf_counter() - start < 120:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as answer:
                if answer.status == 200:
                    return server, time.perf_counter() - start
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit("the server did not become ready in 120 s")


def lua_post(path: Path, body: dict) -> Path:
    payload = _lua_string(json.dumps(body))
    path.write_text(
        f'wrk.method = "POST"\nwrk.body = {payload}\n'
        f'wrk.headers["Content-Type"] = "application/json"\nwrk.headers["Authorization"] = "Bearer {KEY}"\n'
    )
    return path


def lua_post_each(path: Path, bodies: list[dict]) -> Path:
    """A wrk script that posts the bodies in turn (each connection's thread starts at the first)."""
    listed = ",\n".join(_lua_string(json.dumps(body)) for body in bodies)
    path.write_text(
        f"local bodies = {{\n{listed}\n}}\nlocal next_body = 0\n"
        f'local headers = {{["Content-Type"] = "application/json", ["Authorization"] = "Bearer {KEY}"}}\n'
        "request = function()\n  next_body = next_body % #bodies + 1\n"
        '  return wrk.format("POST", nil, headers, bodies[next_body])\nend\n'
    )
    return path


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@cache
def batch_bodies() -> list[dict]:
    """BATCH_BODIES request bodies of BATCH_SIZE distinct demo tickets (labels dropped)."""
    from triage.datasets.demo.generator import generate
    from triage.schema import Ticket

    tickets = [
        Ticket.model_validate(labelled.model_dump(mode="json")).model_dump(mode="json", exclude_none=True)
        for labelled in generate(BATCH_SIZE * BATCH_BODIES, BATCH_SEED)
    ]
    return [{"tickets": tickets[start : start + BATCH_SIZE]} for start in range(0, len(tickets), BATCH_SIZE)]


def _mean_characters() -> int:
    tickets = [ticket for body in batch_bodies() for ticket in body["tickets"]]
    texts = [f"{ticket.get('subject', '')}\n{ticket.get('body', '')}" for ticket in tickets]
    return round(sum(map(len, texts)) / len(texts))


def wrk(url: str, connections: int, seconds: int, script: Path | None = None) -> subprocess.Popen:
    command = ["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    command += ["-s", str(script)] if script else ["-H", f"Authorization: Bearer {KEY}"]
    return subprocess.Popen([*command, url], stdout=subprocess.PIPE, text=True)


def parse(output: str) -> dict[str, float]:
    """Requests/s, p50/p99 in ms and non-2xx or socket errors from wrk's --latency report."""

    def ms(label: str) -> float:
        found = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        if found is None:
            raise ValueError(f"no {label}th percentile in wrk's output:\n{output}")
        value, unit = float(found[1]), found[2]
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50_ms": ms("50"),
        "p99_ms": ms("99"),
        "errors": errors + (int(non_2xx[1]) if non_2xx else 0),
    }


def run(url: str, connections: int, seconds: int, script: Path | None = None) -> dict[str, float]:
    output, _ = wrk(url, connections, seconds, script).communicate()
    return parse(output)


def server_processes(pid: int) -> list[int]:
    """The server's process and its workers (forked children)."""
    children = [
        int(child) for task in Path(f"/proc/{pid}/task").iterdir() for child in (task / "children").read_text().split()
    ]
    return [pid, *children]


def memory_mb(pid: int) -> float:
    """The server's memory as PSS summed over its processes: a page shared by the forked workers counts once
    in all, not once per process as summed RSS would (Linux's smaps_rollup)."""
    total_kb = 0
    for process in server_processes(pid):
        rollup = Path(f"/proc/{process}/smaps_rollup").read_text()
        total_kb += int(re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)[1])
    return total_kb / 1024


def reload_under_load(base: str, seconds: int, script: Path) -> dict[str, float]:
    """16 connections on /v1/triage while /v1/admin/reload swaps the model in every worker, twice: every
    request must still be answered (the reload's own status counts as an error unless 200)."""
    loaded = wrk(f"{base}/v1/triage", 16, seconds, script)
    failed_reloads = 0
    for _ in range(2):
        time.sleep(seconds / 4)
        request = urllib.request.Request(
            f"{base}/v1/admin/reload", method="POST", headers={"Authorization": f"Bearer {KEY}"}
        )
        try:
            with urllib.request.urlopen(request, timeout=seconds) as answer:
                failed_reloads += answer.status != 200
        except OSError:
            failed_reloads += 1
    result = parse(loaded.communicate()[0])
    return {**result, "errors": result["errors"] + failed_reloads}


def measure(model: Path, seconds: int, workers: int | None = None) -> dict[str, object]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server, cold_start = start_server(model, port, workers)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            one = lua_post(Path(tmp) / "one.lua", TICKET)
            batch = lua_post_each(Path(tmp) / "batch.lua", batch_bodies())
            run(f"{base}/v1/triage", 16, 5, one)  # warm-up
            single = run(f"{base}/v1/triage", 1, seconds, one)
            # Saturated triage with a health probe beside it, as an orchestrator's liveness check would be.
            loaded = wrk(f"{base}/v1/triage", 16, seconds, one)
            health = run(f"{base}/healthz", 1, seconds)
            saturated = parse(loaded.communicate()[0])
            batches = run(f"{base}/v1/triage/batch", BATCH_CONNECTIONS, seconds, batch)
            # Bulk re-scoring: the same bodies without the model's phrases among the reasons.
            bare_batches = run(f"{base}/v1/triage/batch?explain=false", BATCH_CONNECTIONS, seconds, batch)
            memory = memory_mb(server.pid)  # before the reloads, which give each worker its own model
            reloaded = reload_under_load(base, max(seconds // 2, 10), one)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "triage_16_requests_per_second": saturated["requests_per_second"],
        "triage_16_p50_ms": saturated["p50_ms"],
        "triage_16_p99_ms": saturated["p99_ms"],
        "triage_16_errors": saturated["errors"],
        "triage_1_requests_per_second": single["requests_per_second"],
        "triage_1_p50_ms": single["p50_ms"],
        "triage_1_p99_ms": single["p99_ms"],
        "healthz_under_load_p99_ms": health["p99_ms"],
        "batch_tickets_per_second": batches["requests_per_second"] * BATCH_SIZE,
        "batch_errors": batches["errors"],
        "batch_without_explanations_tickets_per_second": bare_batches["requests_per_second"] * BATCH_SIZE,
        "batch_without_explanations_errors": bare_batches["errors"],
        "server_memory_mb": memory,
        "reload_under_load_errors": reloaded["errors"],
        "cold_start_seconds": cold_start,
    }


def met(name: str, value: float) -> bool:
    direction, target = TARGETS[name]
    return value >= target if direction == ">=" else value <= target


def table(result: dict[str, object]) -> str:
    rows = ["| measure | value | target | met |", "|---|---|---|---|"]
    for name, value in result["measures"].items():
        target = TARGETS.get(name)
        shown = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
        if target:
            rows.append(f"| {name} | {shown} | {target[0]} {target[1]:,} | {'yes' if met(name, value) else 'no'} |")
        else:
            rows.append(f"| {name} | {shown} | | |")
    return "\n".join(rows) + f"\n\n{result['setup']}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=Path("models/default"))
    parser.add_argument("--seconds", type=int, default=60, help="Length of each wrk run.")
    parser.add_argument("--workers", type=int, help="triage serve --workers (default: the command's own).")
    parser.add_argument(
        "--no-readme", action="store_true", help="Write benchmarks/results only, not README.md's load section."
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk (make bench installs it when run as root)")
    measures = measure(args.model, args.seconds, args.workers)
    version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.splitlines()
    result = {
        "measures": measures,
        "met": {name: met(name, value) for name, value in measures.items() if name in TARGETS},
        "setup": (
            f"`triage serve --workers {args.workers or 'default'}` (dynamic batching in each worker) and "
            f"{version[0] if version else 'wrk'} on the same "
            f"{os.cpu_count()}-core {platform.machine()} machine, loopback, Python {platform.python_version()}; "
            f"{args.seconds} s per run; one ~400-character ticket with a two-turn history per request; "
            f"batch requests of {BATCH_SIZE} distinct demo tickets on {BATCH_CONNECTIONS} connections, "
            f"{BATCH_BODIES} such bodies in turn "
            f"({BATCH_SIZE * BATCH_BODIES} tickets, triage.datasets.demo seed {BATCH_SEED}, "
            f"{_mean_characters()} characters of subject and body on average); "
            "memory is PSS summed over the server's processes after the load "
            f"runs; load average at the end {os.getloadavg()[0]:.1f}."
        ),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "load.md").write_text(table(result))
    if not args.no_readme:
        replace_section("load", table(result))
    print(table(result))


if __name__ == "__main__":
    main()
