"""The HTTP API that helpdesk plugins call: a thin layer over the library (no feature is computed here).

``create_app`` builds the app from one :class:`~triage.settings.Settings`; ``triage serve`` calls it as a
uvicorn factory. The model is loaded in the app's lifespan, never at import or creation, and ``/readyz``
answers 503 until it is loaded and verified. The routes live in ``service.routers``; docs/api.md describes
them, the keys, the limits and the error shape.

Requests pass, outermost first: :class:`~service.logs.RequestContext` (request id, one log line, a 500
problem for anything unhandled), :class:`~service.security.ApiKeyAuth` (401 before the body is read),
:class:`~service.limits.BodyLimit` (413, 408), then the routes (415 and strict JSON: ``service.jsonbody``).
"""

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from fastapi import FastAPI

from service.batching import DynamicBatcher
from service.deps import ScoredRecorder
from service.holder import ModelHolder
from service.limits import BodyLimit
from service.logs import RequestContext
from service.metrics import RequestMetrics, ServiceMetrics
from service.problems import add_problem_handlers
from service.recent import RecentTickets
from service.routers import api_router
from service.security import DOCS_PATHS, PUBLIC_PATHS, SIGNED_PREFIXES, ApiKeyAuth
from service.shadow import ChallengerShadow
from triage.errors import TriageError
from triage.feedback import FeedbackStore
from triage.settings import Settings, get_settings

logger = logging.getLogger("service")
METRICS_PATHS = frozenset({"/metrics"})  # scraped without a key, as health and readiness are


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    holder: ModelHolder = app.state.holder
    # Made here rather than in create_app: shutdown closes it, and an app may be started again (tests do).
    app.state.batcher = batcher = DynamicBatcher()
    app.state.feedback_store = store = _open_feedback_store(settings)
    try:
        holder.load(settings.model_dir, settings.policy_file)
    except TriageError:
        pass  # the holder keeps the line; /readyz answers 503 with it
    else:
        # The model's long-lived objects leave the garbage collector's generations: with numpy, scipy and
        # scikit-learn loaded, a full collection pauses a request for 150-200 ms, a frozen heap 2-5 ms.
        gc.freeze()
    challenger: ChallengerShadow | None = app.state.challenger
    if challenger is not None:
        challenger.start()  # loads in its own process: the service answers meanwhile
    yield
    if challenger is not None:
        challenger.close()
    gc.unfreeze()
    batcher.close()
    if store is not None:
        store.close()


def _open_feedback_store(settings: Settings) -> FeedbackStore | None:
    """The feedback store, migrated to the current schema; None (its routes answer 503, the rest of the API
    serves) when none is configured or it cannot be opened, which the log says in one line."""
    url = settings.feedback_url.get_secret_value().strip() if settings.feedback_url else ""
    if not url:
        return None
    try:
        store = FeedbackStore(url)
        store.upgrade()
    except TriageError as error:
        logger.error("feedback store unavailable: %s", error)
        return None
    return store


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app; raises :class:`~triage.errors.TriageError` in one line when no API key is configured and
    ``insecure_no_auth`` is not set (a server open to anyone is never the default)."""
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
    holder = app.state.holder = ModelHolder()
    app.state.metrics = metrics = ServiceMetrics(lambda: holder.current)
    recorder = ScoredRecorder(recent, metrics)
    app.state.challenger = challenger = ChallengerShadow.configured()  # TRIAGE_SHADOW_MODEL_DIR; None: off
    app.state.record_scored = recorder if challenger is None else challenger.beside(recorder)
    add_problem_handlers(app)
    app.include_router(api_router)
    # add_middleware wraps: the last added runs first.
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
