"""The escalation policy on hand-built model scores: no models are trained here."""

from __future__ import annotations

import copy
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from factories import head_scores, ticket
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.policy.calibration import Calibration, calibrate, precision_threshold
from triage.policy.config import load_config
from triage.policy.decision import decide
from triage.schema import Ticket
from triage.scores import Contribution
from triage.text.trajectory import Trajectory

CONFIG = load_config()
TEAMS_FAVOURING_BILLING = {
    "frontline": 0.15,
    "technical": 0.1,
    "billing": 0.5,
    "account_management": 0.2,
    "legal_compliance": 0.05,
}


scores = head_scores


# (case, ticket, scores, expected tier, expected team, expected abstain)
CASES = [
    (
        "misleading keywords, low model scores",
        ticket("Please cancel the meeting; I left my legal pad.", contract_value=300_000, strategic=True),
        scores(signals={"cancellation": 1, "legal_action": 1}),
        1,
        "frontline",
        False,
    ),
    (
        "calm regulator inquiry from a strategic account",
        ticket("The financial ombudsman has opened an inquiry and asked for our records.", 200_000, True),
        scores(
            triggers={"technical": 0.02, "financial": 0.2, "legal": 0.35},
            escalation=0.3,
            signals={"regulator_complaint": 1},
        ),
        4,
        "legal_compliance",
        False,
    ),
    (
        "cancellation threat, small account",
        ticket("If this is not fixed by Friday we will cancel our subscription.", contract_value=500),
        scores(
            triggers={"technical": 0.1, "financial": 0.75, "legal": 0.02},
            escalation=0.7,
            team=TEAMS_FAVOURING_BILLING,
            signals={"churn_threat": 1},
        ),
        2,
        "billing",
        False,
    ),
    (
        "the same cancellation threat, 450,000 a year",
        ticket("If this is not fixed by Friday we will cancel our subscription.", contract_value=450_000),
        scores(
            triggers={"technical": 0.1, "financial": 0.75, "legal": 0.02},
            escalation=0.7,
            team=TEAMS_FAVOURING_BILLING,
            signals={"churn_threat": 1},
        ),
        4,
        "account_management",
        False,
    ),
    (
        "troubleshooting exhausted",
        ticket("Still getting the same 500 error after clearing the cache and reinstalling."),
        scores(
            triggers={"technical": 0.8, "financial": 0.05, "legal": 0.01},
            escalation=0.3,
            signals={"error_code": 1},
            trajectory=Trajectory(customer_contacts=3, agent_replies=2, hours_open=30.0, failed_attempts=2),
        ),
        2,
        "technical",
        False,
    ),
    (
        "repeated contact and high frustration",
        ticket("Third time I write about this. Unacceptable. Exports still fail."),
        scores(
            triggers={"technical": 0.6, "financial": 0.05, "legal": 0.01},
            escalation=0.6,
            frustration_score=0.9,
            frustration_level=3,
            team={"technical": 0.7, "billing": 0.1, "frontline": 0.2},
            trajectory=Trajectory(customer_contacts=3, agent_replies=2, hours_open=50.0, failed_attempts=1),
        ),
        3,
        "technical",
        False,
    ),
    (
        "escalation probability too close to its threshold",
        ticket("The export button is greyed out."),
        scores(escalation=0.52, triggers={"technical": 0.45, "financial": 0.05, "legal": 0.01}),
        2,
        "technical",
        True,
    ),
    (
        "the escalation head alone would escalate, no trigger agrees: it stays for review",
        ticket("The agent I spoke to yesterday was rude. I expect an apology."),
        scores(escalation=0.8, triggers={"technical": 0.2, "financial": 0.3, "legal": 0.05}),
        1,
        "frontline",
        True,
    ),
    (
        "the team head prefers legal, the most probable trigger is financial",
        ticket("You charged us twice for March and I want the second charge reversed."),
        scores(
            escalation=0.9,
            triggers={"technical": 0.05, "financial": 0.8, "legal": 0.3},
            team={"legal_compliance": 0.6, "billing": 0.3, "frontline": 0.1},
        ),
        2,
        "billing",
        False,
    ),
    (
        "the team head picks account management, which no trigger routes to",
        ticket("Our renewal is due and we are reviewing the contract with a competitor."),
        scores(
            escalation=0.9,
            triggers={"technical": 0.05, "financial": 0.8, "legal": 0.05},
            team={"account_management": 0.8, "billing": 0.2},
        ),
        3,
        "account_management",
        False,
    ),
    # A large account's outage with credits asked and termination for repeated SLA failures weighed: the legal head
    # reads it as legal, but no regulator, proceedings or breach is named, so it is a money matter at tier 3, which
    # the guide gives to account management (docs/labelling.md), not legal compliance.
    (
        "a large account's incident with money at stake and no regulator or proceedings",
        ticket(
            "Checkout was down for six hours. We want service credits and are reviewing our right to terminate.",
            contract_value=140_000,
        ),
        scores(
            triggers={"technical": 0.95, "financial": 0.85, "legal": 0.6},
            escalation=0.98,
            signals={"outage": 2, "money_amount": 1},
        ),
        3,
        "account_management",
        False,
    ),
    # The same legal reading with no money at stake stays a legal matter on a large account: tier 3, legal.
    (
        "a large account's legal matter with no money at stake",
        ticket("Please send us your data processing addendum and sub-processor list.", contract_value=140_000),
        scores(
            triggers={"technical": 0.05, "financial": 0.1, "legal": 0.8},
            escalation=0.9,
            signals={"privacy_regulation": 1},
        ),
        3,
        "legal_compliance",
        False,
    ),
    # A regulator named on the same large account is legal exposure, ahead of the money: legal compliance.
    (
        "a large account's incident with money at stake and a regulator named",
        ticket(
            "Checkout was down for six hours. We want service credits, and we have informed the regulator.",
            contract_value=140_000,
        ),
        scores(
            triggers={"technical": 0.95, "financial": 0.85, "legal": 0.6},
            escalation=0.98,
            signals={"outage": 2, "money_amount": 1, "regulator_complaint": 1},
        ),
        3,
        "legal_compliance",
        False,
    ),
]


@pytest.mark.parametrize(
    ("case", "given_ticket", "given_scores", "tier", "team", "abstain"),
    CASES,
    ids=[case[0] for case in CASES],
)
def test_recommendation(case, given_ticket, given_scores, tier, team, abstain):
    decision = decide(given_ticket, given_scores, CONFIG)

    recommendation = decision.recommendation
    assert (recommendation.tier, recommendation.team, recommendation.abstain) == (tier, team, abstain), decision.reasons
    assert recommendation.tier_name == CONFIG.tier_name(tier)
    assert decision.escalate == (tier > 1)
    assert 0.0 <= recommendation.confidence <= 1.0


def test_the_escalation_head_alone_escalates_when_the_policy_lets_it():
    lets_it = CONFIG.model_copy(update={"abstain": CONFIG.abstain.model_copy(update={"hold_head_alone": False})})
    given_ticket = ticket("The agent I spoke to yesterday was rude. I expect an apology.")
    given_scores = scores(escalation=0.8, triggers={"technical": 0.2, "financial": 0.3, "legal": 0.05})

    held, sent_up = decide(given_ticket, given_scores, CONFIG), decide(given_ticket, given_scores, lets_it)

    assert (held.escalate, held.recommendation.tier) == (False, 1)
    assert "stays at tier 1" in held.reasons[0]
    assert (sent_up.escalate, sent_up.recommendation.tier, sent_up.recommendation.team) == (True, 2, "billing")
    assert sent_up.recommendation.abstain
    assert any("the escalation head escalates but no trigger reaches" in reason for reason in sent_up.reasons)


def test_without_triggers_choosing_the_team_the_team_head_routes_and_may_be_undecided():
    team_head_routes = CONFIG.model_copy(
        update={"routing": CONFIG.routing.model_copy(update={"triggers_choose_team": False})}
    )
    billing_by_trigger = {"technical": 0.3, "financial": 0.8, "legal": 0.05}
    decided = scores(escalation=0.9, triggers=billing_by_trigger, team={"technical": 0.7, "billing": 0.3})
    undecided = scores(escalation=0.9, triggers=billing_by_trigger, team={"technical": 0.4, "billing": 0.38})
    case = ticket("The invoice total is wrong and the API rejects the payment call.")

    assert decide(case, decided, team_head_routes).recommendation.team == "technical"
    assert decide(case, decided, CONFIG).recommendation.team == "billing"
    recommendation = decide(case, undecided, team_head_routes).recommendation
    assert (recommendation.team, recommendation.abstain) == ("technical", True)


def test_fired_rules_and_thresholds_are_recorded():
    decision = decide(CASES[3][1], CASES[3][2], CONFIG)

    assert decision.rules_fired == ["account.revenue_risk"]
    assert decision.reasons[0] == (
        'rule account.revenue_risk fired: signal churn_threat: "If this is not fixed by Friday we will cancel our '
        'subscription."; financial probability 0.75 >= 0.20; '
        "customer.annual_contract_value 450,000 >= 100,000 (annual contract value 450,000); "
        "tier 4 because customer.annual_contract_value 450,000 >= 250,000"
    )
    assert decision.reasons[1] == (
        "model: escalation probability 0.70 >= threshold 0.50: tier 2, team billing (financial 0.75)"
    )
    assert decision.thresholds["escalation"] == 0.5
    assert decision.thresholds["legal"] == 0.4
    assert decision.thresholds["team:billing"] == 0.5
    assert decision.trigger_labels == ["financial"]


def test_signal_rule_quotes_the_sentence_that_fired_it():
    decision = decide(CASES[1][1], CASES[1][2], CONFIG)

    assert decision.rules_fired == ["legal.exposure"]
    assert decision.reasons[0] == (
        'rule legal.exposure fired: signal regulator_complaint: "The financial ombudsman has opened an inquiry and '
        'asked for our records."; legal probability 0.35 >= 0.20; tier 4 because customer.strategic is true'
    )
    assert decision.recommendation.confidence == 1.0  # a rule decided, and named its team


def test_calibrated_thresholds_replace_the_configured_ones():
    calibration = Calibration(
        trigger_thresholds={"technical": 0.9, "financial": 0.3, "legal": 0.5},
        team_thresholds={},
        escalation_threshold=0.8,
        response_hours={},
    )
    decision = decide(CASES[2][1], CASES[2][2], CONFIG, calibration)

    assert decision.thresholds["escalation"] == 0.8
    assert decision.trigger_labels == ["financial"]
    assert (decision.recommendation.tier, decision.recommendation.team) == (1, "frontline")  # 0.70 < 0.80


def test_model_phrases_follow_the_rules():
    given = replace(
        CASES[2][2],
        explanations={
            "financial": [
                Contribution("text: 'cancel our subscription'", 0.42),
                Contribution("plan: basic", -0.2),
            ],
            "escalation": [Contribution("text: 'not fixed'", 0.31)],
            "team:billing": [Contribution("text: 'subscription'", 0.12)],
            "technical": [Contribution("text: 'fixed'", 0.5)],  # not a trigger label: not this decision's reason
        },
    )
    decision = decide(CASES[2][1], given, CONFIG)

    assert decision.reasons[-3:] == [
        "text: 'cancel our subscription' (+0.42 to financial)",
        "text: 'not fixed' (+0.31 to escalation)",
        "text: 'subscription' (+0.12 to team:billing)",
    ]


@pytest.mark.parametrize(
    ("mode", "confidence_floor", "auto_apply", "visible"),
    [
        ("recommend", 0.9, False, True),
        ("auto", 0.9, True, True),
        ("auto", 0.95, False, True),  # confidence 0.95 x 0.95 = 0.9025 is below the stricter floor
        ("shadow", 0.9, False, False),
    ],
)
def test_deployment_modes(mode, confidence_floor, auto_apply, visible):
    config = CONFIG.model_copy(update={"mode": mode, "auto_apply_min_confidence": confidence_floor})
    confident = scores(
        escalation=0.95,
        team={"technical": 0.95, "billing": 0.05},
        triggers={"technical": 0.95, "financial": 0.05, "legal": 0.05},  # the heads agree: no abstain
    )

    decision = decide(ticket("The API returns 500 on every call."), confident, config)

    assert decision.recommendation.confidence == pytest.approx(0.9025, abs=1e-3)
    assert (decision.mode, decision.auto_apply, decision.visible) == (mode, auto_apply, visible)


def test_decide_is_pure():
    given_ticket, given_scores = CASES[5][1], CASES[5][2]
    ticket_before, scores_before = given_ticket.model_copy(deep=True), copy.deepcopy(given_scores)

    first = decide(given_ticket, given_scores, CONFIG)
    second = decide(given_ticket, given_scores, CONFIG)

    assert first == second
    assert given_ticket == ticket_before and given_scores == scores_before


SIGNAL_NAMES = [
    "churn_threat",
    "cancellation",
    "billing_dispute",
    "chargeback",
    "legal_action",
    "regulator_complaint",
    "privacy_regulation",
    "outage",
    "data_loss",
    "error_code",
    "repeat_contact",
]
probability = st.floats(0, 1)


@settings(max_examples=300, deadline=None)
@given(
    triggers=st.fixed_dictionaries({"technical": probability, "financial": probability, "legal": probability}),
    team=st.one_of(st.just({}), st.dictionaries(st.sampled_from([t.name for t in CONFIG.teams]), probability)),
    signals=st.dictionaries(st.sampled_from(SIGNAL_NAMES), st.integers(0, 2)),
    contacts=st.integers(1, 5),
    failed=st.integers(0, 3),
    strategic=st.one_of(st.none(), st.booleans()),
    escalation=st.tuples(probability, probability).map(sorted),
    contract_value=st.tuples(st.floats(0, 2e6), st.floats(0, 2e6)).map(sorted),
    frustration=st.tuples(st.integers(0, 3), st.integers(0, 3)).map(sorted),
)
def test_tier_never_falls_when_risk_rises(
    triggers, team, signals, contacts, failed, strategic, escalation, contract_value, frustration
):
    trajectory = Trajectory(customer_contacts=contacts, agent_replies=1, hours_open=5.0, failed_attempts=failed)
    base = scores(triggers=triggers, team=team, signals=signals, trajectory=trajectory)

    def tier(step: int) -> int:
        level = frustration[step]
        given_scores = replace(base, escalation=escalation[step], frustration_level=level, frustration_score=level / 3)
        given_ticket = ticket("Something is wrong.", contract_value=contract_value[step], strategic=strategic)
        return decide(given_ticket, given_scores, CONFIG).recommendation.tier

    assert tier(1) >= tier(0)


# -- calibration ----------------------------------------------------------------------------------------


def brute_force_threshold(truth, proba, target):
    reaching = [t for t in np.unique(proba) if truth[proba >= t].mean() >= target]
    return min(reaching) if reaching else None


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_threshold_is_the_smallest_reaching_the_target_precision(seed):
    rng = np.random.default_rng(seed)
    proba = rng.uniform(size=400).round(3)
    truth = rng.uniform(size=400) < proba  # calibrated: precision grows with the threshold

    threshold = precision_threshold(truth, proba, target_precision=0.8, min_positives=20, default=0.5)

    assert threshold == pytest.approx(brute_force_threshold(truth, proba, 0.8))
    assert truth[proba >= threshold].mean() >= 0.8


@pytest.mark.parametrize(
    ("truth", "proba", "expected"),
    [
        ([1, 0, 0, 0], [0.9, 0.8, 0.7, 0.6], 0.5),  # one positive < min_positives=2: the default
        ([1, 1, 0, 0], [0.1, 0.2, 0.9, 0.8], 0.5),  # precision never reaches 0.8: the default
        ([1, 0, 0, 1], [0.9, 0.9, 0.9, 0.2], 0.5),  # ties move together: 0.9 predicts 3 rows (1/3), 0.2: 2/4
        ([1, 1, 0, 1], [0.9, 0.9, 0.9, 0.2], 0.2),  # 2/3 at 0.9 and 3/4 at 0.2: the smaller threshold
    ],
)
def test_threshold_fallbacks(truth, proba, expected):
    threshold = precision_threshold(
        np.array(truth), np.array(proba), target_precision=0.6, min_positives=2, default=0.5
    )

    assert threshold == expected


def test_calibrate():
    rng = np.random.default_rng(7)
    proba = rng.uniform(size=500)
    truth = (rng.uniform(size=500) < proba).astype(int)
    team_names = ["billing", "frontline", "technical"]
    team_truth = np.array(["technical"] * 250 + ["billing"] * 250)
    team_proba = np.zeros((500, 3))
    team_proba[:250, 2], team_proba[250:, 0] = 0.9, 0.9
    history = pd.DataFrame(
        {
            "tier": [2] * 6 + [3] * 2,
            "team": ["technical"] * 6 + ["legal_compliance"] * 2,
            "created_at": ["2026-01-01T00:00:00Z"] * 8,
            "resolved_at": [f"2026-01-01T{h:02d}:00:00Z" for h in (1, 2, 3, 4, 5, 10)] + ["2026-01-02T00:00:00Z"] * 2,
        }
    )

    calibration = calibrate(
        CONFIG,
        trigger_truth={"technical": truth, "legal": np.zeros(500, int)},
        trigger_proba={"technical": proba, "legal": proba},
        escalation_truth=truth,
        escalation_proba=proba,
        team_truth=team_truth,
        team_proba=team_proba,
        team_names=team_names,
        history=history,
    )

    expected = brute_force_threshold(truth, proba, 0.8)
    assert calibration.trigger_thresholds == {"technical": pytest.approx(expected), "legal": 0.4}
    assert calibration.escalation_threshold == pytest.approx(expected)
    # The team probabilities separate the teams perfectly: every threshold down to the floor is precise, so
    # the rows cannot choose one and the configured default applies.
    assert calibration.team_thresholds == {"billing": 0.5, "frontline": 0.5, "technical": 0.5}
    assert calibration.response_hours == {  # tier 3 has 2 resolved tickets, below min_tickets: no estimate
        "2:technical": {"median": 3.5, "p80": 5.0, "n": 6},
        "2:*": {"median": 3.5, "p80": 5.0, "n": 6},
    }
    assert Calibration.from_dict(calibration.to_dict()) == calibration


def test_learned_thresholds_never_go_below_the_floor():
    # Precision misses the target at the floor (10 of 15) and reaches it again at 0.04 (40 of 45), so the rows
    # can choose: their choice, 0.04, is raised to the floor.
    proba = np.r_[np.full(10, 0.95), np.full(5, 0.5), np.full(30, 0.04), np.full(400, 0.01)]
    truth = np.r_[np.ones(10, int), np.zeros(5, int), np.ones(30, int), np.zeros(400, int)]

    calibration = calibrate(
        CONFIG,
        trigger_truth={"technical": truth},
        trigger_proba={"technical": proba},
        escalation_truth=truth,
        escalation_proba=proba,
        team_truth=None,
        team_proba=None,
        team_names=[],
        history=None,
    )

    assert brute_force_threshold(truth, proba, 0.8) == pytest.approx(0.04)
    assert calibration.trigger_thresholds["technical"] == CONFIG.thresholds.floor == 0.3
    assert calibration.escalation_threshold == 0.3


@pytest.mark.parametrize(
    ("rule_channel", "ticket_channel", "fires"),
    [("phone", "voice", True), ("voice", "voice", True), ("phone", "email", False)],
)
def test_a_channel_rule_matches_the_helpdesk_name_or_the_channel_it_stands_for(rule_channel, ticket_channel, fires):
    from triage.policy.config import Condition
    from triage.policy.decision import _field_test

    condition = Condition.model_validate({"field": "channel", "equals": rule_channel})
    result = _field_test(condition, Ticket(id="C", body="hello", channel=ticket_channel))
    assert (result is not None) is fires
