"""The multilingual cues a reviewer's own sentences caught (triage.text.multilingual), fixed by cause: a Czech
subject veto that took the verb its cue is built on ("chybí", is missing, read as "chyba", an error), records still
missing with the verb first, a Czech refund with "prosím" inside it or asked for as owed, a Czech double charge in the
passive, Czech negators in the dative, a double charge supposed in a condition and asked about, and Finnish and
Turkish questions asked by a particle. Each with twins that must not fire; the detector must read them as written."""

from __future__ import annotations

import pytest

from triage.text.language import detect_language
from triage.text.multilingual import multilingual_signals

FIRES = [
    # "chybí" (is missing) is the cue's verb, not the subject veto's "chyba" (an error).
    ("cs", "Po obnově zálohy stále chybí přílohy u objednávek.", "data_loss"),
    ("cs", "Přílohy k objednávkám pořád chybí.", "data_loss"),
    ("cs", "Stále chybí přílohy k objednávkám.", "data_loss"),
    # Still missing after a restore, the verb first (after an opening phrase) and the noun first.
    ("de", "Nach der Wiederherstellung fehlen immer noch alle Anhänge.", "data_loss"),
    ("de", "Alle Anhänge fehlen immer noch.", "data_loss"),
    ("nl", "Na het herstel ontbreken de bijlagen nog steeds.", "data_loss"),
    ("nl", "Na het herstel ontbreken nog steeds alle bijlagen.", "data_loss"),
    ("nl", "De bijlagen ontbreken nog steeds.", "data_loss"),
    ("pl", "Po przywróceniu brakuje nadal wszystkich załączników.", "data_loss"),
    ("pl", "Załączników nadal brakuje po przywróceniu.", "data_loss"),
    # A Czech refund with "prosím" inside, or asked for as owed ("when will you give me my money back?").
    ("cs", "Vraťte mi prosím peníze.", "refund_request"),
    ("cs", "Kdy mi vrátíte peníze?", "refund_request"),
    # A Czech double charge in the passive.
    ("cs", "Platba mi byla stržena dvakrát za stejnou fakturu.", "billing_dispute"),
    # The dative negators' positive twins.
    ("cs", "Došlo k úniku dat zákazníků.", "security_incident"),
    ("cs", "Od rána máme výpadek celého systému.", "outage"),
    # A double charge that happened, asked about: a claim, not a supposition.
    ("cs", "Platba byla stržena dvakrát, jak ji vrátíte?", "billing_dispute"),
    ("cs", "Kdy mi vrátíte peníze, když jste platbu strhli dvakrát?", "billing_dispute"),
    ("fr", "Le paiement a été prélevé deux fois, comment le récupérer ?", "billing_dispute"),
    ("fr", "Pourquoi le paiement a-t-il été prélevé deux fois si je n'ai payé qu'une fois ?", "billing_dispute"),
    ("de", "Ich wurde doppelt belastet, wie bekomme ich das Geld zurück?", "billing_dispute"),
    ("fi", "Veloitus tapahtui kahdesti, miten saan rahat takaisin?", "billing_dispute"),
    # Whether it is possible, with no condition: the charge is asked about as having happened.
    ("fr", "Est-il possible que le paiement ait été prélevé deux fois ce mois-ci ?", "billing_dispute"),
    # A condition that threatens is still a threat.
    ("fr", "Si vous ne me remboursez pas, dois-je saisir un avocat ?", "refund_request"),
]
SILENT = [
    # Errors gone are a fix: the whole forms of "chyba" still veto the subject.
    ("cs", "Chyby po obnově zálohy zmizely."),
    ("cs", "Po aktualizaci chybové záznamy ze systému zmizely."),
    ("de", "Nach der Wiederherstellung fehlen keine Anhänge mehr."),
    ("nl", "Na het herstel ontbreken er geen bijlagen meer."),
    ("pl", "Po przywróceniu nie brakuje już żadnych załączników."),
    ("cs", "Platba mi byla stržena jednou, jak bylo dohodnuto."),
    ("cs", "Nedošlo k žádnému úniku dat."),
    ("cs", "Nedošlo k žádnému výpadku."),
]
# A double charge supposed in a condition and asked about, and questions asked by a particle: routine asks.
HOW_TO = [
    ("cs", "Pokud by se platba strhla dvakrát, jak ji vrátíte?"),
    ("cs", "Je možné, že se platba strhne dvakrát, pokud změním kartu?"),
    ("fr", "Si le paiement est prélevé deux fois quand je change de carte, comment le récupérer ?"),
    ("fr", "Est-il possible que le paiement soit prélevé deux fois si je change de carte ?"),
    ("de", "Wenn ich beim Kartenwechsel doppelt belastet werde, wie bekomme ich das Geld zurück?"),
    ("fi", "Jos veloitus tapahtuu kahdesti, miten saan rahat takaisin?"),
    ("nl", "Als ik dubbel word belast, hoe krijg ik mijn geld terug?"),
    ("pl", "Jeśli płatność zostanie pobrana dwukrotnie, jak ją odzyskać?"),
    ("tr", "Eğer iki kez ücret alınırsa, nasıl iade alırım?"),
    ("fi", "Onko mahdollista saada hyvitys?"),
    ("fi", "Voiko tilauksen perua verkossa?"),
    ("tr", "İade almak mümkün mü?"),
    ("tr", "Teslimat adresini değiştirebilir miyim?"),
    ("es", "¿Es posible que me cobren dos veces si cambio de tarjeta?"),
    ("fr", "Est-il possible d'obtenir un remboursement partiel ?"),
]


@pytest.mark.parametrize(("language", "text", "signal"), FIRES)
def test_the_cue_fires(language, text, signal):
    assert signal in multilingual_signals(text, language)


@pytest.mark.parametrize(("language", "text"), SILENT)
def test_the_twin_stays_silent(language, text):
    found = multilingual_signals(text, language)
    assert not set(found) - {"how_to_question"}, found


@pytest.mark.parametrize(("language", "text"), HOW_TO)
def test_a_supposed_charge_or_a_particle_question_is_a_routine_ask(language, text):
    assert set(multilingual_signals(text, language)) == {"how_to_question"}


@pytest.mark.parametrize(("language", "text"), [(language, text) for language, text, _ in FIRES] + SILENT + HOW_TO)
def test_the_detector_reads_the_fixtures_in_their_language(language, text):
    detected = detect_language(text)
    assert detected.code == language or not detected.detected, detected
