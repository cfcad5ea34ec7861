"""The triage model: one feature pipeline, learned heads on top of it, the escalation policy after them.

``TriageModel`` is the one object that training writes, the CLI and the service load, and every
prediction comes from: ``predict(tickets)`` is a pure function of the tickets, the fitted model and the
escalation configuration it carries. Heads whose labels were absent at training time answer with the
criteria-only scorers (signals and lexicon) and say so in ``fallback_heads``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.utils import murmurhash3_32

from triage.errors import TriageError
from triage.handoff.drafts import TECHNICAL_SIGNALS
from triage.io import to_frame
from triage.model import lean
from triage.model.features import CHAR_FEATURES, HISTORY_FEATURES, TOKEN_PATTERN, WORD_FEATURES, SeenNgramHasher
from triage.model.stacking import (
    CONTEXT_HEADS,
    TEXT_HEADS,
    calibration_slope,
    fold_evidence,
    linear_models,
    meta_features,
    set_weight_layout,
)
from triage.policy.config import EscalationConfig
from triage.policy.decision import Calibration
from triage.schema import TRIGGERS, ModelRef, Ticket
from triage.scores import Contribution, HeadScores
from triage.text.frustration import lexicon_frustration
from triage.text.signals import SIGNALS, find_signals
from triage.text.trajectory import Trajectory, trajectory

EXPLANATIONS_PER_HEAD = 4

# Criteria-only fallbacks: how strongly each signal, when present, points at a trigger. Used only for a
# head whose labels were absent from the training data; the model card says so.
FALLBACK_TRIGGER_SIGNALS: dict[str, tuple[str, ...]] = {
    "technical": TECHNICAL_SIGNALS,
    "financial": ("refund_request", "chargeback", "billing_dispute", "churn_threat"),
    "legal": ("legal_action", "privacy_regulation", "regulator_complaint", "fraud"),
}

_TOKEN = re.compile(TOKEN_PATTERN)


@lru_cache(maxsize=200_000)
def _hashed(term: str, n_features: int) -> int:
    # The same index scikit-learn's HashingVectorizer(alternate_sign=False) gives the term. Cached: ticket
    # vocabularies repeat, and explanations hash every word of every ticket.
    return abs(murmurhash3_32(term, seed=0)) % n_features


@lru_cache(maxsize=100_000)
def _char_indices(chunk: str, offset: int) -> np.ndarray:
    """The feature columns of the character n-grams (char_wb, 2-5) that one whitespace-separated chunk
    produces."""
    padded = f" {chunk} "
    grams = (padded[i : i + n] for n in range(2, 6) for i in range(len(padded) - n + 1))
    return np.fromiter((offset + _hashed(gram, CHAR_FEATURES) for gram in grams), dtype=np.int64)


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
    def transform(self, tickets: Sequence[Ticket]) -> sparse.csr_matrix:
        # triage.model.lean: the fitted pipeline's own arithmetic, without scikit-learn's per-call checks.
        return lean.transform(self.features, to_frame(tickets))

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
            text_evidence = {name: fold_evidence(name, folds, X) for name, folds in text_folds.items()}
            meta, names = meta_features(X, text_evidence, self.features.named_steps["features"])
            if names != self.meta_columns:
                raise TriageError("the model's second-stage columns do not match its first stage; retrain it")
            for name in CONTEXT_HEADS:
                if name in self.heads:
                    proba = lean.calibrated_probabilities(self.heads[name], meta)[0]
                    out[name] = proba[:, 1] if name == "escalation" else proba
        return out, meta

    def score(self, tickets: Sequence[Ticket], explain: bool = True) -> list[HeadScores]:
        tickets = list(tickets)
        if not tickets:
            return []
        X = self.transform(tickets)
        probabilities, meta = self._forward(X)
        texts = [f"{ticket.subject}\n{ticket.body}" for ticket in tickets]
        signals = find_signals(texts)
        lexicon = lexicon_frustration(texts)
        learned_share = self.frustration_learned_share if "frustration" in self.heads else 0.0
        results = []
        levels = self.heads["frustration"].classes_.astype(float) if learned_share > 0 else None
        team_names, fallback_heads = self.team_names, self.fallback_heads
        for row, ticket in enumerate(tickets):
            found = {name: len(spans) for name, spans in signals[row].items() if spans}
            path = trajectory(ticket)
            triggers = {
                name: float(probabilities[name][row]) if name in probabilities else fallback_trigger(name, found)
                for name in TRIGGERS
            }
            if "escalation" in probabilities:
                escalation = float(probabilities["escalation"][row])
            else:
                escalation = max(triggers.values())
            frustration_score, frustration_level, cues = lexicon[row]
            if levels is not None:
                learned_level = float(np.dot(probabilities["frustration"][row], levels))
                frustration_score = learned_share * learned_level / 3.0 + (1 - learned_share) * frustration_score
                frustration_level = int(round(learned_share * learned_level + (1 - learned_share) * frustration_level))
            team = (
                {name: float(p) for name, p in zip(team_names, probabilities["team"][row], strict=True)}
                if "team" in probabilities
                else {}
            )
            explanations = (
                self._explain(X[row], None if meta is None else meta[row], texts[row], ticket, path, team)
                if explain
                else {}
            )
            results.append(
                HeadScores(
                    triggers=triggers,
                    escalation=escalation,
                    frustration_score=min(1.0, max(0.0, frustration_score)),
                    frustration_level=frustration_level,
                    frustration_cues=list(cues),
                    team=team,
                    signals=found,
                    trajectory=path,
                    explanations=explanations,
                    fallback_heads=fallback_heads,
                )
            )
        return results

    # -- explanations ---------------------------------------------------------------------------------
    @cached_property
    def _named_features(self) -> dict[int, tuple[str, str]]:
        """Column index -> (block, feature name), for the blocks whose columns have names (not the hashed
        n-grams)."""
        columns = self.features.named_steps["features"]
        names: dict[int, tuple[str, str]] = {}
        for block, span in columns.output_indices_.items():
            if block in ("words", "chars", "history") or span.stop == span.start:
                continue
            transformer = columns.named_transformers_[block]
            for offset, name in enumerate(transformer.get_feature_names_out()):
                names[span.start + offset] = (block, str(name))
        return names

    @cached_property
    def _named_columns(self) -> np.ndarray:
        return np.fromiter(self._named_features, dtype=np.int64)

    @cached_property
    def _weights(self) -> dict[tuple[str, int | None], np.ndarray]:
        return {}

    def _linear_weights(self, head: str, class_index: int | None = None) -> np.ndarray:
        key = (head, class_index)
        if key not in self._weights:
            self._weights[key] = self._compute_linear_weights(head, class_index)
        return self._weights[key]

    def _compute_linear_weights(self, head: str, class_index: int | None = None) -> np.ndarray:
        """The head's weights in calibrated log-odds: the linear model's weights times the slope of its
        sigmoid calibration (averaged over calibration folds). For a context head, the weights apply to
        the standardised second-stage columns."""
        weights = []
        for fold, model in zip(self.heads[head].calibrated_classifiers_, linear_models(self.heads[head]), strict=True):
            linear = model.steps[-1][1] if hasattr(model, "steps") else model
            coef = linear.coef_.toarray() if sparse.issparse(linear.coef_) else np.asarray(linear.coef_)
            k = 0 if coef.shape[0] == 1 else (class_index or 0)
            calibrator = fold.calibrators[0 if len(fold.calibrators) == 1 else k]
            weights.append(coef[k] * calibration_slope(calibrator))
        return np.mean(weights, axis=0)

    def _standardised(self, head: str, meta_row: np.ndarray) -> np.ndarray:
        scaler = linear_models(self.heads[head])[0].steps[0][1]
        return (meta_row - scaler.mean_) / scaler.scale_

    def _explain(
        self,
        x: sparse.csr_matrix,
        meta_row: np.ndarray | None,
        text: str,
        ticket: Ticket,
        path: Trajectory,
        team: dict[str, float],
    ) -> dict[str, list[Contribution]]:
        """The strongest contributions to each head for this ticket, from the model's own weights and this
        ticket's feature values: text heads by phrase, context heads by second-stage column."""
        out: dict[str, list[Contribution]] = {}
        context = _context_phrases(ticket, path)
        text_heads = [name for name in (*TRIGGERS, "escalation_text") if name in self.heads]
        if text_heads:
            attribution = self._attribution(x, text, ticket, context)
            for head in text_heads:
                effect = attribution.split(self._linear_weights(head)[x.indices] * x.data)
                top = np.argsort(-np.abs(effect))[:EXPLANATIONS_PER_HEAD]
                out[head] = _strongest({attribution.phrases[i]: float(effect[i]) for i in top})
        if meta_row is not None:
            targets: list[tuple[str, str, int | None]] = []
            if "escalation" in self.heads:
                targets.append(("escalation", "escalation", None))
            if team:
                best = max(team, key=team.__getitem__)
                targets.append((f"team:{best}", "team", self.team_names.index(best)))
            for label, head, class_index in targets:
                standardised = self._standardised(head, meta_row)
                effect = self._linear_weights(head, class_index) * standardised
                # Columns sharing a phrase (a signal and its count, say) are merged among the strongest.
                totals: dict[str, float] = defaultdict(float)
                for i in np.argsort(-np.abs(effect))[: 3 * EXPLANATIONS_PER_HEAD]:
                    phrase = _meta_phrase(self.meta_columns[i], context, below_average=standardised[i] < 0)
                    totals[phrase] += float(effect[i])
                out[label] = _strongest(totals)
        return out

    def _attribution(self, x: sparse.csr_matrix, text: str, ticket: Ticket, context: dict[str, str]) -> _Attribution:
        """Readable phrases, and how each active feature of this ticket is shared among them.

        Word and character n-grams go to the words of this ticket's text that produce them (a bigram half
        to each word; a character n-gram split over the words containing it), so a word's contribution is
        what the model would lose without it. Other features are phrases of their own.
        """
        blocks = self.features.named_steps["features"].output_indices_
        phrase_ids: dict[str, int] = {}

        def ids(phrases: Iterable[str]) -> list[int]:
            return [phrase_ids.setdefault(phrase, len(phrase_ids)) for phrase in phrases]

        # Candidate (phrase, feature column, weight) entries, gathered as lists: a ticket has hundreds.
        # Terms the word blocks did not see in training give no feature (triage.model.features.SeenNgramHasher).
        words = [token.lower() for token in _TOKEN.findall(text)]
        bigrams = [f"{first} {second}" for first, second in pairwise(words)]
        seen = self._seen_terms("words", words + bigrams)
        kept_words, kept_bigrams = np.flatnonzero(seen[: len(words)]), np.flatnonzero(seen[len(words) :])
        start = blocks["words"].start
        word_rows = ids(f"mentions '{word}'" for word in words)
        # A bigram's share goes half to each of its two words.
        rows = [word_rows[i] for i in kept_words]
        rows += [word_rows[i] for i in kept_bigrams] + [word_rows[i + 1] for i in kept_bigrams]
        cols = [start + _hashed(words[i], WORD_FEATURES) for i in kept_words]
        cols += 2 * [start + _hashed(bigrams[i], WORD_FEATURES) for i in kept_bigrams]
        weights = [1.0] * len(kept_words) + [0.5] * (2 * len(kept_bigrams))
        start = blocks["history"].start
        history = [token.lower() for turn in ticket.history for token in _TOKEN.findall(turn.body)]
        history = [token for token, seen in zip(history, self._seen_terms("history", history), strict=True) if seen]
        rows += ids(f"history mentions '{token}'" for token in history)
        cols += [start + _hashed(token, HISTORY_FEATURES) for token in history]
        weights += [1.0] * len(history)
        named = x.indices[np.isin(x.indices, self._named_columns)]
        rows += ids(self._feature_phrase(int(index), context) for index in named)
        cols += named.tolist()
        weights += [1.0] * len(named)
        # Character n-grams: many per word, so gathered as arrays.
        start = blocks["chars"].start
        chunks = list(dict.fromkeys(text.lower().split()))  # char_wb's own word split, in text order
        char_cols = [_char_indices(chunk, start) for chunk in chunks]
        char_rows = ids(f"mentions '{_first_word(chunk)}'" for chunk in chunks)
        all_rows = np.concatenate([rows, np.repeat(char_rows, [len(indices) for indices in char_cols])]).astype(np.intp)
        all_cols = np.concatenate([cols, *char_cols]).astype(np.int64)
        values = np.concatenate([weights, np.ones(len(all_cols) - len(weights))])

        positions = np.searchsorted(x.indices, all_cols)
        present = positions < len(x.indices)
        present[present] = x.indices[positions[present]] == all_cols[present]
        all_rows, positions, values = all_rows[present], positions[present], values[present]
        totals = np.bincount(positions, weights=values, minlength=len(x.indices))
        unexplained = np.flatnonzero(totals == 0)  # hashed n-grams whose source we could not recover
        if len(unexplained):
            other = phrase_ids.setdefault("(other n-grams)", len(phrase_ids))
            all_rows = np.concatenate([all_rows, np.full(len(unexplained), other)])
            positions = np.concatenate([positions, unexplained])
            values = np.concatenate([values, np.ones(len(unexplained))])
            totals[unexplained] = 1.0
        return _Attribution(list(phrase_ids), all_rows, positions, values / totals[positions])

    def _seen_terms(self, block: str, terms: list[str]) -> np.ndarray:
        """Whether each term gives a feature in this word block (every term, for a plain hasher)."""
        hasher = self.features.named_steps["features"].named_transformers_[block].steps[0][1]
        return hasher.seen(terms) if isinstance(hasher, SeenNgramHasher) else np.ones(len(terms), dtype=bool)

    def _feature_phrase(self, index: int, context: dict[str, str]) -> str:
        block, name = self._named_features[index]
        if block == "signals":
            signal = name.split("signal:")[-1]
            return f"signal: {SIGNALS.get(signal, signal)}"
        if block in ("cues", "history_cues"):
            cue = _CUE_PHRASES.get(name.split("frustration:")[-1], name)
            return f"{'earlier customer turns' if block == 'history_cues' else 'this message'}: {cue}"
        if block == "plan_channel":
            return name.replace("_", ": ", 1)
        return context.get(name, name)


@dataclass(frozen=True)
class _Attribution:
    """Readable phrases, and how a ticket's active features are shared among them: entry k gives
    ``shares[k]`` of active feature ``positions[k]`` to phrase ``rows[k]``. Each feature's shares sum to 1,
    so ``split`` divides a head's score exactly."""

    phrases: list[str]
    rows: np.ndarray
    positions: np.ndarray
    shares: np.ndarray

    def split(self, contributions: np.ndarray) -> np.ndarray:
        """Each phrase's part of the per-feature contributions (one per active feature)."""
        return np.bincount(self.rows, weights=self.shares * contributions[self.positions], minlength=len(self.phrases))


def _first_word(chunk: str) -> str:
    token = _TOKEN.search(chunk)
    return token.group(0) if token else chunk


def _strongest(totals: dict[str, float]) -> list[Contribution]:
    ranked = sorted(totals.items(), key=lambda item: -abs(item[1]))
    return [Contribution(name, round(value, 3)) for name, value in ranked[:EXPLANATIONS_PER_HEAD] if abs(value) >= 0.01]


# Tone cues (triage.text.frustration.FEATURES) in words. Their features are standardised, so a cue's
# contribution compares this ticket with the average training ticket.
_CUE_PHRASES = {
    "vader_neg": "share of negative words",
    "vader_neu": "share of neutral words",
    "vader_pos": "share of positive words",
    "vader_compound": "overall sentiment",
    "caps_share": "ALL-CAPS words",
    "punctuation_runs": "repeated !!! or ???",
    "mild_frustration_words": "mild frustration words",
    "strong_frustration_words": "strong frustration words",
    "profanity": "profanity",
    "legal_threat": "a threat of legal action",
    "leaving_threat": "a threat to leave",
    "public_review_threat": "a threat of a public review",
    "sarcasm": "sarcasm",
    "repeat_contact": "repeated-contact phrases",
    "demands": "demands or accusations",
    "lexicon_score": "frustration lexicon score",
}

_EVIDENCE_PHRASES = {
    "technical": "the text reads as a technical problem",
    "financial": "the text reads as a financial matter",
    "legal": "the text reads as a legal or compliance matter",
    "frustration": "the customer's tone",
    "escalation_text": "escalation language in the text",
}


def _meta_phrase(column: str, context: dict[str, str], below_average: bool = False) -> str:
    """A second-stage column in words. Columns are standardised, so a weak value (below the average
    training ticket) pushes the other way: the phrase says so."""
    kind, _, name = column.partition(":")
    if kind == "text":
        return f"{'weak: ' if below_average else ''}{_EVIDENCE_PHRASES[name]}"
    if kind == "signals":
        signal = name.split("signal:")[-1]
        return f"signal: {SIGNALS.get(signal, signal)}"
    if kind == "plan_channel":
        return name.replace("_", ": ", 1)
    if kind == "context":
        return context.get(name, name)
    head, _, feature = name.partition("*")
    strength = "weak" if below_average else "strong"
    return f"{strength}: {_EVIDENCE_PHRASES[head]}, given {context.get(feature, feature)}"


def _context_phrases(ticket: Ticket, path: Trajectory) -> dict[str, str]:
    """Each context feature of this ticket (triage.model.features.NUMERIC) in words."""
    customer = ticket.customer
    value = customer.annual_contract_value if customer else None
    return {
        "log_contract_value": "contract value not provided" if value is None else f"contract value ${value:,.0f}",
        "contract_value_missing": "contract value not provided" if value is None else "contract value known",
        "strategic": "strategic account" if customer and customer.strategic else "not a strategic account",
        "log_customer_contacts": f"customer contact number {path.customer_contacts} on this ticket",
        "agent_replies": f"{path.agent_replies} agent replies so far",
        "log_hours_open": f"open {path.hours_open:.0f} h",
        "failed_attempts": f"{path.failed_attempts} failed troubleshooting attempts in the history",
    }


def fallback_trigger(name: str, signals: dict[str, int]) -> float:
    """The criteria-only probability of a trigger, from the spaCy signals found in the ticket."""
    hits = sum(signals.get(signal, 0) for signal in FALLBACK_TRIGGER_SIGNALS[name])
    # Saturating in the number of matches: one clear signal is ~0.6, three are ~0.95.
    return 1.0 - math.exp(-0.9 * hits) if hits else 0.05
