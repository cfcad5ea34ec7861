"""Crash safety of the served feedback route: a real server process, posted to by several threads, killed
with SIGKILL mid-stream and started again on the same SQLite file, has every event it acknowledged (2xx)
exactly once, and takes the unacknowledged ones again under the same idempotency keys without storing any
twice.

The server is the service's own app under uvicorn in a child process (as ``triage serve`` runs it), with no
model: the feedback routes do not need one, and the test then starts in seconds instead of loading a model
twice. ``tests/feedback/test_crash.py`` kills a bare store the same way; this one adds the HTTP layer (the
answer is sent only after the commit).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from subprocess_server import SubprocessServer

from triage.feedback import FeedbackStore
from triage.feedback._tables import events

KEY = "crash-test-key-0123456789"
POSTERS = 4
ACKNOWLEDGED_BEFORE_THE_KILL = 60


class Posters:
    """Threads posting numbered events until the server stops answering; what each key got back."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.acknowledged: dict[str, int] = {}  # idempotency key → stored row id
        self.unanswered: set[str] = set()
        self.unexpected: list[str] = []  # answers other than 201 (asserted in the test's thread)
        self.enough = threading.Event()
        self._lock = threading.Lock()
        self._next = 0

    def _key(self) -> str:
        with self._lock:
            self._next += 1
            return f"crash-{self._next:05d}"

    def post_until_refused(self) -> None:
        headers = {"Authorization": f"Bearer {KEY}"}
        with httpx.Client(base_url=self.base_url, headers=headers, timeout=10) as client:
            while True:
                key = self._key()
                try:
                    response = client.post("/v1/feedback", json=event(key), headers={"Idempotency-Key": key})
                except httpx.TransportError:
                    with self._lock:
                        self.unanswered.add(key)
                    return
                with self._lock:
                    if response.status_code != 201:
                        self.unexpected.append(f"{key}: {response.status_code} {response.text[:200]}")
                        return
                    self.acknowledged[key] = response.json()["id"]
                    if len(self.acknowledged) >= ACKNOWLEDGED_BEFORE_THE_KILL:
                        self.enough.set()


def event(key: str) -> dict[str, object]:
    number = int(key.rsplit("-", 1)[1])
    return {"ticket_id": f"T-{number % 13}", "source": "outcome", "csat": 1 + number % 5, "escalated": number % 2 == 0}


def stored_keys(url: str) -> list[tuple[str, int]]:
    with FeedbackStore(url) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        return [(key, row_id) for key, row_id in connection.execute(sa.select(events.c.idempotency_key, events.c.id))]


@pytest.fixture
def server(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'feedback.db'}"
    environment = {
        "TRIAGE_API_KEYS": KEY,
        "TRIAGE_FEEDBACK_URL": url,
        "TRIAGE_MODEL_DIR": str(tmp_path / "no-model"),  # /readyz says 503; feedback serves
    }

    def command(port: int) -> list[str]:
        app = ["service.app:create_app", "--factory", "--port", str(port), "--log-level", "warning"]
        return [sys.executable, "-m", "uvicorn", *app]

    server = SubprocessServer(command, environment, tmp_path / "server.log", ready_within_s=60)
    try:
        server.start()
    except OSError as error:  # no child processes or no loopback sockets here; a server that fails is a failure
        pytest.skip(f"cannot start a server in a child process here: {error}")
    yield server, url
    server.stop()


def test_every_acknowledged_event_is_stored_exactly_once_after_a_sigkill(server):
    server, url = server
    posters = Posters(server.base_url)
    threads = [threading.Thread(target=posters.post_until_refused) for _ in range(POSTERS)]
    for thread in threads:
        thread.start()
    assert posters.enough.wait(60), f"only {len(posters.acknowledged)} events acknowledged in 60 s"
    server.kill()  # mid-stream: the posters have requests in flight
    for thread in threads:
        thread.join(30)
    assert posters.unexpected == []

    stored = stored_keys(url)
    by_key = dict(stored)
    assert len(by_key) == len(stored), "an idempotency key is stored twice"
    for key, row_id in posters.acknowledged.items():
        assert by_key.get(key) == row_id, f"{key} was acknowledged as row {row_id} and is not stored as it"
    # Only requests in flight at the kill may be committed without an answer: at most one per poster.
    assert set(by_key) - set(posters.acknowledged) <= posters.unanswered
    assert len(posters.unanswered) <= POSTERS

    server.start()
    headers = {"Authorization": f"Bearer {KEY}"}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=10) as client:
        retried = {
            key: client.post("/v1/feedback", json=event(key), headers={"Idempotency-Key": key})
            for key in posters.unanswered
        }
        first = next(iter(posters.acknowledged))
        again = client.post("/v1/feedback", json=event(first), headers={"Idempotency-Key": first})

    for key, response in retried.items():
        # 200: it had been committed before the kill (its answer was lost); 201: stored now
        assert response.status_code == (200 if key in by_key else 201), response.text
    assert again.status_code == 200 and again.json()["id"] == posters.acknowledged[first]
    after = stored_keys(url)
    assert len(after) == len(dict(after)) == len(set(posters.acknowledged) | posters.unanswered)
