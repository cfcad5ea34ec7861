"""What the hand-off reads from the whole ticket: steps, deadlines, amounts, identifiers, contacts, cases."""

from __future__ import annotations

import re
import time

import pytest

from triage.handoff import facts as facts_module
from triage.handoff.facts import case_types, ticket_facts
from triage.schema import Ticket


def facts_of(body: str, labels: tuple[str, ...] = (), **fields):
    ticket = Ticket.model_validate({"id": "F-1", "body": body, **fields})
    return ticket_facts(ticket, list(labels), set())


def test_steps_the_customer_reports_in_their_own_words():
    facts = facts_of(
        "Already rolled back the deploy at 09:40, no change. We also diffed the security groups. "
        "tried chrome and firefox, cleared cache. Have you tried restarting it? If we reset the key, will it help? "
        "I forgot my password and the reset email never came. "
        "We have already asked the other clinic to delete the file.\n\nSent from my iPhone"
    )

    assert facts.customer_steps == [
        "Already rolled back the deploy at 09:40, no change.",
        "We also diffed the security groups.",
        "tried chrome and firefox, cleared cache.",
        "We have already asked the other clinic to delete the file.",
    ]


def test_steps_include_earlier_customer_turns_but_not_agent_turns():
    facts = facts_of(
        "Any news?",
        history=[
            {"author": "customer", "body": "We restarted the sync service twice."},
            {"author": "agent", "body": "We restarted our side too."},
        ],
    )

    assert facts.customer_steps == ["We restarted the sync service twice."]
    assert facts.earlier_customer_contact


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("We need this working by 3 pm, the sale starts then.", "by 3 pm"),
        ("Please fix it before Friday.", "before Friday"),
        ("I need an answer within 24 hours.", "within 24 hours"),
        ("can you lock it today", "can you lock it today"),
        ("the board meeting at 3pm depends on it", "meeting at 3pm"),
        ("we have a court filing due at 5 pm today", "filing due at 5 pm today"),
        ("we need it by end of day Wednesday", "by end of day Wednesday"),
        ("Our deadline is 15 June.", "deadline is 15 June"),
    ],
)
def test_the_customers_deadline(text, deadline):
    assert facts_of(text).deadlines == [deadline]


@pytest.mark.parametrize(
    "text",
    ["I called you today about my invoice.", "We were billed on Friday.", "It has been broken since 3 pm."],
)
def test_a_date_is_not_a_deadline(text):
    assert facts_of(text).deadlines == []


def test_amounts_identifiers_and_log_lines():
    facts = facts_of(
        "Invoice INV-20931 bills us $18,400 (about 17,000 EUR); order #55123 too. Request IDs: 7d1e-4420, 7d1e-4421.\n"
        "2026-05-12T13:21:07Z ERROR upstream timeout\n"
        "ORA-12541: TNS:no listener and AADSTS50011, txn_5Kq81 from 185.220.101.7 on /v3/charges; a follow-up e-mail."
    )

    assert facts.amounts == ["$18,400", "17,000 EUR"]
    assert set(facts.identifiers) >= {"INV-20931", "55123", "7d1e-4420", "7d1e-4421", "ORA-12541", "AADSTS50011"}
    assert {"txn_5Kq81", "185.220.101.7", "/v3/charges"} <= set(facts.identifiers)
    assert "follow-up" not in facts.identifiers and "e-mail" not in facts.identifiers
    assert facts.log_lines == ["2026-05-12T13:21:07Z ERROR upstream timeout"]


@pytest.mark.parametrize(
    ("text", "contact", "manager"),
    [
        ("My account manager, Priya Natarajan, said so.", "account manager: Priya Natarajan", "Priya Natarajan"),
        ("As agreed with Elena Rossi, our account manager, we stop.", "account manager: Elena Rossi", "Elena Rossi"),
        ("Our CISO, Anja Krüger, coordinates.", "ciso: Anja Krüger", None),
    ],
)
def test_named_contacts(text, contact, manager):
    facts = facts_of(text)

    assert facts.contacts == [contact]
    assert facts.account_manager == manager


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        ("Our API is down for all merchants, every call returns 503.", ("technical",), ["outage"]),
        ("Someone changed the email on my account and turned off 2FA.", (), ["account_takeover"]),
        ("I can see other customers' invoices in your portal.", (), ["data_exposure"]),
        ("Under GDPR I ask you to delete my personal data.", ("legal",), ["privacy_request"]),
        # a law firm's own litigation team is no legal threat without the legal trigger
        ("Our litigation team cannot open the court bundle viewer, it shows an error.", ("technical",), ["bug"]),
        ("We have decided not to renew when the contract ends.", (), ["cancellation"]),
        ("The concert was cancelled by the venue; refund my $84.", ("financial",), ["billing_dispute"]),
        # a technical label on a text where nothing fails is no defect
        ("Could you send me last year's invoices?", ("technical",), []),
    ],
)
def test_case_types(text, labels, expected):
    assert case_types(text, set(labels)) == expected


def test_time_open_spans_every_known_time():
    facts = facts_of(
        "Still broken.",
        created_at="2026-03-01T08:00:00Z",
        history=[{"at": "2026-03-04T08:00:00Z", "author": "customer", "body": "Any news?"}],
    )

    assert facts.hours_open == 72
    assert facts_of("Hello").hours_open is None


PATTERNS = [value for value in vars(facts_module).values() if isinstance(value, re.Pattern)]
ADVERSARIAL = [
    "1," * 40_000,
    "A-" * 40_000,
    "a_" * 40_000,
    "/a" * 40_000,
    "we " * 30_000,
    "by " * 30_000,
    "Aa " * 30_000,
    "$1" * 40_000,
    "1." * 40_000,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=[text[:4] for text in ADVERSARIAL])
def test_every_pattern_is_linear_on_adversarial_input(text):
    start = time.perf_counter()
    for pattern in PATTERNS:
        for line in (text, text.lower()):
            list(pattern.finditer(line))
    assert time.perf_counter() - start < 2.0
