"""Frustration written formally (found by the eighth check): plain speaking announced, an ultimatum in business terms,
patience "running out" in other words, counted and ignored messages, shock and indignation in the languages the cue
tables read, contempt and mockery, a fragment of disbelief. Beside each, the negated, literal or routine form that
must stay quiet, and the ceiling that keeps formal firmness alone below "angry". Every sentence is our own
invention, labelled by docs/labelling.md."""

from __future__ import annotations

import pytest

from triage.text.frustration import FORMAL_CEILING, analyse_cues, lexicon_frustration

HEARD = [
    ("I'll be candid: the new tariff doubles what we pay for the same service.", "i'll be candid"),
    ("I have to be direct with you about the renewal figures.", "i have to be direct"),
    ("I cannot stress enough how much this matters to our warehouse.", "cannot stress enough"),
    (
        "Unless the corrected quote reaches us by the 4th, we will be giving notice on all our sites.",
        "we will be giving notice",
    ),
    (
        "If we don't hear back by Monday, we will open a formal tender for the contract.",
        "we will open a formal tender",
    ),
    ("Should the credit not appear within five working days, we will pursue it formally.", "we will pursue"),
    ("Frankly I'm running out of arguments to keep this contract alive.", "running out of arguments to"),
    ("This is my fourth email about the missing credit note.", "my fourth email"),
    ("Our two reminders in October went unanswered.", "went unanswered"),
    ("We have tried to be understanding about the delays.", "tried to be understanding"),
]
QUIET = [
    "To be clear, we are happy with the product and only moving one site.",
    "The export has to be plain text for our old accounting tool.",
    "If it isn't fixed by Friday, we will just run the report by hand, no problem.",
    "Unless this is remedied within 14 days our client will commence proceedings.",  # a lawyer's calm letter
    "The build server is running out of disk space.",
    "The third email in our onboarding sequence has a broken link.",
    "I'd be grateful for an answer when you have a moment.",
]


def _found(text: str) -> list[str]:
    return analyse_cues([text])[0].cues.formal_firmness


@pytest.mark.parametrize(("text", "cue"), HEARD)
def test_formal_firmness_is_heard(text: str, cue: str) -> None:
    assert any(cue in found for found in _found(text)), _found(text)


@pytest.mark.parametrize("text", QUIET)
def test_routine_and_literal_forms_stay_quiet(text: str) -> None:
    assert _found(text) == []


def test_formal_firmness_alone_never_reaches_angry() -> None:
    letter = (
        "I'll be candid. This is my third letter on the matter and my last two went unanswered. I cannot stress "
        "enough how badly this has gone. Unless we see a dated plan by the 9th, we will be giving notice."
    )
    score, level, reasons = lexicon_frustration([letter])[0]
    assert len(analyse_cues([letter])[0].cues.formal_firmness) >= 4
    assert 0.2 <= score <= FORMAL_CEILING and level < 3, (score, reasons)


def test_formal_firmness_adds_to_an_annoyed_ticket_up_to_the_ceiling() -> None:
    plain = "I'm disappointed with the response to the outage."
    firm = plain + " I'll be frank: our reminders went unanswered."
    (plain_score, _, _), (firm_score, _, _) = lexicon_frustration([plain, firm])
    assert plain_score < firm_score <= max(plain_score, FORMAL_CEILING)


SHOCK = [
    ("I am genuinely stunned that the invoice went out like this.", "en"),
    ("Nous sommes sidérés par cette facturation.", "fr"),
    ("Estoy atónita con la respuesta que hemos recibido.", "es"),
    ("Ich bin ehrlich fassungslos über diese Rechnung.", "de"),
    ("Siamo davvero sconcertati da questa fattura.", "it"),
    ("Wij zijn verbijsterd over deze factuur.", "nl"),
    ("Fiquei chocada com essa cobrança.", "pt"),
]


@pytest.mark.parametrize(("text", "language"), SHOCK)
def test_shock_is_heard_in_the_languages_the_tables_read(text: str, language: str) -> None:
    assert analyse_cues([text])[0].cues.mild_words, language


@pytest.mark.parametrize(
    "text",
    [
        "I'm not shocked, just curious how the seats are counted.",
        "I was astonished at how quickly your team restored the backup.",
        "Je ne suis pas choquée, je voudrais seulement comprendre la facture.",
        "Ich bin nicht schockiert, nur neugierig.",
    ],
)
def test_negated_or_pleased_shock_is_no_frustration(text: str) -> None:
    assert lexicon_frustration([text])[0][0] == 0.0, lexicon_frustration([text])[0]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("You offered us a voucher. A voucher. Honestly, after three lost weeks.", "mild_words"),
        ("A restart?? We restarted it on Monday and you know it.", "mild_words"),
        ("The sheer audacity of it, after two outages.", "strong_words"),
        ("Your answer was frankly patronising.", "strong_words"),
        ("So we copy the totals by hand like it's 1995.", "sarcasm"),
        ("The new editor is lovely to look at, and that is all it is.", "sarcasm"),
        ("Apparently we like your service so much we were billed for it three times.", "sarcasm"),
    ],
)
def test_contempt_and_disbelief_are_heard(text: str, kind: str) -> None:
    assert getattr(analyse_cues([text])[0].cues, kind), analyse_cues([text])[0].readable


@pytest.mark.parametrize(
    "text",
    [
        "A quick question. Could you send the March invoice again?",
        "An update. The new badge printer arrived today.",
        "The view from the conference venue is lovely, thanks for booking it.",
        "We like your service so much that we are adding ten seats.",
        "It looks like it's the 1990s edition of the manual, is there a newer one?",
    ],
)
def test_headings_praise_and_plain_questions_stay_calm(text: str) -> None:
    cues = analyse_cues([text])[0].cues
    assert not (cues.sarcasm or cues.strong_words or cues.mild_words), analyse_cues([text])[0].readable


# Calm twins of the firm forms (the review of 2c9f35e) beside a still-frustrated twin of each: plain speaking that
# leads into praise or a plain question, shock in praise, a condition that is not the vendor's to meet or a plan
# carried out, a counted template or campaign.
CALM_TWINS = [
    "To be candid, the team is delighted with the new planner - we only need three more seats.",
    "Let me be direct: does the annual plan include the audit log?",
    "We were stunned by how fast the migration went - thank you all.",
    "I was astonished at the speed of the new search, great job.",
    "Unless we hear otherwise by Thursday, we will terminate the trial workspace as agreed.",
    "If the budget isn't signed off by our board, we will terminate the reporting add-on. Can you quote both options?",
    "Should the data cleanup not finish by Friday, we will be pursuing the manual import instead.",
    "My second reminder template for late payers isn't saving.",
    "Our third email in the welcome sequence has the wrong logo.",
    "This is our fourth message to customers about the holiday hours.",
    "We have been very polite customers for nine years and would like the loyalty rate.",
    "The dashboard is lovely to look at and the team likes it a lot.",
]
FRUSTRATED_TWINS = [
    "To be candid, the team is fed up with the planner losing shifts.",
    "Let me be direct: why has nobody called us back since Tuesday?",
    "I'll be honest that the second outage has the board asking whether we renew.",
    "We were stunned to find the invoice doubled without warning.",
    "Unless your engineers fix the export by Thursday, we will terminate the contract.",
    "If the credit isn't applied by Friday, we will not renew.",
    "This is my third email about the welcome sequence showing the wrong logo.",
]


@pytest.mark.parametrize("text", CALM_TWINS)
def test_calm_twins_of_the_firm_forms_stay_calm(text: str) -> None:
    assert lexicon_frustration([text])[0][1] == 0, lexicon_frustration([text])[0]


@pytest.mark.parametrize("text", FRUSTRATED_TWINS)
def test_frustrated_twins_of_the_firm_forms_are_heard(text: str) -> None:
    assert lexicon_frustration([text])[0][1] >= 1, lexicon_frustration([text])[0]
