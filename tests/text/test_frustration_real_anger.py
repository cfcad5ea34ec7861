"""Anger as real customers write it without an angry word (issue 11, round three): a demand for someone senior,
"why are we paying you", "nobody has answered", time counted out ("it's now been 30 hours"), questions left
unanswered, one emphatic word in capitals ("THIRTY."), a complaint filed with a regulator. Each cue is heard,
and its negated or harmless look-alike is not. Every ticket here is our own invention."""

from __future__ import annotations

import pytest

from triage.text.frustration import lexicon_frustration

DEMANDS = "demands or accusations"
WRONGED = "stonewalled or wronged"
EMPHASIS = "emphatic capitals"


def cues_for(text: str) -> list[str]:
    return lexicon_frustration([text])[0][2]


def has_cue(text: str, kind: str) -> bool:
    return any(cue.startswith(kind) for cue in cues_for(text))


HEARD = [
    ("Get me someone senior on the phone today.", DEMANDS),
    ("I want to speak to a manager about this.", DEMANDS),
    ("Put me through to your supervisor.", DEMANDS),
    ("I want an engineer on this, not another script.", DEMANDS),
    ("I genuinely don't know why we pay you.", DEMANDS),
    ("What are we even paying you for?", DEMANDS),
    ("Nobody has answered either of my emails.", DEMANDS),
    ("No one ever mentioned this fee to us.", DEMANDS),
    ("I still want to know why nobody has.", DEMANDS),
    ("I asked two simple questions on Monday.", DEMANDS),
    ("You haven't answered my questions.", DEMANDS),
    ("You have ignored both my emails.", DEMANDS),
    ("It feels like you were hoping we wouldn't notice.", DEMANDS),
    ("It's now been 30 hours.", WRONGED),
    ("It has been three days and still nothing.", WRONGED),
    ("Two days and nothing.", WRONGED),
    ("Six weeks after my request and I am still getting your emails.", WRONGED),
    ("I don't want another article link.", WRONGED),
    ("Please give me an actual answer.", WRONGED),
    ("Four messages now. FOUR.", EMPHASIS),
    ("Third week in a row. THIRD!", EMPHASIS),
    ("I am STILL getting your marketing emails.", EMPHASIS),
    ("I did NOT authorise this payment.", EMPHASIS),
    ("I have filed a complaint with the ICO.", "threatens legal action"),
    ("Refund me or I'm filing in small claims court.", "threatens legal action"),
    ("I am done being polite.", '"done being polite"'),
    ("I'm worried sick about this.", '"worried sick"'),
]
HARMLESS = [
    ("Nobody has answered yet, but no rush.", DEMANDS),
    ("Nobody has replied so far, not urgent at all.", DEMANDS),
    ("Could you get me someone from sales to talk pricing?", DEMANDS),
    ("I want to speak to our account manager about the renewal.", DEMANDS),
    ("I need a manager to approve the purchase order first.", DEMANDS),
    ("Why are we paying for two seats when we use one?", DEMANDS),
    ("I asked a simple question yesterday and Tom answered it within the hour, thanks!", DEMANDS),
    ("The mail filter ignored our emails from the old domain.", DEMANDS),
    ("It's been 30 hours of testing and it works great.", WRONGED),
    ("It has been two weeks since launch and the team loves it.", WRONGED),
    ("Three days and no issues since the fix, thank you.", WRONGED),
    ("Could you send another article link about exports?", WRONGED),
    ("Please see the README. Then restart the service.", EMPHASIS),
    ("Set the flag to TRUE. Then restart.", EMPHASIS),
    ("On XX/XX/XXXX I called. XXXX. Nobody picked up.", EMPHASIS),
    ("Our plan is PRO PLUS, the invoice says BASIC.", EMPHASIS),
    ("Could you file a complaint form template for our HR team?", "threatens legal action"),
]


@pytest.mark.parametrize(("text", "kind"), HEARD)
def test_real_customers_anger_is_heard(text: str, kind: str) -> None:
    [(score, level, cues)] = lexicon_frustration([text])
    assert any(cue.startswith(kind) for cue in cues), cues
    assert level >= 1, (score, cues)


@pytest.mark.parametrize(("text", "kind"), HARMLESS)
def test_its_harmless_look_alikes_are_not(text: str, kind: str) -> None:
    assert not has_cue(text, kind), cues_for(text)


def test_a_furious_third_message_reads_angry() -> None:
    # The shape of a real level-3 follow-up: time counted, one word in capitals, unanswered questions, "why we
    # pay you" and a demand for someone senior, and not one angry word.
    text = (
        "It's now been 30 hours. THIRTY. Three months of client notes, gone, and still no date. I asked two "
        "simple questions: can it be recovered and when. Nobody has answered either. I genuinely don't know "
        "why we pay you. Get me someone senior on the phone today."
    )
    [(score, level, cues)] = lexicon_frustration([text])
    assert level == 3, (score, cues)
    calm = "It's been 30 hours of testing and everything works. Could someone senior sign off the release today?"
    assert lexicon_frustration([calm])[0][1] == 0


def test_shouting_is_not_counted_again_as_emphasis() -> None:
    cues = cues_for("THIS IS STILL NOT FIXED AND NOBODY CARES")
    assert "all-caps shouting" in cues
    assert not any(cue.startswith(EMPHASIS) for cue in cues)


def test_the_customers_own_slip_or_a_step_redone_is_no_repeated_problem() -> None:
    for calm in ("Forgot my password again, sorry! Could you send a new link?", "I signed out and in again, as asked."):
        assert not any("again" in cue for cue in cues_for(calm)), calm
    assert any("again" in cue for cue in cues_for("I logged out and back in, and it crashed again."))
