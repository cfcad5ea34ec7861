"""Routine asks and resolved updates (triage.text.signals): a question on a price, a volume tier or proration, a
change to a document or to the company's name, and a message saying its problem is already solved. Each form has
twins that must not match: negated, a real problem put as a question, a fix that broke again, a refund disputed
politely."""

from __future__ import annotations

import pytest

from triage.text.signals import find_signals

RESOLVED = [
    # Solved, said in many ways.
    ("No action needed on your side, I just wanted to let you know what happened.", True),
    ("FYI: the import problem is sorted now. Reconnecting the account fixed it.", True),
    ("We fixed it by clearing the browser cache, thanks anyway!", True),
    ("Thanks, that fixed it!", True),
    ("Everything is working again after the restart.", True),
    ("All sorted, you can close this ticket.", True),
    ("Please disregard my last message, we found the problem on our end.", True),
    ("Just closing the loop on the delayed reports: they arrived this morning. Nothing you need to do.", True),
    ("It turned out our token had expired; we reconnected and the data came through.", True),
    # Not solved: negated, asked, hoped, tried or believed.
    ("The issue hasn't been resolved.", False),
    ("It's not sorted yet, the export still fails.", False),
    ("Is it fixed now?", False),
    ("When will it be fixed?", False),
    ("Please fix it by Friday.", False),
    ("I hope it's sorted soon.", False),
    ("Once it's fixed we will reconnect the printers.", False),
    ("We're trying to get things back to normal after the migration.", False),
    ("I thought they had resolved it, then another letter arrived.", False),
    ("We're not sure if it's fixed.", False),
    # Solved, then broken again, or something else still open.
    ("It was fixed but broke again this morning.", False),
    ("The workaround you gave no longer works.", False),
    ("Thanks for the fix. Sadly it stopped working again an hour later.", False),
    ("Reconnecting fixed it, but we still can't export the report.", False),
    ("Sorted now, but we lost two days of orders.", False),
    ("It's working now but we want a credit for the downtime.", False),
    ("The update sorted the login issue but the reports are still missing.", False),
    ("Last time someone fixed it by hand. We can't pay an invoice with the wrong tax on it.", False),
    ("All sorted, but this is the third time it has happened this month.", False),
    ("The outage is resolved now. What compensation do you offer for the lost afternoon?", False),
    # A cause found is a diagnosis, not a fix; a fix found is one.
    ("We found the issue - your API rejects every request since your update this morning.", False),
    ("we found the cause: your update deleted our custom fields", False),
    ("Please disregard my last message, we found the cause on our side.", True),
    # Fixed, but harm done, a contrast, a complaint, a chargeback or a new problem remains.
    ("It's back up and running. Data from 2pm to 5pm is gone though.", False),
    ("It's back up and running, thanks for the quick help.", True),
    ("Sorted it myself by restoring from our own backup, since your export had deleted half our contacts.", False),
    ("Sorted it myself by restoring the settings from last week.", True),
    ("Fixed now. We were unable to process payroll for 300 staff yesterday.", False),
    ("Fixed now, we processed payroll for 300 staff this morning.", True),
    ("Looks like it fixed itself. Really not happy that nobody told us about it for 6 hours.", False),
    ("Looks like it fixed itself. Thanks for keeping an eye on it.", True),
    ("Never mind, we figured it out ourselves after waiting 3 weeks for a reply. Very poor service.", False),
    ("Never mind, we figured it out ourselves. Thanks!", True),
    ("No action needed from you, our bank will handle the chargeback.", False),
    ("No action needed from you, our bank confirmed the transfer.", True),
    ("It's working now. For the record, customer card numbers were visible in the logs for an hour.", False),
    ("Thanks, the login issue is fixed. Now the export button does nothing at all.", False),
    ("Thanks, the login issue is fixed. Have a good weekend.", True),
    # A negated failure is the fix; a failure is not.
    ("All sorted, the sync no longer fails. Thanks!", True),
    ("All sorted, but the sync fails every night. Thanks!", False),
]


@pytest.mark.parametrize(("text", "expected"), RESOLVED)
def test_resolved_update(text: str, expected: bool) -> None:
    assert ("resolved_update" in find_signals([text])[0]) is expected


ROUTINE = [
    # What a price, a volume or a plan change costs, asked.
    ("We have 45 seats and may go to 60. How does the pricing work if we add them mid-term?", True),
    ("What does the fee structure look like once we pass 10,000 orders a month?", True),
    ("Do you prorate if we upgrade halfway through the year?", True),
    ("Is there a volume discount above 100 users?", True),
    ("Is the per-transaction rate negotiable at that volume?", True),
    ("If there's a cheaper tier for 60 users I'd like to know before we order.", True),
    ("What would it cost to add the reporting module?", True),
    # A routine change to a quote, an invoice or the company's details.
    ("Thanks for the quote, the numbers look right. Could you issue it in USD instead of GBP?", True),
    ("Please add our PO number 4471 to the next invoice.", True),
    ("Our company has been renamed; the new legal name should appear on invoices from March.", True),
    ("The legal entity is now Example Trading Ltd, please use it on future invoices.", True),
    # The same words in a dispute or a problem report.
    ("Could you explain why the invoice is higher than the quote?", False),
    ("Why was the new rate applied without notice?", False),
    ("You didn't prorate the downgrade, so we paid the full year.", False),
    ("Are we entitled to a prorated refund for the months we won't use?", False),
    ("What does the fee structure look like? Our last three invoices were wrong.", False),
    ("Your company changed our payment date and the payment failed.", False),
    ("The quote was accepted but the invoice shows the wrong currency.", False),
    ("What does the fee structure look like? Our bill tripled this month.", False),
    ("What's our new monthly total? We were told it would not change but it jumped from 900 to 2,400.", False),
    ("What's our new monthly total after adding ten seats?", True),
    ("How does the pricing work for overages? We got a $12,000 overage bill with no warning.", False),
    ("How does the pricing work for overages?", True),
    ("Is there a volume discount? The invoice shows the list price although our contract says 30% off.", False),
    ("Is there a volume discount? We may add 200 seats next year.", True),
    ("Could you explain how the pricing works on our last invoice, which is $4,000 more than we agreed?", False),
    ("Could you explain how the pricing works on our next invoice?", True),
    # A routine request with harm told beside it.
    (
        "Please change the company name on our invoices, we have been invoicing the wrong entity for a year and"
        " our auditors flagged $200,000 of VAT.",
        False,
    ),
    ("Please change the company name on our invoices, we moved to a new entity in March.", True),
    # A document asked again beside a small problem stays routine.
    ("Our new colleague says the invitation never came through. Could you resend it?", True),
    # "no longer" with no failure after it.
    ("We no longer need 40 of our 400 seats, how does the downgrade work?", True),
]


@pytest.mark.parametrize(("text", "expected"), ROUTINE)
def test_routine_price_and_document_asks(text: str, expected: bool) -> None:
    assert ("how_to_question" in find_signals([text])[0]) is expected


def test_trouble_words_used_otherwise_do_not_block_an_ask() -> None:
    """ "before it starts to slow down" and "a volume break" report no trouble."""
    asks = [
        "Is there a practical limit on widgets per dashboard before it starts to slow down?",
        "Is there a volume break above 50 seats?",
    ]
    assert all("how_to_question" in found for found in find_signals(asks))


def test_a_resolved_update_with_a_dispute_is_not_resolved() -> None:
    found = find_signals(["The login problem is resolved, but I was charged twice for March."])[0]
    assert "resolved_update" not in found
    assert "billing_dispute" in found
