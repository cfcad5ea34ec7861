"""Liveness and readiness, outside the versioned API: ``/readyz`` is 503, with the reason, until a verified
model is loaded and warm."""

from fastapi import APIRouter
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


@router.get("/healthz", operation_id="health")
def health() -> Health:
    return Health(status="ok")


@router.get("/readyz", operation_id="ready")
def ready(triage: CurrentTriage) -> Readiness:
    return Readiness(status="ready", model=triage.model.model_ref, policy=triage.policy.ref)
