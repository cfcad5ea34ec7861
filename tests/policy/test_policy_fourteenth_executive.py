"""The customer's executive copied on, or following, a live incident on a large account (docs/labelling.md, tier 4: a
strategic account, 250,000 a year or more, with its revenue at risk): technical.live_incident reads it as the account at
stake, like a renewal in doubt. Only what the guide says: below 250,000 a year it is management's tier 3 as any
incident; a past incident, an executive threatened to be copied or named in a routine request changes nothing."""

from __future__ import annotations

import pytest
from factories import head_scores, ticket

from triage.policy.config import load_config
from triage.policy.decision import decide
from triage.text.signals import executive_watching, find_signals

CONFIG = load_config()
TECHNICAL = {"technical": 0.9, "financial": 0.1, "legal": 0.05}
LIVE_LOSS = "Since your upgrade on Monday, a third of our stock records have disappeared from the warehouse module."


def _decide(body: str, contract_value: int, triggers: dict[str, float] = TECHNICAL):  # noqa: ANN202
    case = ticket(body, contract_value)
    [found] = find_signals([f"{case.subject}\n{case.body}"])
    counts = {name: len(matches) for name, matches in found.items()}
    return decide(case, head_scores(case, triggers=triggers, signals=counts, escalation=0.9), CONFIG)


@pytest.mark.parametrize(
    "watching", ["I have copied our CFO on this.", "Our board is asking for a recovery date.", "CC: our COO"]
)
def test_an_executive_following_a_live_incident_on_a_strategic_account_is_tier_4(watching: str) -> None:
    decision = _decide(f"{LIVE_LOSS} {watching}", 300_000)

    assert decision.rules_fired[0] == "technical.live_incident"
    assert (decision.recommendation.tier, decision.recommendation.team) == (4, "technical")


@pytest.mark.parametrize(
    ("body", "contract_value"),
    [
        # Twins: no executive, a smaller account, an executive only threatened, a past incident.
        (LIVE_LOSS, 300_000),
        (f"{LIVE_LOSS} I have copied our CFO on this.", 150_000),
        (f"{LIVE_LOSS} If this is not restored today I will have to copy our CFO.", 300_000),
        (
            "In last quarter's migration our stock records were lost for two days. Our CFO is copied on this review.",
            300_000,
        ),
    ],
)
def test_otherwise_a_live_incident_stays_at_management(body: str, contract_value: int) -> None:
    decision = _decide(body, contract_value)

    assert (decision.recommendation.tier, decision.recommendation.team) == (3, "technical")


def test_an_executive_copied_on_a_routine_question_changes_nothing() -> None:
    routine = {"technical": 0.1, "financial": 0.05, "legal": 0.05}
    decision = _decide("Our CEO copied. Could you show us how to export the monthly usage report?", 400_000, routine)

    assert decision.rules_fired == []
    assert decision.recommendation.tier == 1


@pytest.mark.parametrize(
    ("text", "watching"),
    [
        ("Missing invoices after the import - CFO copied", True),
        ("Cc: Priya Raman (Chief Operating Officer)\n\nOur dispatch board has been empty since 6am.", True),
        ("I've looped in our managing director, who is following this closely.", True),
        ("Our CEO and CFO are watching this.", True),
        ("I will be writing to your CEO about this.", False),
        ("If this drags on I will have to copy our CEO.", False),
        ("The board won't load since the update.", False),
        ("Our CEO asked me to set up single sign-on for the team.", False),
        ("Please send the renewal quote to our CFO.", False),
    ],
)
def test_executive_watching_reads_the_customers_executive_following_the_case(text: str, watching: bool) -> None:
    assert executive_watching(text) is watching
