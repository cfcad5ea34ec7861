"""What the service tests share (imported as ``from serving import ...``; a ``conftest.py`` here would shadow
the root one that the tests import ``handwritten_tickets`` from).

Every client is used as ``with serve(...)`` so that the lifespan runs and loads the model.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastapi.testclient import TestClient

from service.app import create_app
from triage.schema import Ticket
from triage.settings import Settings


def serve(settings: Settings) -> TestClient:
    return TestClient(create_app(settings), raise_server_exceptions=False)


def payload(tickets: Iterable[Ticket]) -> dict:
    return {"tickets": [ticket.model_dump(mode="json", exclude_none=True) for ticket in tickets]}
