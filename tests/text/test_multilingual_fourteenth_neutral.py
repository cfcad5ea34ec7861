"""Language-neutral evidence in the languages the table covers last (Finnish, Turkish, Czech, Norwegian), checked
against the others: a data-protection article cited with the language's word for an article, an amount with its
currency after it, and a quoted failure message that is a text to edit or asked about (not a failure seen)."""

import pytest

from triage.text.language import language_neutral_signals


@pytest.mark.parametrize(
    "text",
    [
        "Pyydän tietojani GDPR:n 15 artiklan mukaisesti.",
        "KVKK'nın 11. maddesi uyarınca verilerimin silinmesini talep ediyorum.",
        "Žádám o přístup k údajům podle článku 15 GDPR.",
        "Jeg ber om innsyn etter artikkel 15 i GDPR.",
    ],
)
def test_a_privacy_article_cited_in_the_language_is_found(text):
    assert language_neutral_signals({}, text).get("privacy_article") == 1


@pytest.mark.parametrize(
    "text",
    [
        "KVKK kapsamında 3 madde halinde sorularımız var.",  # three items, no article
        "GDPR 2018 yılında yürürlüğe girdi.",
        "Tietosuoja-asetuksesta meillä on 2 kysymystä.",
    ],
)
def test_a_law_beside_a_number_that_is_no_article_is_not(text):
    assert "privacy_article" not in language_neutral_signals({}, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kartımızdan 1.250,00 TL iki kez çekildi.",
        "Z karty nám bylo strženo 1 250,00 Kč navíc.",
    ],
)
def test_an_amount_with_the_currency_after_it_is_money(text):
    assert language_neutral_signals({}, text).get("money_amount") == 1


@pytest.mark.parametrize(
    "text",
    [
        "Kartımızdan 1.250 kişi için ödeme alındı.",  # a head count, no currency
        "Fakturace proběhla 15,00 hodin po termínu.",
    ],
)
def test_a_number_without_a_currency_is_no_money(text):
    assert "money_amount" not in language_neutral_signals({}, text)


@pytest.mark.parametrize(
    "text",
    [
        'Miten muutan viestin "Payment failed" sisältöä?',
        'Viestipohjassa "Payment failed" on kirjoitusvirhe.',
        '"Sync failed" mesajının metnini nasıl değiştirebilirim?',
        'E-posta şablonundaki "Payment failed" ifadesini değiştirmek istiyoruz.',
        'Kde změním text "Payment failed" v e-mailu?',
    ],
)
def test_a_failure_message_to_edit_or_asked_about_is_no_error(text):
    assert "error_code" not in language_neutral_signals({}, text)


@pytest.mark.parametrize(
    "text",
    [
        'Synkronointi pysähtyi, näytöllä lukee "Sync failed: timeout".',
        'Senkronizasyon durdu, ekranda "Sync failed" yazıyor, loglar nerede?',
        'Synchronizace hlásí "Sync failed: timeout" od pondělí.',
    ],
)
def test_a_failure_message_seen_is_an_error(text):
    assert language_neutral_signals({}, text).get("error_code") == 1
