"""Hand-off drafts and customer acknowledgements from hand-built model scores.

Golden files in tests/golden/ pin one hand-off per template. After an intended change to a template or to
the hand-off context, regenerate them and review the diff:

    TRIAGE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/handoff/test_drafts.py
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from factories import head_scores

from triage.errors import TriageError
from triage.handoff.drafts import choose_template, draft_acknowledgement, draft_handoff
from triage.policy.calibration import Calibration
from triage.policy.config import load_config
from triage.policy.decision import decide
from triage.schema import Escalation, Frustration, ModelRef, Prediction, Ticket
from triage.scores import Contribution
from triage.text.trajectory import trajectory

GOLDEN = Path(__file__).parents[1] / "golden"
UPDATE_GOLDEN = os.environ.get("TRIAGE_UPDATE_GOLDEN") == "1"
CONFIG = load_config()

TECHNICAL_TICKET = Ticket.model_validate(
    {
        "id": "T-1001",
        "subject": "API returns 500 since the upgrade",
        "body": "Still getting HTTP 500 errors on every export. This is the third time I write. Unacceptable.",
        "channel": "email",
        "created_at": "2026-03-03T10:00:00Z",
        "customer": {
            "name": "Ana Ruiz",
            "company": "Northwind Ltd",
            "plan": "enterprise",
            "annual_contract_value": 120000,
        },
        "history": [
            {"at": "2026-03-01T08:00:00Z", "author": "customer", "body": "Exports fail with error 500."},
            {
                "at": "2026-03-01T09:30:00Z",
                "author": "agent",
                "body": "We cleared the cache. Please try again. We'll get back to you within 24 hours.",
            },
            {"at": "2026-03-02T12:00:00Z", "author": "customer", "body": "Still not working."},
            {
                "at": "2026-03-02T13:00:00Z",
                "author": "agent",
                "body": "Please try reinstalling the connector.",
            },
        ],
    }
)
HIGH_VALUE_TICKET = Ticket.model_validate(
    {
        "id": "T-2002",
        "subject": "Renewal",
        "body": "You charged us twice this quarter. If this is not fixed by Friday we will not renew and "
        "will move to a competitor.",
        "channel": "email",
        "customer": {
            "name": "Lee Chen",
            "company": "Contoso",
            "plan": "enterprise",
            "annual_contract_value": 450000,
        },
    }
)
COMPLIANCE_TICKET = Ticket.model_validate(
    {
        "id": "T-3003",
        "subject": "Request under GDPR",
        "body": "Under GDPR article 15 I request a copy of all personal data you hold about me. I have also "
        "filed a complaint with the data protection authority.",
        "channel": "web_form",
    }
)


scores_for = head_scores


SCENARIOS = {
    "technical": (
        TECHNICAL_TICKET,
        scores_for(
            TECHNICAL_TICKET,
            triggers={"technical": 0.9, "financial": 0.05, "legal": 0.02},
            escalation=0.8,
            frustration_score=0.8,
            frustration_level=2,
            frustration_cues=["third contact about the same problem", '"unacceptable"'],
            team={"technical": 0.8, "billing": 0.1, "frontline": 0.1},
            signals={"error_code": 1, "repeat_contact": 1},
            explanations={"technical": [Contribution("text: 'returns 500'", 0.42)]},
        ),
    ),
    "high_value": (
        HIGH_VALUE_TICKET,
        scores_for(
            HIGH_VALUE_TICKET,
            triggers={"technical": 0.05, "financial": 0.85, "legal": 0.03},
            escalation=0.75,
            frustration_score=0.4,
            frustration_level=1,
            team={"billing": 0.5, "account_management": 0.4, "technical": 0.1},
            signals={"churn_threat": 1, "billing_dispute": 1, "deadline": 1},
            explanations={"financial": [Contribution("text: 'not renew'", 0.55)]},
        ),
    ),
    "compliance": (
        COMPLIANCE_TICKET,
        scores_for(
            COMPLIANCE_TICKET,
            triggers={"technical": 0.02, "financial": 0.02, "legal": 0.93},
            escalation=0.9,
            team={"legal_compliance": 0.9, "technical": 0.1},
            signals={"privacy_regulation": 2, "regulator_complaint": 1},
        ),
    ),
}


def prediction_for(ticket, scores, decision) -> Prediction:
    return Prediction(
        id=ticket.id,
        model=ModelRef(version="1"),
        triggers=scores.triggers,
        trigger_labels=decision.trigger_labels,
        escalation=Escalation(probability=scores.escalation, escalate=decision.escalate),
        frustration=Frustration(
            score=scores.frustration_score, level=scores.frustration_level, cues=scores.frustration_cues
        ),
        recommendation=decision.recommendation,
        reasons=decision.reasons,
    )


def handoff_for(name: str, **options):
    ticket, scores = SCENARIOS[name]
    decision = decide(ticket, scores, CONFIG)
    return draft_handoff(ticket, prediction_for(ticket, scores, decision), scores, decision, **options)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_handoff_matches_golden_file(name):
    handoff = handoff_for(name)
    rendered = f"Subject: {handoff.subject}\n\n{handoff.text}"
    golden = GOLDEN / f"handoff_{name}.txt"
    if UPDATE_GOLDEN:
        golden.write_text(rendered)

    assert handoff.template == name
    assert rendered == golden.read_text()


@pytest.mark.parametrize(
    ("name", "subject", "missing"),
    [
        (
            "technical",
            "[HIGH] T-1001: tier 3 technical: API returns 500 since the upgrade",
            [
                "reproduction steps (what the customer did, what happened, what they expected)",
                "the affected product or service",
            ],
        ),
        (
            "high_value",
            "[URGENT] T-2002: tier 4 account_management: Renewal",
            ["the account owner", "the order or invoice number", "the amount in dispute"],
        ),
        (
            "compliance",
            "[HIGH] T-3003: tier 3 legal_compliance: Request under GDPR",
            ["the customer's name", "the customer's company", "when the events happened (dates)"],
        ),
    ],
)
def test_subject_and_missing_information(name, subject, missing):
    handoff = handoff_for(name)

    assert handoff.subject == subject
    assert handoff.missing_information == missing
    for item in missing:
        assert f"- {item}" in handoff.text


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_no_placeholder_is_left_unfilled(name):
    handoff = handoff_for(name)

    for rendered in (handoff.text, handoff.html):
        assert "None" not in rendered
        assert "{{" not in rendered and "{%" not in rendered
        assert "  - \n" not in rendered and "<li></li>" not in rendered


def test_missing_data_reads_not_provided():
    text = handoff_for("compliance").text

    assert "Customer:    not provided, not provided" in text
    assert "Product:     not provided" in text
    assert "Created:     not provided" in text


def test_high_value_handoff_has_no_account_manager():
    assert "- account manager: not provided" in handoff_for("high_value").text


def test_html_is_escaped():
    ticket = TECHNICAL_TICKET.model_copy(update={"body": "Export fails: <script>alert('x')</script> & more"})
    scores = replace(SCENARIOS["technical"][1], trajectory=trajectory(ticket))
    decision = decide(ticket, scores, CONFIG)

    handoff = draft_handoff(ticket, prediction_for(ticket, scores, decision), scores, decision)

    assert "<script>" not in handoff.html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more" in handoff.html
    assert "<script>alert('x')</script>" in handoff.text  # plain text is not escaped


def test_user_template_directory_overrides_shipped_templates(tmp_path):
    (tmp_path / "technical.txt.j2").write_text("{{ ticket.id }} for {{ recommendation.team }}\n")

    handoff = handoff_for("technical", template_dir=tmp_path)

    assert handoff.text == "T-1001 for technical\n"
    assert "<h1>Technical hand-off" in handoff.html  # not overridden: the shipped template


def test_undefined_template_variable_is_an_error(tmp_path):
    (tmp_path / "technical.txt.j2").write_text("Owner: {{ customer.account_owner }}\n")

    with pytest.raises(TriageError, match="^hand-off template technical.txt.j2: .*'account_owner'"):
        handoff_for("technical", template_dir=tmp_path)


@pytest.mark.parametrize(
    ("trigger_labels", "team_template", "expected"),
    [
        (["legal", "financial"], "high_value", "compliance"),  # legal exposure first, whatever the team
        (["technical"], "technical", "technical"),
        (["financial"], "high_value", "high_value"),
        (["technical"], "high_value", "high_value"),  # the team's template
        (["financial"], None, "high_value"),  # no team template: the triggers
        ([], None, "technical"),
    ],
)
def test_template_choice(trigger_labels, team_template, expected):
    ticket, scores = SCENARIOS["technical"]
    decision = replace(decide(ticket, scores, CONFIG), handoff_template=team_template)
    prediction = prediction_for(ticket, scores, decision).model_copy(update={"trigger_labels": trigger_labels})

    assert choose_template(prediction, decision) == expected


# -- acknowledgements -----------------------------------------------------------------------------------

CALIBRATION = Calibration(
    trigger_thresholds={},
    team_thresholds={},
    escalation_threshold=0.5,
    response_hours={
        "3:technical": {"median": 20.0, "p80": 50.0, "n": 9},
        "3:*": {"median": 30.0, "p80": 70.0, "n": 40},
    },
)


def acknowledgement_for(ticket, scores, calibration=CALIBRATION):
    decision = decide(ticket, scores, CONFIG)
    return draft_acknowledgement(ticket, prediction_for(ticket, scores, decision), scores, decision, calibration)


def test_acknowledgement_for_repeated_contact_and_missed_promise():
    acknowledgement = acknowledgement_for(*SCENARIOS["technical"])

    assert acknowledgement.subject == "Update on your request T-1001: API returns 500 since the upgrade"
    assert acknowledgement.text == (
        "Hello Ana Ruiz,\n\n"
        'I understand how frustrating it is that your request ("API returns 500 since the upgrade") is still '
        "not resolved, and that this is the third time you have had to contact us about it. You should not "
        "have had to follow up.\n"
        'On 2026-03-01 09:30 we wrote "We\'ll get back to you within 24 hours", and we did not keep that '
        "promise. I am sorry.\n\n"
        "I have passed your request to our technical team, who handle cases like yours.\n"
        "In our records, similar requests handled by this team were resolved within 20 hours (the median) "
        "and 8 in 10 within 2 days.\n\n"
        "Next step: a specialist from our technical team will review your case and write to you with their "
        "findings; we aim to have it resolved within 2 days.\n\n"
        "Kind regards,\nCustomer Support\n"
    )


def test_a_kept_promise_gets_no_apology():
    history = [
        {"at": "2026-03-01T09:30:00Z", "author": "agent", "body": "We'll get back to you within 24 hours."},
        {"at": "2026-03-01T11:00:00Z", "author": "customer", "body": "Any news? Still failing."},
    ]
    data = TECHNICAL_TICKET.model_dump(mode="json")
    ticket = Ticket.model_validate({**data, "history": data["history"][:1] + history, "created_at": None})
    scores = replace(SCENARIOS["technical"][1], trajectory=trajectory(ticket))

    text = acknowledgement_for(ticket, scores).text

    assert "third time" in text
    assert "promise" not in text


def test_calm_customer_gets_next_steps_only():
    ticket, scores = SCENARIOS["compliance"]

    text = acknowledgement_for(ticket, scores).text

    assert text.startswith("Hello,\n\nI have passed your request to our legal compliance team")
    assert "resolved within 30 hours (the median) and 8 in 10 within 3 days" in text  # the tier-wide figure
    assert "sorry" not in text and "frustrating" not in text


def test_unknown_response_time_is_said_plainly():
    ticket, scores = SCENARIOS["high_value"]

    text = acknowledgement_for(ticket, scores, calibration=None).text

    assert "Expected response time: not available yet for this kind of request." in text
    assert "as soon as they have their findings" in text
