"""``POST /v1/predict``: a list of tickets in, one prediction each; kept for the plugins written against it
(``/v1/triage/batch`` validates each ticket on its own instead of failing the whole request)."""

from fastapi import APIRouter
from pydantic import BaseModel, Field

from service.deps import BatcherDep, CurrentTriage, RecordScored, SettingsDep
from service.jsonbody import StrictJSONRoute
from service.routers.triage import check_count
from triage.schema import Prediction, Ticket

router = APIRouter(tags=["triage"], route_class=StrictJSONRoute)


class PredictRequest(BaseModel):
    tickets: list[Ticket] = Field(
        min_length=1, description="At most the deployment's max_tickets_per_request (1000 by default)."
    )


class PredictResponse(BaseModel):
    predictions: list[Prediction]


@router.post("/predict", operation_id="predict")
async def predict(
    body: PredictRequest, triage: CurrentTriage, settings: SettingsDep, record: RecordScored, batcher: BatcherDep
) -> PredictResponse:
    """The batch form of ``/v1/triage``: every ticket must be valid (one bad ticket: a 422 for all)."""
    check_count(len(body.tickets), settings.max_tickets_per_request)
    predictions = await batcher.run(triage.predict, body.tickets)
    record(body.tickets, predictions)
    return PredictResponse(predictions=predictions)
