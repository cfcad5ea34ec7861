"""A test or automatic message that never arrived is a delivery fault reported, not a grievance; a promised thing
that never came still is, even beside such a message. Every sentence is our own invention."""

from __future__ import annotations

import pytest

from triage.text.frustration import analyse_cues


def _grievances(text: str) -> list[str]:
    return analyse_cues([text])[0].cues.grievances


@pytest.mark.parametrize(
    "text",
    [
        "I set up a fresh test schedule to my own address for 9am and that never came either; 'Send now' works.",
        "Our new hire was invited on Monday but says the invitation email never arrived. Could you resend it?",
        "I never received the verification code, so I cannot finish signing in. Could you check the number?",
    ],
)
def test_a_message_that_never_arrived_is_a_fault_report(text: str) -> None:
    assert not _grievances(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Your colleague promised a refund on the 3rd. It never came.", "never came"),
        ("I got a confirmation email on Friday but the refund never came.", "never came"),
        ("I never received the refund, only a confirmation email.", "never received"),
        ("I sent a test payment and the replacement card never arrived.", "never arrived"),
        ("I got a confirmation email for an upgrade I never agreed to.", "i never agreed"),
    ],
)
def test_a_promised_thing_that_never_came_is_still_a_grievance(text: str, cue: str) -> None:
    assert cue in _grievances(text)
