"""The fitted model: one feature pipeline and the learned heads on top of it. It scores; it does not decide.

``TriageModel`` is what `triage train` writes and everything else loads. ``score(tickets)`` returns one
:class:`triage.scores.HeadScores` per ticket (probabilities, frustration, the signals and trajectory found,
explanations); the policy (triage.policy) turns those into decisions, and triage.pipeline joins the two.
Heads whose labels were absent at training time answer with the criteria-only scorers (signals and
lexicon) and say so in ``fallback_heads``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from scipy import sparse

from triage.errors import TriageError
from triage.model import lean
from triage.model.explain import AnalysedTicket, Explainer
from triage.model.features import (
    CUSTOMER_HISTORY_CUES,
    CUSTOMER_HISTORY_SIGNALS,
    FOUND_SIGNALS,
    SIGNAL_QUOTES,
    TEXT,
    TEXT_CUES,
    TRAJECTORY,
)
from triage.model.stacking import CONTEXT_HEADS, TEXT_HEADS, fold_evidence, meta_features, set_weight_layout
from triage.policy.calibration import Calibration
from triage.policy.config import EscalationConfig
from triage.schema import TRIGGERS, FrustrationTrend, ModelRef, Ticket
from triage.scores import Contribution, HeadScores
from triage.text.frustration import level_beside_a_head
from triage.text.signals import THREAD_SIGNALS, TRIGGER_SIGNALS, FoundSignals


@dataclass
class TriageModel:
    """Features, heads, policy and provenance: what `triage train` writes and everything else loads."""

    features: Any  # fitted triage.model.features pipeline
    heads: dict[str, Any]  # head name -> fitted CalibratedClassifierCV over a linear model
    config: EscalationConfig
    calibration: Calibration | None  # None only while training, before the policy is fitted
    metadata: dict[str, Any] = field(default_factory=dict)
    meta_columns: list[str] = field(default_factory=list)  # the second stage's input (triage.model.stacking)
    # The learned frustration head's share of the frustration score; the rest is the lexicon scorer
    # (triage.model.training.TrainSettings explains the share training gives it).
    frustration_learned_share: float = 1.0

    def __post_init__(self) -> None:
        set_weight_layout(self.heads, dense=True)

    # -- identity -------------------------------------------------------------------------------------
    @property
    def model_ref(self) -> ModelRef:
        return ModelRef(
            name=self.metadata.get("name", "triage"),
            version=str(self.metadata.get("version", "unregistered")),
            alias=self.metadata.get("alias"),
        )

    @property
    def fallback_heads(self) -> tuple[str, ...]:
        wanted = (*TRIGGERS, "escalation", "frustration", "team")
        return tuple(head for head in wanted if head not in self.heads)

    @property
    def team_names(self) -> list[str]:
        head = self.heads.get("team")
        return [str(name) for name in head.classes_] if head is not None else []

    # -- scoring --------------------------------------------------------------------------------------
    def analyse(self, tickets: Sequence[Ticket]) -> tuple[dict[str, list[Any]], sparse.csr_matrix]:
        """The model's input columns (with what the text analysers found, and the sentences behind the
        signals) and the feature matrix, each computed once; triage.model.lean does the fitted pipeline's
        arithmetic without scikit-learn's per-call checks."""
        columns = self.features.named_steps["columns"].from_tickets(tickets)
        return columns, lean.column_blocks(self.features.named_steps["features"], columns)

    def head_probabilities(self, X: sparse.csr_matrix) -> dict[str, np.ndarray]:
        """Each trained head's calibrated probabilities: (n,) for binary heads, (n, k) for the others."""
        return self._forward(X)[0]

    def _forward(self, X: sparse.csr_matrix) -> tuple[dict[str, np.ndarray], np.ndarray | None]:
        """Text heads on the feature matrix, then the context heads on their evidence (triage.model.stacking).
        Each head as its ``predict_proba`` would give it, computed by triage.model.lean."""
        out: dict[str, np.ndarray] = {}
        text_folds: dict[str, list[lean.FoldOutput]] = {}
        for name in TEXT_HEADS:
            if name in self.heads:
                proba, text_folds[name] = lean.calibrated_probabilities(self.heads[name], X)
                out[name] = proba[:, 1] if proba.shape[1] == 2 and name != "frustration" else proba
        meta = None
        if any(name in self.heads for name in CONTEXT_HEADS):
            text_evidence = {
                name: fold_evidence(name, folds, X, self.heads[name].classes_) for name, folds in text_folds.items()
            }
            meta, names = meta_features(X, text_evidence, self.features.named_steps["features"])
            if names != self.meta_columns:
                raise TriageError("the model's second-stage columns do not match its first stage; retrain it")
            for name in CONTEXT_HEADS:
                if name in self.heads:
                    proba = lean.calibrated_probabilities(self.heads[name], meta)[0]
                    out[name] = proba[:, 1] if name == "escalation" else proba
        return out, meta

    @cached_property
    def explainer(self) -> Explainer:
        return Explainer(self)

    def _explanations(
        self,
        X: sparse.csr_matrix,
        meta: np.ndarray | None,
        tickets: list[Ticket],
        columns: dict[str, list[Any]],
        teams: list[dict[str, float]],
    ) -> list[dict[str, list[Contribution]]]:
        """Every ticket's explanations, computed for the batch at once (triage.model.explain)."""
        analysed = [
            AnalysedTicket(text, ticket, path, team, quotes)
            for ticket, text, path, team, quotes in zip(
                tickets, columns[TEXT], columns[TRAJECTORY], teams, columns[SIGNAL_QUOTES], strict=True
            )
        ]
        return self.explainer.explain(X, meta, analysed)

    def score(self, tickets: Sequence[Ticket], explain: bool = True) -> list[HeadScores]:
        return self.score_with_heads(tickets, explain)[0]

    def score_with_heads(
        self, tickets: Sequence[Ticket], explain: bool = True
    ) -> tuple[list[HeadScores], dict[str, np.ndarray]]:
        """Each ticket's scores, and every trained head's own probabilities (for evaluation: the
        escalation_text and frustration heads feed the second stage and the blend, not HeadScores)."""
        tickets = list(tickets)
        if not tickets:
            return [], {}
        columns, X = self.analyse(tickets)
        probabilities, meta = self._forward(X)
        learned_share = self.frustration_learned_share if "frustration" in self.heads else 0.0
        levels = self.heads["frustration"].classes_.astype(float) if learned_share > 0 else None
        team_names, fallback_heads = self.team_names, self.fallback_heads
        teams = (
            [dict(zip(team_names, row.tolist(), strict=True)) for row in probabilities["team"]]
            if "team" in probabilities
            else [{} for _ in tickets]
        )
        explanations = self._explanations(X, meta, tickets, columns, teams) if explain else [{} for _ in tickets]
        results = []
        analysed = zip(
            columns[FOUND_SIGNALS],
            columns[TEXT_CUES],
            columns[CUSTOMER_HISTORY_CUES],
            columns[TRAJECTORY],
            columns[SIGNAL_QUOTES],
            columns[CUSTOMER_HISTORY_SIGNALS],
            strict=True,
        )
        for row, (found, cues, history_cues, path, quotes, earlier) in enumerate(analysed):
            signals = {name: len(spans) for name, spans in found.items() if spans}
            if earlier is not None:
                signals, quotes = _with_the_thread(signals, quotes, earlier)
            triggers = {
                name: float(probabilities[name][row]) if name in probabilities else fallback_trigger(name, signals)
                for name in TRIGGERS
            }
            escalation = (
                float(probabilities["escalation"][row]) if "escalation" in probabilities else max(triggers.values())
            )
            frustration_score, frustration_level = cues.score, cues.level
            if levels is not None:
                learned_level = float(np.dot(probabilities["frustration"][row], levels))
                lexicon_level = level_beside_a_head(frustration_score)
                frustration_score = learned_share * learned_level / 3.0 + (1 - learned_share) * frustration_score
                frustration_level = int(round(learned_share * learned_level + (1 - learned_share) * lexicon_level))
            trend = None
            if path.customer_contacts > 1:  # the customer wrote before this message
                history_level = level_beside_a_head(history_cues.score) if levels is not None else history_cues.level
                frustration_score, frustration_level = with_history(
                    frustration_score, frustration_level, history_cues.score, history_level
                )
                trend = frustration_trend(cues.score, history_cues.score)
            results.append(
                HeadScores(
                    triggers=triggers,
                    escalation=escalation,
                    frustration_score=min(1.0, max(0.0, frustration_score)),
                    frustration_level=frustration_level,
                    frustration_cues=cues.readable,
                    lexicon_frustration=cues.score,
                    team=teams[row],
                    signals=signals,
                    trajectory=path,
                    explanations=explanations[row],
                    fallback_heads=fallback_heads,
                    history_lexicon_frustration=history_cues.score,
                    frustration_trend=trend,
                    signal_quotes=quotes,
                )
            )
        return results, probabilities


def _with_the_thread(
    signals: dict[str, int], quotes: dict[str, tuple[str, ...]], earlier: FoundSignals
) -> tuple[dict[str, int], dict[str, tuple[str, ...]]]:
    """The message's signals and quotes, plus the thread signals (THREAD_SIGNALS) that only the customer's earlier
    turns hold, quoted from there. Only the policy reads them: the model's features are the message's own."""
    carried = [name for name in THREAD_SIGNALS if name not in signals and earlier.matches.get(name)]
    if not carried:
        return signals, quotes
    signals = {**signals, **{name: len(earlier.matches[name]) for name in carried}}
    quotes = {**quotes, **{name: earlier.quotes[name] for name in carried if name in earlier.quotes}}
    return signals, quotes


# Frustration across the conversation. The customer's earlier turns on the ticket (their lexicon analysis,
# triage.model.features.CUSTOMER_HISTORY_CUES) carry over to this message, faded: the score is at least
# HISTORY_CARRY times the history's lexicon score, and the level at least one below the history's level. So
# an angry history (3) with a polite message now reads frustrated (2), a frustrated one (2) mildly annoyed
# (1), and a calm message after calm turns stays calm. A message angrier than its history keeps its own score.
HISTORY_CARRY = 0.6
# The trend compares this message's lexicon score with the earlier turns': a change smaller than the margin
# is steady. Lexicon scores, not the blended ones, on both sides: the history has no learned-head score.
TREND_MARGIN = 0.12


def with_history(score: float, level: int, history_score: float, history_level: int) -> tuple[float, int]:
    """The frustration score and level of a message, raised by the lexicon score and level of the customer's
    earlier turns."""
    return max(score, HISTORY_CARRY * history_score), max(level, history_level - 1)


def frustration_trend(current: float, history: float) -> FrustrationTrend:
    """Whether this message is angrier than the customer's earlier turns ("rising"), calmer, or about the same."""
    if current - history >= TREND_MARGIN:
        return "rising"
    if history - current >= TREND_MARGIN:
        return "falling"
    return "steady"


def fallback_trigger(name: str, signals: dict[str, int]) -> float:
    """The criteria-only probability of a trigger, from the spaCy signals found in the ticket."""
    return criteria_probability(sum(signals.get(signal, 0) for signal in TRIGGER_SIGNALS[name]))


def criteria_probability(hits: int) -> float:
    """A trigger's probability from the number of signals that speak for it, with no head to ask."""
    # Saturating in the number of matches: one clear signal is ~0.6, three are ~0.95.
    return 1.0 - math.exp(-0.9 * hits) if hits else 0.05
