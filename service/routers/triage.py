"""``/v1/triage`` (one ticket), ``/v1/triage/batch`` (many, each validated on its own) and ``/v1/handoff``
(one ticket with its hand-off and acknowledgement drafts): computed by the library alone."""

from __future__ import annotations

from collections.abc import Iterable
from http import HTTPStatus
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, TypeAdapter, ValidationError, WithJsonSchema

from service.deps import BatcherDep, CurrentTriage, RecordScored, SettingsDep
from service.jsonbody import StrictJSONRoute
from service.problems import one_line
from triage.handoff.drafts import Acknowledgement, Handoff
from triage.schema import Prediction, Ticket

router = APIRouter(tags=["triage"], route_class=StrictJSONRoute)
TICKET = TypeAdapter(Ticket)


def check_count(count: int, limit: int) -> None:
    if count > limit:
        # The limit is a setting, so the schema cannot carry it: the same 422 as pydantic's own max_length.
        message = f"List should have at most {limit} items after validation, not {count}"
        raise RequestValidationError([{"type": "too_long", "loc": ("body", "tickets"), "msg": message}])


@router.post("/triage", operation_id="triage", response_model=Prediction)
async def triage_one(ticket: Ticket, triage: CurrentTriage, record: RecordScored, batcher: BatcherDep) -> Response:
    """One ticket in, its full prediction out (``/v1/predict`` takes a list). Concurrent requests are scored
    together (``service.batching``)."""
    prediction = await batcher.predict(triage, ticket)
    record([ticket], [prediction])
    # The prediction is already valid: its own JSON (the same bytes) instead of FastAPI validating it again
    # against the response model and encoding it twice (~0.1 ms a request).
    return Response(prediction.model_dump_json(), media_type="application/json")


class BatchRequest(BaseModel):
    # Items are validated one by one (a bad ticket is an error in its place, not a failed batch).
    tickets: Annotated[
        list[Any],
        WithJsonSchema({"type": "array", "items": {"$ref": "#/components/schemas/Ticket"}, "minItems": 1}),
    ] = Field(min_length=1, description="At most the deployment's max_tickets_per_request (1000 by default).")


class ItemError(BaseModel):
    status: int = 422
    title: str = HTTPStatus(422).phrase
    detail: str
    errors: list[dict[str, Any]]


class PredictionItem(BaseModel):
    prediction: Prediction


class ErrorItem(BaseModel):
    error: ItemError


class BatchResponse(BaseModel):
    results: list[PredictionItem | ErrorItem]


def item_error(index: int, error: ValidationError) -> ItemError:
    errors = [
        {"type": item["type"], "loc": ["body", "tickets", index, *item["loc"]], "msg": one_line(item["msg"])}
        for item in error.errors(include_input=False, include_url=False, include_context=False)
    ]
    where = ".".join(str(part) for part in errors[0]["loc"][1:])
    return ItemError(detail=f"ticket {index} is invalid; first at {where}: {errors[0]['msg']}", errors=errors)


def json_list(key: str, items: Iterable[str]) -> Response:
    """``{key: [items]}`` from items that are JSON already: each prediction serialised once, by pydantic,
    instead of validated again against the response model, turned into dicts and encoded a second time
    (~0.1 ms a prediction). The route's ``response_model`` still states the shape."""
    return Response(f'{{"{key}":[{",".join(items)}]}}', media_type="application/json")


# Bulk re-scoring (a backlog, a nightly sweep) often needs the decisions, not the words behind them: the
# explanations and the reasons quoting them are about 40% of a ticket's scoring time.
EXPLAIN = Query(
    description=(
        "false: leave out the reasons that quote the words the model read (the model's phrases); every other "
        "field, the other reasons included, is the same. About 40% less CPU per ticket."
    )
)


@router.post("/triage/batch", operation_id="triage_batch", response_model=BatchResponse)
async def triage_batch(
    body: BatchRequest,
    triage: CurrentTriage,
    settings: SettingsDep,
    record: RecordScored,
    batcher: BatcherDep,
    explain: Annotated[bool, EXPLAIN] = True,
) -> Response:
    """Predictions in the order of the tickets; an invalid ticket gets ``{"error": ...}`` in its place.
    ``?explain=false`` skips the model's phrases among the reasons, for bulk re-scoring."""
    check_count(len(body.tickets), settings.max_tickets_per_request)
    errors: dict[int, ErrorItem] = {}
    valid: list[Ticket] = []
    for index, item in enumerate(body.tickets):
        try:
            valid.append(TICKET.validate_python(item))
        except ValidationError as error:
            errors[index] = ErrorItem(error=item_error(index, error))
    predictions = await batcher.run(triage.predict, valid, explain) if valid else []
    record(valid, predictions)
    remaining = iter(predictions)
    return json_list(
        "results",
        (
            errors[index].model_dump_json()
            if index in errors
            else f'{{"prediction":{next(remaining).model_dump_json()}}}'
            for index in range(len(body.tickets))
        ),
    )


class HandoffResponse(BaseModel):
    prediction: Prediction
    handoff: Handoff | None = Field(description="The hand-off to the recommended team; null if not escalated.")
    acknowledgement: Acknowledgement | None = Field(
        description="The customer's acknowledgement; null likewise, and for a ticket sent to human review."
    )


@router.post("/handoff", operation_id="handoff")
async def handoff(ticket: Ticket, triage: CurrentTriage, record: RecordScored, batcher: BatcherDep) -> HandoffResponse:
    """One ticket in: its prediction and, when it is escalated, the drafts an agent sends."""
    prediction, drafted, acknowledgement = (await batcher.run(triage.handoffs, [ticket]))[0]
    record([ticket], [prediction])
    return HandoffResponse(prediction=prediction, handoff=drafted, acknowledgement=acknowledgement)
