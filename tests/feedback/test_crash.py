"""Crash safety: a writer killed with SIGKILL in the middle of a stream of events loses none that it had
acknowledged (printed after ``record`` returned) and stores none twice when the sender retries."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import sqlalchemy as sa

from triage.feedback import FeedbackIn, FeedbackStore
from triage.feedback._tables import events

WRITER = textwrap.dedent(
    """
    import sys
    from triage.feedback import FeedbackIn, FeedbackStore

    store = FeedbackStore(sys.argv[1])
    index = 0
    while True:
        key = f"event-{index}"
        stored, created = store.record(
            FeedbackIn(idempotency_key=key, ticket_id=f"T-{index % 7}", source="outcome", csat=1 + index % 5)
        )
        print(key, stored.id, flush=True)  # the acknowledgement: only after the commit returned
        index += 1
    """
)


def test_every_acknowledged_event_survives_a_sigkill_exactly_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'feedback.db'}"
    with FeedbackStore(url) as store:
        store.upgrade()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, url], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    assert writer.stdout is not None
    acknowledged: dict[str, int] = {}
    deadline = time.monotonic() + 60
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        key, row_id = line.split()
        acknowledged[key] = int(row_id)
    writer.send_signal(signal.SIGKILL)  # mid-stream: it is writing the next event
    writer.wait(timeout=30)
    acknowledged.update(
        dict((key, int(row_id)) for key, row_id in (line.split() for line in writer.stdout.read().splitlines()))
    )
    assert writer.returncode == -signal.SIGKILL
    assert len(acknowledged) >= 40

    with FeedbackStore(url) as store:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            rows = connection.execute(sa.select(events.c.idempotency_key, events.c.id)).all()
        stored = dict(rows)
        assert len(stored) == len(rows)  # no key twice
        for key, row_id in acknowledged.items():
            assert stored.get(key) == row_id, f"acknowledged {key} lost after the kill"
        # At most the one event in flight was committed without its acknowledgement.
        assert len(stored) - len(acknowledged) <= 1
        # The sender retries what it did not see acknowledged: nothing is stored twice.
        retried = [key for key in stored if key not in acknowledged] + [f"event-{len(stored)}"]
        for key in retried:
            store.record(FeedbackIn(idempotency_key=key, ticket_id="T-0", source="outcome", csat=3))
        assert store.count() == len(stored) + 1
