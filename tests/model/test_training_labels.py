"""What training says about labels it cannot learn: team labels the configuration does not name (counts and
examples, never dropped silently), and heads whose labels all carry one value (an error, or skipped on
request)."""

from __future__ import annotations

import pytest

from triage.errors import TriageError
from triage.model.training import LabelWarning, TrainSettings, train
from triage.policy.config import load_config


def test_team_labels_the_configuration_does_not_name_are_reported_with_counts_and_examples(demo_history):
    tickets = demo_history[:400]
    renamed = {"billing": "billing ops", "technical": "Tier 2 Tech"}  # an export's group names, not mapped
    relabelled = [t.model_copy(update={"team": renamed.get(t.team or "", t.team)}) for t in tickets]
    with pytest.warns(LabelWarning) as caught:
        result = train(relabelled, load_config())
    message = str(caught[0].message)
    report = result.team_labels_not_learned
    billing = sum(t.team == "billing" for t in tickets)
    assert report["labels"]["billing ops"]["rows"] == billing
    assert report["rows"] == billing + sum(t.team == "technical" for t in tickets)
    first_example = next(t.id for t in relabelled if t.team == "billing ops")
    assert report["labels"]["billing ops"]["examples"][0] == first_example
    assert f"billing ops {billing:,} ({first_example}" in message and "Tier 2 Tech" in message
    assert result.model.metadata["team_labels_not_learned"] == report
    assert set(result.model.team_names) == {"account_management", "legal_compliance"}


def test_team_labels_of_no_configured_team_and_no_escalation_labels_are_not_dropped_silently(demo_history):
    # As BANKING77 with the shipped configuration: the intents are no team of it, and nothing says escalated.
    intents = ["card_arrival", "exchange_rate", "lost_or_stolen_card"]
    tickets = [
        t.model_copy(update={"team": intents[i % 3], "escalated": None}) for i, t in enumerate(demo_history[:200])
    ]
    with pytest.warns(LabelWarning, match=r"200 labelled rows name 3 teams that the configuration does not name"):
        result = train(tickets, load_config())
    assert "team" not in result.model.heads
    assert "200 team labels name no team of the configuration" in result.skipped_heads["team"]


def test_labels_of_configured_teams_leave_nothing_to_report(trained):
    model, _ = trained
    assert model.metadata["team_labels_not_learned"] == {}


def test_a_head_whose_labels_all_have_one_value_is_an_error_that_names_it(demo_history):
    every_one_escalated = [t.model_copy(update={"escalated": True}) for t in demo_history[:200]]
    with pytest.raises(TriageError, match=r"escalation: all \d+ labelled rows are yes: a head cannot learn") as error:
        train(every_one_escalated, load_config())
    assert "--skip-single-valued-heads" in str(error.value)


def test_single_valued_heads_are_left_to_the_rules_on_request(demo_history):
    every_one_escalated = [t.model_copy(update={"escalated": True}) for t in demo_history[:200]]
    result = train(every_one_escalated, load_config(), TrainSettings(skip_single_valued_heads=True))
    assert "escalation" not in result.model.heads and "escalation_text" not in result.model.heads
    assert "one value, nothing to learn" in result.skipped_heads["escalation"]
    assert "escalation" in result.model.fallback_heads
    assert "team" in result.model.heads
