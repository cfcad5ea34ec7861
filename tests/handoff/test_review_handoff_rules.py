"""Over-matches a second review found in the hand-off rules of round two's tenth session, each the reviewer's own
sentence (it must not fire, or must keep its old reading) beside the form the rule was written for (it still
fires)."""

from __future__ import annotations

import time

import pytest
from drafting import drafts_of as drafts

from triage.handoff.drafts import _listed_asks
from triage.handoff.facts import _identifiers, case_types, sentences, ticket_facts
from triage.schema import Ticket

EVERY_FAMILY = {"technical", "financial", "legal"}


def facts_of(body: str):
    return ticket_facts(Ticket.model_validate({"id": "R2-1", "body": body}), sorted(EVERY_FAMILY), EVERY_FAMILY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 1. a sign-in for someone away: from an address or an unknown place, not "from Monday" or "from her phone"
        ("Please disable the login for Tom from Monday, he is on leave until March.", []),
        ("Sarah logged in from her phone while she was on holiday and now her password has expired.", []),
        ("There was a sign-in as mvos from 91.12.4.7 at 02:40. Mira is on holiday this week.", ["account_takeover"]),
        # 2. posing asked about or denied
        ("Could you check whether anyone is impersonating us?", []),
        ("Could you confirm nobody else is posing as me?", []),
        ("Please confirm whether anyone is posing as us.", []),
        ("Someone is impersonating us on your marketplace and takes orders.", ["impersonation"]),
        # 6. a renewal at risk: their own right, alternatives to us, another provider (not a plan)
        ("Does your contract give you the right to terminate my account if I pay late?", []),
        ("We're evaluating the alternatives you suggested for the CSV export.", []),
        ("We moved our phones to a new service plan last month, how do I update billing?", []),
        ("We intend to exercise our right to terminate.", ["cancellation"]),
        ("We are running an evaluation of two alternatives.", ["cancellation"]),
        # 7. records asked about, or left out of a view (a defect)
        ("Please confirm whether any call recordings are missing after the migration.", []),
        ("The attachments are missing from the PDF export since the update.", ["bug"]),
        ("The notes are missing from the CSV export since the update.", ["bug"]),
        ("All our files are missing from the dashboard since Monday.", ["data_loss"]),  # may be gone: no view guard
        ("All call recordings from May are missing since the migration.", ["data_loss"]),
        # 8. an invoice reissued to a new address, or one already received
        ("Could you have the invoice reissued to our new address?", []),
        ("Thanks, I got the bill reissued yesterday and it looks right.", []),
        ("Please reissue the invoice without the setup fee you added.", ["billing_dispute"]),
        # 10. staff idle in the past, and said to be fine
        ("Our 5 agents were idle for ten minutes during the lunch break, no problem.", []),
        ("Our 25 agents are sitting idle since your 10:00 release.", ["outage"]),
        # 11. something else not received after a refund that arrived
        (
            "Your agent approved a refund yesterday and it arrived, thanks. "
            "But I haven't received my March invoice yet.",
            [],
        ),
        ("Your agent approved a refund on 2 May. I haven't received it yet.", ["refund_owed"]),
        # 12. a rise in something other than a price
        ("We saw a 20% increase in orders after launch, which was a surprise.", []),
        ("A 20% increase in our fees came as a surprise.", ["price_increase"]),
        # 19. a fault said to be over
        ("All 3 queues are not failing any more, thanks for the quick fix.", []),
        ("The sync no longer crashes since your patch.", []),
    ],
)
def test_the_reviewers_sentences_name_no_case_and_the_rules_still_fire(text, expected):
    assert case_types(text, EVERY_FAMILY) == expected


@pytest.mark.parametrize(
    ("text", "deadlines"),
    [
        # 5. a records-state word in another clause leaves the deadline a deadline
        ("We need all the orders before Friday, otherwise the month-end report won't be complete.", ["before Friday"]),
        ("Please send the invoices before Friday so our audit file is complete.", ["before Friday"]),
        ("Calls before 17 May are unaffected. Please reply by 20 May.", ["by 20 May"]),
        ("Calls before 17 May and after 28 May are unaffected. Please reply by 20 June.", ["by 20 June"]),
    ],
)
def test_a_records_state_in_another_clause_keeps_the_deadline(text, deadlines):
    assert facts_of(text).deadlines == deadlines


@pytest.mark.parametrize(
    ("text", "client"),
    [
        # 4. the name ends before "and I"; "on behalf of" a person is no company
        ("We represent Acme Corp and I am writing about invoice 44.", "Acme Corp"),
        ("I am writing on behalf of Maria Lopez, my mother, about her account.", None),
        ("I write on behalf of Hollis Farms, Inc. to give notice of a claim.", "Hollis Farms, Inc."),
    ],
)
def test_a_firms_client_is_a_company(text, client):
    assert facts_of(text).client == client


@pytest.mark.parametrize(
    ("text", "contacts"),
    [
        # 14. a weekday is nobody's name; a name ends at "and I"
        ("A customer called Friday to say the invoice was wrong.", []),
        ("Our agents, Monday Through Friday, cannot log in.", []),
        ("I worked for Acme and I never got my last payslip.", []),
        ("I worked for Acme Foods Ltd and I never got my last payslip.", ["former employer named: Acme Foods Ltd"]),
        ("A client named April Jones called about her invoice.", ["client named: April Jones"]),
    ],
)
def test_a_weekday_or_a_pronoun_is_no_contacts_name(text, contacts):
    assert facts_of(text).contacts == contacts


@pytest.mark.parametrize(
    ("text", "identifiers"),
    [
        # 15. employee, student, patient and policy name a number only with its word
        ("Our employee 401k contributions look wrong.", []),
        ("Each student 3D printer licence is charged twice.", []),
        ("Employee number 4471 and policy no. PX-22 were charged.", ["4471", "PX-22"]),
    ],
)
def test_a_persons_noun_names_a_reference_only_with_its_word(text, identifiers):
    assert facts_of(text).identifiers == identifiers


def test_art_ends_a_sentence_except_before_a_laws_article():
    # 16
    assert sentences("We bought some art. 3 frames arrived broken.") == [
        "We bought some art.",
        "3 frames arrived broken.",
    ]
    assert sentences("Under art. 6(1)(f) GDPR we object. Thanks.") == ["Under art. 6(1)(f) GDPR we object.", "Thanks."]


def test_steps_told_under_a_list_are_no_points_to_answer():
    # 13
    assert _listed_asks("I want to explain what happened:\n- I reset my password\n- I cleared the cache") == []
    assert _listed_asks("We need the following:\n- a copy of invoice 44\n- a credit note") == [
        "a copy of invoice 44",
        "a credit note",
    ]


def test_an_update_promised_without_a_time_is_broken_only_when_chased():
    # 3. thanked three minutes later: kept; chased: broken
    promise = "I've passed it to our engineers and we'll let you know as soon as we know more."
    history = [
        {"at": "2026-10-01T09:00:00Z", "author": "customer", "body": "The export fails with error 500."},
        {"at": "2026-10-01T09:10:00Z", "author": "agent", "body": promise},
    ]
    thanked = "Great, thanks for the quick reply!"
    _, acknowledgement = drafts(
        thanked, {"technical": 0.9}, {"technical": 0.9}, created_at="2026-10-01T09:13:00Z", history=history
    )
    assert "did not keep that promise" not in acknowledgement.text
    chased = "Any update? The export still fails with error 500."
    _, acknowledgement = drafts(
        chased, {"technical": 0.9}, {"technical": 0.9}, created_at="2026-10-03T09:00:00Z", history=history
    )
    assert "did not keep that promise" in acknowledgement.text


def test_identifiers_keep_the_longer_reading_in_linear_time():
    # 17. 1,500 identifiers: seconds when each pair ran a regex
    assert _identifiers("The job died with exit code 137 on case 2026-CH-00871 and CH-00871.") == [
        "2026-CH-00871",
        "exit code 137",
    ]
    text = " ".join(f"order {1000 + i}, error E{i:04d}_X," for i in range(750))
    started = time.perf_counter()
    _identifiers(text)
    assert time.perf_counter() - started < 1.0
