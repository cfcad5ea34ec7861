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


def levels(texts: list[str]) -> list[int]:
    return [level for _, level, _ in lexicon_frustration(texts)]


def cues_for(text: str) -> list[str]:
    return lexicon_frustration([text])[0][2]


@pytest.mark.parametrize("text", POLITE_ANNOYANCE)
def test_polite_annoyance_is_heard(text: str) -> None:
    [(score, level, cues)] = lexicon_frustration([text])
    assert level >= 1, (score, cues)
    assert cues, "a level above 0 must come with a readable cue"


@pytest.mark.parametrize("text", CALM)
def test_calm_requests_and_thanks_stay_calm(text: str) -> None:
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
