"""Structured logs: one JSON object a line, with the request id, and no customer data in them.

:class:`JsonFormatter` redacts e-mail addresses, phone numbers and card numbers from every string it writes
(a message or a field), whatever logged it; routes log fields (ids, labels, scores), never ticket text or
keys. :class:`RequestContext` is the outermost middleware: it takes the client's ``X-Request-ID`` (or makes
one), returns it on the response, logs one line per request, and turns an unhandled error into a 500
problem without a traceback in the answer.
"""

from __future__ import annotations

import json
import logging
import random
import re
import time
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.problems import send_problem

logger = logging.getLogger("service")
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 13-19 digits, spaces or dashes between them: a payment card number (checked before phone numbers).
CARD = re.compile(r"(?<![\w+])\d(?:[ -]?\d){12,18}(?!\w)")
# 9-15 digits with the separators people write, an optional leading +.
PHONE = re.compile(r"(?<![\w+])(?:\+\s?)?\(?\d(?:[\s().-]{0,2}\d){8,14}(?!\w)")
# A client's request id is echoed and logged: only short ids of safe characters are kept.
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def new_request_id() -> str:
    """32 random hex digits. From ``random``, not ``uuid4``: os.urandom is a system call, and every system call
    on the event loop hands the GIL to the scoring thread and waits up to its switch interval to get it back
    (py-spy under 16 connections: 5% of the event loop's time in uuid4). An id correlates log lines; it
    guards nothing. ``random`` is reseeded in each forked worker."""
    return f"{random.getrandbits(128):032x}"


def redact(text: str) -> str:
    text = EMAIL.sub("[email]", text)
    text = CARD.sub("[card]", text)
    return PHONE.sub("[phone]", text)


def _redacted(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _redacted(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_redacted(item) for item in value]
    return value


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "logger", "message", "request_id", ...fields}``; fields come from
    ``logger.info(message, extra={"fields": {...}})``."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        rid = request_id.get()
        if rid is not None:
            line["request_id"] = rid
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            line.update({key: _redacted(value) for key, value in fields.items() if key not in line})
        if record.exc_info:
            line["error"] = redact(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)


class RequestContext:
    """Pure ASGI middleware, the outermost: request id in and out, one log line per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = next((value.decode("latin-1") for name, value in scope["headers"] if name == b"x-request-id"), "")
        rid = given if REQUEST_ID.fullmatch(given) else new_request_id()
        token = request_id.set(rid)
        status = 500
        started = False
        start = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as error:
            logger.error("unhandled %s", type(error).__name__, exc_info=error)
            if not started:
                await send_problem(send_with_id, 500, "internal error; the request id is in the logs", "internal")
        finally:
            fields = {
                "event": "request",
                "method": scope["method"],
                "path": scope["path"],
                "status": status,
                "duration_ms": round((time.perf_counter() - start) * 1000, 2),
            }
            logger.info("%s %s %s", scope["method"], scope["path"], status, extra={"fields": fields})
            request_id.reset(token)
