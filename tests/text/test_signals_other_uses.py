"""Signals that read too much or too little into words with another use (docs/labelling.md): each sentence that
must not fire a signal has a twin, as close as possible, that must."""

import pytest

from triage.text.signals import find_signals

CASES = [
    # The admin feature of signing in as a user is no impersonation fraud; someone passing as the customer or as
    # the vendor is.
    ("Can admins impersonate a user to debug their dashboard?", "fraud", False),
    ("How do I impersonate a user to see what they see?", "fraud", False),
    ("Does the Business plan include user impersonation?", "fraud", False),
    ("Is the impersonation mode logged in the audit trail?", "fraud", False),
    ("A sender is impersonating our company in invoices sent to our clients.", "fraud", True),
    ("Someone is impersonating me on your platform and messaging my clients.", "fraud", True),
    ("Someone is posing as our company and asking our clients to pay a new bank account.", "fraud", True),
    ("An email claiming to be from you asked for my card details.", "fraud", True),
    ("A caller pretending to be your support team asked for my password.", "fraud", True),
    # A short ask on a limit, a price or a setting opens a problem report when the text reports trouble, and a
    # question about what already happened ("why did it charge more") is a complaint; alone they are routine.
    ("Is there a rate limit? Our integration has been down for six hours with 429 errors.", "how_to_question", False),
    ("Is there a storage cap? We lost half our files when we went over it.", "how_to_question", False),
    ("Why did it charge more than the quote you sent us?", "how_to_question", False),
    ("Where is my report? It has not arrived for three days.", "how_to_question", False),
    ("Where is the button? It disappeared after your update and nobody can find it.", "how_to_question", False),
    ("Do we need to upgrade? Your update broke our checkout and customers cannot pay.", "how_to_question", False),
    ("Will it cost more? Your invoice already shows twice the agreed price.", "how_to_question", False),
    ("Is there a rate limit? We plan to sync about 5,000 contacts a day.", "how_to_question", True),
    ("Is there a storage cap on the Team plan?", "how_to_question", True),
    ("Does it cost anything extra on top of the fee we already pay?", "how_to_question", True),
    ("Where is the button to export the report?", "how_to_question", True),
    ("Do we need to upgrade to get single sign-on?", "how_to_question", True),
    ("Will it cost more if we add five seats?", "how_to_question", True),
    ("Is that all possible on the Pro plan?", "how_to_question", True),
    ("Where are the export options?", "how_to_question", True),
    ("Is there a maximum number of users on the Team plan?", "how_to_question", True),
    # A police report the customer made is fraud; one in the customer's own business, or a threat to go to the
    # police, is not.
    ("We're an insurer: claimants upload their police report through your form and the upload fails.", "fraud", False),
    ("Our officers type the police case number into a custom field and it gets cut off.", "fraud", False),
    ("The police complaint form template does not print the footer.", "fraud", False),
    ("If you don't refund me I will report this to the police.", "fraud", False),
    ("I have filed a police report about the account opened in my name.", "fraud", True),
    ("We've reported it to the police (reference 2026-1184-77) and attached the invoices.", "fraud", True),
    ("We have contacted the police about the payments we never made.", "fraud", True),
    ("I reported the theft to the police this morning.", "fraud", True),
    ("A police report has been filed about the stolen card.", "fraud", True),
    # A law firm brought in against us is legal action; the customer being one is not.
    ("We have instructed a litigation law firm to recover our losses from you.", "legal_action", True),
    ("We've retained a commercial and litigation law firm to pursue our claim against you.", "legal_action", True),
    ("We're a litigation and employment law firm and use your scheduling tool.", "legal_action", False),
    ("We're a litigation law firm with four partners.", "legal_action", False),
    ("I work at a litigation law firm and our calendar sync is broken.", "legal_action", False),
    # Breaches counted on a report are no breach; "a number of breaches on our account" names them.
    ("There have been a number of breaches on our account since your update.", "security_incident", True),
    ("Send us the list of breaches affecting our data.", "security_incident", True),
    ("Can the daily count of breaches be added to the 7am summary email?", "security_incident", False),
    ("Can the weekly number of breaches go on the dashboard?", "security_incident", False),
    # The customer's own service level counted as breached is a metric; our outage counted as one is a claim.
    (
        "Your outage last week counts as an SLA breach under our contract, and we will claim the service credits.",
        "legal_action",
        True,
    ),
    ("Any call waiting longer than 90 seconds now counts as an SLA breach for us.", "legal_action", False),
    ("A chat left unanswered for an hour is flagged as an SLA breach for our agents.", "legal_action", False),
]


@pytest.mark.parametrize(("text", "signal", "fires"), CASES, ids=[f"{s}:{t[:40]}" for t, s, _ in CASES])
def test_signal_reads_the_words_in_context(text: str, signal: str, fires: bool) -> None:
    found = find_signals([text])[0]
    assert (signal in found) == fires, found
