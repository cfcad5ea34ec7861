"""Language detection and the language-neutral evidence (triage.text.language), on hand-written tickets:
foreign-language support requests, and English ones that must stay English (short texts, foreign names)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from triage.schema import Ticket
from triage.text.language import (
    DEFAULT_LANGUAGES,
    LANGUAGES_KEY,
    detect_language,
    language_neutral_hits,
    language_neutral_signals,
    model_languages,
    ticket_text,
    trained_languages,
)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "languages.jsonl"
CASES = [json.loads(line) for line in FIXTURE.read_text().splitlines() if line.strip()]


def fixture_ticket(case: dict) -> Ticket:
    return Ticket(id=case["id"], subject=case["subject"], body=case["body"])


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_detects_the_language_of_hand_written_tickets(case):
    assert detect_language(ticket_text(fixture_ticket(case))).code == case["language"]


def test_the_fixtures_hold_english_and_four_other_languages():
    assert {"en", "fr", "de", "es", "pt"} <= {case["language"] for case in CASES}


@pytest.mark.parametrize("text", ["API down", "Refund please", "Login broken", "Kündigung", "Remboursement svp"])
def test_texts_under_four_words_fall_back_undetected(text):
    language = detect_language(text, fallback="en")
    assert (language.code, language.detected) == ("en", False)


def test_the_fallback_is_the_callers_language():
    assert detect_language("Panne", fallback="fr").code == "fr"


def test_an_unsure_guess_falls_back():
    # Long enough to ask the detector, but a French company name in an English sentence is not French.
    language = detect_language("SSO broken for Société Générale users", fallback="en")
    assert language.code == "en"
    assert 0 < language.probability < 0.9


def test_detection_reads_only_the_opening_of_a_long_ticket():
    text = "Bonjour, notre application ne démarre plus depuis la mise à jour de ce matin. " + "x" * 50_000
    assert detect_language(text).code == "fr"


def test_detection_costs_well_under_a_millisecond_per_ticket():
    texts = [ticket_text(fixture_ticket(case)) for case in CASES] * 10
    detect_language(texts[0])  # loads the detector once
    start = time.perf_counter()
    for text in texts:
        detect_language(text)
    per_ticket = (time.perf_counter() - start) / len(texts)
    assert per_ticket < 0.001, f"{per_ticket * 1e3:.2f} ms per ticket"


def test_trained_languages_of_an_english_history():
    english = [fixture_ticket(case) for case in CASES if case["language"] == "en"]
    assert trained_languages(english) == ["en"]


def test_trained_languages_ignore_a_few_foreign_rows_and_keep_a_real_share():
    english = [fixture_ticket(case) for case in CASES if case["language"] == "en" and len(case["body"]) > 60]
    french = [fixture_ticket(case) for case in CASES if case["language"] == "fr"]
    assert trained_languages(english * 40 + french[:1]) == ["en"]
    assert trained_languages(english * 3 + french * 2) == ["en", "fr"]


def test_models_saved_without_languages_read_english():
    assert model_languages({}) == DEFAULT_LANGUAGES == ("en",)
    assert model_languages({LANGUAGES_KEY: ["de", "en"]}) == ("de", "en")


@pytest.mark.parametrize(
    "text",
    [
        "en application de l'article 17 du RGPD",
        "Auskunft gemäß Art. 15 DSGVO",
        "con base en el artículo 15 del RGPD",
        "com base no art. 18 da LGPD",
        "na podstawie art. 15 RODO",
        "under Article 15 GDPR",
        "GDPR Article 20 gives me the right",
        "Verordnung (EU) 2016/679",
    ],
)
def test_data_protection_articles_are_found_in_any_language(text):
    assert language_neutral_signals({}, text) == {"privacy_article": 1}


@pytest.mark.parametrize(
    "text", ["the GDPR applies to us", "see article 5 of our terms", "Art. 15 of the contract", "AVG 15 kg"]
)
def test_a_law_or_an_article_alone_is_not_a_data_protection_article(text):
    assert language_neutral_signals({}, text) == {}


def test_only_signals_found_by_shape_are_kept():
    signals = {"money_amount": 1, "error_code": 2, "stack_trace": 1, "refund_request": 1, "legal_action": 1}
    kept = language_neutral_signals(signals, "")
    assert kept == {"money_amount": 1, "error_code": 2, "stack_trace": 1}
    assert language_neutral_hits(kept) == {"technical": 3, "financial": 1, "legal": 0}


@pytest.mark.parametrize("text", ["soit 1 240,00 € de trop", "1.240,00 EUR", "89,90 €", "Betrag: 12,50 zł"])
def test_amounts_written_the_european_way_are_money(text):
    assert language_neutral_signals({}, text) == {"money_amount": 1}


@pytest.mark.parametrize("text", ["Version 1,00 installed", "Seite 3,14 von 10"])
def test_a_decimal_comma_without_a_currency_is_not_money(text):
    assert language_neutral_signals({}, text) == {}


def test_amounts_are_counted_once_when_the_signals_found_them_too():
    assert language_neutral_signals({"money_amount": 2}, "890 € statt 490 €") == {"money_amount": 2}


@pytest.mark.parametrize(
    "text",
    [
        "erreur 503 sur l'API",
        "Fehler 500 beim Export",
        "retorna erro 502",
        "errore: 404",
        "komunikat: błąd 502",
        "kod błędu 500 przy płatności",
        "felkod 503 i appen",
        "fejlkode 500 ved login",
    ],
)
def test_an_http_status_after_a_foreign_word_for_error_is_an_error_code(text):
    assert language_neutral_signals({}, text) == {"error_code": 1}


@pytest.mark.parametrize("text", ["Ni har tagit fel 400 kr", "en fejl 500 gange"])
def test_the_swedish_and_danish_words_for_wrong_before_a_number_are_no_error_code(text):
    assert language_neutral_signals({}, text) == {}


@pytest.mark.parametrize(
    "text", ['Sale "Error 503 Service Unavailable" para todos', "HTTP 502 depuis ce matin", "504 Gateway Timeout"]
)
def test_a_server_that_is_down_is_an_outage_in_any_language(text):
    kept = language_neutral_signals({}, text)
    assert kept["outage"] == 1
    assert language_neutral_hits(kept)["technical"] >= 1


@pytest.mark.parametrize("text", ["erreur 503 sur l'API", "Fehler 500: Service Unavailable", "HTTP 404", "5030 Euro"])
def test_an_error_code_alone_is_no_outage(text):
    assert "outage" not in language_neutral_signals({}, text)


@pytest.mark.parametrize("text", ["code 12345", "error 200", "500 Mitarbeiter"])
def test_other_numbers_are_not_error_codes(text):
    assert language_neutral_signals({}, text) == {}


def test_plain_english_is_told_by_its_function_words_without_the_detector(monkeypatch):
    from triage.text import language

    monkeypatch.setattr(language, "_identifier", lambda: pytest.fail("the detector was asked"))
    found = language.detect_language("Hi, the export to our bucket fails every night and we have tried twice.")
    assert (found.code, found.detected) == ("en", True)


def test_a_foreign_letter_quoting_an_english_error_is_still_asked_and_foreign():
    from triage.text import language

    letter = (
        "Bonjour, depuis ce matin notre tableau de bord affiche une erreur et nos équipes ne peuvent plus "
        "travailler. Le message dit : 'the connection with the server has been lost'. Nous avons vidé le "
        "cache, redémarré les postes et vérifié le réseau, sans aucun résultat. Pouvez-vous regarder "
        "rapidement ? Nous avons une clôture comptable vendredi et tout est bloqué chez nous."
    )
    found = language.detect_language(letter)
    assert found.code == "fr"


@pytest.mark.parametrize(
    "text",
    [
        'En el registro aparece "Sync failed - retry in 5 min" desde anoche.',
        "Le rapport affiche « Export error: template missing » depuis lundi.",
        "Im Protokoll steht „Connection timed out“ bei jedem Versuch.",
    ],
)
def test_an_english_failure_message_quoted_in_a_foreign_ticket_is_an_error_code(text):
    assert language_neutral_signals({}, text) == {"error_code": 1}


@pytest.mark.parametrize(
    "text",
    [
        "l'erreur d'exception n'est pas grave",  # apostrophes are no quotes
        'Le titre dit "tout va bien" sur la page.',  # quoted, no failure
        "Sin errores: todo ha failed ... no, todo ha funcionado.",  # a failure word outside quotes
    ],
)
def test_quotes_without_a_failure_or_a_failure_word_unquoted_are_no_error_code(text):
    assert "error_code" not in language_neutral_signals({}, text)


@pytest.mark.parametrize(
    "text",
    [
        '¿Cómo cambio el texto del mensaje "Payment failed" que ven nuestros clientes?',
        'Wo kann ich die E-Mail-Vorlage "Login failed - too many attempts" übersetzen?',
        "Nous voulons adapter le modèle « Export error » à notre charte.",
        'Hoe pas ik de melding "Sync failed" in de app aan?',
    ],
)
def test_a_failure_message_quoted_as_a_text_to_edit_is_no_error_code(text):
    assert "error_code" not in language_neutral_signals({}, text)


@pytest.mark.parametrize(
    "text",
    [
        'Nuestros clientes ven el mensaje "Payment failed" al pagar desde esta mañana.',
        'Seit heute erscheint "Login failed - too many attempts" bei allen Nutzern.',
        '¿Por qué aparece "Sync failed: timeout" cada mañana?',  # a why, no how-to
    ],
)
def test_a_failure_message_seen_stays_an_error_code_beside_a_text_to_edit(text):
    assert language_neutral_signals({}, text) == {"error_code": 1}


# Short Scandinavian complaints of our own: the detector splits Danish and Norwegian between each other (a plain
# Danish complaint scored da 0.81 / no 0.19), so the pair counts together toward the bar.
SCANDINAVIAN = [
    ("da", "Vi er meget utilfredse, systemet har været nede hele dagen og ingen kan logge ind."),
    ("da", "Jeg er blevet trukket to gange for det samme abonnement og vil have pengene tilbage."),
    ("da", "Hej, hvordan ændrer jeg min adresse på kontoen?"),
    ("da", "Hvis I ikke refunderer beløbet inden fredag, kontakter vi vores advokat."),
    ("nb", "Vi er svært misfornøyde, systemet har vært nede hele dagen og ingen kan logge inn."),
    ("nb", "Hei, hvordan endrer jeg adressen min på kontoen?"),
    ("nb", "Jeg har blitt trukket to ganger for det samme abonnementet og vil ha pengene tilbake."),
    ("nb", "Hvis dere ikke refunderer beløpet innen fredag, kontakter vi advokaten vår."),
    ("sv", "Vi är mycket missnöjda, systemet har legat nere hela dagen och ingen kan logga in."),
    ("sv", "Hej, hur ändrar jag min adress på kontot?"),
]


@pytest.mark.parametrize(("code", "text"), SCANDINAVIAN)
def test_danish_norwegian_and_swedish_are_told_apart_and_over_the_bar(code, text):
    language = detect_language(text)
    assert (language.code, language.detected) == (code, True)


def test_danish_and_norwegian_words_overrule_a_close_pick(monkeypatch):
    from triage.text import language

    class SplitDetector:
        def rank(self, text):
            return [("no", 0.55), ("da", 0.45), ("sv", 0.0)]

    monkeypatch.setattr(language, "_identifier", lambda: SplitDetector())
    danish = detect_language("Hvad er der sket med jeres system, det har været nede af og til hele ugen")
    assert (danish.code, danish.probability, danish.detected) == ("da", 1.0, True)
    unclear = detect_language("Systemet er nede og ingen kan logge ind i dag")
    assert unclear.code == "nb"


def test_a_danish_norwegian_split_below_the_bar_together_still_falls_back(monkeypatch):
    from triage.text import language

    class UnsureDetector:
        def rank(self, text):
            return [("da", 0.5), ("no", 0.3), ("de", 0.2)]

    monkeypatch.setattr(language, "_identifier", lambda: UnsureDetector())
    assert detect_language("Systemet er nede og ingen kan logge ind i dag").detected is False
