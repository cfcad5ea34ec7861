"""The actions a hand-off recommends for what the case asks of us (from grading the fifth check, in forms of our
own): the fraud procedure for an account opened with someone's card, a litigation hold wider than the ticket, a
root-cause report still owed, a credit asked for missed service levels, and a contested charge named a billing
dispute when the model gives no trigger to gate it."""

from __future__ import annotations

import pytest
from drafting import drafts_of as drafts

from triage.handoff.facts import ticket_facts
from triage.schema import Ticket

TECH = ({"technical": 0.9}, {"technical": 0.9})
MONEY = ({"financial": 0.9}, {"billing": 0.9})
LEGAL = ({"legal": 0.9}, {"legal_compliance": 0.9})


def actions_of(handoff) -> list[str]:
    section = handoff.text.split("Recommended actions\n")[1].split("\n\n")[0]
    return [line.removeprefix("- ") for line in section.splitlines()]


def cases_of(body: str, labels: tuple[str, ...] = (), **fields) -> list[str]:
    ticket = Ticket.model_validate({"id": "A-1", "body": body, **fields})
    return ticket_facts(ticket, list(labels), set()).case_types


def test_an_account_opened_with_our_card_is_closed_and_its_charges_refunded():
    body = (
        "Our bookkeeper spotted two charges of EUR 59.00 from you on the company Mastercard. We never signed up for "
        "that plan; someone used our card details to sign up. Please close that account and refund us."
    )
    handoff, _ = drafts(body, {"financial": 0.9, "legal": 0.9}, {"legal_compliance": 0.9})

    actions = actions_of(handoff)
    assert any(a.startswith("close any account opened with the stolen details and refund its charges") for a in actions)
    assert any("sign-up IP address" in a and "fraud procedure" in a for a in actions)
    assert "preserve the ticket, its history and related logs" not in actions  # the fraud evidence covers it


def test_a_legal_threat_holds_the_accounts_data_not_only_the_ticket():
    body = (
        "Our attorneys are preparing a claim over the appointment reminders your system sent after patients opted "
        "out. Keep every delivery log and opt-out record on our account until this is settled."
    )
    handoff, _ = drafts(body, *LEGAL)

    actions = actions_of(handoff)
    assert any("litigation hold on the account's data" in a and "not only this ticket" in a for a in actions)
    assert "preserve the ticket, its history and related logs" not in actions


def test_a_root_cause_report_still_owed_is_an_action():
    history = [
        {"at": "2026-06-01T10:00:00Z", "author": "customer", "body": "After the outage, can we get a post-mortem?"},
        {"at": "2026-06-02T10:00:00Z", "author": "agent", "body": "Yes, I will send it by Friday."},
    ]
    body = "Ten days on and still no post-mortem, and the API dropped again this morning for an hour."
    handoff, _ = drafts(body, *TECH, history=history)

    assert any(a.startswith("send the root-cause report") for a in actions_of(handoff))


@pytest.mark.parametrize(
    "body",
    [
        "Thanks for the incident report on last week's outage. Today the API fails again with 502 on every call.",
        "Your post-mortem from March promised a fix, yet the API fails again with 502 on every call.",
        "The API fails with 502 on every call since this morning.",
    ],
)
def test_a_report_received_or_only_told_of_is_no_action(body):
    handoff, _ = drafts(body, *TECH)

    assert not any(a.startswith("send the root-cause report") for a in actions_of(handoff))


@pytest.mark.parametrize(
    "body",
    [
        "Three outages this month. What credit do we get for the SLA breaches?",
        "We expect the uptime credit our contract promises for this month's downtime.",
    ],
)
def test_a_credit_asked_for_missed_service_levels_is_an_action(body):
    handoff, _ = drafts(body, *TECH)

    assert "work out the service credit the contract gives for the missed service levels and offer it" in (
        actions_of(handoff)
    )


def test_no_credit_action_without_service_levels_asked_about():
    handoff, _ = drafts("Exports fail with a timeout since Tuesday's release.", *TECH)

    assert not any("service credit" in a for a in actions_of(handoff))


def test_money_contested_names_a_billing_dispute_when_no_trigger_gates_it():
    body = "Invoice 5521 bills us $4,200 for onboarding that our order form lists as free. Please correct the invoice."

    assert "billing_dispute" in cases_of(body)  # human review: no trigger, the customer's words name the case


@pytest.mark.parametrize(
    ("body", "labels"),
    [
        ("Please correct the invoice address to our new office.", ()),  # no money contested
        ("Invoice 5521 bills us $4,200 for onboarding we were told was free. Please correct the invoice.", ("legal",)),
    ],
)
def test_no_billing_dispute_without_money_or_beside_another_trigger(body, labels):
    assert "billing_dispute" not in cases_of(body, labels)


# --- steps: a claim of what ought to be is none; a step told without its subject in Portuguese or Spanish is one


def steps_of(handoff) -> list[str]:
    return handoff.text.split("Steps already taken\n")[1].split("\n\n")[0].splitlines()


def test_a_claim_of_what_ought_to_be_is_no_step_even_with_a_step_verb_inside():
    body = (
        "You charged us for twelve seats after we had already removed four of them. We should not pay for seats we "
        "had removed before the invoice date. I emailed your billing address on 3 May."
    )
    handoff, _ = drafts(body, *MONEY)

    steps = steps_of(handoff)
    assert not any("We should not pay" in step for step in steps)
    assert any("I emailed your billing address on 3 May." in step for step in steps)


@pytest.mark.parametrize(
    ("body", "step"),
    [
        ("O reembolso ainda não chegou. Liguei para o banco e não há nada pendente.", "Liguei para o banco"),
        ("El cobro sigue duplicado. Ya llamé a mi banco y no ven ninguna devolución.", "Ya llamé a mi banco"),
    ],
)
def test_a_first_person_past_tense_without_its_subject_is_a_step(body, step):
    handoff, _ = drafts(body, *MONEY)

    assert any(step in line for line in steps_of(handoff))


# --- what the customer asks of us in this message: a call, their data's export


@pytest.mark.parametrize(
    ("body", "quoted"),
    [
        (
            "The sync has failed three nights running. A meeting with your head of engineering on Friday would help.",
            "A meeting with your head of engineering on Friday would help.",
        ),
        (
            "Before the audit we need: the access logs for May, the list of admins, and someone from your security "
            "team on a call with our auditors and our CISO to walk through the controls.",
            "someone from your security team on a call with our auditors and our CISO",
        ),
        ("The invoice is wrong again. Please call me on my mobile.", "Please call me on my mobile."),
    ],
)
def test_a_call_asked_for_is_an_action_quoting_the_ask(body, quoted):
    handoff, _ = drafts(body, *MONEY)

    assert any(a.startswith("arrange the call the customer asks for") and quoted in a for a in actions_of(handoff))


@pytest.mark.parametrize(
    "body",
    [
        "I was on a call with your agent yesterday and the invoice is still wrong.",
        "Happy to walk through the invoice on a call with your team if useful.",
        "You charged us twice and your colleague said she would call me back; she did not.",
    ],
)
def test_a_call_told_of_or_offered_is_no_action(body):
    handoff, _ = drafts(body, *MONEY)

    assert not any(a.startswith("arrange the call") for a in actions_of(handoff))


def test_an_export_of_their_data_asked_for_is_an_action_and_an_export_told_of_is_none():
    asked, _ = drafts("We are leaving at the end of the term. Please provide a full data export in CSV.", *MONEY)
    told, _ = drafts("The export button greys out and our data export from last week was empty.", *TECH)

    wanted = "send the data export the customer asks for, in the format and by the date asked"
    assert wanted in actions_of(asked)
    assert wanted not in actions_of(told)
