"""Misfires the fifteenth session's review found in the hand-off rules, each with the form now caught and its near
miss that must not change: a refund owed told in another language replaces the dispute as in English. Every
fixture is written for this file."""

from __future__ import annotations

import pytest

from triage.handoff.facts import case_types

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
