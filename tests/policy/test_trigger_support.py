"""Trigger labels and the ticket's own signals (triage.policy.decision._trigger_labels), and a team's management
team above its own tier (teams[].management_team).

Where the signals name one trigger and a head adds another that no signal names, that label needs
thresholds.margin_without_signal more probability than its threshold. Signals are found in each ticket's own
text, so their negation and context rules show up in these decisions."""

from __future__ import annotations

import pytest
from factories import head_scores, ticket

from triage.policy.config import DEFAULT_CONFIG_PATH, ConfigError, load_config, parse_config
from triage.policy.decision import decide
from triage.schema import Ticket
from triage.text.signals import find_signals
from triage.text.trajectory import Trajectory

CONFIG = load_config()


def _decide(case: Ticket, triggers: dict[str, float], config=CONFIG, **changes):  # noqa: ANN001, ANN202
    [found] = find_signals([f"{case.subject}\n{case.body}"])
    scores = head_scores(case, triggers=triggers, signals={name: len(m) for name, m in found.items()}, **changes)
    return decide(case, scores, config)


def test_an_escalated_ticket_keeps_a_confident_label_without_a_signal() -> None:
    # Most broken things are described, not logged: no error code, no outage word.
    decision = _decide(
        ticket("The export button does nothing since this morning, for every user in our team."),
        {"technical": 0.6, "financial": 0.05, "legal": 0.05},
        escalation=0.8,
    )

    assert decision.escalate
    assert decision.trigger_labels == ["technical"]


LAWYERS_LETTER = "Our lawyer has instructed us to take legal action over the damages your delay caused us."


@pytest.mark.parametrize(("financial", "labelled"), [(0.45, False), (0.55, True)])
def test_money_words_in_a_lawyers_letter_need_the_margin(financial, labelled) -> None:
    assert CONFIG.thresholds.margin_without_signal == pytest.approx(0.1)
    decision = _decide(
        ticket(LAWYERS_LETTER), {"technical": 0.05, "financial": financial, "legal": 0.95}, escalation=0.9
    )

    assert "legal" in decision.trigger_labels
    assert ("financial" in decision.trigger_labels) is labelled


def test_the_abstain_reason_gives_the_probability_the_margin_asked_for() -> None:
    # Legal's own signal fires but its head is low; financial stops below threshold plus margin. The reason must
    # name what the label needed (0.50), not the bare threshold it passed (0.40).
    decision = _decide(ticket(LAWYERS_LETTER), {"technical": 0.05, "financial": 0.45, "legal": 0.1}, escalation=0.9)

    assert not decision.trigger_labels
    [reason] = [reason for reason in decision.reasons if "no trigger reaches" in reason]
    assert "financial 0.45 < 0.50 with the margin for a trigger no signal supports" in reason, reason


@pytest.mark.parametrize(
    "body",
    [
        # No signal at all (a negated one does not count): the heads and the signals do not disagree.
        "No legal action is needed. We only want to know why the damages clause changed our invoice.",
        "We were overbilled and our finance team wants the difference credited.",
    ],
)
def test_without_any_trigger_signal_no_margin_applies(body) -> None:
    decision = _decide(ticket(body), {"technical": 0.05, "financial": 0.55, "legal": 0.05}, escalation=0.9)

    assert decision.escalate
    assert decision.trigger_labels == ["financial"]


def test_the_margin_is_off_when_unset() -> None:
    text = DEFAULT_CONFIG_PATH.read_text(encoding="utf-8").replace("  margin_without_signal: 0.1\n", "")
    config = parse_config(text, "no-margin.yaml")
    decision = _decide(
        ticket(LAWYERS_LETTER), {"technical": 0.05, "financial": 0.55, "legal": 0.95}, config, escalation=0.9
    )

    assert config.thresholds.margin_without_signal is None
    assert decision.trigger_labels == ["financial", "legal"]


REPEAT = Trajectory(customer_contacts=3, agent_replies=2, hours_open=400.0, failed_attempts=0)
MONEY = {"technical": 0.05, "financial": 0.97, "legal": 0.05}


def test_a_billing_matter_for_management_goes_to_account_management() -> None:
    case = ticket("Still no credit note. Third time I ask. Unbelievable.")
    decision = _decide(case, MONEY, escalation=0.9, trajectory=REPEAT, frustration_level=2)

    assert "management.repeated_contact" in decision.rules_fired
    assert (decision.recommendation.tier, decision.recommendation.team) == (3, "account_management")
    assert any("management team account_management" in reason for reason in decision.reasons)


def test_a_billing_dispute_at_the_specialist_tier_stays_with_billing() -> None:
    decision = _decide(ticket("You billed us twice for March and I want the second charge reversed."), MONEY)

    assert (decision.recommendation.tier, decision.recommendation.team) == (2, "billing")


def test_a_team_without_a_management_team_keeps_its_cases_above_its_tier() -> None:
    case = ticket("The whole platform is down for every user since 9am, nothing loads.")
    decision = _decide(case, {"technical": 0.95, "financial": 0.05, "legal": 0.05}, escalation=0.9)

    assert (decision.recommendation.tier, decision.recommendation.team) == (3, "technical")


@pytest.mark.parametrize(
    ("management_team", "problem"),
    [("nobody", "team nobody is not defined in teams"), ("technical", "does not sit above team billing's tier 2")],
)
def test_a_management_team_must_exist_and_sit_above(management_team, problem) -> None:
    text = DEFAULT_CONFIG_PATH.read_text(encoding="utf-8").replace(
        "management_team: account_management", f"management_team: {management_team}"
    )
    with pytest.raises(ConfigError, match=problem):
        parse_config(text, "bad.yaml")


def test_a_margin_that_lifts_a_threshold_past_1_is_refused() -> None:
    text = DEFAULT_CONFIG_PATH.read_text(encoding="utf-8").replace(
        "margin_without_signal: 0.1", "margin_without_signal: 0.7"
    )
    with pytest.raises(ConfigError, match=r"thresholds.margin_without_signal: 0.7 above the default threshold 0.5"):
        parse_config(text, "bad.yaml")
