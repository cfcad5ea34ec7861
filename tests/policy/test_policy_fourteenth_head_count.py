"""A head-count outage ("none of our 60 agents can work", "has been returning 502 since 8am") is a live incident for
the policy (incident.live), so an executive following it on a strategic account lifts it to tier 4 as any live
incident; the same lock-out wanted by the customer, or supposed, lifts nothing."""

from __future__ import annotations

import pytest
from factories import head_scores, ticket

from triage.policy.config import load_config
from triage.policy.decision import decide
from triage.text.signals import find_signals

CONFIG = load_config()
TECHNICAL = {"technical": 0.9, "financial": 0.1, "legal": 0.05}
WATCHING = "Our COO is copied on this email."


def _decide(body: str, contract_value: int):  # noqa: ANN202
    case = ticket(body, contract_value)
    [found] = find_signals([f"{case.subject}\n{case.body}"])
    counts = {name: len(matches) for name, matches in found.items()}
    return decide(case, head_scores(case, triggers=TECHNICAL, signals=counts, escalation=0.9), CONFIG)


@pytest.mark.parametrize(
    "outage",
    [
        "Since 7:30 none of our 60 dispatch agents can sign in to the routing app.",
        "Your booking API has been returning 502 since 8am and nobody here can work.",
    ],
)
def test_a_head_count_outage_with_an_executive_watching_is_tier_4(outage: str) -> None:
    decision = _decide(f"{outage} {WATCHING}", 350_000)

    assert decision.rules_fired[0] == "technical.live_incident"
    assert (decision.recommendation.tier, decision.recommendation.team) == (4, "technical")


@pytest.mark.parametrize(
    "body",
    [
        f"If none of our 60 dispatch agents can sign in during the migration, who do we call? {WATCHING}",
        f"Please make sure none of our 60 contractors can sign in after Friday. {WATCHING}",
    ],
)
def test_a_supposed_or_wanted_lock_out_is_not_live(body: str) -> None:
    decision = _decide(body, 350_000)

    assert "technical.live_incident" not in decision.rules_fired
