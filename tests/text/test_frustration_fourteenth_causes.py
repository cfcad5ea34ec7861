"""The tenth hand-written check's frustration errors, by cause, on our own sentences: each rule fires on its sentence
and stays quiet on a twin. Double question marks are confusion unless another cue of tone is there; a date format's
placeholders are no shouting; a smile after "again" is good humour; an honesty tag beside another mild word is one
remark, and before praise none; someone else "already asked us"; a formal refusal, a renewal made to hang on a fix
and "to put it plainly" are formal firmness; "still can't find where" is mild annoyance; "which is getting old"; an
apology for one's own tone; another language's word for "urgent" is the stakes; a status page saying all is well."""

from __future__ import annotations

import pytest

from triage.text.frustration import analyse_cues, lexicon_frustration
from triage.text.language import detect_language


def _cues(text: str):  # type: ignore[no-untyped-def]
    return analyse_cues([text])[0].cues


def _level(text: str) -> int:
    return lexicon_frustration([text])[0][1]


def test_double_question_marks_count_beside_another_cue_of_tone() -> None:
    assert _cues("Why did you remove the bulk export?? It took me an hour to find a workaround.").punctuation_runs == 1
    assert _cues("The payment page has been down all morning!!").punctuation_runs == 1


@pytest.mark.parametrize(
    "text",
    [
        "Is the seat limit per user or per workspace?? We are setting up the new team this week.",
        "hi, the top-up field only lets me enter 200?? does the annual plan allow more, thanks",
    ],
)
def test_double_question_marks_alone_are_confusion(text: str) -> None:
    assert _cues(text).punctuation_runs == 0
    assert _level(text) == 0


def test_a_date_formats_placeholders_are_no_shouting() -> None:
    assert _cues("The export writes dates as MM/DD/YYYY but our accountants need DD/MM/YYYY.").caps_share == 0
    assert _cues("WHY IS THIS EXPORT STILL BROKEN AFTER A WEEK").caps_share > 0


def test_a_smile_after_again_is_good_humour() -> None:
    assert not _cues(
        "Our policy makes us rotate the keys every quarter, so here I am again :) Where is it now?"
    ).repeat_contact
    assert not _cues("Forgot which menu the exports live in again, haha. Could you point me there?").repeat_contact
    assert _cues("The sync failed again :( Can someone take a look?").repeat_contact


def test_an_honesty_tag_beside_another_mild_word_is_one_remark() -> None:
    assert _cues("The new card fee is a bit annoying, to be honest.").mild_words == ["annoying"]
    assert _level("The new card fee is a bit annoying, to be honest.") == 1
    # Alone it still says annoyance, and beside an angry word it stays.
    assert "to be honest" in _cues("To be honest, this is the third time I have asked about the fee.").mild_words
    assert "honestly" in _cues("Honestly, the arrogance of that reply is hard to believe.").mild_words


def test_an_honesty_tag_before_praise_is_no_annoyance() -> None:
    assert not _cues("We have honestly been delighted with the service for years, thank you.").mild_words
    assert "honestly" in _cues("Honestly, I thought the invoice would be right by now.").mild_words


def test_someone_else_asking_the_customer_is_no_repeat_contact() -> None:
    assert not _cues("Our auditor has already asked us for the access logs from October.").repeat_contact
    assert _cues("I have already asked you for the access logs from October.").repeat_contact


def test_a_formal_refusal_is_formal_firmness() -> None:
    assert _cues("We have reviewed your breakdown with our finance team and we do not accept it.").formal_firmness
    assert not _cues("We do not accept it as a form of payment in our shop.").formal_firmness


def test_a_renewal_made_to_hang_on_a_fix_is_formal_firmness() -> None:
    assert _cues("This will weigh on our renewal decision if the invoice is not corrected.").formal_firmness
    assert not _cues("The new reporting features will factor into our renewal decision next spring.").formal_firmness


def test_plain_speaking_put_plainly_is_formal_firmness_unless_a_plain_question() -> None:
    assert _cues("To put it plainly: this failover is a serious problem for our regulator and for us.").formal_firmness
    assert not _cues("To put it plainly, which of your plans includes single sign-on?").formal_firmness


def test_still_searching_for_a_setting_is_mild_annoyance_not_a_fault_that_persists() -> None:
    searching = _cues("still cant find where to turn off the daily digest email, ive looked everywhere")
    assert searching.mild_words and not searching.repeat_contact
    assert _cues("I still can't log in after the password reset you sent.").repeat_contact


def test_which_is_getting_old_is_annoyance() -> None:
    assert _cues("We re-enter every order by hand twice a day, which is getting old.").mild_words
    assert not _cues("The tablet we use for this is getting old, can we order a new one?").mild_words


@pytest.mark.parametrize(
    "text",
    [
        "Apologies for my tone yesterday, but the export is still failing for every user.",
        "Pardon pour le ton de mon dernier message, mais les pièces jointes manquent toujours.",
    ],
)
def test_an_apology_for_ones_own_tone_is_still_frustration(text: str) -> None:
    assert _level(text) >= 2


def test_an_apology_for_a_delay_is_courtesy() -> None:
    assert _level("Sorry for the delay in replying, the export works fine now. Thanks!") == 0


def test_another_languages_urgent_counts_only_beside_tone() -> None:
    calm = "URGENTE: como adiciono um usuário convidado só com permissão de leitura? Obrigada!"
    angry = "URGENTE: é a terceira vez que escrevo e ainda não resolveram o problema. Isso é inaceitável."
    assert detect_language(calm).code == detect_language(angry).code == "pt"
    assert not _cues(calm).pressure and _level(calm) == 0
    assert "urgente" in _cues(angry).pressure


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Aucun de nos agents ne peut se connecter depuis ce matin et votre page de statut indique que tout va "
            "bien.",
        ),
        ("de", "Seit heute früh kann sich niemand anmelden, und Ihre Statusseite zeigt an, dass alles in Ordnung ist."),
        ("es", "Nadie de nuestro equipo puede entrar desde esta mañana y su página de estado dice que todo funciona."),
    ],
)
def test_another_languages_status_page_saying_all_is_well_is_annoyance(language: str, text: str) -> None:
    assert detect_language(text).code == language
    assert _cues(text).mild_words


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Votre page de statut indique une panne depuis 9 heures : avez-vous une estimation du retour ?"),
        (
            "de",
            "Ihre Statusseite zeigt eine Störung seit heute früh an. Gibt es schon eine Schätzung, wann es behoben "
            "ist?",
        ),
    ],
)
def test_a_status_page_reporting_the_incident_is_no_annoyance(language: str, text: str) -> None:
    assert detect_language(text).code == language
    assert not _cues(text).mild_words
