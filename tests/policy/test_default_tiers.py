"""The default criteria follow the labelling guide's tiers (docs/labelling.md, "Tiers and teams"): routine
privacy requests and a lawyer's question stay with the specialists at tier 2, management only for regulators,
breaches, lawsuits and large money, and a first contact never reaches management for "still broken".

Signals are found in each ticket's own text here (as the feature pipeline does), so a change in the signals'
context rules shows up in these decisions."""

from __future__ import annotations

import pytest
from factories import head_scores, ticket

from triage.policy.config import load_config
from triage.policy.decision import decide
from triage.schema import Ticket
from triage.scores import Contribution
from triage.text.signals import find_signals
from triage.text.trajectory import trajectory

CONFIG = load_config()
LEGAL = {"technical": 0.05, "financial": 0.1, "legal": 0.7}
TECHNICAL = {"technical": 0.9, "financial": 0.05, "legal": 0.05}


def _decide(case: Ticket, triggers: dict[str, float], **changes):  # noqa: ANN202
    [found] = find_signals([f"{case.subject}\n{case.body}"])
    counts = {name: len(matches) for name, matches in found.items()}
    scores = head_scores(case, triggers=triggers, signals=counts, **changes)
    return decide(case, scores, CONFIG)


@pytest.mark.parametrize(
    ("body", "contract_value", "strategic", "tier"),
    [
        ("Under the GDPR I request a copy of all personal data you hold about me.", None, None, 2),
        ("Please delete my personal data and confirm the right to erasure has been applied.", None, None, 2),
        ("Our counsel asks whether your data processing agreement covers sub-processors.", None, None, 2),
        ("The data protection authority has opened an investigation and asked for our records.", None, None, 3),
        ("We were hacked and customer personal data was exposed; this is a GDPR data breach.", None, None, 3),
        ("We have instructed our lawyers and will sue you for breach of contract.", None, None, 3),
        ("Under the GDPR I request a copy of all personal data you hold about us.", 400_000, None, 3),
        ("The regulator has opened an inquiry into how you store our customers' data.", 400_000, True, 4),
        # Strategic is defined by revenue (250,000 a year or more), flagged or not; tier 4 needs regulatory exposure
        # (a regulator, proceedings, a breach), not a routine privacy request from a strategic account.
        ("The regulator has opened an inquiry into how you store our customers' data.", 400_000, None, 4),
        ("Under the GDPR I request a copy of all personal data you hold about us.", 400_000, True, 3),
        ("The regulator has opened an inquiry into how you store our customers' data.", 120_000, None, 3),
        # A lawsuit filed and termination rights invoked are management's; a court's request for records is not.
        ("A complaint was filed in the Superior Court for our client; the summons is attached.", None, None, 3),
        ("Our client hereby exercises its right to terminate the agreement for material breach.", None, None, 3),
        ("Attached is a subpoena from the District Court requesting records for the account below.", None, None, 2),
        ("Do we have the right to terminate early under our agreement if we close the office?", None, None, 2),
    ],
)
def test_legal_matters_go_to_the_tier_the_guide_gives(body, contract_value, strategic, tier) -> None:
    decision = _decide(ticket(body, contract_value, strategic), LEGAL)

    assert (decision.recommendation.tier, decision.recommendation.team) == (tier, "legal_compliance")


def test_a_law_firm_as_the_customer_is_not_a_legal_matter() -> None:
    case = ticket("We are a law firm and our litigation team cannot open shared folders since the update.")
    decision = _decide(case, TECHNICAL, escalation=0.2)

    assert not [rule for rule in decision.rules_fired if rule.startswith("legal.")]


def test_still_broken_in_a_first_message_does_not_reach_management() -> None:
    case = ticket("Still nothing. The export is still broken and this is ridiculous!!")
    decision = _decide(case, TECHNICAL, frustration_level=2, escalation=0.6)

    assert "management.repeated_contact" not in decision.rules_fired
    assert decision.recommendation.tier == 2


def test_an_explicit_repeat_or_a_third_contact_does() -> None:
    explicit = ticket("This is the third time I'm writing about the broken export. Unacceptable.")
    history = [
        {"author": "customer", "body": "The export is broken."},
        {"author": "agent", "body": "Please clear your cache."},
        {"author": "customer", "body": "Did not help."},
        {"author": "agent", "body": "We are looking into it."},
    ]
    third = ticket("Still broken. This is ridiculous.", history=history)
    counted = ticket("I called twice about the broken export and nobody can say why. Ridiculous.")
    assert trajectory(third).customer_contacts == 3
    for case in (explicit, third, counted):
        decision = _decide(case, TECHNICAL, frustration_level=2, escalation=0.6)
        assert "management.repeated_contact" in decision.rules_fired
        assert decision.recommendation.tier == 3


def test_a_third_message_needs_only_mild_annoyance_but_wording_alone_needs_frustration() -> None:
    history = [
        {"author": "customer", "body": "Could you refund the GBP 360 difference on invoice 2093?"},
        {"author": "customer", "body": "Just following up on my message about the refund."},
    ]
    third = ticket("I haven't had a reply to my first two messages. Could someone confirm the refund?", history=history)
    second_time = ticket("This is the second time I'm asking: where do I change the invoice address?")
    assert trajectory(third).customer_contacts == 3

    mildly_annoyed = _decide(third, FINANCIAL, frustration_level=1, escalation=0.6)
    calm = _decide(third, FINANCIAL, frustration_level=0, escalation=0.6)
    wording_only = _decide(second_time, FINANCIAL, frustration_level=1, escalation=0.2)

    assert "management.repeated_contact" in mildly_annoyed.rules_fired
    # Billing has no management desk: a third chase of a refund is account management's.
    assert (mildly_annoyed.recommendation.tier, mildly_annoyed.recommendation.team) == (3, "account_management")
    assert "management.repeated_contact" not in calm.rules_fired
    assert "management.repeated_contact" not in wording_only.rules_fired


def test_rule_reasons_quote_the_sentence_and_model_phrases_collapse_by_phrase_and_sentence() -> None:
    case = ticket("Hello. We will sue you in court over this. Since yesterday nothing works.")
    explanations = {
        "legal": [
            Contribution("signal: mentions legal proceedings", 0.8),
            Contribution("mentions 'court'", 0.5),
            Contribution("mentions 'sue'", 0.2),  # the same sentence: one line with both words
        ],
        "escalation": [Contribution("signal: mentions legal proceedings", 0.6)],
    }
    decision = _decide(case, LEGAL, escalation=0.9, explanations=explanations)

    assert 'signal legal_action x2: "We will sue you in court over this."' in decision.reasons[0]
    model_lines = [reason for reason in decision.reasons if "to legal" in reason or "to escalation" in reason]
    assert model_lines[0] == "signal: mentions legal proceedings (+0.80 to legal, +0.60 to escalation)"
    assert model_lines[1] == "\"We will sue you in court over this.\" (mentions 'court', 'sue'; +0.70 to legal)"
    assert len(model_lines) == len(set(model_lines))


FINANCIAL = {"technical": 0.05, "financial": 0.8, "legal": 0.1}
FINANCIAL_AND_LEGAL = {"technical": 0.05, "financial": 0.7, "legal": 0.6}


@pytest.mark.parametrize(
    ("case", "body", "triggers", "tier", "team"),
    [
        (
            "a class-action notice",
            "Please be advised that a class action has been filed against your company in the Northern District.",
            FINANCIAL_AND_LEGAL,
            4,
            "legal_compliance",
        ),
        (
            "a customer joining a class action",
            "I read there is a class-action lawsuit about your renewal fees and want to join it.",
            FINANCIAL_AND_LEGAL,
            4,
            "legal_compliance",
        ),
        (
            "a class action negated: a law firm's question",
            "Our firm is not filing a class action; we only want to know how long you keep call recordings.",
            LEGAL,
            2,
            "legal_compliance",
        ),
        (
            "a large disputed invoice",
            "Your invoice bills us $184,000 for services that were never delivered. We dispute the full amount.",
            FINANCIAL,
            3,
            "account_management",  # management with the owning team: billing's management team
        ),
        (
            "a large account threatening to leave",
            "We spend about $400k a year with you and we are considering switching to a competitor.",
            FINANCIAL,
            3,
            "account_management",  # management with the owning team: billing's management team
        ),
        (
            "a small disputed charge",
            "You charged me $49.99 twice this month, I want the duplicate charge reversed.",
            FINANCIAL,
            2,
            "billing",
        ),
        (
            "a large sum in a budget, disputing nothing",
            "What would an enterprise plan cost for 2,000 users? Our budget is around $150,000 a year.",
            FINANCIAL,
            1,
            "frontline",
        ),
        (
            "a large sum in a how-to question",
            "How do I set a monthly spending limit of $250,000 for our finance team?",
            FINANCIAL,
            1,
            "frontline",
        ),
    ],
)
def test_class_actions_and_large_money_go_where_the_guide_says(case, body, triggers, tier, team) -> None:
    decision = _decide(ticket(body), triggers, escalation=0.2)

    assert (decision.recommendation.tier, decision.recommendation.team) == (tier, team), (case, decision.reasons)


OUTAGE = "Your platform has been down for six hours and our warehouses cannot ship orders."
TECHNICAL_WITH_MONEY = {"technical": 0.9, "financial": 0.55, "legal": 0.05}  # financial at its threshold (0.5)
TECHNICAL_WITH_A_HINT_OF_MONEY = {"technical": 0.9, "financial": 0.3, "legal": 0.05}  # below it


@pytest.mark.parametrize(
    ("case", "body", "contract_value", "triggers", "tier", "team"),
    [
        # Revenue at risk on a technical fault: the commercial relationship is account management's.
        (
            "an outage costing a strategic account money",
            f"{OUTAGE} We expect SLA credits, and our renewal is in March.",
            310_000,
            TECHNICAL_WITH_MONEY,
            4,
            "account_management",
        ),
        (
            "an outage costing a valuable account money",
            f"{OUTAGE} We expect SLA credits.",
            160_000,
            TECHNICAL_WITH_MONEY,
            3,
            "account_management",
        ),
        (
            "the same outage on a small account",
            f"{OUTAGE} We expect SLA credits.",
            9_000,
            TECHNICAL_WITH_MONEY,
            3,
            "technical",
        ),
        # Below its threshold the financial trigger needs the money in the ticket's own words. An outage happening
        # now with its cost and no compensation asked is technical's to fix (technical.live_incident); the same
        # cost told of a past outage is revenue at risk.
        (
            "a live outage with its cost in the ticket",
            f"{OUTAGE} Every hour costs us about $40,000 in orders.",
            160_000,
            TECHNICAL_WITH_A_HINT_OF_MONEY,
            3,
            "technical",
        ),
        (
            "a past outage with its cost in the ticket",
            "Your platform was down for six hours last Tuesday. It cost us about $40,000 in orders.",
            160_000,
            TECHNICAL_WITH_A_HINT_OF_MONEY,
            3,
            "account_management",
        ),
        # No money at stake in the models' reading or the words: an incident, which technical owns.
        ("an outage on a strategic account, no money at stake", OUTAGE, 310_000, TECHNICAL, 3, "technical"),
        (
            "an outage on a strategic account, a hint of money in the models only",
            OUTAGE,
            310_000,
            TECHNICAL_WITH_A_HINT_OF_MONEY,
            3,
            "technical",
        ),
        (
            "an outage negated on a strategic account",
            "There was no outage; we only want to know when the new reports ship.",
            310_000,
            TECHNICAL_WITH_A_HINT_OF_MONEY,
            1,
            "frontline",
        ),
    ],
)
def test_an_incident_with_money_at_stake_on_a_valuable_account_is_revenue_risk(
    case, body, contract_value, triggers, tier, team
) -> None:
    decision = _decide(ticket(body, contract_value), triggers, escalation=0.2)

    assert (decision.recommendation.tier, decision.recommendation.team) == (tier, team), (case, decision.reasons)


def test_a_fraud_report_asking_for_the_money_back_stays_with_the_fraud_specialists() -> None:
    stolen = ticket(
        "There are three charges from you on my card and I never signed up. Someone is using my card details. "
        "My bank told me to file a chargeback; I want to know which account it was and get the money back."
    )
    own_chargeback = ticket("Your refund of $260 never came, so I have filed a chargeback with my bank.")

    fraud = _decide(stolen, FINANCIAL_AND_LEGAL, escalation=0.9)
    billing = _decide(own_chargeback, FINANCIAL, escalation=0.9)

    assert {"billing.chargeback", "legal.specialist"} <= set(fraud.rules_fired)
    assert (fraud.recommendation.tier, fraud.recommendation.team) == (2, "legal_compliance")
    assert (billing.recommendation.tier, billing.recommendation.team) == (2, "billing")


def test_large_money_raises_the_tier_and_leaves_the_team_to_the_models() -> None:
    body = "We were billed $1.2 million instead of the $900,000 in the signed quote; this invoice is wrong."
    decision = _decide(ticket(body), FINANCIAL, escalation=0.2, team={"technical": 0.7, "billing": 0.3})

    assert "management.large_money" in decision.rules_fired
    assert decision.recommendation.tier == 3
    fired = "rule management.large_money fired: signal large_money"
    assert any(reason.startswith(fired) for reason in decision.reasons)


@pytest.mark.parametrize(
    "body",
    [
        "How do I rotate our API key without breaking the webhooks we already configured?",
        "Honestly not a fan of the new colour scheme, the grey sidebar is hard to read.",
        "Any plans for a dark mode? It would be great to have one.",
        "Is there a way to export the audit log as CSV?",
    ],
)
def test_how_to_questions_and_ui_feedback_fire_no_rule(body) -> None:
    decision = _decide(ticket(body), TECHNICAL, escalation=0.2)

    assert decision.rules_fired == [] and decision.recommendation.tier == 1


# Technical probability above its threshold (0.35 in the default file), as a model gives a takeover, but below
# the 0.5 that a security incident needs.
ACCOUNT_TAKEOVER = {"technical": 0.43, "financial": 0.2, "legal": 0.6}


def test_one_account_taken_over_is_a_fraud_report_for_the_specialists_not_an_incident() -> None:
    case = ticket("Someone got into my account last night and changed the login email. What else did they see?")
    decision = _decide(case, ACCOUNT_TAKEOVER, escalation=0.7)

    assert "technical.incident" not in decision.rules_fired
    assert (decision.recommendation.tier, decision.recommendation.team) == (2, "legal_compliance")


@pytest.mark.parametrize(
    ("body", "technical", "fires"),
    [
        ("We were hacked: an attacker exploited a vulnerability in your login page.", 0.9, True),
        ("Someone got into my account last night and changed the login email.", 0.43, False),
        ("Someone logged into my account from another country and changed my bank details.", 0.44, False),
        ("Someone got into our admin account last night and downloaded every customer's records.", 0.5, True),
        ("Your dashboard is down for everyone in our company.", 0.35, True),
        ("Since your release none of our scheduled report emails have gone out.", 0.9, False),
    ],
)
def test_incidents_need_the_technical_trigger_at_half_for_security(body, technical, fires) -> None:
    triggers = {"technical": technical, "financial": 0.05, "legal": 0.05}
    decision = _decide(ticket(body), triggers, escalation=0.7)

    assert ("technical.incident" in decision.rules_fired) is fires, decision.reasons


@pytest.mark.parametrize(
    ("body", "financial", "fires"),
    [
        # No money at stake: the financial head's 0.48 clears its own threshold (0.4) but not the 0.5 asked here.
        ("Someone accessed our account and exported the invoices list.", 0.48, False),
        ("Someone accessed our account and exported the invoices list.", 0.6, True),
        ("Your outage cost us $20,000 in lost sales.", 0.1, True),
    ],
)
def test_an_incident_on_a_large_account_is_revenue_risk_only_with_money_at_stake(body, financial, fires) -> None:
    triggers = {"technical": 0.6, "financial": financial, "legal": 0.05}
    decision = _decide(ticket(body, 150_000), triggers, escalation=0.7)

    assert ("account.revenue_risk" in decision.rules_fired) is fires, decision.reasons


@pytest.mark.parametrize(
    ("body", "tier", "team"),
    [
        (
            "Invoice 1187 bills $38,450 of overage we never used. We won't be paying this until we see the data.",
            3,
            "account_management",
        ),
        ("How do I pay this invoice by bank transfer? Our finance team asks.", 1, "frontline"),
    ],
)
def test_a_refused_invoice_on_a_large_account_reaches_account_management(body, tier, team) -> None:
    decision = _decide(ticket(body, contract_value=145_000), {"technical": 0.3, "financial": 0.36, "legal": 0.05})

    assert (decision.recommendation.tier, decision.recommendation.team) == (tier, team), decision.reasons


def test_a_buyer_asking_the_customer_for_a_refund_is_a_routine_ask() -> None:
    case = ticket("Our customer asked for a refund of $89; how do I issue a partial refund from the orders page?")
    decision = _decide(case, FINANCIAL, escalation=0.6)

    assert (decision.recommendation.tier, decision.recommendation.abstain) == (1, True), decision.reasons
    assert decision.trigger_labels == []


def test_a_price_the_customer_did_not_agree_to_is_a_billing_dispute() -> None:
    case = ticket("We were charged the old price of $49 instead of $39 after the plan change. Please fix the invoice.")
    decision = _decide(case, FINANCIAL, escalation=0.4)

    assert "billing.dispute" in decision.rules_fired
    assert (decision.recommendation.tier, decision.recommendation.team) == (2, "billing")


@pytest.mark.parametrize(
    ("body", "fires"),
    [
        # Signing in as a user is an admin feature, not impersonation fraud: no legal matter on a large account.
        ("Can admins impersonate a user to debug their dashboard?", False),
        ("How do I impersonate a user to see what they see?", False),
        ("Someone is impersonating our company and emailing our clients fake invoices.", True),
    ],
)
def test_impersonation_is_fraud_only_when_someone_passes_as_the_customer(body, fires) -> None:
    triggers = {"technical": 0.2, "financial": 0.1, "legal": 0.3}
    decision = _decide(ticket(body, 150_000), triggers, escalation=0.3)

    assert ("legal.large_account" in decision.rules_fired) is fires, decision.reasons
    assert (decision.recommendation.tier == 3) is fires, decision.reasons


@pytest.mark.parametrize(
    ("body", "triggers", "label"),
    [
        ("Is there a rate limit? Our integration has been down for six hours with 429 errors.", TECHNICAL, "technical"),
        (
            "Why did it charge more than the quote you sent us?",
            {"technical": 0.05, "financial": 0.98, "legal": 0.05},
            "financial",
        ),
        ("Do we need to upgrade? Your update broke our checkout and customers cannot pay.", TECHNICAL, "technical"),
    ],
)
def test_a_short_ask_before_a_problem_is_no_routine_ask(body, triggers, label) -> None:
    decision = _decide(ticket(body), triggers, escalation=0.7)

    assert not any("routine ask" in reason for reason in decision.reasons), decision.reasons
    assert label in decision.trigger_labels and decision.recommendation.tier >= 2
