"""abstain.routine_ask: a how-to question or a feature request that names no problem is not sent up by the
models alone (docs/labelling.md: "a money amount in a how-to question is a setting or a price, not money at
stake"), and its trigger labels need the trigger's own signals. Signals are found in each ticket's own text,
so the signals' context rules show up in these decisions."""

from __future__ import annotations

import pytest
from factories import head_scores, ticket

from triage.policy.config import DEFAULT_CONFIG_PATH, ConfigError, load_config, parse_config
from triage.policy.decision import decide
from triage.schema import Ticket
from triage.text.signals import find_signals
from triage.text.trajectory import Trajectory

CONFIG = load_config()
# The heads read money words out of context: confident financial, escalation above any threshold.
MONEY_WORDS = {"technical": 0.1, "financial": 0.97, "legal": 0.05}
PRODUCT_WORDS = {"technical": 0.9, "financial": 0.05, "legal": 0.05}


def _decide(case: Ticket, triggers: dict[str, float], config=CONFIG, **changes):  # noqa: ANN001, ANN202
    [found] = find_signals([f"{case.subject}\n{case.body}"])
    scores = head_scores(case, triggers=triggers, signals={name: len(m) for name, m in found.items()}, **changes)
    return decide(case, scores, config)


@pytest.mark.parametrize(
    ("body", "triggers"),
    [
        ("How do I set a monthly limit of $5,000 per card for our field staff?", MONEY_WORDS),
        ("Where can I see the reason codes for chargebacks our shoppers open?", MONEY_WORDS),
        ("Is there a template for importing contacts? Mine failed with 'invalid header'.", PRODUCT_WORDS),
        ("Any plans for a dark mode? The new colour scheme is hard on the eyes.", PRODUCT_WORDS),
        ("Could you send us a renewal quote for 35 seats? Finance is planning next year's budget.", MONEY_WORDS),
        ("Can I give a contractor read-only access to one project before our audit on Friday?", PRODUCT_WORDS),
        # A setup that lacks a step, a first-contact fault with a request for what to try, sarcasm about a layout.
        ("We connected the chat integration last week but no messages show up. Did we miss a step?", PRODUCT_WORDS),
        ("The app logs me out every time I switch to another app. Anything I can try?", PRODUCT_WORDS),
        (
            "Whoever hid the daily report behind three clicks deserves a medal. Is there at least a way to pin it?",
            PRODUCT_WORDS,
        ),
        ("What is the difference in price between the team and business plans for 15 users?", MONEY_WORDS),
    ],
)
def test_a_routine_ask_stays_at_the_first_tier_for_human_review(body, triggers) -> None:
    decision = _decide(ticket(body), triggers, escalation=0.9)

    assert not decision.escalate and decision.recommendation.tier == 1
    assert decision.recommendation.abstain
    assert decision.trigger_labels == []
    assert any("routine ask" in reason for reason in decision.reasons)


@pytest.mark.parametrize(
    ("body", "triggers", "label"),
    [
        # A question that also disputes a charge, reports an error code or an outage names a problem.
        ("How do I get my money back? You charged me twice for March.", MONEY_WORDS, "financial"),
        ("How do I fix this? Every export returns HTTP 500 since Tuesday.", PRODUCT_WORDS, "technical"),
        ("Is there a way to reach anyone? The app is down for everyone in our office.", PRODUCT_WORDS, "technical"),
        # A request to undo a problem is no routine request: an unrecognised charge, a break-in, a lock-out.
        ("Please remove the charge of $499, I never authorised it.", MONEY_WORDS, "financial"),
        ("Could you please unlock my account? Someone tried to log in from Russia.", PRODUCT_WORDS, "technical"),
        (
            "Can you please reset my 2FA? I have been locked out for 3 days and cannot pay our staff.",
            PRODUCT_WORDS,
            "technical",
        ),
        ("Please update me on the status, our whole team is locked out since Monday.", PRODUCT_WORDS, "technical"),
        ("Could you send the signed contract today? It is urgent, our auditors are waiting.", MONEY_WORDS, "financial"),
        # No question at all: the gate never applies.
        ("The sync has dropped half our orders every night this week.", PRODUCT_WORDS, "technical"),
    ],
)
def test_a_question_that_names_a_problem_still_goes_up(body, triggers, label) -> None:
    decision = _decide(ticket(body), triggers, escalation=0.9)

    assert decision.escalate and decision.recommendation.tier >= 2
    assert label in decision.trigger_labels


@pytest.mark.parametrize(
    "trajectory",
    [
        Trajectory(customer_contacts=3, agent_replies=2, hours_open=50.0, failed_attempts=0),
        Trajectory(customer_contacts=1, agent_replies=1, hours_open=4.0, failed_attempts=1),
    ],
)
def test_a_chased_or_failed_thread_is_no_routine_ask(trajectory: Trajectory) -> None:
    # "Could you send" on a third contact, or after a fix that did not work, chases a problem.
    case = ticket("Any news? Could you send me the corrected invoice?")
    routine = _decide(case, MONEY_WORDS, escalation=0.9)
    chased = _decide(case, MONEY_WORDS, escalation=0.9, trajectory=trajectory)

    assert not routine.escalate and any("routine ask" in reason for reason in routine.reasons)
    assert chased.escalate and chased.trigger_labels == ["financial"]
    assert not any("routine ask" in reason for reason in chased.reasons)


def test_criteria_still_fire_on_a_routine_ask() -> None:
    # The gate holds back the models alone: a rule (here a GDPR request with legal support) decides as written.
    case = ticket("How do I request a copy of my personal data under the GDPR?")
    decision = _decide(case, {"technical": 0.05, "financial": 0.05, "legal": 0.8}, escalation=0.9)

    assert "legal.specialist" in decision.rules_fired
    assert decision.recommendation.tier == 2 and not decision.recommendation.abstain


def test_without_the_setting_the_models_escalate_routine_asks_as_before() -> None:
    config = CONFIG.model_copy(update={"abstain": CONFIG.abstain.model_copy(update={"routine_ask": None})})
    decision = _decide(ticket("How do I set a monthly limit of $5,000 per card?"), MONEY_WORDS, config, escalation=0.9)

    assert decision.escalate and decision.trigger_labels == ["financial"]


def test_an_unknown_routine_signal_is_refused_in_one_line() -> None:
    default = DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")
    text = default.replace("signals: [how_to_question, feature_feedback, resolved_update]", "signals: [how_to_qestion]")
    with pytest.raises(ConfigError, match=r"abstain\.routine_ask\.signals: unknown signal 'how_to_qestion'"):
        parse_config(text, "typo.yaml")


@pytest.mark.parametrize(
    "body",
    [
        "How do I get a refund for the storage add-on I bought by accident this morning?",
        "Where can I change our plan to monthly and have the unused months refunded?",
        "Can I switch to the monthly plan and get a refund for the rest of the year?",
    ],
)
def test_a_refund_asked_in_a_routine_ask_is_within_policy(body) -> None:
    # docs/labelling.md: a refund within policy stays at tier 1 and is no trigger; the heads still read "refund".
    decision = _decide(ticket(body), MONEY_WORDS, escalation=0.9)

    assert [name for name in ("how_to_question", "refund_request") if name in _signals(body)] == [
        "how_to_question",
        "refund_request",
    ]
    assert (decision.recommendation.tier, decision.trigger_labels) == (1, []), decision.reasons


@pytest.mark.parametrize(
    "body",
    [
        "How do I get a refund? You charged us twice for the same seats in May.",
        "How do I get a refund before my bank's chargeback goes through?",
        "How do I get a refund? I want this escalated to a manager today.",
    ],
)
def test_a_refund_beside_a_problem_still_goes_up(body) -> None:
    decision = _decide(ticket(body), MONEY_WORDS, escalation=0.9)

    assert decision.escalate and decision.trigger_labels == ["financial"], decision.reasons


def _signals(body: str) -> set[str]:
    [found] = find_signals([body])
    return set(found)


@pytest.mark.parametrize(
    "trajectory",
    [
        Trajectory(customer_contacts=2, agent_replies=1, hours_open=5.0, failed_attempts=0),
        Trajectory(customer_contacts=2, agent_replies=1, hours_open=5.0, failed_attempts=1),
    ],
)
def test_a_thread_closed_by_its_last_message_is_no_chase(trajectory: Trajectory) -> None:
    # The agent's fix worked and the customer says so: the models alone do not send the thanks up.
    closing = ticket("Reconnected the account as you said and everything is working again. No action needed, thanks!")
    still_open = ticket("Reconnected the account as you said but it still fails with the same error.")
    closed = _decide(closing, PRODUCT_WORDS, escalation=0.9, trajectory=trajectory)
    chased = _decide(still_open, PRODUCT_WORDS, escalation=0.9, trajectory=trajectory)

    assert not closed.escalate and any("routine ask" in reason for reason in closed.reasons)
    assert chased.escalate
