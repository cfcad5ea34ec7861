"""A server in a child process on a free loopback port: what the crash-safety test kills with SIGKILL and
``benchmarks/robustness.py`` sends its catalogue to (a thread in the test process could be neither killed
nor measured apart from its client)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import httpx

REPOSITORY = Path(__file__).resolve().parents[2]


class ServerDidNotStart(RuntimeError):
    """The child exited, or did not answer in time; the message ends with the tail of its log."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SubprocessServer:
    """``command(port)`` run with ``environment`` added to this process's; started when ``ready_path``
    answers 200. Use as a context manager; :meth:`kill` is SIGKILL, :meth:`start` may be called again after
    it (a new port, the same files)."""

    def __init__(
        self,
        command: Callable[[int], list[str]],
        environment: Mapping[str, str],
        log: Path,
        ready_path: str = "/healthz",
        ready_within_s: float = 120.0,
    ) -> None:
        self.command, self.environment, self.log = command, dict(environment), log
        self.ready_path, self.ready_within_s = ready_path, ready_within_s
        self.process: subprocess.Popen[bytes] | None = None
        self.base_url = ""

    def start(self) -> SubprocessServer:
        port = free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(port),
                env={**os.environ, **self.environment},
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=REPOSITORY,
            )
        deadline = time.monotonic() + self.ready_within_s
        while not self._ready():
            if self.process.poll() is not None:
                raise ServerDidNotStart(f"the server exited with {self.process.returncode}: {self.log_tail()}")
            if time.monotonic() > deadline:
                self.kill()
                raise ServerDidNotStart(f"{self.ready_path} did not answer within {self.ready_within_s:g} s")
            time.sleep(0.1)
        return self

    def _ready(self) -> bool:
        try:
            return httpx.get(self.base_url + self.ready_path, timeout=1).status_code == 200
        except httpx.TransportError:
            return False

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def log_tail(self, characters: int = 2000) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-characters:]

    def __enter__(self) -> SubprocessServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
