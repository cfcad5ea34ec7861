"""Drafts from grading the fifth hand-written check (check5) by hand, each fault by its cause and in forms of our
own: a thread read as asks and answers, turns whose words are missing, steps under a heading, times that are
states rather than deadlines, codes of more shapes, and cases named from the customer's words when the model's
trigger does not name them."""

from __future__ import annotations

import pytest
from drafting import drafts_of as drafts

from triage.handoff.facts import sentences, ticket_facts
from triage.schema import Ticket

TECH = ({"technical": 0.9}, {"technical": 0.9})
MONEY = ({"financial": 0.9}, {"billing": 0.9})
LEGAL = ({"legal": 0.9}, {"legal_compliance": 0.9})


def facts_of(body: str, labels: tuple[str, ...] = (), **fields):
    ticket = Ticket.model_validate({"id": "F-5", "body": body, **fields})
    return ticket_facts(ticket, list(labels), set())


def steps_of(handoff) -> list[str]:
    section = handoff.text.split("Steps already taken\n")[1].split("\n\n")[0]
    return section.splitlines()


# --- a thread read as asks and answers


def test_the_agents_ask_is_shown_without_its_greeting_and_the_answer_with_how_it_went():
    history = [
        {"at": "2026-05-04T08:00:00Z", "author": "customer", "body": "Our label printer queue stopped printing."},
        {
            "at": "2026-05-04T09:00:00Z",
            "author": "agent",
            "body": "Hi Tomasz, thanks for flagging this! Could you power-cycle the print bridge and re-pair it "
            "under Devices? That normally clears the queue.",
        },
    ]
    body = "Hello, done that - twice. Queue is still stuck at job 1 and nothing prints. Who can look at the bridge?"
    handoff, _ = drafts(body, *TECH, history=history)

    step = next(line for line in steps_of(handoff) if "agent:" in line)
    assert "agent: Could you power-cycle the print bridge and re-pair it under Devices?" in step
    assert "Tomasz" not in step and "thanks" not in step
    assert "-> customer: done that - twice. Queue is still stuck at job 1 and nothing prints." in step


def test_a_short_rebuttal_keeps_the_sentence_that_backs_it():
    history = [
        {"at": "2026-05-04T08:00:00Z", "author": "customer", "body": "Please remove the setup fee from invoice 7781."},
        {
            "at": "2026-05-05T08:00:00Z",
            "author": "agent",
            "body": "Hello Maren, I have looked and the setup fee is correct: it is billed once on every new site.",
        },
        {
            "at": "2026-05-05T10:00:00Z",
            "author": "customer",
            "body": "It is not. Our contract waives setup fees for the first three sites, see clause 4.",
        },
    ]
    handoff, _ = drafts("Any decision on the setup fee?", *MONEY, history=history)

    step = next(line for line in steps_of(handoff) if "agent:" in line)
    assert "agent: I have looked and the setup fee is correct" in step
    assert "-> customer: It is not. Our contract waives setup fees for the first three sites, see clause 4." in step


def test_an_agent_turn_that_only_apologises_before_its_step_keeps_the_step():
    history = [
        {
            "at": "2026-05-04T09:00:00Z",
            "author": "agent",
            "body": "Apologies - the patch missed this week's train and ships on the 12th. I'll confirm once out.",
        },
    ]
    handoff, _ = drafts("The 12th came and went and the import still drops rows.", *TECH, history=history)

    assert "agent: the patch missed this week's train and ships on the 12th." in handoff.text


# --- turns whose words the ticket does not hold


def test_a_turn_with_no_words_still_counts_as_the_customers_earlier_contact():
    history = [
        {"at": "2026-05-01T09:00:00Z", "author": "customer", "body": ""},
        {"at": "2026-05-02T09:00:00Z", "author": "agent", "body": ""},
    ]
    created = "2026-05-09T09:00:00Z"
    handoff, ack = drafts("Still waiting on the refund of $84.", *MONEY, created_at=created, history=history)

    assert ack is not None
    assert "I am sorry that this is still not resolved and that you have had to contact us again." in ack.text
    assert "2026-05-02 09:00: an agent replied (the reply's text is not in the ticket)" in handoff.text
    assert "none recorded" not in handoff.text


# --- steps the customer lists


def test_steps_under_a_heading_are_each_a_step_and_the_heading_is_none():
    body = (
        "Exports to our SFTP stopped overnight.\n\nThings we already tried:\n"
        "* swapped the host key for the new one\n* 2) opened port 22 to your range again\n"
        "* pointed the job at a test folder\n\nNo luck so far."
    )
    facts = facts_of(body)

    assert facts.customer_steps[:3] == [
        "swapped the host key for the new one",
        "2) opened port 22 to your range again",
        "pointed the job at a test folder",
    ]
    assert not any(step.lower().startswith("things we") for step in facts.customer_steps)


def test_steps_after_a_heading_on_the_same_line_and_in_a_run_on_message_are_read():
    facts = facts_of(
        "Done so far: locked the shared inbox, rotated the app password, told staff not to open the link.\n"
        "nobody in the warehouse can scan since 7, rebooted the handhelds, the spare one same thing"
    )

    assert "locked the shared inbox, rotated the app password, told staff not to open the link." in facts.customer_steps
    assert any("rebooted the handhelds" in step for step in facts.customer_steps)


# --- times that are states, not deadlines


@pytest.mark.parametrize(
    "text",
    [
        "Please sort the sync out, it is still duplicating entries today.",
        "Treat this e-mail as our notice of non-renewal, effective today.",
        "Our reports show no records before 3 March since your upgrade.",
        "Please look at it: everything until 14 May vanished from the ledger.",
    ],
)
def test_a_time_that_describes_the_state_is_no_deadline(text):
    assert facts_of(text).deadlines == []


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Our payroll close is on the 5th, so the refund must land first.", "close is on the 5th"),
        ("The numbers our treasurer presents at the end of the quarter depend on this.", "at the end of the quarter"),
        ("We need the report before our review on 4/11.", "before our review on 4/11"),
    ],
)
def test_a_deadline_of_theirs_is_still_read(text, deadline):
    assert any(deadline in found for found in facts_of(text).deadlines)


# --- codes of more shapes


def test_codes_regions_quoted_errors_and_a_named_account_address_are_identifiers():
    facts = facts_of(
        "Job failed (LEDGER-LOCKED). The agent app shows 'W-QUEUE-409' and the API says 'quota_exceeded'. "
        "Record k_448120 is the one affected. Backups went to eu-central-2 instead. "
        "An admin 'helpdesk.bot@mailbox.example' appeared overnight.\n\nRegards,\nAnna Berg\nanna@berg.example"
    )

    for code in ("LEDGER-LOCKED", "W-QUEUE-409", "quota_exceeded", "k_448120", "eu-central-2"):
        assert code in facts.identifiers
    assert "helpdesk.bot@mailbox.example" in facts.identifiers
    assert "anna@berg.example" not in facts.identifiers  # the signature's own address


# --- cases named from the customer's words


@pytest.mark.parametrize(
    ("text", "labels", "case"),
    [
        ("Two subscriptions appeared on our Amex. No one at our office signed up for them.", ("financial",), "fraud"),
        ("Somebody stole our card number to register a second shop with you.", ("financial",), "fraud"),
        ("We keep getting debits for a plan we never opened.", ("financial",), "fraud"),
        ("Last night's run mailed us a payslip of another company, with their staff's salaries.", (), "data_exposure"),
        ("The report attached to our weekly digest isn't ours.", (), "data_exposure"),
        ("Since the upgrade our backups have been transferring to a bucket outside the EU.", (), "data_exposure"),
        ("An unrecognised administrator appeared in our tenant last night.", (), "account_takeover"),
        ("A billing user was invited from our finance lead's login while she was on leave.", (), "account_takeover"),
        ("Procurement has booked competitor trials for next month.", (), "cancellation"),
        ("We are discussing migrating our routing to another provider at renewal.", (), "cancellation"),
    ],
)
def test_a_case_is_named_from_its_own_words(text, labels, case):
    assert case in facts_of(text, labels).case_types


def test_a_takeover_that_took_data_out_is_an_exposure_too_and_a_duty_to_notify_is_no_regulator():
    facts = facts_of(
        "Someone added an unknown admin to our account and downloaded 3,200 client records. "
        "We may have to notify the ICO ourselves.",
        ("technical", "legal"),
    )

    assert facts.case_types[:2] == ["account_takeover", "data_exposure"]
    assert "regulator" not in facts.case_types


def test_a_regulator_already_asking_stays_beside_an_exposure():
    facts = facts_of(
        "Our invoices went to another customer's inbox. The regulator has written to us about it already.",
        ("legal",),
    )

    assert {"data_exposure", "regulator"} <= set(facts.case_types)


def test_a_meter_counting_twice_beside_a_billing_dispute_is_a_defect_too():
    facts = facts_of(
        "Every SMS since Tuesday is metered twice, so the invoice doubled. Please refund the difference.",
        ("technical", "financial"),
    )

    assert facts.case_types == ["billing_dispute", "bug"]


def test_an_outage_from_the_thread_stays_while_the_customer_chases_it():
    history = [{"at": "2026-05-04T08:00:00Z", "author": "customer", "body": "None of our drivers can log in."}]
    chased = facts_of("Six hours now. Is it fixed or not?", ("technical",), history=history)
    over = facts_of("Thanks, all good since noon. Can we get the incident report?", ("technical",), history=history)

    assert "outage" in chased.case_types
    assert "outage" not in over.case_types


# --- the person the customer writes to


@pytest.mark.parametrize(
    ("body", "history", "name"),
    [
        ("Hi Farah (cc our finance team), the renewal quote is wrong.", [], "Farah"),
        ("Tomas,\n\nthe renewal quote is still wrong.", [], "Tomas"),
        ("The quote is still wrong.", [{"author": "customer", "body": "Hello Ana, the quote is wrong."}], "Ana"),
    ],
)
def test_the_person_written_to_is_read_from_the_message_or_the_thread(body, history, name):
    assert facts_of(body, history=history).addressee == name


@pytest.mark.parametrize("body", ["Guys,\n\nthe quote is wrong.", "Urgent,\nthe quote is wrong."])
def test_a_word_alone_on_the_first_line_is_no_person(body):
    assert facts_of(body).addressee is None


def test_a_role_of_the_customers_own_is_no_account_manager_of_ours():
    facts = facts_of("Our IT manager, Rhys, has reset every password. Our office manager Jo Bell agrees.")

    assert facts.account_manager is None
    assert "it manager: Rhys" in facts.contacts


def test_our_rep_named_in_brackets_is_the_account_owner():
    facts = facts_of("Back in March I asked your sales rep (Ilse) to move us to quarterly billing.")

    assert facts.account_manager == "Ilse"


@pytest.mark.parametrize(
    "text", ["Cobraram duas vezes no cartão com final 5120.", "Me cobraron en la tarjeta terminada en 5120."]
)
def test_a_card_ending_in_portuguese_and_spanish(text):
    assert "card ending 5120" in facts_of(text).identifiers


def test_a_one_word_echo_is_no_step():
    assert facts_of("Reinstalled. Reinstalled the driver on both tills, same fault.").customer_steps == [
        "Reinstalled the driver on both tills, same fault."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "After the move to the new storage tier we seem to have lost two years of scans.",
        "Could someone tell us whether the records are recoverable? The archive view is empty.",
    ],
)
def test_data_lost_or_asked_back_is_data_loss(text):
    assert "data_loss" in facts_of(text, ("technical",)).case_types


def test_a_country_abbreviation_does_not_end_the_quoted_sentence():
    assert sentences("The claim was filed in the U.S. District Court for Oregon. Counsel wrote today.") == [
        "The claim was filed in the U.S. District Court for Oregon.",
        "Counsel wrote today.",
    ]
