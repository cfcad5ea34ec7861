"""The escalation KPIs a support manager answers for, as pure functions over a labelled ticket history.

Every function takes the frame :func:`history_frame` builds (one row per ticket, outcome columns from the
data contract) and returns a small pandas DataFrame, so a notebook, a report page and a test read the same
numbers. Definitions (also in docs/kpis.md):

- a ticket is **escalated** when its ``escalated`` label is true; where that label is missing, when the level
  it reached (``escalation_level_reached``, else ``tier``) is above the first tier (1);
- a ticket is **open** when it has no ``resolved_at``; open tickets are counted as open and never as zero
  hours; a resolution before creation is a data error and is left out of times;
- the **week** of a ticket is the Monday-to-Sunday week (UTC) of its ``created_at``; weeks without tickets
  between the first and the last appear with no tickets, not as gaps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from triage.schema import LabelledTicket, Prediction

FIRST_TIER = 1
SATISFIED = 4  # CSAT of 4 or 5 out of 5 counts as satisfied


def history_frame(tickets: Sequence[LabelledTicket]) -> pd.DataFrame:
    """One row per ticket: id, created_at, resolved_at, hours to resolution (NaN while open), open, escalated,
    level (the escalation level reached, else the tier), tier, team, triggers, csat,
    first_contact_resolution, reopened, week."""
    rows = []
    for ticket in tickets:
        level = ticket.escalation_level_reached if ticket.escalation_level_reached is not None else ticket.tier
        escalated = (
            ticket.escalated if ticket.escalated is not None else (None if level is None else level > FIRST_TIER)
        )
        rows.append(
            {
                "id": ticket.id,
                "created_at": ticket.created_at,
                "resolved_at": ticket.resolved_at,
                "escalated": escalated,
                "level": level,
                "tier": ticket.tier,
                "team": ticket.team,
                "triggers": list(ticket.triggers or []),
                "csat": ticket.csat,
                "first_contact_resolution": ticket.first_contact_resolution,
                "reopened": None if ticket.reopen_count is None else ticket.reopen_count > 0,
            }
        )
    columns = ["id", "created_at", "resolved_at", "escalated", "level", "tier", "team", "triggers", "csat"]
    frame = pd.DataFrame(rows, columns=[*columns, "first_contact_resolution", "reopened"])
    created = pd.to_datetime(frame["created_at"], utc=True)
    resolved = pd.to_datetime(frame["resolved_at"], utc=True)
    hours = (resolved - created).dt.total_seconds() / 3600
    frame["created_at"], frame["resolved_at"] = created, resolved
    frame["open"] = resolved.isna()
    frame["hours"] = hours.where(hours >= 0)
    frame["week"] = created.dt.tz_localize(None).dt.to_period("W-SUN").dt.start_time
    return frame


def _time_summary(hours: pd.Series, open_count: int) -> dict[str, Any]:
    done = hours.dropna()
    return {
        "resolved": int(len(done)),
        "open": int(open_count),
        "mean_hours": float(done.mean()) if len(done) else np.nan,
        "median_hours": float(done.median()) if len(done) else np.nan,
        "p80_hours": float(done.quantile(0.8)) if len(done) else np.nan,
    }


def _groups(frame: pd.DataFrame, by: str | None) -> list[tuple[Any, pd.DataFrame]]:
    if by is None:
        return [("all", frame)]
    if by == "trigger":
        exploded = frame.explode("triggers")
        return [(name, group) for name, group in exploded.groupby("triggers") if isinstance(name, str)]
    return list(frame.groupby(by, dropna=True))


def escalation_resolution_time(frame: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Average escalation resolution time: hours from creation to resolution of escalated tickets (mean,
    median, 80th percentile of the resolved ones), with how many are resolved and how many still open;
    overall or per ``tier``, ``team`` or ``trigger``."""
    escalated = frame[frame["escalated"].eq(True)]
    rows = [
        {by or "scope": key, **_time_summary(group["hours"], int(group["open"].sum()))}
        for key, group in _groups(escalated, by)
    ]
    return pd.DataFrame(rows, columns=[by or "scope", "resolved", "open", "mean_hours", "median_hours", "p80_hours"])


def csat(frame: pd.DataFrame) -> pd.DataFrame:
    """Customer satisfaction: mean CSAT (1-5) and the share of 4-5 among tickets with a response, for all,
    escalated and not escalated tickets. Tickets without a response are not counted."""
    rows = []
    for scope, part in (
        ("all", frame),
        ("escalated", frame[frame["escalated"].eq(True)]),
        ("not escalated", frame[frame["escalated"].eq(False)]),
    ):
        answered = pd.to_numeric(part["csat"], errors="coerce").dropna()
        rows.append(
            {
                "scope": scope,
                "responses": int(len(answered)),
                "mean_csat": float(answered.mean()) if len(answered) else np.nan,
                "satisfied_share": float((answered >= SATISFIED).mean()) if len(answered) else np.nan,
            }
        )
    return pd.DataFrame(rows)


def first_contact_resolution_rate(frame: pd.DataFrame) -> pd.DataFrame:
    """First-contact resolution: the share of resolved tickets marked resolved on the first contact, among
    resolved tickets where the field is known (open tickets are not resolved yet, so not counted)."""
    known = frame[~frame["open"] & frame["first_contact_resolution"].notna()]
    rate = float(known["first_contact_resolution"].astype(bool).mean()) if len(known) else np.nan
    return pd.DataFrame([{"tickets": int(len(known)), "first_contact_resolution_rate": rate}])


def escalation_frequency(frame: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Escalation frequency: the share of tickets escalated, among tickets whose escalation is known;
    overall or per ``trigger``, ``team`` or ``week`` (every week from the first to the last, empty ones
    with 0 tickets and no share)."""
    known = frame[frame["escalated"].notna()]
    if by == "week":
        counts = known.groupby("week")["escalated"].agg(["size", lambda values: int(np.sum(values.astype(bool)))])
        counts.columns = ["tickets", "escalated"]
        if len(counts):
            weeks = pd.date_range(counts.index.min(), counts.index.max(), freq="7D")
            counts = counts.reindex(weeks, fill_value=0)
        counts.index.name = "week"
        out = counts.reset_index()
    else:
        rows = [
            {by or "scope": key, "tickets": int(len(group)), "escalated": int(group["escalated"].astype(bool).sum())}
            for key, group in _groups(known, by)
        ]
        out = pd.DataFrame(rows, columns=[by or "scope", "tickets", "escalated"])
    out["escalation_share"] = (out["escalated"] / out["tickets"]).where(out["tickets"] > 0)
    return out


def team_performance(frame: pd.DataFrame) -> pd.DataFrame:
    """Team performance per escalation level (the level a ticket reached, else its tier) and team: volume,
    resolution time of the resolved ones (mean, median), open tickets, mean CSAT, reopen rate (share of
    resolved tickets reopened at least once, where known) and the share resolved."""
    rows = []
    for (level, team), group in frame.dropna(subset=["level", "team"]).groupby(["level", "team"]):
        answered = pd.to_numeric(group["csat"], errors="coerce").dropna()
        reopened = group.loc[~group["open"], "reopened"].dropna()
        times = _time_summary(group["hours"], int(group["open"].sum()))
        rows.append(
            {
                "level": int(level),
                "team": team,
                "tickets": int(len(group)),
                "resolved": times["resolved"],
                "open": times["open"],
                "mean_hours": times["mean_hours"],
                "median_hours": times["median_hours"],
                "mean_csat": float(answered.mean()) if len(answered) else np.nan,
                "reopen_rate": float(reopened.astype(bool).mean()) if len(reopened) else np.nan,
                "resolved_share": times["resolved"] / len(group),
            }
        )
    return pd.DataFrame(rows)


def escalation_flag_record(frame: pd.DataFrame, predictions: Sequence[Prediction]) -> pd.DataFrame:
    """The model's own record once outcomes are known, per week: tickets with a known outcome, flagged
    (predicted to escalate), precision of the flags and recall of the escalations (NaN where undefined)."""
    joined = _joined(frame, predictions)
    rows = []
    for week, group in joined.groupby("week"):
        flagged, actual = group["flagged"], group["escalated"].astype(bool)
        hits = int((flagged & actual).sum())
        rows.append(
            {
                "week": week,
                "tickets": int(len(group)),
                "flagged": int(flagged.sum()),
                "escalated": int(actual.sum()),
                "precision": hits / flagged.sum() if flagged.sum() else np.nan,
                "recall": hits / actual.sum() if actual.sum() else np.nan,
            }
        )
    return pd.DataFrame(rows, columns=["week", "tickets", "flagged", "escalated", "precision", "recall"])


def escalation_calibration(frame: pd.DataFrame, predictions: Sequence[Prediction], bins: int = 10) -> pd.DataFrame:
    """Predicted against actual escalation: tickets binned by the escalation model's probability
    (``escalation.model_probability``, equal-width bins), each bin's mean predicted probability and observed
    escalation rate. Empty bins are left out. The prediction's ``escalation.probability`` is half the policy's
    verdict, so its curve would say nothing of the model. Predictions stored before the model's figure was
    recorded are left out, and counted in the result's ``attrs["without_model_probability"]``."""
    joined = _joined(frame, predictions)
    known = joined["model_probability"].notna()
    joined = joined[known]
    which = np.clip((joined["model_probability"].to_numpy(dtype=float) * bins).astype(int), 0, bins - 1)
    rows = []
    for index in range(bins):
        part = joined[which == index]
        if len(part):
            rows.append(
                {
                    "bin_low": index / bins,
                    "bin_high": (index + 1) / bins,
                    "tickets": int(len(part)),
                    "mean_predicted": float(part["model_probability"].mean()),
                    "observed_rate": float(part["escalated"].astype(bool).mean()),
                }
            )
    table = pd.DataFrame(rows, columns=["bin_low", "bin_high", "tickets", "mean_predicted", "observed_rate"])
    table.attrs["without_model_probability"] = int((~known).sum())
    return table


def _joined(frame: pd.DataFrame, predictions: Sequence[Prediction]) -> pd.DataFrame:
    """Tickets with a known outcome and a prediction, joined on id."""
    scored = pd.DataFrame(
        [
            {"id": p.id, "model_probability": p.escalation.model_probability, "flagged": p.escalation.escalate}
            for p in predictions
        ],
        columns=["id", "model_probability", "flagged"],
    )
    known = frame[frame["escalated"].notna()][["id", "week", "escalated"]]
    return known.merge(scored, on="id", how="inner")
