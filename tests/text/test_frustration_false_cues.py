"""Neutral writing that must not read as frustration (reviewer's findings on the round-two cues, issue 11).
Each sentence is our own invention; each was misread before its fix."""

from __future__ import annotations

import pytest

from triage.text.frustration import lexicon_frustration


def cues_for(text: str) -> list[str]:
    return lexicon_frustration([text])[0][2]


@pytest.mark.parametrize(
    "text",
    [
        "I never booked this flight, please check my account.",  # a fraud report
        "I never ordered this item",
        "Please do not book me on a connecting flight next time",
        "I don't shop online very often, how do I track my parcel?",
    ],
)
def test_a_fraud_report_or_a_request_is_no_threat_to_leave(text: str) -> None:
    assert "threatens to leave" not in cues_for(text)


@pytest.mark.parametrize(
    "text",
    ["I will never book with this airline again.", "Don't shop from them, ever.", "Do not bank with them!"],
)
def test_a_threat_to_leave_that_names_the_company_is_heard(text: str) -> None:
    assert "threatens to leave" in cues_for(text)


def test_could_not_be_more_disappointed_is_a_real_feeling() -> None:
    [(_, level, cues)] = lexicon_frustration(["I could not be more disappointed with how this whole thing was handled"])
    assert level >= 1, cues
    # The imagined feeling beside it is still set aside.
    assert lexicon_frustration(["That could get confusing for new users; maybe add a tooltip?"])[0][1] == 0


@pytest.mark.parametrize(
    "text", ["Question about the PRO PLAN. How do I add a user?", "Invoice for ACME CORP: can you send a copy"]
)
def test_a_capitalised_plan_or_company_name_is_no_shouting(text: str) -> None:
    assert "all-caps shouting" not in cues_for(text)
    assert "all-caps shouting" in cues_for("WHY IS MY ACCOUNT STILL LOCKED")
