"""What a ticket's history says about its trajectory: how often the customer came back, how long it has
been open, and how many troubleshooting steps were tried without success.

These are the context features that predicted escalations at IBM (Montgomery and Damian, RE 2017): number
of customer contacts, agent replies, time open, and failed attempts. They are cheap regular expressions,
shared by the models' features and by the escalation criteria.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from triage.schema import Interaction, Ticket

# An agent turn that asked the customer to try something, or reported doing something.
_STEP = re.compile(
    r"\b((please|could you|can you|would you) (try|clear|restart|reinstall|update|reset|check|run|re-?enter|log ?out"
    r"|sign ?out|disable|enable|switch|disconnect|re-?connect|re-?authori[sz]e|re-?install|remove|re-?add"
    r"|turn (it )?(off|on)|toggle|allow)"
    r"|(we|i)('ve| have)? (cleared|restarted|reset|rebooted|reinstalled|patched|applied|rolled back|redeployed"
    r"|re-?synced|flushed|re-?issued|escalated|re-?provisioned|updated|refreshed|raised|chased|requested|re-?sent"
    r"|resubmitted)"
    r"|try (again|clearing|restarting|reinstalling|updating|resetting|another|disconnecting|reconnecting)"
    r"|workaround|steps? to (try|follow))",
    re.IGNORECASE,
)
# A customer turn saying that what was tried did not help.
_FAILED = re.compile(
    r"\b(still (not|no|nothing|doesn'?t|does not|isn'?t|is not|won'?t|can'?t|cannot|failing|broken|getting|seeing"
    r"|the same|happening|blank|empty|missing|down)\b"
    # "Already there" is a failure only when it answers a fix ("the permission was already there"), never
    # routine news ("the invite is already there in her inbox"): it needs the setting it names.
    r"|(permission|setting|option|toggle|box|access|role)s? (was|were|is|are) already (there|on|enabled|set|granted)"
    r"|nothing (has )?(arrived|came)"
    r"|(did ?n[o']?t|does ?n[o']?t|didnt|doesnt) (work|help|fix|solve|change)|no (luck|change|difference)"
    r"|same (error|issue|problem|thing)|not (fixed|resolved|working)|made no difference|nothing (changed|works|worked)"
    r"|(again|still) (fail|broke|crash)|back to square one|tried (that|everything|all))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Trajectory:
    customer_contacts: int  # customer turns in the history plus the current message
    agent_replies: int
    hours_open: float  # earliest to latest known time on the ticket; 0 without a history or times
    failed_attempts: int  # agent steps followed by a customer turn saying they did not work

    def as_features(self) -> dict[str, float]:
        return {
            "customer_contacts": float(self.customer_contacts),
            "agent_replies": float(self.agent_replies),
            "hours_open": self.hours_open,
            "failed_attempts": float(self.failed_attempts),
        }


def trajectory(ticket: Ticket) -> Trajectory:
    return trajectory_of_turns(ticket.history, f"{ticket.subject}\n{ticket.body}", ticket.created_at)


def trajectory_of_turns(history: Sequence[Interaction], current: str, created_at: datetime | None) -> Trajectory:
    """The trajectory of a history (oldest first) followed by the customer's current message."""
    turns = [(turn.author, turn.body) for turn in history]
    turns.append(("customer", current))
    customer_contacts = sum(author == "customer" for author, _ in turns)
    agent_replies = sum(author == "agent" for author, _ in turns)

    failed = 0
    pending_step = False
    for author, text in turns:
        if author == "agent" and _STEP.search(text):
            pending_step = True
        elif author == "customer" and pending_step and _FAILED.search(text):
            failed += 1
            pending_step = False

    return Trajectory(customer_contacts, agent_replies, hours_spanned(created_at, history) or 0.0, failed)


def hours_spanned(created_at: datetime | None, history: Sequence[Interaction]) -> float | None:
    """Earliest to latest known time (created_at and every turn's), or None with fewer than two: exports disagree
    on whether created_at is the first message or the latest, and a thread over three days must not read "open
    0 hours". The model's feature and the hand-offs both read it."""
    known = [moment for moment in (created_at, *(turn.at for turn in history)) if moment is not None]
    if len(known) < 2:
        return None
    try:
        return (max(known) - min(known)).total_seconds() / 3600
    except TypeError:  # a naive and an aware timestamp: no reliable span
        return None
