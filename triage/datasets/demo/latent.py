"""The latent model of the demo history: accounts, each ticket's hidden state, and the outcomes it drives.

``generator.py``'s docstring documents the model and the marginals it produces; the constants here are its
weights. Every draw takes the one ``random.Random`` of a run, in a fixed order, so the same seed gives the
same history.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from typing import TypeVar

from triage.datasets.demo import phrases
from triage.datasets.demo.phrases import Bank

START = datetime(2025, 12, 1, tzinfo=UTC)
DAYS = 365

ESCALATION_FLIP_RATE = 0.05
TRIGGER_DROP_RATE = 0.05
TRIGGER_ADD_RATE = 0.01
FRUSTRATION_NOISE_RATE = 0.05
CSAT_RESPONSE_RATE = 0.70

# Latent-model weights (documented in generator.py's docstring).
TRIGGER_BASE_RATE = {"technical": 0.35, "financial": 0.25, "legal": 0.08}
# Severity weights follow our labelling guide (docs/labelling.md): system failures, data loss, disputes that
# need an investigation, privacy requests and legal threats go up whatever the account's size; a minor
# single-user fault mostly does not; a cancellation threat goes up by the revenue at stake
# (THREAT_WEIGHT_PER_LOG_ACV, on top of the financial weight for level 3).
SEVERITY_WEIGHT = {
    "technical": (0.0, 1.9, 4.4, 5.8),
    "financial": (0.0, 3.2, 4.2, 1.4),
    "legal": (0.0, 3.9, 5.5, 6.8),
}
THREAT_WEIGHT_PER_LOG_ACV = 0.6
# How strongly each trigger's severity pulls an escalated ticket to its team (``_team``).
TEAM_SEVERITY_PULL = {
    "technical": (0.0, 1.25, 2.65, 4.2),
    "financial": (0.0, 1.0, 2.1, 3.35),
    "legal": (0.0, 1.7, 3.5, 5.0),
}
ESCALATION_INTERCEPT = -4.0
ESCALATION_WEIGHTS = {
    "log_acv": 0.3,
    "strategic": 1.7,
    "prior_contacts": 0.6,
    "failed_attempts": 1.1,
    "frustration": 0.35,
}
# Shares of accounts whose helpdesk record has everything, the plan but no contract value, or nothing.
ACCOUNT_DATA_RECORDED = (0.75, 0.15, 0.10)
TIER_MEDIAN_HOURS = {1: 5.0, 2: 30.0, 3: 70.0, 4: 120.0}
TEAM_HOURS_FACTOR = {"technical": 1.2, "billing": 0.8, "legal_compliance": 1.5}

T = TypeVar("T")


def pick(rng: random.Random, options: Sequence[T]) -> T:
    # Faster than rng.choice and, like it, stable across Python versions for a given seed.
    return options[int(rng.random() * len(options))]


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


# ----------------------------------------------------------------------------------------------------------
# Product lines
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One product line of the fictional vendor: what breaks, what customers call things, how refs look."""

    name: str
    brand: str
    products: Bank
    components: Bank
    objects: Bank  # the customer's data that can be lost or exposed
    errors: Bank
    actions: Bank  # what the customer was doing when it failed
    business: Bank  # what the customer cannot do while it is broken
    minor: Bank  # small bugs that only make sense for this line's products
    ref_kind: str
    howtos: Bank
    requests: Bank  # routine asks specific to the line
    tags: Bank
    weights: tuple[float, float, float]  # multipliers on the technical / financial / legal base rates
    consumer_share: float  # share of free/basic accounts that are private persons


# Per product line, in the order accounts draw them: ref_kind, weights and consumer_share (see ``Line``); its
# brand and banks are in phrases_lines.json.
_LINE_PROFILES = {
    "saas": ("invoice", (1.15, 0.9, 0.8), 0.05),
    "ecommerce": ("order", (0.75, 1.3, 0.8), 0.8),
    "telecom": ("account", (1.0, 1.2, 0.7), 0.7),
    "fintech": ("invoice", (1.0, 1.25, 1.4), 0.2),
    "healthcare": ("invoice", (1.0, 0.75, 1.9), 0.1),
    "logistics": ("shipment", (1.05, 1.0, 0.6), 0.05),
    "hosting": ("invoice", (1.35, 0.9, 0.7), 0.15),
    "itservices": ("invoice", (1.3, 0.7, 0.5), 0.0),
}
LINES = tuple(
    Line(name=name, ref_kind=ref_kind, weights=weights, consumer_share=consumer_share, **phrases.LINE_WORDS[name])
    for name, (ref_kind, weights, consumer_share) in _LINE_PROFILES.items()
)

PLANS = ("free", "basic", "pro", "enterprise")
PLAN_SHARE = (0.30, 0.30, 0.27, 0.13)
ACV_MEDIAN = {"free": 0.0, "basic": 600.0, "pro": 6000.0, "enterprise": 90000.0}
ACV_SIGMA = {"free": 0.0, "basic": 0.6, "pro": 0.8, "enterprise": 1.0}
# Bigger accounts have more users and so more tickets.
PLAN_VOLUME = {"free": 0.8, "basic": 1.0, "pro": 1.6, "enterprise": 3.0}

CHANNEL_WEIGHTS = {
    "free": {"email": 25, "chat": 30, "phone": 5, "web_form": 25, "social": 15},
    "basic": {"email": 35, "chat": 25, "phone": 12, "web_form": 20, "social": 8},
    "pro": {"email": 45, "chat": 20, "phone": 15, "web_form": 17, "social": 3},
    "enterprise": {"email": 55, "chat": 10, "phone": 25, "web_form": 9, "social": 1},
}

WEEKDAY_VOLUME = (1.0, 1.05, 1.0, 0.95, 0.85, 0.33, 0.27)
# UTC hour-of-day volume: a business-hours peak with a long evening tail from other time zones.
HOUR_VOLUME = (
    0.15,
    0.1,
    0.08,
    0.08,
    0.1,
    0.18,
    0.35,
    0.6,
    0.95,
    1.2,
    1.3,
    1.3,
    1.15,
    1.25,
    1.3,
    1.25,
    1.1,
    0.9,
    0.7,
    0.55,
    0.45,
    0.35,
    0.28,
    0.2,
)
HOLIDAYS = ((12, 24), (12, 25), (12, 26), (12, 31), (1, 1))


# ----------------------------------------------------------------------------------------------------------
# Accounts and latent state
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    role: str


@dataclass(frozen=True)
class Account:
    line: Line
    product: str
    company: str | None
    domain: str
    plan: str
    annual_contract_value: float
    strategic: bool
    contacts: tuple[Contact, ...]
    # What the helpdesk knows about the account: "all", "plan" (no contract value: the CRM is not synced)
    # or "none" (an unknown sender). The latent model always uses the true values.
    recorded: str = "all"


@dataclass(frozen=True)
class Latent:
    severity: dict[str, int]  # trigger -> 0 (absent) .. 3
    prior_contacts: int
    failed_attempts: int
    frustration: int


def _company_name(rng: random.Random) -> tuple[str, str]:
    core = pick(rng, phrases.COMPANY_FIRST) + pick(rng, phrases.COMPANY_SECOND)
    name = " ".join(part for part in (core, pick(rng, phrases.COMPANY_KIND), pick(rng, phrases.COMPANY_SUFFIX)) if part)
    return name, core.lower() + ".example"


def make_accounts(rng: random.Random, count: int) -> list[Account]:
    accounts = []
    next_contact = 1000
    for _ in range(count):
        line = pick(rng, LINES)
        plan = rng.choices(PLANS, PLAN_SHARE)[0]
        acv = 0.0
        if plan != "free":
            acv = round(ACV_MEDIAN[plan] * math.exp(rng.gauss(0.0, ACV_SIGMA[plan])), -1)
        strategic = (plan == "enterprise" and rng.random() < (0.45 if acv >= 150_000 else 0.05)) or (
            plan == "pro" and rng.random() < 0.005
        )
        consumer = plan in ("free", "basic") and rng.random() < line.consumer_share
        company, domain = (None, "mail.example") if consumer else _company_name(rng)
        people = 1 if consumer else 1 + min(5, int(rng.expovariate(0.8 if plan == "enterprise" else 1.6)))
        contacts = []
        for _ in range(people):
            next_contact += 1 + int(rng.random() * 7)
            name = f"{pick(rng, phrases.FIRST_NAMES)} {pick(rng, phrases.LAST_NAMES)}"
            contacts.append(Contact(f"C-{next_contact}", name, pick(rng, phrases.ROLES)))
        recorded = rng.choices(("all", "plan", "none"), ACCOUNT_DATA_RECORDED)[0]
        accounts.append(
            Account(line, pick(rng, line.products), company, domain, plan, acv, strategic, tuple(contacts), recorded)
        )
    return accounts


def draw_latent(rng: random.Random, account: Account) -> Latent:
    weights = dict(zip(("technical", "financial", "legal"), account.line.weights, strict=True))
    acv = account.annual_contract_value
    severity = {}
    for trigger, base in TRIGGER_BASE_RATE.items():
        present = rng.random() < base * weights[trigger]
        if not present:
            severity[trigger] = 0
        elif trigger == "financial":
            # Threats and revenue risk come mostly from accounts with revenue at stake.
            threat = 0.12 + 0.25 * min(1.0, math.log1p(acv / 1000) / 5)
            severity[trigger] = rng.choices((1, 2, 3), (0.55 - threat / 2, 0.45 - threat / 2, threat))[0]
        elif trigger == "legal":
            severity[trigger] = rng.choices((1, 2, 3), (0.45, 0.38, 0.17))[0]
        else:
            severity[trigger] = rng.choices((1, 2, 3), (0.4, 0.42, 0.18))[0]
    triggered = any(severity.values())
    prior = min(5, int(rng.expovariate(1.2 if triggered else 2.2)))
    failed = 0
    if severity["technical"] or severity["financial"]:
        step_rate = 0.7 if severity["technical"] else 0.4
        failed = sum(rng.random() < step_rate for _ in range(prior))
    score = rng.gauss(0.0, 1.0) + 0.55 * prior + 0.6 * failed + 0.15 * max(severity.values())
    frustration = sum(score > cut for cut in (0.3, 1.1, 1.85))
    return Latent(severity, prior, failed, frustration)


def draw_channel(rng: random.Random, account: Account, latent: Latent) -> str:
    weights = CHANNEL_WEIGHTS[account.plan]
    channels, channel_weights = list(weights), list(weights.values())
    if latent.severity["technical"] and account.company:
        channels.append("api")
        channel_weights.append(12)
    return rng.choices(channels, channel_weights)[0]


def _escalation_probability(latent: Latent, account: Account) -> float:
    score = ESCALATION_INTERCEPT
    for trigger, level in latent.severity.items():
        score += SEVERITY_WEIGHT[trigger][level]
    weights = ESCALATION_WEIGHTS
    log_acv = math.log1p(account.annual_contract_value / 1000)
    score += weights["log_acv"] * log_acv
    if latent.severity["financial"] == 3:
        score += THREAT_WEIGHT_PER_LOG_ACV * log_acv
    score += weights["strategic"] * account.strategic
    score += weights["prior_contacts"] * latent.prior_contacts
    score += weights["failed_attempts"] * latent.failed_attempts
    score += weights["frustration"] * latent.frustration
    return _sigmoid(score)


def _tier(rng: random.Random, latent: Latent, account: Account) -> int:
    sev = latent.severity
    acv = account.annual_contract_value
    serious = sev["legal"] >= 2 or sev["financial"] == 3 or sev["technical"] == 3
    if (
        (account.strategic and serious)
        or (acv >= 250_000 and (serious or latent.failed_attempts >= 2))
        or (sev["legal"] == 3 and acv >= 100_000)
    ):
        tier = 4
    elif (
        sev["legal"] >= 2
        or sev["technical"] == 3
        or (sev["financial"] >= 2 and acv >= 50_000)
        or (latent.failed_attempts >= 2 and latent.prior_contacts >= 3)
    ):
        tier = 3
    else:
        tier = 2
    disagreement = rng.random()
    if disagreement < 0.08 and tier > 2:
        tier -= 1
    elif disagreement > 0.96 and tier < 4:
        tier += 1
    return tier


def _team(rng: random.Random, latent: Latent, account: Account) -> str:
    sev = latent.severity
    high_value = account.strategic or account.annual_contract_value >= 50_000
    scores = {
        "technical": TEAM_SEVERITY_PULL["technical"][sev["technical"]] + 0.6 * latent.failed_attempts,
        "billing": TEAM_SEVERITY_PULL["financial"][sev["financial"]] * (0.5 if sev["financial"] == 3 else 1.0),
        "account_management": (1.6 * (sev["financial"] == 3) + 0.8 * high_value + 0.9 * (not any(sev.values()))),
        "legal_compliance": TEAM_SEVERITY_PULL["legal"][sev["legal"]] + 0.3 * (sev["legal"] > 0),
    }
    return max(scores, key=lambda team: scores[team] + rng.gauss(0.0, 0.35))


# ----------------------------------------------------------------------------------------------------------
# Surface noise


# ----------------------------------------------------------------------------------------------------------
# Outcomes and label noise
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What became of a ticket: the labels (after noise) and how it was resolved."""

    true_escalation_probability: float  # before label noise
    escalated: bool
    tier: int
    team: str
    resolution_hours: float
    reopen_count: int
    first_contact_resolution: bool
    csat: int | None
    triggers: list[str]
    frustration: int


def draw_outcome(rng: random.Random, latent: Latent, account: Account) -> Outcome:
    probability = _escalation_probability(latent, account)
    truly_escalated = rng.random() < probability
    escalated = truly_escalated != (rng.random() < ESCALATION_FLIP_RATE)
    if not escalated:
        tier, team = 1, "frontline"
    elif truly_escalated:
        tier, team = _tier(rng, latent, account), _team(rng, latent, account)
    else:
        tier, team = 2, _team(rng, latent, account)

    hours = TIER_MEDIAN_HOURS[tier] * TEAM_HOURS_FACTOR.get(team, 1.0)
    hours *= math.exp(rng.gauss(0.0, 1.1 if tier == 1 else 0.9))
    hours = max(0.1, hours)
    reopen_count = _poisson(rng, 0.06 + 0.15 * escalated + 0.12 * latent.failed_attempts)
    first_contact = not latent.prior_contacts and not escalated and not reopen_count and rng.random() < 0.85
    csat = _csat(rng, latent, escalated, hours, reopen_count) if rng.random() < CSAT_RESPONSE_RATE else None

    triggers = [
        trigger
        for trigger, level in latent.severity.items()
        if (rng.random() >= TRIGGER_DROP_RATE if level else rng.random() < TRIGGER_ADD_RATE)
    ]
    frustration = latent.frustration
    if rng.random() < FRUSTRATION_NOISE_RATE:
        frustration = min(3, max(0, frustration + (1 if rng.random() < 0.5 else -1)))
    return Outcome(probability, escalated, tier, team, hours, reopen_count, first_contact, csat, triggers, frustration)


def _csat(rng: random.Random, latent: Latent, escalated: bool, hours: float, reopen_count: int) -> int:
    satisfaction = (
        4.95
        - 0.4 * latent.frustration
        - 0.5 * escalated
        - 0.3 * math.log1p(hours / 24)
        - 0.45 * reopen_count
        - 0.15 * latent.prior_contacts
        + rng.gauss(0.0, 0.9)
    )
    return min(5, max(1, round(satisfaction)))


def _poisson(rng: random.Random, mean: float) -> int:
    count, threshold, product = 0, math.exp(-mean), rng.random()
    while product > threshold:
        count += 1
        product *= rng.random()
    return count


def creation_times(rng: random.Random, count: int) -> list[datetime]:
    day_weights = []
    for offset in range(DAYS):
        day = START + timedelta(days=offset)
        weight = WEEKDAY_VOLUME[day.weekday()] * (0.85 + 0.3 * offset / DAYS)
        if (day.month, day.day) in HOLIDAYS:
            weight *= 0.35
        day_weights.append(weight)
    day_cumulative = list(accumulate(day_weights))
    hour_cumulative = list(accumulate(HOUR_VOLUME))
    days = rng.choices(range(DAYS), cum_weights=day_cumulative, k=count)
    hours = rng.choices(range(24), cum_weights=hour_cumulative, k=count)
    times = [
        START + timedelta(days=d, hours=h, seconds=int(rng.random() * 3600)) for d, h in zip(days, hours, strict=True)
    ]
    return sorted(times)
