"""The fifteenth review's misfires of the fourteenth session's rules, each by its mechanism with a twin: the status
page's all-is-well claim needs a contrast with the customer's outage; the own search ("still can't figure out
where") is a mild word only alone; a smile after "again" takes it back only without another cue; formal firmness
with stated damage is a frustrated business letter (level 2); "not a bit" and "not even a little" negate.
Sentences written for this test."""

import pytest

from triage.text.frustration import analyse_cues


def _analysis(text: str):
    return analyse_cues([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "Our status page shows everything is fine while none of our agents can log in.",
        "Die Statusseite meldet alles grün, aber unsere Kasse druckt seit Mittag keine Belege.",
        "La página de estado indica que todo funciona, pero nuestros pedidos no se guardan.",
        "Votre page de statut indique que tout fonctionne alors que nos factures ne partent plus.",
        "The tablets are not uploading any delivery photos since noon. Your status page says all systems operational.",
    ],
)
def test_status_page_claim_against_an_outage_is_annoyance(text):
    analysis = _analysis(text)
    assert analysis.cues.mild_words
    assert analysis.level >= 1


@pytest.mark.parametrize(
    "text",
    [
        "The status page shows everything is fine since your patch went out, thank you!",
        "Die Statusseite meldet alles grün, seit das Update eingespielt wurde, vielen Dank!",
        "La página de estado indica que todo funciona; ¿dónde consulto los incidentes anteriores?",
        "Votre page de statut indique que tout fonctionne : où voir l'historique des incidents ?",
    ],
)
def test_status_page_claim_in_a_thank_you_or_question_is_calm(text):
    analysis = _analysis(text)
    assert not analysis.cues.mild_words
    assert analysis.level == 0


def test_own_search_beside_a_repeat_ask_is_a_persisting_problem():
    analysis = _analysis(
        "We still can't work out where the invoice archive moved in the new menu, this is my second time asking."
    )
    assert len(analysis.cues.repeat_contact) >= 2
    assert analysis.level == 2


def test_own_search_alone_stays_a_mild_word():
    analysis = _analysis("We still can't work out where the invoice archive moved in the new menu.")
    assert not analysis.cues.repeat_contact
    assert analysis.level == 1


@pytest.mark.parametrize(
    "text",
    [
        "The sync died again :) fourth time since Monday.",
        "The printer queue is stuck again :) fantastic.",
    ],
)
def test_smile_beside_a_count_or_sarcasm_keeps_the_recurrence(text):
    analysis = _analysis(text)
    assert analysis.cues.repeat_contact or analysis.cues.persistence
    assert analysis.level == 2


@pytest.mark.parametrize(
    "text",
    [
        "The sync died again :) no rush, whenever you get to it.",
        "Printed it again :) fantastic, thanks for the tip!",
    ],
)
def test_smile_alone_takes_the_recurrence_back(text):
    analysis = _analysis(text)
    assert not analysis.cues.repeat_contact
    assert not analysis.cues.sarcasm
    assert analysis.level == 0


@pytest.mark.parametrize(
    "text",
    [
        "We won't accept that response. The failed payroll run lost us two days of work with our clients.",
        "We do not accept your answer. The broken checkout cost us most of Saturday's orders.",
    ],
)
def test_formal_firmness_with_stated_damage_is_frustrated(text):
    analysis = _analysis(text)
    assert analysis.cues.formal_firmness and analysis.cues.firm_consequences
    assert analysis.level == 2


@pytest.mark.parametrize(
    "text",
    [
        "We won't accept that response. Please send us the root-cause report.",
        "The delays will count against our renewal decision unless the import is repaired.",
        # A deadline is no damage: the dev sets' firm letters that set one are labelled mildly annoyed.
        "The delays will count against our renewal decision unless the import is repaired by the end of the week.",
        "Could the import be repaired by the end of the week? It lost us a few rows last time.",
    ],
)
def test_formal_firmness_without_damage_or_damage_alone_stays_below_frustrated(text):
    analysis = _analysis(text)
    assert not (analysis.cues.formal_firmness and analysis.cues.firm_consequences)
    assert analysis.level <= 1


@pytest.mark.parametrize(
    "text", ["Honestly I'm not a bit disappointed with the update.", "I'm not even a little irritated."]
)
def test_not_a_bit_negates_the_word(text):
    analysis = _analysis(text)
    assert not analysis.cues.mild_words


@pytest.mark.parametrize("text", ["Honestly I'm a bit disappointed with the update.", "I'm even a little irritated."])
def test_a_bit_without_negation_keeps_the_word(text):
    analysis = _analysis(text)
    assert analysis.cues.mild_words
