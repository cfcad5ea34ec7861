"""The hand-written escalation cues for French, German, Spanish, Portuguese, Italian and Dutch
(triage.text.multilingual): each language's fixture ticket that should fire does, its negated or non-literal
one does not."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from triage.text.multilingual import CUES, LANGUAGES, multilingual_signals
from triage.text.signals import trigger_hits

CASES = [json.loads(line) for line in (Path(__file__).parents[1] / "fixtures" / "multilingual.jsonl").open()]
CRITERIA_SIGNALS = {
    "outage",
    "data_loss",
    "refund_request",
    "billing_dispute",
    "chargeback",
    "cancellation",
    "legal_action",
    "regulator_complaint",
    "privacy_regulation",
}


def case_text(case: dict) -> str:
    return f"{case['subject']}\n{case['body']}"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_a_fixture_ticket_finds_its_cues_and_not_the_negated_ones(case):
    found = multilingual_signals(case_text(case), case["language"])
    assert set(case["found"]) <= set(found), found
    assert not set(case["absent"]) & set(found), found


def test_every_language_has_a_ticket_that_fires_and_one_that_must_not():
    for language in LANGUAGES:
        rows = [case for case in CASES if case["language"] == language]
        assert any(set(case["found"]) & CRITERIA_SIGNALS for case in rows), language
        assert any(case["absent"] for case in rows), language


def test_every_language_covers_every_cue_family():
    assert set(LANGUAGES) == {"fr", "de", "es", "pt", "it", "nl"}
    for language in LANGUAGES:
        assert {signal for cue_language, signal, _ in CUES if cue_language == language} == CRITERIA_SIGNALS


@pytest.mark.parametrize(
    ("language", "text", "signal"),
    [
        ("fr", "Notre avocat vous contactera.", "legal_action"),
        ("fr", "Nous n'avons pas besoin d'un avocat.", None),
        ("fr", "Nous n'avons pas reçu le remboursement promis.", "refund_request"),  # a verb between: not negated
        ("fr", "Sinon, j'écrirai à la CNIL.", "regulator_complaint"),
        ("fr", "La plateforme est à l’arrêt.", "outage"),  # the typographic apostrophe
        ("de", "Wir werden Sie verklagen.", "legal_action"),
        ("de", "Wir werden Sie nicht verklagen.", None),
        ("de", "Wenn Sie nicht erstatten, gehen wir weiter.", "refund_request"),  # a condition: a threat
        ("de", "Wir reichen Beschwerde bei der Datenschutzbehörde ein.", "regulator_complaint"),
        ("es", "Han sido cobrados dos veces, vamos a pedir un contracargo.", "chargeback"),
        ("es", "Queremos rescindir el contrato.", "cancellation"),
        ("pt", "Vamos registrar reclamação no Procon.", "regulator_complaint"),
        ("pt", "Não houve perda de dados.", None),
        ("fr", "Il n'y a pas eu de perte de données.", None),
        ("es", "Todavía no hemos recibido el reembolso.", "refund_request"),
        ("it", "Abbiamo inviato la disdetta del contratto.", "cancellation"),
        ("it", "Segnaleremo tutto al Garante per la protezione dei dati.", "regulator_complaint"),
        ("nl", "Wij hebben dataverlies na de update.", "data_loss"),
        ("nl", "Het gemiddelde (avg) is 3.", None),  # the Dutch GDPR is "AVG", in capitals
        ("nl", "Dit valt onder de AVG.", "privacy_regulation"),
    ],
)
def test_single_cues_in_context(language, text, signal):
    found = multilingual_signals(text, language)
    if signal is None:
        assert found == {}
    else:
        assert signal in found, found


def test_an_uncovered_language_or_english_finds_nothing():
    assert multilingual_signals("Wir werden Sie verklagen.", "sv") == {}
    assert multilingual_signals("Our lawyer will take you to court (tribunal).", "en") == {}


def test_hits_follow_the_trigger_signals_and_a_plain_cancellation_speaks_for_none():
    hits = trigger_hits({"outage": 2, "legal_action": 1, "cancellation": 1, "how_to_question": 1})
    assert hits == {"technical": 2, "financial": 0, "legal": 1}


@pytest.mark.parametrize("unit", ["Comment obtenir un remboursement ? ", "pas d'avocat, ", "panne ", "?"])
def test_a_long_run_of_questions_and_cues_is_read_in_linear_time(unit):
    text = unit * (40_000 // len(unit))
    start = time.perf_counter()
    multilingual_signals(text, "fr")
    assert time.perf_counter() - start < 0.5  # ~0.1 s here; a quadratic scan takes many seconds
