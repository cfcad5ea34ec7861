"""The feedback table (SQLAlchemy Core). The migrations in ``migrations/versions`` must build exactly this: a
test compares the migrated schema with this metadata."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """An aware datetime stored as UTC: SQLite keeps no zone, so times go in as UTC and come back as UTC."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the feedback store keeps aware times only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# SQLite's rowid alias must be INTEGER; elsewhere 64 bits.
Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

events = sa.Table(
    "feedback_events",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("idempotency_key", sa.String(200), nullable=False),
    sa.Column("ticket_id", sa.String(200), nullable=False),
    sa.Column("source", sa.String(16), nullable=False),
    sa.Column("sender", sa.String(100)),
    sa.Column("received_at", UTCDateTime(), nullable=False),
    sa.Column("ticket_created_at", UTCDateTime()),
    # Labels
    sa.Column("triggers", sa.JSON(none_as_null=True)),
    sa.Column("labelled_triggers", sa.JSON(none_as_null=True)),
    sa.Column("escalated", sa.Boolean()),
    sa.Column("frustration", sa.SmallInteger()),
    sa.Column("tier", sa.SmallInteger()),
    sa.Column("team", sa.String(100)),
    sa.Column("resolution_hours", sa.Float()),
    sa.Column("resolved_at", UTCDateTime()),
    sa.Column("first_contact_resolution", sa.Boolean()),
    sa.Column("csat", sa.SmallInteger()),
    # The prediction corrected: stored, never exported.
    sa.Column("model_version", sa.String(100)),
    sa.Column("policy_version", sa.String(100)),
    sa.Column("predicted", sa.JSON(none_as_null=True)),
    sa.UniqueConstraint("idempotency_key"),
    sa.CheckConstraint("source IN ('agent', 'outcome', 'helpdesk')", name="source"),
    sa.Index(None, "ticket_id", "received_at", "id"),
    sa.Index(None, "received_at"),
)
