"""The Alembic environment shipped in the package: ``upgrade()`` from any directory, a migrated schema equal to
the table the code uses, a downgrade that undoes it, and concurrent upgrades that do not collide."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from feedback_support import backend_url, event, race

from triage.feedback import FeedbackStore
from triage.feedback._tables import metadata


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return backend_url(request.param, tmp_path)


def differences(store: FeedbackStore) -> list[object]:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": True})
        return compare_metadata(context, metadata)


def test_upgrade_needs_no_alembic_ini_in_the_working_directory(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # an empty directory: no alembic.ini, no migrations folder
    with FeedbackStore(url) as store:
        assert store.revision() is None
        store.upgrade()
        assert store.revision() == store.head() == "0001"
        store.upgrade()  # at head already: nothing to do
        assert store.record(event())[1]


def test_the_migrated_schema_is_the_models_metadata(url: str) -> None:
    with FeedbackStore(url) as store:
        store.upgrade()
        assert differences(store) == []


def test_an_empty_database_differs_from_the_metadata(url: str) -> None:
    # The comparison is not vacuous: before the migration, the table is reported missing.
    with FeedbackStore(url) as store:
        assert any(difference[0] == "add_table" for difference in differences(store))  # type: ignore[index]


def test_downgrade_to_base_and_back(url: str) -> None:
    with FeedbackStore(url) as store:
        store.upgrade()
        command.downgrade(store.alembic_config(), "base")
        assert store.revision() is None
        assert "feedback_events" not in sa.inspect(store.engine).get_table_names()
        store.upgrade()
        assert differences(store) == []


def test_concurrent_upgrades_of_a_fresh_database_all_succeed(url: str) -> None:
    stores = [FeedbackStore(url) for _ in range(4)]
    race(lambda index: stores[index].upgrade(), len(stores))  # raises if one of them failed
    assert all(store.revision() == "0001" for store in stores)
    for store in stores:
        store.close()
