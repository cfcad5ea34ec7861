"""Over-matches a review of the hand-off code found, each with the form still caught: a report or credit chased
under a negator, a plan's uptime, data asked about rather than told, a customer's own invitations, an unknown-user
error, an attachment nobody opened, a plan not used, an invoice's address or a csv's line, a step to continue, a
deadline read as a range of records, the customer's own admin taken for our account manager, and the ticket kept
only by the actions a configuration actually gives."""

from __future__ import annotations

import pytest
from drafting import drafts_of as drafts
from factories import head_scores

from triage.handoff.drafts import _recommended_actions
from triage.handoff.facts import ticket_facts
from triage.policy.config import load_config
from triage.schema import Ticket

TECH = ({"technical": 0.9}, {"technical": 0.9})
REPORT = "send the root-cause report"
CREDIT = "work out the service credit the contract gives for the missed service levels and offer it"
PRESERVE = "preserve the ticket, its history and related logs"


def actions_of(handoff) -> list[str]:
    section = handoff.text.split("Recommended actions\n")[1].split("\n\n")[0]
    return [line.removeprefix("- ") for line in section.splitlines()]


def facts_of(body: str, labels: tuple[str, ...] = ()):
    return ticket_facts(Ticket.model_validate({"id": "R-1", "body": body}), list(labels), set())


@pytest.mark.parametrize(
    ("body", "owed"),
    [
        ("We still haven't received the RCA you promised. The API fails again with 502.", True),
        ("We have received the RCA you promised. The API fails again with 502.", False),
    ],
)
def test_a_report_chased_is_owed_and_one_received_is_not(body, owed):
    handoff, _ = drafts(body, *TECH)

    assert any(a.startswith(REPORT) for a in actions_of(handoff)) is owed


@pytest.mark.parametrize(
    ("body", "asked"),
    [
        ("Exports fail again. We expect a credit for the SLA misses this month.", True),
        ("Exports fail again. Which plan offers guaranteed uptime?", False),
        ("Exports fail again. We are not asking for SLA credits, just a fix.", False),
    ],
)
def test_a_service_credit_is_an_action_only_when_asked_for(body, asked):
    handoff, _ = drafts(body, *TECH)

    assert (CREDIT in actions_of(handoff)) is asked


@pytest.mark.parametrize(
    ("body", "labels", "case", "found"),
    [
        ("The invoice was sent to a different customer.", ("legal",), "data_exposure", True),
        ("The page was blank, so we went to a different browser.", ("legal",), "data_exposure", False),
        ("We are importing the records from another company we acquired.", ("legal",), "data_exposure", False),
        ("Our event data was stored outside the EU without our consent.", ("legal",), "data_exposure", True),
        ("Can you confirm whether data is stored outside the EU?", ("legal",), "data_exposure", False),
        ("A rogue user was created from the owner's login last night.", ("legal",), "account_takeover", True),
        ("I invited three users from the admin account yesterday.", ("legal",), "account_takeover", False),
        ("An unknown admin was added to our workspace.", ("legal",), "account_takeover", True),
        ("An unknown user error appeared when importing the file.", ("legal",), "account_takeover", False),
        ("Nobody here opened this account, yet you charge us.", ("financial",), "fraud", True),
        ("Nobody opened the attachment you flagged.", ("financial",), "fraud", False),
        ("Charges for a workspace we don't recognise.", ("financial",), "fraud", True),
        ("Charges for the Pro plan we don't use.", ("financial",), "fraud", False),
        ("Please remove the duplicate line item from invoice 44.", ("financial",), "billing_dispute", True),
        ("How do I remove the first line of the csv?", ("financial",), "billing_dispute", False),
        ("Please amend our invoice, the amount is $400 too high.", ("financial",), "billing_dispute", True),
        ("Please amend our invoice address to our new office.", ("financial",), "billing_dispute", False),
        ("We are asking whether we should keep paying for this.", ("financial",), "cancellation", True),
        ("Let me know if we should continue with step 3.", ("financial",), "cancellation", False),
    ],
)
def test_case_words_and_their_harmless_forms(body, labels, case, found):
    assert (case in facts_of(body, labels).case_types) is found


@pytest.mark.parametrize(
    "body",
    ["How do I remove the first line of the csv? Invoice total $120.", "Please amend our invoice address. $4,200."],
)
def test_no_billing_dispute_without_a_trigger_from_an_edit(body):
    assert "billing_dispute" not in facts_of(body).case_types


@pytest.mark.parametrize(
    ("body", "deadline"),
    [
        ("Please send us the usage figures before Friday.", True),
        ("We need all the data before 5 March or the audit fails.", True),
        ("All data before 1 September is gone from the dashboard.", False),
        ("It's been five days and there's still nothing before 1 September.", False),
    ],
)
def test_a_date_after_records_is_a_range_only_when_the_records_are_gone(body, deadline):
    assert bool(facts_of(body).deadlines) is deadline


@pytest.mark.parametrize(
    ("body", "manager"),
    [
        ("Your own account manager never replied. The email from your colleague Ben Osterman said Friday.", True),
        ("My admin is away this week. The email from your colleague Ben Osterman said Friday.", False),
    ],
)
def test_an_unnamed_manager_is_one_of_our_account_roles(body, manager):
    assert (facts_of(body).account_manager is not None) is manager


@pytest.mark.parametrize(("fraud_actions", "kept"), [(None, True), (["call the customer back"], False)])
def test_the_ticket_is_preserved_unless_the_fraud_actions_used_preserve_it(fraud_actions, kept):
    settings = load_config().handoff_settings
    if fraud_actions is not None:
        settings = settings.model_copy(update={"case_actions": {"fraud": fraud_actions}})
    ticket = Ticket.model_validate({"id": "R-2", "body": "Nobody here opened this account. Fraud on our card."})
    facts = ticket_facts(ticket, ["financial"], set())
    scores = head_scores(ticket, triggers={"financial": 0.9}, escalation=0.9, team={"billing": 0.9}, signals={})

    actions = _recommended_actions(ticket, scores, facts, ("compliance",), settings)

    assert "fraud" in facts.case_types
    assert (PRESERVE not in actions) is kept
