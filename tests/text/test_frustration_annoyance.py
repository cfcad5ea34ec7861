"""Mild annoyance in the forms customers write it (issue 11, round two): a chaser, a second request, time spent
waiting or on hold, being passed around, a curt ultimatum, lost patience, a future move to another vendor, and
the sarcastic medal. Each cue has the forms that must not fire beside it: negated, literal or routine. Every
sentence is our own invention, labelled by the guide's levels (docs/labelling.md)."""

from __future__ import annotations

import pytest

from triage.text.frustration import analyse_cues, level_beside_a_head, lexicon_frustration

# (text, a word of the cue that must be among the readable cues)
HEARD = [
    ("If the reporting keeps failing we will move to another provider at renewal.", "threatens to leave"),
    ("Honestly, whoever approved this redesign deserves a medal.", "sarcasm"),
    ("I still can't open the invoices tab on my phone.", "still can't"),
    ("Following up on my previous email about the missing credit note.", "following up on my previous"),
    ("Any update on this? The import has been stuck since Tuesday.", "any update on this"),
    ("Hi, any update? Nothing has changed on our side.", "any update?"),
    ("I phoned twice last week and got nowhere.", "phoned twice"),
    ("Three emails now and the invoice is still wrong.", "three emails now"),
    ("Sort it out or I'm cancelling.", "sort it out"),
    ("I was on hold for 45 minutes before the line dropped.", "on hold for 45 minutes"),
    ("The support chat closed on me twice this morning.", "closed on me"),
    ("I've been passed around between three departments.", "passed around"),
    ("The tracking hasn't updated since Friday.", "hasn't updated since"),
    ("It's been two weeks and still no refund.", "it's been two weeks"),
    ("Can I please speak to someone who actually knows the billing system?", "someone who actually"),
    ("Is anyone even looking at this?", "is anyone even looking at this"),
    ("To be blunt, the new editor is slower than the old one.", "be blunt"),
    ("Not a fan of the new login page, it takes three clicks now.", "not a fan"),
    ("Your regional partner is a disgrace to the brand.", "disgrace"),
    ("Nothing but outages since the migration.", "nothing but outages"),
    ("Refused to let me board with my paid seat #fail", "#fail"),
    ("What happened to my refund? It was due last week.", "what happened to my"),
    # The fault came back: "working again" is good news only after "is", "now" or "back".
    ("The export stopped working again this morning.", "again"),
    ("The export is not working again.", "again"),
    ("Great, the app is down. It stopped working again!", "again"),
    ("I'm on hold for 40 minutes now and nobody picks up.", "on hold for 40 minutes"),
    ("Just sort it out.", "sort it out"),
    ("We will switch to a different vendor if the sync stays broken.", "threatens to leave"),
    ("Hi, any news on my refund?", "any news on my"),
    ("My order status hasn't changed since Monday.", "hasn't changed since"),
    ("It's been a month and we still haven't got the invoice.", "it's been a month"),
]
# Said calmly, a fact or a request: none of these is annoyed.
NOT_HEARD = [
    "We moved to a new bank last month, how do I update the direct debit?",
    "Your agent Sam deserves a medal, she fixed it in minutes. Thank you!",
    "Does the new release include any updates?",
    "The credit note was emailed twice by mistake, please ignore the second one.",
    "Could you sort this out for me please?",
    "There is no need to sort it out today, next week is fine.",
    "Hello again! A quick question about seat pricing.",
    "I got in again after resetting my password, thank you.",
    "The contract was passed around the team for review.",
    "Our account is on hold for two days pending the bank check.",
    "It's been two weeks since we switched plans and the team loves it.",
    "I'm not losing patience, I'd just like to know the timeline.",
    "Our new office manager is someone who actually enjoys spreadsheets.",
    "Nothing but good things to say about the onboarding, thank you.",
    "Does anyone know what happened to the old export button? It used to sit above the table.",
    "Our team tags tickets #billing and #access, can the API read the tags?",
    "It's working again, thanks!",
    "The price hasn't changed since 2020, right?",
    "Please put my account on hold for an hour while we migrate.",
    "Your bank may put the payment on hold for 48 hours; is that normal?",
    "It's been a month and we still love it. Thank you!",
    "No worries, I'll sort it out myself. Thanks!",
    "Can we sort this out on a call tomorrow?",
    "Could you help sort it out when you have a moment?",
    "We're going to move to a new bank next month. How do I update the payout account?",
    "We will move to a new company email domain",
    "We will migrate to a new platform for our website",
    "Do you have any news on our migration date? No rush.",
    "Will there be any updates on this feature in v3?",
    "The VPN client disconnects on us when the laptop sleeps.",
    "See the #failover-alerts channel",
]


def found(text: str) -> tuple[int, list[str]]:
    [(_, level, cues)] = lexicon_frustration([text])
    return level, cues


@pytest.mark.parametrize(("text", "cue"), HEARD)
def test_mild_annoyance_is_heard(text: str, cue: str) -> None:
    level, cues = found(text)
    assert level >= 1, cues
    assert any(cue in reason.lower() for reason in cues), cues


@pytest.mark.parametrize("text", NOT_HEARD)
def test_negated_literal_and_routine_forms_are_not_annoyance(text: str) -> None:
    level, cues = found(text)
    assert level == 0, cues


def test_gratitude_with_still_cannot_carries_no_cue() -> None:
    # VADER alone reads "can't thank" as slightly negative (level 1); no cue of ours may add to it.
    assert found("I still can't thank you enough for the quick fix!")[1] == []
    assert "still can't" in " ".join(found("I still can't log in after the reset.")[1])


def test_lost_patience_reads_frustrated_not_mild() -> None:
    assert found("Frankly I'm running out of patience with this integration.")[0] >= 2


def test_a_greeting_again_is_no_repeat_but_the_same_fault_again_is() -> None:
    assert not any("again" in reason for reason in found("Hi again, one more question on exports.")[1])
    assert found("The export failed again overnight.")[0] >= 1


def test_beside_a_learned_head_the_lexicon_level_starts_lower_never_higher() -> None:
    # Blended with a head that reads calm real tickets near level 0.5, a mild cue must still lift the level.
    analysed = analyse_cues([text for text, _ in HEARD] + NOT_HEARD)
    assert all(level_beside_a_head(found.score) >= found.level for found in analysed)
    assert [level_beside_a_head(found.score) for found in analysed[len(HEARD) :]] == [0] * len(NOT_HEARD)
    [waiting] = analyse_cues(["I'm on hold for 40 minutes now."])
    assert (waiting.level, level_beside_a_head(waiting.score)) == (1, 2)
