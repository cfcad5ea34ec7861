"""Follow-ups to the ninth check's hand-off fixes, each with its near miss: a call or an action asked for at once is
answered with what the tier can honestly promise, not "your deadline ("now")"; the references our own agent gave
and the number the customer asks to be called on are listed; debt collection over a bill in dispute is put on hold.
Every fixture is written for this file."""

from __future__ import annotations

from drafting import drafts_of as drafts

from triage.handoff.facts import ticket_facts
from triage.schema import Ticket

TECH = ({"technical": 0.9}, {"technical": 0.9})


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
