"""The rubric of docs/handoffs.md, "a draft a lead would send as is", as checks over rendered text.

It reads only the ticket, what a person wrote down about it, and the drafts' text: never triage's own
extraction, so it can grade any version of the drafts (tests/handoff/checklist/measure.py grades the drafts of
the commit before this rubric existed the same way). Each check returns a short failure, or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from triage.schema import Ticket

# The service promise per tier, in hours (first reply, then updates): the defaults the rubric grades by.
FIRST_RESPONSE_HOURS = {1: 24, 2: 8, 3: 4, 4: 1}
UPDATE_HOURS = {1: 48, 2: 24, 3: 8, 4: 4}
HIGH_VALUE_CONTRACT = 100_000
CONSUMER_PLANS = frozenset({"free", "personal", "consumer"})
# Internal team names a customer must never read.
INTERNAL_NAMES = re.compile(
    r"legal team|legal[ _]compliance|compliance team|account[ _]management|\b\w+_\w+\b team|frontline", re.IGNORECASE
)
# Filler the specialists learn to skip: bare word matches and raw probabilities in the hand-off's own sections.
FILLER = re.compile(r"mentions '|trigger probability \d|history mentions", re.IGNORECASE)
_PROMISED = re.compile(r"\bwithin (?:about )?(\d+|an?) (hours?|days?)\b", re.IGNORECASE)
_REASON_LINE = re.compile(r"[+-]\d+\.\d+ to [\w:]+|^- (rule|model:)")
_QUOTED = re.compile(r'"[^"\n]*"')
_CURRENCY = re.compile(r"[$€£]\s?\d")
_DETAIL = re.compile(r"\b[45]\d\d\b|\b[A-Z]{2,}[-_]?\d{2,}|Exception|Error\b|request ids?", re.IGNORECASE)
_TEXT_DEADLINE = re.compile(
    r"\b(by|before) (\d{1,2} ?(am|pm)|friday|monday|tuesday|wednesday|thursday|today|tomorrow|end of)|within \d+ hours",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Drafts:
    """One ticket's drafts as the product gave them (ack None: not drafted)."""

    ticket: Ticket
    handoff: str
    missing: list[str]
    acknowledgement: str | None
    tier: int
    abstain: bool
    frustration_label: int  # a person's level, not the model's
    expect: dict[str, Any] = field(default_factory=dict)  # the fixture's facts; empty for unannotated tickets


def failures(drafts: Drafts) -> list[str]:
    return handoff_failures(drafts) + acknowledgement_failures(drafts)


def handoff_failures(drafts: Drafts) -> list[str]:
    ticket, expect = drafts.ticket, drafts.expect
    # Facts must be shown in the hand-off's own sections, not only in the copy of the customer's message.
    own = _without_message(drafts.handoff, ticket).lower()
    problems = [f"fact not shown: {fact}" for fact in expect.get("facts", []) if fact.lower() not in own]
    if expect.get("deadline") and expect["deadline"].lower() not in own:
        problems.append(f"deadline not flagged: {expect['deadline']}")
    if expect.get("action") and expect["action"].lower() not in own:
        problems.append(f"no case-specific action ({expect['action']})")
    if expect.get("account_manager") and "account manager: not provided" in own:
        problems.append("account manager reads 'not provided' though the ticket names one")
    if expect.get("customer_steps") and "none recorded" in own:
        problems.append("steps already taken read 'none recorded' though the customer lists some")
    asked = " | ".join(drafts.missing).lower()
    problems += [
        f"asks for what the ticket gives or the case does not need: {item}" for item in _answered(drafts, asked)
    ]
    if (expect.get("urgent") and drafts.missing) and "before escalating" in drafts.handoff:
        problems.append("holds an urgent case back for missing information")
    customer = ticket.customer
    high_value = customer is not None and (
        bool(customer.strategic) or (customer.annual_contract_value or 0) >= HIGH_VALUE_CONTRACT
    )
    titled_high_value = "high-value" in drafts.handoff.splitlines()[0].lower()
    if titled_high_value and not high_value:
        problems.append("high-value template for an account that is not high-value")
    if high_value and "annual contract value" not in drafts.handoff:
        problems.append("high-value account without its account section")
    if FILLER.search(_without_rationale(drafts.handoff)):
        problems.append("filler (bare word match or raw probability) in the hand-off")
    return problems


def acknowledgement_failures(drafts: Drafts) -> list[str]:
    ack = drafts.acknowledgement
    if drafts.abstain:
        return ["acknowledgement drafted for a ticket sent to human review"] if ack is not None else []
    if ack is None:
        return ["no acknowledgement"]
    problems = []
    earlier_contact = any(turn.author == "customer" for turn in drafts.ticket.history)
    if (drafts.frustration_label >= 2 or earlier_contact) and not re.search(r"sorry|apolog", ack, re.IGNORECASE):
        problems.append("no apology where one is owed")
    if not earlier_contact and re.search(r"\bstill\b", _QUOTED.sub("", ack), re.IGNORECASE):
        problems.append("says 'still' on a first contact")
    if INTERNAL_NAMES.search(ack):
        problems.append("names an internal team to the customer")
    # The customer's own words quoted back ("within 24 hours") are not our promise.
    promised = [_hours(count, unit) for count, unit in _PROMISED.findall(_QUOTED.sub("", ack))]
    limit = UPDATE_HOURS[min(max(drafts.tier, 1), 4)]
    if not promised:
        problems.append("promises no time")
    elif max(promised) > limit:
        problems.append(f"promises more than the tier's target: {max(promised):.0f} hours for tier {drafts.tier}")
    elif FIRST_RESPONSE_HOURS[min(max(drafts.tier, 1), 4)] < min(promised):
        problems.append("first reply later than the tier's target")
    deadline = drafts.expect.get("deadline")
    if deadline and deadline.lower() not in ack.lower():
        problems.append(f"the customer's deadline is not echoed: {deadline}")
    return problems


def _answered(drafts: Drafts, asked: str) -> list[str]:
    """Missing-information items the ticket answers, or that its case does not need."""
    ticket, expect = drafts.ticket, drafts.expect
    text = f"{ticket.subject}\n{ticket.body}"
    customer = ticket.customer
    found = [item for item in expect.get("not_asked", []) if item.lower() in asked]
    automatic = {
        "amount": bool(_CURRENCY.search(text)),
        "reproduction": bool(_DETAIL.search(text)),
        "company": customer is not None and bool(customer.company or (customer.plan or "") in CONSUMER_PLANS),
        "dates": bool(_TEXT_DEADLINE.search(text)),
    }
    found += [item for item, answered in automatic.items() if answered and item in asked and item not in found]
    return found


def _without_message(handoff: str, ticket: Ticket) -> str:
    return handoff.replace(ticket.body, "")


def _without_rationale(handoff: str) -> str:
    """The hand-off less the decision's reasons (lines with a weight, "(+1.46 to financial)", and rule lines):
    those are graded with the predictions, not here."""
    return "\n".join(line for line in handoff.splitlines() if not _REASON_LINE.search(line))


def _hours(count: str, unit: str) -> float:
    number = 1.0 if count.lower() in ("a", "an") else float(count)
    return number * (24 if unit.lower().startswith("day") else 1)
