"""Causes the eighth to tenth checks' hand gradings found again and again, each with the form now caught and its near
miss that must not change: a refund our agent set going that never came, deadlines in words (a notice's date of
effect behind a clause number, "today" asked politely in another language, a feast, an event of the customer's own
with its day), our agent's sign-off on the same line, the people copied in, sign-offs and salutations in the other
cue languages, a live outage said by head count, a fault an integration delivers, and what the customer asks of us
in the thread (one owner, a date for the fix, someone to read our logs). Every fixture is written for this file."""

from __future__ import annotations

import pytest
from drafting import drafts_of as drafts

from triage.handoff.drafts import _answer_sentences
from triage.handoff.facts import _sender, case_types, ticket_facts
from triage.schema import Ticket

TECH = ({"technical": 0.9}, {"technical": 0.9})
MONEY = ({"financial": 0.9}, {"billing": 0.9})


def facts_of(body: str, history: list[dict] | None = None, labels=(), **fields):
    ticket = Ticket.model_validate({"id": "F14-1", "body": body, "history": history or [], **fields})
    return ticket_facts(ticket, list(labels), set(), set())


def agent(body: str) -> dict:
    return {"at": "2026-10-02T10:00:00Z", "author": "agent", "body": body}


def customer(body: str) -> dict:
    return {"at": "2026-10-01T10:00:00Z", "author": "customer", "body": body}


# --- a refund our agent set going that never arrived ---


@pytest.mark.parametrize(
    ("agent_turn", "chase"),
    [
        (
            "Hi Tom, sorry about that. I've requested a refund, which should reach you within 3-5 working days. Kim",
            "We were billed twice for the annual plan. It has been two weeks and nothing has arrived.",
        ),
        (
            "Hello, the duplicate payment will be refunded within 10 days. Best, Ola",
            "Still nothing on our card. You took $240 twice in September.",
        ),
        (
            "Bonjour, le remboursement de 120 € a été validé et vous parviendra sous 5 jours. Cordialement, Léa",
            "Trois semaines plus tard, je n'ai toujours rien reçu.",
        ),
        (
            "Guten Tag, die Rückerstattung wurde heute veranlasst. Viele Grüße, Jan",
            "Ich habe noch immer nichts erhalten.",
        ),
    ],
)
def test_a_refund_agreed_by_our_agent_and_never_received_is_owed_not_contested(agent_turn, chase):
    facts = facts_of(chase, history=[customer("Please refund the duplicate."), agent(agent_turn)], labels=["financial"])
    assert "refund_owed" in facts.case_types
    assert "billing_dispute" not in facts.case_types


@pytest.mark.parametrize(
    "agent_turn",
    [
        "Hi Tom, I've escalated your refund request to our billing team, who will decide on it. Kim",
        "Bonjour, le remboursement n'a pas été validé par notre service. Cordialement, Léa",
        "Hello, we will not refund the second charge, as it is for a second workspace. Ola",
    ],
)
def test_a_refund_only_asked_for_or_refused_is_not_owed(agent_turn):
    facts = facts_of(
        "It has been two weeks and nothing has arrived.",
        history=[customer("Please refund the duplicate."), agent(agent_turn)],
        labels=["financial"],
    )
    assert "refund_owed" not in facts.case_types


def test_a_refund_owed_gets_the_trace_actions_not_the_charge_check():
    history = [
        customer("Hi, you charged our card £300 twice today. Could you refund one? Thanks, Ana"),
        agent("Hi Ana, I can see it. I've requested a refund, which should reach you in 5 working days. Kim"),
    ]
    handoff, _ = drafts(
        "You charged us £300 twice and I was told the refund would come in 5 days. Nothing has arrived.",
        *MONEY,
        history=history,
    )
    assert "trace the refund we agreed" in handoff.text
    assert "check the charges against the invoice" not in handoff.text


# --- deadlines in words ---


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("We give notice of termination under clause 14.2, effective 28 February 2027.", "28 February"),
        ("Merci de nous envoyer aujourd'hui le numéro de la transaction.", "aujourd'hui"),
        ("Bitte schicken Sie uns heute die Referenz der Überweisung.", "heute"),
        ("Por favor, confirmen hoy la fecha de la transferencia.", "hoy"),
        ("Wir bitten um ein Gespräch mit Ihrer Leitung noch vor Weihnachten.", "vor Weihnachten"),
        ("Nous souhaitons un rendez-vous avec votre direction avant Noël.", "avant Noël"),
        ("Our payroll is paid from these figures and invoicing starts on the 3rd.", "invoicing starts on the 3rd"),
    ],
)
def test_deadlines_in_words_are_on_the_deadline_line(sentence, deadline):
    facts = facts_of(sentence)
    assert any(deadline in found for found in facts.deadlines), facts.deadlines


@pytest.mark.parametrize(
    "sentence",
    [
        "Merci de votre réponse d'aujourd'hui, elle nous aide beaucoup.",
        "Wir hatten schon vor Weihnachten ein ähnliches Problem.",
        "Nous avons eu une panne avant Noël l'an dernier.",
        "The termination clause 14.2 says nothing about refunds.",
    ],
)
def test_no_deadline_from_a_near_miss(sentence):
    assert facts_of(sentence).deadlines == []


# --- our agent's sign-off and the people copied in ---


def test_our_agent_signing_name_and_role_on_the_last_line_is_the_account_manager():
    history = [agent("Hi Ruth, here are the figures you asked for. Let me know. Tomas, Account Manager")]
    facts = facts_of("Tomas, we don't agree with these figures.", history=history)
    assert facts.account_manager == "Tomas"
    assert "account manager: Tomas" in facts.contacts


@pytest.mark.parametrize(
    "last_line",
    ["We checked again. Also, Head Office", "Thanks for this. Paris, France", "It works now. Sorry, Support"],
)
def test_no_signature_from_a_sentence_with_a_comma(last_line):
    assert _sender(last_line).name is None


def test_a_person_copied_in_is_a_named_contact():
    facts = facts_of("Cc: Mirela Novak (CFO); Tom Reyes, Head of IT\n\nOur dashboards have been empty since Monday.")
    assert "copied in (CFO): Mirela Novak" in facts.contacts
    assert "copied in (Head of IT): Tom Reyes" in facts.contacts


def test_an_address_copied_in_or_cc_in_a_sentence_is_no_contact():
    facts = facts_of("Cc: billing@example.com\n\nI will cc: our finance team later. Our CFO is aware.")
    assert not any(contact.startswith("copied in") for contact in facts.contacts)


# --- sign-offs and salutations in the other cue languages ---


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Odotan vastaustanne pian.\n\nYstävällisin terveisin\nAino Virtanen", "Aino Virtanen"),
        ("Jeg venter på svar.\n\nMed vennlig hilsen\nKari Nordmann", "Kari Nordmann"),
        ("Čekám na odpověď.\n\nS pozdravem\nPetr Svoboda", "Petr Svoboda"),
        ("Yanıtınızı bekliyorum.\n\nSaygılarımla,\nEmre Yılmaz", "Emre Yılmaz"),
    ],
)
def test_the_sign_off_in_the_other_cue_languages_is_no_name(body, name):
    assert _sender(body).name == name


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ("Sehr geehrter Herr Brandt,\n\nder Fehler tritt weiterhin auf.", "der Fehler tritt weiterhin auf."),
        ("Madame, Monsieur,\nLe problème persiste depuis hier.", "Le problème persiste depuis hier."),
        ("Thanks for the report. We still see the same error on every run.", "We still see the same error"),
        ("Vielen Dank für die Analyse. Leider fehlen weiterhin Daten.", "Leider fehlen weiterhin Daten."),
    ],
)
def test_a_salutation_or_a_thank_you_alone_is_no_answer(answer, said):
    assert said in _answer_sentences(answer)


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ("Hallo, das Problem ist immer noch da.", "das Problem ist immer noch da."),
        ("Thanks for the fix, but it fails again.", "Thanks for the fix, but it fails again."),
    ],
)
def test_a_greeting_or_thanks_with_an_answer_keeps_the_answer(answer, said):
    assert _answer_sentences(answer) == said


# --- cases: a live outage by head count, a fault an integration delivers ---


@pytest.mark.parametrize(
    "sentence",
    [
        "Since 08:15 none of our ~250 agents can sign in.",
        "Nobody in our company can log in this morning.",
        "Right now 40 nurses are sitting in front of blank screens.",
        "All of our 1,200 users are locked out since the update.",
        "All our 35 drivers can't log in to the route app this morning.",
        "None of our cashiers have been able to open the till software today.",
    ],
)
def test_a_live_outage_said_by_head_count_is_an_outage(sentence):
    assert "outage" in case_types(sentence, {"technical"})


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody in our company can remember the admin password, how do we reset it?",
        "Since 08:15 about 250 agents have been taking calls as usual.",
        # a head count that needs, uses or is trained on something works
        "All of our 180 agents need a licence before the go-live.",
        "Please quote seats for all of our 90 staff.",
        "We would like you to train all of our staff on the new reports.",
        "All our 300 staff use it daily and love it.",
        "None of our users have complained about the new layout.",
        # supposed
        "If none of our agents can sign in during the migration, who do we call?",
    ],
)
def test_a_head_count_without_a_failure_is_no_outage(sentence):
    assert "outage" not in case_types(sentence, {"technical"})


@pytest.mark.parametrize(
    "sentence",
    [
        "Email addresses are still arriving empty in Salesforce for contacts from the chat widget.",
        "Every order we take now shows up twice in Xero.",
    ],
)
def test_a_fault_an_integration_delivers_is_a_defect(sentence):
    assert "bug" in case_types(sentence, {"technical"})


def test_a_defect_with_no_trigger_is_named_for_human_review():
    facts = facts_of("Every invoice we raise appears twice in Sage and our bookkeeper deletes them by hand.")
    assert facts.case_types == ["bug"]


@pytest.mark.parametrize(
    "body",
    [
        "Can invoices be sent to two addresses at once?",
        "The payment appears twice on my statement.",
        "The phone field is empty for two contacts because we never filled it in.",
    ],
)
def test_no_defect_named_without_a_trigger_from_a_near_miss(body):
    assert facts_of(body).case_types == []


# --- what the customer asks of us in the thread ---


def test_one_owner_a_fix_date_and_our_logs_asked_are_actions():
    handoff, _ = drafts(
        "I've been passed from support to engineering and back. Could one person own this and tell me when it will"
        " be fixed? I need someone who can look at the logs on your side.",
        *TECH,
    )
    assert "name one person who owns the case across our teams" in handoff.text
    assert "give the customer a date for the fix" in handoff.text
    assert "have an engineer with access to our own logs and systems investigate" in handoff.text


def test_no_owner_fix_date_or_logs_action_from_a_near_miss():
    handoff, _ = drafts(
        "We moved from Sage to Xero last year. Is there someone who can explain the invoice layout? The export"
        " fails with error 500.",
        *TECH,
    )
    assert "who owns the case" not in handoff.text
    assert "a date for the fix" not in handoff.text
    assert "access to our own logs" not in handoff.text


# --- a leak in another language, in a text the detector cannot place ---


def _log_lines(count: int) -> str:
    return "\n".join(
        f"2026-12-0{n % 9 + 1}T10:{10 + n % 50}:00Z job-{4000 + n} status=FAILED code=E{300 + n}" for n in range(count)
    )


def test_a_leak_in_another_language_after_log_lines_is_still_found():
    assert "data_exposure" in case_types(f"{_log_lines(80)}\nWidzimy dane innej firmy na naszym koncie.", {"legal"})


def test_a_negated_leak_after_log_lines_is_not_found():
    text = f"{_log_lines(80)}\nNie doszło do żadnego wycieku danych."
    assert "data_exposure" not in case_types(text, {"legal"})


# --- a job id of several parts; a renewal refused in another language ---


def test_a_job_id_of_several_parts_is_an_identifier():
    facts = facts_of("The nightly load failed again (run load_20261203_0100, same timeout).")
    assert "load_20261203_0100" in facts.identifiers


def test_snake_case_words_without_a_digit_are_no_identifier():
    facts = facts_of("We gave the read_only_user role to our auditor.")
    assert facts.identifiers == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Ohne ein Angebot bis Freitag werden wir den Vertrag im März nicht verlängern.",
        "Sans geste commercial, nous ne renouvellerons pas l'abonnement.",
        "Si no hay compensación, no vamos a renovar el contrato.",
        "Senza un piano, non rinnoveremo il contratto.",
    ],
)
def test_a_renewal_refused_in_another_language_is_a_cancellation(sentence):
    assert "cancellation" in case_types(sentence, {"financial"})


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Vertrag verlängert sich automatisch um ein Jahr.",
        "Nous souhaitons renouveler le contrat pour trois ans.",
        "Queremos renovar el contrato en marzo.",
    ],
)
def test_a_renewal_wanted_in_another_language_is_no_cancellation(sentence):
    assert "cancellation" not in case_types(sentence, {"financial"})


# --- data processed outside the region the customer's terms allow; a data-protection request past its term ---

LEGAL = ({"legal": 0.9}, {"legal_compliance": 0.9})


@pytest.mark.parametrize(
    "body",
    [
        "Your engineer confirmed our EU tenant was served from the US-East region for two days after the failover.",
        "Our contract requires EU-only processing. We learn our call recordings were stored in us-west-2 since May.",
        "Since the upgrade our nightly backups have been copied to a bucket outside the UK.",
        "Our Canadian patient files have been replicated to a data centre in the United States without our consent.",
        "Our Swiss tenant was processed in the EU region last week, although our data must remain in Switzerland.",
    ],
)
def test_data_processed_outside_the_region_allowed_is_a_residency_case(body):
    assert "data_residency" in case_types(body, set())


@pytest.mark.parametrize(
    "body",
    [
        "Our EU tenant is hosted in eu-west-1 as agreed.",
        "Can our data be replicated to the US region for lower latency?",
        "Our contract requires EU-only processing. The signed invoices were sent to our US office.",
        "Please confirm whether any EU data was processed in the US during the outage.",
        "Our data has been stored in the EU region since we signed, which is what we need.",
    ],
)
def test_data_where_it_may_be_or_asked_about_is_no_residency_case(body):
    assert "data_residency" not in case_types(body, set())


def test_a_residency_case_gets_scope_contract_and_notification_actions():
    handoff, _ = drafts(
        "Our contract requires EU-only processing. Your team confirmed that our EU tenant was served from the"
        " US-East region for two days during the failover.",
        *LEGAL,
    )
    assert "data residency breach" in handoff.text
    assert "which data categories and records, from when to when, and in which regions" in handoff.text
    assert "data-location clause and the DPA" in handoff.text
    assert "assess notification duties" in handoff.text


@pytest.mark.parametrize(
    "body",
    [
        "Olen pyytänyt tietopyynnön 3. maaliskuuta, mutta en ole saanut vastausta.",
        "Jag begär ett registerutdrag enligt GDPR.",
        "Slet venligst alle mine personoplysninger.",
        "Proszę o usunięcie moich danych z waszego systemu.",
        "Solicito acesso aos meus dados pessoais.",
        "Kişisel verilerimin silinmesini talep ediyorum.",
        "Žádám o přístup k mým osobním údajům.",
    ],
)
def test_a_data_protection_request_in_the_other_cue_languages(body):
    assert "privacy_request" in case_types(body, set())


@pytest.mark.parametrize(
    "body",
    [
        "Tietosuojaselosteenne on selkeä, kiitos.",
        "Vi har läst er integritetspolicy och har inga frågor.",
        "Proszę o fakturę za moje dane kontaktowe.",
    ],
)
def test_privacy_words_without_a_request_name_no_request(body):
    assert "privacy_request" not in case_types(body, set())


OVERDUE = "fulfil the overdue data-protection request now"


@pytest.mark.parametrize(
    "body",
    [
        "I sent a subject access request on 3 March and reminded you in April. The one-month deadline has passed.",
        "Please delete all my personal data. My request is still unanswered after two months.",
        "Ich habe am 2. Mai Auskunft nach Art. 15 DSGVO verlangt. Die Frist ist längst abgelaufen.",
        "Lähetin tietopyynnön lokakuussa. Määräaika on jo umpeutunut.",
    ],
)
def test_a_data_protection_request_past_its_term_is_fulfilled_dated_and_recorded(body):
    handoff, _ = drafts(body, *LEGAL)
    assert OVERDUE in handoff.text
    assert "record the delay and its reason" in handoff.text


@pytest.mark.parametrize(
    "body",
    [
        "I sent a subject access request yesterday. I understand you have one month to answer.",
        "Our project deadline has passed and we need a copy of the invoice data for the audit.",
    ],
)
def test_a_request_within_its_term_or_a_missed_deadline_of_another_kind_is_not_overdue(body):
    handoff, _ = drafts(body, *LEGAL)
    assert OVERDUE not in handoff.text


# --- the signer's firm in one word under their role; a mailbox named by its local part ---


@pytest.mark.parametrize(
    ("signature", "company"),
    [
        ("Platform Lead, Harbourlight", "Harbourlight"),
        ("Office Manager, Brightwell", "Brightwell"),
        ("Platform Lead, Engineering", None),
        ("Head of IT, Operations", None),
        ("Analyst, Monday", None),
    ],
)
def test_one_word_under_the_role_is_the_firm_unless_a_department_or_a_day(signature, company):
    sender = _sender(f"The nightly export fails since Tuesday.\n\nThanks,\nNoor Haddad\n{signature}")
    assert sender.company == company


def test_the_firm_under_the_role_is_not_asked_for():
    handoff, _ = drafts(
        "The nightly export fails since Tuesday with error 500.\n\nThanks,\nNoor Haddad\nPlatform Lead, Harbourlight",
        *TECH,
        plan="business",
        annual_contract_value=12000,
    )
    assert "Harbourlight" in handoff.text.split("Channel:")[0]
    assert "the customer's company" not in handoff.text


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("At 04:10 one of our service accounts (sync-bot@) signed in from an unknown IP address.", "sync-bot@"),
        ("The account 'payroll@' sent the file to a stranger.", "payroll@"),
        ("Please call me @ 5pm about the sign-in.", None),
    ],
)
def test_a_mailbox_named_by_its_local_part_is_an_identifier(body, found):
    identifiers = facts_of(body, labels=["legal"]).identifiers
    assert (found in identifiers) if found else not any(i.endswith("@") for i in identifiers)


def test_an_exposure_that_is_the_residency_itself_keeps_one_scope_and_one_notification_action():
    handoff, _ = drafts("Our event data was stored outside the EU without our consent since the upgrade.", *LEGAL)
    actions = handoff.text.split("Recommended actions")[1].split("Rationale")[0]
    assert actions.count("notification duties") == 1
    assert actions.count("establish the scope") == 1
    assert "contain the exposure" in actions
