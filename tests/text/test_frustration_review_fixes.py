"""Frustration cues from a review of the tenth session's rules, each by its cause and with twins that must not move: a
business acronym is no sentiment word ("PO"), "never came across" is no promise broken and a one-time or SMS code that
never arrived is a delivery fault, a routine procurement review is no threat to leave. Every sentence is our own
invention."""

from __future__ import annotations

import pytest

from triage.text.frustration import analyse_cues, lexicon_frustration


def _cues(text: str):  # type: ignore[no-untyped-def]
    return analyse_cues([text])[0].cues


def _level(text: str) -> int:
    return lexicon_frustration([text])[0][1]


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Can you add our PO number to the March invoice?", "PO"),  # VADER's "po" is -2.6
        ("Our AML team needs the March statement as a PDF, please.", "AML"),  # and "aml" +3.4
    ],
)
def test_a_business_acronym_is_no_sentiment_word(text: str, acronym: str) -> None:
    assert _cues(text).vader_compound == _cues(text.replace(acronym, "QQZ")).vader_compound
    assert _level(text) == 0


def test_a_sentiment_word_beside_an_acronym_still_counts() -> None:
    assert _cues("Our PO was rejected again, this is terrible.").vader_compound < -0.3


@pytest.mark.parametrize(
    "text",
    [
        "I never came across this setting before, where is it?",
        "The retention question never came up in our onboarding call; what is the default?",
        "The SMS code never arrived. Could you check the phone number on my profile?",
        "I never got a one-time password when signing in from the new laptop.",
    ],
)
def test_no_promise_broken(text: str) -> None:
    assert not _cues(text).grievances


@pytest.mark.parametrize(
    "text",
    [
        "The replacement card never came, and it has been three weeks.",
        "I got an SMS code on Monday but the refund never came.",
        "Support never came back to me after the call.",
    ],
)
def test_what_never_came_is_still_a_grievance(text: str) -> None:
    assert "never came" in _cues(text).grievances


def test_a_routine_procurement_review_is_no_leaving_threat() -> None:
    routine = "We will start evaluating alternatives next quarter as part of our normal procurement review."
    assert not _cues(routine).threats
    assert "threatens to leave" in _cues("After this outage we will start evaluating alternatives.").threats
