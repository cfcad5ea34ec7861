"""The rubric (docs/handoffs.md) catches the faults it names: each draft below breaks one or more checks."""

from __future__ import annotations

import sys
from pathlib import Path

from triage.schema import Ticket

sys.path.insert(0, str(Path(__file__).parent / "checklist"))

from rubric import Drafts, acknowledgement_failures, handoff_failures  # noqa: E402

TICKET = Ticket.model_validate(
    {
        "id": "R-1",
        "subject": "Refund",
        "body": "Refund my $14 phone case, order A-551. We cleared the cache already.",
        "customer": {"plan": "free"},
    }
)
EXPECT = {
    "facts": ["A-551"],
    "deadline": "by Friday",
    "action": "check the charges",
    "not_asked": ["invoice"],
    "urgent": False,
    "customer_steps": True,
}
HANDOFF = (
    "HIGH-VALUE CUSTOMER HAND-OFF: Refund\n\n"
    f"The customer's message\n{TICKET.body}\n\n"
    "Steps already taken\n- none recorded in the ticket history\n"
    "Areas needing specialist attention\n- mentions 'since'\n- legal trigger probability 0.80\n"
    "Rationale\n- mentions 'refund' (+1.46 to financial)\n"
)
OLD_ACK = (
    "Hello,\n\nI have passed your request to our legal compliance team. Your request is still not resolved. "
    "In our records similar requests were resolved within 9 days.\n"
)


def drafts(**changes) -> Drafts:
    fields = {
        "ticket": TICKET,
        "handoff": HANDOFF,
        "missing": ["the order or invoice number", "the amount in dispute", "the customer's company"],
        "acknowledgement": OLD_ACK,
        "tier": 2,
        "abstain": False,
        "frustration_label": 2,
        "expect": EXPECT,
    }
    return Drafts(**{**fields, **changes})


def test_a_handoff_with_every_fault():
    assert handoff_failures(drafts()) == [
        "fact not shown: A-551",  # only in the copy of the message
        "deadline not flagged: by Friday",
        "no case-specific action (check the charges)",
        "steps already taken read 'none recorded' though the customer lists some",
        "asks for what the ticket gives or the case does not need: invoice",
        "asks for what the ticket gives or the case does not need: amount",
        "asks for what the ticket gives or the case does not need: company",
        "high-value template for an account that is not high-value",
        "filler (bare word match or raw probability) in the hand-off",
    ]


def test_an_acknowledgement_by_past_resolution_times():
    assert acknowledgement_failures(drafts()) == [
        "no apology where one is owed",
        "says 'still' on a first contact",
        "names an internal team to the customer",
        "promises more than the tier's target: 216 hours for tier 2",
        "the customer's deadline is not echoed: by Friday",
    ]


def test_acknowledgements_and_human_review():
    assert acknowledgement_failures(drafts(abstain=True)) == [
        "acknowledgement drafted for a ticket sent to human review"
    ]
    assert acknowledgement_failures(drafts(abstain=True, acknowledgement=None)) == []
    assert acknowledgement_failures(drafts(acknowledgement=None)) == ["no acknowledgement"]


def test_the_customers_quoted_words_are_not_our_promise():
    ack = (
        'Thank you. I am sorry for the trouble. You told us about your deadline ("by Friday", "within 72 hours"). '
        "A billing specialist will reply within 8 hours."
    )

    assert acknowledgement_failures(drafts(acknowledgement=ack)) == []
