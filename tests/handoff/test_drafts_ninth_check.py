"""Causes the ninth check's hand grading found, each with the form now caught and its near miss that must not change:
an account manager or director the customer writes to or names by first name, bare words read as request ids, a
reference in another language, a call asked for now, steps told in Polish, Italian and Dutch, a data leak named in
another language, and dates given in another language. Every fixture is written for this file."""

from __future__ import annotations

import pytest
from drafting import drafts_of as drafts

from triage.handoff.facts import spoken_deadline, ticket_facts
from triage.schema import Ticket

TECH = ({"technical": 0.9}, {"technical": 0.9})
LEGAL = ({"legal": 0.9}, {"legal_compliance": 0.9})


def facts_of(body: str, history: list[dict] | None = None, labels=(), **fields):
    ticket = Ticket.model_validate({"id": "N9-1", "body": body, "history": history or [], **fields})
    return ticket_facts(ticket, list(labels), set(), set())


# --- the account manager the customer names ---


@pytest.mark.parametrize(
    ("body", "manager", "contact"),
    [
        # the person greeted, said to hold the role in the same message, in either order of the words
        (
            "Priya,\n\nI am writing to you personally, as our account director, since the queue has failed us.",
            "Priya",
            "account director: Priya",
        ),
        (
            "Dear Tomasz,\n\nAfter this week's outage I'm copying you as our customer success manager.",
            "Tomasz",
            "customer success manager: Tomasz",
        ),
        ("Hi Lena,\n\nYou are our account manager, so I'm asking you as our account manager to step in.", "Lena", None),
        # a first name alone after the role
        ("Our account manager Henrik promised a credit in October and nothing came.", "Henrik", None),
        ("I raised it with our account director Maeve last week.", "Maeve", "account director: Maeve"),
        # a full name in brackets after the role, and before it
        ("Ruth Adeyemi (our account director) has not replied.", "Ruth Adeyemi", "account director: Ruth Adeyemi"),
    ],
)
def test_the_account_manager_the_customer_names_is_named(body, manager, contact):
    facts = facts_of(body)
    assert facts.account_manager == manager
    if contact:
        assert contact in facts.contacts


@pytest.mark.parametrize(
    "body",
    [
        # the person greeted is not said to hold the role
        "Hi Priya,\n\nOur account manager has left, so could you look at the invoice for us?",
        "Dear Tomasz,\n\nI'm writing to you because, as our account manager has left, nobody answers our mails.",
        # a weekday or a sentence's first word after the role is nobody's name
        "Our account manager Monday said nothing.",
        "I wrote to our account manager The day before yesterday.",
    ],
)
def test_no_account_manager_is_named_from_a_near_miss(body):
    assert facts_of(body).account_manager is None


def test_the_role_read_in_the_message_that_opens_with_the_greeting():
    history = [{"at": None, "author": "customer", "body": "Hello,\n\nAs our account director you should know this."}]
    facts = facts_of("Jonas,\n\nStill waiting on the credit note.", history=history)
    assert facts.account_manager is None  # the greeting and the role are in different messages


def test_a_titled_name_after_its_role_is_a_contact():
    facts = facts_of("Our DPO, Dr. Ines Halvorsen, asked me to collect this from you.")
    assert "dpo: Dr. Ines Halvorsen" in facts.contacts


# --- identifiers ---


def test_words_after_request_ids_are_no_identifiers():
    facts = facts_of("Request ids from the failed calls:\nreq_Q81xz0 and later req_Q81xz9.\nRequest ids attached.")
    assert "from" not in facts.identifiers and "attached" not in facts.identifiers
    assert "req_Q81xz0" in facts.identifiers


def test_request_ids_with_digits_are_still_read():
    assert facts_of("Request id: 7be2f19a, 7be2f1c4").identifiers == ["7be2f19a", "7be2f1c4"]


@pytest.mark.parametrize(
    ("body", "identifier"),
    [
        ("Meine Kundennummer 5520-1187 steht auf jeder Rechnung.", "5520-1187"),
        ("Mijn klantnummer 80412 is bekend bij u.", "80412"),
        ("Zie ons kenmerk K2026-5531 in de brief.", "K2026-5531"),
        ("Errors on our workspace (id w-77120) since noon.", "w-77120"),
    ],
)
def test_references_in_other_languages_and_brackets_are_identifiers(body, identifier):
    assert identifier in facts_of(body).identifiers


@pytest.mark.parametrize(
    "body",
    [
        "Die Hausnummer 12 ist falsch.",  # a short number is no reference
        "Die Kundennummer fehlt auf der Rechnung.",  # the word alone
        "Our orders (150 of them) are stuck.",  # a count in brackets
    ],
)
def test_no_identifier_from_a_near_miss(body):
    assert facts_of(body).identifiers == []


# --- a call asked for now ---


@pytest.mark.parametrize(
    "body",
    [
        "The dashboard is blank for everyone. I need an engineer on a call with me NOW.",
        "Nothing loads. Please call me now, not tomorrow.",
        "Payments are failing. Get someone senior to phone us NOW!",
    ],
)
def test_a_call_asked_for_now_is_a_deadline(body):
    deadlines = facts_of(body).deadlines
    assert len(deadlines) == 1
    assert spoken_deadline(deadlines[0]) == "now"


@pytest.mark.parametrize(
    "body",
    [
        "We now need a call with someone about the plan next quarter.",
        "The call dropped now and then during the demo.",
        "We need to talk about it now that the renewal is near.",
        "I'm on a call now so reply by email.",
    ],
)
def test_now_in_passing_is_no_deadline(body):
    assert facts_of(body).deadlines == []


def test_a_call_asked_for_now_is_an_action_and_echoed():
    handoff, ack = drafts("Every sync fails with error 500. I need an engineer on a call with me NOW.", *TECH)
    assert 'Deadline:    "need an engineer on a call with me NOW"' in handoff.text
    assert "call the customer now, as they ask" in handoff.text or "by their deadline" in handoff.text
    assert "reply before the customer's deadline" not in handoff.text
    assert ack is not None and "You asked for a call now" in ack.text


def test_a_call_asked_for_by_a_time_is_a_call_action():
    handoff, _ = drafts("Every sync fails with error 500. Ring me today on the office line.", *TECH)
    assert 'call the customer as they ask, before their deadline ("Ring me today")' in handoff.text


def test_a_reply_asked_for_by_a_time_stays_a_reply():
    handoff, _ = drafts("Every sync fails with error 500. I need an answer today.", *TECH)
    assert "reply before the customer's deadline" in handoff.text
    assert "call the customer" not in handoff.text


# --- steps in other languages ---


@pytest.mark.parametrize(
    "sentence",
    [
        "Sprawdziliśmy to na dwóch laptopach.",
        "Wczoraj zrestartowałam router.",
        "Abbiamo già provato un altro browser.",
        "We hebben de cache al geleegd.",
        "Nous avons supprimé le fichier.",
    ],
)
def test_steps_told_in_other_languages_are_steps(sentence):
    assert facts_of(f"Bonjour,\n\n{sentence}").customer_steps == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pobraliśmy eksport rano.",  # fetching the export is what showed the fault, no step
        "Miałem spotkanie w poniedziałek.",  # "I had a meeting"
        "Abbiamo un problema con la fattura.",
    ],
)
def test_other_first_person_sentences_are_no_steps(sentence):
    assert facts_of(sentence).customer_steps == []


# --- a data leak named in another language ---


def test_a_data_leak_in_polish_is_a_data_exposure_not_held():
    body = (
        "Dzień dobry,\n\nw raporcie widzimy dane innej firmy. To jest wyciek danych osobowych. "
        "Sprawdziliśmy to dwa razy.\n\nAnna Nowak"
    )
    handoff, _ = drafts(body, *LEGAL)
    assert "data exposure" in handoff.text
    assert "ask the customer in parallel" in handoff.text
    assert 'customer: "Sprawdziliśmy to dwa razy."' in handoff.text


def test_a_polish_ticket_without_a_leak_is_no_data_exposure():
    assert "data_exposure" not in facts_of("Proszę o fakturę korygującą za listopad.", labels=["legal"]).case_types


@pytest.mark.parametrize(
    ("body", "asked"),
    [
        # "this morning" in Polish dates the events
        ("Dziś rano nasz eksport pokazał dane innej firmy. Zgłaszamy to do UODO.", False),
        ("Nasz eksport pokazał dane innej firmy. Zgłaszamy to do UODO.", True),
    ],
)
def test_dates_in_another_language_are_not_asked_again(body, asked):
    handoff, _ = drafts(body, *LEGAL)
    assert ("when the events happened (dates)" in handoff.text) is asked


# --- a phone's last digits, money not taken, a notice's date of effect ---


@pytest.mark.parametrize(
    ("body", "identifiers"),
    [
        ("They used a phone number ending 7712 that is not mine.", []),
        ("The account lists a mobile ending in 5530 and an address I never had.", []),
        ("The charge went on my card ending 4471.", ["card ending 4471"]),  # a card's stays
        ("My card number ending 9012 was used.", ["card ending 9012"]),
    ],
)
def test_a_phones_last_digits_are_no_card(body, identifiers):
    assert facts_of(body).identifiers == identifiers


@pytest.mark.parametrize(
    ("body", "asked"),
    [
        # someone opened an account in the customer's name, and nothing was taken: no amount to ask for
        (
            "Someone opened an account in my name on 3 May. Please confirm that no payments have been taken "
            "out and close it.",
            False,
        ),
        ("Someone opened an account in my name on 3 May, and they took money from it.", True),
    ],
)
def test_the_amount_is_asked_only_when_money_was_taken(body, asked):
    handoff, _ = drafts(body, {"legal": 0.9, "financial": 0.9}, {"legal_compliance": 0.9}, signals={"fraud": 1})
    assert "fraud" in handoff.text
    assert ("the amount in dispute" in handoff.text) is asked


@pytest.mark.parametrize(
    ("body", "deadline"),
    [
        (
            "Termination will take effect 60 days from the date of this letter, that is on 2 March. Please confirm.",
            "Termination takes effect on 2 March",
        ),
        ("The cancellation takes effect on 30 June.", "cancellation takes effect on 30 June"),
    ],
)
def test_a_notices_date_of_effect_is_a_deadline(body, deadline):
    assert facts_of(body).deadlines == [deadline]


def test_a_notice_with_no_date_has_no_deadline():
    assert facts_of("Termination will take effect in due course, once we have agreed the terms.").deadlines == []


# --- records our tool removed ---


@pytest.mark.parametrize(
    "body",
    [
        "Since Tuesday your archive job deletes the wrong invoices every night.",
        "The merge button removed the originals, not the duplicates.",
    ],
)
def test_records_a_tool_removed_are_data_loss(body):
    assert "data_loss" in facts_of(body, labels=["technical"]).case_types


@pytest.mark.parametrize(
    "body",
    [
        "Please remove the wrong address from the invoice.",  # a request, not a loss
        "I deleted the original draft and sent a new one.",  # one original, the customer's own choice
    ],
)
def test_a_removal_asked_or_chosen_is_no_data_loss(body):
    assert "data_loss" not in facts_of(body, labels=["technical"]).case_types
