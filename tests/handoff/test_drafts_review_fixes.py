"""Causes a review of the ninth check's hand-off rules found, each with the reviewer's form (or a variant) and its
near misses that must not change: data a tool of ours deleted (not the customer's own slip), a call asked for now
or right away, the office's number to call back on, a data leak in another language read by the multilingual
table (with its negation and supposed cases), and a product tried out told as no step. Every fixture is written
for this file."""

from __future__ import annotations

import pytest
from drafting import drafts_of as drafts

from triage.handoff.facts import case_types, ticket_facts
from triage.schema import Ticket

TECH = ({"technical": 0.9}, {"technical": 0.9})


def facts_of(body: str, labels=()):
    ticket = Ticket.model_validate({"id": "R-1", "body": body, "history": []})
    return ticket_facts(ticket, list(labels), set(), set())


# --- data a tool of ours deleted, not the customer's own slip ---


@pytest.mark.parametrize(
    "body",
    [
        "Your dedupe tool deleted contacts that were not duplicates at all.",
        "The merge removed 40 contacts which were not duplicates.",
        "Your clean-up tool deletes the wrong events.",
        "Since the update your sync wiped the wrong records.",
    ],
)
def test_records_a_tool_of_ours_deleted_are_data_loss(body):
    assert "data_loss" in case_types(body, {"technical"})


@pytest.mark.parametrize(
    "body",
    [
        "I accidentally deleted the wrong contacts yesterday, can you restore them?",
        "What happens if I deleted the wrong contacts by mistake?",
        "We just removed the wrong contacts from the list, sorry, can you undo it?",
        "I deleted contacts that were not duplicates, sorry.",
        "We deleted the duplicates you flagged.",
        "Please remove the wrong address from my profile.",
    ],
)
def test_the_customers_own_deletion_is_no_data_loss(body):
    assert "data_loss" not in case_types(body, {"technical"})


# --- a call asked for now ---


@pytest.mark.parametrize(
    ("body", "when"),
    [
        ("The export fails on every file. Please call me now, this cannot wait.", "now"),
        ("The export fails on every file. Please call me right away on 07700 900461.", "right away"),
        ("The export fails on every file. Call me now.", "now"),
    ],
)
def test_a_call_asked_for_now_is_answered_at_once(body, when):
    _, ack = drafts(body, *TECH)
    assert ack is not None
    assert f"You asked for a call {when}: I have asked them to call you as soon as they can" in ack.text


@pytest.mark.parametrize(
    "body",
    [
        "The export fails on every file. Can you call me now that the fix is out?",
        "The export fails on every file. We now need a call about the invoice.",
        "The export fails on every file. Please call me about this now and then.",
    ],
)
def test_now_that_is_not_a_time_asks_no_call_at_once(body):
    _, ack = drafts(body, *TECH)
    assert ack is None or "You asked for a call" not in ack.text
    assert facts_of(body).deadlines == []


# --- the office's number to call back on ---


def test_the_office_number_to_call_is_the_call_back_number():
    contacts = facts_of("Please call our office on +44 20 7946 0018.").contacts
    assert "call-back number: +44 20 7946 0018" in contacts


@pytest.mark.parametrize(
    "body", ["Please call our office on Monday.", "Our office on 2 Main Street is closed this week."]
)
def test_an_office_without_a_number_gives_no_call_back_number(body):
    assert not [contact for contact in facts_of(body).contacts if contact.startswith("call-back number")]


# --- a data leak in another language, read by the multilingual table ---


@pytest.mark.parametrize(
    "body",
    [
        "V exportu vidíme data jiné firmy.",
        "Hej, vi kan se oplysninger om andre kunder i vores rapport, det er meget alvorligt.",
        "Wyciek danych! Widzimy dane innej firmy w raporcie.",
        "Wir haben ein Datenleck: Kunden sehen Daten eines anderen Kunden.",
        "Il y a une fuite de données dans votre application, nous voyons les factures d'un autre client.",
    ],
)
def test_a_leak_told_in_another_language_is_a_data_exposure(body):
    assert "data_exposure" in facts_of(body).case_types


@pytest.mark.parametrize(
    "body",
    [
        # negated, then supposed
        "Nie było żadnego wycieku danych w naszym systemie. Co robić w razie wycieku danych?",
        "Es gab kein Datenleck bei uns, wir möchten nur das Verfahren für den Fall eines Datenlecks kennen.",
        # English asked about: no Italian "data breach" read into it
        "In the event of a data breach, what is your notification period?",
        "Proszę o fakturę korygującą za listopad.",
    ],
)
def test_a_leak_denied_or_supposed_in_another_language_is_no_data_exposure(body):
    assert "data_exposure" not in facts_of(body).case_types


# --- a product tried out is no step ---


def test_a_demo_tried_out_is_no_step_and_a_fix_tried_is():
    assert facts_of("Abbiamo provato la demo l'anno scorso e ci è piaciuta.").customer_steps == []
    step = "Abbiamo provato a reimpostare la password."
    assert facts_of(step).customer_steps == [step]


def test_the_customers_own_slip_is_no_bug_and_a_fault_beside_it_is():
    assert case_types("I accidentally deleted the wrong contacts yesterday, can you restore them?", {"technical"}) == []
    assert case_types("We just removed the wrong contacts, and now the export is broken.", {"technical"}) == ["bug"]
    assert case_types("The totals on the invoice export are wrong.", {"technical"}) == ["bug"]
