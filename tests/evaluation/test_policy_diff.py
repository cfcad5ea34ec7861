"""What a rule change moves, decided on the same scores under both policies."""

from __future__ import annotations

import yaml
from conftest import PROBE_SEED, unlabelled

from triage.datasets.demo import generate
from triage.evaluation.policy_diff import policy_diff
from triage.policy import Policy
from triage.policy.config import DEFAULT_CONFIG_PATH

DEFAULT = DEFAULT_CONFIG_PATH.read_text()


def _policy(change) -> Policy:
    data = yaml.safe_load(DEFAULT)
    change(data)
    return Policy.from_text(yaml.safe_dump(data, sort_keys=False), "edited.yaml")


def test_the_same_rules_change_nothing(model, probe_tickets):
    same = Policy.from_text(DEFAULT, "escalation.yaml")

    diff = policy_diff(model, same, same, probe_tickets)

    assert diff["changed"] == 0 and diff["tier_transitions"] == [] and diff["notes"] == []


def test_sending_model_escalations_to_tier_3_moves_only_tier_2_tickets_up(model):
    old = Policy.from_text(DEFAULT, "escalation.yaml")
    new = _policy(lambda data: data["routing"].update(model_tier=3))
    # More than the 40 probes: among those, every ticket above tier 1 is sent there by a rule, not the models alone.
    tickets = unlabelled(generate(200, seed=PROBE_SEED + 1))

    diff = policy_diff(model, old, new, tickets)

    assert diff["changed"] > 0
    assert diff["counts"]["escalate"] == 0  # the same tickets go up, only higher
    assert {(row["old"], row["new"]) for row in diff["tier_transitions"]} == {(2, 3)}
    assert all(row["old"]["tier"] == 2 and row["new"]["tier"] == 3 for row in diff["changed_tickets"])
    assert diff["new"]["name"] == "default" and diff["new"]["sha256"] != diff["old"]["sha256"]


def test_an_edited_threshold_over_a_trained_model_is_noted(model, probe_tickets):
    old = Policy.from_text(DEFAULT, "escalation.yaml")
    new = _policy(lambda data: data["thresholds"].update(escalation=0.9))

    diff = policy_diff(model, old, new, probe_tickets)

    assert diff["changed"] == 0  # the model's learned escalation threshold stays in force
    assert len(diff["notes"]) == 1 and "keeps the thresholds fixed when it was trained" in diff["notes"][0]
    assert "escalation" in diff["notes"][0]
