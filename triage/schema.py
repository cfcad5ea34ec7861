"""The canonical data contract (see docs/data-contract.md): tickets in, labelled tickets for training, predictions out.

Every reader, model, policy rule and adapter speaks these types; nothing else defines a ticket's shape.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    field_validator,
    model_validator,
)

TRIGGERS: tuple[str, ...] = ("technical", "financial", "legal")
Trigger = Literal["technical", "financial", "legal"]
Author = Literal["customer", "agent", "system"]
FrustrationTrend = Literal["rising", "steady", "falling"]

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


# Limits on what a ticket may hold, checked before any regular expression or spaCy reads the text (the
# analysers are linear, tests/text/test_regex_linear.py, so these bound the time and memory one ticket costs).
# Each sits far above real tickets: the longest body in our data sets is ~6,000 characters, a long email
# thread ~50,000; spaCy refuses texts over 1,000,000 characters. See docs/data-contract.md.
MAX_SUBJECT = 1_000  # a subject line; helpdesks truncate theirs at 150-255
MAX_BODY = 100_000  # the customer's message: ~25 pages of text
MAX_TURN_BODY = 20_000  # one earlier message of the history
MAX_TURNS = 500  # earlier messages; the longest thread in our data sets has ~40
MAX_HISTORY_CHARS = 1_000_000  # all the history together (500 full turns would be 10 million)
MAX_TAGS = 100
MAX_NAME = 256  # identifiers, names, channel, plan, product and each tag
MAX_CONTRACT_VALUE = 1e12  # a trillion a year: anything larger is a data error, and would fire every rule
EARLIEST_YEAR, LATEST_YEAR = 1970, 2100


def _plausible_time(value: datetime | None) -> datetime | None:
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValueError(f"year {value.year} is outside {EARLIEST_YEAR}-{LATEST_YEAR}")
    return value


_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def iso_time_only(value: object) -> object:
    """pydantic reads a number (or a string of digits) as seconds or milliseconds since 1970, whichever its
    size suggests; a time is an ISO 8601 string (or a datetime), so a number is refused rather than guessed."""
    if isinstance(value, int | float) or (isinstance(value, str) and _NUMBER.fullmatch(value.strip())):
        raise ValueError("a time must be an ISO 8601 date-time such as 2026-12-01T09:30:00Z, not a number")
    return value


def _not_a_bool(value: object) -> object:
    # pydantic reads true as 1.0: a contract value of "true" is a mapping mistake, not a number.
    if isinstance(value, bool):
        raise ValueError("a number is expected, not true or false")
    return value


def _null_allowed(schema: dict[str, Any], fields: tuple[str, ...]) -> None:
    """State in the JSON Schema that ``fields`` also take null (their validators read it as empty)."""
    for name in fields:
        schema["properties"][name] = {"anyOf": [schema["properties"][name], {"type": "null"}]}


Name = Annotated[str, Field(max_length=MAX_NAME)]
Timestamp = Annotated[datetime, BeforeValidator(iso_time_only), AfterValidator(_plausible_time)]


class _Input(BaseModel):
    # Unknown extra fields are accepted and ignored (docs/data-contract.md); strings are stripped.
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)


class Customer(_Input):
    id: Name | None = None
    name: Name | None = None
    company: Name | None = None
    plan: Name | None = None
    annual_contract_value: float | None = Field(default=None, ge=0, le=MAX_CONTRACT_VALUE, allow_inf_nan=False)
    # JSON true or false only: "yes", "no" or 1 would be guesses. CSV text is converted in triage.io.
    strategic: StrictBool | None = None

    _contract_value_not_a_bool = field_validator("annual_contract_value", mode="before")(_not_a_bool)


class Interaction(_Input):
    at: Timestamp | None = None
    author: Author
    # Many exports name a message's words "text" (chat tools, Front, our own early fixtures); an unknown key is
    # ignored, so without the alias such a thread would be read as empty turns, silently.
    body: str = Field(default="", max_length=MAX_TURN_BODY, validation_alias=AliasChoices("body", "text"))


def _ticket_schema(schema: dict[str, Any]) -> None:
    """The ticket's JSON Schema as the validators read it, for generated clients and schema-driven tests:
    null is empty for the text and list fields, and a subject or a body needs a non-space character
    (``_has_text``; both are stripped)."""
    _null_allowed(schema, ("subject", "body", "history", "tags"))
    schema["anyOf"] = [
        {"required": [name], "properties": {name: {"type": "string", "pattern": r"\S"}}} for name in ("subject", "body")
    ]


class Ticket(_Input):
    model_config = ConfigDict(json_schema_extra=lambda schema, _: _ticket_schema(schema))

    id: str = Field(min_length=1, max_length=MAX_NAME)
    subject: str = Field(default="", max_length=MAX_SUBJECT)
    body: str = Field(default="", max_length=MAX_BODY)
    channel: Name | None = None
    created_at: Timestamp | None = None
    customer: Customer | None = None
    history: list[Interaction] = Field(default_factory=list, max_length=MAX_TURNS)
    tags: list[Name] = Field(default_factory=list, max_length=MAX_TAGS)
    product: Name | None = None

    @field_validator("subject", "body", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return "" if value is None else value

    @field_validator("history", "tags", mode="before")
    @classmethod
    def _none_is_empty_list(cls, value: object) -> object:
        return [] if value is None else value

    @field_validator("history")
    @classmethod
    def _history_within_limit(cls, history: list[Interaction]) -> list[Interaction]:
        characters = sum(len(turn.body) for turn in history)
        if characters > MAX_HISTORY_CHARS:
            raise ValueError(f"the history holds {characters} characters, more than {MAX_HISTORY_CHARS}")
        return history

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
    team: Name | None = None
    resolved_at: Timestamp | None = None
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
    probability: float = Field(
        ge=0,
        le=1,
        description="What agents see: the escalation model's probability averaged with the policy's verdict "
        "(1 when it escalates, 0 when not; triage.pipeline.VERDICT_WEIGHT).",
    )
    escalate: bool
    # Calibration, drift and model comparisons judge this one; predictions stored before it existed lack it.
    model_probability: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="The escalation model's probability alone, without the policy's verdict (null in predictions "
        "made before it was recorded).",
    )


class Frustration(_Output):
    score: float = Probability
    level: int = Field(ge=0, le=3)
    cues: list[str] = Field(default_factory=list)
    # This message against the customer's earlier turns on the ticket; None without earlier customer turns.
    trend: FrustrationTrend | None = None


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
    # The ticket's language (ISO 639-1), detected from subject and body; the model's own language when the
    # text is too short or the detector unsure. A language the model was not trained on abstains.
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")

    @field_validator("triggers")
    @classmethod
    def _probabilities(cls, value: dict[str, float]) -> dict[str, float]:
        for name, probability in value.items():
            if not 0.0 <= probability <= 1.0:
                raise ValueError(f"trigger probability {name}={probability} is outside [0, 1]")
        return value
