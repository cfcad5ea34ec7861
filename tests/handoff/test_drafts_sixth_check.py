"""General rules from grading the sixth check's drafts (docs/grades/handoffs-check6.md), each in forms of our own:
a case told by what the customer asks or by its effect (a live outage by idle staff, an outage over, a defect back
after our fix, impersonation, a refund we agreed and did not pay, a price rise contested, a renewal at risk), the
signer in other languages and legal forms, a firm's client, deadlines with their date or set by a policy, the steps
under a list heading, and the points a customer lists. Each rule has a positive, a negated or non-literal form, and
an over-match that must not fire."""

from __future__ import annotations

import pytest
from drafting import drafts_of as drafts

from triage.handoff.facts import case_types, ticket_facts
from triage.schema import Ticket

TECH = ({"technical": 0.9}, {"technical": 0.9})


def facts_of(body: str, labels: tuple[str, ...] = (), history: list[dict] | None = None, **fields):
    ticket = Ticket.model_validate({"id": "S6-1", "body": body, "history": history or [], **fields})
    return ticket_facts(ticket, list(labels), set(labels))


def actions_of(handoff) -> list[str]:
    section = handoff.text.split("Recommended actions\n")[1].split("\n\n")[0]
    return [line.removeprefix("- ") for line in section.splitlines()]


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # a live outage told by its effect: idle staff, every line failing
        ("Since 9:15 all 4 phone lines drop every call. 25 operators sitting idle.", ("technical",), ["outage"]),
        ("The whole call centre is sitting idle since your 10:00 release.", ("technical",), ["outage"]),
        ("All 3 queues are not failing any more, thanks for the quick fix.", ("technical",), []),  # over: no case
        ("How can I see which agents are idle on the wallboard?", ("technical",), []),
        # someone posing as the customer, whatever the triggers say
        ("A lookalike account on your platform is pretending to be us and mails our clients.", (), ["impersonation"]),
        ("Our customers received fake invoices sent in our name with another IBAN.", (), ["impersonation"]),
        ("Nobody is impersonating us; we only want our logo on the invoices.", (), []),
        ("Please send the invoices in our name, not in our parent company's.", (), []),
        # a refund we agreed that has not arrived: traced, not checked as a contested charge
        (
            "Your colleague confirmed a refund of $80 on 2 May. Nothing has arrived yet.",
            ("financial",),
            ["refund_owed"],
        ),
        ("The refund was approved three weeks ago and there is still no sign of it.", ("financial",), ["refund_owed"]),
        ("The refund was approved and reached my card yesterday, thanks.", ("financial",), []),
        ("You charged us twice in May and I want a refund.", ("financial",), ["billing_dispute"]),
        (
            "A refund was confirmed last month and has not arrived, and you charged us twice for June.",
            ("financial",),
            ["billing_dispute", "refund_owed"],
        ),
        # a price rise contested
        (
            "Fees move from 1% to 1.4% from March. Not accepted: our contracted rate is 1%.",
            ("financial",),
            ["price_increase"],
        ),
        ("We're not going to pay 15% more for the same seats.", ("financial",), ["price_increase"]),
        ("The 5% price increase is fine by us.", ("financial",), []),
        ("Will there be a price increase next year?", ("financial",), []),
        # a renewal at risk in other words
        ("Without a better offer we'll let the contract lapse at the end of June.", (), ["cancellation"]),
        ("We will move all 9 warehouses to another platform.", (), ["cancellation"]),
        ("Our lawyers are reviewing our right to terminate.", (), ["cancellation"]),
        ("We will move the 9 warehouses to another building next month.", (), []),
        # records missing in the same clause are lost; a record lacking a detail, or books short of entries, are not
        (
            "Recordings for about 900 calls on our sales lines between 3 and 9 May are missing.",
            ("technical",),
            ["data_loss"],
        ),
        ("The invoices are missing the VAT number.", ("technical",), ["bug"]),  # a defect at most, nothing lost
        ("We book refunds from these webhooks, so several are now missing in our ledger.", ("technical",), ["bug"]),
        # a deletion asked about is no loss; another law's article is no data-protection request
        ("Please confirm whether the former employee's data was deleted.", ("legal", "technical"), []),
        ("As a regulated firm we must keep these records under MiFID II Article 16(7).", ("legal",), []),
        ("I ask for a copy under Article 15 GDPR.", ("legal",), ["privacy_request"]),
        # a sign-in reported for someone who cannot have made it is a takeover; our own, or a reset asked, is not
        (
            "Our logs show a sign-in as mvos at 02:40 from 91.12.4.7. Mira is on holiday this week.",
            (),
            ["account_takeover"],
        ),
        ("There was a sign-in from Porto, but Ana is not on leave, she is at a conference there.", (), []),
        ("We logged in from the new office. Maria is on leave next week, please add her deputy.", (), []),
        ("Can you reset the login for Tom while he is on leave?", (), []),
        # a breach notification term is no breach reported
        ("Clause 9 commits you to notify personal data breaches without undue delay.", ("legal",), []),
        ("Our personal data was leaked in a data breach last night.", ("legal",), ["data_exposure"]),
    ],
)
def test_case_types_read_on_the_sixth_check(text, labels, expected):
    assert case_types(text, set(labels)) == expected


def test_an_outage_told_with_its_end_is_over_and_a_fault_back_after_our_fix_is_a_defect():
    over = facts_of("Our portal went down on Tuesday, from 9:00 to 12:00. We want an RCA.", ("technical",))
    again = facts_of("Our portal went down from 9:00 to 12:00 yesterday, and the portal is down again.", ("technical",))
    history = [
        {"at": "2026-05-01T08:00:00Z", "author": "customer", "body": "Nobody can log in to the portal."},
        {"at": "2026-05-01T09:00:00Z", "author": "agent", "body": "We reset the key on our side; it works now."},
    ]
    back = facts_of("Same 'invalid token' error since this morning, only for our Leeds users.", ("technical",), history)
    thanks = facts_of("Thanks, all fine since then. One billing question.", ("technical",), history)

    assert "outage" not in over.case_types
    assert "outage" in again.case_types
    assert back.case_types == ["bug"]
    assert thanks.case_types == []


@pytest.mark.parametrize(
    ("body", "name", "role", "company"),
    [
        (
            "Merci de votre aide.\n\nAvec mes remerciements,\n\nJulie Favre\nGérante\nFavre Conseil Sàrl",
            "Julie Favre",
            "Gérante",
            "Favre Conseil Sàrl",
        ),
        ("Potete confermare?\n\nGrazie e buona giornata,\nMarco Gallo", "Marco Gallo", None, None),
        (
            "Please call me.\n\nAnna Kowalska\nFinance Director\nLipa Trans sp. z o.o.\n+48 22 555 0100",
            "Anna Kowalska",
            "Finance Director",
            "Lipa Trans sp. z o.o.",
        ),
        (
            "Please confirm.\n\nSincerely,\n\nRay Dunn\nGeneral Counsel\nHollis Farms, Inc.",
            "Ray Dunn",
            "General Counsel",
            "Hollis Farms, Inc.",
        ),
    ],
)
def test_the_signer_in_other_languages_and_legal_forms(body, name, role, company):
    sender = facts_of(body).sender
    assert (sender.name, sender.role, sender.company) == (name, role, company)


@pytest.mark.parametrize(
    ("greeting", "addressee"),
    [("Dear Jonas,", "Jonas"), ("Dear Legal Department,", None), ("Bonjour,", None), ("Buongiorno,", None)],
)
def test_a_department_or_a_greeting_is_no_addressee(greeting, addressee):
    assert facts_of(f"{greeting}\nPlease reply about our renewal.").addressee == addressee


@pytest.mark.parametrize(
    ("body", "client"),
    [
        ("We act as outside counsel to Halden Freight AB in connection with its renewal.", "Halden Freight AB"),
        ("I write on behalf of Hollis Farms, Inc. to give notice of a claim.", "Hollis Farms, Inc."),
        ("Yours faithfully,\n\nBrook Lane LLP\nSolicitors for Ashby Joinery Ltd", "Ashby Joinery Ltd"),
        ("I am writing on behalf of my manager, who is away.", None),
    ],
)
def test_a_firm_names_the_client_it_writes_for(body, client):
    assert facts_of(body).client == client


def test_the_client_of_a_firm_is_on_the_customer_line():
    body = (
        "We act for Ashby Joinery Ltd. Please confirm the account is restored.\n\nYours faithfully,\n\nBrook Lane LLP"
    )
    handoff, _ = drafts(body, {"legal": 0.9}, {"legal_compliance": 0.9})
    assert "Customer:    Brook Lane LLP (signed the message), for Ashby Joinery Ltd" in handoff.text
    assert "the customer's company" not in handoff.missing_information


@pytest.mark.parametrize(
    ("text", "identifiers"),
    [
        ("Voici la facture n° 2026-FR-00417 du mois.", ["2026-FR-00417"]),
        ("Registrato con l'indirizzo anna.rossi.studio@gmail.com, grazie.", ["anna.rossi.studio@gmail.com"]),
        ("The audit log for employee no. 08812, please.", ["08812"]),
        ("The complaint (Case No. 2026-CV-1188) was filed.", ["2026-CV-1188"]),  # not "CV-1188" beside it
    ],
)
def test_identifiers_whole_and_in_other_languages(text, identifiers):
    assert facts_of(text).identifiers == identifiers


@pytest.mark.parametrize(
    ("text", "deadlines"),
    [
        ("We need the report by Friday 4 December.", ["by Friday 4 December"]),
        ("Please answer by Wednesday, December 9th at the latest.", ["by Wednesday, December 9th"]),
        ("Please call me within the hour.", ["within the hour"]),
        ("Our policy requires notification within 48 hours. Would you accept that?", []),
        ("Vos conditions prévoient un remboursement dans les 14 jours.", []),
        ("Your SLA says 4 hours; we need a reply within 24 hours.", ["within 24 hours"]),
        ("Calls before 17 May are unaffected. Please reply by 20 May.", ["by 20 May"]),
    ],
)
def test_deadlines_with_their_date_and_not_a_term_or_a_range(text, deadlines):
    assert facts_of(text, created_at="2026-05-01T09:00:00Z").deadlines == deadlines


def test_steps_under_a_list_heading_not_a_manner_nor_our_quoted_words():
    body = (
        "It still fails. We did all three things you suggested:\n1. Cleared the cache\n2. Reinstalled, now on 4.2\n"
        "3. Another headset, same result\n\n> I've reset your profile; it should work now.\n\n"
        "I've tried to be patient, but this is the fourth day."
    )
    steps = facts_of(body).customer_steps
    assert steps == ["Cleared the cache", "Reinstalled, now on 4.2", "Another headset, same result"]


def test_points_the_customer_lists_are_an_action_and_steps_listed_are_not():
    asked = "We need:\n- a written root-cause report;\n- confirmation of the credit by 9 May."
    tried = "What we've tried:\n- cleared the cache\n- reinstalled the app\nIt still crashes on start."
    asked_handoff, _ = drafts(asked, *TECH)
    tried_handoff, _ = drafts(tried, *TECH)

    assert any(
        a.startswith('answer each point the customer lists: (1) "a written root-cause report;"; (2) "confirmation')
        for a in actions_of(asked_handoff)
    )
    assert not any(a.startswith("answer each point") for a in actions_of(tried_handoff))


@pytest.mark.parametrize(
    ("body", "triggers", "team", "wanted"),
    [
        (
            "An account on your platform is pretending to be us and sends invoices with its own bank details.",
            {"legal": 0.9},
            {"legal_compliance": 0.9},
            "suspend the account or page posing as the customer, today",
        ),
        (
            "Your agent confirmed a refund of $120 on 3 May. Still nothing on my card.",
            {"financial": 0.9},
            {"billing": 0.9},
            "trace the refund we agreed",
        ),
        (
            "Your renewal quote is 18% more for the same plan. We're not going to pay that.",
            {"financial": 0.9},
            {"account_management": 0.9},
            "check the contract's price terms",
        ),
    ],
)
def test_the_new_cases_have_their_own_actions(body, triggers, team, wanted):
    handoff, _ = drafts(body, triggers, team)
    actions = actions_of(handoff)
    assert any(a.startswith(wanted) for a in actions)
    assert "check the charges against the invoice and payment records" not in actions


def test_an_agents_pleasantry_and_sign_off_on_one_line_are_no_step():
    history = [
        {"at": "2026-05-02T09:00:00Z", "author": "customer", "body": "Why is the renewal quote higher? Ines"},
        {
            "at": "2026-05-03T09:00:00Z",
            "author": "agent",
            "body": "Hi Ines, good to hear from you. The quote adds analytics. Best, Dan (Account Manager)",
        },
    ]
    handoff, _ = drafts("We never asked for the add-on. Please re-quote.", *TECH, history=history)
    step = next(line for line in handoff.text.splitlines() if "agent:" in line)
    assert "agent: The quote adds analytics. -> customer:" in step
    assert "good to hear" not in step and "Best, Dan" not in step


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cancellate i miei dati ai sensi dell'art. 17 del GDPR. Grazie.", ["dell'art. 17 del GDPR.", "Grazie."]),
        ("Selon l'Art. 15 RGPD, je demande une copie. Merci.", ["Art. 15 RGPD, je demande une copie.", "Merci."]),
        ("This is modern art. Really.", ["This is modern art.", "Really."]),
    ],
)
def test_an_article_abbreviated_before_its_number_ends_no_sentence(text, expected):
    from triage.handoff.facts import sentences

    found = sentences(text)
    assert len(found) == len(expected) and all(found[i].endswith(tail) for i, tail in enumerate(expected))


def test_a_salutation_is_no_evidence():
    body = "Dear Legal Department,\nWe will take you to court over the lost records unless you respond."
    handoff, _ = drafts(body, {"legal": 0.9}, {"legal_compliance": 0.9})
    evidence = handoff.text.split("Supporting evidence\n")[1].split("\n\n")[0]
    assert "Dear Legal Department" not in evidence and "take you to court" in evidence


@pytest.mark.parametrize(
    ("text", "contacts"),
    [
        ("I can see payslips of a company called 'Harlow Vets Group'. Not ours.", ["company named: Harlow Vets Group"]),
        ("A client named Orla Byrne rang us about it.", ["client named: Orla Byrne"]),
        ("A company called us yesterday about it.", []),
        ("We called the company yesterday.", []),
        ("One of our agents (Ama Boateng, ext 31) has no audio.", ["agent named: Ama Boateng"]),
        ("Our users (Sales Team) cannot log in.", []),
        (
            "Hello, I worked for Brackley Mills Ltd until June and they used your HR system.",
            ["former employer named: Brackley Mills Ltd"],
        ),
        ("I work at Home on Fridays.", []),
    ],
)
def test_another_party_named_by_what_it_is(text, contacts):
    assert facts_of(text).contacts == contacts


def _thread(agent_says: str, agent_at: str, customer_back_at: str) -> list[dict]:
    return [
        {"at": "2026-10-01T09:00:00Z", "author": "customer", "body": "Where is my refund of $90?"},
        {"at": agent_at, "author": "agent", "body": agent_says},
        {"at": customer_back_at, "author": "customer", "body": "Still nothing on my card."},
    ]


@pytest.mark.parametrize(
    ("agent_says", "customer_back_at", "owned"),
    [
        # what should reach them within a span, the span (its longer end) passed: owned
        ("It was approved; it should reach your card within 5-10 business days.", "2026-10-20T09:00:00Z", True),
        # the same, chased before the span ran out: not yet broken
        ("It was approved; it should reach your card within 5-10 business days.", "2026-10-05T09:00:00Z", False),
        # an update promised when we know more, and the customer had to chase
        ("I've passed it to finance and we'll update you as soon as we know more.", "2026-10-05T09:00:00Z", True),
        # an offer, not a promise
        ("Let me know if you need anything else.", "2026-10-20T09:00:00Z", False),
    ],
)
def test_a_promise_of_ours_not_kept_is_owned(agent_says, customer_back_at, owned):
    history = _thread(agent_says, "2026-10-02T09:00:00Z", customer_back_at)
    _, acknowledgement = drafts(
        "This is my third message about the refund.", {"financial": 0.9}, {"billing": 0.9}, history=history
    )
    assert ("and we did not keep that promise" in acknowledgement.text) is owned
