"""The robustness catalogue (issue 10): hostile and malformed requests, each with the status and the message
the service must answer with. Data only, plus the few steps some cases need (send twice, send at once,
break the policy file); two drivers send it:

- ``tests/service/test_robustness_catalogue.py``: in process, through Starlette's TestClient;
- ``benchmarks/robustness.py``: to a real ``triage serve`` over loopback HTTP, timed, with ``/healthz``
  polled meanwhile (``benchmarks/results/robustness.md``).

A driver implements :class:`Transport` (how one request travels) and calls :func:`run_case`, which does the
rest the same way for both, and :func:`failures` judges the outcome. Every error answer must be
``application/problem+json`` with the expected fragment in its ``detail``; no case may answer 500.

The server under test is configured by :func:`server_environment` (the test builds its ``Settings`` from
it): webhook secrets, a policy file the reload case may break, and a body timeout short enough that the
slow-body case fits in a second.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, Protocol

import httpx

API_KEY = "robustness-key-0123456789"
WEBHOOK_SECRETS = {"zendesk": "zd-robustness-secret", "freshdesk": "fd-robustness-secret", "jira": "jira-secret"}
BODY_TIMEOUT_S = 0.5  # the server's TRIAGE_BODY_TIMEOUT_S for these runs (default 10 s)
MAX_BODY_BYTES = 1024 * 1024  # the default cap, stated so the oversize cases know what they exceed
CONCURRENT_COPIES = 8
PROBLEM_JSON = "application/problem+json"
CHUNK = 64 * 1024  # the chunk size of a chunked body

How = Literal["plain", "chunked", "slow", "twice", "concurrent", "broken_artefact"]


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    authenticated: bool = True  # send the API key (a driver adds it)


@dataclass(frozen=True)
class Outcome:
    status: int
    content_type: str
    detail: str  # the problem's detail; "" for a body that is not a problem
    seconds: float
    note: str = ""  # what a multi-request case saw, in a few words


@dataclass(frozen=True)
class Breakage:
    """A served file overwritten while the case's request is sent, restored after; ``probe`` must answer the
    same before and after (the refused reload left the old artefact in force)."""

    artefact: str  # "policy" (the deployment's policy file) or a file of the served model directory
    content: bytes
    probe: str  # a GET path


@dataclass(frozen=True)
class Case:
    name: str
    status: int
    message: str | None  # a fragment of the problem's detail (case-insensitive); None for a 2xx answer
    build: Callable[[], Request]  # called when the case is sent: big bodies exist only then, signatures are fresh
    how: How = "plain"
    breakage: Breakage | None = None  # for how="broken_artefact"


class Transport(Protocol):
    policy_file: Path  # the served policy file and model directory: copies a case may break for a moment
    model_dir: Path

    def send(self, request: Request) -> Outcome: ...

    def send_chunked(self, request: Request) -> Outcome:
        """The body with ``Transfer-Encoding: chunked``, no ``Content-Length``."""

    def send_slow(self, request: Request) -> Outcome:
        """``Content-Length`` of the whole body, then a tenth of it, then nothing for longer than the timeout."""


class ClientTransport:
    """``send`` and ``send_chunked`` through an httpx client (Starlette's TestClient is one); each driver adds
    ``send_slow``, which needs more control over the connection than a client gives."""

    def __init__(self, client: httpx.Client, policy_file: Path, model_dir: Path) -> None:
        self.client, self.policy_file, self.model_dir = client, policy_file, model_dir

    def headers(self, request: Request) -> dict[str, str]:
        auth = {"Authorization": f"Bearer {API_KEY}"} if request.authenticated else {}
        return {**auth, **request.headers}

    def _request(self, request: Request, content: bytes | Iterator[bytes] | None) -> Outcome:
        start = time.perf_counter()
        try:
            response = self.client.request(request.method, request.path, content=content, headers=self.headers(request))
        except httpx.TransportError as error:  # the server closed the connection without an answer
            return Outcome(0, "", f"{type(error).__name__}: {error}", time.perf_counter() - start)
        seconds = time.perf_counter() - start
        content_type = response.headers.get("content-type", "")
        return Outcome(response.status_code, content_type, detail_of(content_type, response.content), seconds)

    def send(self, request: Request) -> Outcome:
        return self._request(request, request.body)

    def send_chunked(self, request: Request) -> Outcome:
        body = request.body or b""
        return self._request(request, (body[i : i + CHUNK] for i in range(0, len(body), CHUNK)))


def server_environment(policy_file: Path, feedback_url: str) -> dict[str, str]:
    """The ``TRIAGE_*`` variables of the server under test (the API key is :data:`API_KEY`)."""
    return {
        "TRIAGE_API_KEYS": API_KEY,
        "TRIAGE_POLICY_FILE": str(policy_file),
        "TRIAGE_FEEDBACK_URL": feedback_url,
        "TRIAGE_BODY_TIMEOUT_S": str(BODY_TIMEOUT_S),
        "TRIAGE_MAX_BODY_BYTES": str(MAX_BODY_BYTES),
        **{f"TRIAGE_WEBHOOK_SECRET_{vendor.upper()}": secret for vendor, secret in WEBHOOK_SECRETS.items()},
    }


# --- bodies -------------------------------------------------------------------------------------------------

JSON = {"Content-Type": "application/json"}


def ticket(**fields: object) -> dict[str, object]:
    """A realistic ticket with ``fields`` replaced (None: removed)."""
    base: dict[str, object] = {
        "id": "R-1",
        "subject": "Invoice charged twice",
        "body": "We were billed twice for our March invoice. Please refund the duplicate charge.",
        "channel": "email",
        "customer": {"plan": "pro", "annual_contract_value": 24000, "strategic": False},
        "created_at": "2026-03-02T11:00:00Z",
    }
    base.update(fields)
    return {key: value for key, value in base.items() if value is not None}


def customer(**fields: object) -> dict[str, object]:
    return {"plan": "pro", "annual_contract_value": 24000, **fields}


def dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def post(path: str, body: bytes, headers: Mapping[str, str] = JSON, *, authenticated: bool = True) -> Request:
    return Request("POST", path, body, headers, authenticated)


def triage(value: object) -> Callable[[], Request]:
    return lambda: post("/v1/triage", dumps(value))


def triage_raw(body: bytes, headers: Mapping[str, str] = JSON) -> Callable[[], Request]:
    return lambda: post("/v1/triage", body, headers)


def prose(size: int) -> str:
    """``size`` characters of ordinary support text, every sentence different (the analysers cache by text)."""
    sentences, length, index = [], 0, 0
    while length < size:
        sentence = f"Invoice {1000 + index} was charged twice on day {index % 28 + 1}; the export still fails. "
        sentences.append(sentence)
        length, index = length + len(sentence), index + 1
    return "".join(sentences)[:size]


def padded_ticket(size: int) -> bytes:
    """A ticket whose body makes the request ``size`` bytes long."""
    head, tail = b'{"id": "R-big", "subject": "Big", "body": "', b'"}'
    return head + b"x" * (size - len(head) - len(tail)) + tail


def nested(depth: int) -> bytes:
    """A ticket with an unknown field nested ``depth`` lists deep."""
    return b'{"id": "R-deep", "body": "deep", "extra": ' + b"[" * depth + b"]" * depth + b"}"


def feedback_request(body: Mapping[str, object], key: str | None, **headers: str) -> Request:
    extra = {"Idempotency-Key": key} if key is not None else {}
    return post("/v1/feedback", dumps(body), {**JSON, **extra, **headers})


FEEDBACK = {"ticket_id": "R-1", "source": "agent", "escalated": True, "team": "billing", "tier": 2}


def feedback(key: str | None = "", **fields: object) -> Callable[[], Request]:
    """A feedback event with ``fields`` replaced; ``key`` "" makes a fresh idempotency key when sent."""
    return lambda: feedback_request({**FEEDBACK, **fields}, key if key != "" else f"robust-{uuid.uuid4().hex}")


# --- webhooks -----------------------------------------------------------------------------------------------


def zendesk_body(ticket_id: str) -> bytes:
    return dumps(
        {
            "ticket": {
                "id": ticket_id,
                "title": "Cannot export invoices",
                "description": "The export button gives error 500 since this morning.",
                "requester": {"name": "Ana", "email": "ana@example.com"},
            }
        }
    )


def zendesk(body: bytes, sent_at: str | None = None, signature: str | None = None) -> Request:
    sent_at = sent_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    digest = hmac.new(WEBHOOK_SECRETS["zendesk"].encode(), sent_at.encode() + body, hashlib.sha256).digest()
    headers = {
        **JSON,
        "X-Zendesk-Webhook-Signature": signature or base64.b64encode(digest).decode(),
        "X-Zendesk-Webhook-Signature-Timestamp": sent_at,
    }
    return post("/v1/webhooks/zendesk", body, headers, authenticated=False)


def freshdesk(body: bytes, secret: str | None = None) -> Callable[[], Request]:
    headers = {**JSON, "X-Triage-Secret": secret if secret is not None else WEBHOOK_SECRETS["freshdesk"]}
    return lambda: post("/v1/webhooks/freshdesk", body, headers, authenticated=False)


FRESHDESK_TICKET = dumps({"ticket": {"id": 4242, "subject": "Refund", "description": "<p>Refund my order</p>"}})


# --- the catalogue ------------------------------------------------------------------------------------------

TOO_LARGE = "larger than"
INVALID_JSON = "JSON decode error"
NOT_JSON = "must be JSON"
REGEX_TAB_RUN = "a" + "\t" * 60_000 + "a"  # issue 10: 19 s in the line-break pattern before the fix
REGEX_CAMEL_RUN = "Aa" * 14_000 + " Error"  # issue 10: 6.5 s in the exception-name pattern before the fix


def _cases() -> list[Case]:
    big_history = [{"author": "customer", "body": "Still waiting."}] * 10_000
    return [
        # Who may call
        Case(
            "no API key",
            401,
            "API key is required",
            lambda: Request("POST", "/v1/triage", dumps(ticket()), JSON, False),
        ),
        Case(
            "bogus API key",
            401,
            "not valid",
            lambda: Request("POST", "/v1/triage", dumps(ticket()), {**JSON, "Authorization": "Bearer bogus"}, False),
        ),
        Case(
            "Basic instead of Bearer",
            401,
            "API key is required",
            lambda: Request("GET", "/v1/model", None, {"Authorization": "Basic dXNlcjpwYXNz"}, False),
        ),
        # Size and time
        Case("5 MB body", 413, TOO_LARGE, lambda: post("/v1/triage", padded_ticket(5_000_000))),
        Case("50 MB body", 413, TOO_LARGE, lambda: post("/v1/triage", padded_ticket(50_000_000))),
        Case("2 MB chunked body", 413, TOO_LARGE, lambda: post("/v1/triage", padded_ticket(2_000_000)), "chunked"),
        Case("slow body (408)", 408, "did not arrive", triage(ticket()), "slow"),
        Case("10,000-entry history", 422, "at most 500 items", triage(ticket(history=big_history))),
        Case("1,000,000-character body", 422, "at most 100000 characters", triage(ticket(body="a" * 1_000_000))),
        Case("over-long subject", 422, "at most 1000 characters", triage(ticket(subject="s" * 1_001))),
        Case("over-long id", 422, "at most 256 characters", triage(ticket(id="i" * 257))),
        Case("101 tags", 422, "at most 100 items", triage(ticket(tags=[f"t{i}" for i in range(101)]))),
        Case(
            "over-long history turn",
            422,
            "at most 20000 characters",
            triage(ticket(history=[{"author": "customer", "body": "h" * 20_001}])),
        ),
        Case(
            "batch of 1,001",
            422,
            "at most 1000 items",
            lambda: post("/v1/triage/batch", dumps({"tickets": [ticket()] * 1_001})),
        ),
        Case("empty batch", 422, "at least 1 item", lambda: post("/v1/triage/batch", dumps({"tickets": []}))),
        Case(
            "predict with 1,001",
            422,
            "at most 1000 items",
            lambda: post("/v1/predict", dumps({"tickets": [ticket()] * 1_001})),
        ),
        # Bytes and JSON syntax
        Case("invalid UTF-8", 422, "not UTF-8", triage_raw(b'{"id": "R-1", "body": "caf\xe9 \xff"}')),
        Case("raw NUL byte", 422, INVALID_JSON, triage_raw(b'{"id": "R-1", "body": "a\x00b"}')),
        Case("escaped NUL in text", 200, None, triage(ticket(body="before\u0000after, refund please"))),
        Case("nesting 100k deep", 422, "nests too deep", triage_raw(nested(100_000))),
        Case("nesting 5k deep", 422, "nests too deep", triage_raw(nested(5_000))),
        Case("lone surrogate", 422, "lone surrogate", triage_raw(b'{"id": "R-1", "body": "broken \\ud800 text"}')),
        Case("duplicate keys", 422, "duplicate key", triage_raw(b'{"id": "R-A", "id": "R-B", "body": "Refund"}')),
        Case("truncated JSON", 422, INVALID_JSON, triage_raw(b'{"id": "R-1", "body": "Refu')),
        Case(
            "5,000-digit integer",
            422,
            INVALID_JSON,
            triage_raw(b'{"id": "R-1", "body": "x", "n": ' + b"9" * 5_000 + b"}"),
        ),
        Case("JSON array, not an object", 422, "valid dictionary", triage_raw(b'["R-1", "Refund"]')),
        Case("JSON null", 422, "valid dictionary", triage_raw(b"null")),
        Case("empty body", 422, "Field required", triage_raw(b"", {})),
        Case("wrong content type", 415, NOT_JSON, triage_raw(dumps(ticket()), {"Content-Type": "text/plain"})),
        Case(
            "form-encoded body",
            415,
            NOT_JSON,
            triage_raw(b"id=R-1&body=refund", {"Content-Type": "application/x-www-form-urlencoded"}),
        ),
        Case("no content type", 415, NOT_JSON, triage_raw(dumps(ticket()), {})),
        # Values
        Case("unknown fields ignored", 200, None, triage(ticket(zendesk_brand="acme", custom={"a": [1, 2]}))),
        Case(
            "NaN contract value",
            422,
            "finite number",
            triage_raw(b'{"id": "R-1", "body": "x", "customer": {"annual_contract_value": NaN}}'),
        ),
        Case(
            "Infinity contract value",
            422,
            "finite number",
            triage_raw(b'{"id": "R-1", "body": "x", "customer": {"annual_contract_value": Infinity}}'),
        ),
        Case(
            "contract value 1e308",
            422,
            "less than or equal to 1000000000000",
            triage(ticket(customer=customer(annual_contract_value=1e308))),
        ),
        Case(
            "negative contract value",
            422,
            "greater than or equal to 0",
            triage(ticket(customer=customer(annual_contract_value=-5))),
        ),
        Case("created in year 9999", 422, "year 9999 is outside", triage(ticket(created_at="9999-12-31T23:59:59Z"))),
        Case("created in year 0001", 422, "year 1 is outside", triage(ticket(created_at="0001-01-01T00:00:00Z"))),
        Case(
            "history turn in year 9999",
            422,
            "year 9999 is outside",
            triage(ticket(history=[{"author": "agent", "body": "Hi", "at": "9999-01-01T00:00:00Z"}])),
        ),
        Case("31 February", 422, "valid datetime", triage(ticket(created_at="2026-02-31T10:00:00Z"))),
        Case('strategic: "yes"', 422, "valid boolean", triage(ticket(customer=customer(strategic="yes")))),
        Case("strategic: 1", 422, "valid boolean", triage(ticket(customer=customer(strategic=1)))),
        Case("empty subject and body", 422, "subject or body must be non-empty", triage(ticket(subject="", body=""))),
        Case(
            "whitespace-only subject and body",
            422,
            "subject or body must be non-empty",
            triage(ticket(subject=" \t", body="\n\n ")),
        ),
        Case("missing id", 422, "Field required", triage(ticket(id=None))),
        Case(
            "unknown history author",
            422,
            "'customer', 'agent' or 'system'",
            triage(ticket(history=[{"author": "bot", "body": "hi"}])),
        ),
        # Adversarial text for the analysers (issue 10 measured these before the regular expressions were fixed)
        Case("60,000 tabs between two letters", 200, None, triage(ticket(body=REGEX_TAB_RUN))),
        Case("28,000 CamelCase letters then Error", 200, None, triage(ticket(body=REGEX_CAMEL_RUN))),
        Case("99,998 tabs: a body at its length limit", 200, None, triage(ticket(body="a" + "\t" * 99_998 + "a"))),
        Case("100,000 characters of ordinary text", 200, None, triage(ticket(body=prose(100_000)))),
        # Feedback
        Case("feedback without idempotency key", 422, "Idempotency-Key", feedback(None)),
        Case("feedback keys disagree", 422, "differ", feedback("key-a", idempotency_key="key-b")),
        Case("feedback key of 201 characters", 422, "at most 200 characters", feedback("k" * 201)),
        Case("feedback unknown field", 422, "Extra inputs are not permitted", feedback(severity="high")),
        Case("feedback with a NUL character", 422, "must not contain NUL", feedback(ticket_id="R-\u00001")),
        Case("feedback tier as text", 422, "valid integer", feedback(tier="2")),
        Case("feedback CSAT 6", 422, "less than or equal to 5", feedback(csat=6)),
        Case("feedback naive resolved_at", 422, "timezone info", feedback(resolved_at="2026-03-02T10:00:00")),
        Case(
            "feedback wrong content type",
            415,
            NOT_JSON,
            lambda: post(
                "/v1/feedback", dumps(FEEDBACK), {"Content-Type": "text/plain", "Idempotency-Key": "robust-ct"}
            ),
        ),
        Case(
            "feedback duplicate keys",
            422,
            "duplicate key",
            lambda: post(
                "/v1/feedback",
                b'{"ticket_id": "R-1", "ticket_id": "R-2", "source": "agent", "tier": 2}',
                {**JSON, "Idempotency-Key": "robust-dup"},
            ),
        ),
        Case("concurrent duplicate feedback", 201, None, feedback(), "concurrent"),
        Case(
            "export since an invalid date",
            422,
            "valid datetime",
            lambda: Request("GET", "/v1/feedback/export?since=yesterday"),
        ),
        # Webhooks
        Case(
            "webhook bad signature",
            401,
            "signature does not match",
            lambda: zendesk(zendesk_body("9001"), signature="Zm9yZ2VkIQ=="),
        ),
        Case(
            "webhook stale timestamp",
            401,
            "stale delivery",
            lambda: zendesk(zendesk_body("9002"), sent_at="2024-05-21T15:02:19Z"),
        ),
        Case(
            "webhook without signature",
            401,
            "missing",
            lambda: post("/v1/webhooks/zendesk", zendesk_body("9003"), authenticated=False),
        ),
        Case(
            "replayed webhook",
            409,
            "already received",
            lambda: zendesk(zendesk_body(f"R-{uuid.uuid4().hex[:8]}")),
            "twice",
        ),
        Case("webhook wrong shared secret", 401, "X-Triage-Secret", freshdesk(FRESHDESK_TICKET, secret="guess")),
        Case("webhook body not JSON", 422, "not JSON", freshdesk(b"ticket=4242")),
        Case(
            "webhook nesting 100k deep",
            422,
            "not JSON",
            freshdesk(b'{"ticket": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
        ),
        Case("webhook invalid UTF-8", 422, "not JSON", freshdesk(b'{"ticket": {"id": 1, "subject": "caf\xe9"}}')),
        Case(
            "webhook ticket without text",
            422,
            "neither a subject nor a body",
            freshdesk(dumps({"ticket": {"id": 4242}})),
        ),
        Case("webhook 5 MB body", 413, TOO_LARGE, freshdesk(padded_ticket(5_000_000))),
        # Routes and reloads
        Case("unknown route", 404, "Not Found", lambda: Request("GET", "/v1/nothing-here")),
        Case("wrong method", 405, "Method Not Allowed", lambda: Request("GET", "/v1/triage")),
        reload("policy reload with a broken YAML file", "/v1/policy/reload", "invalid YAML", BROKEN_POLICY),
        reload("policy reload with an unknown mode", "/v1/policy/reload", "mode", UNKNOWN_MODE),
        reload("model reload with a truncated model.skops", "/v1/admin/reload", "SHA-256 does not match", TRUNCATED),
        reload("model reload with a broken metadata.json", "/v1/admin/reload", "not valid JSON", BROKEN_METADATA),
    ]


BROKEN_POLICY = Breakage("policy", b"version: 3\nteams: [unclosed\n  - {name: billing\n", "/v1/policy")
UNKNOWN_MODE = Breakage("policy", b"mode: yolo\n", "/v1/policy")
TRUNCATED = Breakage("model.skops", b"PK\x03\x04 truncated", "/readyz")
BROKEN_METADATA = Breakage("metadata.json", b'{"name": ', "/readyz")


def reload(name: str, path: str, message: str, breakage: Breakage) -> Case:
    """A reload while ``breakage`` is on disk: a 422 with ``message``, and the old artefact still in force."""
    return Case(name, 422, message, lambda: post(path, b""), "broken_artefact", breakage)


CASES: list[Case] = _cases()


# --- running and judging ------------------------------------------------------------------------------------


@contextlib.contextmanager
def broken(path: Path, content: bytes) -> Iterator[None]:
    """``path`` with ``content`` for the duration (written in place, as a careless edit would leave it)."""
    original = path.read_bytes()
    path.write_bytes(content)
    try:
        yield
    finally:
        path.write_bytes(original)


def _concurrently(transport: Transport, case: Case) -> Outcome:
    request = case.build()  # one key, sent CONCURRENT_COPIES times at once
    start = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENT_COPIES) as pool:
        outcomes = list(pool.map(lambda _: transport.send(request), range(CONCURRENT_COPIES)))
    seconds = time.perf_counter() - start
    counts = Counter(outcome.status for outcome in outcomes)
    note = ", ".join(f"{status}x{count}" for status, count in sorted(counts.items()))
    # One stored now (201), every other a replay of it (200); anything else is reported as the odd status.
    expected = Counter({201: 1, 200: CONCURRENT_COPIES - 1})
    odd = next((o for o in outcomes if o.status not in (200, 201)), None)
    status = 201 if counts == expected else (odd.status if odd else 200)
    detail = odd.detail if odd else ""
    return Outcome(status, outcomes[0].content_type, detail, seconds, note)


def run_case(transport: Transport, case: Case) -> Outcome:
    """Send ``case`` the way its ``how`` says; the outcome of the request that is judged, timed."""
    if case.how == "plain":
        return transport.send(case.build())
    if case.how == "chunked":
        return transport.send_chunked(case.build())
    if case.how == "slow":
        return transport.send_slow(case.build())
    if case.how == "twice":
        request = case.build()
        first = transport.send(request)
        second = transport.send(request)
        return Outcome(second.status, second.content_type, second.detail, second.seconds, f"first {first.status}")
    if case.how == "concurrent":
        return _concurrently(transport, case)
    assert case.breakage is not None, f"{case.name}: how={case.how} needs a breakage"
    return _with_broken_artefact(transport, case, case.breakage)


def _with_broken_artefact(transport: Transport, case: Case, breakage: Breakage) -> Outcome:
    path = transport.policy_file if breakage.artefact == "policy" else transport.model_dir / breakage.artefact
    before = transport.send(Request("GET", breakage.probe))
    with broken(path, breakage.content):
        outcome = transport.send(case.build())
    after = transport.send(Request("GET", breakage.probe))
    kept = before.status == after.status == 200 and before.detail == after.detail
    return Outcome(outcome.status, outcome.content_type, outcome.detail, outcome.seconds, f"old one kept: {kept}")


def failures(case: Case, outcome: Outcome) -> list[str]:
    """What is wrong with ``outcome`` for ``case``; empty when it is as expected."""
    found: list[str] = []
    if outcome.status >= 500:
        found.append(f"server error {outcome.status}: {outcome.detail}")
    if outcome.status != case.status:
        found.append(f"status {outcome.status}, expected {case.status} ({outcome.detail or outcome.note})")
    if case.message is not None:
        if not outcome.content_type.startswith(PROBLEM_JSON):
            found.append(f"content type {outcome.content_type!r}, expected {PROBLEM_JSON}")
        if case.message.lower() not in outcome.detail.lower():
            found.append(f"detail {outcome.detail[:200]!r} lacks {case.message!r}")
    if "old one kept: False" in outcome.note:
        found.append(f"{case.breakage.probe if case.breakage else ''} changed after a refused reload")
    return found


def detail_of(content_type: str, body: bytes) -> str:
    """A problem's ``detail``; any other JSON answer as canonical JSON (to compare one before and after)."""
    if not body:
        return ""
    try:
        data = json.loads(body)
    except ValueError:
        return body[:200].decode("utf-8", "replace")
    if content_type.startswith(PROBLEM_JSON) and isinstance(data, dict):
        return str(data.get("detail", ""))
    return json.dumps(data, sort_keys=True)
