"""Helpers for the feedback tests: events, and a throwaway PostgreSQL cluster when a server is installed."""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from triage.feedback import FeedbackIn

T = TypeVar("T")


def race(target: Callable[[int], T], count: int) -> list[T]:
    """``target(0)`` ... ``target(count - 1)`` in threads released at the same instant; their results in
    order (an exception in one is raised here)."""
    start = threading.Barrier(count)

    def run(index: int) -> T:
        start.wait()
        return target(index)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def event(key: str = "key-1", ticket_id: str = "T-1", **fields: Any) -> FeedbackIn:
    labels = fields or {"tier": 2, "team": "billing", "triggers": ["financial"]}
    return FeedbackIn.model_validate({"idempotency_key": key, "ticket_id": ticket_id, "source": "agent", **labels})


def _postgres_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(versions[-1]).parent if versions else None


class _Cluster:
    url: str | None = None
    skip_reason: str | None = None

    def start(self) -> None:
        bin_dir = _postgres_bin()
        if bin_dir is None:
            self.skip_reason = "no PostgreSQL server binaries (pg_ctl not on PATH nor in /usr/lib/postgresql/*/bin)"
            return
        try:
            import psycopg  # noqa: F401
        except ImportError:
            self.skip_reason = "psycopg is not installed (pip install 'triage[postgres]')"
            return
        prefix: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root: run the cluster as the postgres (or nobody) user
            user = next((name for name in ("postgres", "nobody") if _has_user(name)), None)
            if user is None or shutil.which("runuser") is None:
                self.skip_reason = "running as root and no unprivileged user to run PostgreSQL as"
                return
            prefix = ["runuser", "-u", user, "--"]
        root = Path(tempfile.mkdtemp(prefix="triage-pg-"))
        root.chmod(0o777)
        data = root / "data"
        initdb = [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "triage", "--no-sync"]
        start = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-t", "30"]
        options = f"-k {root} -p 5432 -c listen_addresses='' -c fsync=on"
        try:
            subprocess.run(initdb, check=True, capture_output=True)
            subprocess.run([*start, "-o", options, "start"], check=True, capture_output=True)
        except (subprocess.CalledProcessError, OSError) as error:
            log = (root / "log").read_text() if (root / "log").exists() else ""
            self.skip_reason = f"could not start a throwaway PostgreSQL cluster: {error} {log[-500:]}"
            shutil.rmtree(root, ignore_errors=True)
            return
        self.url = f"postgresql+psycopg://triage@/postgres?host={root}&port=5432"
        atexit.register(
            self._stop, [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], root
        )

    @staticmethod
    def _stop(command: list[str], root: Path) -> None:
        subprocess.run(command, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


_cluster: _Cluster | None = None


def postgres_url() -> tuple[str | None, str | None]:
    """(URL of a fresh database server, None) or (None, why PostgreSQL tests are skipped); started once."""
    global _cluster
    if _cluster is None:
        _cluster = _Cluster()
        _cluster.start()
    return _cluster.url, _cluster.skip_reason


def drop_all(url: str) -> None:
    """Empty a PostgreSQL database between tests (the cluster is shared)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()


def backend_url(backend: str, tmp_path: Path) -> str:
    """A fresh, empty database of ``backend`` ("sqlite" or "postgresql"); skips when PostgreSQL is missing."""
    import pytest

    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'feedback.db'}"
    url, reason = postgres_url()
    if url is None:
        pytest.skip(f"PostgreSQL: {reason}")
    drop_all(url)
    return url
