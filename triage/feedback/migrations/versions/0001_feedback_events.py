"""The feedback events table.

Revision ID: 0001
Revises:
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Times are UTC (triage.feedback._tables.UTCDateTime); SQLite keeps them without a zone.
    op.create_table(
        "feedback_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("idempotency_key", sa.String(200), nullable=False),
        sa.Column("ticket_id", sa.String(200), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("sender", sa.String(100), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ticket_created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("triggers", sa.JSON(), nullable=True),
        sa.Column("labelled_triggers", sa.JSON(), nullable=True),
        sa.Column("escalated", sa.Boolean(), nullable=True),
        sa.Column("frustration", sa.SmallInteger(), nullable=True),
        sa.Column("tier", sa.SmallInteger(), nullable=True),
        sa.Column("team", sa.String(100), nullable=True),
        sa.Column("resolution_hours", sa.Float(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_contact_resolution", sa.Boolean(), nullable=True),
        sa.Column("csat", sa.SmallInteger(), nullable=True),
        sa.Column("model_version", sa.String(100), nullable=True),
        sa.Column("policy_version", sa.String(100), nullable=True),
        sa.Column("predicted", sa.JSON(), nullable=True),
        sa.CheckConstraint("source IN ('agent', 'outcome', 'helpdesk')", name=op.f("ck_feedback_events_source")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_events")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_feedback_events_idempotency_key")),
    )
    op.create_index(op.f("ix_feedback_events_received_at"), "feedback_events", ["received_at"])
    op.create_index(op.f("ix_feedback_events_ticket_id"), "feedback_events", ["ticket_id", "received_at", "id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_feedback_events_ticket_id"), table_name="feedback_events")
    op.drop_index(op.f("ix_feedback_events_received_at"), table_name="feedback_events")
    op.drop_table("feedback_events")
