"""incident_is_live (triage.text.signals): an incident happening now, which technical owns, against one told as past,
supposed, negated or claimed back as compensation, which the policy leaves to account management or legal. Our own
sentences."""

from __future__ import annotations

import pytest

from triage.text.signals import incident_is_live

LIVE = [
    "Your order API has been down since 05:40 and none of our warehouses can pick.",
    "It is now 9:10 and the payment file is still not generating.",
    "The sync is failing since this morning for all 14 sites.",
    "The recordings for last week are missing: the portal returns 404 for every one.",
    "Checkout keeps timing out for every customer on our store.",
    "The dashboard is currently unavailable to all 300 of our agents.",
    "Since the upgrade three years of order history is gone from every report.",
]
NOT_LIVE = [
    # Past: a retrospective of incidents that are over.
    "After the third outage this quarter, the latest of which stopped our labels all Tuesday, we want a review.",
    "The API was down for three hours on 3 October; please send the root-cause report.",
    "Last month the order history was gone for a day, then came back.",
    # Supposed or asked about.
    "If the API is down during our sale, who do we call?",
    "What happens when the service is unavailable for more than an hour?",
    # Negated.
    "The service is not down, we just cannot find the export button.",
    # Happening now, but what it cost is claimed back: a commercial claim.
    "The sync has been failing since Monday and we expect the service credits owed under the contract.",
    "Your platform is down again and we want compensation for the lost bookings.",
]


@pytest.mark.parametrize("text", LIVE)
def test_an_incident_happening_now_is_live(text: str) -> None:
    assert incident_is_live(text)


@pytest.mark.parametrize("text", NOT_LIVE)
def test_a_past_supposed_negated_or_compensated_incident_is_not_live(text: str) -> None:
    assert not incident_is_live(text)
