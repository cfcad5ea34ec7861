"""The dependencies the routes declare, as ``Annotated`` aliases (swap them with ``app.dependency_overrides``)."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from service.holder import ModelHolder
from service.metrics import ServiceMetrics
from service.recent import RecentTickets
from service.shadow import log_shadow
from triage.pipeline import Triage
from triage.schema import Prediction, Ticket
from triage.settings import Settings


def app_settings(request: Request) -> Settings:
    return request.app.state.settings


def model_holder(request: Request) -> ModelHolder:
    holder = getattr(request.app.state, "holder", None)
    if holder is None:  # only before the lifespan has run
        raise HTTPException(503, detail="model not loaded")
    return holder


def current_triage(holder: Annotated[ModelHolder, Depends(model_holder)]) -> Triage:
    """The model and policy this request uses from start to end, even if a reload swaps them meanwhile."""
    triage = holder.current
    if triage is None:
        raise HTTPException(503, detail=holder.load_error or "model not loaded")
    return triage


def recent_tickets(request: Request) -> RecentTickets:
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


def scored_recorder(request: Request) -> ScoredRecorder:
    return request.app.state.record_scored


SettingsDep = Annotated[Settings, Depends(app_settings)]
HolderDep = Annotated[ModelHolder, Depends(model_holder)]
CurrentTriage = Annotated[Triage, Depends(current_triage)]
RecentDep = Annotated[RecentTickets, Depends(recent_tickets)]
RecordScored = Annotated[ScoredRecorder, Depends(scored_recorder)]
