"""Turkish escalation cues (triage.text.multilingual), on sentences of our own: each cue family fires through its
suffixes, and its negated (a negating suffix or "yok" after the cue), asked-about, conditional or routine twin does
not. The detector must read them as Turkish."""

from __future__ import annotations

import pytest

from triage.text.language import detect_language
from triage.text.multilingual import multilingual_signals

FIRES = [
    ("Sabahtan beri sistem çöktü ve hiçbir şey çalışmıyor.", "outage"),
    ("Dün geceden beri hizmet kesintisi yaşıyoruz.", "outage"),
    ("Güncellemeden sonra tüm müşteri kayıtları silindi.", "data_loss"),
    ("Ciddi bir veri kaybı yaşadık.", "data_loss"),
    ("Son üç ayın ücret iadesini talep ediyoruz.", "refund_request"),
    ("Paramı geri istiyorum.", "refund_request"),
    ("Mart ayı için kartımdan iki kez ücret çekildi.", "billing_dispute"),
    ("Nisan ayı için hatalı fatura kesildi.", "billing_dispute"),
    ("Bankamız üzerinden ters ibraz başlattık.", "chargeback"),
    ("Aboneliğimizi iptal etmek istiyoruz.", "cancellation"),
    ("Konuyu avukatımıza ilettik.", "legal_action"),
    ("Gerekirse dava açacağız.", "legal_action"),
    ("Kişisel Verileri Koruma Kurulu'na başvuracağız.", "regulator_complaint"),
    ("Tüketici hakem heyetine başvurduk.", "regulator_complaint"),
    ("Bu durum KVKK kapsamında açık bir ihlaldir.", "privacy_regulation"),
    ("Hesabımda yapmadığım işlemler var.", "fraud"),
    ("Müşterimiz sahte bir ödeme sayfasıyla dolandırıldı.", "fraud"),
    ("Konu çok acil, bugün dönüş bekliyoruz.", "urgency"),
    ("Raporda başka bir müşterinin bilgileri görünüyor.", "security_incident"),
    ("API üzerinden bir veri sızıntısı yaşadık.", "security_incident"),
    ("Takvimdeki hata güncellemeden sonra tekrar başladı.", "recurring_fault"),
    ("Sözleşme ihlali nedeniyle sözleşmeyi haklı nedenle feshediyoruz.", "legal_action"),  # termination rights
    ("Eğer paramızı iade etmezseniz avukata gideceğiz.", "legal_action"),  # a condition: a threat
]
SILENT = [
    "Avukata ihtiyacımız yok.",
    "Herhangi bir veri kaybı yaşanmadı.",
    "Hiçbir veri kaybı olmadı, her şey yerinde.",
    "İade gerekli değil, sadece bir sonraki faturayı düzeltin.",
    "Mükerrer kayıtlar silindi, teşekkür ederiz.",
    "Sezon tekrar başladı - üç ek kullanıcı alabilir miyiz?",  # no fault word: no recurring fault
    "Bir veri sızıntısı durumunda nasıl bildirim yaparız?",  # a procedure asked about, no incident
    "Taşınma durumunda sözleşmeyi feshetmek mümkün mü?",  # a termination right asked about, not invoked
]
HOW_TO = [
    "Aboneliği nasıl iptal edebilirim?",
    "20 lisans ne kadar tutar?",
    "Kartımı bloke edebilir misiniz?",
    "Mart faturasının kopyasını gönderebilir misiniz (1.240,00 TL)?",
    "Teslimat adresimi değiştirmek istiyorum.",
]


@pytest.mark.parametrize(("text", "signal"), FIRES)
def test_a_turkish_cue_fires(text, signal):
    assert signal in multilingual_signals(text, "tr")


@pytest.mark.parametrize("text", SILENT)
def test_a_negated_or_routine_turkish_twin_stays_silent(text):
    found = multilingual_signals(text, "tr")
    assert not set(found) - {"how_to_question"}, found


@pytest.mark.parametrize("text", HOW_TO)
def test_a_turkish_routine_question_or_request_is_a_routine_ask(text):
    found = multilingual_signals(text, "tr")
    assert set(found) == {"how_to_question"}, found


def test_how_can_it_be_opens_a_turkish_complaint():
    text = "Raporda başka bir müşterinin bilgileri görünüyor, bu nasıl olabilir?"
    assert "security_incident" in multilingual_signals(text, "tr")


def test_a_refund_beside_a_routine_request_is_money_at_stake():
    found = multilingual_signals("Fatura kopyasını gönderin. İki kez ücret çekildi, paramızı geri istiyoruz.", "tr")
    assert "how_to_question" not in found
    assert {"billing_dispute", "refund_request"} <= set(found)


@pytest.mark.parametrize("text", [text for text, _ in FIRES] + SILENT + HOW_TO)
def test_the_detector_reads_the_fixtures_as_turkish(text):
    language = detect_language(text)
    assert language.code == "tr" or not language.detected, language
