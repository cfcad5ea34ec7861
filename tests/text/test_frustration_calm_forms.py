"""Calm forms that a review of the fifth check's lexicon found read as frustration (session 10): a preposition
("with respect to"), a button's or plan's name in quotes, a question or a polite request read as a demand, a
colleague's note read as a threat to go public, an instruction's or a name's capitals, a system calling an API, and
a choice between two tools read as churn. Beside each, the real cue that must still fire. Every sentence is our
own invention, labelled by docs/labelling.md."""

from __future__ import annotations

import pytest

from triage.text.frustration import analyse_cues, lexicon_frustration


def _cues(text: str):  # type: ignore[no-untyped-def]
    return analyse_cues([text])[0].cues


def _level(text: str) -> int:
    return lexicon_frustration([text])[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "Could you check the balance with respect to the invoice dated 3 May?",
        "I clicked the 'Update' button and the page reloaded.",
        "We are on the 'Unlimited' plan and would like to add two seats.",
        "Can you fix it or should I reinstall?",
        "Please make sure everyone on the team knows about this workaround.",
        "Please do NOT delete the archived projects when you migrate us.",
        "Users Should NOT see the admin tab after the change.",
        "The account belongs to J. K. L. Smith. Please update the name on the invoice.",
        "Our backend has been calling the API for two weeks without errors.",
        "We are deciding whether we should keep using the legacy importer or the new one.",
    ],
)
def test_the_calm_form_reads_calm(text: str) -> None:
    assert _level(text) == 0
    assert lexicon_frustration([text])[0][2] == []


def test_a_polite_request_to_stop_the_emails_is_no_demand() -> None:
    # VADER still hears "stop" as a little negative (level 1 without a cue); the demand is what made it level 2.
    text = "Could you stop sending me the weekly digest emails?"
    assert not _cues(text).demands
    assert _level(text) <= 1


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("With all due respect, this is not an answer.", "mild_words"),
        ("Your 'fix' broke the export.", "sarcasm"),
        ("Your 'unlimited' plan throttles at five gigabytes.", "sarcasm"),
        ("Every total was 'helpfully' rounded.", "sarcasm"),
        ("Fix it or I'll cancel.", "demands"),
        ("Sort it out or else.", "demands"),
        ("Stop sending me these emails.", "demands"),
        ("I'll make sure every business owner in our chamber hears how you operate.", "threats"),
        ("I will make sure all your other customers know about this.", "threats"),
        ("I did NOT authorise this payment.", "emphasis"),
        ("Give. Me. My. Money.", "emphasis"),
        ("I have been calling you for two weeks about this.", "grievances"),
        ("We are wondering whether we should keep paying for this at all.", "threats"),
        ("We are deciding whether we should keep using your service.", "threats"),
    ],
)
def test_the_real_cue_still_fires(text: str, cue: str) -> None:
    assert getattr(_cues(text), cue)
    assert _level(text) >= 1
