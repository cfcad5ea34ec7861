"""A case that several triggers label goes to the team that owns its problem (docs/labelling.md), read from
``routing.owner_order``: a fault that doubled an invoice is technical's, a money matter that is also a legal one is
legal compliance's. One trigger alone, or a second one below its label, leaves the most probable trigger's team."""

from __future__ import annotations

import pytest
from factories import head_scores, ticket

from triage.policy.config import ConfigError, dump_config, load_config, parse_config
from triage.policy.decision import decide
from triage.text.signals import find_signals

CONFIG = load_config()


def _decide(body: str, triggers: dict[str, float], **changes):  # noqa: ANN202
    case = ticket(body)
    [found] = find_signals([f"{case.subject}\n{case.body}"])
    counts = {name: len(matches) for name, matches in found.items()}
    return decide(case, head_scores(case, triggers=triggers, signals=counts, escalation=0.8, **changes), CONFIG)


@pytest.mark.parametrize(
    ("body", "triggers", "team"),
    [
        # Both labelled, money more probable: the fault's owner fixes it.
        (
            "Since your sync update every order is exported twice and our invoices show double the amount.",
            {"technical": 0.6, "financial": 0.9, "legal": 0.05},
            "technical",
        ),
        (
            "Someone opened an account in my name and the card on it was charged twice; I want it refunded.",
            {"technical": 0.05, "financial": 0.9, "legal": 0.7},
            "legal_compliance",
        ),
        # Twins: the second trigger below its label leaves the most probable one's team.
        (
            "Since your sync update every invoice shows double the amount; please correct the invoices.",
            {"technical": 0.2, "financial": 0.9, "legal": 0.05},
            "billing",
        ),
        (
            "The card on my account was charged twice this month; I want the second charge refunded.",
            {"technical": 0.05, "financial": 0.9, "legal": 0.2},
            "billing",
        ),
    ],
)
def test_the_owner_of_a_case_two_triggers_label(body: str, triggers: dict[str, float], team: str) -> None:
    decision = _decide(body, triggers)

    assert (decision.recommendation.tier, decision.recommendation.team) == (2, team)


def test_without_an_owner_order_the_most_probable_trigger_routes() -> None:
    unordered = CONFIG.model_copy(update={"routing": CONFIG.routing.model_copy(update={"owner_order": []})})
    case = ticket("Since your sync update every order is exported twice and our invoices show double the amount.")
    scores = head_scores(case, triggers={"technical": 0.6, "financial": 0.9, "legal": 0.05}, escalation=0.8)

    assert decide(case, scores, unordered).recommendation.team == "billing"


def test_an_unknown_trigger_in_the_owner_order_is_a_configuration_problem() -> None:
    broken = CONFIG.model_copy(
        update={"routing": CONFIG.routing.model_copy(update={"owner_order": ["technical", "marketing"]})}
    )

    with pytest.raises(ConfigError, match=r"routing\.owner_order\[1\]: unknown trigger 'marketing'"):
        parse_config(dump_config(broken), "owner_order.yaml")
