"""Liveness, readiness and metrics, outside the versioned API and without a key: ``/readyz`` is 503, with
the reason, until a verified model is loaded and warm; ``/metrics`` is Prometheus's text format
(``service.metrics``)."""

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from service.deps import CurrentTriage
from triage.schema import ModelRef, PolicyRef

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    model: ModelRef
    policy: PolicyRef


# async: answered on the event loop, never queued behind scoring on the thread pool.
@router.get("/healthz", operation_id="health")
async def health() -> Health:
    return Health(status="ok")


@router.get("/readyz", operation_id="ready")
async def ready(triage: CurrentTriage) -> Readiness:
    return Readiness(status="ready", model=triage.model.model_ref, policy=triage.policy.ref)


@router.get(
    "/metrics",
    operation_id="metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text exposition format."}},
)
async def metrics(request: Request) -> Response:
    body, content_type = request.app.state.metrics.render()
    return Response(body, media_type=content_type)
