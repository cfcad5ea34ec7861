"""What the models say about one ticket, before any escalation rule runs.

The engine (triage.model.scorer) produces one HeadScores per ticket; the policy layer (triage.policy.decision) turns it,
the ticket and the escalation configuration into a recommendation. Keeping this boundary explicit lets the
criteria change without retraining and the models change without touching the criteria.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from triage.schema import FrustrationTrend
from triage.text.trajectory import Trajectory


@dataclass(frozen=True)
class Contribution:
    """One reason a head scored what it did: a readable phrase and its signed effect on that head's score
    (log-odds units for linear heads)."""

    phrase: str
    weight: float


@dataclass(frozen=True)
class HeadScores:
    triggers: dict[str, float]  # 'technical' / 'financial' / 'legal' -> calibrated probability
    escalation: float  # calibrated probability that the ticket should leave tier 1
    frustration_score: float  # 0-1
    frustration_level: int  # 0 calm, 1 mildly annoyed, 2 frustrated, 3 angry or threatening
    frustration_cues: list[str]
    lexicon_frustration: float  # the criteria-only (lexicon) frustration score, the baseline of the head
    team: dict[str, float]  # team name -> calibrated probability; empty when no team head was trained
    signals: dict[str, int]  # spaCy escalation signal name -> matches in this ticket (negated uses excluded)
    trajectory: Trajectory
    # head name ('technical', 'escalation', 'team:billing', ...) -> top contributions, strongest first
    explanations: dict[str, list[Contribution]] = field(default_factory=dict)
    # heads answered by the criteria-only fallback because their labels were absent from training
    fallback_heads: tuple[str, ...] = ()
    # the lexicon score of the customer's earlier turns on this ticket (0 without any): the frustration trend
    history_lexicon_frustration: float = 0.0
    # this message against the customer's earlier turns ("rising", "steady", "falling"); None without any
    frustration_trend: FrustrationTrend | None = None
    # signal name -> the sentences of the ticket that fired it, from the model's own analysis; None when the
    # scores were made otherwise (the decision then reads the text again, triage.text.signals.signal_evidence)
    signal_quotes: dict[str, tuple[str, ...]] | None = None
