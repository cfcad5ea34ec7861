"""The canonical data contract (see docs/data-contract.md): tickets in, labelled tickets for training, predictions out.

Every reader, model, policy rule and adapter speaks these types; nothing else defines a ticket's shape.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

TRIGGERS: tuple[str, ...] = ("technical", "financial", "legal")
Trigger = Literal["technical", "financial", "legal"]
Author = Literal["customer", "agent", "system"]

KNOWN_CHANNELS = ("email", "chat", "phone", "web_form", "social", "api")
KNOWN_PLANS = ("free", "basic", "pro", "enterprise")
# What helpdesks call the same channels (Zendesk's via.channel, Freshdesk's sources, Jira's request types).
CHANNEL_ALIASES = {
    "web": "web_form",
    "webform": "web_form",
    "form": "web_form",
    "portal": "web_form",
    "help_center": "web_form",
    "feedback_widget": "web_form",
    "mail": "email",
    "e-mail": "email",
    "outbound_email": "email",
    "voice": "phone",
    "call": "phone",
    "telephone": "phone",
    "live_chat": "chat",
    "livechat": "chat",
    "messaging": "chat",
    "native_messaging": "chat",
    "sms": "chat",
    "whatsapp": "chat",
    "mobile": "chat",
    "twitter": "social",
    "facebook": "social",
    "instagram": "social",
    "integration": "api",
}


def channel_group(channel: str | None) -> str:
    """The known channel a ticket's channel name stands for, or "other"."""
    name = (channel or "").strip().lower().replace(" ", "_")
    name = CHANNEL_ALIASES.get(name, name)
    return name if name in KNOWN_CHANNELS else "other"


class _Input(BaseModel):
    # Unknown extra fields are accepted and ignored (docs/data-contract.md); strings are stripped.
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)


class Customer(_Input):
    id: str | None = None
    name: str | None = None
    company: str | None = None
    plan: str | None = None
    annual_contract_value: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    strategic: bool | None = None


class Interaction(_Input):
    at: datetime | None = None
    author: Author
    body: str = ""


class Ticket(_Input):
    id: str = Field(min_length=1)
    subject: str = ""
    body: str = ""
    channel: str | None = None
    created_at: datetime | None = None
    customer: Customer | None = None
    history: list[Interaction] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    product: str | None = None

    @field_validator("subject", "body", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return "" if value is None else value

    @field_validator("history", "tags", mode="before")
    @classmethod
    def _none_is_empty_list(cls, value: object) -> object:
        return [] if value is None else value

    @model_validator(mode="after")
    def _has_text(self) -> Ticket:
        if not self.subject and not self.body:
            raise ValueError("subject or body must be non-empty")
        return self


class LabelledTicket(Ticket):
    """A ticket plus outcome fields; each is optional and a head trains on the rows that have its label."""

    triggers: list[Trigger] | None = None
    # The triggers that ``triggers`` was labelled for, when not all three: a data set that speaks only of
    # money and law says nothing about technical problems, so its rows must not teach "not technical".
    # None (the default) means all three.
    labelled_triggers: list[Trigger] | None = None
    escalated: bool | None = None
    frustration: int | None = Field(default=None, ge=0, le=3)
    tier: int | None = Field(default=None, ge=1, le=4)
    team: str | None = None
    resolved_at: datetime | None = None
    first_contact_resolution: bool | None = None
    csat: int | None = Field(default=None, ge=1, le=5)
    escalation_level_reached: int | None = Field(default=None, ge=1, le=4)
    # Written by the demo generator only: its own escalation probability, the ceiling for evaluation.
    # Never a model feature.
    true_escalation_probability: float | None = Field(default=None, ge=0, le=1)
    reopen_count: int | None = Field(default=None, ge=0)

    @field_validator("triggers", "labelled_triggers", mode="before")
    @classmethod
    def _dedupe_triggers(cls, value: object) -> object:
        if isinstance(value, list):
            return list(dict.fromkeys(value))
        return value

    @model_validator(mode="after")
    def _triggers_within_the_labelled_ones(self) -> LabelledTicket:
        if self.triggers and self.labelled_triggers is not None:
            outside = [name for name in self.triggers if name not in self.labelled_triggers]
            if outside:
                raise ValueError(f"triggers {outside} are not among labelled_triggers {self.labelled_triggers}")
        return self

    def has_trigger_label(self, name: str) -> bool:
        """Whether this row says yes or no about trigger ``name``."""
        return self.triggers is not None and (self.labelled_triggers is None or name in self.labelled_triggers)


Probability = Field(ge=0, le=1)


class _Output(BaseModel):
    model_config = ConfigDict(extra="allow")


class ModelRef(_Output):
    name: str = "triage"
    version: str
    alias: str | None = None


class PolicyRef(_Output):
    """The escalation configuration that decided a prediction (``triage.policy.Policy``)."""

    name: str
    version: str
    sha256: str


class Escalation(_Output):
    probability: float = Probability
    escalate: bool


class Frustration(_Output):
    score: float = Probability
    level: int = Field(ge=0, le=3)
    cues: list[str] = Field(default_factory=list)


class Recommendation(_Output):
    tier: int = Field(ge=1)
    tier_name: str
    team: str
    confidence: float = Probability
    abstain: bool


class Prediction(_Output):
    id: str
    model: ModelRef
    policy: PolicyRef | None = None
    triggers: dict[str, float]
    trigger_labels: list[str]
    escalation: Escalation
    frustration: Frustration
    recommendation: Recommendation
    reasons: list[str] = Field(default_factory=list)
    # Extensions of the contract: the escalation signals found, the criteria that fired, the policy's mode.
    signals: list[str] = Field(default_factory=list)
    rules_fired: list[str] = Field(default_factory=list)
    mode: str = "recommend"
    # The mode's consequence: in "auto", whether the policy is confident enough to act without an agent
    # (None in the other modes); in "shadow", false: log the prediction, show it to nobody.
    auto_apply: bool | None = None
    visible: bool = True

    @field_validator("triggers")
    @classmethod
    def _probabilities(cls, value: dict[str, float]) -> dict[str, float]:
        for name, probability in value.items():
            if not 0.0 <= probability <= 1.0:
                raise ValueError(f"trigger probability {name}={probability} is outside [0, 1]")
        return value
