"""A policy's identity (name, version, SHA-256 of the rules) and its check against a model's heads."""

from __future__ import annotations

import pytest
import yaml

from triage.policy import ConfigError, Policy, check_against_model
from triage.policy.config import DEFAULT_CONFIG_PATH

DEFAULT = DEFAULT_CONFIG_PATH.read_text()
LEARNED = ["account_management", "billing", "legal_compliance", "technical"]


def _edited(change) -> str:
    data = yaml.safe_load(DEFAULT)
    change(data)
    return yaml.safe_dump(data, sort_keys=False)


def test_comments_and_layout_do_not_change_the_identity_but_a_rule_does():
    shipped = Policy.from_text(DEFAULT, "escalation.yaml")
    reformatted = Policy.from_text(_edited(lambda data: None), "escalation.yaml")
    stricter = Policy.from_text(_edited(lambda data: data["routing"].update(model_tier=3)), "escalation.yaml")

    assert shipped.ref == reformatted.ref
    assert shipped.ref.name == "default" and shipped.ref.version == shipped.ref.sha256[:12]
    assert stricter.ref.sha256 != shipped.ref.sha256


def test_name_and_revision_come_from_the_file_else_its_name_and_hash():
    def named(data):
        data["name"] = "emea_rules"
        data["revision"] = 7

    policy = Policy.from_text(_edited(named), "whatever.yaml")
    unnamed = Policy.from_text(_edited(lambda data: data.pop("name")), "lead-rules.yaml")

    assert (policy.ref.name, policy.ref.version) == ("emea_rules", "7")
    assert unnamed.ref.name == "lead-rules"


def test_team_threshold_defaults_need_no_team_head():
    config = Policy.from_text(
        _edited(lambda data: data["thresholds"].update(teams={"frontline": 0.6})), "p.yaml"
    ).config

    check_against_model(config, LEARNED, "p.yaml")
    check_against_model(config, [], "p.yaml")  # a model trained without team labels


def _reads_billing_probability(data):
    rule = {
        "name": "billing.sure",
        "when": {"team_probability": "billing", "at_least": 0.9},
        "tier": 2,
        "team": "billing",
    }
    data["criteria"].append(rule)


def test_a_rule_reading_a_team_probability_the_model_lacks_is_refused():
    config = Policy.from_text(_edited(_reads_billing_probability), "p.yaml").config

    check_against_model(config, LEARNED, "p.yaml")
    with pytest.raises(
        ConfigError, match=r"p.yaml: rules read the team probability of billing, .*\(it has no team head\)"
    ):
        check_against_model(config, [], "p.yaml")
    with pytest.raises(ConfigError, match=r"it learned technical"):
        check_against_model(config, ["technical"], "p.yaml")


def test_dropping_a_team_the_model_routes_to_is_refused():
    config = Policy.from_text(DEFAULT, "p.yaml").config

    with pytest.raises(ConfigError, match="the model routes to team.s. support_ops, which this configuration"):
        check_against_model(config, [*LEARNED, "support_ops"], "p.yaml")
