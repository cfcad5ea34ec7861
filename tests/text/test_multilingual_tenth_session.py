"""Cue-table rules written for the ninth check's non-English errors (triage.text.multilingual), as general rules in
every language the table covers: records still missing after a restore, a charge taken twice and the money asked
back. Each with sentences that must not fire (negated, a question, another subject)."""

from __future__ import annotations

import pytest

from triage.text.multilingual import multilingual_signals


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Les notes sont réapparues, mais pas les pièces jointes du dossier client."),
        ("fr", "Après la restauration, les fichiers manquent toujours."),
        ("fr", "Fiches disparues après l'import de lundi."),
        ("de", "Die Notizen sind wieder da, aber nicht die Anhänge."),
        ("de", "Die Einträge vom Montag fehlen immer noch."),
        ("es", "Los adjuntos siguen sin aparecer después de la restauración."),
        ("es", "Se restauraron las notas, pero no los adjuntos."),
        ("pt", "Os anexos ainda faltam depois do restauro."),
        ("pt", "As notas foram recuperadas, mas não os anexos."),
        ("it", "Mancano ancora gli allegati di ottobre."),
        ("nl", "De bijlagen ontbreken nog steeds na het terugzetten."),
        ("pl", "Po przywróceniu kopii nadal brakuje załączników."),
        ("sv", "Bilagorna saknas fortfarande efter återställningen."),
        ("da", "Bilagene mangler stadig efter gendannelsen."),
    ],
)
def test_records_still_missing_after_a_restore_are_data_loss(language, text):
    assert "data_loss" in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Toutes les pièces jointes sont revenues, rien ne manque."),
        ("fr", "La facture de novembre manque toujours dans l'espace client."),  # an invoice: a billing question
        ("de", "Die Anhänge fehlen nicht mehr, danke."),
        ("es", "Ya no falta ningún adjunto."),
        ("pt", "Os anexos já voltaram todos."),
        ("it", "Gli allegati non mancano più."),
        ("nl", "De bijlagen zijn allemaal terug."),
        ("pl", "Wszystkie załączniki wróciły, niczego nie brakuje."),
        ("sv", "Bilagorna är tillbaka, inget saknas."),
        ("da", "Bilagene er kommet tilbage, intet mangler."),
    ],
)
def test_records_back_or_no_records_missing_are_no_data_loss(language, text):
    assert "data_loss" not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Nous avons été débités en double pour l'abonnement d'octobre."),
        ("fr", "Je vois un paiement en double sur mon relevé."),
        ("de", "Auf dem Kontoauszug steht eine doppelte Abbuchung für Mai."),
        ("es", "Hay un pago duplicado de la cuota mensual."),
        ("es", "Nos han hecho un cargo doble este mes."),
        ("pt", "Fomos debitados duas vezes pela mesma fatura."),
        ("pt", "Aparece um pagamento duplicado no extrato."),
        ("it", "Sulla carta vedo un doppio pagamento dello stesso importo."),
        ("nl", "Er staat een dubbele afschrijving op ons afschrift."),
        ("pl", "Abonament został dwukrotnie pobrany z konta."),
        ("sv", "Vi ser dubbla dragningar på företagskortet."),
        ("da", "Vi har betalt to gange for samme måned."),
    ],
)
def test_a_charge_taken_twice_is_a_billing_dispute(language, text):
    assert "billing_dispute" in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Aucun paiement en double ce mois-ci, tout est en ordre."),
        ("de", "Keine doppelte Abbuchung diesmal, vielen Dank."),
        ("es", "¿Puedo pagar dos veces al año en lugar de cada mes?"),
        ("pt", "Nenhum pagamento duplicado, está tudo certo."),
        ("it", "Nessun doppio pagamento questa volta."),
        ("nl", "Geen dubbele afschrijving meer gezien, bedankt."),
        ("pl", "Czy można płacić dwa razy w roku?"),
        ("sv", "Kan vi betala två gånger per år?"),
        ("da", "Kan vi betale to gange om året i stedet for månedligt?"),
    ],
)
def test_no_double_charge_or_paying_twice_a_year_is_no_billing_dispute(language, text):
    assert "billing_dispute" not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Por favor, devuélvanme el importe del segundo cargo."),
        ("pt", "Quero o dinheiro de volta do segundo pagamento."),
        ("it", "Chiedo la restituzione dell'importo addebitato per errore."),
        ("pl", "Proszę o zwrot drugiej płatności."),
        ("pl", "Zwróćcie mi pieniądze za drugi miesiąc."),
    ],
)
def test_money_asked_back_is_a_refund_request(language, text):
    assert "refund_request" in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "¿Cómo funciona la devolución del importe si cancelo?"),
        ("pt", "Não precisamos do dinheiro de volta, só da fatura corrigida."),
        ("pl", "Jak działa zwrot środków przy rezygnacji?"),
    ],
)
def test_money_not_wanted_back_or_asked_about_is_no_refund_request(language, text):
    assert "refund_request" not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Notre taux de rétrofacturation est très bas, peut-on revoir la commission ?"),
        ("de", "Unsere Chargeback-Quote liegt unter 0,1 %, gibt es dafür bessere Konditionen?"),
        ("de", "Unsere Erstattungsquote ist seit Jahren gering."),
        ("es", "Nuestra tasa de contracargos es del 0,1 %, ¿hay una tarifa mejor?"),
        ("pt", "A nossa taxa de chargeback é muito baixa."),
        ("it", "Il nostro tasso di chargeback è quasi nullo."),
        ("nl", "Ons chargebackpercentage is laag, krijgen we korting?"),
        ("pl", "Nasz wskaźnik chargebacków jest bardzo niski."),
        ("sv", "Vår chargeback-andel är nästan noll."),
        ("da", "Vores chargebackrate er lav, kan vi få en bedre pris?"),
    ],
)
def test_a_chargeback_or_refund_rate_is_a_business_figure_not_a_dispute(language, text):
    found = multilingual_signals(text, language)
    assert not {"chargeback", "refund_request"} & found.keys(), found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "J'ai lancé une rétrofacturation auprès de ma banque."),
        ("de", "Wir haben bei der Bank ein Chargeback eingeleitet."),
        ("es", "He abierto un contracargo con mi banco."),
        ("da", "Vi har lavet en chargeback via banken."),
        ("pl", "Zgłosiłem chargeback w banku."),
    ],
)
def test_a_chargeback_filed_is_still_a_chargeback(language, text):
    assert "chargeback" in multilingual_signals(text, language)


def test_an_abbreviation_does_not_cut_a_question_short():
    # "kr." and "ca." end no sentence: the question still opens with "Kan".
    text = "1) Kan vi få et lavere gebyr end ca. 1,45 % + 1,80 kr., som vi betaler nu?"
    assert multilingual_signals(text, "da") == {"how_to_question": 1}
