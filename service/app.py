"""The HTTP API that helpdesk plugins call: a thin layer over the library (no feature is computed here).

``create_app`` builds the app from one :class:`~triage.settings.Settings`; ``triage serve`` calls it as a
uvicorn factory. The model is loaded in the app's lifespan, never at import or creation, and ``/readyz``
answers 503 until it is loaded and verified. The routes live in ``service.routers``.
"""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from service.holder import ModelHolder
from service.routers import api_router
from triage.errors import TriageError
from triage.settings import Settings, get_settings


async def validation_error(request: Request, error: Exception) -> JSONResponse:
    # FastAPI's default echoes the offending input, which may be NaN or Infinity: not encodable, so a 500.
    assert isinstance(error, RequestValidationError)
    details = [{key: value for key, value in item.items() if key not in ("input", "ctx")} for item in error.errors()]
    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(details)})


async def triage_error(request: Request, error: Exception) -> JSONResponse:
    # A problem the library explains in one line (triage.errors): a 4xx with that line, never a 500.
    return JSONResponse(status_code=422, content={"detail": str(error)})


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    app.state.holder = holder = ModelHolder()
    try:
        holder.load(settings.model_dir, settings.policy_file)
    except TriageError:
        pass  # the holder keeps the line; /readyz answers 503 with it
    else:
        # The model's long-lived objects leave the garbage collector's generations: with numpy, scipy and
        # scikit-learn loaded, a full collection pauses a request for 150-200 ms, a frozen heap 2-5 ms.
        gc.freeze()
    yield
    gc.unfreeze()


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(title="triage", version="1", lifespan=lifespan)
    app.state.settings = settings or get_settings()
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(TriageError, triage_error)
    app.include_router(api_router)
    return app
