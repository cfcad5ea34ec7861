"""Signals read in context (triage.text.signals): whose money and whose documents, who is in the account, what is
lost, where the customer would go. Each case has its negated or non-literal twin."""

from __future__ import annotations

import pytest

from triage.text.signals import find_signals

CASES = [
    # A merchant's own dispute figures, with or without an article, are its business; a dispute it opened is not.
    ("Our monthly pack lists revenue, payment methods, chargeback rate and refunds.", "chargeback", False),
    ("Chargeback ratios for our shop went up after the holidays.", "chargeback", False),
    ("I called my bank and filed a chargeback for the March invoice.", "chargeback", True),
    # Someone nobody knows in the account, or a second factor got past.
    ("An unrecognised device signed in to our workspace overnight.", "security_incident", True),
    ("There is an unknown admin on our account that none of us created.", "security_incident", True),
    ("How did that login get past MFA when it is switched on for everyone?", "security_incident", True),
    ("No unknown devices are listed in the audit log, all good.", "security_incident", False),
    ("How do I add a new admin to our workspace?", "security_incident", False),
    # Another party's document sent to this customer; a credit report's accounts are not our leak.
    ("The e-mail came with the statement of another company attached.", "security_incident", True),
    ("We received documents that are not ours in this morning's export.", "security_incident", True),
    ("There are accounts on my credit report that are not mine.", "security_incident", False),
    ("We buy from suppliers, so we get documents from another company every day.", "security_incident", False),
    # Data that may not come back, and a span of history lost.
    ("Can you tell me whether the data is recoverable at all?", "data_loss", True),
    ("The notes are not recoverable according to your engineer.", "data_loss", True),
    ("After the migration we lost two years of records.", "data_loss", True),
    ("We did not lose any records, the sync just paused.", "data_loss", False),
    # Another vendor as where the customer would go, whatever is moved there; not a vendor the product works with.
    ("We have started moving our dispatch to another vendor.", "churn_threat", True),
    ("The board asked whether we should keep paying for this platform.", "churn_threat", True),
    ("We will not move to another vendor, we just need this fixed.", "churn_threat", False),
    ("We are not moving dispatch to another vendor.", "churn_threat", False),
    ("We have no plans to move anything to another provider.", "churn_threat", False),
    ("If you don't fix this we will move everything to another vendor.", "churn_threat", True),
    ("We can't keep waiting, so we are moving the fleet to another provider.", "churn_threat", True),
    ("Your old support desk referred us to another vendor for the SMS module.", "churn_threat", False),
    ("Our invoices come from another vendor's system through your API.", "churn_threat", False),
    ("We should keep using the old export until the new one works.", "churn_threat", False),
    # A condition anywhere before the negator keeps the threat; "so" starts a new clause after a negated one.
    ("If this isn't sorted by Friday we start shifting dispatch to another vendor.", "churn_threat", True),
    ("If the patch doesn't ship this week we shift our routing to another provider.", "churn_threat", True),
    ("Nobody has answered in a week, so we are shifting dispatch to another vendor.", "churn_threat", True),
    ("We haven't had a reply in days and we are not shifting dispatch to another vendor.", "churn_threat", False),
    # The customer transferring its own business is a threat; being referred elsewhere by someone else is not.
    ("We will transfer our contracts to another vendor at the end of the quarter.", "churn_threat", True),
    ("Your sales rep pointed us to another provider for the SMS add-on.", "churn_threat", False),
    # Moving a technical resource elsewhere is not leaving us.
    ("We're moving our DNS to another provider, how do we update the CNAME?", "churn_threat", False),
    ("We're moving our business to another provider next month.", "churn_threat", True),
    # Using us, not one of our features.
    ("The board is asking whether we should keep using your platform at all.", "churn_threat", True),
    ("We're unsure whether we should keep using the legacy importer or the new one.", "churn_threat", False),
    # A span of history lost, whatever counts it: a digit, an article or none.
    ("The sync failure means we lost 3 years of data.", "data_loss", True),
    ("We lost a week of data when the import overwrote everything.", "data_loss", True),
    ("Weeks of data are gone: we lost weeks of data in one night.", "data_loss", True),
    ("We did not lose a week of data, the backup caught it.", "data_loss", False),
    # A login failure or a pairing error is no intrusion; a device that signed in or a login from one is.
    ("Users can't get through SSO since this morning.", "security_incident", False),
    ("Error: unknown device when pairing the scanner.", "security_incident", False),
    ("We see a login from an unrecognised device in the audit log.", "security_incident", True),
    ("An unknown device was added to my account yesterday.", "security_incident", True),
    # Another customer's report of the same problem is no leak.
    ("I saw a report of another customer with the same problem on your forum.", "security_incident", False),
    # A how-to question on making a setting.
    ("Can I make Monday the first day of the week for the whole team?", "how_to_question", True),
    # A police report is the guide's own mark of fraud (docs/labelling.md); one not made, or the police as a
    # customer, is not.
    ("We've reported it to the police (reference 2026-1184-77) and attached the invoices.", "fraud", True),
    ("I have filed a police report about the account opened in my name.", "fraud", True),
    ("We have not reported it to the police yet.", "fraud", False),
    ("There is no need for a police report, it was our own mistake.", "fraud", False),
    ("The police station next door books its meeting rooms through your app.", "fraud", False),
    # Someone passing as the customer; the customer playing a role in a test is not.
    ("Someone set up an account on your platform pretending to be us.", "fraud", True),
    ("A sender is impersonating our company in invoices sent to our clients.", "fraud", True),
    ("The other account is not pretending to be us, it is our Dutch office.", "fraud", False),
    ("This is not impersonation: the second account is our Dutch office.", "fraud", False),
    # A law firm named by its practice areas is a customer (docs/labelling.md), not litigation against us.
    ("We're a litigation and employment law firm and use your scheduling tool.", "legal_action", False),
    ("We're a litigation law firm with four partners.", "legal_action", False),
    ("We are now considering litigation against your company.", "legal_action", True),
    # The customer's own service level counted as breached is a metric, not a breach of our contract.
    ("Any call waiting longer than 90 seconds now counts as an SLA breach for us.", "legal_action", False),
    ("Six hours of downtime is a breach of our SLA and we expect the credits.", "legal_action", True),
    # Breaches counted on a report, or a duty to notify them in a contract, are no breach that happened.
    ("Can the daily count of breaches be added to the 7am summary email?", "security_incident", False),
    ('Clause 9.1 commits you to notify personal data breaches "without undue delay".', "security_incident", False),
    ("This is a personal data breach on your side and we must notify it today.", "security_incident", True),
    # Questions on what the product or a plan allows: several wishes at once, where a setting is, what it costs.
    ("Is all of that possible on the Business plan, or do we need to upgrade?", "how_to_question", True),
    ("Where is that setting in the store admin?", "how_to_question", True),
    ("Does it cost anything extra on top of the fee we already pay?", "how_to_question", True),
    ("It does not cost anything extra, we checked the price list.", "how_to_question", False),
    ("We do not need to upgrade, the plan we have is fine.", "how_to_question", False),
    ("That setting is in the store admin, I found it.", "how_to_question", False),
    ("Is there a practical limit on how many widgets a dashboard can hold?", "how_to_question", True),
    ("There is no practical limit, we tested it with 50 widgets.", "how_to_question", False),
]


@pytest.mark.parametrize(("text", "signal", "fires"), CASES, ids=[f"{s}:{t[:40]}" for t, s, _ in CASES])
def test_signal_in_context(text: str, signal: str, fires: bool) -> None:
    found = find_signals([text])[0]
    assert (signal in found) == fires, found
