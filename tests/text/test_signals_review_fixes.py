"""Readings a reviewer's own sentences found wrong in this session's signal rules, by cause, each with twins that
must keep their reading:

- each money amount is read on its own: one the customer pays us ("we are paying £9,000 a month") is the contract
  value, a charge beside it in the same text ("I was charged £18,000") is still money at stake;
- only the outage read from a gateway error with partial words near it ("1 in 15 calls ... 502 Bad Gateway") is
  dropped: the service down in the same sentence stays an outage, and every call or every user is not partial;
- incident_is_live reads "nothing works", "has stopped working", "cannot be made at all" and "returns 500 for
  everyone" as live, and no longer a clock time ("it is now 9:10"), a report owed or "nothing is missing";
- disclaims_legal leaves a legal route open when the customer does not want it to come to that, says it is not
  just a legal matter, is not sure, or can no longer avoid it.
"""

import pytest

from triage.text.signals import disclaims_legal, find_signals, incident_is_live


def test_an_amount_paid_us_does_not_make_a_charge_beside_it_contract_value() -> None:
    found = find_signals(["We are paying £9,000 a month and I was charged £18,000 this month."])[0]
    assert found["contract_value"] == ["£9,000"]
    assert found["money_amount"] == ["£18,000"]


@pytest.mark.parametrize(
    ("text", "signal", "fires"),
    [
        # Twins: a charge alone is money at stake, a price paid alone is the contract value.
        ("I was charged £18,000 this month.", "money_amount", True),
        ("We are paying £9,000 a month.", "money_amount", False),
        ("We are paying £9,000 a month.", "contract_value", True),
        # A contract told as worth a sum a year is its value; a sum worth of damage is not.
        ("Our contract is worth £140k a year.", "contract_value", True),
        ("Our contract is worth 140k a year.", "money_amount", False),
        ("The lost orders are worth £14,000 so far.", "money_amount", True),
        ("The lost orders are worth £14,000 so far.", "contract_value", False),
        # Outages the partial words beside them do not touch.
        (
            "The service has been going down intermittently all morning and none of our 400 staff can work.",
            "outage",
            True,
        ),
        ("Checkout is down for all customers; occasionally a page loads but payments all fail.", "outage", True),
        (
            "Our site is completely down for all users since 9am, and from time to time we also saw 502s last week.",
            "outage",
            True,
        ),
        ("The API is down for everyone - 100 percent of our calls fail.", "outage", True),
        ("100 percent of our calls fail with 502 Bad Gateway.", "outage", True),
        ("Every call intermittently ends in 503 Service Unavailable for everyone.", "outage", True),
        # A gateway error on some calls is still no outage, its error code stays.
        ("About 1 in 15 calls comes back with a 502 Bad Gateway.", "outage", False),
        ("About 1 in 15 calls comes back with a 502 Bad Gateway.", "error_code", True),
        ("3 percent of our calls fail with 504 Gateway Timeout.", "outage", False),
        # "Going down" of something that is no service is no outage.
        ("Our prices have been going down all year.", "outage", False),
    ],
)
def test_each_amount_and_each_outage_is_read_on_its_own(text: str, signal: str, fires: bool) -> None:
    assert (signal in find_signals([text])[0]) is fires


@pytest.mark.parametrize(
    ("text", "live"),
    [
        ("The platform went down at 05:40 and nothing works.", True),
        ("The export has stopped working since the update and nothing syncs.", True),
        ("Bookings cannot be made at all, the booking page returns 500 for everyone.", True),
        ("I have not had an update yet and we are still missing roughly 30 orders a day.", True),
        # Twins: past, a clock time, a report owed, a denial.
        ("The platform went down at 05:40 last Tuesday and came back at 06:10.", False),
        ("The export stopped working in March; it was fixed the same day.", False),
        ("Bookings could not be made for an hour on Monday.", False),
        ("Our checkout was down for 6 hours yesterday. It is now 9:10 and I still have no RCA.", False),
        ("The outage ended on Friday but the root cause report is still missing.", False),
        ("We checked everything after the restore and nothing is missing now.", False),
        ("If nothing works after the update, who do we call?", False),
        # A credit asked for what it cost: the commercial claim (check9 C9-38), account management's.
        ("The site is down right now and customers cannot pay. Please confirm SLA credits will apply.", False),
    ],
)
def test_live_wordings_and_their_twins(text: str, live: bool) -> None:
    assert incident_is_live(text) is live


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("I do not want this to become a legal matter, so fix the invoice by Friday.", False),
        ("This is not just a legal matter, it is a trust matter.", False),
        ("I'm not sure this is a legal issue.", False),
        ("We are not in a position to avoid legal action any longer.", False),
        # Twins that still rule it out.
        ("This is not a legal matter, it is a trust matter.", True),
        ("I'm sure this is not a legal issue.", True),
        ("We are not taking legal action; we simply want the invoice fixed.", True),
        ("No legal action is planned, just fix the invoice.", True),
    ],
)
def test_a_legal_route_kept_open_or_ruled_out(text: str, ruled_out: bool) -> None:
    assert disclaims_legal(text) is ruled_out
