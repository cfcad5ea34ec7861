"""The fourteenth session's review of the cue table, both ways: a code named as an invoice, an order or a contract
(or of a document's dated shape) is no error code beside a billing mistake; a repeat contact is the writer's own
with us, not a system that gets no answer, a report to the writer's own team nor an answer awaited from a third
party; "unknown payments" quoted as a product's message or asked about in a how-to is no fraud; and the misses:
"no answer until today", "still waiting for an answer", an account opened in the writer's name, a charge the writer
does not recognise. Also the language-neutral error code: a mistake of an amount written with its currency word."""

import pytest

from triage.text.language import language_neutral_signals
from triage.text.multilingual import multilingual_signals

FIRES = [
    # A real failure code beside a document: the code follows the word for the failure, not the document.
    ("de", "Beim Öffnen der Rechnung erscheint der Fehler PDF-GEN-500.", "error_code"),
    ("fr", "L'export de la facture échoue avec le code EXP-503.", "error_code"),
    # A repeat contact with us, said beside a system or a team.
    ("de", "Ich habe von Ihnen noch keine Antwort auf mein Ticket zur API.", "repeat_contact"),
    ("nl", "Ik heb nog steeds geen reactie van jullie support gekregen.", "repeat_contact"),
    ("fr", "J'ai déjà signalé le problème à votre équipe lundi.", "repeat_contact"),
    ("es", "Todavía no hemos recibido respuesta de su equipo.", "repeat_contact"),
    ("it", "Non abbiamo ancora ricevuto risposta dal vostro supporto.", "repeat_contact"),
    # Misses: other verbs for "no answer yet".
    ("fr", "Nous n'avons toujours pas eu de réponse à notre réclamation.", "repeat_contact"),
    ("es", "Aún no hemos tenido respuesta al correo que enviamos el martes.", "repeat_contact"),
    ("it", "Non ho ancora avuto risposta al ticket aperto giovedì.", "repeat_contact"),
    ("de", "Bis heute keine Antwort erhalten, obwohl ich zweimal angerufen habe.", "repeat_contact"),
    ("de", "Ich warte immer noch auf eine Rückmeldung zu meinem Ticket.", "repeat_contact"),
    # Unknown charges the writer reports.
    ("de", "Auf unserem Konto sind unbekannte Abbuchungen, wir haben sie nicht autorisiert.", "fraud"),
    ("fr", "Il y a des prélèvements inconnus sur notre compte depuis lundi.", "fraud"),
    # Misses: an account opened in the writer's name, a charge the writer does not recognise.
    ("es", "Crearon una suscripción a mi nombre sin mi autorización.", "fraud"),
    ("es", "Alguien abrió una cuenta a mi nombre la semana pasada.", "fraud"),
    ("it", "Qualcuno ha creato un abbonamento a mio nome.", "fraud"),
    ("pt", "Alguém abriu uma conta em meu nome.", "fraud"),
    ("nl", "Iemand heeft een account op mijn naam aangemaakt.", "fraud"),
    ("de", "Jemand hat einen Vertrag auf meinen Namen abgeschlossen.", "fraud"),
    ("fr", "Il y a deux prélèvements que nous ne reconnaissons pas.", "fraud"),
    ("de", "Es gibt eine Lastschrift, die ich nicht kenne.", "fraud"),
    ("nl", "Er staan afschrijvingen op mijn rekening die ik niet herken.", "fraud"),
    ("pt", "Há cobranças que não reconheço no meu cartão.", "fraud"),
    ("it", "Ci sono addebiti che non riconosco sulla carta aziendale.", "fraud"),
]

DOES_NOT_FIRE = [
    # A document number beside a billing mistake, in every language of the table.
    ("fr", "Notre facture FAC-2026-0112 contient une erreur de TVA.", "error_code"),
    ("de", "In der Rechnung RE-2026-118 ist ein Fehler bei der Mehrwertsteuer.", "error_code"),
    ("es", "El pedido PO-44821 llegó con un error en la dirección.", "error_code"),
    ("pt", "A fatura NF-33012 veio com erro no CNPJ.", "error_code"),
    ("it", "Nella fattura FT-2026-331 c'è un errore nell'importo.", "error_code"),
    ("nl", "Er zit een fout in factuur INV-20931.", "error_code"),
    ("pl", "W fakturze FV-2026-118 jest błąd w kwocie VAT.", "error_code"),
    ("sv", "I faktura F-88213 ligger felet i momsen.", "error_code"),
    ("da", "Ordre OR-5521 har fejlen i leveringsadressen.", "error_code"),
    ("nb", "Faktura NO-77120 har feilen i beløpet.", "error_code"),
    ("fi", "Laskussa LK-2026-12 on virhe alv-summassa.", "error_code"),
    ("tr", "Fatura FTR-88123 tutarında hata var.", "error_code"),
    ("cs", "Ve faktuře FA-2026-045 je chyba v DPH.", "error_code"),
    ("de", "Wie exportiere ich den Vertrag VT-44120 als PDF? Beim ersten Versuch kam ein Fehler.", "error_code"),
    # A system that gets no answer.
    ("de", "Die API liefert noch keine Antwort, wenn ich den Endpunkt aufrufe.", "repeat_contact"),
    ("es", "El servidor todavía sin respuesta tras 30 segundos, ¿es normal el timeout?", "repeat_contact"),
    ("nl", "De webhook krijgt nog steeds geen reactie van jullie endpoint.", "repeat_contact"),
    ("pt", "O servidor ainda sem resposta depois de 60 segundos.", "repeat_contact"),
    ("sv", "Servern har fortfarande inget svar efter en minut.", "repeat_contact"),
    # A report made to the writer's own team or manager.
    ("es", "Ya hemos reportado el problema a nuestro equipo interno, ahora os escribimos.", "repeat_contact"),
    ("it", "Ho già segnalato il problema al mio responsabile interno.", "repeat_contact"),
    ("pt", "Já reportei isso ao nosso time de TI, que pediu para abrir este chamado.", "repeat_contact"),
    (
        "fr",
        "J'ai déjà signalé le problème à notre service informatique, qui m'a demandé de vous écrire.",
        "repeat_contact",
    ),
    ("sv", "Jag har redan rapporterat felet till vår IT-avdelning.", "repeat_contact"),
    ("de", "Ich habe das Problem bereits unserem Vorgesetzten gemeldet.", "repeat_contact"),
    # An answer awaited from a third party.
    ("es", "Todavía no hemos recibido respuesta del banco, ¿pueden reenviar el archivo?", "repeat_contact"),
    ("pt", "Ainda não recebemos retorno do nosso fornecedor, por isso adiamos a integração.", "repeat_contact"),
    ("fr", "Nous n'avons toujours pas eu de réponse de notre banque.", "repeat_contact"),
    ("de", "Wir warten noch auf eine Antwort von unserem Kunden.", "repeat_contact"),
    # "Unknown" as a product's message or category.
    ("de", "Beim Import erscheint der Fehler „Unbekannte Buchungsart“ für alle Zeilen.", "fraud"),
    ("fr", "L'API renvoie « transaction inconnue » quand j'appelle le endpoint de test.", "fraud"),
    ("es", "¿Cómo marco un pago desconocido en el módulo de conciliación?", "fraud"),
    ("nl", "Hoe kan ik onbekende transacties in het dashboard filteren?", "fraud"),
    ("pt", "Como faço para classificar pagamentos desconhecidos na conciliação?", "fraud"),
    ("sv", "Hur filtrerar jag okända transaktioner i rapporten?", "fraud"),
    # Not fraud: the writer's own account, a charge not understood.
    ("es", "Creé una cuenta a mi nombre y quiero cambiar el correo.", "fraud"),
    ("it", "Ho creato un account a mio nome per il team.", "fraud"),
    ("de", "Es gibt eine Lastschrift, die ich nicht verstehe, wofür ist sie?", "fraud"),
]


@pytest.mark.parametrize(("language", "text", "signal"), FIRES)
def test_fires(language: str, text: str, signal: str) -> None:
    assert signal in multilingual_signals(text, language)


@pytest.mark.parametrize(("language", "text", "signal"), DOES_NOT_FIRE)
def test_does_not_fire(language: str, text: str, signal: str) -> None:
    assert signal not in multilingual_signals(text, language)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laskussa on virhe 500 euroa, veloititte liikaa.", False),
        ("Na faktuře je chyba 400 korun navíc.", False),
        ("Kirjautuminen antaa virhe 500 joka kerta.", True),
        ("Bekomme Fehler 500 beim Login, seit heute früh.", True),
    ],
)
def test_error_code_beside_an_amount_in_words(text: str, expected: bool) -> None:
    assert ("error_code" in language_neutral_signals({}, text)) is expected
