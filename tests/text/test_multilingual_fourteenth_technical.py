"""An error code no English signal reads in another language's ticket (a vendor's code, an HTTP client error with
its English reason phrase, a failure message between single quotes) counts beside the language's word for a failure,
in every language of the table; a code-shaped order or case number with no failure beside it does not, nor a
failure with no code. And the HTTP statuses the language-neutral signals read after (or before) the word for an
error in Finnish, Czech, Norwegian and Turkish."""

import pytest

from triage.text.language import language_neutral_signals
from triage.text.multilingual import LANGUAGES, multilingual_signals

FIRES = [
    ("fr", "L'import nocturne échoue depuis le 3 mars avec le code ORA-01017.", "error_code"),
    ("de", "Seit dem 2. März schlägt der Export mit 'Upload failed: 403 Forbidden' fehl.", "error_code"),
    ("es", "La sincronización falla desde el lunes con el mensaje 'Connection timed out'.", "error_code"),
    ("pt", "A exportação falha desde ontem com o código ERR-SYNC-42.", "error_code"),
    ("it", "L'esportazione fallisce da martedì: nel log compare ORA-00942.", "error_code"),
    ("nl", "De koppeling werkt niet meer sinds vrijdag, we krijgen 401 Unauthorized.", "error_code"),
    ("pl", "Od wtorku synchronizacja kończy się błędem 'Request failed with status 429'.", "error_code"),
    ("sv", "Exporten misslyckas sedan i måndags med felkoden E-EXP-07.", "error_code"),
    ("da", "Synkroniseringen fejler siden fredag med 'Sync failed: token expired'.", "error_code"),
    ("nb", "Eksporten feiler siden mandag med koden ERR-EXP-12.", "error_code"),
    ("fi", "Vienti epäonnistuu maanantaista lähtien, lokissa näkyy 'Export job failed'.", "error_code"),
    ("tr", "Senkronizasyon pazartesiden beri başarısız oluyor, 403 Forbidden alıyoruz.", "error_code"),
    ("cs", "Export od pondělí selhává s kódem ERR-EXP-09.", "error_code"),
    # Several lines of one ticket: the failure word in the sentence before the code.
    (
        "it",
        "La sincronizzazione notturna fallisce da lunedì.\nNel registro compare solo SYNC-TIMEOUT-504.",
        "error_code",
    ),
]

DOES_NOT_FIRE = [
    ("fr", "Votre dossier porte la référence RSD-2231, merci de la rappeler.", "error_code"),
    ("de", "Ihre Auftragsnummer lautet AB-20931, die Lieferung kam pünktlich.", "error_code"),
    ("es", "El pedido PED-4471 llegó bien, gracias.", "error_code"),
    ("pt", "O número do seu chamado é CS-88213.", "error_code"),
    ("it", "Il codice del vostro preventivo è PR-2231.", "error_code"),
    ("nl", "Ons klantnummer is KL-40021.", "error_code"),
    ("pl", "Numer zamówienia to ZAM-20931.", "error_code"),
    ("sv", "Ert ordernummer är ORD-5521.", "error_code"),
    ("da", "Jeres ordrenummer er ORD-7781.", "error_code"),
    ("nb", "Eksporten feiler av og til om natten.", "error_code"),
    ("fi", "Tilausnumeronne on TIL-5512.", "error_code"),
    ("tr", "Sipariş numaranız SP-2231.", "error_code"),
    ("cs", "Číslo vaší objednávky je OBJ-1123.", "error_code"),
    ("it", "L'errore dell'export non c'è più dall'aggiornamento.", "error_code"),
    # A how-to question about a message text, with no failure of the language beside it.
    ("es", "¿Dónde puedo cambiar el texto 'Payment failed' del correo?", "error_code"),
]


@pytest.mark.parametrize(("language", "text", "signal"), FIRES)
def test_a_code_beside_a_failure_word_is_an_error_code(language, text, signal):
    assert multilingual_signals(text, language).get(signal, 0) >= 1


@pytest.mark.parametrize(("language", "text", "signal"), DOES_NOT_FIRE)
def test_a_code_without_a_failure_or_a_failure_without_a_code_is_none(language, text, signal):
    assert signal not in multilingual_signals(text, language)


def test_every_language_has_both_sentences():
    for language in LANGUAGES:
        assert any(row[0] == language for row in FIRES), language
        assert any(row[0] == language for row in DOES_NOT_FIRE), language


def test_a_quoted_message_holding_a_code_counts_once():
    text = "Der Export schlägt fehl: 'Upload failed: 403 Forbidden'."
    assert multilingual_signals(text, "de")["error_code"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "API çağrılarımız dünden beri 429 hatası alıyor.",
        "Rajapinta palauttaa virhe 503 joka toisella kutsulla.",
        "Saamme 500-virheen aina kun tallennamme.",
        "Při uložení se zobrazí chyba 500.",
        "Integrasjonen gir feilkode 502 siden i går.",
        "Entegrasyonda hata kodu 401 görüyoruz.",
    ],
)
def test_an_http_status_beside_the_word_for_an_error_is_an_error_code(text):
    assert language_neutral_signals({}, text).get("error_code") == 1


@pytest.mark.parametrize(
    "text",
    [
        "Na faktuře je chyba 500 Kč v náš neprospěch.",  # a mistake of 500 crowns
        "Det er feil 400 kr på fakturaen.",  # "feil" is also "wrong"
        "Aylık ücretimiz 500 TL.",
    ],
)
def test_an_amount_beside_the_word_for_a_mistake_is_no_error_code(text):
    assert "error_code" not in language_neutral_signals({}, text)
