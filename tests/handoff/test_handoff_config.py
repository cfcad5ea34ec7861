"""The `handoffs:` section of the escalation configuration: optional, checked, and merged over the defaults."""

from __future__ import annotations

import pytest
import yaml

from triage.policy.config import ConfigError, dump_config, load_config, parse_config

BASE = yaml.safe_load(dump_config(load_config()))


def with_handoffs(section: dict) -> str:
    return yaml.safe_dump({**BASE, "handoffs": section})


def test_a_file_without_the_section_keeps_its_canonical_form():
    config = load_config()

    assert config.handoffs is None
    assert "handoffs" not in dump_config(config)
    assert config.handoff_settings.service_target(3, "technical").first_response_hours == 4


def test_given_entries_come_first_and_the_defaults_answer_the_rest():
    config = parse_config(
        with_handoffs(
            {
                "service_targets": [
                    {"tier": 3, "team": "legal_compliance", "first_response_hours": 2, "update_hours": 6}
                ],
                "owner_roles": {"billing": "our billing lead"},
                "case_actions": {"outage": ["page the on-call SRE"]},
            }
        ),
        "escalation.yaml",
    )
    settings = config.handoff_settings

    assert settings.service_target(3, "legal_compliance").first_response_hours == 2
    assert settings.service_target(3, "technical").first_response_hours == 4  # the tier default
    assert settings.owner_role("billing") == "our billing lead"
    assert settings.owner_role("technical") == "a senior technical specialist"
    assert settings.actions_for("outage") == ["page the on-call SRE"]
    assert settings.actions_for("account_takeover")[0].startswith("secure the account")
    assert parse_config(dump_config(config), "again.yaml") == config  # round trip


def test_high_value_by_contract_value_or_strategic_flag():
    settings = load_config().handoff_settings

    assert settings.is_high_value(100_000, None)
    assert settings.is_high_value(None, True)
    assert not settings.is_high_value(99_999, False)
    assert not settings.is_high_value(None, None)


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (
            {"service_targets": [{"tier": 9, "first_response_hours": 1, "update_hours": 2}]},
            "handoffs.service_targets[0].tier: tier 9 is not defined in tiers",
        ),
        (
            {"service_targets": [{"tier": 2, "team": "sales", "first_response_hours": 1, "update_hours": 2}]},
            "handoffs.service_targets[0].team: team sales is not defined in teams",
        ),
        ({"owner_roles": {"sales": "a seller"}}, "handoffs.owner_roles.sales: team sales is not defined in teams"),
        (
            {"service_targets": [{"tier": 2, "first_response_hours": 0, "update_hours": 2}]},
            "handoffs.service_targets[0].first_response_hours: Input should be greater than 0",
        ),
        ({"case_actions": {"earthquake": ["run"]}}, "handoffs.case_actions.earthquake.[key]: Input should be 'outage'"),
        ({"high_value": {"threshold": 5}}, "handoffs.high_value.threshold: unknown key"),
    ],
)
def test_mistakes_stop_loading_with_one_line(section, message):
    with pytest.raises(ConfigError) as error:
        parse_config(with_handoffs(section), "escalation.yaml")

    assert str(error.value).startswith(f"escalation.yaml: {message}")


@pytest.mark.parametrize("case", ["price_increase", "refund_owed", "impersonation"])
def test_a_policy_file_rewords_the_cases_the_hand_off_names_from_the_ticket_alone(case):
    config = parse_config(with_handoffs({"case_actions": {case: ["call the customer"]}}), "escalation.yaml")

    assert config.handoff_settings.actions_for(case) == ["call the customer"]
    assert load_config().handoff_settings.actions_for(case)  # the default when the file names none
