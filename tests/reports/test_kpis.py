"""Each KPI on a small table computed by hand, with an open ticket, a missing outcome and an empty week."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from triage.pipeline import escalation_probability
from triage.reports.kpis import (
    csat,
    escalation_calibration,
    escalation_flag_record,
    escalation_frequency,
    escalation_resolution_time,
    first_contact_resolution_rate,
    history_frame,
    team_performance,
)
from triage.schema import LabelledTicket, Prediction


def _ticket(number: int, created: str, hours: float | None, **labels) -> LabelledTicket:
    resolved = None if hours is None else pd.Timestamp(created) + pd.Timedelta(hours=hours)
    return LabelledTicket.model_validate(
        {
            "id": f"T-{number}",
            "subject": "s",
            "body": "b",
            "created_at": created,
            "resolved_at": None if resolved is None else resolved.isoformat(),
            **labels,
        }
    )


# Week of Mon 2026-03-02: T-1..T-4. Week of 2026-03-09: nothing. Week of 2026-03-16: T-5, T-6.
HISTORY = [
    _ticket(
        1,
        "2026-03-02T09:00:00Z",
        2,
        escalated=False,
        tier=1,
        team="frontline",
        csat=5,
        first_contact_resolution=True,
        reopen_count=0,
        escalation_level_reached=1,
    ),
    _ticket(
        2,
        "2026-03-03T09:00:00Z",
        10,
        escalated=True,
        tier=2,
        team="technical",
        triggers=["technical"],
        csat=2,
        first_contact_resolution=False,
        reopen_count=1,
        escalation_level_reached=2,
    ),
    _ticket(
        3,
        "2026-03-04T09:00:00Z",
        30,
        escalated=True,
        tier=2,
        team="technical",
        triggers=["technical"],
        csat=4,
        first_contact_resolution=False,
        reopen_count=0,
        escalation_level_reached=2,
    ),
    # Still open: counted as open, never as zero hours.
    _ticket(
        4,
        "2026-03-05T09:00:00Z",
        None,
        escalated=True,
        tier=3,
        team="legal_compliance",
        triggers=["legal"],
        escalation_level_reached=3,
    ),
    _ticket(
        5,
        "2026-03-16T09:00:00Z",
        50,
        escalated=True,
        tier=3,
        team="legal_compliance",
        triggers=["legal", "financial"],
        first_contact_resolution=False,
        escalation_level_reached=3,
    ),
    # Outcome unknown (no escalation label, no level): left out of every escalation share.
    _ticket(6, "2026-03-17T09:00:00Z", 1, csat=3, first_contact_resolution=True),
]


@pytest.fixture
def frame() -> pd.DataFrame:
    return history_frame(HISTORY)


def test_escalation_resolution_time_overall_and_per_team(frame):
    overall = escalation_resolution_time(frame).iloc[0]
    assert (overall["resolved"], overall["open"]) == (3, 1)
    assert overall["mean_hours"] == pytest.approx(30.0)  # (10 + 30 + 50) / 3, the open ticket left out
    assert overall["median_hours"] == pytest.approx(30.0)
    assert overall["p80_hours"] == pytest.approx(42.0)  # linear interpolation: 30 + 0.6 * 20

    per_team = escalation_resolution_time(frame, by="team").set_index("team")
    assert per_team.loc["technical", "mean_hours"] == pytest.approx(20.0)
    assert (per_team.loc["legal_compliance", "resolved"], per_team.loc["legal_compliance", "open"]) == (1, 1)
    per_trigger = escalation_resolution_time(frame, by="trigger").set_index("trigger")
    assert per_trigger.loc["legal", "mean_hours"] == pytest.approx(50.0)
    assert per_trigger.loc["financial", "resolved"] == 1


def test_csat_all_escalated_and_not(frame):
    table = csat(frame).set_index("scope")
    assert table.loc["all", "responses"] == 4  # T-1, T-2, T-3, T-6
    assert table.loc["all", "mean_csat"] == pytest.approx(3.5)
    assert table.loc["all", "satisfied_share"] == pytest.approx(0.5)
    assert table.loc["escalated", "mean_csat"] == pytest.approx(3.0)
    assert table.loc["not escalated", "responses"] == 1


def test_first_contact_resolution_among_resolved_tickets_with_the_field(frame):
    row = first_contact_resolution_rate(frame).iloc[0]
    assert row["tickets"] == 5  # T-4 is open
    assert row["first_contact_resolution_rate"] == pytest.approx(2 / 5)


def test_escalation_frequency_overall_per_trigger_and_per_week_with_an_empty_week(frame):
    overall = escalation_frequency(frame).iloc[0]
    assert (overall["tickets"], overall["escalated"]) == (5, 4)  # T-6's outcome is unknown
    assert overall["escalation_share"] == pytest.approx(0.8)

    weekly = escalation_frequency(frame, by="week")
    assert list(weekly["week"].dt.strftime("%Y-%m-%d")) == ["2026-03-02", "2026-03-09", "2026-03-16"]
    assert list(weekly["tickets"]) == [4, 0, 1]
    assert weekly["escalation_share"].iloc[0] == pytest.approx(0.75)
    assert math.isnan(weekly["escalation_share"].iloc[1])

    per_trigger = escalation_frequency(frame, by="trigger").set_index("trigger")
    assert per_trigger.loc["technical", "escalation_share"] == 1.0


def test_team_performance_per_level(frame):
    table = team_performance(frame).set_index(["level", "team"])
    technical = table.loc[(2, "technical")]
    assert (technical["tickets"], technical["resolved"], technical["open"]) == (2, 2, 0)
    assert technical["mean_csat"] == pytest.approx(3.0)
    assert technical["reopen_rate"] == pytest.approx(0.5)
    legal = table.loc[(3, "legal_compliance")]
    assert (legal["tickets"], legal["resolved"], legal["open"]) == (2, 1, 1)
    assert legal["resolved_share"] == pytest.approx(0.5)
    assert math.isnan(legal["reopen_rate"])  # T-5's reopen count is unknown, T-4 is open


def _prediction(number: int, model_probability: float | None, escalate: bool) -> Prediction:
    """A prediction as triage.pipeline makes one (None: stored before the model's figure was recorded)."""
    shown = escalation_probability(model_probability or 0.0, escalate)
    escalation = {"probability": shown, "escalate": escalate, "model_probability": model_probability}
    return Prediction.model_validate(
        {
            "id": f"T-{number}",
            "model": {"version": "1"},
            "triggers": {},
            "trigger_labels": [],
            "escalation": {k: v for k, v in escalation.items() if v is not None},
            "frustration": {"score": 0.0, "level": 0},
            "recommendation": {"tier": 1, "tier_name": "x", "team": "frontline", "confidence": 1.0, "abstain": False},
        }
    )


def test_the_models_record_per_week_and_its_calibration(frame):
    predictions = [
        _prediction(1, 0.7, True),
        _prediction(2, 0.9, True),
        _prediction(3, 0.2, False),
        _prediction(5, 0.95, True),
        _prediction(6, 0.9, True),
    ]

    record = escalation_flag_record(frame, predictions)
    first = record.iloc[0]
    assert (first["tickets"], first["flagged"], first["escalated"]) == (3, 2, 2)  # T-4 was not scored
    assert (first["precision"], first["recall"]) == (0.5, 0.5)
    assert (record.iloc[1]["precision"], record.iloc[1]["recall"]) == (1.0, 1.0)  # T-6: outcome unknown

    calibration = escalation_calibration(frame, predictions, bins=2).set_index("bin_low")
    assert calibration.loc[0.0, "tickets"] == 1 and calibration.loc[0.0, "observed_rate"] == 1.0
    assert calibration.loc[0.5, "mean_predicted"] == pytest.approx((0.7 + 0.9 + 0.95) / 3)
    assert calibration.loc[0.5, "observed_rate"] == pytest.approx(2 / 3)
    assert calibration.attrs["without_model_probability"] == 0


def test_an_empty_history_gives_empty_tables():
    empty = history_frame([])
    assert escalation_resolution_time(empty).iloc[0]["resolved"] == 0
    assert escalation_frequency(empty, by="week").empty
    assert team_performance(empty).empty
    assert math.isnan(first_contact_resolution_rate(empty).iloc[0]["first_contact_resolution_rate"])
    assert escalation_calibration(empty, []).empty


def test_calibration_bins_the_models_probability_not_the_one_with_the_verdict(frame):
    # A rule escalates T-3 at a model probability of 0.2: the prediction carries 0.6, the model said 0.2.
    predictions = [_prediction(1, 0.7, True), _prediction(3, 0.2, True)]
    calibration = escalation_calibration(frame, predictions, bins=2).set_index("bin_low")
    assert list(calibration.index) == [0.0, 0.5]
    assert calibration.loc[0.0, "mean_predicted"] == pytest.approx(0.2)
    assert calibration.loc[0.5, "mean_predicted"] == pytest.approx(0.7)


def test_calibration_leaves_out_and_counts_predictions_stored_without_the_models_probability(frame):
    predictions = [_prediction(1, 0.7, True), _prediction(2, None, True), _prediction(3, None, False)]
    calibration = escalation_calibration(frame, predictions, bins=2)
    assert calibration["tickets"].sum() == 1
    assert calibration.attrs["without_model_probability"] == 2
    assert escalation_flag_record(frame, predictions)["flagged"].sum() == 2  # the decisions still count
