"""What the service tests share (imported as ``from serving import ...``; a ``conftest.py`` here would shadow
the root one that the tests import ``handwritten_tickets`` from).

Every client is used as ``with serve(...)`` so that the lifespan runs and loads the model. ``serve`` gives a
deployment without keys the test key :data:`KEY`, and its client sends it; ``anonymous=True`` sends none.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.app import create_app
from triage.schema import Ticket
from triage.settings import Settings

KEY = "test-key-0123456789"
AUTH = {"Authorization": f"Bearer {KEY}"}


def keyed(settings: Settings) -> Settings:
    """The settings with the test key, unless they name keys or serve without them."""
    if settings.api_keys is None and settings.api_keys_file is None and not settings.insecure_no_auth:
        return settings.model_copy(update={"api_keys": SecretStr(KEY)})
    return settings


def serve(settings: Settings, *, anonymous: bool = False) -> TestClient:
    headers = {} if anonymous else AUTH
    return TestClient(create_app(keyed(settings)), raise_server_exceptions=False, headers=headers)


def payload(tickets: Iterable[Ticket]) -> dict:
    return {"tickets": [ticket.model_dump(mode="json", exclude_none=True) for ticket in tickets]}
