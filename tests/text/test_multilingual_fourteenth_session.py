"""The fourteenth session's cue families in every language of the table: identity misuse and charges nobody
recognises (fraud), and a repeat contact said in words. Each sentence that must fire has a twin that must not (a
routine change, a negation, a charge taken twice, the customer's own customers writing)."""

import pytest

from triage.text.multilingual import LANGUAGES, multilingual_signals

# (language, text, signal that must be found)
FIRES = [
    # Identity misuse: an account opened with the writer's data, someone using their identity.
    ("fr", "Bonjour, un compte a été créé à mon insu avec mon adresse e-mail.", "fraud"),
    ("fr", "Quelqu'un a utilisé mon identité pour s'inscrire chez vous.", "fraud"),
    ("de", "Auf meinen Namen wurde ohne mein Wissen ein Konto bei Ihnen eröffnet.", "fraud"),
    ("de", "Jemand hat meine Daten missbraucht, um sich bei Ihnen anzumelden.", "fraud"),
    ("es", "Alguien ha usado mis datos para abrir una cuenta en su plataforma.", "fraud"),
    ("es", "Me han abierto una cuenta sin mi consentimiento y me llegan correos suyos.", "fraud"),
    ("pt", "Alguém usou meus dados para criar uma conta no site de vocês.", "fraud"),
    ("pt", "Uma conta foi aberta sem o meu conhecimento com o meu e-mail.", "fraud"),
    ("it", "Qualcuno ha usato i miei dati per registrarsi al vostro servizio.", "fraud"),
    ("it", "Un account è stato creato a mia insaputa con la mia email.", "fraud"),
    ("nl", "Iemand heeft mijn gegevens gebruikt om een account aan te maken.", "fraud"),
    ("nl", "Er is zonder mijn medeweten een account aangemaakt op mijn e-mailadres.", "fraud"),
    ("pl", "Ktoś użył moich danych, żeby założyć u Państwa konto.", "fraud"),
    ("pl", "Konto zostało założone bez mojej wiedzy i dostaję od Państwa faktury.", "fraud"),
    ("sv", "Någon har använt mina personuppgifter för att skapa ett konto hos er.", "fraud"),
    ("sv", "Ett konto har skapats utan min vetskap med min e-postadress.", "fraud"),
    ("da", "Nogen har brugt mine personoplysninger til at oprette en konto hos jer.", "fraud"),
    ("da", "En konto er blevet oprettet uden min viden med min e-mail.", "fraud"),
    ("nb", "Noen har brukt mine personopplysninger til å opprette en konto hos dere.", "fraud"),
    ("nb", "En konto er opprettet uten min viten, og jeg får e-post fra dere hver dag.", "fraud"),
    ("fi", "Joku on käyttänyt henkilötietojani ja avannut tilin palveluunne.", "fraud"),
    ("fi", "Tili on avattu nimissäni tietämättäni, enkä ole koskaan asioinut kanssanne.", "fraud"),
    ("tr", "Adıma bilgim dışında bir hesap açılmış, sizden e-postalar alıyorum.", "fraud"),
    ("tr", "Birisi kişisel verilerimi kullanarak sisteminize kaydolmuş.", "fraud"),
    ("cs", "Někdo zneužil moje osobní údaje a založil si u vás účet.", "fraud"),
    ("cs", "Účet byl založen bez mého vědomí a chodí mi od vás upomínky.", "fraud"),
    # Charges nobody recognises, named as unknown.
    ("fr", "Nous voyons trois prélèvements inconnus sur le relevé de décembre.", "fraud"),
    ("de", "Auf unserer Kreditkarte sind zwei unbekannte Abbuchungen von Ihnen aufgetaucht.", "fraud"),
    ("es", "Tenemos dos cargos desconocidos en la tarjeta de la empresa.", "fraud"),
    ("pt", "Apareceram cobranças desconhecidas no cartão da empresa.", "fraud"),
    ("it", "Sull'estratto conto ci sono due addebiti sconosciuti.", "fraud"),
    ("nl", "Op onze bankrekening staan drie onbekende afschrijvingen.", "fraud"),
    ("pl", "Na wyciągu widzę dwie nieznane transakcje od Państwa firmy.", "fraud"),
    ("sv", "Vi har två okända debiteringar från er på kontoutdraget.", "fraud"),
    ("da", "Vi kan se tre ukendte træk fra jer på firmakortet.", "fraud"),
    ("nb", "Vi ser to ukjente trekk fra dere på firmakortet.", "fraud"),
    ("fi", "Yrityskortilla on kaksi tuntematonta veloitusta teiltä.", "fraud"),
    ("tr", "Kartımızda tanımadığımız iki harcama var.", "fraud"),
    ("cs", "Na výpisu vidíme dvě neznámé platby od vaší firmy.", "fraud"),
    # A repeat contact said in words.
    ("fr", "Je vous écris pour la troisième fois au sujet de cette facture.", "repeat_contact"),
    ("fr", "Nous vous avons déjà écrit lundi, toujours aucune réponse.", "repeat_contact"),
    ("de", "Ich schreibe Ihnen bereits zum dritten Mal wegen derselben Rechnung.", "repeat_contact"),
    ("de", "Wir haben Ihnen schon am Montag geschrieben.", "repeat_contact"),
    ("es", "Les escribo por tercera vez sobre el mismo problema.", "repeat_contact"),
    ("es", "Ya les he escrito el lunes y sigo sin respuesta.", "repeat_contact"),
    ("pt", "Escrevo pela terceira vez sobre este assunto.", "repeat_contact"),
    ("pt", "Já escrevi na segunda-feira e continuo sem resposta.", "repeat_contact"),
    ("it", "Vi scrivo per la terza volta per lo stesso problema.", "repeat_contact"),
    ("it", "Ho già segnalato il problema lunedì e ancora nessuna risposta.", "repeat_contact"),
    ("nl", "Ik schrijf jullie voor de derde keer over hetzelfde probleem.", "repeat_contact"),
    ("nl", "We hebben al op maandag gemaild en nog steeds geen reactie.", "repeat_contact"),
    ("pl", "Piszę już po raz trzeci w tej samej sprawie.", "repeat_contact"),
    ("pl", "Wciąż brak odpowiedzi na moją reklamację z listopada.", "repeat_contact"),
    ("sv", "Jag skriver för tredje gången om samma problem.", "repeat_contact"),
    ("sv", "Vi har redan mejlat i måndags och fortfarande inget svar.", "repeat_contact"),
    ("da", "Jeg skriver for tredje gang om samme problem.", "repeat_contact"),
    ("da", "Vi har allerede skrevet i mandags og stadig intet svar.", "repeat_contact"),
    ("nb", "Jeg skriver for tredje gang om den samme saken.", "repeat_contact"),
    ("nb", "Vi har allerede skrevet til dere på mandag, og fortsatt ikke noe svar.", "repeat_contact"),
    ("fi", "Kirjoitan jo kolmatta kertaa samasta asiasta.", "repeat_contact"),
    ("fi", "Olemme jo maanantaina ilmoittaneet viasta.", "repeat_contact"),
    ("tr", "Bu konuda üçüncü kez yazıyorum.", "repeat_contact"),
    ("tr", "Pazartesi günü de yazmıştım, hâlâ bir yanıt alamadım.", "repeat_contact"),
    ("cs", "Píšu vám už potřetí kvůli stejnému problému.", "repeat_contact"),
    ("cs", "Už jsem vám psala v pondělí a stále bez odpovědi.", "repeat_contact"),
    # "Not yet had an answer", led by the language's negation.
    ("fr", "Je n'ai toujours pas reçu de réponse à mon message de lundi.", "repeat_contact"),
    ("es", "Todavía no hemos recibido respuesta a nuestro correo.", "repeat_contact"),
    ("pt", "Ainda não recebi nenhuma resposta sobre o reembolso.", "repeat_contact"),
    ("it", "Non abbiamo ancora ricevuto nessuna risposta alla segnalazione.", "repeat_contact"),
]

# (language, text, signal that must not be found)
DOES_NOT_FIRE = [
    # An account set up in the writer's name, asked about: a routine change.
    ("fr", "Le compte a été ouvert à mon nom l'an dernier ; comment le transférer à ma collègue ?", "fraud"),
    ("de", "Das Konto wurde auf meinen Namen eröffnet, bitte stellen Sie die Rechnung auf die Firma um.", "fraud"),
    ("es", "¿Cómo puedo abrir una cuenta para mi socio?", "fraud"),
    ("pt", "A conta foi aberta no meu nome, mas quero mudar para o CNPJ da empresa.", "fraud"),
    ("it", "L'account è stato creato dal nostro amministratore: come aggiungo un utente?", "fraud"),
    ("nl", "Het account is op mijn naam aangemaakt; hoe zet ik het over naar een collega?", "fraud"),
    ("pl", "Konto zostało założone przez naszego administratora, jak dodać użytkownika?", "fraud"),
    ("sv", "Kontot har skapats i mitt namn av vår IT-avdelning, hur lägger jag till en kollega?", "fraud"),
    ("da", "Kontoen er oprettet i mit navn af vores IT-afdeling; hvordan tilføjer jeg en bruger?", "fraud"),
    ("nb", "Kontoen ble opprettet i mitt navn av IT-avdelingen vår; hvordan legger jeg til en bruker?", "fraud"),
    ("fi", "Tili on avattu nimissäni, miten voin siirtää sen kollegalle?", "fraud"),
    ("tr", "Hesap adıma açıldı, faturayı şirkete nasıl aktarabilirim?", "fraud"),
    ("cs", "Účet byl založen na mé jméno, jak ho převedu na kolegu?", "fraud"),
    # Unknown charges denied, or something unknown that is no charge.
    ("fr", "Il n'y a aucun prélèvement inconnu, nous voulons seulement la facture.", "fraud"),
    ("de", "Es gibt keine unbekannten Abbuchungen, wir möchten nur die Rechnung als PDF.", "fraud"),
    ("es", "No hay cargos desconocidos; solo necesito la factura de noviembre.", "fraud"),
    ("pt", "O status do pagamento aparece como desconhecido no painel, isso é normal?", "fraud"),
    ("it", "Nessun addebito sconosciuto, vorrei solo la fattura.", "fraud"),
    ("nl", "Er staan geen onbekende afschrijvingen op, we willen alleen een factuur.", "fraud"),
    ("pl", "Nie ma żadnych nieznanych transakcji, proszę tylko o fakturę.", "fraud"),
    ("sv", "Det finns inga okända dragningar, vi vill bara ha fakturan.", "fraud"),
    ("da", "Der er ingen ukendte træk, vi mangler bare fakturaen.", "fraud"),
    ("nb", "Det er ingen ukjente trekk, vi trenger bare fakturaen.", "fraud"),
    ("fi", "Ei tuntemattomia veloituksia, tarvitsemme vain laskun kopion.", "fraud"),
    ("tr", "Bilinmeyen bir hata oluştu, ekran yenilenince düzeldi.", "fraud"),
    ("cs", "Žádné neznámé platby tam nejsou, potřebujeme jen fakturu.", "fraud"),
    # A charge taken a second time is a billing matter, not a repeat contact; customers writing to the writer are
    # the writer's own business.
    ("fr", "Le montant a été prélevé pour la deuxième fois ce mois-ci.", "repeat_contact"),
    ("de", "Die Gebühr wurde zum zweiten Mal abgebucht.", "repeat_contact"),
    ("es", "Nos cobraron por segunda vez la misma cuota.", "repeat_contact"),
    ("pt", "A mensalidade foi cobrada pela segunda vez.", "repeat_contact"),
    ("it", "L'importo è stato addebitato per la seconda volta.", "repeat_contact"),
    ("nl", "Onze klanten schrijven ons voor de derde keer over de levering.", "repeat_contact"),
    ("sv", "Beloppet drogs för andra gången i månaden.", "repeat_contact"),
    ("da", "Beløbet blev trukket for anden gang.", "repeat_contact"),
    ("nb", "Beløpet ble trukket for andre gang denne måneden.", "repeat_contact"),
    ("fi", "Summa veloitettiin toista kertaa tässä kuussa.", "repeat_contact"),
    ("tr", "Tutar ikinci kez tahsil edildi.", "repeat_contact"),
    ("cs", "Částka byla stržena podruhé.", "repeat_contact"),
    ("it", "Non ho ancora ricevuto la fattura di novembre.", "repeat_contact"),
    ("es", "Todavía no hemos recibido el pedido.", "repeat_contact"),
    ("pl", "Płatność pobrano po raz drugi.", "repeat_contact"),
    ("pl", "Po raz kolejny system nie działa.", "repeat_contact"),
]


@pytest.mark.parametrize(("language", "text", "signal"), FIRES)
def test_the_cue_fires(language, text, signal):
    assert signal in multilingual_signals(text, language)


@pytest.mark.parametrize(("language", "text", "signal"), DOES_NOT_FIRE)
def test_the_twin_does_not_fire(language, text, signal):
    assert signal not in multilingual_signals(text, language)


@pytest.mark.parametrize("signal", ["fraud", "repeat_contact"])
def test_every_language_has_both_sentences_for_each_family(signal):
    for language in LANGUAGES:
        assert any(row[0] == language and row[2] == signal for row in FIRES), (language, signal)
        assert any(row[0] == language and row[2] == signal for row in DOES_NOT_FIRE), (language, signal)


@pytest.mark.parametrize(
    ("language", "supposed", "reported"),
    [
        (
            "de",
            "Wenn jemand meine Daten missbraucht hat, wie kann ich das melden?",
            "Jemand hat meine Daten missbraucht. Wie kann ich das melden?",
        ),
        (
            "fr",
            "Si quelqu'un a utilisé mon identité, comment le signaler ?",
            "Quelqu'un a utilisé mon identité. Comment le signaler ?",
        ),
        (
            "es",
            "Si alguien ha usado mis datos, ¿cómo lo denuncio?",
            "Alguien ha usado mis datos. ¿Cómo lo denuncio?",
        ),
        (
            "pl",
            "Jeśli ktoś użył moich danych, jak mam to zgłosić?",
            "Ktoś użył moich danych. Jak mam to zgłosić?",
        ),
        (
            "fi",
            "Jos joku on käyttänyt henkilötietojani, miten ilmoitan siitä?",
            "Joku on käyttänyt henkilötietojani. Miten ilmoitan siitä?",
        ),
    ],
)
def test_a_fraud_supposed_in_a_how_to_question_is_no_claim_but_one_reported_before_it_is(language, supposed, reported):
    assert "fraud" not in multilingual_signals(supposed, language)
    assert "fraud" in multilingual_signals(reported, language)
