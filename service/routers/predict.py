"""``POST /v1/predict``: a list of tickets in, one prediction each; kept for the plugins written against it
(``/v1/triage/batch`` validates each ticket on its own instead of failing the whole request)."""

from typing import Annotated, Any

from fastapi import APIRouter, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, TypeAdapter, ValidationError, WithJsonSchema

from service.deps import BatcherDep, CurrentTriage, RecordScored, SettingsDep
from service.jsonbody import StrictJSONRoute
from service.routers.triage import check_count, json_list
from triage.schema import Prediction, Ticket

router = APIRouter(tags=["triage"], route_class=StrictJSONRoute)


TICKETS = TypeAdapter(list[Ticket])


class PredictRequest(BaseModel):
    # Validated after the count is checked: 100,000 tickets are refused before any is validated.
    tickets: Annotated[
        list[Any],
        WithJsonSchema({"type": "array", "items": {"$ref": "#/components/schemas/Ticket"}, "minItems": 1}),
    ] = Field(min_length=1, description="At most the deployment's max_tickets_per_request (1000 by default).")


class PredictResponse(BaseModel):
    predictions: list[Prediction]


@router.post("/predict", operation_id="predict", response_model=PredictResponse)
async def predict(
    body: PredictRequest, triage: CurrentTriage, settings: SettingsDep, record: RecordScored, batcher: BatcherDep
) -> Response:
    """The batch form of ``/v1/triage``: every ticket must be valid (one bad ticket: a 422 for all)."""
    check_count(len(body.tickets), settings.max_tickets_per_request)
    try:
        tickets = TICKETS.validate_python(body.tickets)
    except ValidationError as error:
        # The same errors FastAPI gives for a body field, located in the body.
        raise RequestValidationError(
            [{**item, "loc": ("body", "tickets", *item["loc"])} for item in error.errors(include_url=False)]
        ) from None
    predictions = await batcher.run(triage.predict, tickets)
    record(tickets, predictions)
    return json_list("predictions", (prediction.model_dump_json() for prediction in predictions))
