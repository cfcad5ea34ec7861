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
        ("fr", "Pouvez-vous m'envoyer la facture en double exemplaire ?"),  # two copies of one invoice
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


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Pour le RGPD, notre DPO veut une copie de tous les contacts. Comment les exporter en CSV ?"),
        ("de", "Wegen der DSGVO sollen alte Bewerberdaten gelöscht werden. Wo stelle ich die Löschfrist ein?"),
        ("es", "Por el RGPD revisamos nuestros datos personales de clientes. ¿Cómo exporto todos los contactos?"),
        ("pt", "No âmbito do RGPD queremos arquivar os contactos. Qual é a forma de exportar tudo de uma vez?"),
        ("it", "Per il GDPR dobbiamo archiviare i contatti. Come posso esportarli tutti insieme?"),
        ("nl", "Voor de AVG willen we oude persoonsgegevens opschonen. Hoe stel ik automatisch verwijderen in?"),
        ("pl", "Ze względu na RODO porządkujemy dane osobowe klientów. Jak wyeksportować wszystkie kontakty?"),
        ("sv", "Enligt GDPR ska vi rensa gamla personuppgifter. Hur ställer jag in automatisk radering?"),
        ("da", "På grund af GDPR skal vi rydde op i persondata. Hvordan eksporterer jeg alle kontakter?"),
    ],
)
def test_a_privacy_law_named_in_a_how_to_question_is_no_privacy_request(language, text):
    found = multilingual_signals(text, language)
    assert "privacy_regulation" not in found and "how_to_question" in found, found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Conformément au RGPD, je demande la suppression de mes données. Quand sera-t-elle faite ?"),
        ("de", "Ich mache mein Recht auf Löschung nach DSGVO geltend. Wann ist das erledigt?"),
        ("es", "Según el RGPD quiero que borren mis datos personales. ¿Cuándo estará hecho?"),
        ("pt", "Ao abrigo do RGPD peço a eliminação dos meus dados pessoais. Quando fica concluído?"),
        ("it", "Ai sensi del GDPR chiedo la cancellazione dei miei dati personali. Quando sarà fatto?"),
        ("nl", "Op grond van de AVG vraag ik verwijdering van mijn persoonsgegevens. Wanneer is dat gebeurd?"),
        ("pl", "Zgodnie z RODO proszę o usunięcie moich danych osobowych. Kiedy to nastąpi?"),
        ("sv", "Enligt GDPR begär jag radering av mina personuppgifter. När är det klart?"),
        ("da", "I henhold til GDPR beder jeg om sletning af mine personoplysninger. Hvornår er det gjort?"),
        # The law cited for a problem, in a ticket that also asks how: still a legal matter.
        ("fr", "Vos avocats ont reçu notre courrier sur le RGPD. Comment suivre le dossier ?"),
    ],
)
def test_a_privacy_request_for_ones_own_data_or_a_problem_stays_a_legal_matter(language, text):
    found = multilingual_signals(text, language)
    assert "privacy_regulation" in found, found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Quelle est la marche à suivre pour ajouter un utilisateur ?"),
        ("de", "Welche Einstellung brauche ich für den Export?"),
        ("es", "¿Cuál es la forma más rápida de importar contactos?"),
        ("pt", "Qual é a melhor maneira de exportar as listas?"),
        ("it", "Qual è il modo più semplice per esportare i contatti?"),
        ("nl", "Welke instelling moet ik kiezen voor de export?"),
        ("pl", "Jaki format pliku obsługuje import?"),
        ("sv", "Vilken inställning gäller för exporten?"),
        ("da", "Hvilken indstilling skal jeg bruge til eksporten?"),
    ],
)
def test_a_which_question_is_a_how_to_question(language, text):
    assert multilingual_signals(text, language) == {"how_to_question": 1}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Dans notre export mensuel figurent les contacts d'une autre entreprise."),
        ("fr", "C'est une fuite de données, nous voyons des clients qui ne sont pas les nôtres."),
        ("de", "Im Bericht stehen Daten anderer Kunden mit Namen und Telefonnummern."),
        ("es", "En el informe aparecen datos de otra empresa, es una filtración de datos."),
        ("pt", "No relatório aparecem dados de outra empresa."),
        ("it", "Nel report compaiono dati di altri clienti con nomi e indirizzi."),
        ("nl", "In onze export staan gegevens van een ander bedrijf."),
        ("pl", "W raporcie widzimy dane innego klienta, to wyciek danych."),
        ("sv", "I rapporten finns uppgifter om andra kunder."),
        ("da", "I eksporten kan vi se oplysninger om andre kunder."),
    ],
)
def test_another_customers_data_shown_to_us_is_a_security_incident(language, text):
    assert "security_incident" in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Comment signaler une fuite de données à votre équipe ?"),  # asked how
        ("fr", "Quelle est votre procédure en cas de fuite de données ?"),  # a supposed leak
        ("fr", "Vous nous avez envoyé par erreur les factures d'une autre société."),  # a mail sent by a person
        ("de", "Wir sehen keine Daten anderer Kunden, alles ist in Ordnung."),
        ("de", "Wie sieht Ihr Verfahren im Falle eines Datenlecks aus?"),
        ("es", "¿Cómo importo los datos de otra empresa que acabamos de comprar?"),
        ("pt", "Em caso de vazamento de dados, quem devemos contactar?"),
        ("it", "Come posso importare i dati di un'altra azienda che abbiamo acquisito?"),
        ("nl", "Hoe melden we een datalek?"),
        ("pl", "Jaka jest procedura w razie wycieku danych?"),
        ("sv", "Ni skickade av misstag uppgifter om andra kunder till oss."),
        ("da", "Hvordan melder vi et datalæk?"),
    ],
)
def test_a_leak_asked_about_supposed_denied_or_mailed_by_mistake_is_no_security_incident(language, text):
    assert "security_incident" not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Za únor nám strhli platbu dvakrát.", "billing_dispute"),
        ("Na výpisu vidím duplicitní platbu za tarif.", "billing_dispute"),
        ("Chci, aby mi byla druhá platba vrácena.", "refund_request"),
        ("Prosím o vrácení peněz za nevyužitý měsíc.", "refund_request"),
        ("Aplikace nefunguje a e-shop spadl.", "outage"),
        ("Po sloučení zmizely všechny poznámky.", "data_loss"),
        ("Poznámky jsou zpět, ale ne přílohy.", "data_loss"),
        ("Podáme žalobu u soudu.", "legal_action"),
        ("Obrátíme se na ÚOOÚ.", "regulator_complaint"),
        ("Na účtu jsou platby bez mého souhlasu, je to podvod.", "fraud"),
        ("V exportu vidíme data jiné firmy.", "security_incident"),
        ("Chyba se po aktualizaci znovu objevila.", "recurring_fault"),
        ("Vypovídáme smlouvu s okamžitou platností pro porušení smlouvy.", "legal_action"),  # termination rights
        ("Je to naléhavé, potřebujeme odpověď ihned.", "urgency"),
    ],
)
def test_czech_cues_fire(text, signal):
    assert signal in multilingual_signals(text, "cs")


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Můžeme platit dvakrát ročně?", "billing_dispute"),
        ("Jak funguje vrácení peněz při zrušení?", "refund_request"),  # asked about
        ("Vrácení peněz není potřeba, stačí opravit fakturu.", "refund_request"),
        ("Nepotřebujeme právníka.", "legal_action"),
        ("Nedošlo ke ztrátě dat.", "data_loss"),
        ("Duplicitní kontakty zmizely, děkuji.", "data_loss"),
        ("Naše míra chargebacků je velmi nízká.", "chargeback"),
        ("Jak nahlásit únik dat?", "security_incident"),
        ("Kvůli GDPR chceme archivovat kontakty. Jak je vyexportovat najednou?", "privacy_regulation"),
    ],
)
def test_czech_negated_routine_or_asked_cues_do_not_fire(text, signal):
    assert signal not in multilingual_signals(text, "cs")


@pytest.mark.parametrize(
    ("language", "text", "signal"),
    [
        ("fr", "Comment est-il possible que nous voyions les contacts d'une autre entreprise ?", "security_incident"),
        ("de", "Wie kann es sein, dass wir Daten anderer Kunden sehen?", "security_incident"),
        ("de", "Wie kommt es, dass Sie zweimal abgebucht haben?", "billing_dispute"),
        ("es", "¿Cómo es posible que aún esperemos el reembolso?", "refund_request"),
        ("pl", "Jak to możliwe, że widzimy dane innej firmy?", "security_incident"),
        ("nl", "Hoe kan het dat we nog steeds op de terugbetaling wachten?", "refund_request"),
        ("cs", "Jak je možné, že v exportu vidíme data jiné firmy?", "security_incident"),
    ],
)
def test_how_can_it_be_that_opens_a_complaint_not_a_how_to_question(language, text, signal):
    found = multilingual_signals(text, language)
    assert signal in found and "how_to_question" not in found, found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Comment est-ce que je peux changer mon mot de passe ?"),
        ("de", "Wie kann ich einen Benutzer hinzufügen?"),
        ("nl", "Hoe kan ik een gebruiker toevoegen?"),
        ("cs", "Jak můžu přidat uživatele?"),
    ],
)
def test_a_plain_how_can_i_stays_a_how_to_question(language, text):
    assert multilingual_signals(text, language) == {"how_to_question": 1}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Kan het zijn dat de factuur naar mijn oude adres gaat? Hoe pas ik dat aan?"),
        ("de", "Kann es sein, dass die Mail im Spam landet? Wo finde ich die Einstellung?"),
    ],
)
def test_could_it_be_that_without_how_is_a_plain_question(language, text):
    assert multilingual_signals(text, language) == {"how_to_question": 2}  # both questions
