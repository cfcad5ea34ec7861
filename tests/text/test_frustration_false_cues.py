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


@pytest.mark.parametrize("text", ["DO NOT FLY with this airline.", "I just WANT MY BAG, it has been ten days."])
def test_three_capitalised_words_with_a_short_one_are_shouting(text: str) -> None:
    assert "all-caps shouting" in cues_for(text)


@pytest.mark.parametrize(
    ("text", "misread_as"),
    [
        ("The app crashes every time I try to upload a photo.", "the problem persists"),  # a plain bug report
        ("After the fix I now get another error on the login page.", "the problem persists"),
        ("I haven't received the password reset email yet.", "stonewalled"),
        ("Our store cannot accept card payments since this morning.", "stonewalled"),  # an outage report
        ("What is the point of contact for our renewal?", '"what is the point'),
        ("How hard is it to add a second admin?", '"how hard'),
        ("How difficult is it to migrate our data from the old plan?", '"how difficult'),
        ("Thanks, and sorry for the inconvenience!", '"inconvenience'),
    ],
)
def test_neutral_writing_gets_no_frustration_cue(text: str, misread_as: str) -> None:
    assert not any(cue.startswith(misread_as) for cue in cues_for(text)), cues_for(text)


def test_sorry_for_the_inconvenience_is_courtesy() -> None:
    assert lexicon_frustration(["Thanks, and sorry for the inconvenience!"])[0][1] == 0


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Every time I call, I get a different answer.", "the problem persists"),
        ("Another error on Monday, the same one as last week.", "the problem persists"),
        ("The same outage on 1618 as on the flight out.", "the problem persists"),
        ("Another delay on the 3rd, after the one in May.", "the problem persists"),
        ("I still haven't received the refund.", "stonewalled"),
        ("We haven't heard back from anyone for two weeks.", "stonewalled"),
        ("I cannot accept this answer.", "stonewalled"),
        ("How hard can it be to send an invoice?", '"how hard can it be'),
        ("What is the point of paying for priority support?", '"what is the point'),
        ("This has been a huge inconvenience for our whole team.", '"inconvenience'),
    ],
)
def test_the_same_cues_still_heard_when_they_are_complaints(text: str, cue: str) -> None:
    assert any(found.startswith(cue) for found in cues_for(text)), cues_for(text)
