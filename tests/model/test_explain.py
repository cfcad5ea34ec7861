"""Reasons a support lead would keep: no lone function word, signal lines that quote the ticket, "escalation
language" that names its words, and one line per phrase."""

from __future__ import annotations

import re

import pytest

from triage.model.explain import _TOKEN, FUNCTION_WORDS, _lowered_tokens, _strongest, has_meaning
from triage.pipeline import Triage
from triage.schema import Ticket

# Words a lead called filler in review; none may stand as a reason.
FILLER = ["since", "yesterday", "we", "happened", "the", "which", "today", "2026", "a"]


@pytest.mark.parametrize("word", FILLER)
def test_function_and_time_words_have_no_meaning_of_their_own(word: str) -> None:
    assert not has_meaning(word)


@pytest.mark.parametrize("word", ["refund", "chargeback", "timeout", "gdpr", "502"])
def test_content_words_and_codes_do(word: str) -> None:
    assert has_meaning(word) or word.isdigit()


def test_function_words_never_reach_the_strongest_phrases() -> None:
    ranked = _strongest({FUNCTION_WORDS: 5.0, "(other n-grams)": 4.0, "mentions 'refund'": 1.0})
    assert [item.phrase for item in ranked] == ["mentions 'refund'"]


TICKETS = [
    {
        "id": "R-1",
        "subject": "Charged twice since yesterday",
        "body": "We were charged twice since yesterday for the same invoice and I want the second charge "
        "refunded. This is the third time I am writing about it. If it is not fixed we will dispute it with "
        "our bank.",
        "channel": "email",
    },
    {
        "id": "R-2",
        "subject": "Outage",
        "body": "Since this morning the whole platform is down for all our users and we get HTTP 503 on every "
        "call. It happened before last month too.",
        "channel": "email",
    },
]


def test_reasons_quote_evidence_and_never_a_lone_function_word(model, probe_tickets) -> None:
    tickets = [Ticket.model_validate(row) for row in TICKETS] + list(probe_tickets)
    predictions = Triage.of(model).predict(tickets)
    word_reasons = 0
    for prediction in predictions:
        assert len(prediction.reasons) == len(set(prediction.reasons)), prediction.reasons
        for reason in prediction.reasons:
            for word in re.findall(r"mentions '([^']+)'", reason):
                word_reasons += 1
                assert has_meaning(word), reason
            if reason.startswith("escalation language in the text"):
                assert re.match(r"escalation language in the text \(('|no single word stands out)", reason), reason
            if reason.startswith("signal: "):
                assert '"' in reason, reason  # the sentence that fired the signal
            if reason.startswith('"'):
                assert re.match(r"\"[^\"]+\" \((history )?mentions '", reason), reason
    assert word_reasons  # the tickets do exercise word reasons


def test_words_are_lower_cased_token_by_token_whatever_the_text():
    for text in ["Refund NOW, it's the 3rd time!", "İstanbul office: ÉCHEC de l'export", "ΣΊΣΥΦΟΣ ran"]:
        assert _lowered_tokens(text) == [token.lower() for token in _TOKEN.findall(text)]
