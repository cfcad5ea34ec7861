"""Misfires the fifteenth session's review found in the hand-off rules, each with the form now caught and its near
miss that must not change: a refund owed told in another language replaces the dispute as in English; an
executive copied in by a "Cc:" inside the text is a named contact; a residency breach against a requirement
("requires the data to stay in the EU") or by a failover. Every fixture is written for this file."""

from __future__ import annotations

import pytest

from triage.handoff.facts import case_types, residency_breach, ticket_facts
from triage.schema import Ticket

MONEY = {"financial"}


@pytest.mark.parametrize(
    "text",
    [
        "Votre collègue m'a confirmé par écrit le remboursement de 310 € le 2 mars. Je n'ai toujours rien reçu.",
        "Ihr Kollege sagte, die Rückerstattung von 320 € wurde veranlasst. Ich habe noch immer nichts erhalten.",
        "Me dijeron que el reembolso de 210 € ha sido aprobado. Todavía no he recibido nada.",
        "Mi avete scritto che il rimborso di 90 € è stato disposto. Non ho ancora ricevuto nulla.",
        "De terugbetaling van 75 € is verwerkt, zei uw collega. Ik heb nog steeds niets ontvangen.",
        "O reembolso de 60 € foi aprovado em maio. Ainda não recebi nada.",
    ],
)
def test_a_refund_owed_in_another_language_replaces_the_dispute(text):
    assert case_types(text, MONEY) == ["refund_owed"]


@pytest.mark.parametrize(
    "text",
    [
        "Vous m'avez facturé deux fois 540 € le 4 novembre. Je demande le remboursement du double prélèvement.",
        "Sie haben 320 € doppelt abgebucht. Ich verlange die Rückerstattung der doppelten Abbuchung.",
        "Me han cobrado dos veces 210 €. Solicito el reembolso del cargo duplicado.",
    ],
)
def test_a_refund_asked_for_in_another_language_is_still_a_dispute(text):
    assert case_types(text, MONEY) == ["billing_dispute"]


def contacts_of(body: str) -> list[str]:
    ticket = Ticket.model_validate({"id": "F15-1", "body": body, "history": []})
    return ticket_facts(ticket, [], set(), set()).contacts


def test_an_executive_copied_in_inside_the_text_is_a_named_contact():
    contacts = contacts_of(
        "Since 7:40 none of our 90 pharmacists can open the dispensing app. "
        "Cc: Dr. Omar Lindqvist (Chief Nursing Officer), helpdesk@hospital.example"
    )
    assert "copied in (Chief Nursing Officer): Dr. Omar Lindqvist" in contacts
    assert "copied in (VP Operations): Marta Quinn" in contacts_of("Reports fail. CC: Marta Quinn (VP Operations)")


@pytest.mark.parametrize(
    "body",
    [
        "Reports fail since Monday. Cc: Marta Quinn (intern), ops@example.com",
        "Reports fail since Monday. I will cc: our finance team (CFO office) later.",
        "Please add Cc: Marta Quinn (CFO) to the invoice template.",
    ],
)
def test_a_cc_in_the_text_without_an_executive_after_a_sentence_is_no_contact(body):
    assert not any(contact.startswith("copied in") for contact in contacts_of(body))


@pytest.mark.parametrize(
    "text",
    [
        "Our audit showed the exports are hosted in ap-southeast-2. The agreement requires all customer data to "
        "remain in Canada.",
        "The Frankfurt cluster failed over to US-West last night; our DPA requires that our data stays within the EU.",
    ],
)
def test_data_moved_against_a_requirement_or_by_a_failover_is_a_residency_breach(text):
    assert residency_breach(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our exports are stored in eu-central-1, and our DPA requires the data to stay in the EU.",
        "The Frankfurt cluster failed over to EU-West last night. Our contract requires that our data stays in the EU.",
        "Our DPA requires the data to stay in the EU. Can you confirm where the exports are stored?",
        "If the Frankfurt cluster failed over to US-West, would that breach our DPA? It requires that data stays in "
        "the EU.",
    ],
)
def test_data_kept_in_its_zone_or_a_failover_asked_about_is_no_residency_breach(text):
    assert not residency_breach(text)
