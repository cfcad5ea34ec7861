"""Follow-ups to the ninth check's hand-off fixes, each with its near miss: a call or an action asked for at once is
answered with what the tier can honestly promise, not "your deadline ("now")"; the references our own agent gave
and the number the customer asks to be called on are listed; debt collection over a bill in dispute is put on hold.
Every fixture is written for this file."""

from __future__ import annotations

import pytest
from drafting import drafts_of as drafts

from triage.handoff.facts import ticket_facts
from triage.schema import Ticket

TECH = ({"technical": 0.9}, {"technical": 0.9})
MONEY = ({"financial": 0.9}, {"billing": 0.9})


def facts_of(body: str, history: list[dict] | None = None):
    ticket = Ticket.model_validate({"id": "F-1", "body": body, "history": history or []})
    return ticket_facts(ticket, [], set(), set())


# --- a call or an action asked for at once ---


def test_a_call_asked_for_now_hears_how_soon_we_call():
    _, ack = drafts("The import has failed on every file since nine. Get an engineer to phone me NOW.", *TECH)
    assert ack is not None
    assert "You asked for a call now: I have asked them to call you as soon as they can" in ack.text
    assert "at the latest" in ack.text
    assert "your deadline" not in ack.text


def test_an_action_asked_for_at_once_hears_how_soon_we_reply():
    _, ack = drafts("Every sync fails with error 500. I want someone senior on this right now.", *TECH)
    assert ack is not None
    assert "You asked us to act right now: they will come back to you as soon as they can" in ack.text
    assert "You asked for a call" not in ack.text


def test_a_call_at_once_and_a_time_keep_both():
    _, ack = drafts("Every sync fails with error 500. Please call me immediately, and I need a fix by 15:00.", *TECH)
    assert ack is not None
    assert "You asked for a call immediately" in ack.text
    assert 'You also told us about your deadline ("by 15:00")' in ack.text


def test_a_deadline_with_a_date_is_still_echoed_as_a_deadline():
    _, ack = drafts("Every sync fails with error 500. We need it working by Friday 11 December.", *TECH)
    assert ack is not None
    assert 'You told us about your deadline ("by Friday 11 December")' in ack.text
    assert "You asked" not in ack.text


# --- what our agent gave and what the customer asks to be called on ---


@pytest.mark.parametrize(
    ("agent", "reference"),
    [
        ("Thanks Ada, I've raised this with engineering as PLAT-40817 and will chase them.", "PLAT-40817"),
        ("I have logged it under INC0093312 for the network team.", "INC0093312"),
        ("Your case 00571934 is now with our billing team.", "00571934"),
        ("Sorry it's back. I've reopened the platform ticket (PLAT-30211) and will chase it.", "PLAT-30211"),
    ],
)
def test_a_reference_our_agent_gave_is_an_identifier(agent, reference):
    history = [{"author": "agent", "body": agent, "created_at": "2026-12-01T09:00:00Z"}]
    assert reference in facts_of("Any news on this? It is still failing.", history).identifiers


@pytest.mark.parametrize(
    "agent",
    [
        "I have raised this with the team and will come back to you.",  # no reference given
        "Could you send the last 4 digits of the card, e.g. card ending 4411?",  # a card is no reference of ours
        "We saw 503 errors in the logs at that time.",  # an error our agent saw is no reference
    ],
)
def test_no_reference_from_an_agent_turn_without_one(agent):
    history = [{"author": "agent", "body": agent, "created_at": "2026-12-01T09:00:00Z"}]
    assert facts_of("Any news on this? It is still failing.", history).identifiers == []


@pytest.mark.parametrize(
    ("body", "number"),
    [
        ("The portal rejects my login. Please ring me on 07700 900461 after lunch.", "07700 900461"),
        ("Nothing has synced since Monday. Call us back at +44 20 7946 0321.", "+44 20 7946 0321"),
        ("I can't reach the dashboard. My direct line is 0161 496 0777.", "0161 496 0777"),
        ("I want someone who knows the API to ring me this afternoon. 07700 900318.", "07700 900318"),
    ],
)
def test_a_call_back_number_is_a_contact(body, number):
    assert f"call-back number: {number}" in facts_of(body).contacts


@pytest.mark.parametrize(
    "body",
    [
        "Please ring me on Monday about the renewal.",  # a day, not a number
        "We made 14 calls to your line last week.",
        "Call me at 3pm if you can.",
        "Please call me about order 0412 7781.",  # an order's number near the ask, too short for a telephone
    ],
)
def test_no_call_back_number_from_a_near_miss(body):
    assert not [contact for contact in facts_of(body).contacts if contact.startswith("call-back number")]


# --- debt collection over a bill in dispute ---


@pytest.mark.parametrize(
    "body",
    [
        "You double charged us in November and now a collection agency has written to our finance team about it.",
        "I was overcharged by £80 and you have sent me to collections while I'm still disputing it.",
        "Sie haben uns doppelt belastet. We were charged twice and now we have an Inkasso letter.",
    ],
)
def test_debt_collection_over_a_disputed_bill_is_put_on_hold(body):
    handoff, _ = drafts(body, *MONEY)
    assert "put collection of the disputed amount on hold" in handoff.text
    assert "confirm the hold to the customer in writing" in handoff.text


@pytest.mark.parametrize(
    "body",
    [
        # a disputed bill with no collection
        "You double charged us in November, please refund the second payment.",
        # collection in another sense, beside a disputed bill
        "You double charged us for the data collection add-on this month.",
    ],
)
def test_no_collection_hold_without_debt_collection(body):
    handoff, _ = drafts(body, *MONEY)
    assert "put collection of the disputed amount on hold" not in handoff.text


def test_debt_collection_after_a_cancellation_is_put_on_hold():
    body = (
        "I cancelled my subscription in August and now a debt collector is phoning me about an invoice for October."
        " If this carries on I will take legal action."
    )
    handoff, _ = drafts(body, {"legal": 0.9, "financial": 0.9}, {"legal_compliance": 0.9})
    assert "put collection of the disputed amount on hold" in handoff.text


def test_debt_collection_without_a_billing_case_gets_no_hold():
    # a debt-collection firm using the product is no collection of our bill
    handoff, _ = drafts("We are a debt collection agency and your export fails with error 500 every night.", *TECH)
    assert "put collection of the disputed amount on hold" not in handoff.text
