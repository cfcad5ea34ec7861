"""Every route of the service, gathered here: health outside the version prefix, the API under ``/v1``.

Operation ids are stable (plugin authors generate clients from ``/openapi.json``): health, ready, metrics, triage,
triage_batch, predict, handoff, get_model, get_policy, reload_policy, reload_model, risk_report, record_feedback,
export_feedback, and one webhook per helpdesk. The feedback and webhook routers carry their own ``/v1/...`` prefix.
"""

from fastapi import APIRouter

from service.problems import ERROR_RESPONSES
from service.routers import admin, feedback, health, model, policy, predict, reports, triage, webhooks

v1 = APIRouter(prefix="/v1")
v1.include_router(triage.router)
v1.include_router(predict.router)
v1.include_router(model.router)
v1.include_router(policy.router)
v1.include_router(reports.router)
v1.include_router(admin.router)

api_router = APIRouter(responses=ERROR_RESPONSES)
api_router.include_router(health.router)
api_router.include_router(v1)
api_router.include_router(feedback.router)
api_router.include_router(webhooks.router)
