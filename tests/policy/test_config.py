"""The escalation configuration file: the default loads, mistakes fail with one line naming the key, and a
custom hierarchy works end to end through the policy."""

from __future__ import annotations

import copy
import textwrap

import pytest
import yaml
from factories import head_scores

from triage.errors import TriageError
from triage.policy.config import DEFAULT_CONFIG_PATH, ConfigError, check_config, dump_config, load_config
from triage.policy.decision import decide
from triage.schema import Ticket
from triage.scores import HeadScores

DEFAULT = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text())


def test_default_file_loads():
    config = load_config()

    assert [tier.name for tier in config.tiers] == [
        "Front-line support",
        "Specialist team",
        "Management",
        "Executive",
    ]
    assert [team.name for team in config.teams] == [
        "frontline",
        "technical",
        "billing",
        "account_management",
        "legal_compliance",
    ]
    assert config.mode == "recommend"
    assert config.thresholds.target_precision == 0.8
    assert check_config(DEFAULT_CONFIG_PATH) == (
        "escalation.yaml: OK: 4 tiers, 5 teams, 12 criteria, mode recommend, target precision 0.8"
    )


def test_dumped_configuration_loads_back_equal(tmp_path):
    config = load_config()
    path = tmp_path / "escalation.yaml"
    path.write_text(dump_config(config))

    assert load_config(path) == config
    assert "null" not in path.read_text() and "any_of" not in path.read_text()


def _set(path: str, value):
    """A change to the default configuration: set the key at a dotted path (list indexes as numbers)."""

    def change(data):
        *parents, last = [int(part) if part.isdigit() else part for part in path.split(".")]
        for part in parents:
            data = data[part]
        if value is _DELETE:
            del data[last]
        else:
            data[last] = value

    return change


_DELETE = object()

INVALID = [
    ("unknown key", _set("criteria.1.colour", "red"), "criteria[1].colour: unknown key"),
    (
        "wrong type",
        _set("thresholds.target_precision", "high"),
        "thresholds.target_precision: Input should be a valid number",
    ),
    (
        "out of range",
        _set("abstain.min_confidence", 1.5),
        "abstain.min_confidence: Input should be less than or equal to 1",
    ),
    ("undefined tier", _set("criteria.3.tier", 5), "criteria[3].tier: tier 5 is not defined in tiers"),
    (
        "undefined team",
        _set("criteria.2.team", "sales"),
        "criteria[2].team: team sales is not defined in teams",
    ),
    ("team of a team's tier", _set("teams.1.tier", 7), "teams[1].tier: tier 7 is not defined in tiers"),
    (
        "rule below its team's tier",
        _set("criteria.1.tier", 1),
        "criteria[1].tier: tier 1 is below team legal_compliance's tier 2",
    ),
    ("missing section", _set("routing", _DELETE), "routing: required key is missing"),
    ("unknown mode", _set("mode", "autopilot"), "mode: Input should be 'recommend', 'auto' or 'shadow'"),
    (
        "unknown signal",
        _set("criteria.1.when.any.0.all.0.signal", "lawyr"),
        "criteria[1].when.any[0].all[0].signal: unknown signal 'lawyr'; see triage.text.signals.SIGNALS",
    ),
    (
        "unknown trigger",
        _set("criteria.7.when.any.1.trigger", "legl"),
        "criteria[7].when.any[1].trigger: unknown trigger 'legl'; use one of technical, financial, legal",
    ),
    (
        "two subjects in one condition",
        _set("criteria.7.when.any.1.signal", "fraud"),
        "criteria[7].when.any[1]: give exactly one of all, any, signal, trigger, team_probability, score, "
        "trajectory, field (found: signal, trigger)",
    ),
    (
        "at_most would break monotonicity",
        _set("criteria.2.when.all.1.any.0", {"field": "customer.annual_contract_value", "at_most": 10}),
        "criteria[2].when.all[1].any[0].at_most: unknown key",
    ),
    (
        "a number without a comparison",
        _set("criteria.2.when.all.1.any.0", {"field": "customer.annual_contract_value"}),
        "criteria[2].when.all[1].any[0]: field needs at_least",
    ),
    (
        "unknown reason placeholder",
        _set("criteria.4.reason", "{failed_attempts} failures for {customer_name}"),
        "criteria[4].reason: unknown placeholder {customer_name}",
    ),
    (
        "tier_above not above",
        _set("criteria.2.tier_above.tier", 3),
        "criteria[2].tier_above.tier: must be above the rule's tier 3",
    ),
    (
        "first-tier team not at the first tier",
        _set("routing.first_tier_team", "technical"),
        "routing.first_tier_team: team technical does not sit at the first tier 1",
    ),
]


@pytest.mark.parametrize(("case", "change", "message"), INVALID, ids=[case[0] for case in INVALID])
def test_invalid_file_names_the_problem(tmp_path, case, change, message):
    data = copy.deepcopy(DEFAULT)
    change(data)
    path = tmp_path / "escalation.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))

    with pytest.raises(ConfigError) as raised:
        load_config(path)

    assert str(raised.value).startswith(f"escalation.yaml: {message}")
    assert "\n" not in str(raised.value)
    assert isinstance(raised.value, TriageError)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tiers: [1, 2\nteams: []\n", "escalation.yaml: invalid YAML at line 2, column"),
        ("", "escalation.yaml: expected a mapping"),
        ("- just\n- a list\n", "escalation.yaml: expected a mapping"),
    ],
)
def test_unreadable_yaml(tmp_path, text, message):
    path = tmp_path / "escalation.yaml"
    path.write_text(text)

    with pytest.raises(ConfigError, match="^" + message.replace("[", r"\[")):
        check_config(path)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read the file"):
        load_config(tmp_path / "nowhere.yaml")


CUSTOM = textwrap.dedent(
    """
    mode: shadow
    tiers:
      - {number: 1, name: Helpdesk}
      - {number: 2, name: Engineering}
      - {number: 3, name: Directors}
      - {number: 4, name: C-suite}
      - {number: 5, name: Board}
    teams:
      - {name: helpdesk, tier: 1}
      - {name: engineering, tier: 2, handoff: technical}
      - {name: finance, tier: 2}
      - {name: counsel, tier: 3, handoff: compliance}
    routing:
      first_tier_team: helpdesk
      model_tier: 2
      trigger_teams: {technical: engineering, financial: finance, legal: counsel}
      fallback_team: engineering
    thresholds: {target_precision: 0.9}
    abstain: {min_confidence: 0.3, escalation_band: 0.02, team_margin: 0.05}
    criteria:
      - name: counsel.class_action
        when:
          all:
            - signal: legal_action
            - field: customer.strategic
              equals: true
        team: counsel
        tier: 4
        tier_above: {field: customer.annual_contract_value, at_least: 1000000, tier: 5}
        reason: "{signals} from {company}"
    """
)


def _scores(**changes) -> HeadScores:
    return head_scores(
        **{
            "triggers": {"technical": 0.1, "financial": 0.1, "legal": 0.6},
            "escalation": 0.7,
            "frustration_score": 0.1,
            "team": {"helpdesk": 0.1, "engineering": 0.2, "finance": 0.1, "counsel": 0.6},
            "signals": {"legal_action": 1},
            **changes,
        }
    )


@pytest.mark.parametrize(
    ("contract_value", "strategic", "tier", "tier_name"),
    [(2_000_000, True, 5, "Board"), (50_000, True, 4, "C-suite"), (50_000, False, 3, "Directors")],
)
def test_custom_hierarchy_through_decide(tmp_path, contract_value, strategic, tier, tier_name):
    path = tmp_path / "custom.yaml"
    path.write_text(CUSTOM)
    config = load_config(path)
    ticket = Ticket.model_validate(
        {
            "id": "T-9",
            "body": "Our lawyers are preparing a class action.",
            "customer": {
                "company": "Contoso",
                "annual_contract_value": contract_value,
                "strategic": strategic,
            },
        }
    )

    decision = decide(ticket, _scores(), config)

    assert (decision.recommendation.tier, decision.recommendation.tier_name) == (tier, tier_name)
    assert decision.recommendation.team == "counsel"  # the team head's choice sits at tier 3
    assert decision.handoff_template == "compliance"
    assert decision.visible is False  # shadow mode
    assert decision.rules_fired == (["counsel.class_action"] if strategic else [])
    if strategic:
        assert decision.reasons[0].startswith("rule counsel.class_action fired: legal_action from Contoso")
