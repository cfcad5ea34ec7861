"""Every error the service answers, as ``application/problem+json`` (RFC 9457): ``type``, ``title``, ``status``,
``detail`` (one line), and ``errors`` for what failed validation. Never a 500 with a traceback.

The middlewares (``service.security``, ``service.limits``) send these bodies themselves with
:func:`send_problem`; the exception handlers registered by :func:`add_problem_handlers` cover the routes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Send

from triage.errors import TriageError

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:triage:problem:"


class Problem(BaseModel):
    """An error answer as the OpenAPI document states it (the handlers below build the same fields)."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[dict[str, Any]] | None = None


def problem_described(description: str) -> dict[str, Any]:
    """An OpenAPI response entry for a problem answer: its description and the problem+json body, inline
    (a route's responses cannot reference a component FastAPI does not otherwise register)."""
    return {"description": description, "content": {PROBLEM_JSON: {"schema": Problem.model_json_schema()}}}


# Every route can answer a client error (a missing key, a body too large, bad JSON) and a 503 (no model
# loaded, the feedback store down); generated clients and schemathesis read these instead of FastAPI's
# application/json 422, which this service never sends.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": problem_described("A client error: missing key, body too large, invalid input (problem+json)."),
    "5XX": problem_described("Not ready: no model loaded, or a store unavailable (problem+json)."),
}


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def problem(status: int, detail: str, kind: str | None = None, **extra: Any) -> dict[str, Any]:
    """The body: ``kind`` names the problem (``urn:triage:problem:<kind>``); none: ``about:blank``, whose title
    is the HTTP status phrase (RFC 9457 section 4.2.1)."""
    body: dict[str, Any] = {
        "type": TYPE_PREFIX + kind if kind else "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": one_line(detail),
    }
    body.update(extra)
    return body


def problem_response(
    status: int, detail: str, kind: str | None = None, headers: Mapping[str, str] | None = None, **extra: Any
) -> JSONResponse:
    return JSONResponse(problem(status, detail, kind, **extra), status, headers=headers, media_type=PROBLEM_JSON)


async def send_problem(
    send: Send, status: int, detail: str, kind: str | None = None, headers: dict[str, str] | None = None
) -> None:
    """The same response from a pure ASGI middleware."""
    body = json.dumps(problem(status, detail, kind)).encode()
    raw = [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode())]
    raw += [(name.lower().encode(), value.encode()) for name, value in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def validation_errors(error: RequestValidationError) -> list[dict[str, Any]]:
    """pydantic's errors without the offending input (it may hold NaN, a lone surrogate or a customer's
    text), each message on one line; a JSON decode error says what was wrong."""
    out = []
    for item in error.errors():
        message = item.get("msg", "invalid")
        if item.get("type") == "json_invalid" and isinstance(item.get("ctx"), dict) and "error" in item["ctx"]:
            message = f"{message}: {item['ctx']['error']}"
        out.append({"type": item.get("type"), "loc": list(item.get("loc", ())), "msg": one_line(message)})
    return out


async def validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    errors = validation_errors(error)
    where = ".".join(str(part) for part in errors[0]["loc"]) if errors else "body"
    detail = f"{len(errors)} validation error(s); first at {where}: {errors[0]['msg']}" if errors else "invalid"
    return problem_response(422, detail, "validation", errors=errors)


async def http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    detail = error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).description
    return problem_response(error.status_code, detail, None, headers=error.headers)


async def triage_error(request: Request, error: Exception) -> JSONResponse:
    # A problem the library explains in one line (triage.errors): a 422 with that line.
    return problem_response(422, str(error), "triage-error")


def add_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(TriageError, triage_error)
    # Anything else is turned into a 500 problem by service.logs.RequestContext.
