"""``GET /v1/reports/risk``: the managers' predicted-risk page (the one ``triage report risk`` writes) over the
tickets this server scored in the last hours, scored again by the model and policy that answer now."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse

from service.deps import CurrentTriage, RecentDep, SettingsDep
from triage.reports.risk import DEFAULT_TOP, risk_report

router = APIRouter(tags=["reports"])


@router.get(
    "/reports/risk",
    operation_id="risk_report",
    response_class=HTMLResponse,
    responses={200: {"content": {"text/html": {}}, "description": "One self-contained HTML page."}},
)
def risk(
    triage: CurrentTriage,
    recent: RecentDep,
    settings: SettingsDep,
    hours: Annotated[float, Query(gt=0, description="Tickets scored in the last this many hours.")] = 24.0,
    top: Annotated[int, Query(ge=1, le=5000, description="Ranked rows with reasons and hand-offs.")] = DEFAULT_TOP,
) -> HTMLResponse:
    """Open tickets ranked by escalation risk, with reasons, tiers, teams and hand-offs, expected escalations
    per team, and how far to trust the scores. The tickets are those that ``/v1/triage``, ``/v1/triage/batch``,
    ``/v1/predict``, ``/v1/handoff`` and the webhooks scored, kept in this process's memory only."""
    if hours > settings.report_retention_hours:
        raise HTTPException(
            422,
            detail=f"hours={hours:g} is beyond what this server keeps: report_retention_hours="
            f"{settings.report_retention_hours:g} (TRIAGE_REPORT_RETENTION_HOURS)",
        )
    tickets = recent.since(hours)
    return HTMLResponse(risk_report(triage, tickets, top=top))
