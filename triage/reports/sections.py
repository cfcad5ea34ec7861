"""The parts of the risk report that need no model: the closed history's weekly trends, the recent closed tickets
the trust section is measured on, and every chart. This module imports neither the model nor the pipeline, so a
helper process forked before the model loads (triage.reports.sharing) can prepare them meanwhile.

Each function here whose first argument is ``shared`` is a task for triage.reports.sharing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from triage.reports import kpis
from triage.schema import LabelledTicket

CALIBRATION_TICKETS = 1000  # the most recent closed tickets the trust section is measured on


@dataclass(frozen=True)
class ClosedHistory:
    """What the report takes from the closed history."""

    trends: dict[str, Any] | None  # weekly KPIs with their charts drawn; None without tickets
    recent: list[LabelledTicket]  # the most recent closed tickets with a known outcome, oldest first


def closed_history(shared: dict[str, Any]) -> ClosedHistory:
    """The trends and the recent closed tickets of ``shared["history"]``: closed tickets, or the file that holds
    them (read here: in a helper, while the model loads)."""
    from triage.io import read_labelled

    history = shared["history"]
    tickets = read_labelled(history) if isinstance(history, Path) else list(history)
    closed = [t for t in tickets if t.resolved_at is not None and t.escalated is not None]
    recent = sorted(closed, key=lambda t: t.created_at or datetime.min.replace(tzinfo=UTC))[-CALIBRATION_TICKETS:]
    return ClosedHistory(trends(tickets) if tickets else None, recent)


def trends(history: Sequence[LabelledTicket]) -> dict[str, Any]:
    """Week-over-week escalation KPIs from the closed history."""
    from triage.reports import charts

    frame = kpis.history_frame(history)
    weekly = kpis.escalation_frequency(frame, by="week")
    times = kpis.escalation_resolution_time(frame, by="week").set_index("week").reindex(weekly["week"])
    satisfaction = frame.dropna(subset=["csat"]).groupby("week")["csat"].mean().reindex(weekly["week"])
    return {
        "frequency_chart": charts.weekly_lines(
            weekly["week"], {"escalated share": weekly["escalation_share"]}, "Escalation frequency per week", "share"
        ),
        "time_chart": charts.weekly_lines(
            weekly["week"],
            {"median": times["median_hours"], "80th percentile": times["p80_hours"]},
            "Escalation resolution time per week",
            "hours",
        ),
        "csat_chart": charts.weekly_lines(
            weekly["week"], {"mean CSAT": satisfaction}, "Customer satisfaction per week", "CSAT (1-5)"
        ),
        "first_contact": kpis.first_contact_resolution_rate(frame).iloc[0].to_dict(),
        "csat": kpis.csat(frame).to_dict("records"),
    }


def open_charts(
    shared: dict[str, Any], probabilities: np.ndarray, by_team: list[dict[str, Any]], calibration: dict[str, list]
) -> dict[str, str | None]:
    """The distribution of risk, the expected escalations per team, and the reliability diagram of the recent
    closed tickets (``calibration``: the columns of kpis.escalation_calibration; empty without them)."""
    from triage.reports import charts

    return {
        "risk_chart": charts.histogram(
            probabilities, "Escalation risk of open tickets", "predicted escalation probability"
        )
        if len(probabilities)
        else None,
        "team_chart": charts.bars_with_intervals(
            [row["key"] for row in by_team],
            [row["mean"] for row in by_team],
            [row["low"] for row in by_team],
            [row["high"] for row in by_team],
            "Expected escalations among open tickets, per team (95% interval)",
            "tickets",
        )
        if by_team
        else None,
        "reliability_chart": charts.reliability(
            calibration["mean_predicted"],
            calibration["observed_rate"],
            calibration["tickets"],
            "Calibration on recent closed tickets",
        )
        if calibration
        else None,
    }
