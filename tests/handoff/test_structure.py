"""What the hand-off reads from a ticket's structure, whatever the customer's phrasing: the sender from any turn's
signature or our agent's greeting, our agents' roles from their sign-offs, the case from the model's triggers and
signals when no phrase names it, deadlines that are the customer's (not our own promises quoted back), and the
company asked only of someone who writes for one. Every fixture is written for this file."""

from __future__ import annotations

import pytest

from triage.handoff.drafts import _agent_step, missing_information
from triage.handoff.facts import ticket_facts
from triage.schema import Ticket


def ticket_of(body: str, history: list[dict] | None = None, **fields) -> Ticket:
    return Ticket.model_validate({"id": "ST-1", "body": body, "history": history or [], **fields})


def facts_of(body: str, history: list[dict] | None = None, labels=(), signals=(), **fields):
    return ticket_facts(ticket_of(body, history, **fields), list(labels), set(), set(signals))


def turn(author: str, body: str, at: str = "2026-03-02T09:00:00Z") -> dict:
    return {"at": at, "author": author, "body": body}


# --- who wrote: any turn's signature, then our agent's greeting ---


@pytest.mark.parametrize(
    ("body", "name", "role", "company"),
    [
        # a one-line signature after the last sentence, with a role and a company
        (
            "The export is empty again. Any idea? Tomas Brenner, FinOps, Quillfield Labs",
            "Tomas Brenner",
            "FinOps",
            "Quillfield Labs",
        ),
        # an initial for the first name
        ("Please correct the credit note. R. Okafor", "R. Okafor", None, None),
        # a capital outside A-Z, under a sign-off of another language
        ("Je reste disponible.\n\nBien cordialement,\nÉtienne Lefèvre", "Étienne Lefèvre", None, None),
        (
            "Dziękuję.\n\nPozdrawiam,\nŁucja Wiśniewska\nWiśniewska Logistyka sp. z o.o.",
            "Łucja Wiśniewska",
            None,
            "Wiśniewska Logistyka sp. z o.o.",
        ),
        # a closing of three words, a title before the name
        (
            "Please treat this as urgent.\n\nWith kind regards,\nDr. Henrike Vos\nHead of Risk\nNordsee Kapital AG",
            "Dr. Henrike Vos",
            "Head of Risk",
            "Nordsee Kapital AG",
        ),
        # a sign-off of another language on its own line, the name under it (no comma after either)
        ("Proszę o usunięcie moich danych.\n\nPozdrawiam\nPaweł Zieliński", "Paweł Zieliński", None, None),
        ("Obrigado pela ajuda.\n\nAtenciosamente\nJoão Pereira", "João Pereira", None, None),
        ("Tack för hjälpen.\n\nMed vänliga hälsningar\nAstrid Lund", "Astrid Lund", None, None),
        # a closing whose own words run on ("Danke und viele Grüße"), the name under it
        (
            "Wo finde ich das?\n\nDanke und viele Grüße\nMarek Olsen\nTeamleitung\nOlsen Werkzeugbau GmbH",
            "Marek Olsen",
            "Teamleitung",
            "Olsen Werkzeugbau GmbH",
        ),
    ],
)
def test_the_sender_is_read_from_any_signature_form(body, name, role, company):
    sender = facts_of(body).sender

    assert (sender.name, sender.role, sender.company) == (name, role, company)


def test_an_unsigned_message_is_signed_by_an_earlier_turn_of_the_customer():
    history = [
        turn("customer", "Hi, the nightly import stops at 40%. Can you look? Ines Moreau, Ops, Vantral Freight"),
        turn("agent", "Hi Ines, thanks - we are looking into it. Regards, Support"),
    ]
    sender = facts_of("Still stopping at 40% today. This is the third night.", history).sender

    assert (sender.name, sender.company, sender.how) == ("Ines Moreau", "Vantral Freight", "signed the message")


def test_a_message_nobody_signs_is_the_person_our_agent_greets():
    history = [turn("agent", "Hi Rafael, could you try signing out and in again?")]

    sender = facts_of("Did that, still nothing loads.", history).sender

    assert (sender.name, sender.how) == ("Rafael", "greeted by our agent")


@pytest.mark.parametrize(
    "greeting",
    ["Hi there, could you try again?", "Hello team, could you try again?", "Dear Sir or Madam, please try again."],
)
def test_a_greeting_to_nobody_in_particular_names_no_sender(greeting):
    assert facts_of("Still broken.", [turn("agent", greeting)]).sender.name is None


@pytest.mark.parametrize(
    "body",
    [
        "I paid on time. Then (Weirdly) nothing happened",  # a capitalised word and a bracket is no signature
        "It worked once. Anyway, whatever",
        "Thanks Dana, that is what we did. Nothing changed though",  # thanks that open a sentence sign nothing
    ],
)
def test_sentences_are_not_read_as_a_signature(body):
    assert facts_of(body).sender.name is None


# --- our own people: an agent's sign-off gives their role or team ---


def test_our_agents_are_named_contacts_with_the_role_or_team_they_sign_with():
    history = [
        turn(
            "agent",
            "Dear Ms Lind, confirmed - the credit will be on the next invoice. Kind regards, Petra Novak, "
            "Customer Success",
        ),
        turn("agent", "Thanks Jo, sounds good - send it over and we'll review. Anil (Account Manager)"),
    ]
    facts = facts_of("The credit is not on the invoice.", history)

    assert "customer success: Petra Novak" in facts.contacts
    assert "account manager: Anil" in facts.contacts
    assert facts.account_manager == "Anil"


def test_an_agent_signing_as_support_is_no_named_contact():
    facts = facts_of("Still waiting.", [turn("agent", "Hi, we are on it. Kind regards, Support")])

    assert facts.contacts == []


# --- the case: from the model's triggers and the signals under them when no phrase names it ---


@pytest.mark.parametrize(
    ("body", "labels", "signals", "history", "expected"),
    [
        # a fault back after our fix, in words no case pattern knows
        (
            "You said this was sorted on Monday. It is not fixed, the sync made 300 more copies.",
            ("technical",),
            (),
            [],
            ["bug"],
        ),
        # an error pasted under words of another language
        (
            "Seit dem Update bricht der Export jede Nacht ab:\n2026-03-02 01:14:11 ERROR export_job: timeout after 30s",
            ("technical",),
            (),
            [],
            ["bug"],
        ),
        # a money trigger with the amount contested, in another language
        (
            "Nella fattura c'è una voce di 45,00 € che non abbiamo mai concordato.",
            ("financial",),
            ("money_amount",),
            [],
            ["billing_dispute"],
        ),
        # the legal trigger with the model's fraud signal
        ("Someone opened an account with my stolen passport. Please close it.", ("legal",), ("fraud",), [], ["fraud"]),
        # a privacy law cited by a person writing for themselves
        (
            "Je souhaite obtenir une copie de mes données, article 15.\n\nCordialement,\nAude Garnier",
            ("legal",),
            ("privacy_regulation",),
            [],
            ["privacy_request"],
        ),
    ],
)
def test_the_case_comes_from_the_triggers_and_signals_when_no_phrase_names_it(body, labels, signals, history, expected):
    assert facts_of(body, history, labels, signals).case_types == expected


@pytest.mark.parametrize(
    ("body", "labels", "signals"),
    [
        # a trigger with nothing to back it names no case
        ("Could you call me about our plan?", ("technical",), ()),
        ("Could you call me about our plan?", ("financial",), ()),
        ("Could you call me about our plan?", ("legal",), ()),
        # a firm's questions about our data-processing terms cite the law too: no request for its own data
        (
            "Before our client signs, which article 28 terms apply?\n\nYours sincerely,\nKai Brook\nPartner\n"
            "Brook & Hale LLP",
            ("legal",),
            ("privacy_regulation",),
        ),
        # an organisation asking about a privacy law ("we", "our") makes no request for its own data
        (
            "We are a practice and want to keep patient notes with you. Do you sign the agreement our law needs?",
            ("legal",),
            ("privacy_regulation",),
        ),
        # an old fault over: the current message reports none
        ("Thanks, all fine since then. One question about seats.", ("technical",), ()),
    ],
)
def test_a_trigger_without_backing_names_no_case(body, labels, signals):
    history = [turn("customer", "Nobody can sign in, error on every page.")]

    assert facts_of(body, history, labels, signals).case_types == []


# --- deadlines: the customer's own, not ours quoted back ---


def test_a_time_our_agent_promised_is_no_deadline_of_the_customers():
    history = [turn("agent", "Hi Bo, the refund is approved and will reach you within 10 working days. Best, Lea")]

    facts = facts_of("Lea said it would arrive within 10 working days. Nothing yet. Please pay by Friday.", history)

    assert facts.deadlines == ["by Friday"]


def test_a_one_word_time_is_the_customers_even_when_our_agent_used_the_word():
    history = [turn("agent", "A patch went out today that resolves it.")]

    facts = facts_of("It is not fixed. If I don't hear from a manager today I am cancelling.", history)

    assert facts.deadlines == ["today"]


def test_an_earlier_turns_undated_deadline_gives_way_to_the_current_messages():
    history = [
        turn("customer", "Ahead of the renewal we'd like a proposal.", "2026-09-01T09:00:00Z"),
        turn("agent", "Will do.", "2026-09-02T09:00:00Z"),
    ]

    facts = facts_of("Unless I have the proposal by 14 December we will not renew.", history)

    assert facts.deadlines == ["by 14 December"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("If we don't get an answer today we move the account.", ["today"]),
        ("Unless someone calls me tomorrow, I will file a complaint.", ["tomorrow"]),
        ("We would be grateful for a written response this week.", ["this week"]),
        ("I need the line gone before our payroll lock on the 12th.", ["before our payroll lock on the 12th"]),
        ("We hereby give sixty (60) days' written notice of termination.", ["give sixty (60) days' written notice"]),
        ("The contract will therefore end on 3 May.", ["contract ends on 3 May"]),
    ],
)
def test_deadlines_by_their_structure(body, expected):
    assert facts_of(body).deadlines == expected


@pytest.mark.parametrize(
    "body",
    [
        "If I remember right, it broke today.",  # a condition with no refusal in it is no ultimatum
        "The response today was helpful, thanks.",  # an answer already given
        "It failed before our lunch on Monday, as I said.",  # told, not asked: no "before" with a date
    ],
)
def test_times_that_are_no_deadline(body):
    assert facts_of(body).deadlines == []


# --- the company: asked only of someone who writes for one; known from any turn ---


def test_no_company_is_asked_of_a_person_who_writes_only_for_themselves():
    ticket = ticket_of(
        "I cancelled last month and you charged my card again. I have told my bank.\n\nJ. Ferris",
        customer={"plan": "plus_monthly", "annual_contract_value": 119.88},
    )

    assert "the customer's company" not in missing_information(ticket, ticket_facts(ticket, [], set()), ("general",))


def test_the_company_is_asked_of_someone_writing_for_a_team_on_a_paid_plan():
    ticket = ticket_of(
        "Our team cannot export the reports we need.\n\nSam",
        customer={"plan": "plus_monthly", "annual_contract_value": 119.88},
    )

    assert "the customer's company" in missing_information(ticket, ticket_facts(ticket, [], set()), ("general",))


def test_the_company_is_not_asked_when_an_earlier_turn_signs_with_it():
    history = [turn("customer", "Hello, our invoices are doubled. Can you check? Mira Holt, Finance, Pellow Dairy")]
    ticket = ticket_of(
        "It happened again this month. We need it corrected.",
        history,
        customer={"plan": "business", "annual_contract_value": 24000},
    )

    assert "the customer's company" not in missing_information(ticket, ticket_facts(ticket, [], set()), ("general",))


def test_a_firm_names_its_client_in_an_earlier_turn():
    history = [turn("customer", "Dear Sirs, we act for Harlow Mills Ltd, who are evaluating your service. K. Adair")]

    facts = facts_of("Thank you for the documents. We have two questions.\n\nKit Adair\nAdair Moss LLP", history)

    assert facts.client == "Harlow Mills Ltd"


def test_an_invoice_named_by_its_month_in_another_language_needs_no_number():
    ticket = ticket_of(
        "Nella fattura di marzo c'è una commissione di 30,00 € mai concordata.\n\nCordiali saluti,\nLia Conti\n"
        "Conti Ottica S.r.l.",
        customer={"plan": "professional", "annual_contract_value": 2400},
    )
    facts = ticket_facts(ticket, ["financial"], set(), {"money_amount"})

    assert facts.case_types == ["billing_dispute"]
    assert "the invoice, order or transaction number" not in missing_information(ticket, facts, ("general",))


@pytest.mark.parametrize(
    ("body", "step"),
    [
        # a thanks that runs on is all pleasantry
        ("Thank you for spotting this, and for telling us. Please delete the file.", "Please delete the file."),
        # a sentence of the agent's own that starts with "and" is kept
        ("Please delete the file. And send us the file name.", "Please delete the file. And send us the file name."),
    ],
)
def test_the_agents_step_drops_a_run_on_thanks(body, step):
    assert _agent_step(body) == step


# --- facts the thread holds in any turn ---


def test_a_refund_our_agent_agreed_that_never_came_is_traced_not_checked():
    history = [
        turn("customer", "Please refund the two unused seats."),
        turn("agent", "Hi Noor, the refund of EUR 240 has been approved and will reach you within 5 days. Best, Ivo"),
    ]

    owed = facts_of("It is the 20th and nothing has arrived. Where is it?", history, ("financial",))
    received = facts_of("It arrived this morning, thanks. One more question about seats.", history, ("financial",))

    assert owed.case_types == ["refund_owed"]
    assert "refund_owed" not in received.case_types


@pytest.mark.parametrize(
    "body",
    [
        "This firm represents Mr Colm Devane, a subscriber to your plan.\n\nSincerely,\nAva Reyes\nReyes LLP",
        "This firm represents Mr Colm Devane and a class of subscribers.\n\nSincerely,\nAva Reyes\nReyes LLP",
    ],
)
def test_a_firm_that_represents_a_person_names_them_as_its_client(body):
    assert facts_of(body).client == "Mr Colm Devane"


def test_a_status_code_in_brackets_after_its_reason_is_an_identifier():
    assert "Bad gateway (502)" in facts_of("Every page shows 'Bad gateway (502)' since 9:00.").identifiers


def test_the_customers_outside_counsel_is_a_named_contact():
    facts = facts_of("We have instructed our external counsel, Lowe & Carden, who will write to you.")

    assert "external counsel: Lowe & Carden" in facts.contacts


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "When I complained, your chat said the plan was retired.",
            ["When I complained, your chat said the plan was retired."],
        ),
        ("I have today filed a complaint with the ombudsman.", ["I have today filed a complaint with the ombudsman."]),
        ("Nobody complained about the old plan.", []),  # a step nobody took
    ],
)
def test_contacts_the_customer_already_made_are_steps(body, expected):
    assert facts_of(body).customer_steps == expected
