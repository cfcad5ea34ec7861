"""Frustration as real customers write it (issue 11): annoyance said politely, sarcasm, grievances, impatience
and polite threats to leave are heard; negations, thank-yous and requests are not mistaken for them. Every
ticket here is our own invention, labelled by the guide's levels (docs/labelling.md)."""

from __future__ import annotations

import numpy as np
import pytest

from triage.text.frustration import lexicon_frustration

# Level 1-2 by the guide, without a single angry word.
POLITE_ANNOYANCE = [
    "This is the third time I'm writing about the same invoice.",
    "Frankly, I expected better from a product we pay this much for.",
    "I'm disappointed that nobody got back to me after my last message.",
    "Great, another outage. Our team lost the whole morning.",
    "We need the export fixed by end of day, the board meeting is tomorrow.",
    "If this drags on we will be evaluating other providers at renewal.",
    "Your agent refused to escalate and then the chat disconnected me.",
    "They have called my mobile 14 times this week although I asked them to stop.",
    "I was on hold for 50 minutes and then someone hung up on me.",
    "The payment was taken without my consent and I still have no explanation.",
    "Why did you charge me twice for the same order?",
    "Honestly this is not good enough for a paid plan.",
    "The account is still locked an hour after I updated the card, and we have clients waiting.",
    "Your outage leaked our data and nobody informed us. What are you doing about it?",
    "you billed me twice for march. fix it",
]
CALM = [
    "Hi, could you tell me when the new card ships?",
    "Thanks again for the quick fix yesterday!",
    "Can you send the password reset link again? The first one expired.",
    "Thanks so much for the help, that worked.",
    "No rush at all, this is not urgent: whenever someone has a moment.",
    "Could you walk me through exporting invoices to CSV?",
]

# What went wrong, said plainly: an error, a failed job, a stolen card, a disputed debt is the stakes, not the
# tone (docs/labelling.md), so VADER's negative words for them do not make these annoyed.
PLAIN_PROBLEM_REPORTS = [
    "The scheduled backup failed with a permission error overnight. Can someone check the logs?",
    "My card was stolen yesterday, please block it and send a new one.",
    "I am a victim of identity fraud: an account was opened in my name. What documents do you need?",
    "I dispute this debt; please send me the original contract.",
    "Contactless payments don't seem to work on my card, what could be the problem?",
    "Monitoring warning: disk usage critical on the reporting server.",
]


def levels(texts: list[str]) -> list[int]:
    return [level for _, level, _ in lexicon_frustration(texts)]


def cues_for(text: str) -> list[str]:
    return lexicon_frustration([text])[0][2]


@pytest.mark.parametrize("text", POLITE_ANNOYANCE)
def test_polite_annoyance_is_heard(text: str) -> None:
    [(score, level, cues)] = lexicon_frustration([text])
    assert level >= 1, (score, cues)
    assert cues, "a level above 0 must come with a readable cue"


@pytest.mark.parametrize("text", CALM + PLAIN_PROBLEM_REPORTS)
def test_calm_requests_thanks_and_plain_problem_reports_stay_calm(text: str) -> None:
    [(score, level, cues)] = lexicon_frustration([text])
    assert level == 0, (score, cues)


def test_polite_annoyance_outranks_calm_on_average() -> None:
    annoyed = np.mean([score for score, _, _ in lexicon_frustration(POLITE_ANNOYANCE)])
    calm = np.mean([score for score, _, _ in lexicon_frustration(CALM)])
    assert annoyed > calm + 0.15


def test_a_negated_feeling_is_not_counted() -> None:
    cues = cues_for("I'm not angry, just confused about the new invoice layout.")
    assert '"angry"' not in cues
    assert '"confused"' in cues
    assert levels(["I'm not angry, just confused about the new invoice layout."]) == [1]
    assert '"angry"' in cues_for("I'm angry about the new invoice layout.")


def test_thanks_for_nothing_is_sarcasm_but_thanks_for_the_help_is_not() -> None:
    assert any(cue.startswith("sarcasm") for cue in cues_for("Well, thanks a lot for nothing."))
    assert not any(cue.startswith("sarcasm") for cue in cues_for("Thanks so much for the help."))
    assert levels(["Well, thanks a lot for nothing."]) >= [1]


def test_praise_followed_by_another_failure_is_sarcasm() -> None:
    assert any(cue.startswith("sarcasm") for cue in cues_for("Great, another outage."))
    assert not any(cue.startswith("sarcasm") for cue in cues_for("Great, the outage is over. Thank you!"))


def test_again_in_a_request_is_no_repeat() -> None:
    for request in ("Can you send it again?", "Thanks again!", "I will try again tomorrow."):
        assert not any("again" in cue for cue in cues_for(request)), request
    assert any("again" in cue for cue in cues_for("The sync failed again."))


def test_a_negated_deadline_is_no_pressure() -> None:
    assert not any(cue.startswith("impatience") for cue in cues_for("Not urgent, no rush."))
    assert any(cue.startswith("impatience") for cue in cues_for("Please restore access asap."))


def test_grievances_and_persistence_explain_themselves() -> None:
    cues = cues_for("They refuse to remove the charge and have called me 9 times since Monday.")
    assert 'stonewalled or wronged ("refuse to")' in cues
    assert 'the problem persists ("called me 9 times")' in cues


def test_a_polite_threat_to_leave_is_a_threat() -> None:
    assert "threatens to leave" in cues_for("We are looking at other providers.")
    assert "threatens to leave" not in cues_for("We are looking at other dashboards you offer.")


def test_redaction_marks_are_not_shouting() -> None:
    text = "On XX/XX/XXXX I called XXXX XXXX about the balance of XXXX and asked for a statement."
    assert "all-caps shouting" not in cues_for(text)
    assert levels([text]) == [0]


def test_stacked_grievances_read_frustrated() -> None:
    text = (
        "I was on hold for two hours, your agent hung up on me, and you still refuse to refund the fee. "
        "This is the fourth time I'm writing."
    )
    assert levels([text]) >= [2]


def test_a_complaint_to_a_regulator_is_a_threat() -> None:
    assert "threatens legal action" in cues_for("I am reporting this to the ICO if I don't get an answer.")
    assert "threatens legal action" not in cues_for("Could you send the report to our auditor?")


def test_a_polite_request_to_fix_is_no_demand() -> None:
    assert not any(cue.startswith("demands") for cue in cues_for("Could you please fix this."))
    assert any(cue.startswith("demands") for cue in cues_for("Charged twice again. Fix it."))


# --- Tone, not stakes; whose words; imagined feelings (issue 11, round two) --------------------------------


def test_the_same_problem_with_a_complaint_about_it_is_heard() -> None:
    plain = "The scheduled backup failed with a permission error overnight."
    annoyed = plain + " Frankly, this is not good enough and nobody answers our emails."
    assert levels([annoyed]) >= [2]
    assert lexicon_frustration([annoyed])[0][0] > lexicon_frustration([plain])[0][0] + 0.2


def test_no_problem_is_courtesy() -> None:
    assert levels(["No problem at all, and no error since the update. Thanks!"]) == [0]


def test_never_again_is_a_threat_to_leave_not_a_repeat_contact() -> None:
    cues = cues_for("Lost my bag and nobody helps. Never again.")
    assert "threatens to leave" in cues
    assert not any("again" in cue for cue in cues if cue.startswith(("the problem", "repeat")))
    assert "threatens to leave" in cues_for("Do not fly with them, stay away from this airline.")
    assert "threatens to leave" not in cues_for("Do not use the old login page, it is retired.")


def test_an_intensified_mild_word_reads_strong() -> None:
    mild, intensified = "I am disappointed with the delivery.", "I am deeply disappointed with the delivery."
    assert levels([mild]) == [1]
    assert levels([intensified]) >= [2]
    assert levels(["I am not disappointed with the delivery, just asking."]) == [0]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The same outage as last week, and the same excuse as last week.", "the problem persists"),
        ("That makes three delays in two weeks on this route.", "the problem persists"),
        ("Every time I call, I get a different answer.", "the problem persists"),
        ("I never received the refund you promised.", "stonewalled or wronged"),
        ("You moved my payments to a new account without telling me.", "stonewalled or wronged"),
        ("What is the point of paying for priority support?", '"what is the point"'),
        ("Ugh, the app logged me out again.", '"ugh"'),
    ],
)
def test_annoyance_without_an_angry_word_is_heard(text: str, cue: str) -> None:
    [(score, level, cues)] = lexicon_frustration([text])
    assert any(found.startswith(cue) for found in cues), cues
    assert level >= 1, (score, cues)


def test_someone_elses_anger_in_quotes_is_not_the_customers_tone() -> None:
    quoted = 'My client wrote "this is unacceptable, absolutely ridiculous" - could you send me the invoice?'
    assert levels([quoted]) == [0]
    assert levels(["This is unacceptable, absolutely ridiculous. Could you send me the invoice?"]) >= [2]
    # An error message in quotes is no complaint; a message that is one long quotation is the customer's own.
    assert levels(["The page shows 'access denied, request failed' since the update."]) == [0]
    assert levels(['"This is ridiculous, the third outage this month!!"']) >= [2]


@pytest.mark.parametrize(
    "imagined",
    [
        "I'd be furious if this happened again, but it works now, thanks!",
        "It would be really annoying to lose these settings, so could you back them up first?",
        "That could get confusing for new users; maybe add a tooltip?",
    ],
)
def test_an_imagined_feeling_is_not_counted(imagined: str) -> None:
    [(score, level, cues)] = lexicon_frustration([imagined])
    assert level == 0, (score, cues)


def test_a_feeling_after_would_that_is_real_still_counts() -> None:
    # Only the imagined feeling is set aside, not the complaint beside it.
    text = "It would be nice to get an answer. This is the third time I'm asking and it's unacceptable."
    assert levels([text]) >= [2]


def test_not_unhappy_is_calm() -> None:
    assert levels(["I'm not unhappy with the service, I just want a copy of the invoice."]) == [0]
