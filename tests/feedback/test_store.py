"""The store on SQLite and, when a server is installed, PostgreSQL: idempotency (also when writers race),
round trips, the export of human labels only, and SQLite's durability pragmas on every connection."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from feedback_support import backend_url, event, race

from triage.feedback import FeedbackIn, FeedbackStore
from triage.feedback._tables import events
from triage.schema import LabelledTicket


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[FeedbackStore]:
    with FeedbackStore(backend_url(request.param, tmp_path)) as store:
        store.upgrade()
        yield store


def rows_with_key(store: FeedbackStore, key: str) -> int:
    with store.engine.connect() as connection:
        query = sa.select(sa.func.count()).select_from(events).where(events.c.idempotency_key == key)
        return connection.execute(query).scalar_one()


def test_the_stored_event_reads_back_as_returned(store: FeedbackStore) -> None:
    sent = event(
        "k",
        ticket_created_at="2026-03-01T09:00:00+02:00",
        resolved_at="2026-03-01T15:30:00+02:00",
        triggers=["legal", "financial"],
        labelled_triggers=["legal", "financial"],
        escalated=True,
        frustration=3,
        tier=3,
        team="legal_compliance",
        csat=2,
        first_contact_resolution=False,
        corrects={"model_version": "7", "policy_version": "abc123", "labels": {"tier": 1, "triggers": ["financial"]}},
    )
    stored, created = store.record(sent)
    assert created
    assert store.get("k") == stored
    assert store.record(event("no-triggers", tier=1))[0].triggers is None
    with store.engine.connect() as connection:  # absent lists are SQL NULL, not JSON null
        assert connection.execute(sa.select(sa.func.count()).where(events.c.triggers.is_(None))).scalar_one() == 1
    assert stored.resolved_at == datetime(2026, 3, 1, 13, 30, tzinfo=UTC)
    assert stored.resolved_at.utcoffset() == timedelta(0)  # kept in UTC
    assert stored.corrects is not None and stored.corrects.labels is not None
    assert stored.corrects.labels.tier == 1
    assert stored.model_dump(exclude={"id", "received_at"}) == sent.model_dump() | {
        "resolved_at": stored.resolved_at,
        "ticket_created_at": datetime(2026, 3, 1, 7, tzinfo=UTC),
    }
    assert datetime.now(UTC) - stored.received_at < timedelta(minutes=1)


def test_the_same_key_twice_stores_one_row_and_returns_the_first_event(store: FeedbackStore) -> None:
    first, created = store.record(event("same", tier=2))
    again, created_again = store.record(event("same", tier=4, team="changed"))
    assert (created, created_again) == (True, False)
    assert again == first and again.tier == 2
    assert rows_with_key(store, "same") == 1
    assert store.count() == 1


def test_a_missing_key_is_refused(store: FeedbackStore) -> None:
    with pytest.raises(ValueError, match="idempotency key"):
        store.record(FeedbackIn(ticket_id="T-1", source="agent", tier=1))
    assert store.count() == 0


def test_threads_racing_with_one_key_store_one_row(store: FeedbackStore) -> None:
    results = race(lambda index: store.record(event("raced", tier=1 + index % 4)), 8)
    assert sum(created for _, created in results) == 1
    assert len({stored.id for stored, _ in results}) == 1
    assert rows_with_key(store, "raced") == 1


def test_threads_with_distinct_keys_store_every_event(store: FeedbackStore) -> None:
    def post(worker: int) -> list[bool]:
        return [store.record(event(f"w{worker}-{index}", ticket_id=f"T-{worker}"))[1] for index in range(10)]

    assert all(all(created) for created in race(post, 8))
    assert store.count() == 80
    assert len({stored.idempotency_key for stored in store.events()}) == 80


def _record_in_process(url: str, start: multiprocessing.synchronize.Barrier, answers: multiprocessing.Queue) -> None:
    store = FeedbackStore(url)
    start.wait()
    stored, created = store.record(event("across-processes"))
    answers.put((stored.id, created))
    store.close()


def test_processes_racing_with_one_key_store_one_row(store: FeedbackStore) -> None:
    context = multiprocessing.get_context("fork")  # fast; each child opens its own engine
    start, answers = context.Barrier(4), context.Queue()
    url = store.url.render_as_string(hide_password=False)
    workers = [context.Process(target=_record_in_process, args=(url, start, answers)) for _ in range(4)]
    for worker in workers:
        worker.start()
    results = [answers.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert sorted(created for _, created in results) == [False, False, False, True]
    assert len({row_id for row_id, _ in results}) == 1
    assert rows_with_key(store, "across-processes") == 1


def test_export_folds_events_per_ticket_and_never_exports_predictions(store: FeedbackStore) -> None:
    predicted = {"model_version": "7", "policy_version": "p1", "labels": {"tier": 4, "team": "engineering"}}
    store.record(event("a1", "T-2", triggers=["technical"], tier=1, team="support", corrects=predicted))
    store.record(event("a2", "T-2", tier=2, team="engineering", frustration=2))
    store.record(
        FeedbackIn(
            idempotency_key="o1",
            ticket_id="T-2",
            source="outcome",
            ticket_created_at=datetime(2026, 1, 5, 8, tzinfo=UTC),
            resolution_hours=26.5,
            csat=4,
            escalated=True,
            first_contact_resolution=False,
        )
    )
    store.record(event("b1", "T-1", triggers=["financial"], labelled_triggers=["financial"]))
    store.record(event("c1", "T-3", resolution_hours=3.0))
    exported = list(store.export())
    assert exported == [
        {"id": "T-1", "triggers": ["financial"], "labelled_triggers": ["financial"]},
        {
            "id": "T-2",
            "triggers": ["technical"],
            "escalated": True,
            "frustration": 2,
            "tier": 2,
            "team": "engineering",
            "resolved_at": "2026-01-06T10:30:00+00:00",
            "first_contact_resolution": False,
            "csat": 4,
        },
        {"id": "T-3", "resolution_hours": 3.0},  # no creation time known: training's join resolves it
    ]
    for row in exported:  # valid training labels once the text is there
        LabelledTicket.model_validate(row | {"subject": "text from the helpdesk"})


def test_a_later_trigger_correction_replaces_the_earlier_one_whole(store: FeedbackStore) -> None:
    store.record(event("1", triggers=["financial"], labelled_triggers=["financial"]))
    store.record(event("2", triggers=["technical"]))
    assert list(store.export()) == [{"id": "T-1", "triggers": ["technical"]}]


def test_export_since_keeps_whole_tickets_touched_since(store: FeedbackStore) -> None:
    store.record(event("old", "T-1", tier=1))
    store.record(event("old-2", "T-2", tier=1))
    cut = datetime.now(UTC)
    store.record(event("new", "T-1", csat=5))
    assert list(store.export(since=cut)) == [{"id": "T-1", "tier": 1, "csat": 5}]
    naive_cut = cut.astimezone(UTC).replace(tzinfo=None)
    assert list(store.export(since=naive_cut)) == list(store.export(since=cut))
    later = cut.astimezone(timezone(timedelta(hours=5)))  # the same instant in another zone
    assert list(store.export(since=later)) == list(store.export(since=cut))


def test_sqlite_connections_run_wal_with_synchronous_full(tmp_path: Path) -> None:
    with FeedbackStore(f"sqlite:///{tmp_path / 'f.db'}", pool_size=3) as store:
        store.upgrade()
        connections = [store.engine.connect() for _ in range(3)]  # every pooled connection, not just one
        try:
            for connection in connections:
                assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
                assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
        finally:
            for connection in connections:
                connection.close()
        assert store.record(event())[1]
    assert (tmp_path / "f.db-wal").exists() or (tmp_path / "f.db").stat().st_size > 0


def test_the_password_is_not_shown(tmp_path: Path) -> None:
    store = FeedbackStore("postgresql+psycopg://triage:s3cret@db.example/feedback")
    assert "s3cret" not in repr(store)
    store.close()
