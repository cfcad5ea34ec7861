"""The escalation configuration: tiers, teams, criteria, thresholds and deployment mode, as validated YAML.

Organisations disagree on who handles what, so the hierarchy and the criteria live in a file
(``triage/policy/escalation.yaml`` by default, documented in ``docs/escalation-config.md``) rather than in code.
Every mistake in that file stops loading with one line naming the key, e.g.
``escalation.yaml: criteria[2].tier: tier 5 is not defined in tiers``.

Criteria are conditions over what the models said (:class:`triage.scores.HeadScores`) and the ticket's
context. The condition language has only ``all``, ``any`` and leaf tests whose numeric comparisons are
``at_least``: a rule can therefore only fire *more* when a risk rises, which keeps the recommended tier
monotonic in escalation probability, contract value and frustration.
"""

from __future__ import annotations

import importlib
import string
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    field_validator,
    model_validator,
)

from triage.errors import TriageError
from triage.schema import TRIGGERS

DEFAULT_CONFIG_PATH = Path(__file__).with_name("escalation.yaml")

Mode = Literal["recommend", "auto", "shadow"]
ScoreName = Literal["escalation", "frustration_score", "frustration_level"]
TrajectoryField = Literal["customer_contacts", "agent_replies", "hours_open", "failed_attempts"]
TicketField = Literal[
    "customer.annual_contract_value",
    "customer.strategic",
    "customer.plan",
    "channel",
    "product",
    "tags",
    "incident.live",
    "executive.watching",
]

NUMERIC_FIELDS = ("customer.annual_contract_value",)
# incident.live is read from the text (triage.text.signals.incident_is_live): an incident happening now, no
# compensation asked for it. executive.watching too (triage.text.signals.executive_watching): the customer's executive
# copied or following the case.
BOOLEAN_FIELDS = ("customer.strategic", "incident.live", "executive.watching")
# Placeholders a criterion's `reason` may use; triage.policy.decision fills every one of them.
REASON_PLACEHOLDERS = (
    "evidence",
    "signals",
    "contract_value",
    "company",
    "plan",
    "customer_contacts",
    "failed_attempts",
    "hours_open",
    "frustration_level",
    "escalation_probability",
)
_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"


class ConfigError(TriageError):
    """An escalation configuration file that cannot be read or is invalid."""


def _threshold_or_number(value: Any) -> float | str:
    # One validator instead of a union, so that an error names the key and not a union member.
    if value == "threshold":
        return "threshold"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise ValueError("should be a number or 'threshold'")


def _bool_or_text(value: Any) -> bool | str:
    if isinstance(value, bool | str):
        return value
    raise ValueError("should be true, false or a text")


ThresholdOrNumber = Annotated[float | str, PlainValidator(_threshold_or_number)]
BoolOrText = Annotated[bool | str, PlainValidator(_bool_or_text)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class Condition(_Strict):
    """One test, or ``all`` / ``any`` of several. Exactly one subject key per condition."""

    all_of: list[Condition] | None = Field(default=None, alias="all", min_length=1)
    any_of: list[Condition] | None = Field(default=None, alias="any", min_length=1)
    signal: list[str] | None = Field(default=None, min_length=1)  # counts summed over the names
    trigger: str | None = None
    team_probability: str | None = None
    score: ScoreName | None = None
    trajectory: TrajectoryField | None = None
    field: TicketField | None = None
    at_least: ThresholdOrNumber | None = None
    equals: BoolOrText | None = None
    one_of: list[str] | None = Field(default=None, min_length=1)

    @field_validator("signal", mode="before")
    @classmethod
    def _one_signal_is_a_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_subject_and_matching_comparison(self) -> Condition:
        subjects = [
            key
            for key in ("all", "any", "signal", "trigger", "team_probability", "score", "trajectory", "field")
            if getattr(self, _ATTRIBUTE.get(key, key)) is not None
        ]
        if len(subjects) != 1:
            found = ", ".join(subjects) or "none"
            raise ValueError(
                "give exactly one of all, any, signal, trigger, team_probability, score, trajectory, field "
                f"(found: {found})"
            )
        subject = subjects[0]
        comparisons = [key for key in ("at_least", "equals", "one_of") if getattr(self, key) is not None]
        allowed, required = _comparisons_for(subject, self.score, self.field)
        extra = [key for key in comparisons if key not in allowed]
        if extra:
            raise ValueError(f"{extra[0]} cannot be used with {subject}")
        if required and not comparisons:
            raise ValueError(f"{subject} needs {' or '.join(allowed)}")
        if self.at_least == "threshold" and not (
            subject in ("trigger", "team_probability") or self.score == "escalation"
        ):
            raise ValueError("at_least: threshold applies only to trigger, team_probability and score: escalation")
        if self.field in BOOLEAN_FIELDS and not isinstance(self.equals, bool):
            raise ValueError(f"{self.field} needs equals: true or equals: false")
        if self.field is not None and self.field not in BOOLEAN_FIELDS and isinstance(self.equals, bool):
            raise ValueError(f"{self.field} needs equals: <text>")
        return self

    def leaves(self, location: str) -> Iterator[tuple[str, Condition]]:
        """Every leaf test with its location in the file (for cross-reference checks)."""
        for key, children in (("all", self.all_of), ("any", self.any_of)):
            if children is not None:
                for index, child in enumerate(children):
                    yield from child.leaves(f"{location}.{key}[{index}]")
                return
        yield location, self


_ATTRIBUTE = {"all": "all_of", "any": "any_of"}


def _comparisons_for(subject: str, score: str | None, field: str | None) -> tuple[tuple[str, ...], bool]:
    """(allowed comparison keys, whether one is required). Numbers only ever compare with at_least."""
    if subject in ("all", "any"):
        return (), False
    if subject in ("signal", "trigger", "team_probability") or score == "escalation":
        return ("at_least",), False  # defaults: one match; the calibrated threshold
    if subject in ("score", "trajectory") or field in NUMERIC_FIELDS:
        return ("at_least",), True
    if field in BOOLEAN_FIELDS:
        return ("equals",), True
    return ("equals", "one_of"), True


class TierAbove(Condition):
    """Raise a fired rule to ``tier`` when this condition also holds."""

    tier: int


class Tier(_Strict):
    number: int = Field(ge=1)
    name: str = Field(min_length=1)
    responsibilities: str = ""


class Team(_Strict):
    name: str = Field(pattern=_NAME_PATTERN)
    tier: int  # the tier the team sits at: the lowest tier a ticket routed to it can have
    owns: list[str] = Field(default_factory=list)
    description: str = ""
    handoff: str | None = Field(default=None, pattern=_NAME_PATTERN)  # hand-off template name
    # True: only criteria that name the team send tickets to it; the models alone route among the other teams.
    # Unset (not false) by default, so that files without the key keep their canonical form and hash.
    criteria_only: bool | None = None
    # The team that takes this team's cases above its own tier (management with the owning team: a billing
    # dispute for management goes to account management). Unset: the team keeps them at any tier.
    management_team: str | None = Field(default=None, pattern=_NAME_PATTERN)


class Routing(_Strict):
    first_tier_team: str  # who keeps tickets that stay at the first tier
    model_tier: int  # the tier the models alone escalate to
    trigger_teams: dict[str, str]  # trigger -> team, when no team head was trained
    fallback_team: str  # when neither a team head nor trigger probabilities exist
    # True: the most probable trigger's team routes a ticket, and the team head only picks a team no trigger
    # routes to (an account-management team). Trigger heads can learn from real text with partial labels, while
    # a team head learns every organisation's own team names from its history alone.
    triggers_choose_team: bool = False
    # Triggers in the order they own a case that several of them label: the first labelled one in this list routes
    # it instead of the most probable (an invoice doubled by a sync fault is the fault's to fix: docs/labelling.md,
    # the team that owns the problem). Unset (not empty) by default, so that files without the key keep their
    # canonical form and hash: the most probable trigger routes.
    owner_order: list[str] | None = None


Probability = Annotated[float, Field(ge=0, le=1)]


class Thresholds(_Strict):
    target_precision: float = Field(gt=0, le=1)
    min_positives: int = Field(default=20, ge=1)  # fewer positives in held-out data: keep the defaults
    # Learned thresholds never go below this: on very separable held-out data the smallest threshold that
    # keeps precision at the target can be 0.05, which labels every doubtful ticket on real text.
    floor: Probability = 0.3
    default: Probability = 0.5
    escalation: Probability = 0.5
    triggers: dict[str, Probability] = Field(default_factory=dict)
    teams: dict[str, Probability] = Field(default_factory=dict)
    # Added to a trigger's threshold for its label when the ticket's signals speak for another trigger and none
    # for this one (triage.policy.decision). Unset: no margin, and files without the key keep their hash.
    margin_without_signal: Probability | None = None


class RoutineAsk(_Strict):
    """A ticket that reads as a routine ask (any of ``signals``: a how-to question, a feature request) and names
    no problem (none of ``unless``) is not sent up by the models alone: the heads read product, money or legal
    words out of context (docs/labelling.md: "a money amount in a how-to question is a setting or a price"). It
    stays at the first tier and goes to human review, and its trigger labels need one of the trigger's own
    signals (triage.text.signals.TRIGGER_SIGNALS). Criteria still fire as written. A thread with an earlier
    customer contact or a failed fix is never a routine ask (triage.policy.decision)."""

    signals: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)


class Abstain(_Strict):
    min_confidence: Probability
    escalation_band: Probability  # |escalation probability - threshold| below this: too close to call
    team_margin: Probability  # top two team probabilities closer than this: team too close to call
    routine_ask: RoutineAsk | None = None  # unset: the models escalate routine asks like any other ticket
    # True: the escalation head alone (no trigger label, no rule) does not send a ticket up; it stays for review
    hold_head_alone: bool = False


class ResponseTimes(_Strict):
    min_tickets: int = Field(default=5, ge=1)  # fewer resolved tickets for a tier and team: no estimate


class Explanations(_Strict):
    max_phrases: int = Field(default=3, ge=0)


# What a case is, as the hand-off reads it from the ticket (triage.handoff.facts); the keys of the
# recommended-actions table.
CaseType = Literal[
    "outage",
    "account_takeover",
    "data_exposure",
    "data_loss",
    "bug",
    "billing_dispute",
    "funds_held",
    "cancellation",
    "privacy_request",
    "legal_threat",
    "regulator",
    "fraud",
    "price_increase",
    "refund_owed",
    "impersonation",
]


class ServiceTarget(_Strict):
    """What the customer is promised for one tier (or one team at a tier): the first reply from the new owner,
    then an update at least this often until the case is resolved."""

    tier: int
    team: str | None = None  # omitted: every team at this tier
    first_response_hours: float = Field(gt=0)
    update_hours: float = Field(gt=0)


# Published practice (the escalation guide): the graver the case, the sooner the first answer.
DEFAULT_SERVICE_TARGETS = (
    ServiceTarget(tier=1, first_response_hours=24, update_hours=48),
    ServiceTarget(tier=2, first_response_hours=8, update_hours=24),
    ServiceTarget(tier=3, first_response_hours=4, update_hours=8),
    ServiceTarget(tier=4, first_response_hours=1, update_hours=4),
)
# How the customer hears who owns the case: a role, never an internal team name.
DEFAULT_OWNER_ROLES = {
    "frontline": "a support specialist",
    "technical": "a senior technical specialist",
    "billing": "a billing specialist",
    "account_management": "our account lead for your company",
    "legal_compliance": "a senior specialist",
}
DEFAULT_OWNER_ROLE = "a senior specialist"
DEFAULT_CASE_ACTIONS: dict[str, tuple[str, ...]] = {
    "outage": (
        "open an incident now and run the incident process (severity, incident lead, status page)",
        "start a bridge call with the customer's technical contact",
        "send status updates at the promised interval until service is restored",
    ),
    "account_takeover": (
        "secure the account first: lock it, end every session, reset the password and API keys, enforce MFA",
        "review the audit log for what was changed, sent or exported while the account was taken over",
        "confirm the owner's identity through a known channel before handing the account back",
    ),
    "data_exposure": (
        "contain the exposure: revoke the access, link or export, and stop further disclosure",
        "establish the scope (which records, whose data, since when) and preserve the evidence",
        "assess notification duties with the data-protection officer (GDPR: 72 hours to the authority)",
    ),
    "data_loss": (
        "stop any job that could overwrite what is left, then check backups and restore points",
        "tell the customer what can be restored and by when",
    ),
    "bug": ("reproduce the problem and confirm the scope (which users, since when)",),
    "billing_dispute": (
        "check the charges against the invoice and payment records",
        "agree a correction or credit and confirm it in writing",
    ),
    "funds_held": (
        "find why the funds are held and what releases them, today",
        "tell the customer exactly what is needed from them to release the funds",
    ),
    "cancellation": (
        "call the customer's decision maker before the renewal or cancellation date",
        "review open issues and usage before the call",
    ),
    "privacy_request": (
        "log the request with its statutory deadline (GDPR: one month) and verify the requester's identity",
    ),
    "legal_threat": (
        "do not admit liability or promise outcomes before legal review",
        # a hold asked in a dispute covers what the claim is about, which is rarely the ticket alone
        "put a litigation hold on the account's data the dispute concerns (messages, logs, records), not only"
        " this ticket, and agree its scope with legal",
    ),
    "regulator": (
        "name one owner for the regulator's inquiry and diary its deadline",
        "prepare the records the regulator asks for; send nothing before legal review",
    ),
    "fraud": (
        "freeze the disputed transactions and the payment method involved",
        "close any account opened with the stolen details and refund its charges, where the customer did not make them",
        "preserve the evidence (sign-up IP address, e-mail, payment records) and follow the fraud procedure",
    ),
    "price_increase": (
        "check the contract's price terms (rate, term, limits on increases) against the new price or quote",
        "confirm in writing the price that applies, with a corrected quote or statement, before the customer's date",
    ),
    "refund_owed": (
        "trace the refund we agreed (date approved, amount, payment method) and send the customer its reference"
        " (ARN) for their bank",
        "if it failed or was never sent, issue it again today and confirm the date in writing",
    ),
    "impersonation": (
        "suspend the account or page posing as the customer, today",
        "preserve what it holds and sent (sign-up details, IP addresses, messages, invoices, payment details) as"
        " evidence, and give it to the police on request",
    ),
}


class HighValue(_Strict):
    """Which accounts get the high-value hand-off: the contract value, or the strategic flag, alone suffices."""

    min_annual_contract_value: float = Field(default=100_000, ge=0)
    strategic: bool = True  # a strategic account is high-value whatever it pays


class Handoffs(_Strict):
    """Service promises, owner roles, the high-value definition and the recommended actions per case type.

    Entries given here are looked up first; the defaults above answer for everything not given, so a file
    may set only what differs.
    """

    service_targets: list[ServiceTarget] = Field(default_factory=list)
    owner_roles: dict[str, str] = Field(default_factory=dict)  # team -> the role the customer hears
    high_value: HighValue = HighValue()
    case_actions: dict[CaseType, list[str]] = Field(default_factory=dict)

    def service_target(self, tier: int, team: str) -> ServiceTarget:
        """The team's own target at this tier, else the tier's, else the nearest tier below that has one."""
        candidates = [*self.service_targets, *DEFAULT_SERVICE_TARGETS]
        for wanted in (team, None):
            for target in candidates:
                if target.tier == tier and target.team == wanted:
                    return target
        below = [target for target in candidates if target.team is None and target.tier < tier]
        if below:
            return max(below, key=lambda target: target.tier)
        return min(DEFAULT_SERVICE_TARGETS, key=lambda target: target.tier)

    def owner_role(self, team: str) -> str:
        return self.owner_roles.get(team) or DEFAULT_OWNER_ROLES.get(team, DEFAULT_OWNER_ROLE)

    def actions_for(self, case: str) -> list[str]:
        given = self.case_actions.get(case)  # type: ignore[call-overload]
        return list(given) if given is not None else list(DEFAULT_CASE_ACTIONS.get(case, ()))

    def is_high_value(self, annual_contract_value: float | None, strategic: bool | None) -> bool:
        if self.high_value.strategic and strategic:
            return True
        return annual_contract_value is not None and annual_contract_value >= self.high_value.min_annual_contract_value


class Criterion(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
    description: str = ""
    when: Condition
    team: str | None = None  # omitted: the team the models route to
    tier: int
    tier_above: TierAbove | None = None
    reason: str = "{evidence}"


class EscalationConfig(_Strict):
    version: Literal[1] = 1  # of this file format
    # Who changed the rules, and when: recorded with every prediction (with the file's SHA-256).
    name: str | None = Field(None, pattern=_NAME_PATTERN)
    revision: int | str | None = None
    mode: Mode = "recommend"
    auto_apply_min_confidence: Probability = 0.9
    tiers: list[Tier] = Field(min_length=1)
    teams: list[Team] = Field(min_length=1)
    routing: Routing
    thresholds: Thresholds
    abstain: Abstain
    response_times: ResponseTimes = ResponseTimes()
    explanations: Explanations = Explanations()
    criteria: list[Criterion] = Field(default_factory=list)
    # Unset: the defaults in code (left out of the canonical form, so existing policies keep their hash).
    handoffs: Handoffs | None = None

    @property
    def first_tier(self) -> int:
        return min(tier.number for tier in self.tiers)

    def tier_name(self, number: int) -> str:
        return next(tier.name for tier in self.tiers if tier.number == number)

    def team(self, name: str) -> Team:
        return next(team for team in self.teams if team.name == name)

    @property
    def handoff_settings(self) -> Handoffs:
        return self.handoffs if self.handoffs is not None else Handoffs()

    @cached_property
    def trigger_bars(self) -> dict[str, tuple[float | None, ...]]:
        """Per trigger, the ``at_least`` of every criterion test on it (``tier_above`` included; None: its threshold),
        read once per configuration: what a decision needs to know which probabilities a rule may read."""
        bars: dict[str, list[float | None]] = {}
        for criterion in self.criteria:
            for condition in (criterion.when, criterion.tier_above):
                for _, leaf in condition.leaves("") if condition is not None else ():
                    if leaf.trigger is not None:
                        limit = None if leaf.at_least in (None, "threshold") else float(leaf.at_least)
                        bars.setdefault(leaf.trigger, []).append(limit)
        return {trigger: tuple(limits) for trigger, limits in bars.items()}


def load_config(path: str | Path | None = None) -> EscalationConfig:
    """Read and validate an escalation configuration; ``None`` reads the default shipped with triage."""
    path = Path(path) if path is not None else DEFAULT_CONFIG_PATH
    return parse_config(read_config_text(path), path.name)


def read_config_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.reason if isinstance(error, UnicodeDecodeError) else (error.strerror or error)
        raise ConfigError(f"{path}: cannot read the file ({reason})") from None


def parse_config(text: str, source: str) -> EscalationConfig:
    """Validate the text of a configuration; ``source`` names it in error messages."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ConfigError(f"{source}: invalid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping with tiers, teams, routing, thresholds, criteria ...")
    try:
        config = EscalationConfig.model_validate(data)
    except ValidationError as error:
        raise ConfigError(f"{source}: {_describe(error)}") from None
    for location, problem in _reference_problems(config):
        raise ConfigError(f"{source}: {location}: {problem}")
    return config


def check_config(path: str | Path) -> str:
    """Validate a file and summarise it in one line (``triage config check FILE``); raises ConfigError."""
    config = load_config(path)
    return (
        f"{Path(path).name}: OK: {len(config.tiers)} tiers, {len(config.teams)} teams, "
        f"{len(config.criteria)} criteria, mode {config.mode}, "
        f"target precision {config.thresholds.target_precision:g}"
    )


def dump_config(config: EscalationConfig) -> str:
    """The configuration as YAML that :func:`load_config` reads back to an equal object (the keys as
    written in files, unset optional keys left out); for saving it next to a trained model."""
    data = config.model_dump(mode="json", by_alias=True, exclude_none=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    location = ""
    for part in first["loc"]:
        location += f"[{part}]" if isinstance(part, int) else f".{part}" if location else str(part)
    message = {"extra_forbidden": "unknown key", "missing": "required key is missing"}.get(
        first["type"], first["msg"].removeprefix("Value error, ")
    )
    return f"{location or 'top level'}: {message}"


def _reference_problems(config: EscalationConfig) -> Iterator[tuple[str, str]]:
    """Cross-references pydantic cannot check: names and tier numbers used before they are defined."""
    tiers = [tier.number for tier in config.tiers]
    teams = {team.name: team for team in config.teams}
    first_tier = min(tiers)

    for index, number in enumerate(tiers):
        if tiers.index(number) != index:
            yield f"tiers[{index}].number", f"tier {number} is defined twice"
    for index, team in enumerate(config.teams):
        if list(teams).index(team.name) != index:
            yield f"teams[{index}].name", f"team {team.name} is defined twice"
        if team.tier not in tiers:
            yield f"teams[{index}].tier", f"tier {team.tier} is not defined in tiers"
    for index, team in enumerate(config.teams):
        if team.management_team is None:
            continue
        at = f"teams[{index}].management_team"
        if team.management_team not in teams:
            yield from _team_problems(at, team.management_team, teams)
        elif teams[team.management_team].tier <= team.tier:
            yield at, f"team {team.management_team} does not sit above team {team.name}'s tier {team.tier}"

    thresholds = config.thresholds
    if thresholds.margin_without_signal is not None:
        for name, threshold in {"default": thresholds.default, **thresholds.triggers}.items():
            if threshold + thresholds.margin_without_signal > 1:
                yield (
                    "thresholds.margin_without_signal",
                    f"{thresholds.margin_without_signal:g} above the {name} threshold {threshold:g} passes 1: a "
                    "label the signals contradict could never be given",
                )

    routing = config.routing
    yield from _team_problems("routing.first_tier_team", routing.first_tier_team, teams)
    if routing.first_tier_team in teams and teams[routing.first_tier_team].tier != first_tier:
        yield (
            "routing.first_tier_team",
            f"team {routing.first_tier_team} does not sit at the first tier {first_tier}",
        )
    if routing.model_tier not in tiers:
        yield "routing.model_tier", f"tier {routing.model_tier} is not defined in tiers"
    elif routing.model_tier == first_tier:
        yield "routing.model_tier", "must be above the first tier (the models escalate to it)"
    for trigger, team_name in routing.trigger_teams.items():
        yield from _trigger_problems(f"routing.trigger_teams.{trigger}", trigger)
        yield from _team_problems(f"routing.trigger_teams.{trigger}", team_name, teams)
    yield from _team_problems("routing.fallback_team", routing.fallback_team, teams)
    for index, trigger in enumerate(routing.owner_order or ()):
        yield from _trigger_problems(f"routing.owner_order[{index}]", trigger)

    for trigger in config.thresholds.triggers:
        yield from _trigger_problems(f"thresholds.triggers.{trigger}", trigger)
    for team_name in config.thresholds.teams:
        yield from _team_problems(f"thresholds.teams.{team_name}", team_name, teams)

    yield from _handoff_problems(config.handoffs, tiers, teams)

    known_signals = _known_signals()
    routine = config.abstain.routine_ask
    for key, listed in (("signals", routine.signals), ("unless", routine.unless)) if routine else ():
        for signal in listed:
            if known_signals is not None and signal not in known_signals:
                yield f"abstain.routine_ask.{key}", f"unknown signal {signal!r}; see triage.text.signals.SIGNALS"
    names: set[str] = set()
    for index, criterion in enumerate(config.criteria):
        at = f"criteria[{index}]"
        if criterion.name in names:
            yield f"{at}.name", f"criterion {criterion.name} is defined twice"
        names.add(criterion.name)
        if criterion.tier not in tiers:
            yield f"{at}.tier", f"tier {criterion.tier} is not defined in tiers"
        if criterion.team is None:
            if criterion.tier == first_tier:
                yield f"{at}.team", "required when tier is the first tier"
        elif criterion.team not in teams:
            yield from _team_problems(f"{at}.team", criterion.team, teams)
        elif criterion.tier < teams[criterion.team].tier:
            yield (
                f"{at}.tier",
                (f"tier {criterion.tier} is below team {criterion.team}'s tier {teams[criterion.team].tier}"),
            )
        if criterion.tier_above is not None:
            if criterion.tier_above.tier not in tiers:
                yield f"{at}.tier_above.tier", f"tier {criterion.tier_above.tier} is not defined in tiers"
            elif criterion.tier_above.tier <= criterion.tier:
                yield f"{at}.tier_above.tier", f"must be above the rule's tier {criterion.tier}"
        yield from _reason_problems(f"{at}.reason", criterion.reason)
        conditions = [(f"{at}.when", criterion.when)]
        if criterion.tier_above is not None:
            conditions.append((f"{at}.tier_above", criterion.tier_above))
        for root, condition in conditions:
            for location, leaf in condition.leaves(root):
                if leaf.trigger is not None:
                    yield from _trigger_problems(f"{location}.trigger", leaf.trigger)
                if leaf.team_probability is not None:
                    yield from _team_problems(f"{location}.team_probability", leaf.team_probability, teams)
                for signal in leaf.signal or ():
                    if known_signals is not None and signal not in known_signals:
                        yield f"{location}.signal", f"unknown signal {signal!r}; see triage.text.signals.SIGNALS"


def _handoff_problems(handoffs: Handoffs | None, tiers: list[int], teams: dict[str, Team]) -> Iterator[tuple[str, str]]:
    if handoffs is None:
        return
    for index, target in enumerate(handoffs.service_targets):
        if target.tier not in tiers:
            yield f"handoffs.service_targets[{index}].tier", f"tier {target.tier} is not defined in tiers"
        if target.team is not None:
            yield from _team_problems(f"handoffs.service_targets[{index}].team", target.team, teams)
    for team_name in handoffs.owner_roles:
        yield from _team_problems(f"handoffs.owner_roles.{team_name}", team_name, teams)


def _team_problems(location: str, name: str, teams: dict[str, Team]) -> Iterator[tuple[str, str]]:
    if name not in teams:
        yield location, f"team {name} is not defined in teams"


def _trigger_problems(location: str, name: str) -> Iterator[tuple[str, str]]:
    if name not in TRIGGERS:
        yield location, f"unknown trigger {name!r}; use one of {', '.join(TRIGGERS)}"


def _reason_problems(location: str, template: str) -> Iterator[tuple[str, str]]:
    try:
        placeholders = [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]
    except ValueError as error:
        yield location, f"invalid template: {error}"
        return
    for placeholder in placeholders:
        if placeholder not in REASON_PLACEHOLDERS:
            yield location, f"unknown placeholder {{{placeholder}}}; use {', '.join(REASON_PLACEHOLDERS)}"


def _known_signals() -> set[str] | None:
    """The signal names the extractor can emit, or None when it is not available (then any name passes).

    Imported lazily: triage.text.signals pulls in spaCy, which loading a configuration should not require.
    """
    try:
        signals = importlib.import_module("triage.text.signals")
    except ImportError:
        return None
    names = getattr(signals, "SIGNALS", None)
    return set(names) if names is not None else None
