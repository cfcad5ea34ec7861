"""``/v1/feedback``: agents' corrections and tickets' outcomes, stored durably and once per idempotency key;
and the human-confirmed labels as JSON lines for training (``docs/feedback.md``).

The store is ``request.app.state.feedback_store`` (a :class:`triage.feedback.FeedbackStore`, opened and
migrated in the app's lifespan). Both routes are plain ``def``: the commit's fsync blocks a worker thread,
never the event loop. Bodies are parsed as strictly as the triage routes' (``service.jsonbody``: 415 for a body
that is not JSON, 422 for duplicate keys). Operation ids: record_feedback, export_feedback.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse
from pydantic import BeforeValidator
from sqlalchemy.exc import OperationalError

from service.jsonbody import StrictJSONRoute
from triage.feedback import FeedbackIn, FeedbackOut, FeedbackStore
from triage.feedback._schema import KEY_MAX
from triage.schema import iso_time_only

router = APIRouter(prefix="/v1/feedback", tags=["feedback"], route_class=StrictJSONRoute)
logger = logging.getLogger("service")


def feedback_store(request: Request) -> FeedbackStore:
    store = getattr(request.app.state, "feedback_store", None)
    if store is None:  # not configured, or before the lifespan has run
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail="feedback store not configured")
    return store


FeedbackStoreDep = Annotated[FeedbackStore, Depends(feedback_store)]


def _unprocessable(where: tuple[str, ...], message: str, kind: str) -> RequestValidationError:
    # A validation error like FastAPI's own: the same problem body (detail and errors), so clients parse one format.
    return RequestValidationError([{"type": kind, "loc": where, "msg": message}])


@router.post(
    "",
    operation_id="record_feedback",
    status_code=status.HTTP_201_CREATED,
    response_model_exclude_none=True,
    responses={200: {"model": FeedbackOut, "description": "The key was stored before: the first event."}},
)
def record_feedback(
    event: FeedbackIn,
    store: FeedbackStoreDep,
    response: Response,
    idempotency_key: Annotated[str | None, Header(min_length=1, max_length=KEY_MAX)] = None,
) -> FeedbackOut:
    """Store one event; answered only after its transaction committed. 201: stored now; 200: a repeated key,
    with the first event stored under it (``Idempotent-Replayed: true``), nothing stored twice. The key comes
    from the ``Idempotency-Key`` header or the body's ``idempotency_key`` (both: they must agree). 503 with
    ``Retry-After`` when the store cannot write (nothing was stored: send it again with the same key)."""
    if idempotency_key is not None:
        try:
            event = event.with_key(idempotency_key)
        except ValueError as error:
            raise _unprocessable(("header", "idempotency-key"), str(error), "value_error") from None
    if event.idempotency_key is None:
        raise _unprocessable(("header", "idempotency-key"), "an Idempotency-Key header or idempotency_key", "missing")
    if _holds_nul(event.model_dump()):
        # PostgreSQL cannot store NUL in text (psycopg raises: a 500); refused on SQLite too, so a sender finds
        # out whatever the deployment's store.
        raise _unprocessable(("body",), "text fields must not contain NUL (\\u0000) characters", "value_error")
    try:
        stored, created = store.record(event)
    except OperationalError as error:
        # Locked past the busy timeout, disk full, server gone: nothing was acknowledged, the sender retries
        # with the same key (the error's text may quote the row: only its type is logged).
        logger.error("feedback store error: %s", type(error.orig).__name__)
        detail = "the feedback store is unavailable; retry with the same Idempotency-Key"
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail=detail, headers={"Retry-After": "1"}) from None
    if not created:
        response.status_code = status.HTTP_200_OK
        response.headers["Idempotent-Replayed"] = "true"
    return stored


def _holds_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    return False


def _lines(rows: Iterator[dict[str, object]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


@router.get(
    "/export",
    operation_id="export_feedback",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {}}, "description": "One JSON object per ticket."}},
)
def export_feedback(
    store: FeedbackStoreDep,
    since: Annotated[
        datetime | None,
        Query(description="Only tickets with an event received since (UTC), as ISO 8601."),
        BeforeValidator(iso_time_only),
    ] = None,
) -> StreamingResponse:
    """Human-confirmed labels, one ``LabelledTicket``-shaped JSON object per line and ticket (``id`` and the
    labels, no text, no predictions); join them with the tickets' text to train (``docs/feedback.md``)."""
    return StreamingResponse(_lines(store.export(since=since)), media_type="application/x-ndjson")
