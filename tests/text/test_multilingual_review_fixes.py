"""The multilingual cues a reviewer's own sentences caught (triage.text.multilingual), fixed by cause: a Czech
subject veto that took the verb its cue is built on ("chybí", is missing, read as "chyba", an error), records still
missing with the verb first, a Czech refund with "prosím" inside it, a Czech double charge in the passive, Czech
negators in the dative. Each with twins that must not fire; the detector must read them as written."""

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
    # A Czech refund with "prosím" inside.
    ("cs", "Vraťte mi prosím peníze.", "refund_request"),
    # A Czech double charge in the passive.
    ("cs", "Platba mi byla stržena dvakrát za stejnou fakturu.", "billing_dispute"),
    # The dative negators' positive twins.
    ("cs", "Došlo k úniku dat zákazníků.", "security_incident"),
    ("cs", "Od rána máme výpadek celého systému.", "outage"),
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


@pytest.mark.parametrize(("language", "text", "signal"), FIRES)
def test_the_cue_fires(language, text, signal):
    assert signal in multilingual_signals(text, language)


@pytest.mark.parametrize(("language", "text"), SILENT)
def test_the_twin_stays_silent(language, text):
    found = multilingual_signals(text, language)
    assert not set(found) - {"how_to_question"}, found


@pytest.mark.parametrize(("language", "text"), [(language, text) for language, text, _ in FIRES] + SILENT)
def test_the_detector_reads_the_fixtures_in_their_language(language, text):
    detected = detect_language(text)
    assert detected.code == language or not detected.detected, detected
