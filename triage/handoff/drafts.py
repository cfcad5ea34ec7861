"""Hand-off drafts for the next tier, and the acknowledgement that keeps the customer informed.

A hand-off is rendered from Jinja2 templates (``triage/handoff/templates``; a ``template_dir`` given by the user is
searched first, so any template can be overridden by a file of the same name). Templates get only
strings and lists of strings with missing data already reading "not provided", and they render with
``StrictUndefined``: a template that names a variable we do not provide fails loudly instead of leaving a
blank. HTML templates are autoescaped.

Each hand-off lists what the next tier will need that the ticket lacks, so the agent can ask the customer
before escalating rather than after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from triage.errors import TriageError
from triage.policy.calibration import Calibration
from triage.policy.decision import Decision
from triage.schema import Prediction, Ticket
from triage.scores import HeadScores
from triage.text.signals import SIGNALS, TECHNICAL_SIGNALS

NOT_PROVIDED = "not provided"
TEMPLATE_DIR = Path(__file__).with_name("templates")

# Which found signals each hand-off section reports (names from triage.text.signals.SIGNALS).
LEGAL_SIGNALS = ("legal_action", "privacy_regulation", "regulator_complaint", "fraud", "security_incident")
REVENUE_SIGNALS = (
    "churn_threat",
    "cancellation",
    "billing_dispute",
    "chargeback",
    "refund_request",
    "contract_value",
    "public_review_threat",
)
MAX_EVIDENCE = 5

# The words that make a customer's sentence worth quoting as evidence, per template. HeadScores carries
# signal counts, not the matched spans, so the sentences are found again here.
_EVIDENCE_WORDS = {
    "compliance": re.compile(
        r"\b(lawyers?|attorneys?|legal|lawsuit|sue|court|gdpr|ccpa|hipaa|pci|privacy|personal data"
        r"|data protection"
        r"|regulators?|ombudsman|complaint|breach\w*|compliance|fraud\w*|subpoena|police|contract)\b",
        re.IGNORECASE,
    ),
    "high_value": re.compile(
        r"\b(cancel\w*|renew\w*|contract|refund\w*|chargeback|invoice\w*|charged?|competitor|switch\w*|leave)\b"
        r"|[$€£]\s?\d",
        re.IGNORECASE,
    ),
    "technical": re.compile(
        r"\b(error|exception|fail\w*|crash\w*|down|outage|time ?out|bug|lost|corrupt\w*|broken)\b"
        r"|\b[45]\d\d\b",
        re.IGNORECASE,
    ),
}
_REPRODUCTION = re.compile(
    r"steps to reproduce|to reproduce|\brepro\b|when (i|we) |whenever|every time|after (i|we) |^[^\S\n]*1[.)]\s",
    re.IGNORECASE | re.MULTILINE,
)
_ERROR_TEXT = re.compile(r"\b(error|exception|traceback|status)\b|\b[45]\d\d\b", re.IGNORECASE)
_ORDER_REFERENCE = re.compile(
    r"\b(invoice|order|receipt|transaction|inv|po)\b\s*(number|no\.?|#|id)?\s*[:#]?\s*[A-Z]*-?\d",
    re.IGNORECASE,
)
# Linear on long digit runs: a run of digits, commas and dots is scanned once from its first digit (the
# possessive ``*+`` gives nothing back), where ``\b\d[\d,.]*`` restarted at every digit (16 s on 20,000 "1,").
_AMOUNT = re.compile(
    r"[$€£]\s?\d|(?<![\d,.])(?=(?<!\w)\d|[\d,.]*?[,.]\d)[\d,.]*+\s?(usd|eur|gbp|dollars|euros|pounds)\b", re.IGNORECASE
)
_DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}\b"
    r"|\b(yesterday|last (week|month)|on (mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2})\b",
    re.IGNORECASE,
)
# An agent's promise of a reply by a time: "we'll get back to you within 24 hours", "I will update you by
# Friday".
_PROMISE = re.compile(
    r"\b(we'?ll|we will|i'?ll|i will|you'?ll|you will)\b[^.!?\n]{0,80}?"
    r"\b(within (?P<count>\d+) (?:business |working )?(?P<unit>hours?|days?)"
    r"|by (tomorrow|tonight|today|end of (the )?day|eod|(mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|\d{1,2}(:\d{2})? ?(am|pm)?)"
    r"|today|tomorrow)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Handoff:
    template: str
    subject: str
    text: str
    html: str
    missing_information: list[str]


@dataclass(frozen=True)
class Acknowledgement:
    subject: str
    text: str


def choose_template(prediction: Prediction, decision: Decision) -> str:
    """Legal exposure first (it needs confidentiality whatever the team), then the recommended team's own
    template from the configuration, then the triggers."""
    if "legal" in prediction.trigger_labels:
        return "compliance"
    if decision.handoff_template is not None:
        return decision.handoff_template
    return "high_value" if "financial" in prediction.trigger_labels else "technical"


def draft_handoff(
    ticket: Ticket,
    prediction: Prediction,
    scores: HeadScores,
    decision: Decision,
    *,
    template_dir: str | Path | None = None,
) -> Handoff:
    """A hand-off for the recommended tier and team, in plain text and HTML."""
    template = choose_template(prediction, decision)
    missing = missing_information(ticket, prediction, scores, template)
    recommendation = decision.recommendation
    urgency = _urgency(recommendation.tier, scores.frustration_level)
    customer = ticket.customer
    contract_value = customer.annual_contract_value if customer else None
    headline = _headline(ticket)
    context = {
        "urgency": urgency,
        "ticket": {
            "id": ticket.id,
            "subject": ticket.subject or NOT_PROVIDED,
            "body": ticket.body or NOT_PROVIDED,
            "channel": ticket.channel or NOT_PROVIDED,
            "product": ticket.product or NOT_PROVIDED,
            "created_at": _when(ticket.created_at),
            "tags": ", ".join(ticket.tags) or NOT_PROVIDED,
        },
        "issue": headline,
        "customer": {
            "name": (customer.name if customer else None) or NOT_PROVIDED,
            "company": (customer.company if customer else None) or NOT_PROVIDED,
            "plan": (customer.plan if customer else None) or NOT_PROVIDED,
            "contract_value": f"${contract_value:,.0f} a year" if contract_value is not None else NOT_PROVIDED,
            "strategic": {True: "yes", False: "no", None: NOT_PROVIDED}[customer.strategic if customer else None],
            "account_manager": NOT_PROVIDED,  # tickets do not carry one (docs/data-contract.md)
        },
        "recommendation": {
            "tier": str(recommendation.tier),
            "tier_name": recommendation.tier_name,
            "team": recommendation.team,
            "confidence": f"{recommendation.confidence:.0%}",
            "abstain": "yes: human review" if recommendation.abstain else "no",
        },
        "triggers": [f"{name} {p:.2f}" for name, p in prediction.triggers.items()],
        "trigger_labels": ", ".join(prediction.trigger_labels) or "none",
        "frustration": {
            "level": str(prediction.frustration.level),
            "cues": ", ".join(prediction.frustration.cues) or "none",
        },
        "trajectory": {
            "customer_contacts": str(scores.trajectory.customer_contacts),
            "agent_replies": str(scores.trajectory.agent_replies),
            "hours_open": f"{scores.trajectory.hours_open:.0f}",
            "failed_attempts": str(scores.trajectory.failed_attempts),
        },
        "reasons": list(decision.reasons),
        "rules_fired": ", ".join(decision.rules_fired) or "none",
        "steps_taken": _steps_taken(ticket),
        "signals_found": [f"{name} x{count}" for name, count in scores.signals.items() if count],
        "specialist_areas": _specialist_areas(scores),
        "regulatory_concerns": _regulatory_concerns(prediction, scores),
        "business_impact": _business_impact(ticket, scores),
        "recommended_actions": _recommended_actions(ticket, scores, template),
        "evidence": _evidence(ticket, scores, template),
        "missing_information": missing,
    }
    environment = _environment(template_dir)
    subject = f"[{urgency.upper()}] {ticket.id}: tier {recommendation.tier} {recommendation.team}: {headline}"
    return Handoff(
        template=template,
        subject=subject,
        text=_render(environment, f"{template}.txt.j2", context),
        html=_render(environment, f"{template}.html.j2", context),
        missing_information=missing,
    )


def missing_information(ticket: Ticket, prediction: Prediction, scores: HeadScores, template: str) -> list[str]:
    """What the next tier will ask for that the ticket does not say."""
    text = _customer_text(ticket)
    customer = ticket.customer
    missing = []
    if template == "technical":
        if not _REPRODUCTION.search(text):
            missing.append("reproduction steps (what the customer did, what happened, what they expected)")
        if not (_found(scores, ("error_code", "stack_trace")) or _ERROR_TEXT.search(text)):
            missing.append("the exact error message or code")
        if not ticket.product:
            missing.append("the affected product or service")
    if template == "compliance" and not (customer and customer.name):
        missing.append("the customer's name")
    if template in ("high_value", "compliance") and not (customer and customer.company):
        missing.append("the customer's company")
    if template == "high_value":
        if not (customer and customer.annual_contract_value is not None):
            missing.append("the annual contract value")
        missing.append("the account owner")  # tickets never carry one
    if template == "compliance" and not _DATE.search(text):
        missing.append("when the events happened (dates)")
    financial = "financial" in prediction.trigger_labels or _found(scores, REVENUE_SIGNALS)
    if financial and not _ORDER_REFERENCE.search(text):
        missing.append("the order or invoice number")
    if financial and not (_found(scores, ("money_amount",)) or _AMOUNT.search(text)):
        missing.append("the amount in dispute")
    return missing


def draft_acknowledgement(
    ticket: Ticket,
    prediction: Prediction,
    scores: HeadScores,
    decision: Decision,
    calibration: Calibration | None,
    *,
    template_dir: str | Path | None = None,
) -> Acknowledgement:
    """A message telling the customer what happens next and when, for an escalated ticket.

    The expected time is the median and 80th percentile of hours to resolution for this tier and team
    (else this tier) in the training data. For a frustrated customer (level 2 or more) it first acknowledges
    the problem and any repeated contact, and apologises for a promise the history shows we missed.
    Shadow-mode decisions (``decision.visible`` false) should not be sent; that is the caller's choice.
    """
    recommendation = decision.recommendation
    hours = None
    if calibration is not None:
        hours = calibration.response_hours.get(
            f"{recommendation.tier}:{recommendation.team}"
        ) or calibration.response_hours.get(f"{recommendation.tier}:*")
    promise = _missed_promise(ticket)
    contacts = scores.trajectory.customer_contacts
    customer_name = ticket.customer.name if ticket.customer else None
    context = {
        "greeting": f"Hello {customer_name}," if customer_name else "Hello,",
        "issue": _headline(ticket),
        "frustrated": scores.frustration_level >= 2,
        "repeated_contact": _ordinal(contacts) if contacts >= 2 else "",
        "missed_promise": {"date": _when(promise[1]), "words": promise[0]} if promise else None,
        "team": recommendation.team.replace("_", " ") + " team",
        "response": {"median": _duration(hours["median"]), "p80": _duration(hours["p80"])} if hours else None,
    }
    return Acknowledgement(
        subject=f"Update on your request {ticket.id}: {_headline(ticket)}",
        text=_render(_environment(template_dir), "acknowledgement.txt.j2", context),
    )


@lru_cache(maxsize=8)
def _environment(template_dir: str | Path | None) -> jinja2.Environment:
    # Built once per template directory: building it per ticket recompiled every template each time.
    search = [str(template_dir)] if template_dir is not None else []
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([*search, str(TEMPLATE_DIR)]),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(environment: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    try:
        return environment.get_template(name).render(context)
    except jinja2.TemplateNotFound:
        raise TriageError(f"hand-off template {name} not found") from None
    except jinja2.UndefinedError as error:
        raise TriageError(f"hand-off template {name}: {error.message}") from None
    except jinja2.TemplateSyntaxError as error:
        raise TriageError(f"hand-off template {name}, line {error.lineno}: {error.message}") from None


def _urgency(tier: int, frustration_level: int) -> str:
    if tier >= 4 or frustration_level >= 3:
        return "urgent"
    if tier >= 3 or frustration_level >= 2:
        return "high"
    return "normal"


def _headline(ticket: Ticket) -> str:
    headline = ticket.subject or _sentences(ticket.body)[0]
    return headline if len(headline) <= 80 else headline[:77].rstrip() + "..."


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else NOT_PROVIDED


def _sentences(text: str) -> list[str]:
    return [sentence.strip() for sentence in _SENTENCE_END.split(text) if sentence.strip()] or [""]


def _customer_text(ticket: Ticket) -> str:
    turns = [turn.body for turn in ticket.history if turn.author == "customer"]
    return "\n".join([*turns, ticket.subject, ticket.body])


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _steps_taken(ticket: Ticket) -> list[str]:
    """Each agent turn in the history, with the customer's next answer: what was tried and how it went."""
    steps = []
    turns = ticket.history
    for index, turn in enumerate(turns):
        if turn.author != "agent":
            continue
        answer = next((later.body for later in turns[index + 1 :] if later.author == "customer"), ticket.body)
        reply = _excerpt(_sentences(answer)[0], 100)
        steps.append(f"{_when(turn.at)}: {_excerpt(turn.body, 160)} -> customer: {reply}")
    return steps


def _found(scores: HeadScores, names: tuple[str, ...]) -> list[str]:
    return [name for name in names if scores.signals.get(name, 0)]


def _describe_signals(scores: HeadScores, names: tuple[str, ...]) -> list[str]:
    return [SIGNALS.get(name, name.replace("_", " ")) for name in _found(scores, names)]


def _specialist_areas(scores: HeadScores) -> list[str]:
    areas = _describe_signals(scores, TECHNICAL_SIGNALS)
    areas += [
        contribution.phrase for contribution in scores.explanations.get("technical", []) if contribution.weight > 0
    ]
    return list(dict.fromkeys(areas))


def _regulatory_concerns(prediction: Prediction, scores: HeadScores) -> list[str]:
    legal = prediction.triggers.get("legal")
    concerns = [f"legal trigger probability {legal:.2f}"] if legal is not None else []
    return concerns + _describe_signals(scores, LEGAL_SIGNALS)


def _business_impact(ticket: Ticket, scores: HeadScores) -> list[str]:
    customer = ticket.customer
    impact = []
    if customer and customer.annual_contract_value is not None:
        at_risk = " at risk" if _found(scores, ("churn_threat", "cancellation")) else ""
        impact.append(f"annual contract value ${customer.annual_contract_value:,.0f}{at_risk}")
    if customer and customer.strategic:
        impact.append("strategic account")
    impact += _describe_signals(scores, REVENUE_SIGNALS)
    return impact


def _recommended_actions(ticket: Ticket, scores: HeadScores, template: str) -> list[str]:
    customer = ticket.customer
    actions = []
    if template == "high_value":
        if _found(scores, ("churn_threat", "cancellation")):
            actions.append("call the customer's decision maker before the renewal or cancellation date")
        if _found(scores, ("billing_dispute", "chargeback", "refund_request")):
            actions.append("review the disputed charges and agree a correction or credit")
        if customer and customer.strategic:
            actions.append("inform the executive sponsor of this strategic account")
        actions.append("agree the next update time with the customer and keep it")
    if template == "compliance":
        actions += [
            "do not admit liability or promise outcomes before legal review",
            "preserve the ticket, its history and related logs",
        ]
        if _found(scores, ("privacy_regulation",)):
            actions.append("check the statutory response deadline for the data-protection request")
    if template == "technical" and scores.trajectory.failed_attempts:
        actions.append("do not repeat the troubleshooting steps already tried")
    return actions


def _evidence(ticket: Ticket, scores: HeadScores, template: str) -> list[str]:
    """Customer sentences worth quoting: they hold a word the models weighed, or the template's vocabulary."""
    words = _EVIDENCE_WORDS.get(template)
    weighed = {
        match.lower()
        for contributions in scores.explanations.values()
        for contribution in contributions
        if contribution.weight > 0
        for match in re.findall(r"'([^']+)'", contribution.phrase)
    }
    quoted = []
    for sentence in _sentences(_customer_text(ticket)):
        lowered = sentence.lower()
        if (words is not None and words.search(sentence)) or any(term in lowered for term in weighed):
            quoted.append(f'"{_excerpt(sentence, 200)}"')
    return list(dict.fromkeys(quoted))[:MAX_EVIDENCE]


def _missed_promise(ticket: Ticket) -> tuple[str, datetime | None] | None:
    """The last agent promise of a reply by a time that a later customer turn shows was not kept.

    When both times are known and the promise names a span ("within 24 hours"), the customer must have come
    back after the deadline; otherwise coming back at all counts, as the customer had to chase us.
    """
    turns = [(turn.author, turn.body, turn.at) for turn in ticket.history]
    turns.append(("customer", ticket.body, ticket.created_at))
    missed = None
    for index, (author, body, at) in enumerate(turns):
        match = _PROMISE.search(body) if author == "agent" else None
        if match is None:
            continue
        later = [when for who, _, when in turns[index + 1 :] if who == "customer"]
        if not later:
            continue
        deadline = _deadline(at, match)
        known = [when for when in later if when is not None]
        if deadline is not None and known and all(_before(when, deadline) for when in known):
            continue
        missed = (match.group(0), at)
    return missed


def _deadline(at: datetime | None, promise: re.Match[str]) -> datetime | None:
    if at is None or promise.group("count") is None:
        return None
    unit = "hours" if promise.group("unit").lower().startswith("hour") else "days"
    return at + timedelta(**{unit: int(promise.group("count"))})


def _before(moment: datetime, deadline: datetime) -> bool:
    try:
        return moment <= deadline
    except TypeError:  # a naive and an aware time: cannot tell, so do not excuse the promise
        return False


def _duration(hours: float) -> str:
    if hours < 1:
        return "less than an hour"
    if hours < 48:
        rounded = round(hours)
        return f"{rounded} hour{'s' if rounded != 1 else ''}"
    return f"{round(hours / 24)} days"


def _ordinal(number: int) -> str:
    words = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth"}
    return words.get(number, f"{number}th")
