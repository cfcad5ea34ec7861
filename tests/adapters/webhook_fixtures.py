"""What the adapter tests share (imported as ``from webhook_fixtures import ...``).

The payloads under tests/fixtures/webhooks/<vendor>/ are hand-written in the shapes each vendor sends. Their
names say what the adapter must do with them: ``ignored-*`` → None, ``malformed-*`` → AdapterError, any other
→ a Ticket.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "webhooks"


def fixture_paths(vendor: str | None = None) -> list[Path]:
    pattern = f"{vendor}/*.json" if vendor else "*/*.json"
    return sorted(FIXTURES.glob(pattern))


def load(vendor: str, name: str) -> Any:
    return json.loads((FIXTURES / vendor / f"{name}.json").read_text(encoding="utf-8"))


def expectation(path: Path) -> str:
    if path.stem.startswith("ignored-"):
        return "ignored"
    if path.stem.startswith("malformed-"):
        return "malformed"
    return "ticket"
