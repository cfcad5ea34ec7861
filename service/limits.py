"""Request bodies: capped in size and in the time a client takes to send them, before anything parses them.

:class:`BodyLimit` is a pure ASGI middleware. A ``Content-Length`` above the cap is a 413 at once, without
reading; otherwise it reads the body as it streams (chunked or not), counting bytes, and answers 413 as
soon as the count passes the cap. Both 413s say ``Connection: close``, so uvicorn drops the connection
instead of reading the rest of a body already refused (h11 parses it on the event loop: a 50 MB body held
``/healthz`` up 72 ms; closed, 9 ms). The whole body must arrive within ``body_timeout_s``: uvicorn's
``timeout_keep_alive`` only closes idle connections, and a client that announces 100 bytes and sends 10
would otherwise hold a connection and a request open for as long as it likes (408 here). The body, at
most the cap, is then handed to the app in one piece.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.problems import send_problem

CLOSE = {"Connection": "close"}


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int, timeout_s: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = f"the request body is larger than {self.max_bytes} bytes"
        length = next((value for name, value in scope["headers"] if name == b"content-length"), None)
        if length is not None:
            if not length.isdigit():
                await send_problem(send, 400, "invalid Content-Length header", "bad-request")
                return
            if int(length) > self.max_bytes:
                await send_problem(send, 413, too_large, "body-too-large", headers=CLOSE)
                return
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(self.timeout_s):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return  # nobody to answer
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size > self.max_bytes:
                        await send_problem(send, 413, too_large, "body-too-large", headers=CLOSE)
                        return
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            detail = f"the request body did not arrive within {self.timeout_s:g} s"
            await send_problem(send, 408, detail, "body-timeout", headers=CLOSE)
            return
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for a disconnect, as the server would

        await self.app(scope, replay, send)
