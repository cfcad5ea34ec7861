"""What every helpdesk adapter shares: the protocol, the errors, signature checks, lenient value readers and
the name → adapter registry.

An adapter turns one webhook body (already parsed from JSON) into the canonical
:class:`~triage.schema.Ticket`, or None for an event that carries no ticket to score. Everything a vendor
sends is untrusted: a placeholder an admin left empty renders as ``""``, a number arrives as text, a key is
missing. The readers here turn such values into None instead of failing; only a payload that cannot be a
ticket at all (not an object, no id, no text) raises :class:`AdapterError`, in one line. Adapters raise
nothing else, whatever JSON they are given (a hypothesis test holds them to it).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar, runtime_checkable

from pydantic import ValidationError

from triage.errors import TriageError
from triage.schema import Author, Interaction, Ticket, channel_group

Headers = Mapping[str, str]


class AdapterError(TriageError):
    """A webhook body that cannot be a ticket (the service answers 422 with this line)."""


class SignatureError(AdapterError):
    """A delivery whose signature or shared secret does not check out (the service answers 401)."""


class ReplayError(SignatureError):
    """A correctly signed delivery that was already accepted once (the service answers 409)."""


@runtime_checkable
class Adapter(Protocol):
    name: str

    def verify(self, body: bytes, headers: Headers, secret: str) -> None:
        """Raise :class:`SignatureError` unless ``body`` was sent by the helpdesk that holds ``secret``."""

    def to_ticket(self, payload: Any, headers: Headers | None = None) -> Ticket | None:
        """The ticket in ``payload``; None for an event to ignore; :class:`AdapterError` if malformed."""


ADAPTERS: dict[str, Adapter] = {}
"""Name → adapter, filled by :func:`register` as ``triage.adapters`` imports each vendor module."""

A = TypeVar("A", bound=Adapter)


def register(cls: type[A]) -> type[A]:
    """Class decorator: put a default instance of the adapter under its ``name``."""
    instance = cls()
    if instance.name in ADAPTERS:
        raise RuntimeError(f"two adapters are named {instance.name!r}")
    ADAPTERS[instance.name] = instance
    return cls


# --- signatures ---------------------------------------------------------------------------------------------


def header(headers: Headers | None, name: str) -> str | None:
    """A header's value, whatever the case of its name (a plain dict in tests, Starlette's Headers in the
    service)."""
    if not headers:
        return None
    value = headers.get(name)
    if value is None:
        lowered = name.lower()
        value = next((v for k, v in headers.items() if isinstance(k, str) and k.lower() == lowered), None)
    return value if isinstance(value, str) else None


def hmac_sha256(secret: str, message: bytes) -> bytes:
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest()


def hmac_sha256_base64(secret: str, message: bytes) -> str:
    return base64.b64encode(hmac_sha256(secret, message)).decode("ascii")


def hmac_sha256_hex(secret: str, message: bytes) -> str:
    return hmac_sha256(secret, message).hex()


def same_secret(given: str | None, expected: str) -> bool:
    """Constant-time comparison (a plain ``==`` leaks, through its timing, how much of a guess is right)."""
    if given is None or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_shared_secret(vendor: str, headers: Headers, header_name: str, secret: str) -> None:
    if not same_secret(header(headers, header_name), secret):
        raise SignatureError(f"{vendor}: missing or wrong {header_name} header")


class ReplayCache:
    """Signatures seen in the last ``ttl`` seconds. Per process: behind several workers or replicas a replay
    can reach another process once; the timestamp check still bounds it to the tolerance window."""

    def __init__(self, ttl: float = 600.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self._clock = clock
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def check_and_add(self, key: str) -> bool:
        """True the first time ``key`` is seen within ``ttl``; False for a replay."""
        now = self._clock()
        with self._lock:
            expired = [k for k, until in self._seen.items() if until <= now]
            for k in expired:
                del self._seen[k]
            if key in self._seen:
                return False
            self._seen[key] = now + self.ttl
            return True

    def __len__(self) -> int:
        return len(self._seen)


# --- lenient readers ----------------------------------------------------------------------------------------


def obj(value: Any) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one (a missing or mistyped branch reads as absent)."""
    return value if isinstance(value, dict) else {}


def text(value: Any) -> str | None:
    """A non-empty string, or None: numbers become text, empty placeholders and other types None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None


def first_text(*values: Any) -> str | None:
    return next((t for t in map(text, values) if t is not None), None)


def ident(value: Any) -> str | None:
    """An id as text; JSON numbers (Zendesk and Freshdesk ids) without a decimal part."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return text(value)


def amount(value: Any) -> float | None:
    """A non-negative amount from a number or text such as ``"48,000"`` or ``"$ 12,500.00"``; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        cleaned = value.strip().replace(",", "").replace("_", "").replace(" ", "").lstrip("$€£¥")
        try:
            number = float(cleaned)
        except ValueError:
            return None
    else:
        return None
    return number if number >= 0 and number not in (float("inf"),) and number == number else None


def flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    word = (text(value) or "").lower()
    return {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}.get(word)


def timestamp(value: Any) -> datetime | None:
    """An ISO 8601 date-time (``Z``, ``+00:00`` or Jira's ``+0000``) or epoch milliseconds; else None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value / 1000, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    raw = text(value)
    if raw is None:
        return None
    try:
        return datetime.fromisoformat(raw.replace(" UTC", "Z"))
    except ValueError:
        return None


def tag_list(value: Any, separators: str = ", ") -> list[str]:
    """Tags from a JSON list or from the text a placeholder renders (space- or comma-separated)."""
    if isinstance(value, list):
        items = [text(item) for item in value]
    elif isinstance(value, str):
        cleaned = value.strip().strip("[]")
        for separator in separators[1:]:
            cleaned = cleaned.replace(separator, separators[0])
        items = [text(item.strip("\"'")) for item in cleaned.split(separators[0])]
    else:
        return []
    return list(dict.fromkeys(item for item in items if item))


def known_channel(raw: str | None) -> str | None:
    """The contract's channel name where triage knows it, else the vendor's own name, lower-cased."""
    if raw is None:
        return None
    group = channel_group(raw)
    return group if group != "other" else raw.strip().lower().replace(" ", "_")


def placeholder_customer(requester: dict[str, Any], company: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """The contract's customer from an admin-built body: the requester (id or e-mail, name), the company or
    organisation (name; plan, contract value and strategic flag from its custom fields), and an optional
    ``customer`` object the admin wrote, whose values win."""

    def pick(key: str) -> Any:
        return (
            extra.get(key) if text(extra.get(key)) is not None or isinstance(extra.get(key), bool) else company.get(key)
        )

    return {
        "id": ident(requester.get("id")) or text(requester.get("email")),
        "name": text(requester.get("name")),
        "company": text(company.get("name")) or text(extra.get("company")),
        "plan": text(pick("plan")),
        "annual_contract_value": amount(pick("annual_contract_value")),
        "strategic": flag(pick("strategic")),
    }


# --- messages and the ticket --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    author: Author
    body: str
    at: datetime | None = None


def split_messages(messages: list[Message]) -> tuple[str, list[Interaction]]:
    """The customer's latest message as the body and every other message, oldest first, as the history.

    Without any customer message the latest one is the body (a ticket an agent opened for a customer)."""
    kept = [m for m in messages if m.body]
    if not kept:
        return "", []
    customer = [i for i, m in enumerate(kept) if m.author == "customer"]
    chosen = customer[-1] if customer else len(kept) - 1
    history = [Interaction(at=m.at, author=m.author, body=m.body) for i, m in enumerate(kept) if i != chosen]
    return kept[chosen].body, history


DEPTH_LIMIT = 64


def too_deep(value: Any, limit: int = DEPTH_LIMIT) -> bool:
    """Whether ``value`` nests deeper than ``limit`` (the text walkers recurse; a hostile body must not
    exhaust the stack)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


def require_object(vendor: str, payload: Any) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise AdapterError(f"{vendor}: the webhook body must be a JSON object, not {type(payload).__name__}")
    if too_deep(payload):
        raise AdapterError(f"{vendor}: the webhook body nests deeper than {DEPTH_LIMIT} levels")
    return payload


def make_ticket(vendor: str, fields: dict[str, Any]) -> Ticket:
    """Validate the mapped fields as a Ticket; a rejection becomes one line naming the vendor and field."""
    if not fields.get("id"):
        raise AdapterError(f"{vendor}: the ticket has no id")
    if not fields.get("subject") and not fields.get("body"):
        raise AdapterError(f"{vendor}: ticket {fields['id']} has neither a subject nor a body")
    try:
        return Ticket.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "ticket"
        raise AdapterError(f"{vendor}: ticket {fields['id']}: {where}: {first['msg']}") from None
