"""``POST /v1/triage`` answered without FastAPI's routing and dependency solving.

One ticket in, one prediction out is the route helpdesk plugins call for every ticket, and on the event loop
FastAPI's part of it cost more than the rest of the HTTP handling together: matching the path against every
route of the nested routers and solving the route's dependencies took ~190 of ~300 µs of CPU a request. This
pure ASGI middleware, the innermost (inside the key check and the body limit), does what the route
(``service.routers.triage.triage_one``) does for a well-formed request, with the same functions: strict JSON
(``service.jsonbody``), the ticket's validation, the dynamic batcher, the recorder, and the prediction's own
JSON in the same response.

Anything else goes to the app untouched, its body replayed: another path or method, a body that is not JSON or
not a valid ticket, no model loaded, dependency overrides (tests, a deployment's own), an error while scoring.
So every error answer is the route's own, and the route stays the one that the OpenAPI document describes.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.jsonbody import is_json, strict_loads
from service.routers.triage import TICKET
from triage.schema import Ticket

PATH = "/v1/triage"


class TriageFastPath:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        # service.limits.BodyLimit, outside this one, hands the body over in one message.
        message = await receive()
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return message
            return await receive()

        state = scope["app"].state
        ticket = _ticket(scope, message)
        triage = state.holder.current
        if ticket is None or triage is None or scope["app"].dependency_overrides:
            await self.app(scope, replay, send)
            return
        try:
            prediction = await state.batcher.predict(triage, ticket)
        except Exception:  # the route scores again and answers the error its own way
            await self.app(scope, replay, send)
            return
        state.record_scored([ticket], [prediction])
        await Response(prediction.model_dump_json(), media_type="application/json")(scope, replay, send)


def _ticket(scope: Scope, message: Message) -> Ticket | None:
    """The request's ticket, or None when the route must answer (not JSON, invalid, the body in pieces)."""
    body = message.get("body", b"")
    if message["type"] != "http.request" or message.get("more_body", False) or not body:
        return None
    content_type = next((value for name, value in scope["headers"] if name == b"content-type"), None)
    if content_type is None or not is_json(content_type.decode("latin-1")):
        return None
    try:
        # As FastAPI validates a body parameter (from_attributes changes nothing for parsed JSON).
        return TICKET.validate_python(strict_loads(body), from_attributes=True)
    except Exception:  # invalid JSON or ticket, whatever the error: the route answers it
        return None
