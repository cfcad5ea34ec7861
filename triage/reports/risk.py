"""The predicted-risk report: which open tickets are most likely to escalate, why, where they would go, what
to expect per team, how escalation has been going, and how far to trust the model. One self-contained HTML
page (inline SVG charts, a few lines of inline script to sort tables, no network), readable when printed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
import numpy as np

from triage.handoff.drafts import draft_handoff
from triage.pipeline import Triage
from triage.reports import charts, kpis
from triage.schema import TRIGGERS, LabelledTicket, Prediction, Ticket

TEMPLATES = Path(__file__).with_name("templates")
DEFAULT_TOP = 300  # ranked rows on the page, with reasons and hand-offs; totals and charts cover every ticket
CALIBRATION_TICKETS = 1000  # the most recent closed tickets the trust section is measured on
Z_95 = 1.96


@dataclass(frozen=True)
class Ranked:
    ticket: Ticket
    prediction: Prediction
    likely_team: str
    trend: str
    handoff: str | None


def risk_report(
    triage: Triage,
    open_tickets: Sequence[Ticket],
    history: Sequence[LabelledTicket] | None = None,
    top: int = DEFAULT_TOP,
    now: datetime | None = None,
) -> str:
    """The report page as HTML. Every open ticket is scored once without explanations (fast); the ``top``
    highest-risk ones are scored again with explanations for their reasons and hand-offs."""
    tickets = list(open_tickets)
    scores = triage.model.score(tickets, explain=False)
    decided = [triage.decide(ticket, row) for ticket, row in zip(tickets, scores, strict=True)]
    predictions = [prediction for prediction, _ in decided]
    # Where each ticket would go if it escalates: the policy's own route (its recommendation when it does).
    likely = [decision.route_team for _, decision in decided]
    order = sorted(range(len(tickets)), key=lambda i: -predictions[i].escalation.probability)
    ranked = _ranked(triage, [tickets[i] for i in order[:top]], [likely[i] for i in order[:top]])
    probabilities = np.array([p.escalation.probability for p in predictions])
    context: dict[str, Any] = {
        "generated_at": (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        "model": triage.model.model_ref,
        "policy": triage.policy.ref,
        "open_tickets": len(tickets),
        "top": len(ranked),
        "ranked": ranked,
        "expected_total": _expected(probabilities),
        "decided_escalations": sum(p.escalation.escalate for p in predictions),
        "by_team": _totals(predictions, likely),
        "by_tier": _totals(predictions, [str(p.recommendation.tier) for p in predictions]),
        "by_trigger": _trigger_totals(predictions),
        "risk_chart": charts.histogram(
            probabilities, "Escalation risk of open tickets", "predicted escalation probability"
        )
        if len(tickets)
        else None,
        "team_chart": _team_chart(predictions, likely),
        "trust": _trust(triage, history),
        "trends": _trends(history) if history else None,
    }
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    return environment.get_template("risk.html.j2").render(**context)


def _ranked(triage: Triage, tickets: list[Ticket], likely: list[str]) -> list[Ranked]:
    out = []
    for ticket, team, scores in zip(tickets, likely, triage.model.score(tickets), strict=True):
        prediction, decision = triage.decide(ticket, scores)
        handoff = (
            draft_handoff(ticket, prediction, scores, decision, config=triage.policy.config)
            if decision.escalate
            else None
        )
        out.append(
            Ranked(
                ticket,
                prediction,
                team,
                prediction.frustration.trend or "first message",
                None if handoff is None else f"Subject: {handoff.subject}\n\n{handoff.text}",
            )
        )
    return out


def _expected(probabilities: np.ndarray) -> dict[str, float]:
    """Expected escalations (the sum of probabilities) with a 95% interval (normal approximation of the
    Poisson-binomial: variance = sum p(1 - p)), clipped to [0, tickets]."""
    mean = float(probabilities.sum())
    spread = Z_95 * math.sqrt(float(np.sum(probabilities * (1 - probabilities))))
    return {"mean": mean, "low": max(0.0, mean - spread), "high": min(float(len(probabilities)), mean + spread)}


def _totals(predictions: list[Prediction], keys: list[str]) -> list[dict[str, Any]]:
    groups: dict[str, list[Prediction]] = defaultdict(list)
    for prediction, key in zip(predictions, keys, strict=True):
        groups[key].append(prediction)
    rows = []
    for key, group in sorted(groups.items()):
        expected = _expected(np.array([p.escalation.probability for p in group]))
        rows.append(
            {"key": key, "tickets": len(group), "escalate": sum(p.escalation.escalate for p in group), **expected}
        )
    return rows


def _trigger_totals(predictions: list[Prediction]) -> list[dict[str, Any]]:
    return [
        {
            "key": name,
            "labelled": sum(name in p.trigger_labels for p in predictions),
            "mean_probability": float(np.mean([p.triggers.get(name, 0.0) for p in predictions])) if predictions else 0,
        }
        for name in TRIGGERS
    ]


def _team_chart(predictions: list[Prediction], likely: list[str]) -> str | None:
    rows = _totals(predictions, likely)
    if not rows:
        return None
    return charts.bars_with_intervals(
        [row["key"] for row in rows],
        [row["mean"] for row in rows],
        [row["low"] for row in rows],
        [row["high"] for row in rows],
        "Expected escalations among open tickets, per team (95% interval)",
        "tickets",
    )


def _trust(triage: Triage, history: Sequence[LabelledTicket] | None) -> dict[str, Any]:
    """How far to trust the scores: measured on the most recent closed tickets when a history is given,
    else the model card's figures on its own test split."""
    escalation = triage.model.metadata.get("metrics", {}).get("escalation", {})
    calibration = triage.model.calibration
    trust: dict[str, Any] = {
        "threshold": calibration.escalation_threshold if calibration else None,
        "card_roc_auc": escalation.get("roc_auc"),
        "card_ece": escalation.get("ece"),
        "measured": None,
    }
    closed = [t for t in history or [] if t.resolved_at is not None and t.escalated is not None]
    closed = sorted(closed, key=lambda t: t.created_at or datetime.min.replace(tzinfo=UTC))[-CALIBRATION_TICKETS:]
    if not closed:
        return trust
    predictions = triage.predict(closed, explain=False)
    frame = kpis.history_frame(closed)
    table = kpis.escalation_calibration(frame, predictions)
    flagged = [p.escalation.escalate for p in predictions]
    hits = sum(f and bool(t.escalated) for f, t in zip(flagged, closed, strict=True))
    trust["measured"] = {
        "tickets": len(closed),
        "precision": hits / sum(flagged) if any(flagged) else None,
        "recall": hits / sum(bool(t.escalated) for t in closed) if any(t.escalated for t in closed) else None,
        "chart": charts.reliability(
            table["mean_predicted"], table["observed_rate"], table["tickets"], "Calibration on recent closed tickets"
        ),
    }
    return trust


def _trends(history: Sequence[LabelledTicket]) -> dict[str, Any]:
    """Week-over-week escalation KPIs from the closed history."""
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
