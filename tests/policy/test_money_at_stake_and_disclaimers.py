"""Two policy readings the ninth check found wrong, on hand-built scores (no models), each with twins that keep the
old reading (docs/labelling.md):

- an outage on a large account whose customer only says what it pays ("we pay you 140k a year": contract value and
  large money, triage.text.signals) is technical.incident's (tier 3, technical); an amount the outage costs, money
  asked or a renewal in doubt beside it still makes it revenue at risk (account management);
- a legal route the customer rules out, with no legal signal, does not make the ticket legal, whatever the legal
  head read in the word; a threat kept open does.
"""

from __future__ import annotations

import pytest
from factories import head_scores, ticket

from triage.policy.config import load_config
from triage.policy.decision import decide

CONFIG = load_config()

OUTAGE = "The whole platform has been down since 8am and 200 agents cannot work. We pay you 140k a year."


def _outage_scores(**signals: int):  # noqa: ANN202
    return head_scores(
        triggers={"technical": 0.97, "financial": 0.3, "legal": 0.03},
        escalation=0.95,
        signals={"outage": 2, **signals},
    )


def test_an_outage_with_only_the_price_paid_stays_technical() -> None:
    decision = decide(ticket(OUTAGE, contract_value=140_000), _outage_scores(contract_value=1, large_money=1), CONFIG)
    assert (decision.recommendation.tier, decision.recommendation.team) == (3, "technical")
    assert "account.revenue_risk" not in decision.rules_fired


# A past outage: one happening now with money at stake is technical.live_incident's (test_live_incidents.py).
PAST_OUTAGE = "The whole platform was down for most of last Tuesday and 200 agents could not work."


@pytest.mark.parametrize("money", ["money_amount", "churn_threat", "refund_request", "billing_dispute", "cancellation"])
def test_an_outage_with_money_at_stake_is_revenue_at_risk(money: str) -> None:
    signals = {"contract_value": 1, "large_money": 1, money: 1}
    decision = decide(ticket(PAST_OUTAGE, contract_value=140_000), _outage_scores(**signals), CONFIG)
    assert "account.revenue_risk" in decision.rules_fired
    assert (decision.recommendation.tier, decision.recommendation.team) == (3, "account_management")


def test_an_outage_on_a_small_account_with_its_cost_stays_technical() -> None:
    decision = decide(ticket(OUTAGE, contract_value=12_000), _outage_scores(money_amount=1), CONFIG)
    assert (decision.recommendation.tier, decision.recommendation.team) == (3, "technical")


RULED_OUT = (
    "As things stand I will recommend that we do not renew. To be clear, we are not looking at any legal route "
    "here - this is a commercial decision."
)
KEPT_OPEN = [
    "As things stand I will recommend that we do not renew, and we will not hesitate to take legal action.",
    "As things stand I will recommend that we do not renew. We have not taken legal action yet.",
    "As things stand I will recommend that we do not renew. We are not ruling out legal steps.",
    "As things stand I will recommend that we do not renew. Our lawyers are reviewing the contract.",
]


def _churn_scores(legal: float, **signals: int):  # noqa: ANN202
    return head_scores(
        triggers={"technical": 0.05, "financial": 0.99, "legal": legal},
        escalation=0.95,
        signals={"churn_threat": 1, **signals},
    )


def test_a_legal_route_ruled_out_is_not_legal() -> None:
    decision = decide(ticket(RULED_OUT, contract_value=420_000), _churn_scores(0.57), CONFIG)
    assert decision.trigger_labels == ["financial"]
    assert not [rule for rule in decision.rules_fired if rule.startswith("legal.")]
    assert (decision.recommendation.tier, decision.recommendation.team) == (4, "account_management")
    assert decision.reasons[0].startswith("the customer rules out a legal route")


@pytest.mark.parametrize("body", KEPT_OPEN)
def test_a_legal_route_kept_open_is_read(body: str) -> None:
    decision = decide(ticket(body, contract_value=420_000), _churn_scores(0.57), CONFIG)
    assert "legal" in decision.trigger_labels
    assert "legal.large_account" in decision.rules_fired


def test_a_legal_signal_outweighs_the_words_ruling_a_route_out() -> None:
    body = f"{RULED_OUT} Separately, please treat this as a GDPR access request."
    decision = decide(ticket(body, contract_value=420_000), _churn_scores(0.57, privacy_regulation=1), CONFIG)
    assert "legal" in decision.trigger_labels
