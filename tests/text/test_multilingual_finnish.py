"""Finnish escalation cues (triage.text.multilingual), on sentences of our own: each cue family fires through its
inflections, and its negated, asked-about, conditional or routine twin does not. The detector must read them as
Finnish."""

from __future__ import annotations

import pytest

from triage.text.language import detect_language
from triage.text.multilingual import multilingual_signals

FIRES = [
    ("Palvelu on ollut alhaalla koko aamun.", "outage"),
    ("Kassajärjestelmä kaatui ja mikään ei toimi.", "outage"),
    ("Päivityksen jälkeen kaikki asiakastiedot ovat kadonneet.", "data_loss"),
    ("Liitteet puuttuvat edelleen palautuksen jälkeen.", "data_loss"),
    ("Vaadimme hyvitystä kolmelta viime kuukaudelta.", "refund_request"),
    ("Haluan rahani takaisin heti.", "refund_request"),
    ("Olette veloittaneet maaliskuun laskun kahdesti.", "billing_dispute"),
    ("Saimme virheellisen laskun huhtikuulta.", "billing_dispute"),
    ("Teimme pankin kautta takaisinveloituksen.", "chargeback"),
    ("Irtisanomme sopimuksen päättymään kuun lopussa.", "cancellation"),
    ("Asia on siirretty asianajajallemme.", "legal_action"),
    ("Viemme asian tarvittaessa oikeuteen.", "legal_action"),
    ("Teemme valituksen tietosuojavaltuutetulle.", "regulator_complaint"),
    ("Olemme yhteydessä kuluttajaneuvontaan.", "regulator_complaint"),
    ("Tämä on selvä rikkomus GDPR:n mukaan.", "privacy_regulation"),
    ("Henkilötietojen käsittely ei ole ollut asianmukaista.", "privacy_regulation"),
    ("Kortilla on kolme ostoa, joita en ole tehnyt.", "fraud"),
    ("Joku huijasi asiakkaaltamme rahaa väärennetyllä maksusivulla.", "fraud"),
    ("Asia on todella kiireellinen.", "urgency"),
    ("Raportissa näkyy toisen asiakkaan tiedot.", "security_incident"),
    ("Meillä on ollut tietovuoto rajapinnan kautta.", "security_incident"),
    ("Kalenterin virhe on palannut päivityksen jälkeen.", "recurring_fault"),
    ("Puramme sopimuksen olennaisen sopimusrikkomuksen vuoksi.", "legal_action"),  # termination rights
    ("Jos ette palauta rahoja, otamme yhteyttä lakimieheen.", "legal_action"),  # a condition: a threat
]
SILENT = [
    "Palvelu ei ole alhaalla, vika oli selaimessani.",
    "Emme tarvitse asianajajaa.",
    "Tietojen menetystä ei ole tapahtunut.",
    "Tietovuotoa ei ole tapahtunut.",
    "Ette ole veloittaneet kahdesti, erehdyin.",
    "Hyvitys ei ole tarpeen, korjatkaa vain seuraava lasku.",
    "Duplikaatit ovat kadonneet listalta, kiitos avusta.",
    "Kausi on alkanut uudelleen - voimmeko saada kolme lisäkäyttäjää?",  # no fault word: no recurring fault
    "Miten ilmoitamme tietovuodosta?",  # a procedure asked about, no incident
    "Emme aio viedä asiaa oikeuteen.",
    "Onko mahdollista purkaa sopimus muuton vuoksi?",  # a termination right asked about, not invoked
]
HOW_TO = [
    "Miten saan hyvityksen tuplatilauksesta?",
    "Miten irtisanon tilauksen?",
    "Paljonko maksaa 20 lisenssiä?",
    "Voitteko sulkea korttini?",
    "Lähettäkää laskukopio maaliskuulta (1 240,00 €).",
    "Haluaisin vaihtaa toimitusosoitteen.",
]


@pytest.mark.parametrize(("text", "signal"), FIRES)
def test_a_finnish_cue_fires(text, signal):
    assert signal in multilingual_signals(text, "fi")


@pytest.mark.parametrize("text", SILENT)
def test_a_negated_or_routine_finnish_twin_stays_silent(text):
    found = multilingual_signals(text, "fi")
    assert not set(found) - {"how_to_question"}, found


@pytest.mark.parametrize("text", HOW_TO)
def test_a_finnish_routine_question_or_request_is_a_routine_ask(text):
    found = multilingual_signals(text, "fi")
    assert set(found) == {"how_to_question"}, found


def test_how_can_it_be_opens_a_finnish_complaint():
    text = "Miten on mahdollista, että raportissa näkyy toisen asiakkaan tiedot?"
    assert "security_incident" in multilingual_signals(text, "fi")


def test_a_refund_beside_a_routine_request_is_money_at_stake():
    found = multilingual_signals("Lähettäkää laskukopio. Veloititte meitä kahdesti, haluamme rahat takaisin.", "fi")
    assert "how_to_question" not in found
    assert {"billing_dispute", "refund_request"} <= set(found)


@pytest.mark.parametrize("text", [text for text, _ in FIRES] + SILENT + HOW_TO)
def test_the_detector_reads_the_fixtures_as_finnish(text):
    language = detect_language(text)
    assert language.code == "fi" or not language.detected, language
