"""The dependencies the routes declare, as ``Annotated`` aliases (swap them with ``app.dependency_overrides``).

They are ``async def`` although none awaits: FastAPI runs a plain ``def`` dependency on its thread pool, a
hop per dependency per request that costs more than the lookups themselves."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from service.batching import DynamicBatcher
from service.holder import ModelHolder
from service.metrics import ServiceMetrics
from service.recent import RecentTickets
from service.shadow import log_shadow
from triage.pipeline import Triage
from triage.schema import Prediction, Ticket
from triage.settings import Settings


async def app_settings(request: Request) -> Settings:
    return request.app.state.settings


async def model_holder(request: Request) -> ModelHolder:
    holder = getattr(request.app.state, "holder", None)
    if holder is None:  # only before the lifespan has run
        raise HTTPException(503, detail="model not loaded")
    return holder


def loaded(holder: ModelHolder) -> Triage:
    """The model and policy answering now; 503 with the reason when none is loaded."""
    triage = holder.current
    if triage is None:
        raise HTTPException(503, detail=holder.load_error or "model not loaded")
    return triage


async def current_triage(holder: Annotated[ModelHolder, Depends(model_holder)]) -> Triage:
    """The model and policy this request uses from start to end, even if a reload swaps them meanwhile."""
    return loaded(holder)


async def recent_tickets(request: Request) -> RecentTickets:
    """The tickets scored lately, for the risk report (``service.recent``)."""
    return request.app.state.recent


@dataclass(frozen=True)
class ScoredRecorder:
    """What follows every scoring, whichever route did it: shadow mode's log lines, the risk report's memory
    of recent tickets, and the prediction metrics."""

    recent: RecentTickets
    metrics: ServiceMetrics

    def __call__(self, tickets: Sequence[Ticket], predictions: Sequence[Prediction]) -> None:
        log_shadow(predictions)
        self.recent.add(tickets)
        self.metrics.observe(predictions)


async def scored_recorder(request: Request) -> ScoredRecorder:
    return request.app.state.record_scored


async def batcher(request: Request) -> DynamicBatcher:
    return request.app.state.batcher


SettingsDep = Annotated[Settings, Depends(app_settings)]
HolderDep = Annotated[ModelHolder, Depends(model_holder)]
CurrentTriage = Annotated[Triage, Depends(current_triage)]
RecentDep = Annotated[RecentTickets, Depends(recent_tickets)]
RecordScored = Annotated[ScoredRecorder, Depends(scored_recorder)]
BatcherDep = Annotated[DynamicBatcher, Depends(batcher)]
