"""The robustness catalogue against a real server: every hostile request of tests/service/robustness_cases.py
sent over loopback HTTP to ``triage serve``, each timed, while a thread polls ``/healthz``.

Targets (issue 10): no answer is a 500, each is the expected status with its problem message, none takes more
than 1 s, and ``/healthz`` answers within 50 ms throughout. Writes benchmarks/results/robustness.json and
robustness.md (a README-ready table, also printed).

    python benchmarks/robustness.py [--model models/default] [--out benchmarks/results]

The server runs as a subprocess on a free loopback port, with an API key, webhook secrets, a feedback store
and copies of the model directory and its policy file in a temporary folder (the reload cases break them for a
moment); its body timeout is 0.5 s (default 10 s) so that the slow-body case's 408 fits in the 1 s budget.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event as EventType
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "service"))  # the catalogue and the server are shared with the tests

import robustness_cases as catalogue  # noqa: E402
from subprocess_server import ServerDidNotStart, SubprocessServer  # noqa: E402

RESULTS = Path(__file__).parent / "results"
MAX_CASE_SECONDS = 1.0
MAX_HEALTHZ_MS = 50.0
HEALTHZ_EVERY_S = 0.02
READY_WITHIN_S = 180.0


@contextmanager
def running_server(model: Path, folder: Path) -> Iterator[OverHttp]:
    """``triage serve`` of a copy of ``model`` on a free loopback port, ready; yields a transport to it."""
    served = Path(shutil.copytree(model, folder / "model"))
    policy_file = Path(shutil.copy(model / "escalation.yaml", folder / "policy.yaml"))
    environment = catalogue.server_environment(policy_file, f"sqlite:///{folder / 'feedback.db'}")

    def command(port: int) -> list[str]:
        serve = ["serve", "--model", str(served), "--config", str(policy_file), "--port", str(port)]
        return [sys.executable, "-m", "triage", *serve]

    server = SubprocessServer(command, environment, folder / "server.log", "/readyz", READY_WITHIN_S)
    try:
        server.start()
    except ServerDidNotStart as error:
        raise SystemExit(str(error)) from None
    try:
        transport = OverHttp(server.base_url, policy_file, served)
        yield transport
        transport.client.close()
    finally:
        server.stop()


class OverHttp(catalogue.ClientTransport):
    """:class:`robustness_cases.Transport` over real HTTP (httpx; a raw socket for the slow body)."""

    def __init__(self, base: str, policy_file: Path, model_dir: Path) -> None:
        client = httpx.Client(base_url=base, timeout=30, limits=httpx.Limits(max_connections=16))
        super().__init__(client, policy_file, model_dir)
        self.base = base

    def send_slow(self, request: catalogue.Request) -> catalogue.Outcome:
        """The head and a tenth of the body, then silence: the answer must come before the body would."""
        body = request.body or b""
        host, port = self.base.removeprefix("http://").split(":")
        head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {host}", f"Content-Length: {len(body)}"]
        head += [f"{name}: {value}" for name, value in self.headers(request).items()]
        start = time.perf_counter()
        with socket.create_connection((host, int(port)), timeout=catalogue.BODY_TIMEOUT_S * 10) as raw:
            raw.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body[: len(body) // 10])
            answer = b""
            while chunk := raw.recv(65536):
                answer += chunk
        seconds = time.perf_counter() - start
        status_line, _, rest = answer.partition(b"\r\n")
        headers, _, content = rest.partition(b"\r\n\r\n")
        content_type = next(
            (
                line.split(b":", 1)[1].strip().decode()
                for line in headers.split(b"\r\n")
                if line.lower().startswith(b"content-type:")
            ),
            "",
        )
        status = int(status_line.split()[1]) if status_line.startswith(b"HTTP/") else 0
        return catalogue.Outcome(status, content_type, catalogue.detail_of(content_type, content), seconds)


def poll_healthz(base: str, started: EventType, stop: EventType, results: Connection) -> None:
    """``GET /healthz`` every 20 ms on a connection of its own until ``stop`` (``started`` after the first
    answer); sends back (when each poll was sent, its milliseconds), a failed or non-200 answer counting as
    infinitely slow."""
    polls: list[tuple[float, float]] = []
    with httpx.Client(base_url=base, timeout=5) as client:
        while not stop.is_set():
            start = time.monotonic()
            try:
                ok = client.get("/healthz").status_code == 200
            except httpx.TransportError:
                ok = False
            polls.append((start, (time.monotonic() - start) * 1000 if ok else float("inf")))
            started.set()
            stop.wait(HEALTHZ_EVERY_S)
    results.send(polls)


@contextmanager
def healthz_polled(base: str) -> Iterator[list[tuple[float, float]]]:
    """:func:`poll_healthz` in a process of its own while the block runs (in a thread of this one it would
    also time this process: building a 50 MB body held it up); the list is filled when the block ends."""
    context = multiprocessing.get_context("fork")
    started, stop, (receiver, sender) = context.Event(), context.Event(), context.Pipe(duplex=False)
    poller = context.Process(target=poll_healthz, args=(base, started, stop, sender), daemon=True)
    poller.start()
    started.wait(30)
    polls: list[tuple[float, float]] = []
    try:
        yield polls
    finally:
        stop.set()
        polls.extend(receiver.recv())
        poller.join(10)


def worst_between(polls: list[tuple[float, float]], start: float, end: float) -> float:
    """The slowest answer to a poll sent between ``start`` and ``end`` (``time.monotonic``), in ms."""
    return max((ms for sent, ms in polls if start <= sent <= end), default=0.0)


def judged(case: catalogue.Case, outcome: catalogue.Outcome, healthz_ms: float) -> dict[str, object]:
    problems = catalogue.failures(case, outcome)
    if outcome.seconds > MAX_CASE_SECONDS:
        problems.append(f"took {outcome.seconds:.2f} s, more than {MAX_CASE_SECONDS:g} s")
    if healthz_ms > MAX_HEALTHZ_MS:
        problems.append(f"/healthz took {healthz_ms:.0f} ms meanwhile, more than {MAX_HEALTHZ_MS:g} ms")
    return {
        "case": case.name,
        "expected": case.status,
        "got": outcome.status,
        "seconds": round(outcome.seconds, 3),
        "healthz_max_ms": round(healthz_ms, 1),
        "ok": not problems,
        "message": case.message,
        "detail": outcome.detail[:300],
        "note": outcome.note,
        "failures": problems,
    }


def run(model: Path) -> dict[str, Any]:
    load = "load average {:.1f} {:.1f} {:.1f} at the start (the machine is shared)".format(*os.getloadavg())
    with (
        tempfile.TemporaryDirectory(prefix="triage-robustness-") as tmp,
        running_server(model, Path(tmp)) as transport,
    ):
        catalogue.run_case(transport, catalogue.CASES[0])  # one request first, so no case pays for the first connection
        runs = []
        with healthz_polled(transport.base) as polls:
            for case in catalogue.CASES:
                start = time.monotonic()
                outcome = catalogue.run_case(transport, case)
                time.sleep(HEALTHZ_EVERY_S * 2)  # a poll sent while the case ran may answer after it
                runs.append((case, outcome, start, time.monotonic()))
    rows = [judged(case, outcome, worst_between(polls, start, end)) for case, outcome, start, end in runs]
    times = sorted(ms for _, ms in polls)
    healthz = {
        "polls": len(times),
        "p50_ms": round(times[len(times) // 2], 2),
        "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))], 2),
        "max_ms": round(times[-1], 2),
        "over_limit": sum(ms > MAX_HEALTHZ_MS for ms in times),
        "limit_ms": MAX_HEALTHZ_MS,
    }
    return {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {load}",
        "server": "triage serve (uvicorn, one worker) on 127.0.0.1; client httpx, one case at a time",
        "model": str(model.relative_to(ROOT)) if model.is_relative_to(ROOT) else str(model),
        "body_timeout_s": catalogue.BODY_TIMEOUT_S,
        "cases": rows,
        "healthz": healthz,
        "passed": sum(bool(row["ok"]) for row in rows),
        "total": len(rows),
        "all_ok": all(row["ok"] for row in rows) and healthz["over_limit"] == 0,
    }


def markdown(result: dict[str, Any]) -> str:
    rows = result["cases"]
    lines = ["| case | expected | got | seconds | /healthz max ms | ok |", "|---|---|---|---|---|---|"]
    for row in rows:
        got = f"{row['got']} ({row['note']})" if row["note"] else str(row["got"])
        ok = "yes" if row["ok"] else "NO"
        lines.append(
            f"| {row['case']} | {row['expected']} | {got} | {row['seconds']:.3f} | {row['healthz_max_ms']} | {ok} |"
        )
    health = result["healthz"]
    lines += [
        "",
        f"{result['passed']} of {result['total']} cases as expected (no 500, the expected status and problem message, "
        f"each ≤ {MAX_CASE_SECONDS:g} s). `/healthz` polled every {HEALTHZ_EVERY_S * 1000:.0f} ms meanwhile: "
        f"{health['polls']} answers, p50 {health['p50_ms']} ms, p99 {health['p99_ms']} ms, max {health['max_ms']} ms, "
        f"{health['over_limit']} over {MAX_HEALTHZ_MS:g} ms. Machine: {result['machine']}; {result['server']}; "
        f"body timeout {result['body_timeout_s']} s for the slow-body case.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "default", help="Model directory to serve.")
    parser.add_argument("--out", type=Path, default=RESULTS, help="Folder for robustness.json and robustness.md.")
    args = parser.parse_args()
    result = run(args.model.resolve())
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "robustness.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table = markdown(result)
    (args.out / "robustness.md").write_text(table, encoding="utf-8")
    print(table)
    for row in result["cases"]:
        if not row["ok"]:
            print(f"FAILED {row['case']}: {'; '.join(row['failures'])}", file=sys.stderr)
    sys.exit(0 if result["all_ok"] else 1)


if __name__ == "__main__":
    main()
