"""Norwegian (Bokmål) escalation cues (triage.text.multilingual), on sentences of our own: each cue family fires, and
its negated, asked-about, conditional or routine twin does not. The detector must read them as Norwegian."""

from __future__ import annotations

import pytest

from triage.text.language import detect_language
from triage.text.multilingual import multilingual_signals

FIRES = [
    ("Hele plattformen ligger nede siden klokka åtte.", "outage"),
    ("Ingen kan logge inn i nettbanken i dag.", "outage"),
    ("Etter oppdateringen er alle kontaktene våre borte.", "data_loss"),
    ("Vedleggene mangler fortsatt etter gjenopprettingen.", "data_loss"),
    ("Jeg krever refusjon for de tre siste månedene.", "refund_request"),
    ("Dere har trukket 499 kr to ganger for samme måned.", "billing_dispute"),
    ("Vi har fått en feil faktura for april.", "billing_dispute"),
    ("Vi har bestridt betalingen hos banken og startet en chargeback, noe vi helst ville unngått.", "chargeback"),
    ("Vi sier opp abonnementet fra neste måned.", "cancellation"),
    ("Saken er nå oversendt til advokaten vår.", "legal_action"),
    ("Vi tar saken videre til forliksrådet.", "legal_action"),
    ("Vi klager saken inn til Forbrukertilsynet.", "regulator_complaint"),
    ("Vi melder dette til Datatilsynet.", "regulator_complaint"),
    ("Dette er et klart brudd på personvernforordningen.", "privacy_regulation"),
    ("Det står tre kjøp på kortet som jeg ikke har godkjent.", "fraud"),
    ("Kunden ble utsatt for svindel via en falsk betalingsside.", "fraud"),
    ("Dette haster, vi trenger svar i dag.", "urgency"),
    ("I eksporten ser vi opplysninger om andre kunder.", "security_incident"),
    ("Vi har hatt en datalekkasje via API-et.", "security_incident"),
    ("Feilen i kalenderen er tilbake etter oppdateringen.", "recurring_fault"),
    ("Vi hever avtalen på grunn av vesentlig mislighold.", "legal_action"),  # termination rights count as legal
    ("Hvis dere ikke refunderer beløpet, går vi til advokat.", "legal_action"),  # a condition: a threat
]
SILENT = [
    "Systemet er ikke nede, det var bare nettleseren min.",
    "Vi har ikke behov for en advokat.",
    "Det har ikke vært noe datatap.",
    "Ingen filer er borte, alt er på plass igjen.",
    "Dere har ikke trukket beløpet to ganger, jeg tok feil.",
    "Refusjon er ikke nødvendig, bare rett neste faktura.",
    "Kontaktene er borte igjen fra listen over duplikater, takk for hjelpen.",
    "Det var ingen driftsforstyrrelse i natt.",
    "Sesongen har begynt igjen - kan vi få tre ekstra brukere?",  # no fault word: no recurring fault
    "Hvordan melder vi en datalekkasje?",  # a procedure asked about, no incident
    "Vi har aldri hatt et sikkerhetsbrudd.",
    "Er det mulig å heve avtalen ved flytting?",  # a termination right asked about, not invoked
]
HOW_TO = [
    "Hvordan kan jeg få refusjon for en dobbel bestilling?",
    "Hvordan sier jeg opp abonnementet?",
    "Hvor mye koster 20 lisenser?",
    "Kan dere sperre kortet mitt?",
    "Vennligst send en fakturakopi for mars (1 240,00 kr).",
    "Jeg vil gjerne endre leveringsadressen.",
]


@pytest.mark.parametrize(("text", "signal"), FIRES)
def test_a_norwegian_cue_fires(text, signal):
    assert signal in multilingual_signals(text, "nb")


@pytest.mark.parametrize("text", SILENT)
def test_a_negated_or_routine_norwegian_twin_stays_silent(text):
    found = multilingual_signals(text, "nb")
    assert not set(found) - {"how_to_question"}, found


@pytest.mark.parametrize("text", HOW_TO)
def test_a_norwegian_routine_question_or_request_is_a_routine_ask(text):
    found = multilingual_signals(text, "nb")
    assert set(found) == {"how_to_question"}, found


def test_how_can_it_be_opens_a_norwegian_complaint():
    text = "Hvordan kan det ha seg at vi ser opplysninger om andre kunder i rapporten?"
    assert "security_incident" in multilingual_signals(text, "nb")


def test_a_refund_beside_a_routine_request_is_money_at_stake():
    found = multilingual_signals(
        "Send en fakturakopi. Dere har trukket oss to ganger, vi vil ha pengene tilbake.", "nb"
    )
    assert "how_to_question" not in found
    assert {"billing_dispute", "refund_request"} <= set(found)


@pytest.mark.parametrize("text", [text for text, _ in FIRES] + SILENT + HOW_TO)
def test_the_detector_reads_the_fixtures_as_norwegian(text):
    language = detect_language(text)
    assert language.code == "nb" or not language.detected, language
