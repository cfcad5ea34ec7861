"""The HTTP API that helpdesk plugins call: a thin layer over the library (no feature is computed here).

The model is loaded in the app's lifespan, never at import; ``/readyz`` answers 503 until it is loaded and
verified. Adapters, authentication and durable feedback arrive with the API issue.
"""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from triage.errors import TriageError
from triage.pipeline import Triage, load_triage
from triage.schema import Prediction, Ticket
from triage.settings import Settings, get_settings

MAX_TICKETS_PER_REQUEST = 1000


class PredictRequest(BaseModel):
    tickets: list[Ticket] = Field(min_length=1, max_length=MAX_TICKETS_PER_REQUEST)


class PredictResponse(BaseModel):
    predictions: list[Prediction]


def loaded_model(request: Request) -> Triage:
    model = request.app.state.model
    if model is None:
        raise HTTPException(503, detail=getattr(request.app.state, "load_error", "model not loaded"))
    return model


Model = Annotated[Triage, Depends(loaded_model)]


async def validation_error(request: Request, error: Exception) -> JSONResponse:
    # FastAPI's default echoes the offending input, which may be NaN or Infinity: not encodable, so a 500.
    assert isinstance(error, RequestValidationError)
    details = [{key: value for key, value in item.items() if key not in ("input", "ctx")} for item in error.errors()]
    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(details)})


async def triage_error(request: Request, error: Exception) -> JSONResponse:
    # A problem the library explains in one line (triage.errors): a 4xx with that line, never a 500.
    return JSONResponse(status_code=422, content={"detail": str(error)})


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.model = None
        try:
            model = load_triage(settings.model_dir, settings.policy_file)
            # Ready means fast: the first prediction loads spaCy's vocabulary and the sentiment lexicon.
            model.predict([Ticket(id="warm-up", subject="Warm-up", body="Checking that the model answers.")])
        except TriageError as error:
            app.state.load_error = str(error)
        else:
            # The model's long-lived objects leave the garbage collector's generations: with numpy, scipy and
            # scikit-learn loaded, a full collection pauses a request for 150-200 ms, a frozen heap 2-5 ms.
            gc.freeze()
            app.state.model = model
        yield
        gc.unfreeze()

    app = FastAPI(title="triage", version="1", lifespan=lifespan)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(TriageError, triage_error)

    @app.get("/healthz", operation_id="health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", operation_id="ready")
    def ready(model: Model) -> dict[str, object]:
        return {"status": "ready", "model": model.model.model_ref.model_dump(), "policy": model.policy.ref.model_dump()}

    @app.post("/v1/predict", operation_id="predict", response_model=PredictResponse)
    def predict(body: PredictRequest, model: Model) -> PredictResponse:
        return PredictResponse(predictions=model.predict(body.tickets))

    return app
