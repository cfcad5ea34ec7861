"""``POST /v1/webhooks/<vendor>``: a helpdesk's own webhook in, the ticket's prediction out.

One route per adapter in :data:`triage.adapters.ADAPTERS` (zendesk, freshdesk, jira); the mapping from the
vendor's body to a :class:`~triage.schema.Ticket` is the library's, this layer only reads the raw body, checks
who sent it and calls the model. Docs: docs/helpdesks/<vendor>.md.

Each vendor's secret is a setting, ``TRIAGE_WEBHOOK_SECRET_<VENDOR>`` (:meth:`Settings.webhook_secret
<triage.settings.Settings.webhook_secret>`, read once at start with the other settings, never logged);
without one the route refuses every delivery (503), so a deployment never accepts unauthenticated webhooks by
accident. Jira's custom-field map is the setting ``TRIAGE_WEBHOOK_JIRA_FIELDS`` (JSON,
``{"annual_contract_value": "customfield_10050", ...}``); a map that is not valid stops the server at start.

Answers: 200 with the prediction; 202 ``{"ignored": true}`` for an event that carries no ticket (the vendor
must not retry it); 401 bad or missing signature; 409 a replayed Zendesk delivery; 422 a body that is not
JSON or not a ticket (one line); 503 no secret configured or no model loaded. The model check comes first,
so a delivery refused for want of a model is not yet in Zendesk's replay cache when the vendor retries it.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from service.deps import SettingsDep
from service.jsonbody import strict_loads
from service.problems import problem_described
from triage.adapters import ADAPTERS, Adapter, AdapterError, JiraAdapter, ReplayError, SignatureError
from triage.schema import Prediction
from triage.settings import Settings

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])


def adapter_for(vendor: str, settings: Settings) -> Adapter:
    """The registry's adapter (Zendesk's keeps its replay cache across requests); Jira's with the site's
    custom-field map when one is configured (checked when the settings were read)."""
    if vendor == "jira" and settings.webhook_jira_fields:
        return JiraAdapter(settings.webhook_jira_fields)
    return ADAPTERS[vendor]


def _endpoint(vendor: str) -> Callable[..., Awaitable[Any]]:
    async def receive(request: Request, settings: SettingsDep) -> Any:
        holder = getattr(request.app.state, "holder", None)
        triage = holder.current if holder is not None else None
        if triage is None:
            raise HTTPException(503, detail=getattr(holder, "load_error", None) or "model not loaded")
        secret = settings.webhook_secret(vendor)
        if secret is None:
            setting = f"TRIAGE_WEBHOOK_SECRET_{vendor.upper()}"
            raise HTTPException(503, detail=f"the {vendor} webhook is not configured: set {setting}")
        adapter = adapter_for(vendor, settings)
        body = await request.body()
        try:
            adapter.verify(body, request.headers, secret)
        except ReplayError as error:
            raise HTTPException(409, detail=str(error)) from None
        except SignatureError as error:
            raise HTTPException(401, detail=str(error)) from None
        try:
            # Strict, as the API's own bodies: duplicate keys, lone surrogates, hostile nesting are refused.
            payload = strict_loads(body)
        except json.JSONDecodeError as error:
            raise HTTPException(422, detail=f"{vendor}: the webhook body is not JSON: {error.msg}") from None
        try:
            ticket = adapter.to_ticket(payload, request.headers)
        except AdapterError as error:
            raise HTTPException(422, detail=str(error)) from None
        if ticket is None:
            return JSONResponse(status_code=202, content={"ignored": True})
        # Scored with the concurrent /v1/triage requests, on the one scoring thread (service.batching).
        prediction = await request.app.state.batcher.predict(triage, ticket)
        request.app.state.record_scored([ticket], [prediction])
        return prediction

    receive.__name__ = f"webhook_{vendor}"
    return receive


_RESPONSES: dict[int | str, dict[str, Any]] = {
    202: {"description": "An event without a ticket to score: acknowledged and ignored."},
    401: problem_described("Missing or wrong signature / shared secret."),
    409: problem_described("A signed delivery received before (Zendesk)."),
    422: problem_described("A body that is not JSON or not a ticket."),
    503: problem_described("No model loaded, or the vendor's secret is not configured."),
}

for _vendor in sorted(ADAPTERS):
    router.add_api_route(
        f"/{_vendor}",
        _endpoint(_vendor),
        methods=["POST"],
        operation_id=f"webhook_{_vendor}",
        response_model=Prediction,
        responses=_RESPONSES,
        summary=f"Score a ticket from a {_vendor.capitalize()} webhook",
    )
