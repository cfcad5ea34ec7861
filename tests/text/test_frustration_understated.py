"""Mild annoyance and polite anger as support customers understate them (issue 11, round three): "a bit of a
pain", "a little unsettling", "honestly", "with all due respect", a status page that says all is well, a chaser
"once more", patience spent, a complaint made. Beside each, the routine or grateful form that must stay quiet.
Every sentence is our own invention, labelled by docs/labelling.md."""

from __future__ import annotations

import pytest

from triage.text.frustration import analyse_cues

HEARD = [
    ("This is a bit of a pain because our payroll import reads these files.", "a bit of a pain"),
    ("It's a bit mad that there is still no dark mode.", "a bit mad"),
    ("I find that a little unsettling, to be clear.", "a little unsettling"),
    ("Honestly, the new pricing is steep for a team our size.", "honestly"),
    ("I don't understand how the invoice doubled overnight.", "don't understand how"),
    ("With all due respect, this was promised for October.", "with all due respect"),
    ("Your status page says all green but none of us can log in.", "status page says all green"),
    ("I'm following up once more on the credit note for September.", "once more"),
    ("Please make sure it is done properly this time.", "properly this time"),
    ("We have been patient through three remediation plans.", "we have been patient"),
    ("I am writing to complain about the way my call was handled.", "writing to complain"),
    ("We shouldn't have to chase a credit you already agreed.", "shouldn't have to"),
    ("I unsubscribed twice and the newsletters keep coming.", "unsubscribed twice"),
    ("We would like a formal apology for the missed deadline.", "formal apology"),
    ("The newsletters keep coming despite my repeated requests to stop them.", "despite my repeated requests"),
    ("They charged me again even though I cancelled in writing.", "even though i cancelled"),
    ("I am demanding that you correct my credit file.", "i am demanding"),
]
QUIET = [
    "Concerning your invoice of 3 March, please use our new address.",
    "Thanks once more for the quick fix yesterday!",
    "Could you explain how the seat count is calculated this time of year?",
    "Our status page shows an incident for the storage outage, for your information.",
    # A complaint "with" someone is a regulator's (a threat, triage.text.frustration's _THREATS), not this cue.
    "Can our own customers raise a complaint with us through the portal?",
    "Even though we asked for two seats, one is enough for now, thanks.",
]


def _all_cues(text: str) -> list[str]:
    cues = analyse_cues([text])[0].cues
    return [*cues.mild_words, *cues.strong_words, *cues.repeat_contact, *cues.persistence, *cues.demands,
            *cues.grievances]  # fmt: skip


@pytest.mark.parametrize(("text", "cue"), HEARD)
def test_understated_annoyance_is_heard(text: str, cue: str) -> None:
    assert any(cue in found for found in _all_cues(text.lower())), _all_cues(text)


@pytest.mark.parametrize("text", QUIET)
def test_routine_forms_stay_quiet(text: str) -> None:
    assert not _all_cues(text), _all_cues(text)
