"""The hand-written escalation cues for French, German, Spanish, Portuguese, Italian, Dutch, Polish, Swedish, Danish,
Norwegian, Finnish, Turkish and Czech (triage.text.multilingual): each language's fixture ticket that should fire
does, its negated or non-literal one does not, and a routine request with a money amount in it reads as a routine
ask."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from triage.text.multilingual import CUES, LANGUAGES, multilingual_signals
from triage.text.signals import trigger_hits

# Czech, added after the shared fixture file: its tickets are written here.
CZECH_CASES = [
    {
        "id": "cs-double-charge-refund",
        "language": "cs",
        "subject": "Dvojitá platba za březen",
        "body": "Dobrý den, za březnové předplatné jste mi strhli peníze dvakrát. Prosím o vrácení druhé platby co "
        "nejdříve.",
        "found": ["billing_dispute", "refund_request", "urgency"],
        "absent": [],
    },
    {
        "id": "cs-outage-lawyer",
        "language": "cs",
        "subject": "Výpadek systému",
        "body": "Od rána nic nefunguje a nikdo se nemůže přihlásit. Pokud to nevyřešíte, předáme věc našemu "
        "právníkovi.",
        "found": ["outage", "legal_action"],
        "absent": [],
    },
    {
        "id": "cs-negated",
        "language": "cs",
        "subject": "Poděkování",
        "body": "Nepotřebujeme právníka a nedošlo ke ztrátě dat, jen jsme chtěli poděkovat za rychlou pomoc.",
        "found": [],
        "absent": ["legal_action", "data_loss"],
    },
    {
        "id": "cs-routine-question",
        "language": "cs",
        "subject": "Export kontaktů",
        "body": "Dobrý den, jak můžu vyexportovat všechny kontakty do CSV? Děkuji.",
        "found": ["how_to_question"],
        "absent": ["data_loss", "privacy_regulation"],
    },
]
# Norwegian (Bokmål), added after Czech.
NORWEGIAN_CASES = [
    {
        "id": "nb-double-charge-refund",
        "language": "nb",
        "subject": "Dobbelt trekk for mars",
        "body": "Hei, dere har trukket abonnementet for mars to ganger fra kortet mitt. Jeg vil ha pengene tilbake "
        "snarest mulig.",
        "found": ["billing_dispute", "refund_request", "urgency"],
        "absent": [],
    },
    {
        "id": "nb-outage-lawyer",
        "language": "nb",
        "subject": "Systemet ligger nede",
        "body": "Siden i morges har ingenting fungert, og ingen kan logge inn. Hvis dette ikke blir løst i dag, "
        "overlater vi saken til advokaten vår.",
        "found": ["outage", "legal_action"],
        "absent": [],
    },
    {
        "id": "nb-negated",
        "language": "nb",
        "subject": "Takk for hjelpen",
        "body": "Vi trenger ingen advokat, og det har ikke vært noe datatap. Vi ville bare takke for rask hjelp.",
        "found": [],
        "absent": ["legal_action", "data_loss"],
    },
    {
        "id": "nb-routine-question",
        "language": "nb",
        "subject": "Eksport av kontakter",
        "body": "Hei, hvordan kan jeg eksportere alle kontaktene til CSV? På forhånd takk.",
        "found": ["how_to_question"],
        "absent": ["data_loss", "privacy_regulation"],
    },
]
# Finnish, added after Norwegian.
FINNISH_CASES = [
    {
        "id": "fi-double-charge-refund",
        "language": "fi",
        "subject": "Kaksoisveloitus maaliskuulta",
        "body": "Hei, olette veloittaneet maaliskuun tilauksen kahdesti kortiltani. Haluan rahani takaisin "
        "mahdollisimman pian.",
        "found": ["billing_dispute", "refund_request", "urgency"],
        "absent": [],
    },
    {
        "id": "fi-outage-lawyer",
        "language": "fi",
        "subject": "Järjestelmä alhaalla",
        "body": "Aamusta asti mikään ei toimi eikä kukaan pääse kirjautumaan. Jos tätä ei korjata tänään, siirrämme "
        "asian lakimiehellemme.",
        "found": ["outage", "legal_action"],
        "absent": [],
    },
    {
        "id": "fi-negated",
        "language": "fi",
        "subject": "Kiitos avusta",
        "body": "Emme tarvitse asianajajaa, eikä tietojen menetystä ole tapahtunut. Halusimme vain kiittää nopeasta "
        "avusta.",
        "found": [],
        "absent": ["legal_action", "data_loss"],
    },
    {
        "id": "fi-routine-question",
        "language": "fi",
        "subject": "Yhteystietojen vienti",
        "body": "Hei, miten voin viedä kaikki yhteystiedot CSV-tiedostoon? Kiitos etukäteen.",
        "found": ["how_to_question"],
        "absent": ["data_loss", "privacy_regulation"],
    },
]
# Turkish, added after Finnish.
TURKISH_CASES = [
    {
        "id": "tr-double-charge-refund",
        "language": "tr",
        "subject": "Mart ayı için mükerrer çekim",
        "body": "Merhaba, mart aboneliği için kartımdan iki kez ücret çekildi. Paramı en kısa sürede geri istiyorum.",
        "found": ["billing_dispute", "refund_request", "urgency"],
        "absent": [],
    },
    {
        "id": "tr-outage-lawyer",
        "language": "tr",
        "subject": "Sistem çöktü",
        "body": "Sabahtan beri hiçbir şey çalışmıyor ve kimse giriş yapamıyor. Bugün çözülmezse konuyu avukatımıza "
        "ileteceğiz.",
        "found": ["outage", "legal_action"],
        "absent": [],
    },
    {
        "id": "tr-negated",
        "language": "tr",
        "subject": "Yardımınız için teşekkürler",
        "body": "Avukata ihtiyacımız yok ve herhangi bir veri kaybı yaşanmadı. Sadece hızlı yardımınız için teşekkür "
        "etmek istedik.",
        "found": [],
        "absent": ["legal_action", "data_loss"],
    },
    {
        "id": "tr-routine-question",
        "language": "tr",
        "subject": "Kişilerin dışa aktarılması",
        "body": "Merhaba, tüm kişileri CSV dosyasına nasıl aktarabilirim? Şimdiden teşekkürler.",
        "found": ["how_to_question"],
        "absent": ["data_loss", "privacy_regulation"],
    },
]
CASES = [
    *(json.loads(line) for line in (Path(__file__).parents[1] / "fixtures" / "multilingual.jsonl").open()),
    *CZECH_CASES,
    *NORWEGIAN_CASES,
    *FINNISH_CASES,
    *TURKISH_CASES,
]
CRITERIA_SIGNALS = {
    "outage",
    "data_loss",
    "refund_request",
    "billing_dispute",
    "chargeback",
    "cancellation",
    "legal_action",
    "regulator_complaint",
    "privacy_regulation",
    "fraud",
}
# In every language beside the criteria's: urgency, which keeps a ticket from passing for a routine ask, termination
# rights invoked, which count as legal_action, a fault that came back after a fix, and a leak or another customer's
# data shown to us (a security incident).
EVERY_LANGUAGE = CRITERIA_SIGNALS | {
    "urgency",
    "termination_rights",
    "recurring_fault",
    "security_incident",
    "repeat_contact",
}
# A churn threat in Polish and Swedish only.
ONLY_IN = {"pl": {"churn_threat"}, "sv": {"churn_threat"}}


def case_text(case: dict) -> str:
    return f"{case['subject']}\n{case['body']}"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_a_fixture_ticket_finds_its_cues_and_not_the_negated_ones(case):
    found = multilingual_signals(case_text(case), case["language"])
    assert set(case["found"]) <= set(found), found
    assert not set(case["absent"]) & set(found), found


def test_every_language_has_a_ticket_that_fires_and_one_that_must_not():
    for language in LANGUAGES:
        rows = [case for case in CASES if case["language"] == language]
        assert any(set(case["found"]) & CRITERIA_SIGNALS for case in rows), language
        assert any(case["absent"] for case in rows), language


def test_every_language_covers_every_cue_family():
    assert set(LANGUAGES) == {"fr", "de", "es", "pt", "it", "nl", "pl", "sv", "da", "nb", "fi", "tr", "cs"}
    for language in LANGUAGES:
        families = {signal for cue_language, signal, _ in CUES if cue_language == language}
        assert families == EVERY_LANGUAGE | ONLY_IN.get(language, set()), language


def test_every_language_has_a_routine_request_with_a_money_amount_that_reads_as_routine():
    for language in LANGUAGES:
        assert any(case["language"] == language and "how_to_question" in case["found"] for case in CASES), language
    routine_with_amount = [case for case in CASES if case["id"].endswith("-with-amount")]
    assert {case["language"] for case in routine_with_amount} >= {"pl", "es", "de", "fr", "nl", "sv", "da"}
    for case in routine_with_amount:
        assert case["tier"] == 1 and "how_to_question" in case["found"], case["id"]


@pytest.mark.parametrize(
    ("language", "text", "signal"),
    [
        ("fr", "Notre avocat vous contactera.", "legal_action"),
        ("fr", "Nous n'avons pas besoin d'un avocat.", None),
        ("fr", "Nous n'avons pas reçu le remboursement promis.", "refund_request"),  # a verb between: not negated
        ("fr", "Sinon, j'écrirai à la CNIL.", "regulator_complaint"),
        ("fr", "La plateforme est à l’arrêt.", "outage"),  # the typographic apostrophe
        ("de", "Wir werden Sie verklagen.", "legal_action"),
        ("de", "Wir werden Sie nicht verklagen.", None),
        ("de", "Wenn Sie nicht erstatten, gehen wir weiter.", "refund_request"),  # a condition: a threat
        ("de", "Wir reichen Beschwerde bei der Datenschutzbehörde ein.", "regulator_complaint"),
        ("es", "Han sido cobrados dos veces, vamos a pedir un contracargo.", "chargeback"),
        ("es", "Queremos rescindir el contrato.", "cancellation"),
        ("pt", "Vamos registrar reclamação no Procon.", "regulator_complaint"),
        ("pt", "Não houve perda de dados.", None),
        ("fr", "Il n'y a pas eu de perte de données.", None),
        ("es", "Todavía no hemos recibido el reembolso.", "refund_request"),
        ("it", "Abbiamo inviato la disdetta del contratto.", "cancellation"),
        ("it", "Segnaleremo tutto al Garante per la protezione dei dati.", "regulator_complaint"),
        ("nl", "Wij hebben dataverlies na de update.", "data_loss"),
        ("nl", "Het gemiddelde (avg) is 3.", None),  # the Dutch GDPR is "AVG", in capitals
        ("nl", "Dit valt onder de AVG.", "privacy_regulation"),
        # Polish: cases and conjugations through the stems, negation with "nie", "brak", "żaden" and a filler.
        ("pl", "Od rana mamy awarię serwera.", "outage"),
        ("pl", "Nie ma żadnej awarii.", None),
        ("pl", "Wczoraj doszło do utraty danych klientów.", "data_loss"),
        ("pl", "Nie doszło do utraty danych.", None),
        ("pl", "Nasz adwokat skontaktuje się z Państwem.", "legal_action"),
        ("pl", "Nie potrzebujemy prawnika.", None),
        ("pl", "Jeśli nie oddacie pieniędzy, złożymy pozew.", "legal_action"),  # a condition: a threat
        ("pl", "Sądzę, że to drobiazg.", None),  # "I think", not "sąd" (a court)
        ("pl", "Pozwolę sobie dopytać o szczegóły.", None),  # "allow me", not "pozew" (a lawsuit)
        ("pl", "Pilnujemy terminów.", None),  # "we keep to", not "pilne" (urgent)
        ("pl", "Zrezygnujemy z usług.", "cancellation"),
        ("pl", "Proszę o zwrot pieniędzy za marzec.", "refund_request"),
        ("pl", "Wystawiliście nam błędną fakturę.", "billing_dispute"),
        ("pl", "Zgłosimy sprawę do Urzędu Ochrony Konkurencji i Konsumentów.", "regulator_complaint"),
        ("pl", "Przetwarzanie danych osobowych musi być zgodne z RODO.", "privacy_regulation"),
        ("pl", "Jeżeli nic się nie zmieni, przejdziemy do konkurencji.", "churn_threat"),
        ("pl", "Piszę w tej sprawie już po raz trzeci.", "repeat_contact"),
        ("de", "Das ist Betrug.", "fraud"),
        ("de", "Der Betrag betrug 50 Euro.", None),  # the past of "betragen", not "Betrug" (fraud)
        ("es", "Es urgente, por favor.", "urgency"),
        ("sv", "Vi har fått en dubbeldebitering och vill ha pengarna tillbaka.", "refund_request"),
        ("sv", "Vi anmäler er till IMY.", "regulator_complaint"),
        ("sv", "Det finns inget avbrott.", None),
        ("da", "Vi klager til Datatilsynet.", "regulator_complaint"),
        ("da", "Jeg bruger min ret til indsigt.", None),
        ("da", "Retten til at slette data er vigtig.", None),  # "the right to", not "i retten" (in court)
        ("da", "Vi har ikke brug for en advokat.", None),
        # Unauthorised purchases: in a relative clause or beside a purchase, not "I am not authorised to".
        ("de", "Es gibt zwei Buchungen, die wir nicht veranlasst haben.", "fraud"),
        ("de", "Ich bin nicht autorisiert, das zu ändern.", None),
        ("fr", "Il y a trois achats que nous n'avons jamais autorisés.", "fraud"),
        ("es", "Hay dos compras que no reconozco en el extracto.", "fraud"),
        ("es", "No hay compras no autorizadas.", None),
        ("pt", "Há pagamentos que eu não fiz no cartão.", "fraud"),
        ("it", "Ci sono acquisti non autorizzati sul conto.", "fraud"),
        ("nl", "Er staan afschrijvingen die ik niet herken op mijn rekening.", "fraud"),
        ("pl", "Widzę płatności bez mojej zgody na koncie.", "fraud"),
        ("pl", "Proszę nie zmieniać adresu bez mojej zgody.", None),
        ("sv", "Det finns köp som jag inte har godkänt.", "fraud"),
        ("da", "Der er betalinger som jeg ikke har godkendt.", "fraud"),
        # More than agreed, and charged twice with words between.
        ("de", "Sie haben 300 EUR mehr als vereinbart abgebucht.", "billing_dispute"),
        ("fr", "Vous avez facturé 200 euros de plus que prévu.", "billing_dispute"),
        ("es", "Nos cobraron la cuota dos veces.", "billing_dispute"),
        ("es", "No nos cobraron dos veces.", None),
        ("es", "¿Cuánto cuesta si usamos más de lo contratado?", "how_to_question"),  # no charge: no dispute
        ("pt", "Cobraram 300 reais a mais do que o combinado.", "billing_dispute"),
        ("it", "Ci avete addebitato l'abbonamento due volte.", "billing_dispute"),
        ("nl", "U heeft 200 euro meer dan afgesproken afgeschreven.", "billing_dispute"),
        ("pl", "Pobraliście 300 zł więcej niż uzgodniono.", "billing_dispute"),
        ("sv", "Ni har tagit betalt 400 kr mer än avtalat.", "billing_dispute"),
        ("da", "I har trukket pengene to gange.", "billing_dispute"),
        ("da", "I har ikke trukket pengene to gange.", None),
        # Data gone, and a switch to a competitor.
        ("pl", "Wszystkie pliki klientów zniknęły.", "data_loss"),
        ("pl", "Pliki nie zniknęły, są w archiwum.", None),
        ("sv", "Alla våra kontakter är borta.", "data_loss"),
        ("sv", "Inga filer är borta.", None),
        ("sv", "Annars går vi till en konkurrent.", "churn_threat"),
        ("sv", "Vi tänker inte gå till en konkurrent.", None),
    ],
)
def test_single_cues_in_context(language, text, signal):
    found = multilingual_signals(text, language)
    if signal is None:
        assert found == {}
    else:
        assert signal in found, found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Pouvez-vous bloquer ma carte ?"),
        ("fr", "Merci de me renvoyer la facture de mai."),
        ("de", "Bitte sperren Sie meine Kreditkarte."),
        ("de", "Ich hätte gern einen Kostenvoranschlag für 20 Lizenzen."),
        ("es", "¿Podrían cambiar la dirección de envío?"),
        ("pt", "Podem enviar a segunda via da fatura?"),
        ("it", "Vorrei bloccare la carta, grazie."),
        ("nl", "Graag een kopie van de factuur."),
        ("pl", "Proszę o przesłanie kopii faktury."),
        ("pl", "Chcę zmienić adres do korespondencji."),
        ("sv", "Jag vill ändra min leveransadress."),
        ("da", "Send venligst en fakturakopi."),
    ],
)
def test_a_routine_request_is_a_routine_ask(language, text):
    assert multilingual_signals(text, language) == {"how_to_question": 1}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Me han bloqueado la tarjeta sin motivo."),  # told in the past: a problem, not a request
        ("de", "Sie haben meine Karte gesperrt."),
        ("it", "La mia carta è stata bloccata."),
        ("pl", "Moja karta została zablokowana."),
        ("sv", "Mitt kort är spärrat."),
        ("da", "Mit kort er spærret."),
        ("de", "Laut Ihrem Angebot waren es 300,00 EUR."),  # a quote cited, not asked for
        ("es", "El presupuesto era de 300,00 €."),
    ],
)
def test_a_card_blocked_by_someone_else_or_a_quote_cited_is_no_routine_request(language, text):
    assert "how_to_question" not in multilingual_signals(text, language)


def test_money_at_stake_beside_a_routine_request_is_no_routine_ask():
    text = "Proszę przesłać kopię faktury. Pobraliście opłatę dwa razy, proszę o zwrot pieniędzy (120,00 zł)."
    found = multilingual_signals(text, "pl")
    assert "how_to_question" not in found
    assert {"billing_dispute", "refund_request"} <= set(found)


def test_an_uncovered_language_or_english_finds_nothing():
    assert multilingual_signals("Wir werden Sie verklagen.", "fi") == {}
    assert multilingual_signals("Dava açacağız.", "hu") == {}
    assert multilingual_signals("Our lawyer will take you to court (tribunal).", "en") == {}


def test_hits_follow_the_trigger_signals_and_a_plain_cancellation_speaks_for_none():
    hits = trigger_hits({"outage": 2, "legal_action": 1, "cancellation": 1, "how_to_question": 1})
    assert hits == {"technical": 2, "financial": 0, "legal": 1}


@pytest.mark.parametrize(
    ("language", "unit"),
    [
        ("fr", "Comment obtenir un remboursement ? "),
        ("fr", "pas d'avocat, "),
        ("fr", "panne "),
        ("fr", "?"),
        ("fr", "bloquer la la la "),
        ("de", "Karte bitte nicht "),
        ("es", "bloquear "),
        ("pl", "zablokować "),
        ("pl", "pobrano "),
        ("pl", "nie "),
        ("sv", "spärra kort kort "),
        ("da", "kortkort spærre "),
        ("nb", "kortkort sperre "),
        ("nb", "kontaktene kontaktene "),
        ("fi", "ostoa ostoa ostoa "),
        ("fi", "veloitus veloitus "),
        ("fi", "korttikortti sulje "),
        ("tr", "kayıtlar kayıtlar "),
        ("tr", "kartkart bloke "),
        ("es", "nos han cobrado 1.000,00 "),
        ("pl", "pliki nie "),
        ("fr", "facturé l'a l'a "),
        ("sv", "kontakter kontakter "),
    ],
)
def test_a_long_run_of_questions_and_cues_is_read_in_linear_time(language, unit):
    text = unit * (40_000 // len(unit))
    start = time.perf_counter()
    multilingual_signals(text, language)
    assert time.perf_counter() - start < 0.5  # ~0.1 s here; a quadratic scan takes many seconds
