"""API keys: ``Authorization: Bearer <key>`` on every route but the probes (and the docs, when enabled).

The service keeps only the SHA-256 of each key (``Settings.api_key_digests``) and compares the digest of the
presented key with every stored one in constant time (``hmac.compare_digest``, no early exit), so neither
the keys nor their count leak through timing. A missing or wrong key is a 401 problem with a
``WWW-Authenticate`` header. It is a pure ASGI middleware, ahead of the body limit, so an unauthenticated
client is refused before its body is read.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Collection

from starlette.types import ASGIApp, Receive, Scope, Send

from service.problems import send_problem

PUBLIC_PATHS = frozenset({"/healthz", "/readyz"})
# Helpdesk webhooks authenticate with the vendor's own signature or shared secret (service/routers/webhooks.py):
# a helpdesk cannot always send a bearer key.
SIGNED_PREFIXES = ("/v1/webhooks/",)
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json"})


def key_matches(key: str, digests: Collection[bytes]) -> bool:
    presented = hashlib.sha256(key.encode()).digest()
    found = False
    for digest in digests:  # every one, whatever matched
        found |= hmac.compare_digest(presented, digest)
    return found


def bearer_token(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" and token.strip() else None
    return None


class ApiKeyAuth:
    def __init__(
        self,
        app: ASGIApp,
        digests: frozenset[bytes],
        public: frozenset[str] = PUBLIC_PATHS,
        public_prefixes: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        self.digests = digests
        self.public = public
        self.public_prefixes = public_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path in self.public or path.startswith(self.public_prefixes):
            await self.app(scope, receive, send)
            return
        token = bearer_token(scope)
        if token is None:
            challenge = 'Bearer realm="triage"'
            detail = "an API key is required: Authorization: Bearer <key>"
            await send_problem(send, 401, detail, "unauthorized", headers={"WWW-Authenticate": challenge})
            return
        if not key_matches(token, self.digests):
            challenge = 'Bearer realm="triage", error="invalid_token"'
            detail = "the API key is not valid"
            await send_problem(send, 401, detail, "unauthorized", headers={"WWW-Authenticate": challenge})
            return
        await self.app(scope, receive, send)
