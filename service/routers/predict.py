"""``POST /v1/predict``: tickets in, one prediction each, computed by the library alone."""

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field

from service.deps import CurrentTriage, SettingsDep
from triage.schema import Prediction, Ticket

router = APIRouter(tags=["predict"])


class PredictRequest(BaseModel):
    tickets: list[Ticket] = Field(
        min_length=1, description="At most the deployment's max_tickets_per_request (1000 by default)."
    )


class PredictResponse(BaseModel):
    predictions: list[Prediction]


@router.post("/predict", operation_id="predict")
def predict(body: PredictRequest, triage: CurrentTriage, settings: SettingsDep) -> PredictResponse:
    limit = settings.max_tickets_per_request
    if len(body.tickets) > limit:
        # The limit is a setting, so the schema cannot carry it: the same 422 as pydantic's own max_length.
        message = f"List should have at most {limit} items after validation, not {len(body.tickets)}"
        raise RequestValidationError([{"type": "too_long", "loc": ("body", "tickets"), "msg": message}])
    return PredictResponse(predictions=triage.predict(body.tickets))
