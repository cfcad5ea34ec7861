"""The store: one table of events on SQLAlchemy 2, SQLite (WAL, ``synchronous=FULL``) or PostgreSQL."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from triage.errors import TriageError
from triage.feedback._export import merge_labels
from triage.feedback._schema import LABEL_FIELDS, FeedbackIn, FeedbackOut
from triage.feedback._tables import events

DEFAULT_URL = "sqlite:///feedback.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Seconds a writer waits for SQLite's write lock before failing (pysqlite's default is 5).
SQLITE_BUSY_TIMEOUT_S = 30.0
# Any fixed number: the PostgreSQL advisory lock that serialises concurrent upgrades.
_UPGRADE_LOCK = 0x7472_6961_6765  # "triage"


class FeedbackStoreError(TriageError):
    """The store cannot be opened as configured (a SQLite file that refuses WAL, for instance)."""


def _sqlite_connect(dbapi_connection: Any, connection_record: Any) -> None:
    # SQLAlchemy's recipe for pysqlite: the driver's own transaction handling is switched off (it would not
    # begin one before DDL or a SELECT) and the "begin" listener below emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        mode = _set_wal(cursor)
        if mode != "wal" and mode != "memory":
            raise FeedbackStoreError(f"SQLite refused WAL mode (journal_mode={mode}); use a local file system")
        # FULL: a commit is on disk (the WAL fsynced) before it returns, so an acknowledged event survives a
        # power loss; NORMAL may lose the last commits (docs/feedback.md has the measured cost).
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _set_wal(cursor: Any) -> str:
    """Switch the file to WAL (a setting stored in the file: a no-op once done). Switching takes an exclusive
    lock, and SQLite answers "database is locked" at once, without its busy handler, when connections open a
    fresh file together: retry for up to the busy timeout."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            return str(cursor.execute("PRAGMA journal_mode=WAL").fetchone()[0])
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_begin(connection: sa.Connection) -> None:
    # IMMEDIATE for writers (record, upgrade): the write lock is taken at BEGIN, so a writer never reads a
    # snapshot that another writer invalidates; DEFERRED for readers, which never block writers in WAL mode.
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def create_engine(url: str | sa.URL, **options: Any) -> sa.Engine:
    """An engine for ``url`` with the store's connection settings (SQLite: WAL and FULL on every connection)."""
    url = sa.make_url(url)
    if url.get_backend_name() == "sqlite":
        connect_args = {"timeout": SQLITE_BUSY_TIMEOUT_S, **options.pop("connect_args", {})}
        engine = sa.create_engine(url, connect_args=connect_args, **options)
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    options.setdefault("pool_pre_ping", True)  # a server restart must not fail the next feedback post
    return sa.create_engine(url, **options)


def _utc(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone(UTC)


def _row(event: FeedbackIn, received_at: datetime) -> dict[str, Any]:
    corrects = event.corrects
    return {
        "idempotency_key": event.idempotency_key,
        "ticket_id": event.ticket_id,
        "source": event.source,
        "sender": event.sender,
        "received_at": received_at,
        "ticket_created_at": _utc(event.ticket_created_at),
        **{name: getattr(event, name) for name in LABEL_FIELDS},
        "resolved_at": _utc(event.resolved_at),
        "model_version": corrects and corrects.model_version,
        "policy_version": corrects and corrects.policy_version,
        "predicted": corrects.labels.model_dump(mode="json", exclude_none=True)
        if corrects and corrects.labels
        else None,
    }


def _out(row: Mapping[Any, Any]) -> FeedbackOut:
    data = dict(row)
    corrects = {name: data.pop(name) for name in ("model_version", "policy_version")}
    corrects["labels"] = data.pop("predicted")
    if any(value is not None for value in corrects.values()):
        data["corrects"] = corrects
    return FeedbackOut.model_validate(data)


class FeedbackStore:
    """Durable, idempotent storage of feedback events.

    ``url`` is any SQLAlchemy URL: ``sqlite:///path/feedback.db`` (the default, relative to the working
    directory) or ``postgresql+psycopg://user:password@host/db`` (``pip install 'triage[postgres]'``).
    Creating the store opens nothing; call :meth:`upgrade` once at startup to create or migrate the table.
    """

    def __init__(self, url: str | sa.URL = DEFAULT_URL, **engine_options: Any) -> None:
        self.url = sa.make_url(url)
        self.engine = create_engine(self.url, **engine_options)

    def __repr__(self) -> str:
        return f"FeedbackStore({self.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> FeedbackStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # Schema

    def alembic_config(self) -> Config:
        """Alembic's configuration for this store, no ``alembic.ini`` needed (for ``alembic.command.*``)."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.set_main_option("sqlalchemy.url", self.url.render_as_string(hide_password=False).replace("%", "%%"))
        return config

    def upgrade(self, revision: str = "head") -> None:
        """Migrate the database to ``revision`` (creating the table the first time); safe to run from several
        processes at once (SQLite: the write lock, PostgreSQL: an advisory lock)."""
        config = self.alembic_config()
        with self.engine.connect() as connection:
            connection.execution_options(sqlite_begin="IMMEDIATE")
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
                config.attributes["connection"] = connection
                command.upgrade(config, revision)

    def revision(self) -> str | None:
        """The migration the database is at (None: never migrated)."""
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def head(self) -> str | None:
        """The newest migration this version of triage ships."""
        return ScriptDirectory.from_config(self.alembic_config()).get_current_head()

    # Events

    def record(self, event: FeedbackIn) -> tuple[FeedbackOut, bool]:
        """Store ``event`` and return it as stored with True, once the transaction has committed; if its
        idempotency key was stored before (by anyone, even at this instant), store nothing and return the
        first event with that key and False."""
        if event.idempotency_key is None:
            raise ValueError("a feedback event needs an idempotency key")
        row = _row(event, datetime.now(UTC))
        try:
            with self.engine.connect() as connection:
                connection.execution_options(sqlite_begin="IMMEDIATE")
                with connection.begin():
                    result = connection.execute(events.insert().values(row))
                    (row_id,) = result.inserted_primary_key or (None,)
        except sa.exc.IntegrityError:
            # The unique constraint is the arbiter between concurrent writers: the loser reads the winner.
            first = self.get(event.idempotency_key)
            if first is None:  # another constraint failed
                raise
            return first, False
        return _out({"id": row_id, **row}), True

    def get(self, idempotency_key: str) -> FeedbackOut | None:
        """The event stored under ``idempotency_key``, if any."""
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(events).where(events.c.idempotency_key == idempotency_key)).first()
        return None if row is None else _out(row._mapping)

    def events(self, ticket_id: str | None = None) -> Iterator[FeedbackOut]:
        """Stored events, in the order received (of one ticket, or all), predictions included."""
        query = sa.select(events).order_by(events.c.received_at, events.c.id)
        if ticket_id is not None:
            query = query.where(events.c.ticket_id == ticket_id)
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=500).execute(query).mappings():
                yield _out(row)

    def count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()

    def export(self, since: datetime | None = None) -> Iterator[dict[str, Any]]:
        """Human-confirmed labels, one ``LabelledTicket``-shaped dict per ticket (``id`` and its labels, see
        :func:`~triage.feedback.merge_labels`), streamed in ticket order from one consistent snapshot.

        Never the stored predictions (``corrects``), nor who sent what. ``since``: only tickets with an event
        received at or after it (naive: UTC), each still with all its events folded in.
        """
        columns = [events.c.ticket_id, events.c.ticket_created_at, *(events.c[name] for name in LABEL_FIELDS)]
        query = sa.select(*columns).order_by(events.c.ticket_id, events.c.received_at, events.c.id)
        if since is not None:
            since = since.replace(tzinfo=UTC) if since.tzinfo is None else since
            query = query.where(
                events.c.ticket_id.in_(sa.select(events.c.ticket_id).where(events.c.received_at >= since))
            )
        with self.engine.connect() as connection:
            yield from merge_labels(connection.execution_options(yield_per=500).execute(query).mappings())
