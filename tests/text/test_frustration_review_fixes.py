"""Frustration cues from a review of the tenth session's rules, each by its cause and with twins that must not move:
Polish and Czech counted contacts ("piszę już trzeci raz", "píšu už potřetí"), "sincerely" in a thank-you, a bare
"again" in a request for a resend and going over to a competitor; a business acronym is no sentiment word ("PO");
"never came across" is no promise broken and a one-time or SMS code that never arrived is a delivery fault; a routine
procurement review is no threat to leave; each table language's own negators. Every sentence is our own invention."""

from __future__ import annotations

import pytest

from triage.text.frustration import analyse_cues, lexicon_frustration
from triage.text.language import detect_language


def _cues(text: str):  # type: ignore[no-untyped-def]
    return analyse_cues([text])[0].cues


def _level(text: str) -> int:
    return lexicon_frustration([text])[0][1]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dzień dobry, piszę już trzeci raz w tej sprawie i proszę o korektę faktury.", "pl"),
        ("Dzień dobry, piszę po raz kolejny w sprawie korekty faktury za marzec.", "pl"),
        ("Dobrý den, píšu už potřetí kvůli opravě faktury za březen.", "cs"),
    ],
)
def test_a_counted_contact_is_repeat_contact(text: str, language: str) -> None:
    assert detect_language(text).code == language
    assert _cues(text).repeat_contact


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dzień dobry, piszę w sprawie korekty faktury za marzec, proszę o informację.", "pl"),
        ("Dobrý den, píšu kvůli opravě faktury za březen, prosím o informaci.", "cs"),
    ],
)
def test_a_first_contact_is_no_repeat(text: str, language: str) -> None:
    assert detect_language(text).code == language
    assert not _cues(text).repeat_contact


@pytest.mark.parametrize(
    "text",
    [
        "Dzień dobry, szczerze dziękuję za szybką pomoc z fakturą, wszystko już działa.",
        "Dobrý den, upřímně děkuji za rychlou pomoc s fakturou, vše už funguje.",
    ],
)
def test_sincerely_in_a_thank_you_is_no_cue(text: str) -> None:
    assert not _cues(text).mild_words
    assert _level(text) == 0


@pytest.mark.parametrize(
    "text",
    [
        "Dzień dobry, szczerze mówiąc nie rozumiem, dlaczego faktura znowu nie została poprawiona.",
        "Dobrý den, upřímně řečeno nechápu, proč faktura pořád není opravená.",
    ],
)
def test_sincerely_as_plain_speaking_is_still_mild(text: str) -> None:
    # The honesty tag is merged into the annoyance it accompanies ("nie rozumiem, dlaczego"): one mild remark.
    assert _cues(text).mild_words
    assert _level(text) >= 1


@pytest.mark.parametrize(
    "text",
    [
        "Dzień dobry, czy możecie wysłać znowu link do faktury? Poprzedni wygasł.",
        "Dzień dobry, czy możecie znów przesłać link do faktury? Poprzedni wygasł.",
        "Dobrý den, můžete mi prosím zase poslat odkaz na fakturu? Předchozí vypršel.",
        "Dobrý den, můžete mi prosím opět poslat odkaz na fakturu? Předchozí vypršel.",
    ],
)
def test_again_in_a_request_for_a_resend_is_no_repeat(text: str) -> None:
    assert not _cues(text).repeat_contact


@pytest.mark.parametrize(
    "text",
    [
        "Dzień dobry, eksport znowu nie działa i raport za marzec jest pusty.",
        "Dobrý den, export zase nefunguje a přehled za březen je prázdný.",
    ],
)
def test_again_with_what_came_back_is_still_repeat(text: str) -> None:
    assert _cues(text).repeat_contact


@pytest.mark.parametrize(
    "text",
    [
        "Dobrý den, pokud to do pátku nevyřešíte, přecházíme ke konkurenci.",
        "Dzień dobry, jeśli tego nie naprawicie do piątku, przechodzimy do konkurencji.",
    ],
)
def test_going_over_to_a_competitor_is_a_leaving_threat(text: str) -> None:
    assert "threatens to leave" in _cues(text).threats
    assert _level(text) >= 1


@pytest.mark.parametrize(
    "text",
    [
        "Dobrý den, přešli jsme k vám od konkurence a potřebujeme importovat data z předchozího systému.",
        "Dzień dobry, przeszliśmy do was od konkurencji i potrzebujemy zaimportować dane z poprzedniego systemu.",
    ],
)
def test_a_customer_who_came_from_a_competitor_is_no_threat(text: str) -> None:
    assert not _cues(text).threats


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Can you add our PO number to the March invoice?", "PO"),  # VADER's "po" is -2.6
        ("Our AML team needs the March statement as a PDF, please.", "AML"),  # and "aml" +3.4
    ],
)
def test_a_business_acronym_is_no_sentiment_word(text: str, acronym: str) -> None:
    assert _cues(text).vader_compound == _cues(text.replace(acronym, "QQZ")).vader_compound
    assert _level(text) == 0


def test_a_sentiment_word_beside_an_acronym_still_counts() -> None:
    assert _cues("Our PO was rejected again, this is terrible.").vader_compound < -0.3


@pytest.mark.parametrize(
    "text",
    [
        "I never came across this setting before, where is it?",
        "The retention question never came up in our onboarding call; what is the default?",
        "The SMS code never arrived. Could you check the phone number on my profile?",
        "I never got a one-time password when signing in from the new laptop.",
    ],
)
def test_no_promise_broken(text: str) -> None:
    assert not _cues(text).grievances


@pytest.mark.parametrize(
    "text",
    [
        "The replacement card never came, and it has been three weeks.",
        "I got an SMS code on Monday but the refund never came.",
        "Support never came back to me after the call.",
    ],
)
def test_what_never_came_is_still_a_grievance(text: str) -> None:
    assert "never came" in _cues(text).grievances


def test_a_routine_procurement_review_is_no_leaving_threat() -> None:
    routine = "We will start evaluating alternatives next quarter as part of our normal procurement review."
    assert not _cues(routine).threats
    assert "threatens to leave" in _cues("After this outage we will start evaluating alternatives.").threats


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Czech "nikdy" before a cue (multilingual's negators, missing from the old shared pattern).
        ("Dobrý den, s vaší podporou jsme nikdy nebyli nespokojeni, jen potřebujeme opravit fakturu.", "cs"),
    ],
)
def test_a_table_languages_own_negators_veto_a_cue(text: str, language: str) -> None:
    assert detect_language(text).code == language
    assert not _cues(text).mild_words
