"""The API's feedback bodies: :class:`FeedbackIn` (what a helpdesk or an agent sends) and :class:`FeedbackOut`
(the stored event, as :meth:`FeedbackStore.record` returns it).

Bodies are strict where FastAPI's defaults are lax (docs/pitfalls.md): unknown fields are refused, ``true`` is
not a tier and ``1`` is not a boolean, ``NaN`` hours are refused, and times must carry a time zone (a naive
time from a helpdesk in another zone would shift every resolution time silently).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    field_validator,
    model_validator,
)

from triage.schema import Trigger, iso_time_only

Source = Literal["agent", "outcome", "helpdesk"]
SOURCES: tuple[str, ...] = ("agent", "outcome", "helpdesk")
KEY_MAX = 200

Key = Annotated[str, Field(min_length=1, max_length=KEY_MAX)]
Name = Annotated[str, Field(min_length=1, max_length=100)]

# The label fields an event may carry, in the order the export writes them.
LABEL_FIELDS: tuple[str, ...] = (
    "triggers",
    "labelled_triggers",
    "escalated",
    "frustration",
    "tier",
    "team",
    "resolution_hours",
    "resolved_at",
    "first_contact_resolution",
    "csat",
)


AwareTime = Annotated[AwareDatetime, BeforeValidator(iso_time_only)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def _dedupe(value: object) -> object:
    # After validation: the items are trigger names by then (before it, a client's [{}] is unhashable).
    return list(dict.fromkeys(value)) if isinstance(value, list) else value


class PredictedLabels(_Body):
    """What the model and policy said, as the sender saw it (stored for override analysis, never exported)."""

    triggers: list[Trigger] | None = None
    escalated: StrictBool | None = None
    frustration: StrictInt | None = Field(None, ge=0, le=3)
    tier: StrictInt | None = Field(None, ge=1, le=4)
    team: Name | None = None

    _dedupe_triggers = field_validator("triggers")(_dedupe)


class CorrectedPrediction(_Body):
    """The prediction an event corrects: the versions in its ``model`` and ``policy`` blocks, and its labels."""

    model_version: Name | None = None
    policy_version: Name | None = None
    labels: PredictedLabels | None = None


class Labels(_Body):
    """Human-confirmed labels, named as in :class:`triage.schema.LabelledTicket`; each is optional.

    ``triggers`` lists the triggers the ticket has; ``labelled_triggers`` the ones the sender judged (None: all
    three), so an agent who only checked the money question does not teach "not technical".
    ``resolution_hours`` is the time from creation to resolution, for senders that do not know ``resolved_at``.
    """

    triggers: list[Trigger] | None = None
    labelled_triggers: list[Trigger] | None = None
    escalated: StrictBool | None = None
    frustration: StrictInt | None = Field(None, ge=0, le=3)
    tier: StrictInt | None = Field(None, ge=1, le=4)
    team: Name | None = None
    resolution_hours: StrictFloat | None = Field(None, ge=0, allow_inf_nan=False)
    resolved_at: AwareTime | None = None
    first_contact_resolution: StrictBool | None = None
    csat: StrictInt | None = Field(None, ge=1, le=5)

    _dedupe_triggers = field_validator("triggers", "labelled_triggers")(_dedupe)

    @model_validator(mode="after")
    def _triggers_within_the_labelled_ones(self) -> Labels:
        if self.labelled_triggers is not None and self.triggers is None:
            raise ValueError("labelled_triggers needs triggers (an empty list: none of them applies)")
        if self.triggers and self.labelled_triggers is not None:
            outside = [name for name in self.triggers if name not in self.labelled_triggers]
            if outside:
                raise ValueError(f"triggers {outside} are not among labelled_triggers {self.labelled_triggers}")
        return self

    def labels(self) -> dict[str, object]:
        """The label fields this event sets (None ones left out)."""
        return {name: getattr(self, name) for name in LABEL_FIELDS if getattr(self, name) is not None}


class FeedbackIn(Labels):
    """One event: an agent's correction or a ticket's final outcome. At least one label is required.

    ``idempotency_key`` is required by the store; the router also takes it from the ``Idempotency-Key`` header.
    Storing the same key again returns the first stored event, whatever the second body says.
    """

    idempotency_key: Key | None = None
    ticket_id: Key
    source: Source
    sender: Name | None = Field(None, description="Who sent it: an agent id or an integration's name.")
    ticket_created_at: AwareTime | None = Field(
        None, description="When the ticket was created: turns resolution_hours into resolved_at in the export."
    )
    corrects: CorrectedPrediction | None = None

    @model_validator(mode="after")
    def _has_a_label(self) -> FeedbackIn:
        if not self.labels():
            raise ValueError(f"an event must set at least one label ({', '.join(LABEL_FIELDS)})")
        if self.resolved_at and self.ticket_created_at and self.resolved_at < self.ticket_created_at:
            raise ValueError("resolved_at is before ticket_created_at")
        return self

    def with_key(self, key: str) -> FeedbackIn:
        """This event with ``key`` as its idempotency key (validated), refused if the body names another."""
        if self.idempotency_key is not None and self.idempotency_key != key.strip():
            raise ValueError("the Idempotency-Key header and the body's idempotency_key differ")
        return FeedbackIn.model_validate({**self.model_dump(), "idempotency_key": key})


class FeedbackOut(FeedbackIn):
    """A stored event: what was sent, its row id and when the store received it (UTC)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int
    idempotency_key: Key
    received_at: AwareDatetime


__all__ = [
    "LABEL_FIELDS",
    "SOURCES",
    "CorrectedPrediction",
    "FeedbackIn",
    "FeedbackOut",
    "Labels",
    "PredictedLabels",
    "Source",
]
