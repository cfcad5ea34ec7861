"""Causes the sixth, seventh and eighth checks' hand gradings share, each with the form still caught and its harmless
twin: a signature under an abbreviated sign-off or over a phone number with its country code, a company whose name
holds a department word, our agent who signs with an account role, past events and passed days read as deadlines,
requests and dates of effect missed, a refund we confirmed that never came, a takeover told by its second factor, an
incident the customer rates P1, an executive or security escalation held for missing information, and the firm the
customer sends correspondence to. Every fixture is written for this file."""

from __future__ import annotations

import pytest
from drafting import drafts_of as drafts

from triage.handoff.facts import sender_of, spoken_deadline, ticket_facts
from triage.schema import Ticket

TECH = ({"technical": 0.9}, {"technical": 0.9})
BILLING = ({"financial": 0.9}, {"billing": 0.9})


def ticket_of(body: str, history: list[dict] | None = None, **fields) -> Ticket:
    return Ticket.model_validate({"id": "E8-1", "body": body, "history": history or [], **fields})


def facts_of(body: str, history: list[dict] | None = None, labels=(), signals=(), **fields):
    return ticket_facts(ticket_of(body, history, **fields), list(labels), set(), set(signals))


def turn(author: str, body: str, at: str) -> dict:
    return {"at": at, "author": author, "body": body}


# --- who wrote ---


@pytest.mark.parametrize(
    ("body", "name", "role", "company"),
    [
        # an abbreviated sign-off with its dot
        (
            "A fatura veio errada.\n\nAtt.,\nRita Gomes\nAnalista Financeira\nPadaria Estrela",
            "Rita Gomes",
            "Analista Financeira",
            "Padaria Estrela",
        ),
        (
            "La factura no cuadra.\n\nAtte.,\nLuis Ortega\nJefe de Compras, Talleres Ortega S.L.",
            "Luis Ortega",
            "Jefe de Compras",
            "Talleres Ortega S.L.",
        ),
        # a phone number under the signature, kept short or cut, with its country code
        (
            "Nothing loads for anyone.\n\nIda Berg\nHead of Logistics, Fjellvei Transport\n+47 ...",
            "Ida Berg",
            "Head of Logistics",
            "Fjellvei Transport",
        ),
        # a company with a department word in its name, under a role
        (
            "Please send the audit trail.\n\nOmar Haddad\nHead of Security, Brightpath Payroll Services",
            "Omar Haddad",
            "Head of Security",
            "Brightpath Payroll Services",
        ),
        # a department under a role is no company
        (
            "Please send the audit trail.\n\nOmar Haddad\nHead of Finance, Finance Operations",
            "Omar Haddad",
            "Head of Finance",
            None,
        ),
    ],
)
def test_the_signature_under_a_short_sign_off_or_over_a_phone_line(body, name, role, company):
    sender = sender_of(ticket_of(body))

    assert (sender.name, sender.role, sender.company) == (name, role, company)


@pytest.mark.parametrize(
    ("signature", "manager"),
    [
        ("Best,\nRuth (Strategic Account Director)", "Ruth"),
        ("Kind regards,\nRuth (Key Accounts)", "Ruth"),
        ("Kind regards,\nRuth (Support Engineer)", None),
    ],
)
def test_our_agent_signing_with_an_account_role_is_the_account_manager(signature, manager):
    history = [
        turn(
            "agent",
            f"Hi Mia,\n\nThanks for the review notes, I will come back on pricing.\n\n{signature}",
            "2026-05-04T10:00:00Z",
        )
    ]
    facts = facts_of("We still need the pricing answer before we sign.", history, created_at="2026-05-06T10:00:00Z")

    assert facts.account_manager == manager


# --- deadlines: past events, passed days, requests and dates missed ---


@pytest.mark.parametrize(
    ("body", "deadlines"),
    [
        ("Thanks for the meeting on Thursday. The export still drops rows.", []),
        ("Can we have a meeting on Thursday? The export still drops rows.", ["meeting on Thursday"]),
        ("The import ran fine until the 12th. Now it drops rows.", []),
        ("We can wait until the 12th, not longer.", ["until the 12th"]),
        ("Send me the payment reference TODAY.", ["Send me the payment reference TODAY"]),
        ("We sent you the payment reference today.", []),
        ("Je veux une réponse aujourd'hui.", ["Je veux une réponse aujourd'hui"]),
        ("Nous avons reçu le fichier aujourd'hui.", []),
        ("Tenemos la reunión del consejo el día 20 y necesito las cifras.", ["reunión del consejo el día 20"]),
        ("La reunión fue el día 3 y salió bien.", []),
        ("If nothing changes we will cancel at the end of the month.", ["cancel at the end of the month"]),
        ("We cancelled the old plan at the end of last month.", []),
    ],
)
def test_a_deadline_is_a_time_still_ahead(body, deadlines):
    assert facts_of(body).deadlines == deadlines


def test_a_notices_date_of_effect_is_on_the_hand_off_and_the_reply_date_leads():
    body = "Die Kündigung wird zum 30.06.2027 wirksam. Bitte bestätigen Sie bis zum 10.06.2027 schriftlich."
    handoff, acknowledgement = drafts(body, *BILLING, created_at="2027-05-20T09:00:00Z")

    assert 'Deadline:    "bis zum 10.06.2027"; "Kündigung zum 30.06.2027"' in handoff.text
    assert "(customer deadline bis zum 10.06.2027)" in handoff.subject
    assert acknowledgement is not None and "30.06.2027" not in acknowledgement.text


@pytest.mark.parametrize(("later", "kept"), [("2026-03-16T09:00:00Z", False), ("2026-03-11T09:00:00Z", True)])
def test_a_day_set_in_an_earlier_turn_that_has_passed_is_no_deadline(later, kept):
    # Tuesday 10 March 2026: "by Friday" is the 13th
    chase = "If the sync isn't fixed by Friday I want a manager on a call."
    history = [turn("customer", chase, "2026-03-10T09:00:00Z")]
    facts = facts_of("The sync failed again last night.", history, created_at=later)

    assert ("by Friday" in facts.deadlines) is kept


@pytest.mark.parametrize(
    ("deadline", "spoken"),
    [("Je veux une réponse aujourd'hui", "aujourd'hui"), ("Send me the payment reference TODAY", "today")],
)
def test_a_request_is_echoed_by_its_time(deadline, spoken):
    assert spoken_deadline(deadline) == spoken


# --- the case and its hold ---


def test_a_refund_we_confirmed_that_never_came_is_owed_not_contested():
    history = [
        turn("customer", "I cancelled in the trial and want the $49 back.", "2026-04-01T09:00:00Z"),
        turn(
            "agent",
            "Hello, I've processed your refund of $49.00. It should show within 5 business days.",
            "2026-04-01T11:00:00Z",
        ),
    ]
    owed = facts_of(
        "Two weeks later: not a cent. Send me the refund reference.",
        history,
        labels=("financial",),
        created_at="2026-04-15T09:00:00Z",
    )
    contested = facts_of("I never agreed to the $49 charge and I dispute it.", labels=("financial",))

    assert "refund_owed" in owed.case_types and "billing_dispute" not in owed.case_types
    assert "refund_owed" not in contested.case_types


@pytest.mark.parametrize(
    ("body", "takeover"),
    [
        ("Our finance admin was logged in from abroad despite 2FA being enforced, and two keys were created.", True),
        ("Unauthorised admin login last night: please send the session logs.", True),
        ("How do I enforce 2FA for every admin on our workspace?", False),
    ],
)
def test_a_takeover_told_by_its_second_factor(body, takeover):
    assert ("account_takeover" in facts_of(body, labels=("technical",)).case_types) is takeover


@pytest.mark.parametrize(
    ("body", "outage"),
    [
        ("P1 - invoice runs fail for every client since 7am, nothing goes out.", True),
        ("Our P100 printer profile prints blank labels after the update.", False),
    ],
)
def test_an_incident_the_customer_rates_p1_is_an_outage(body, outage):
    assert ("outage" in facts_of(body, labels=("technical",)).case_types) is outage


@pytest.mark.parametrize(
    ("body", "signals", "parallel"),
    [
        ("The report totals look odd since Monday, please check.", {"security_incident": 1}, True),
        ("The report totals look odd since Monday, please check.", {}, False),
    ],
)
def test_a_security_signal_is_never_held_for_missing_information(body, signals, parallel):
    handoff, _ = drafts(body, *TECH, signals=signals)

    assert ("ask the customer in parallel" in handoff.text) is parallel


def test_the_firm_the_customer_sends_correspondence_to_is_a_named_contact_with_its_reference():
    body = (
        "We have issued a claim. All further correspondence should go to Harlow Finch Solicitors, ref. HF/CL/5521.\n\n"
        "Dana Price\nManaging Director, Price Removals Ltd"
    )
    facts = facts_of(body, labels=("legal",))

    assert "correspondence to: Harlow Finch Solicitors" in facts.contacts
    assert "HF/CL/5521" in facts.identifiers
    assert facts_of("Please direct any response to the undersigned.").contacts == []


@pytest.mark.parametrize(
    ("body", "labels", "case", "found"),
    [
        # a cost said to go from one amount to another, a revised proposal asked for
        (
            "The new quote takes our yearly cost from $80k to just over $110k. We need a revised proposal.",
            ("financial",),
            "price_increase",
            True,
        ),
        (
            "Our yearly cost went down from $80k to $70k, thanks. Please send the invoice.",
            ("financial",),
            "price_increase",
            False,
        ),
        # the renewal put out to tender
        (
            "Unless the price moves, procurement will open a formal tender in March.",
            ("financial",),
            "cancellation",
            True,
        ),
        ("Which documents do you need for the tender you are bidding on?", ("financial",), "cancellation", False),
        # a notice to end the contract in German, not an intention that passed in French
        ("Hiermit erklären wir die außerordentliche Kündigung des Vertrags.", ("legal",), "cancellation", True),
        (
            "Nous avions l'intention de résilier, mais le rappel est arrivé trop tard.",
            ("financial",),
            "cancellation",
            False,
        ),
        # another company's data sent to them, in French
        ("Vous nous avez envoyé un fichier avec les données d'une autre société.", ("legal",), "data_exposure", True),
        ("Vous nous avez envoyé un fichier avec nos données, merci.", ("legal",), "data_exposure", False),
    ],
)
def test_cases_the_eighth_check_misnamed(body, labels, case, found):
    assert (case in facts_of(body, labels=labels).case_types) is found
