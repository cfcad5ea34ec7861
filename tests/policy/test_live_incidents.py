"""technical.live_incident on hand-built scores (no models), docs/labelling.md's owning team: an outage happening now
on a valuable account with its revenue at stake is technical's (the account manager is told in the hand-off); a
retrospective of past outages or a claim for service credits is account management's; a breach of personal data
stays legal and compliance's."""

from __future__ import annotations

import pytest
from factories import head_scores, ticket

from triage.policy.config import load_config
from triage.policy.decision import decide

CONFIG = load_config()
LIVE = "Your order API has been down since 05:40 and all three warehouses have stopped. My CEO asks if we should leave."
PAST = "After the third outage this quarter, the latest of which stopped us for a day, we are evaluating alternatives."
CREDITS = "Your order API has been down since 05:40 again. We expect the service credits owed and a renewal discussion."


def _scores(**signals: int):  # noqa: ANN202
    return head_scores(
        triggers={"technical": 0.9, "financial": 0.6, "legal": 0.05},
        escalation=0.95,
        signals={"outage": 1, "churn_threat": 1, **signals},
    )


@pytest.mark.parametrize(
    ("contract_value", "strategic", "tier"), [(335_000, None, 4), (120_000, True, 4), (140_000, None, 3)]
)
def test_a_live_outage_with_revenue_at_stake_is_technical(contract_value: int, strategic: bool | None, tier: int):
    decision = decide(ticket(LIVE, contract_value, strategic), _scores(), CONFIG)
    assert decision.rules_fired[0] == "technical.live_incident"
    assert (decision.recommendation.tier, decision.recommendation.team) == (tier, "technical")


@pytest.mark.parametrize("body", [PAST, CREDITS])
def test_past_outages_or_credits_claimed_are_account_management(body: str) -> None:
    decision = decide(ticket(body, 420_000, True), _scores(), CONFIG)
    assert "technical.live_incident" not in decision.rules_fired
    assert (decision.recommendation.tier, decision.recommendation.team) == (4, "account_management")


def test_a_live_outage_on_a_small_account_stays_with_the_incident_rule() -> None:
    decision = decide(ticket(LIVE, 20_000), _scores(), CONFIG)
    assert "technical.live_incident" not in decision.rules_fired
    assert (decision.recommendation.tier, decision.recommendation.team) == (3, "technical")


def test_a_live_breach_of_personal_data_stays_legal() -> None:
    body = "Since this morning your portal shows our patients' records to another clinic. That is a GDPR breach."
    scores = head_scores(
        triggers={"technical": 0.9, "financial": 0.1, "legal": 0.9},
        escalation=0.95,
        signals={"security_incident": 1, "privacy_regulation": 1},
    )
    decision = decide(ticket(body, 400_000, True), scores, CONFIG)
    assert (decision.recommendation.tier, decision.recommendation.team) == (4, "legal_compliance")


def test_a_follow_up_on_a_loss_still_open_is_live_from_the_earlier_turn() -> None:
    follow_up = "Any news? Our CFO asks whether we should keep paying for a platform that loses our history."
    thread = [{"author": "customer", "body": "Since your upgrade three years of our order history is gone."}]
    scores = _scores(outage=0, data_loss=1)
    live = decide(ticket(follow_up, 385_000, history=thread), scores, CONFIG)
    agent_said_it = [{"author": "agent", "body": "Three years of your order history is gone, we are restoring it."}]
    not_told = decide(ticket(follow_up, 385_000, history=agent_said_it), scores, CONFIG)
    assert (live.recommendation.tier, live.recommendation.team) == (4, "technical")
    assert "technical.live_incident" not in not_told.rules_fired


@pytest.mark.parametrize(
    ("body", "live"),
    [
        ("The platform went down at 05:40 and nothing works. My CEO asks if we should leave.", True),
        ("Bookings cannot be made at all, the booking page returns 500 for everyone. We may leave.", True),
        # Twins: a past outage with a clock time, an answer owed.
        ("Our checkout was down for 6 hours yesterday. It is now 9:10 and I still have no RCA. We may leave.", False),
        ("The outage is over but the root cause report is still missing. We may leave.", False),
    ],
)
def test_live_wordings_reach_the_live_incident_rule(body: str, live: bool) -> None:
    decision = decide(ticket(body, 335_000), _scores(), CONFIG)
    assert ("technical.live_incident" in decision.rules_fired) is live
