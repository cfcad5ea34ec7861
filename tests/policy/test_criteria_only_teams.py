"""A team marked ``criteria_only`` (here account management, at tier 3) is reached through the criteria that name
it or leave the team to the models, never by the team head's guess alone: the labelling guide sends a case to
management for what the ticket shows (large money, a churn threat on a valuable account), and a models-only
escalation stays at the models' tier with the next team the head prefers. The default file leaves the key unset
(docs/escalation-config.md says why)."""

from __future__ import annotations

from factories import head_scores, ticket

from triage.policy.config import load_config
from triage.policy.decision import decide

DEFAULT = load_config()
CONFIG = DEFAULT.model_copy(
    update={
        "teams": [
            team.model_copy(update={"criteria_only": True}) if team.name == "account_management" else team
            for team in DEFAULT.teams
        ]
    }
)
# The team head's favourite is account management; billing comes next.
TEAMS = {"account_management": 0.6, "billing": 0.3, "technical": 0.05, "legal_compliance": 0.05}
FINANCIAL = {"technical": 0.05, "financial": 0.9, "legal": 0.05}


def test_the_default_file_leaves_every_team_to_the_models():
    assert not [team.name for team in DEFAULT.teams if team.criteria_only]


def test_the_models_alone_route_to_the_next_team_at_their_own_tier():
    case = ticket("We will not renew in March unless the invoices are corrected.")
    decision = decide(case, head_scores(case, triggers=FINANCIAL, escalation=0.9, team=TEAMS), CONFIG)

    assert (decision.recommendation.tier, decision.recommendation.team) == (2, "billing")
    assert not decision.rules_fired


def test_a_criterion_that_names_the_team_still_reaches_it():
    case = ticket("We will not renew in March unless the invoices are corrected.", contract_value=180_000)
    scores = head_scores(case, triggers=FINANCIAL, escalation=0.9, team=TEAMS, signals={"churn_threat": 1})
    decision = decide(case, scores, CONFIG)

    assert (decision.recommendation.tier, decision.recommendation.team) == (3, "account_management")
    assert decision.rules_fired[0] == "account.revenue_risk"


def test_without_the_mark_the_team_head_chooses_among_every_team_as_before():
    case = ticket("We will not renew in March unless the invoices are corrected.")
    decision = decide(case, head_scores(case, triggers=FINANCIAL, escalation=0.9, team=TEAMS), DEFAULT)

    assert (decision.recommendation.tier, decision.recommendation.team) == (3, "account_management")


def test_a_rule_that_names_no_team_may_still_choose_it():
    # management.repeated_contact leaves the team to the models: the owning team of a repeat contact about a
    # renewal is account management, even though the models alone would not send a ticket there.
    case = ticket("This is the third time I'm writing about our renewal. Fix the invoices or we leave.")
    scores = head_scores(
        case, triggers=FINANCIAL, escalation=0.9, team=TEAMS, frustration_level=2, signals={"repeat_contact": 1}
    )
    decision = decide(case, scores, CONFIG)

    assert "management.repeated_contact" in decision.rules_fired
    assert (decision.recommendation.tier, decision.recommendation.team) == (3, "account_management")
