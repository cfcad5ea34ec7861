"""Signals read as the customer's own business or as a name on a screen (triage.text.signals): a helpdesk's own
service-level breaches, a merchant's own chargebacks, a quoted widget name; the stakes, asks and closings that the
eighth check showed unread; counsel's questions on our data-processing terms. Each case has its twin that still
fires (or still does not)."""

from __future__ import annotations

import pytest

from triage.text.signals import find_signals

CASES = [
    # The customer's own service levels, as its helpdesk measures them, are no breach of contract with us.
    ("Where do we move the SLA breach threshold from 8 hours to 6?", "legal_action", False),
    ("The SLA breach colour on our queue view is hard to read.", "legal_action", False),
    ("Our own SLA breaches doubled in March because two agents were off.", "legal_action", False),
    ("The SLA breach thresholds we agreed with you were crossed all week.", "legal_action", True),
    ("Can our clients' SLA breaches be exported per account manager?", "legal_action", False),
    ("You breached the SLA twice this quarter and our solicitors will be in touch.", "legal_action", True),
    ("This outage is a breach of our contract and we are reserving our rights.", "legal_action", True),
    # A quoted name on a screen names a feature; the same words unquoted in a complaint still count.
    ("The 'SLA breach' tile stays amber even after the ticket is answered.", "legal_action", False),
    ("We added an 'Outage' tag to the ticket form our own agents use.", "outage", False),
    ("Your status page shows 'Major outage' for the EU region.", "outage", True),
    ('The "Partial outage" tag sits on your API component and our calls time out.', "outage", True),
    ('Since lunch the app opens on a page titled "Outage" instead of our inbox.', "outage", True),
    ('Your firm sent us a letter titled "Final legal action notice" for a paid invoice.', "legal_action", True),
    ('We added a column titled "Legal action" to our own case tracker.', "legal_action", False),
    ('Our "Chargebacks" tab shows nothing since we connected the new store.', "chargeback", False),
    ("Your team's slow answers are a breach of the SLA we signed.", "legal_action", True),
    ("I clicked the 'Cancel plan' button and I still got billed.", "cancellation", True),
    # A merchant's own chargebacks, measured or owned, are its business; one filed with a bank against us is not.
    ("We want to monitor chargebacks by card brand each week.", "chargeback", False),
    ("Is there a chart of our own chargebacks over the last year?", "chargeback", False),
    ("One shopper's chargeback dragged on for two months.", "chargeback", False),
    ("Two shoppers' chargebacks were caused by your checkout taking payment twice.", "chargeback", True),
    ("We filed our own chargebacks with the bank for the renewals you took after cancelling.", "chargeback", True),
    ("The chargeback widget on the home page loads slowly.", "chargeback", False),
    ("My bank opened a dispute for the duplicate payment you took.", "chargeback", True),
    ("I have asked my card issuer to reverse the charge.", "chargeback", True),
    # A business process that hangs on the fault is urgent; reliance said in praise or a question on timing is not.
    ("Every sync has failed since noon and our payroll depends on it.", "urgency", True),
    ("The label printer is down again. Our dispatch relies on it.", "urgency", True),
    ("Our dispatch relies on it, and we love how quick it is.", "urgency", False),
    ("Every call returns 503 since noon. No change on our side. Please check, our shop depends on it", "urgency", True),
    ("Our payroll depends on it, so please keep the usual maintenance window.", "urgency", False),
    ("Do the orders depend on that setting or on the store's region?", "urgency", False),
    ("We rely on the planner every day and love the new layout.", "urgency", False),
    ("Does our billing depend on the time zone of the account?", "urgency", False),
    # Which feature does the job, whether it can be narrowed, docs that did not say: routine asks.
    ("Which export should we use for the quarterly board pack?", "how_to_question", True),
    ("Could the list be grouped by team instead of by person?", "how_to_question", True),
    ("We couldn't find this in the help centre, only the old plan's steps.", "how_to_question", True),
    ("The export crashed twice, which setting do we need to change?", "how_to_question", False),
    ("Can the report be sorted by date? You billed us for twelve licences we never used.", "how_to_question", False),
    # The fault gone and the ticket closed is resolved; gone data, or a fix only hoped for, is not.
    ("Since this morning's patch the error has disappeared. Feel free to close this one.", "resolved_update", True),
    ("The glitch is finally gone after the update, thanks a lot.", "resolved_update", True),
    ("The warning is gone but last week's invoices are gone too.", "resolved_update", False),
    ("Hopefully the duplicates are gone after tonight's release.", "resolved_update", False),
    ("The warnings have gone, and so have half of our contacts.", "resolved_update", False),
    ("Since Monday the lag has gone up to ten seconds a page.", "resolved_update", False),
    ("Feel free to close this one, we gave up waiting and wrote our own export.", "resolved_update", False),
    ("Feel free to close this one, the export works now.", "resolved_update", True),
    ("The sync hasn't fixed itself overnight.", "resolved_update", False),
    # Counsel reviewing our data-processing terms asks a lawyer's question (docs/labelling.md, tier 2); a plain
    # request for the document, a processing log or a transfer of a licence is no such term.
    ("Our counsel is reviewing your data processing agreement before we sign.", "privacy_regulation", True),
    ("Our solicitor asks whether your sub-processors host any data outside the UK.", "privacy_regulation", True),
    ("Do you rely on standard contractual clauses for support access from India?", "privacy_regulation", True),
    ("Is the sub-processor list on your trust page current?", "privacy_regulation", False),
    ("Please send the signed DPA back to our procurement team.", "privacy_regulation", False),
    ("Where can I download your DPA for our vendor file?", "privacy_regulation", False),
    ("How do I export the processing log for last month's payroll run?", "privacy_regulation", False),
    ("Can we transfer the licence to our new finance director?", "privacy_regulation", False),
]


@pytest.mark.parametrize(("text", "signal", "fires"), CASES, ids=[f"{s}:{t[:40]}" for t, s, _ in CASES])
def test_signal_as_the_customers_own_business(text: str, signal: str, fires: bool) -> None:
    assert (signal in find_signals([text])[0]) is fires
