"""Tickets in a language the model was not trained on (triage.pipeline with triage.text.language): the
prediction says the language, abstains, and its triggers come only from the language-neutral signals and, in
the languages it covers, the hand-written cue table (triage.text.multilingual)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import triage.pipeline as pipeline
from triage.pipeline import UNREADABLE_MAX_CONFIDENCE, Triage
from triage.schema import Ticket
from triage.text.language import LANGUAGES_KEY
from triage.text.multilingual import CUES

FIXTURES = Path(__file__).parent / "fixtures"
CASES = [json.loads(line) for line in (FIXTURES / "languages.jsonl").open()]
# Each covered language's tickets that fire and negated or non-literal ones that must not (tests/text too).
CUE_CASES = [json.loads(line) for line in (FIXTURES / "multilingual.jsonl").open()]

FOREIGN = [case for case in CASES if case["language"] != "en"]
ENGLISH = [case for case in CASES if case["language"] == "en"]


def fixture_ticket(case: dict) -> Ticket:
    return Ticket.model_validate({key: case[key] for key in ("id", "subject", "body")})


@pytest.fixture(scope="module")
def triage(model) -> Triage:
    return Triage.of(model)


def test_the_trained_model_records_its_languages(trained, model):
    assert trained[0].metadata[LANGUAGES_KEY] == ["en"]  # the demo history is English
    assert model.metadata[LANGUAGES_KEY] == ["en"]  # and keeps them through saving and loading


@pytest.mark.parametrize("case", FOREIGN, ids=[case["id"] for case in FOREIGN])
def test_a_foreign_ticket_abstains_with_its_language(triage, case):
    prediction = triage.predict([fixture_ticket(case)])[0]
    assert prediction.language == case["language"]
    assert prediction.recommendation.abstain
    assert prediction.reasons[0] == f"abstain, human review: language {case['language']} is not supported"
    assert prediction.recommendation.confidence <= UNREADABLE_MAX_CONFIDENCE
    assert not prediction.auto_apply


@pytest.mark.parametrize("case", FOREIGN, ids=[case["id"] for case in FOREIGN])
def test_a_foreign_tickets_triggers_come_from_language_neutral_signals_and_the_cue_table_only(triage, case):
    prediction = triage.predict([fixture_ticket(case)])[0]
    expected = set(case["neutral"]) | set(case["cues"])
    for name, probability in prediction.triggers.items():
        if name in expected:
            assert probability > 0.5, (name, prediction.triggers)
        else:
            assert probability == 0.05, (name, prediction.triggers)
    assert set(prediction.trigger_labels) <= expected
    cue_signals = {signal for _, signal, _ in CUES} | {"how_to_question"}
    assert set(prediction.signals) <= {"money_amount", "error_code", "stack_trace", "privacy_article"} | cue_signals


@pytest.mark.parametrize("case", CUE_CASES, ids=[case["id"] for case in CUE_CASES])
def test_a_covered_languages_cues_set_the_tier_and_team_and_it_still_abstains(triage, case):
    prediction = triage.predict([fixture_ticket(case)])[0]
    assert prediction.language == case["language"]
    assert prediction.reasons[0] == f"abstain, human review: language {case['language']} is not supported"
    assert prediction.recommendation.abstain and not prediction.auto_apply
    assert prediction.recommendation.tier == case["tier"], prediction.rules_fired
    if case["team"] is not None:
        assert prediction.recommendation.team == case["team"], prediction.rules_fired


def test_english_predictions_are_the_same_without_the_cue_table(triage, monkeypatch):
    tickets = [fixture_ticket(case) for case in ENGLISH]
    with_table = triage.predict(tickets)
    asked: list[str] = []
    monkeypatch.setattr(pipeline, "multilingual_signals", lambda text, language: asked.append(language) or {})
    assert triage.predict(tickets) == with_table
    assert asked == []  # the table is read only for a language the model was not trained on


def test_a_foreign_outage_report_is_not_a_confident_first_tier_answer(triage):
    outage = next(case for case in FOREIGN if case["id"] == "fr-outage")
    recommendation = triage.predict([fixture_ticket(outage)])[0].recommendation
    assert recommendation.abstain and recommendation.confidence <= UNREADABLE_MAX_CONFIDENCE


def test_a_foreign_tickets_hand_off_is_drafted_from_the_same_prediction(triage):
    tickets = [fixture_ticket(case) for case in FOREIGN]
    drafted = triage.handoffs(tickets)
    assert [prediction for prediction, _, _ in drafted] == triage.predict(tickets)
    escalated = [
        (ticket, handoff) for ticket, (p, handoff, _) in zip(tickets, drafted, strict=True) if p.escalation.escalate
    ]
    assert escalated  # a stack trace with its error code is enough to leave the first tier
    for ticket, handoff in escalated:
        assert handoff is not None and ticket.body[:40] in handoff.text


@pytest.mark.parametrize("case", ENGLISH, ids=[case["id"] for case in ENGLISH])
def test_english_tickets_with_foreign_names_or_few_words_stay_english(triage, case):
    prediction = triage.predict([fixture_ticket(case)])[0]
    assert prediction.language == "en"
    assert not any("is not supported" in reason for reason in prediction.reasons)


def test_a_model_trained_on_french_reads_french(model):
    french_too = replace(model, metadata={**model.metadata, LANGUAGES_KEY: ["en", "fr"]})
    outage = next(case for case in FOREIGN if case["id"] == "fr-outage")
    prediction = Triage.of(french_too).predict([fixture_ticket(outage)])[0]
    assert prediction.language == "fr"
    assert not any("is not supported" in reason for reason in prediction.reasons)


def test_a_model_saved_before_languages_were_recorded_reads_english_only(model):
    old = replace(model, metadata={k: v for k, v in model.metadata.items() if k != LANGUAGES_KEY})
    triage = Triage.of(old)
    assert triage.languages == ("en",)
    german = next(case for case in FOREIGN if case["id"] == "de-lawyer")
    assert triage.predict([fixture_ticket(german)])[0].recommendation.abstain
