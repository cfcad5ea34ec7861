"""Alembic's entry point. :meth:`FeedbackStore.upgrade` passes its open connection in
``config.attributes["connection"]``; without one (the ``alembic`` command line) the URL comes from the
``sqlalchemy.url`` option."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from triage.feedback._store import create_engine
from triage.feedback._tables import metadata

config = context.config


def run(connection: sa.Connection) -> None:
    # Batch mode: SQLite alters a table by copying it, the only way it can change a column.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    given = config.attributes.get("connection")
    if given is not None:
        run(given)
    else:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")  # with the store's pragmas
        with engine.begin() as connection:
            run(connection)
        engine.dispose()
