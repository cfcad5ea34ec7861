"""The team head learns a helpdesk's own queues from the words (triage.model.stacking's team_text head).

Four specialist queues of a software company, every ticket technical and escalated: the trigger heads'
evidence, the signals and the account context are the same for every queue, so only the text can tell them
apart. The tickets are written here, for this test.
"""

from __future__ import annotations

import numpy as np
import pytest

from triage.evaluation import evaluate
from triage.model.training import TrainSettings, train
from triage.policy.config import EscalationConfig, load_config
from triage.schema import LabelledTicket

QUEUE_PROBLEMS = {
    "mobile_app": [
        "the iPhone app crashes when I open the barcode scanner",
        "the Android app hangs on the splash screen since the update",
        "push notifications stopped arriving on my phone",
        "the app signs me out whenever I switch to another app on the tablet",
        "offline mode never syncs after the tablet reconnects",
        "version 4.2 of the app freezes on the checkout screen",
    ],
    "reporting": [
        "the monthly revenue dashboard shows empty charts",
        "the CSV export of the sales report leaves out last week",
        "scheduled report emails have not gone out since Monday",
        "pivot table totals do not match the raw numbers",
        "the analytics widget times out when I filter by region",
        "the quarterly KPI report rounds every figure to zero",
    ],
    "single_sign_on": [
        "the Okta login loops back to the sign-in page",
        "the SAML assertion is rejected with an audience mismatch",
        "our Azure AD users cannot get in through single sign-on",
        "SCIM provisioning did not create accounts for the new hires",
        "the second-factor prompt never shows after the SSO redirect",
        "rotating the identity provider certificate broke the login",
    ],
    "integrations": [
        "the Salesforce sync duplicated every contact",
        "webhook deliveries to our endpoint come back with 401",
        "the Slack integration posts into the wrong channel",
        "the Zapier trigger stopped firing for new orders",
        "bulk import through the REST API hits 429 rate limits",
        "the HubSpot connector lost its field mapping",
    ],
}
OPENERS = ["Hi team,", "Hello,", "Good morning,", "Hi there,", ""]
DETAILS = [
    "It started this morning.",
    "We already cleared the cache and tried again.",
    "Several colleagues see the same thing.",
    "Nothing changed on our side as far as I know.",
    "It worked fine last week.",
]
CLOSERS = ["Can someone look at it today?", "Thanks for your help.", "Please advise.", ""]


def queue_tickets(per_queue: int, seed: int) -> list[LabelledTicket]:
    rng = np.random.default_rng(seed)
    tickets = []
    for queue, problems in QUEUE_PROBLEMS.items():
        for i in range(per_queue):
            first, second = rng.choice(len(problems), size=2, replace=False)
            body = " ".join(
                part
                for part in (
                    rng.choice(OPENERS),
                    f"{problems[first].capitalize()}.",
                    rng.choice(DETAILS),
                    f"Also, {problems[second]}." if rng.random() < 0.3 else "",
                    rng.choice(CLOSERS),
                )
                if part
            )
            tickets.append(
                LabelledTicket(
                    id=f"{queue}-{i}",
                    subject=problems[first][:40],
                    body=body,
                    triggers=["technical"],
                    escalated=True,
                    team=queue,
                )
            )
    return [tickets[i] for i in rng.permutation(len(tickets))]


def queues_config() -> EscalationConfig:
    """The shipped configuration with a first-tier team and the four queues at tier 2, and no rules (the
    shipped rules name the shipped teams)."""
    data = load_config().model_dump(mode="json", by_alias=True, exclude_none=True)
    queues = list(QUEUE_PROBLEMS)
    data["teams"] = [{"name": "frontline", "tier": 1}] + [{"name": name, "tier": 2} for name in queues]
    data["routing"] = {"first_tier_team": "frontline", "model_tier": 2, "trigger_teams": {}, "fallback_team": queues[0]}
    data["criteria"] = []
    data.pop("handoffs", None)
    return EscalationConfig.model_validate(data)


@pytest.fixture(scope="module")
def queues_model():
    tickets = queue_tickets(per_queue=60, seed=5)
    # Every ticket is technical and escalated: those heads have one value and are left to the rules.
    result = train(tickets, queues_config(), TrainSettings(skip_single_valued_heads=True))
    return result, [tickets[i] for i in result.split["test"]]


def test_the_triggers_cannot_tell_the_queues_apart_but_the_team_head_can(queues_model):
    result, test = queues_model
    model = result.model
    assert not any(name in model.heads for name in ("technical", "financial", "legal", "escalation"))
    assert sorted(model.team_names) == sorted(QUEUE_PROBLEMS)
    assert {f"text:team_text:{queue}" for queue in QUEUE_PROBLEMS} <= set(model.meta_columns)
    # Scored on the team labels alone: the other labels have one value here, which their metrics cannot rank.
    team_labels_only = [t.model_copy(update={"triggers": None, "escalated": None}) for t in test]
    team = evaluate(model, team_labels_only).report["heads"]["team"]
    assert team["n"] == len(test) >= 30
    # Chance is 0.25: only the words separate the queues.
    assert team["accuracy"] >= 0.9, team["confusion_matrix"]


def test_the_team_explanation_names_the_queue_the_text_reads_like(queues_model):
    result, test = queues_model
    [scores] = result.model.score([test[0]])
    best = max(scores.team, key=scores.team.__getitem__)
    phrases = [item.phrase for item in scores.explanations[f"team:{best}"]]
    assert any("reads like the" in phrase and "team's tickets" in phrase for phrase in phrases), phrases
