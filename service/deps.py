"""The dependencies the routes declare, as ``Annotated`` aliases (swap them with ``app.dependency_overrides``)."""

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from service.holder import ModelHolder
from service.recent import RecentTickets
from triage.pipeline import Triage
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


SettingsDep = Annotated[Settings, Depends(app_settings)]
HolderDep = Annotated[ModelHolder, Depends(model_holder)]
CurrentTriage = Annotated[Triage, Depends(current_triage)]
RecentDep = Annotated[RecentTickets, Depends(recent_tickets)]
