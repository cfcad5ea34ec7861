"""Drafts built from facts found by shape: what the hand-off lists and asks, and what the acknowledgement says,
on tickets written for this file. Each with the form that must not change."""

from __future__ import annotations

from drafting import drafts_of


def drafts(body: str, triggers: dict[str, float], team: dict[str, float], signals=None, history=None, **customer):
    return drafts_of(body, triggers, team, "2026-05-02T09:05:00Z", signals, history, **customer)


MONEY = {"financial": 0.95}
BILLING = {"billing": 0.9, "account_management": 0.1}


def test_a_downgrade_is_no_account_at_risk_and_a_cancellation_is():
    downgrade = "We moved down to the Starter plan last month and still wait for the difference. EUR 1.480,00 is owed."
    leaving = "Cancel our subscription at the end of the term, we are moving to another provider."

    kept, _ = drafts(downgrade, MONEY, BILLING, {"cancellation": 1}, plan="business", annual_contract_value=9000)
    lost, _ = drafts(leaving, MONEY, BILLING, {"cancellation": 1}, plan="business", annual_contract_value=9000)

    assert "annual contract value $9,000\n" in kept.text and "wants to cancel" not in kept.text
    assert "EUR 1.480,00" in kept.text
    assert "annual contract value $9,000 at risk" in lost.text


def test_a_greeting_agent_turn_is_no_step_and_a_hello_just_before_is_no_earlier_contact():
    history = [
        {"author": "customer", "at": "2026-05-02T09:03:00Z", "body": "hi"},
        {"author": "agent", "at": "2026-05-02T09:04:00Z", "body": "Hello! This is Mia. How can I help you today?"},
    ]
    body = "I was charged twice for May, $89 each time. Please refund one of them."

    handoff, acknowledgement = drafts(body, MONEY, BILLING, {"billing_dispute": 1}, history=history, plan="pro")

    assert "How can I help" not in handoff.text
    assert acknowledgement is not None and "still not resolved" not in acknowledgement.text


def test_an_agent_step_asked_as_a_question_is_still_a_step():
    history = [
        {"author": "customer", "at": "2026-05-01T09:00:00Z", "body": "The app closes when I open a report."},
        {"author": "agent", "at": "2026-05-01T11:00:00Z", "body": "Hi Sam, could you try reinstalling the app?"},
    ]

    handoff, _ = drafts("Reinstalled it, it still closes.", {"technical": 0.9}, {"technical": 0.9}, history=history)

    assert "could you try reinstalling the app?" in handoff.text


def test_no_company_is_asked_of_a_signer_or_of_a_person_asking_for_their_own_data():
    signed = "We were billed twice for April, USD 2,310.00.\n\nBest,\nTara Quinn\nQuinn & Daughters Bakery"
    own_data = "Under article 15 GDPR I ask for a copy of the personal data you hold about me.\n\nRui Costa"

    billed, _ = drafts(signed, MONEY, BILLING, {"billing_dispute": 1}, plan="business", annual_contract_value=5000)
    access, _ = drafts(own_data, {"legal": 0.9}, {"legal_compliance": 0.9}, plan="business", annual_contract_value=5000)

    assert "the customer's company" not in billed.missing_information
    assert "the customer's company" not in access.missing_information
    unsigned, _ = drafts("We were billed twice for April, USD 2,310.00.", MONEY, BILLING, plan="business")
    assert "the customer's company" in unsigned.missing_information
