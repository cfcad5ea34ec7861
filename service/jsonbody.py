"""JSON bodies parsed by us, strictly: ``application/json`` only (415 otherwise), duplicate keys and lone
surrogates refused as JSON errors (422), before pydantic sees the data; so are the bodies Python's parser
itself gives up on with another error than a decode error (nesting deeper than its recursion limit, an
integer of more than 4,300 digits), which FastAPI would answer with a bare 400.

FastAPI's own parsing keeps the last of two duplicate keys, so ``{"id": "A", "id": "B"}`` would be ticket B
without a word; a lone surrogate (``"\\ud800"``) passes validation and fails when the answer is encoded.
Routes get this with ``APIRouter(route_class=StrictJSONRoute)``.
"""

from __future__ import annotations

import email.message
import json
import re
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute

# Only an escape can put a lone surrogate in a parsed string (the UTF-8 decoder refuses encoded ones).
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Built in C, searched in Python only when a key repeats: this hook runs once per object of the body.
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise json.JSONDecodeError(f"duplicate key {json.dumps(key)[:60]}", "", 0)
            seen.add(key)
    return out


def _check_strings(value: Any) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            items = [item]
        elif isinstance(item, dict):
            items = list(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
            continue
        else:
            continue
        for text in items:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise json.JSONDecodeError("lone surrogate in a string", "", 0) from None


def strict_loads(body: bytes) -> Any:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise json.JSONDecodeError("the body is not UTF-8", "", error.start) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except RecursionError:
        raise json.JSONDecodeError("the JSON nests too deep to parse", "", 0) from None
    except json.JSONDecodeError:
        raise
    except ValueError as error:  # an integer longer than sys.get_int_max_str_digits()
        raise json.JSONDecodeError(str(error).split(";")[0], "", 0) from None
    if SURROGATE_ESCAPE.search(text):  # the walk costs ~10 ms a 100,000 values, on the event loop
        _check_strings(data)
    return data


def is_json(content_type: str | None) -> bool:
    if not content_type:
        return False
    message = email.message.Message()
    message["content-type"] = content_type
    return message.get_content_type() == "application/json"


class StrictJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = strict_loads(await self.body())
        return self._json


class StrictJSONRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        takes_body = self.body_field is not None

        async def strict_handler(request: Request) -> Response:
            request = StrictJSONRequest(request.scope, request.receive)
            # An empty body is a missing body (422 from validation), whatever its type.
            if takes_body and await request.body() and not is_json(request.headers.get("content-type")):
                raise HTTPException(415, detail="the body must be JSON: Content-Type: application/json")
            return await handler(request)

        return strict_handler
