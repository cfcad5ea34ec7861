"""Why each head scored what it did for one ticket, read from the model's own weights and the ticket's
feature values: text heads by phrase (a word's share of its n-grams), context heads by second-stage column.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from triage.model.features import (
    CHAR_FEATURES,
    HISTORY_FEATURES,
    TOKEN_PATTERN,
    WORD_FEATURES,
    SeenNgramHasher,
    char_wb_columns,
    hashed_column,
)
from triage.model.stacking import calibration_slope, linear_models
from triage.schema import TRIGGERS, Ticket
from triage.scores import Contribution
from triage.text.signals import SIGNALS
from triage.text.trajectory import Trajectory

if TYPE_CHECKING:
    from triage.model.scorer import TriageModel

EXPLANATIONS_PER_HEAD = 4

_TOKEN = re.compile(TOKEN_PATTERN)

# Words with no meaning of their own as a reason ("since", "we", "yesterday", "happened"): their share of a
# head's score goes to FUNCTION_WORDS, which is never shown. A lead reads a reason as "this is why"; a
# function word, a greeting, a time word or a bare number is never why.
_NO_MEANING = (
    "yesterday today tomorrow tonight morning afternoon evening night week weeks month months year years day days "
    "hour hours minute minutes ago now recently lately currently soon happen happens happened happening get gets "
    "got getting did does doing done make makes made say says said tell told thing things stuff way lot lots "
    "really just ve ll re d m s t hi hello hey dear thanks thank please regards cheers team guys folks ok okay "
    "know let like want wanted need needed tried try trying use using used able also etc"
)
MEANINGLESS_WORDS = frozenset(ENGLISH_STOP_WORDS) | frozenset(_NO_MEANING.split())
_CONTRACTION = re.compile(r"(?:'(?:s|m|re|ve|ll|d)|n't)$")
FUNCTION_WORDS = "(function words)"
_UNSHOWN = frozenset({FUNCTION_WORDS, "(other n-grams)"})


def has_meaning(word: str) -> bool:
    """Whether a word can stand as a reason: not a function word (contracted or not: "i'm", "there's"), a time
    word, a bare number or one letter."""
    base = _CONTRACTION.sub("", word.replace("’", "'"))
    return len(base) > 1 and base not in MEANINGLESS_WORDS and not base.replace(",", "").replace(".", "").isdigit()


@lru_cache(maxsize=100_000)
def _word_phrase(word: str, prefix: str = "mentions") -> str:
    # Cached: every word of every ticket is named, and ticket vocabularies repeat.
    return f"{prefix} '{word}'" if has_meaning(word) else FUNCTION_WORDS


@dataclass(frozen=True)
class FeatureRow:
    """One ticket's row of the feature matrix: the columns of its non-zero values (sorted) and the values,
    read from the matrix's arrays (a scipy row slice costs more than explaining it)."""

    indices: np.ndarray
    data: np.ndarray

    @classmethod
    def of(cls, X: sparse.csr_matrix, row: int) -> FeatureRow:
        start, stop = X.indptr[row], X.indptr[row + 1]
        return cls(X.indices[start:stop], X.data[start:stop])


class Explainer:
    """Explanations for one fitted model; the weight look-ups are computed once per head and kept."""

    def __init__(self, model: TriageModel) -> None:
        self.model = model

    @cached_property
    def _named_features(self) -> dict[int, tuple[str, str]]:
        """Column index -> (block, feature name), for the blocks whose columns have names (not the hashed
        n-grams)."""
        columns = self.model.features.named_steps["features"]
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
        for fold, model in zip(
            self.model.heads[head].calibrated_classifiers_, linear_models(self.model.heads[head]), strict=True
        ):
            linear = model.steps[-1][1] if hasattr(model, "steps") else model
            coef = linear.coef_.toarray() if sparse.issparse(linear.coef_) else np.asarray(linear.coef_)
            k = 0 if coef.shape[0] == 1 else (class_index or 0)
            calibrator = fold.calibrators[0 if len(fold.calibrators) == 1 else k]
            weights.append(coef[k] * calibration_slope(calibrator))
        return np.mean(weights, axis=0)

    def _standardised(self, head: str, meta_row: np.ndarray) -> np.ndarray:
        scaler = linear_models(self.model.heads[head])[0].steps[0][1]
        return (meta_row - scaler.mean_) / scaler.scale_

    def explain(
        self,
        x: FeatureRow,
        meta_row: np.ndarray | None,
        text: str,
        ticket: Ticket,
        path: Trajectory,
        team: dict[str, float],
        signal_quotes: dict[str, tuple[str, ...]],
    ) -> dict[str, list[Contribution]]:
        """The strongest contributions to each head for this ticket, from the model's own weights and this
        ticket's feature values: text heads by phrase, context heads by second-stage column. Signals are
        quoted from ``signal_quotes`` (triage.text.signals.FoundSignals.quotes of ``text``)."""
        out: dict[str, list[Contribution]] = {}
        quotes = {name: said[0] for name, said in signal_quotes.items()}
        context = _context_phrases(ticket, path)
        text_heads = [name for name in (*TRIGGERS, "escalation_text") if name in self.model.heads]
        if text_heads:
            attribution = self._attribution(x, text, ticket, context, quotes)
            for head in text_heads:
                effect = attribution.split(self._linear_weights(head)[x.indices] * x.data)
                top = np.argsort(-np.abs(effect))[:EXPLANATIONS_PER_HEAD]
                out[head] = _strongest({attribution.phrases[i]: float(effect[i]) for i in top})
        if meta_row is not None:
            evidence = _Evidence(
                quotes,
                {head: _named_words(contributions) for head, contributions in out.items()},
            )
            targets: list[tuple[str, str, int | None]] = []
            if "escalation" in self.model.heads:
                targets.append(("escalation", "escalation", None))
            if team:
                best = max(team, key=team.__getitem__)
                targets.append((f"team:{best}", "team", self.model.team_names.index(best)))
            for label, head, class_index in targets:
                standardised = self._standardised(head, meta_row)
                effect = self._linear_weights(head, class_index) * standardised
                # Columns sharing a phrase (a signal and its count, say) are merged among the strongest.
                totals: dict[str, float] = defaultdict(float)
                for i in np.argsort(-np.abs(effect))[: 3 * EXPLANATIONS_PER_HEAD]:
                    phrase = _meta_phrase(
                        self.model.meta_columns[i], context, evidence, below_average=standardised[i] < 0
                    )
                    totals[phrase] += float(effect[i])
                out[label] = _strongest(totals)
        return out

    def _attribution(
        self, x: FeatureRow, text: str, ticket: Ticket, context: dict[str, str], quotes: dict[str, str]
    ) -> _Attribution:
        """Readable phrases, and how each active feature of this ticket is shared among them.

        Word and character n-grams go to the words of this ticket's text that produce them (a bigram half
        to each word; a character n-gram split over the words containing it), so a word's contribution is
        what the model would lose without it. Other features are phrases of their own.
        """
        blocks = self.model.features.named_steps["features"].output_indices_
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
        word_rows = ids(_word_phrase(word) for word in words)
        # A bigram's share goes half to each of its two words.
        rows = [word_rows[i] for i in kept_words]
        rows += [word_rows[i] for i in kept_bigrams] + [word_rows[i + 1] for i in kept_bigrams]
        cols = [start + hashed_column(words[i], WORD_FEATURES) for i in kept_words]
        cols += 2 * [start + hashed_column(bigrams[i], WORD_FEATURES) for i in kept_bigrams]
        weights = [1.0] * len(kept_words) + [0.5] * (2 * len(kept_bigrams))
        start = blocks["history"].start
        history = [token.lower() for turn in ticket.history for token in _TOKEN.findall(turn.body)]
        history = [token for token, seen in zip(history, self._seen_terms("history", history), strict=True) if seen]
        rows += ids(_word_phrase(token, "history mentions") for token in history)
        cols += [start + hashed_column(token, HISTORY_FEATURES) for token in history]
        weights += [1.0] * len(history)
        named = x.indices[np.isin(x.indices, self._named_columns)]
        rows += ids(self._feature_phrase(int(index), context, quotes) for index in named)
        cols += named.tolist()
        weights += [1.0] * len(named)
        # Character n-grams: many per word, so gathered as arrays.
        start = blocks["chars"].start
        chunks = list(dict.fromkeys(text.lower().split()))  # char_wb's own word split, in text order
        char_cols = [char_wb_columns(chunk, (2, 5), CHAR_FEATURES) for chunk in chunks]
        char_rows = ids(_word_phrase(_first_word(chunk)) for chunk in chunks)
        all_rows = np.concatenate([rows, np.repeat(char_rows, [len(indices) for indices in char_cols])]).astype(np.intp)
        all_cols = np.concatenate([np.asarray(cols, dtype=np.int64), *char_cols, []]).astype(np.int64)
        all_cols[len(cols) :] += start
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
        hasher = self.model.features.named_steps["features"].named_transformers_[block].steps[0][1]
        return hasher.seen(terms) if isinstance(hasher, SeenNgramHasher) else np.ones(len(terms), dtype=bool)

    def _feature_phrase(self, index: int, context: dict[str, str], quotes: dict[str, str]) -> str:
        block, name = self._named_features[index]
        if block == "signals":
            return _signal_phrase(name.split("signal:")[-1], quotes)
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


def _signal_phrase(signal: str, quotes: dict[str, str]) -> str:
    """A signal in words, with the sentence of the ticket that fired it when it fired."""
    said = quotes.get(signal)
    return f"signal: {SIGNALS.get(signal, signal)}" + (f': "{said}"' if said else "")


def _strongest(totals: dict[str, float]) -> list[Contribution]:
    ranked = sorted(
        ((name, value) for name, value in totals.items() if name not in _UNSHOWN), key=lambda item: -abs(item[1])
    )
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


@dataclass(frozen=True)
class _Evidence:
    """What a second-stage phrase can quote: each fired signal's sentence, and each text head's strongest
    words ("escalation language in the text ('refund', 'chargeback')")."""

    signal_quotes: dict[str, str]
    head_words: dict[str, str]

    def text_head(self, head: str, below_average: bool) -> str:
        if below_average:
            return _EVIDENCE_PHRASES[head]
        # No single word stands out when the head's score comes from signals or many small n-grams.
        words = self.head_words.get(head) or "no single word stands out"
        return f"{_EVIDENCE_PHRASES[head]} ({words})"


def _named_words(contributions: list[Contribution]) -> str:
    """The words that pushed a text head up, strongest first, as a short list."""
    words = [item.phrase.removeprefix("mentions ") for item in contributions if item.weight > 0]
    return ", ".join(word for word in words if word.startswith("'"))[:120]


def _meta_phrase(column: str, context: dict[str, str], evidence: _Evidence, below_average: bool = False) -> str:
    """A second-stage column in words. Columns are standardised, so a weak value (below the average
    training ticket) pushes the other way: the phrase says so."""
    kind, _, name = column.partition(":")
    weak = "weak: " if below_average else ""
    if kind == "text" and name.startswith("team_text"):
        # The text-only team head's evidence for one team ("text:team_text:billing"; a head over two teams
        # has one column, for the second): learned from that team's own tickets, no single word to quote.
        team = name.partition(":")[2]
        return f"{weak}the text reads like the {team} team's tickets" if team else f"{weak}the text's team evidence"
    if kind == "text":
        return f"{weak}{evidence.text_head(name, below_average)}"
    if kind == "signals":
        return _signal_phrase(name.split("signal:")[-1], evidence.signal_quotes)
    if kind == "plan_channel":
        return name.replace("_", ": ", 1)
    if kind == "context":
        return context.get(name, name)
    head, _, feature = name.partition("*")
    strength = "weak" if below_average else "strong"
    return f"{strength}: {evidence.text_head(head, below_average)}, given {context.get(feature, feature)}"


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
