"""Shapes added in session 9's second round, after a stress set of tickets written in forms the dev sets do not use
(tests/handoff/checklist/stress.jsonl). Every fixture here is written for this file, none copied from a ticket, and
each group has forms that must not match."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from triage.handoff.facts import (
    _by_date,
    _identifiers,
    _sender,
    amounts_by_shape,
    case_types,
    days_ahead,
    message_text,
    own_part,
    sentences,
    ticket_facts,
)
from triage.schema import Ticket

ALL = {"technical", "financial", "legal"}


def facts_of(body: str, labels: tuple[str, ...] = (), signals: tuple[str, ...] = (), **fields):
    ticket = Ticket.model_validate({"id": "R-1", "body": body, **fields})
    return ticket_facts(ticket, list(labels), set(), set(signals))


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("a quote of Rs 2,25,000 became INR 3,10,500.50", ["Rs 2,25,000", "INR 3,10,500.50"]),
        ("the fee was ₹12,00,000", ["₹12,00,000"]),
        ("they took about three hundred euros", ["three hundred euros"]),
        ("a few thousand pounds went missing", ["a few thousand pounds"]),
        ("a couple of hundred dollars a month", ["a couple of hundred dollars a month"]),
        ("USD 1,290.00 as before", ["USD 1,290.00"]),
        ("two of my dollars", []),  # a number word must be the amount's own
        ("we have 4,50,000 users", []),  # a count in Indian grouping is no amount without a currency
    ],
)
def test_amounts_in_indian_grouping_and_in_words(text, amounts):
    assert amounts_by_shape(text) == amounts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see invoice INV/2025/1187 please", ["INV/2025/1187"]),
        ("the job dies with SQLSTATE 23505", ["SQLSTATE 23505"]),
        ("the container stops with exit code 139", ["exit code 139"]),
        ("the error code is unclear", []),
        ("the invoice was late", []),
    ],
)
def test_identifiers_with_slashes_and_system_codes(text, expected):
    assert _identifiers(text) == expected


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Please answer by 10am on 14 April, when the panel sits.", "by 10am on 14 April"),
        ("we close the quarter eod tomorrow", "eod tomorrow"),
        ("Rent goes out on Monday the 3rd.", "Rent goes out on Monday the 3rd"),
        ("The agreement expires on 31 May.", "agreement expires on 31 May"),
        ("We need the report before our review on 4/11.", "before our review on 4/11"),
        ("pls sort it asap", "pls sort it asap"),
    ],
)
def test_deadlines_in_more_forms(text, deadline):
    assert deadline in facts_of(text).deadlines


@pytest.mark.parametrize(
    "text",
    [
        "Your colleague promised a new invoice within two business days.",  # our promise, not their deadline
        "The books closed last week.",
        "Our agreement expired in 2019.",
    ],
)
def test_no_deadline(text):
    assert facts_of(text).deadlines == []


def test_deadlines_soonest_first_and_a_shorter_copy_dropped():
    monday = datetime(2026, 12, 7, 9, tzinfo=UTC)
    found = ["before the launch", "before our year-end on the 31st", "by Friday", "before launch", "today"]

    assert _by_date(found, monday) == ["today", "by Friday", "before our year-end on the 31st", "before the launch"]
    assert days_ahead("next Tuesday 9am CET", monday) == 8
    assert days_ahead("within 48h", None) == 2
    assert days_ahead("before launch", monday) is None


@pytest.mark.parametrize(
    ("body", "name", "role", "company"),
    [
        ("Fix it.\n\nRgds,\nAnke Vogel\nCFO", "Anke Vogel", "CFO", None),
        ("Fix it.\n\nYours,\nPiet de Vries-Smit\nDe Vries Bouw", "Piet de Vries-Smit", None, "De Vries Bouw"),
        ("Fix it.\n\nBest, Jo\n\nJo Marsh-Kerr\nHead of Ops, Kite Labs", "Jo Marsh-Kerr", "Head of Ops", "Kite Labs"),
        ("Fix it.\n\n-- \nAl Reyes | CTO | Dunmore Hotels\nM: +1 555 0100", "Al Reyes", "CTO", "Dunmore Hotels"),
        ("fix it please.\n\ncheers\nana dos santos", "ana dos santos", None, None),
        ("Fix it.\n\n- sent from mobile, excuse typos\nK. Adeyemi", "K. Adeyemi", None, None),
        ("Dear all,\nplease fix it.", None, None, None),
        ("Fix it.\n\nthanks\nsee you", None, None, None),  # a lower-case line in a message that is not
        ("fix it pls.\n\nthanks\nsee you soon", None, None, None),  # a phrase, not a name
        ("fix it pls.\n\ncheers\nlooking forward", None, None, None),
        ("Fix it.\n\nBR\nTanya Brook\nBrook Dental Ltd", "Tanya Brook", None, "Brook Dental Ltd"),
        (
            "Fix it.\n\nWarm wishes,\nIda ter Beek\nOps Lead - Beek Logistiek B.V.",
            "Ida ter Beek",
            "Ops Lead",
            "Beek Logistiek B.V.",
        ),
    ],
)
def test_sign_offs_we_do_not_list(body, name, role, company):
    sender = _sender(message_text(own_part(body)))
    assert (sender.name, sender.role, sender.company) == (name, role, company)


def test_an_unnamed_account_manager_linked_to_our_person_named_elsewhere():
    body = (
        "Your own account manager agreed this in writing: the mail from your colleague Ines is below.\n\n"
        "Regards,\nTom\n\n> From: Ines Carvalho\n> Agreed, 40 seats from May."
    )
    assert facts_of(body).account_manager.startswith("Ines Carvalho (")
    # two of our people named: no guess
    two = "Your account manager never called. Your colleague Ines and your colleague Marc both said so."
    assert facts_of(two).account_manager is None


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        ("A parent opened another child's report card in the app.", (), ["data_exposure"]),
        ("Two letters went to the wrong recipient.", (), ["data_exposure"]),
        ("All our listings just vanished from the shop.", ("technical",), ["data_loss"]),
        ("We claim an SLA credit for March's downtime.", ("financial",), ["billing_dispute"]),
        ("you charged 12 seats (£600 instead of £400)", ("financial",), ["billing_dispute"]),
        ("a sign-in from an unknown device at 3am", (), ["account_takeover"]),
        ("none of our 12 drivers can open the app", ("technical",), ["outage"]),
        ("A transfer none of our directors approved left the account.", ("financial",), ["fraud"]),
        ("An unknown user was made admin overnight. Nobody on our team did this.", (), ["account_takeover"]),
        ("I am requesting access to all personal data your service processes.", ("legal",), ["privacy_request"]),
        ("Pay the credit or we will involve our legal counsel.", ("legal",), ["legal_threat"]),
        # must not match
        ("A €100 basket shows €142 instead of €121 at checkout.", ("financial",), []),  # a wrong figure, no charge
        ("We got a credit note last month, thanks.", ("financial",), []),
        ("I can see my own child's report card.", (), []),
    ],
)
def test_cases_in_more_words(text, labels, expected):
    assert case_types(text, set(labels)) == expected


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        (
            "We've suspended him in Okta. I cancelled the card.",
            ["We've suspended him in Okta.", "I cancelled the card."],
        ),
        ("The clinic cancelled 19 appointments and moved the rest.", []),  # not the customer's own step
    ],
)
def test_steps_that_need_the_customer_as_subject(text, steps):
    assert facts_of(text).customer_steps == steps


def test_a_reference_number_after_no_does_not_end_the_sentence():
    assert sentences("We filed it (case no. 2026-118) today. The answer was no. Then we left.") == [
        "We filed it (case no. 2026-118) today.",
        "The answer was no.",
        "Then we left.",
    ]
