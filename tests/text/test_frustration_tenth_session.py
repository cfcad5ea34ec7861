"""Frustration cues from the tenth session's review of the ninth check, each by its cause and with a twin that must
not move: shouting needs different words (one acronym said three times is a name), a strong word understated ("a
bit silly") is mild, polite ultimatums and the worst incident a customer has had are firm, a fix that fixed nothing,
a team that went silent, consent never given and a bank's fee our error caused are grievances, "again" in a wish
for the future or after the customer's own slip in another language is no repeat, a lawyer's "misleading within the
meaning of" is a term of art, and Czech and Polish have cue tables. Every sentence is our own invention."""

from __future__ import annotations

import pytest

from triage.text.frustration import analyse_cues, lexicon_frustration
from triage.text.language import detect_language


def _cues(text: str):  # type: ignore[no-untyped-def]
    return analyse_cues([text])[0].cues


def test_one_acronym_said_three_times_is_no_shouting() -> None:
    text = "Under the SLQX, the SLQX schedule and the SLQX annex, the notice period is sixty days. Please confirm."
    assert _cues(text).caps_share == 0.0
    assert _cues("THIS IS NOT ACCEPTABLE, FIX THE EXPORT TODAY").caps_share > 0


@pytest.mark.parametrize(
    "text",
    [
        "Could you reissue the invoice? It went to the OLD AP address with the OLD PO number on it.",
        "Gemäß Art. 15 DSGVO bitte ich um Auskunft; die DSGVO sieht einen Monat vor, siehe DSGVO Art. 12.",
    ],
)
def test_business_and_law_acronyms_are_spelling(text: str) -> None:
    assert _cues(text).caps_share == 0.0


def test_an_understated_strong_word_is_mild() -> None:
    understated = _cues("The new menu is a bit ridiculous, where did the export button go?")
    assert understated.mild_words == ["ridiculous"] and not understated.strong_words
    assert _cues("The new menu is absolutely ridiculous.").strong_words == ["ridiculous"]


def test_a_polite_ultimatum_to_look_elsewhere_is_a_threat() -> None:
    assert "threatens to leave" in _cues("If nothing changes by spring we'll start evaluating alternatives.").threats
    prospect = "We're evaluating alternatives to our current helpdesk. Does yours import from Zendesk?"
    assert not _cues(prospect).threats


def test_yet_another_contact_persists_and_yet_another_feature_does_not() -> None:
    assert _cues("I'd hoped to avoid writing yet another email about the same refund.").persistence
    assert not _cues("Yet another feature we'll use every day, thank you.").persistence


def test_unwanted_messages_after_opting_out_persist() -> None:
    assert _cues("I opted out in spring and I'm still receiving your promotional texts.").persistence
    assert not _cues("If I downgrade, am i still getting the newsletters about new releases?").persistence


@pytest.mark.parametrize(
    "text",
    [
        "Your patch didn't fix anything, the report is still empty.",
        "After the first reply your support staff went silent for a week.",
        "I never agreed to being added to a second plan.",
        "Because of the duplicate payment my bank charged me an overdraft fee of 25 pounds.",
        "Your double debit pushed me into my overdraft for the weekend.",
        "I don't want another apology, I want the data back.",
    ],
)
def test_grievances_heard(text: str) -> None:
    assert _cues(text).grievances, text


@pytest.mark.parametrize(
    "text",
    [
        "I didn't change anything in the settings before it stopped.",
        "The smoke alarm went silent once I changed the battery.",
        "We never agreed on a date for the training, could we pick one?",
        "Will I be charged a late payment fee if I pay on the 6th?",
        "The offer on your site is misleading within the meaning of section 5 of the Act.",
    ],
)
def test_grievance_twins_stay_quiet(text: str) -> None:
    assert not _cues(text).grievances, text


def test_a_plain_misleading_claim_is_still_a_grievance() -> None:
    assert _cues("The price on your pricing page was misleading.").grievances


def test_the_worst_incident_and_a_stock_answer_refused_are_firm() -> None:
    assert _cues("This is the worst outage we have ever had with a supplier.").formal_firmness
    assert _cues("I need more than an apology this time.").formal_firmness
    assert not _cues("We need more than 20 seats next year, what would that cost?").formal_firmness
    assert not _cues("We have had no serious incidents since the upgrade.").formal_firmness


def test_again_in_a_wish_for_the_future_is_no_repeat() -> None:
    assert not _cues("All fixed now; I'd rather not be locked out like this again next year.").repeat_contact
    assert _cues("I was locked out again this morning.").repeat_contact


@pytest.mark.parametrize(
    ("text", "language", "min_level", "max_level"),
    [
        ("Dobrý den, jsem opravdu naštvaný, faktura je znovu špatně a nikdo mi neodpověděl.", "cs", 1, 3),
        ("Dobrý den, nejsem naštvaný, jen bych prosil o kopii faktury za říjen. Děkuji.", "cs", 0, 0),
        ("Dobrý den, kvůli dvojí platbě mi banka naúčtovala poplatek za přečerpání. Prosím o vrácení.", "cs", 1, 3),
        ("Dzień dobry, jestem bardzo rozczarowana, nadal nie dostałam zwrotu pieniędzy za zamówienie.", "pl", 1, 3),
        ("Dzień dobry, nie jestem zdenerwowany, proszę tylko o fakturę za październik. Dziękuję.", "pl", 0, 0),
        ("Buongiorno, avete cambiato le tariffe senza dirlo: non è il modo di trattare un cliente.", "it", 1, 3),
    ],
)
def test_czech_polish_and_the_way_to_treat_a_customer(text: str, language: str, min_level: int, max_level: int) -> None:
    assert detect_language(text).code == language
    level = lexicon_frustration([text])[0][1]
    assert min_level <= level <= max_level, (text, level)


def test_a_foreign_again_after_the_customers_own_slip_is_no_repeat() -> None:
    slip = "Hoi, ik ben mijn wachtwoord alweer vergeten, sorry! Kunnen jullie een nieuwe link sturen? Groetjes"
    fault = "Hoi, de export van onze facturen is alweer mislukt. Kunnen jullie kijken? Groetjes"
    assert detect_language(slip).code == detect_language(fault).code == "nl"
    assert not _cues(slip).repeat_contact
    assert _cues(fault).repeat_contact
