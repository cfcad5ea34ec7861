"""The HTTP API that helpdesk plugins call: a thin layer over the library (no feature is computed here).

``create_app`` builds the app from one :class:`~triage.settings.Settings`; ``triage serve`` calls it as a
uvicorn factory. The model is loaded in the app's lifespan, never at import or creation, and ``/readyz``
answers 503 until it is loaded and verified. The routes live in ``service.routers``; docs/api.md describes
them, the keys, the limits and the error shape.

Requests pass, outermost first: :class:`~service.logs.RequestContext` (request id, one log line, a 500
problem for anything unhandled), :class:`~service.security.ApiKeyAuth` (401 before the body is read),
:class:`~service.limits.BodyLimit` (413, 408), :class:`~service.fastpath.TriageFastPath` (a well-formed
``POST /v1/triage`` answered without FastAPI's routing), then the routes (415 and strict JSON:
``service.jsonbody``).
"""

import contextlib
import gc
import logging
import logging.config
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from fastapi import FastAPI

from service.batching import DynamicBatcher
from service.deps import ScoredRecorder
from service.fastpath import TriageFastPath
from service.holder import ModelHolder
from service.limits import BodyLimit
from service.logs import RequestContext
from service.metrics import RequestMetrics, ServiceMetrics
from service.problems import add_problem_handlers
from service.recent import RecentTickets
from service.routers import api_router
from service.security import DOCS_PATHS, PUBLIC_PATHS, SIGNED_PREFIXES, ApiKeyAuth
from service.shadow import ChallengerShadow
from service.workers import (
    MODEL,
    LeastConnectionsListener,
    Siblings,
    listening_socket,
    open_connection_counts,
    run_workers,
)
from triage.errors import TriageError
from triage.feedback import FeedbackStore
from triage.policy import load_policy
from triage.settings import Settings, get_settings

logger = logging.getLogger("service")
METRICS_PATHS = frozenset({"/metrics"})  # scraped without a key, as health and readiness are


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    holder: ModelHolder = app.state.holder
    # Made here rather than in create_app: shutdown closes it, and an app may be started again (tests do).
    app.state.batcher = batcher = DynamicBatcher()
    # Forked workers (run_server) find the model loaded and the feedback store migrated by their parent.
    preloaded = getattr(app.state, "preloaded", False)
    app.state.feedback_store = store = _open_feedback_store(settings, migrate=not preloaded)
    if not preloaded:
        # A model that does not load leaves its line in the holder; /readyz answers 503 with it.
        with contextlib.suppress(TriageError):
            holder.load(settings.model_dir, settings.policy_file)  # freezes the heap (service.holder)
    siblings = holder.siblings
    if siblings is not None:
        siblings.watch(lambda kind: _reload_here(holder, settings, kind))
    challenger: ChallengerShadow | None = app.state.challenger
    if challenger is not None:
        challenger.start()  # loads in its own process: the service answers meanwhile
    yield
    if challenger is not None:
        challenger.close()
    if siblings is not None:
        siblings.stop()
    gc.unfreeze()
    batcher.close()
    if store is not None:
        store.close()


def _reload_here(holder: ModelHolder, settings: Settings, kind: int) -> None:
    """Another worker's reload, carried out in this one (service.workers.Siblings): the same files read again."""
    if kind == MODEL:
        holder.load_here(settings.model_dir, settings.policy_file)
    else:
        holder.use_policy_here(None if settings.policy_file is None else load_policy(settings.policy_file))


def _open_feedback_store(settings: Settings, migrate: bool = True) -> FeedbackStore | None:
    """The feedback store, migrated to the current schema (unless the caller did it); None (its routes answer
    503, the rest of the API serves) when none is configured or it cannot be opened, which the log says in
    one line."""
    url = settings.feedback_url.get_secret_value().strip() if settings.feedback_url else ""
    if not url:
        return None
    try:
        store = FeedbackStore(url)
        if migrate:
            store.upgrade()
    except TriageError as error:
        logger.error("feedback store unavailable: %s", error)
        return None
    return store


def create_app(settings: Settings | None = None, holder: ModelHolder | None = None) -> FastAPI:
    """The app; raises :class:`~triage.errors.TriageError` in one line when no API key is configured and
    ``insecure_no_auth`` is not set (a server open to anyone is never the default). A ``holder`` with a
    model loaded already is served as it is (the lifespan loads one otherwise)."""
    settings = settings or get_settings()
    digests = settings.required_api_key_digests()
    docs = settings.docs_enabled
    app = FastAPI(
        title="triage",
        version="1",
        lifespan=lifespan,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.state.settings = settings
    app.state.recent = recent = RecentTickets(
        settings.report_max_tickets, settings.report_max_characters, timedelta(hours=settings.report_retention_hours)
    )
    holder = app.state.holder = holder or ModelHolder()
    app.state.metrics = metrics = ServiceMetrics(lambda: holder.current)
    recorder = ScoredRecorder(recent, metrics)
    app.state.challenger = challenger = ChallengerShadow.configured()  # TRIAGE_SHADOW_MODEL_DIR; None: off
    app.state.record_scored = recorder if challenger is None else challenger.beside(recorder)
    add_problem_handlers(app)
    app.include_router(api_router)
    # add_middleware wraps: the last added runs first.
    app.add_middleware(TriageFastPath)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes, timeout_s=settings.body_timeout_s)
    if digests:
        public = PUBLIC_PATHS | METRICS_PATHS | (DOCS_PATHS if docs else frozenset())
        app.add_middleware(ApiKeyAuth, digests=digests, public=public, public_prefixes=SIGNED_PREFIXES)
    else:
        logger.warning(
            "AUTHENTICATION IS DISABLED (--insecure-no-auth): anyone who can reach this server can use the API",
            extra={"fields": {"event": "insecure_no_auth"}},
        )
    app.add_middleware(RequestContext)
    app.add_middleware(RequestMetrics, metrics=metrics)
    return app


def run_server(settings: Settings, host: str, port: int, workers: int, log_config: dict[str, Any]) -> None:
    """Serve until SIGTERM or SIGINT: the model loaded and warmed once, here (a
    :class:`~triage.errors.TriageError` in one line when it does not load), then one uvicorn server in this
    process, or ``workers`` forked processes that share the model's memory and the port (service.workers)."""
    import uvicorn

    holder = ModelHolder()
    holder.load(settings.model_dir, settings.policy_file)
    app = create_app(settings, holder)
    app.state.preloaded = True
    logging.config.dictConfig(log_config)
    options: dict[str, Any] = {
        "log_level": "info",
        "log_config": log_config,
        "access_log": False,  # service.logs.RequestContext writes one line per request, with its id
        "timeout_keep_alive": settings.keep_alive_timeout_s,
    }
    if workers == 1:
        uvicorn.Server(uvicorn.Config(app, host=host, port=port, **options)).run()
        return
    store = _open_feedback_store(settings)  # migrated once, here: workers migrating together would collide
    if store is not None:
        store.close()
    sock = listening_socket(host, port)
    siblings = Siblings(workers)
    open_counts = open_connection_counts(workers)
    logger.info("serving on %s:%d with %d worker processes", host, port, workers)

    def serve(index: int) -> None:
        siblings.index = index
        holder.siblings = siblings
        listener = LeastConnectionsListener(sock, open_counts, index)
        # The asyncio loop, not uvloop (when installed): uvloop accepts on the descriptor, past the listener.
        uvicorn.Server(uvicorn.Config(app, loop="asyncio", **options)).run(sockets=[listener])

    run_workers(workers, serve)
