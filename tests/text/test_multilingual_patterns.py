"""Patterns of the cue tables (triage.text.multilingual) found on the development checks, written as general rules in
every language the tables cover: a refund said to be not needed, termination rights invoked, records that
disappeared, a shop that takes no payments. Each with the sentences that must not fire."""

from __future__ import annotations

import pytest

from triage.text.multilingual import multilingual_signals


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Pour les 12 € en trop, un remboursement n'est pas nécessaire, corrigez simplement la prochaine facture.",
        ),
        ("fr", "Il n'est pas nécessaire de nous rembourser."),
        ("de", "Die Gutschrift ist für uns nicht nötig, stellen Sie bitte nur die Anzahl richtig."),
        ("de", "Eine Rückerstattung brauchen wir nicht."),
        ("es", "El reembolso no es necesario; basta con corregir la factura de marzo."),
        ("es", "No es necesario un reembolso."),
        ("pt", "O reembolso não é necessário, só queremos a fatura certa."),
        ("it", "Il rimborso non serve, basta correggere la prossima fattura."),
        ("it", "Non è necessario alcun rimborso."),
        ("nl", "Terugbetaling is niet nodig, pas alleen het aantal aan."),
        ("pl", "Zwrot pieniędzy nie jest potrzebny, proszę tylko poprawić fakturę."),
        ("sv", "Återbetalning behövs inte, rätta bara nästa faktura."),
        ("da", "Refusion er ikke nødvendig, bare ret den næste faktura."),
    ],
)
def test_a_refund_said_to_be_not_needed_is_no_refund_request(language, text):
    assert "refund_request" not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Eine Erstattung ist nötig, und zwar bis Freitag."),  # needed, not "not needed"
        ("de", "Wir wollen unser Geld zurück, eine neue Rechnung ist nicht nötig."),  # the other clause
        ("es", "Queremos el reembolso, no hace falta otra factura."),
        ("it", "Chiediamo il rimborso: non serve un'altra fattura."),
    ],
)
def test_a_refund_beside_something_else_not_needed_is_still_asked(language, text):
    assert "refund_request" in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Nous résilions le contrat pour manquement grave à vos obligations de disponibilité."),
        ("fr", "Vos retards répétés constituent une violation du contrat."),
        ("de", "Wir kündigen den Vertrag fristlos, da die zugesagte Verfügbarkeit nicht erreicht wurde."),
        ("de", "Hiermit erklären wir die außerordentliche Kündigung des Servicevertrags."),
        ("es", "Comunicamos la resolución del contrato por los incumplimientos del acuerdo de nivel de servicio."),
        ("pt", "Vamos rescindir o contrato por justa causa, conforme a cláusula 9."),
        ("it", "Esercitiamo il recesso per giusta causa previsto dall'articolo 12."),
        ("nl", "Wij ontbinden hierbij de overeenkomst wegens herhaalde storingen."),
        ("pl", "Wypowiadamy umowę ze skutkiem natychmiastowym z powodu braku dostępności."),
        ("sv", "Vi häver avtalet på grund av upprepade avbrott."),
        ("da", "Vi ophæver aftalen på grund af væsentlig misligholdelse."),
    ],
)
def test_termination_rights_invoked_are_a_legal_matter(language, text):
    assert "legal_action" in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Wir kündigen ordentlich zum Jahresende gemäß § 4 der AGB."),  # a plain cancellation
        ("de", "Dürfen wir den Vertrag außerordentlich kündigen?"),  # asked about, not invoked
        ("fr", "Pouvons-nous résilier pour faute si la panne se répète ?"),
        ("es", "No queremos la resolución del contrato, solo una solución."),
        ("it", "La risoluzione del problema ha richiesto due giorni."),  # the problem's resolution
        ("sv", "Vi säger upp abonnemanget från nästa månad."),
        ("da", "Vi vil gerne have ophævet spærringen af kortet."),  # a block lifted
    ],
)
def test_a_plain_cancellation_a_question_or_a_negation_invokes_no_termination_right(language, text):
    assert "legal_action" not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Seit dem Umzug auf den neuen Server sind alle Datensätze vom März verschwunden."),
        ("es", "Después de la actualización, los pedidos de la tienda han desaparecido."),
        ("es", "Asunto: archivos desaparecidos tras la importación"),
        ("pt", "Depois da migração os registros de estoque sumiram."),
        ("it", "Dopo l'aggiornamento i documenti del cliente sono scomparsi."),
        ("nl", "Na de overstap zijn onze bestanden van vorig jaar verdwenen."),
        ("da", "Efter opdateringen er alle vores filer forsvundet."),
    ],
)
def test_records_that_disappeared_are_data_loss(language, text):
    assert "data_loss" in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Die Datensätze sind nicht verschwunden, sie waren nur gefiltert."),
        ("es", "Los registros no han desaparecido, estaban en otra carpeta."),
        ("it", "Il pulsante di esportazione è scomparso dal menu."),  # no data
        ("nl", "De bestanden zijn nooit verdwenen."),
    ],
)
def test_records_that_did_not_disappear_or_no_data_are_no_data_loss(language, text):
    assert "data_loss" not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("text", "outage"),
    [
        ("Od rana nasz sklep nie przyjmuje żadnych płatności.", True),
        ("System nie realizuje zamówień od godziny.", True),
        ("Nie przyjmujemy płatności gotówką.", False),  # the customer's own policy, no failure
    ],
)
def test_a_polish_shop_that_takes_no_payments_is_an_outage(text, outage):
    assert ("outage" in multilingual_signals(text, "pl")) is outage


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le bug des factures en double est revenu depuis la dernière mise à jour."),
        ("fr", "Vous l'aviez corrigé en mars, mais les doublons réapparaissent chaque lundi."),
        ("de", "Der Fehler beim Export ist seit Dienstag wieder aufgetreten, obwohl er behoben war."),
        ("de", "Das Problem tritt seit dem Update erneut auf."),
        ("es", "Nos dijeron que estaba arreglado, pero ha vuelto a fallar la sincronización."),
        ("pt", "O erro de sincronização voltou depois da atualização."),
        ("it", "Ci avevate detto che era risolto, ma da lunedì è ricominciato."),
        ("it", "Il difetto dei report si è ripresentato stamattina."),
        ("nl", "Het probleem met de planning is weer terug."),
        ("pl", "Błąd z fakturami powrócił po ostatniej aktualizacji."),
        ("sv", "Felet med exporten är tillbaka sedan i måndags."),
        ("da", "Fejlen i kalenderen er tilbage efter opdateringen."),
    ],
)
def test_a_fault_that_came_back_after_a_fix_is_a_recurring_fault(language, text):
    assert "recurring_fault" in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le problème n'est pas revenu depuis votre correctif, merci."),
        ("de", "Der Fehler ist seit dem Patch nicht wieder aufgetreten."),
        ("es", "El error no ha vuelto a aparecer."),
        ("it", "Il problema non si è ripresentato, grazie."),
        ("nl", "Mijn collega is weer terug van vakantie."),  # no fault
        ("pl", "Problem nie powrócił po aktualizacji."),
        ("sv", "Jag är tillbaka på kontoret på måndag."),  # no fault
    ],
)
def test_a_fault_that_stayed_fixed_or_no_fault_is_no_recurring_fault(language, text):
    assert "recurring_fault" not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Terminen har börjat igen, så vi behöver tio licenser till."),
        ("da", "Sæsonen er begyndt igen - kan vi få tre ekstra brugere?"),
        ("it", "Le lezioni sono ricominciate, vorremmo riattivare i 20 account."),
        ("it", "Il corso si è ripresentato in calendario con le stesse date."),
    ],
)
def test_a_season_or_a_term_started_again_is_no_recurring_fault(language, text):
    assert "recurring_fault" not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Felet med dubbletterna har börjat igen sedan uppdateringen."),
        ("da", "Fejlen i kalenderen er begyndt igen efter opdateringen."),
        ("it", "Gli ordini duplicati sono ricominciati da lunedì."),
    ],
)
def test_a_fault_started_again_is_a_recurring_fault(language, text):
    assert "recurring_fault" in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Los pedidos duplicados han desaparecido, muchas gracias."),
        ("de", "Die doppelten Buchungen sind verschwunden."),
        ("fr", "Les contacts ont disparu de la liste des doublons, merci pour votre aide."),
        ("it", "I documenti sono scomparsi dall'elenco degli errori, grazie."),
    ],
)
def test_duplicates_or_errors_gone_and_thanks_are_no_data_loss(language, text):
    assert "data_loss" not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Laut Vertrag ist eine außerordentliche Kündigung bei Umzug möglich. Bitte schicken Sie das Formular."),
        ("es", "Queremos saber si el incumplimiento del contrato por nuestra parte (pago tardío) tiene recargo."),
        ("pl", "Proszę o informację, czy naruszenie umowy z naszej strony skutkuje karą."),
        ("de", "Bitte teilen Sie uns mit, ob eine fristlose Kündigung in unserem Fall greift."),
        ("it", "Vorremmo sapere se l'inadempimento contrattuale da parte nostra comporta una penale."),
    ],
)
def test_a_termination_right_possible_asked_about_or_our_own_breach_is_no_legal_matter(language, text):
    assert "legal_action" not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "El incumplimiento del contrato por su parte nos obliga a actuar."),
        ("pl", "Naruszenie umowy z Państwa strony jest rażące."),
        ("de", "Wir erklären die außerordentliche Kündigung, da Sie den Vertrag gebrochen haben."),
    ],
)
def test_the_other_sides_breach_stays_a_legal_matter(language, text):
    assert "legal_action" in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("text", "outage"),
    [
        ("Sklep nie przyjmuje płatności gotówkowych - czy można to włączyć w ustawieniach?", False),
        ("Dlaczego sklep nie przyjmuje żadnych płatności?", False),  # asked about: the sentence says no more
        ("Od 9:30 sklep nie przyjmuje żadnych płatności, klienci nie mogą nic kupić.", True),
    ],
)
def test_polish_payments_asked_about_or_of_one_kind_are_no_outage(text, outage):
    assert ("outage" in multilingual_signals(text, "pl")) is outage


@pytest.mark.parametrize(
    ("language", "text", "legal"),
    [
        ("de", "Ein Anwalt ist nicht nötig, solange Sie bis Freitag zahlen - sonst schalten wir ihn ein.", True),
        ("de", "Ein Anwalt ist nicht nötig, wir möchten nur die Rechnung korrigiert haben.", False),
        ("fr", "Un avocat n'est pas nécessaire tant que vous remboursez avant vendredi.", True),
    ],
)
def test_a_cue_not_needed_under_a_condition_still_counts(language, text, legal):
    assert ("legal_action" in multilingual_signals(text, language)) is legal
