"""Frustration as the fourth and fifth checks' author writes it (session 10): a business's urgency that is no
tone, "right now" meaning "currently", sarcasm and scare quotes, polite churn ("we will not be renewing", a
competing proposal), being ignored or not told, a chaser that names a ticket, a few capitals of emphasis in a
long message, and a statute's name or the customer's own unfinished step that is no grievance. Beside each, the
calm or literal form that must stay quiet. Every sentence is our own invention, labelled by docs/labelling.md."""

from __future__ import annotations

import pytest

from triage.text.frustration import analyse_cues, lexicon_frustration


def _cues(text: str):  # type: ignore[no-untyped-def]
    return analyse_cues([text])[0].cues


def _tone_cues(text: str) -> list[str]:
    cues = _cues(text)
    return [*cues.mild_words, *cues.strong_words, *cues.sarcasm, *cues.repeat_contact, *cues.persistence,
            *cues.demands, *cues.grievances, *cues.threats]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "The export failed overnight; the practical deadline for us is 14:00 UTC.",
        "Our clients are waiting on these statements, so please let me know an incident reference.",
        "Could you have a look before the board meeting on Thursday?",
    ],
)
def test_the_business_urgency_alone_is_no_tone(text: str) -> None:
    assert not _cues(text).pressure
    assert lexicon_frustration([text])[0][1] == 0


def test_the_business_urgency_counts_beside_a_tone() -> None:
    assert _cues("This is ridiculous, our clients are waiting.").pressure == ["clients are waiting"]


@pytest.mark.parametrize("text", ["Please freeze my card asap", "I need my card now!"])
def test_impatience_counts_on_its_own(text: str) -> None:
    assert _cues(text.lower()).pressure


@pytest.mark.parametrize(
    ("text", "impatient"),
    [
        ("Right now the template only takes one VAT rate; is there a way to set two?", False),
        ("Right now we export to CSV and paste it in by hand.", False),
        ("I need this sorted right now.", True),
        ("Fix it right now!", True),
    ],
)
def test_right_now_as_currently_is_no_impatience(text: str, impatient: bool) -> None:
    assert bool(_cues(text.lower()).pressure) is impatient


@pytest.mark.parametrize(
    "text",
    [
        "The new sync really keeps the team on their toes.",
        "Your 'fix' changed nothing.",
        "Every total was 'helpfully' rounded to the nearest hundred.",
        "Seriously, who signed off on this layout?",
        "Could someone who's aware that weekends exist look at the schedule?",
    ],
)
def test_sarcasm_and_scare_quotes_are_heard(text: str) -> None:
    assert _cues(text.lower()).sarcasm, _tone_cues(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "Could you apply the fix to our second workspace too?",
        "The invoices stay 'Open' after payment.",
        "Who approved the refund, so that I can thank them?",
        "The release notes say the fix is 'rolling out' this week.",
    ],
)
def test_a_literal_quote_or_question_is_no_sarcasm(text: str) -> None:
    assert not _cues(text.lower()).sarcasm


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("Unless the uplift is withdrawn, we will not be renewing in March.", "threatens to leave"),
        ("We have a competing proposal on the table.", "threatens to leave"),
        ("Our CFO asked whether we should keep paying for a platform that loses data.", "threatens to leave"),
        ("Fix it or I move my shop to something that works.", "threatens to leave"),
        ("I'll make sure everyone in our trade association hears how you operate.", "threatens a public review"),
        ("I have lodged a complaint with the Information Commissioner's Office.", "threatens legal action"),
    ],
)
def test_polite_and_plain_threats_are_heard(text: str, threat: str) -> None:
    assert threat in _cues(text.lower()).threats


@pytest.mark.parametrize(
    "text",
    [
        "We will be renewing in March, please send the order form.",
        "Does the import support a competitor's file format?",
        "Please make sure everyone on the team hears about the maintenance window.",
        "Should we keep the old workspace or archive it?",
    ],
)
def test_a_renewal_or_a_plain_question_is_no_threat(text: str) -> None:
    assert not _cues(text.lower()).threats


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Since you've ignored me twice, I am writing again.", "ignored me"),
        ("We weren't warned about the per-call charge.", "weren't warned"),
        ("You changed the plan without a word.", "without a word"),
        ("Our bookkeeper has been asking me about it for a week.", "has been asking"),
        ("Forty people sitting here doing nothing.", "sitting here doing nothing"),
        ("With respect, that isn't an answer.", "isn't an answer"),
        ("Not thrilled about this, to be honest.", "not thrilled"),
        ("I would have expected the fee to be checked first.", "would have expected"),
        ("The new dashboard is a step backwards.", "step backwards"),
        ("Don't send me another help article.", "don't send me another help article"),
        ("Please let me know what you're doing about it.", "what you're doing about"),
        ("Any news on ENG-21877?", "any news on eng-21877"),
        ("I did everything on your list and it still crashes.", "still crashes"),
        ("Handled so carelessly.", "carelessly"),
    ],
)
def test_polite_and_curt_frustration_is_heard(text: str, cue: str) -> None:
    assert any(cue in found for found in _tone_cues(text.lower())), _tone_cues(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "We were warned about the maintenance, thanks for that.",
        "The call is listed at 10:41 and again at 10:42 in your log.",
        "Would be good to get the reports going again this week.",
        "We take this seriously, so please advise on the next steps.",
        "What's going on with the delivery date for our new cards?",
        "The complaint alleges violations of the Unfair Competition Law.",
        "Please stop sending me the weekly digest.",
    ],
)
def test_calm_or_literal_forms_stay_quiet(text: str) -> None:
    assert not _tone_cues(text.lower()), _tone_cues(text.lower())


def test_an_unfair_fee_is_still_a_grievance() -> None:
    assert "unfair" in _cues("this fee is unfair").grievances


@pytest.mark.parametrize(
    ("text", "repeated"),
    [
        ("Todavía no he configurado el IVA en ningún sitio. ¿Dónde se hace?", False),
        ("Todavía no he recibido el reembolso que me prometieron.", True),
        ("Seguimos sin respuesta, otra vez.", True),
    ],
)
def test_a_spanish_step_not_taken_yet_is_no_repeat_contact(text: str, repeated: bool) -> None:
    assert bool(_cues(text.lower()).repeat_contact) is repeated


@pytest.mark.parametrize(
    ("text", "emphasised"),
    [
        (
            "We re-saved the schedules on Thursday as you suggested, checked every recipient and ran the reports by "
            "hand, which works. Your fix did NOTHING and the Monday report failed again this morning.",
            True,
        ),
        ("Give. Me. My. Money.", True),
        ("Please add a seat for our new paralegal. She should NOT see the partners' billing folder.", False),
    ],
)
def test_a_few_capitals_in_a_long_message_are_emphasis(text: str, emphasised: bool) -> None:
    assert bool(_cues(text).emphasis) is emphasised
