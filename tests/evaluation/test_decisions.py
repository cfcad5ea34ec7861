"""The policy's decisions judged against labels, on a hand-computed table."""

from __future__ import annotations

import pytest

from triage.evaluation import decision_report
from triage.schema import LabelledTicket, Prediction


def _labelled(number: int, **labels) -> LabelledTicket:
    return LabelledTicket.model_validate({"id": f"T-{number}", "subject": "s", "body": "b", **labels})


def _predicted(number: int, escalate: bool, labels: list[str], tier: int, team: str) -> Prediction:
    return Prediction.model_validate(
        {
            "id": f"T-{number}",
            "model": {"version": "1"},
            "triggers": {"technical": 0.5, "financial": 0.5, "legal": 0.5},
            "trigger_labels": labels,
            "escalation": {"probability": 0.9 if escalate else 0.1, "escalate": escalate},
            "frustration": {"score": 0.0, "level": 0},
            "recommendation": {
                "tier": tier,
                "tier_name": "x",
                "team": team,
                "confidence": 0.9,
                "abstain": False,
            },
        }
    )


def test_decision_report_counts_by_hand():
    tickets = [
        _labelled(1, triggers=["technical"], escalated=True, tier=2, team="technical"),
        _labelled(2, triggers=[], escalated=False, tier=1, team="frontline"),
        _labelled(3, triggers=["financial"], escalated=True, tier=2, team="billing"),
        # Labelled for legal only: says nothing about technical or financial.
        _labelled(4, triggers=[], labelled_triggers=["legal"], escalated=False),
    ]
    predictions = [
        _predicted(1, True, ["technical"], 2, "technical"),  # all right
        _predicted(2, True, ["technical"], 2, "technical"),  # a false alarm, a false technical label
        _predicted(3, False, [], 1, "frontline"),  # a miss
        _predicted(4, False, ["technical"], 1, "frontline"),  # its technical label is not judged
    ]

    report = decision_report(tickets, predictions)

    assert report["escalate"] == {
        "n": 4,
        "accuracy": 0.5,
        "false_alarms": 1,
        "should_stay": 2,
        "misses": 1,
        "should_go_up": 2,
        # Pairs (went up, stayed) ranked by the probability: 0.9 = 0.9 (half), 0.9 > 0.1, 0.1 < 0.9, 0.1 = 0.1 (half).
        "roc_auc": 0.5,
    }
    technical = report["trigger_labels"]["technical"]
    assert (technical["precision"], technical["recall"], technical["support"]) == (0.5, 1.0, 1)
    assert report["trigger_labels"]["financial"]["recall"] == 0.0
    assert report["trigger_labels"]["legal"]["support"] == 0
    # Legal has no positive label here: it is left out of the mean rather than counted as 0.
    assert report["trigger_labels_macro_f1"] == pytest.approx((2 / 3 + 0) / 2)
    assert (report["tier_exact"], report["tier_n"]) == (pytest.approx(1 / 3), 3)
    assert (report["team_accuracy"], report["team_n"]) == (pytest.approx(1 / 3), 3)


def test_no_labels_no_sections():
    assert decision_report([_labelled(1)], [_predicted(1, False, [], 1, "frontline")]) == {}
