"""The fourteenth session's review: a restore of records the customer removed themselves, a manager called "our
supervisor", a routine report to a central bank, an authority's published guidance, records to add, an overwrite of
a file or by the customer's script, a question opened by "were", a plan in another clause and a "whether" about a
possible incident name no incident or regulator; their twins, told as they happened, still do."""

import pytest

from triage.text.signals import find_signals


def _fires(text: str, signal: str) -> bool:
    return signal in find_signals([text])[0]


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("How can I bring back the deleted invoices? We deleted them ourselves during the clean-up.", "data_loss"),
        ("I mentioned this to our supervisor, who told me to raise it with you.", "regulator_complaint"),
        ("Our supervisor wants the inspection checklist printed; where is the print button?", "regulator_complaint"),
        ("The central bank needs a quarterly report from us; can the export run on its own?", "regulator_complaint"),
        (
            "Our policy follows the ICO guidance on retention; where do I set the retention period?",
            "regulator_complaint",
        ),
        ("Can you import the missing customers from the spreadsheet I sent?", "data_loss"),
        ("Our own import script overwrote the settings last night; I fixed it myself.", "data_loss"),
        ("The plugin overwrites the theme file on each update - is that by design?", "data_loss"),
        ("Could you let us know whether an outage would hit our EU region too?", "outage"),
    ],
)
def test_no_incident_or_regulator(text: str, signal: str) -> None:
    assert not _fires(text, signal)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("How can I bring back the deleted records? They disappeared after your release.", "data_loss"),
        ("We have to report the leak to our supervisor this week.", "regulator_complaint"),
        ("The central bank wants an incident report on the outage.", "regulator_complaint"),
        ("We have lodged a complaint with the ICO about your handling of our data.", "regulator_complaint"),
        ("Can you recover the missing contacts in our account?", "data_loss"),
        ("Your Salesforce sync overwrote 300 email addresses in our CRM.", "data_loss"),
        ("Did you know that all our files were deleted overnight?", "data_loss"),
        ("Were you told that all our files were deleted overnight?", "data_loss"),
        ("Our failover drill is planned for May; meanwhile the portal has been down since 8am.", "outage"),
        ("Could you let us know whether the outage this morning hit our EU region?", "outage"),
    ],
)
def test_told_as_it_happened(text: str, signal: str) -> None:
    assert _fires(text, signal)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Were the portal to go down, what would happen to our invoices?", "outage"),
        ("Our failover drill is next week: the portal will be down for it.", "outage"),
    ],
)
def test_still_supposed(text: str, signal: str) -> None:
    assert not _fires(text, signal)
