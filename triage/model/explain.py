"""Why each head scored what it did for one ticket, read from the model's own weights and the ticket's
feature values: text heads by phrase (a word's share of its n-grams), context heads by second-stage column.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, compress, pairwise
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from triage.model.features import (
    CHAR_FEATURES,
    TOKEN_PATTERN,
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
OTHER_NGRAMS = "(other n-grams)"  # hashed n-grams whose source could not be recovered
_UNSHOWN = frozenset({FUNCTION_WORDS, OTHER_NGRAMS})


def has_meaning(word: str) -> bool:
    """Whether a word can stand as a reason: not a function word (contracted or not: "i'm", "there's"), a time
    word, a bare number or one letter."""
    base = _CONTRACTION.sub("", word.replace("’", "'"))
    return len(base) > 1 and base not in MEANINGLESS_WORDS and not base.replace(",", "").replace(".", "").isdigit()


@lru_cache(maxsize=100_000)
def _word_phrase(word: str, prefix: str = "mentions") -> str:
    # Cached: every word of every ticket is named, and ticket vocabularies repeat.
    return f"{prefix} '{word}'" if has_meaning(word) else FUNCTION_WORDS


class Explainer:
    """Explanations for one fitted model; the weight look-ups are computed once per head and kept.

    A batch is explained at once: the tickets' phrases and how each active feature is shared among them are
    laid end to end (``_Attribution``), so each head's contributions for every ticket of the batch are a few
    numpy operations over the whole feature matrix, and the top phrases of every ticket one sort."""

    def __init__(self, model: TriageModel) -> None:
        self.model = model

    @cached_property
    def _blocks(self) -> dict[str, slice]:
        return self.model.features.named_steps["features"].output_indices_

    @cached_property
    def _named_features(self) -> dict[int, tuple[str, str]]:
        """Column index -> (block, feature name), for the blocks whose columns have names (not the hashed
        n-grams)."""
        columns = self.model.features.named_steps["features"]
        names: dict[int, tuple[str, str]] = {}
        for block, span in self._blocks.items():
            if block in ("words", "chars", "history") or span.stop == span.start:
                continue
            transformer = columns.named_transformers_[block]
            for offset, name in enumerate(transformer.get_feature_names_out()):
                names[span.start + offset] = (block, str(name))
        return names

    @cached_property
    def _is_named(self) -> np.ndarray:
        """Whether each feature column has a name (a boolean mask over the columns)."""
        width = max(span.stop for span in self._blocks.values())
        mask = np.zeros(width, dtype=bool)
        mask[np.fromiter(self._named_features, dtype=np.int64)] = True
        return mask

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

    @cached_property
    def _team_index(self) -> dict[str, int]:
        return {name: index for index, name in enumerate(self.model.team_names)}

    @cached_property
    def _team_weights(self) -> np.ndarray:
        """The team head's weights, one row per team."""
        return np.stack([self._linear_weights("team", index) for index in range(len(self.model.team_names))])

    def _standardised(self, head: str, meta: np.ndarray) -> np.ndarray:
        scaler = linear_models(self.model.heads[head])[0].steps[0][1]
        return (meta - scaler.mean_) / scaler.scale_

    def explain(
        self,
        X: sparse.csr_matrix,
        meta: np.ndarray | None,
        analysed: Sequence[AnalysedTicket],
    ) -> list[dict[str, list[Contribution]]]:
        """For each ticket (row of ``X`` and ``meta``), the strongest contributions to each head, from the
        model's own weights and the ticket's feature values: text heads by phrase, context heads by
        second-stage column. ``X``'s rows hold their columns sorted, as the feature pipeline makes them."""
        out: list[dict[str, list[Contribution]]] = [{} for _ in analysed]
        text_heads = [name for name in (*TRIGGERS, "escalation_text") if name in self.model.heads]
        if text_heads:
            attribution = self._attribution(X, analysed)
            for head in text_heads:
                effect = attribution.split(self._linear_weights(head)[X.indices] * X.data)
                top, ends = attribution.strongest(effect, EXPLANATIONS_PER_HEAD)
                names, values = [attribution.phrases[i] for i in top], effect[top].tolist()
                for row, (begin, end) in enumerate(pairwise([0, *ends])):
                    out[row][head] = _shown(zip(names[begin:end], values[begin:end], strict=True))
        if meta is not None:
            self._explain_context_heads(meta, analysed, out)
        return out

    def _explain_context_heads(
        self,
        meta: np.ndarray,
        analysed: Sequence[AnalysedTicket],
        out: list[dict[str, list[Contribution]]],
    ) -> None:
        """The second-stage heads' strongest columns for every ticket, added to ``out``: escalation, and the
        team each ticket is most likely to go to."""
        # (label per ticket, the head's weights per ticket, its standardised columns per ticket)
        targets: list[tuple[list[str], np.ndarray, np.ndarray]] = []
        if "escalation" in self.model.heads:
            weights = self._linear_weights("escalation")
            targets.append((["escalation"] * len(analysed), weights, self._standardised("escalation", meta)))
        if analysed and analysed[0].team:
            best = [max(ticket.team, key=ticket.team.__getitem__) for ticket in analysed]
            rows = [self._team_index[team] for team in best]
            weights = self._team_weights[rows]
            targets.append(([f"team:{team}" for team in best], weights, self._standardised("team", meta)))
        evidence = [
            _Evidence(ticket.quotes, {head: _named_words(contributions) for head, contributions in explained.items()})
            for ticket, explained in zip(analysed, out, strict=True)
        ]
        columns = self.model.meta_columns
        for labels, weights, standardised in targets:
            effect = weights * standardised
            # Columns sharing a phrase (a signal and its count, say) are merged among the strongest.
            strongest = np.argsort(-np.abs(effect), axis=1)[:, : 3 * EXPLANATIONS_PER_HEAD]
            # Read out for every ticket at once: a numpy element read one at a time costs more than the phrase.
            top_effects = np.take_along_axis(effect, strongest, axis=1).tolist()
            below_average = (np.take_along_axis(standardised, strongest, axis=1) < 0).tolist()
            for row, top in enumerate(strongest.tolist()):
                totals: dict[str, float] = defaultdict(float)
                context, ticket_evidence = analysed[row].context, evidence[row]
                for i, value, below in zip(top, top_effects[row], below_average[row], strict=True):
                    totals[_meta_phrase(columns[i], context, ticket_evidence, below)] += value
                out[row][labels[row]] = _strongest(totals)

    def _attribution(self, X: sparse.csr_matrix, analysed: Sequence[AnalysedTicket]) -> _Attribution:
        """Readable phrases for each ticket, and how each active feature of the batch is shared among its
        ticket's phrases.

        Word and character n-grams go to the words of the ticket's text that produce them (a bigram half
        to each word; a character n-gram split over the words containing it), so a word's contribution is
        what the model would lose without it. Other features are phrases of their own.
        """
        # Every ticket's words, bigrams and history tokens first, so that each word block is asked once
        # for their columns (triage.model.features.SeenNgramHasher: unseen terms give no feature, -1).
        words = [_lowered_tokens(ticket.text) for ticket in analysed]
        all_words = list(chain.from_iterable(words))
        bigrams = [f"{first} {second}" for row in words for first, second in pairwise(row)]
        history = [
            [token for turn in ticket.ticket.history for token in _lowered_tokens(turn.body)] for ticket in analysed
        ]
        word_block_columns = self._seen_columns("words", all_words + bigrams)
        history_columns = self._seen_columns("history", list(chain.from_iterable(history)))
        history_kept = (history_columns >= 0).tolist()
        named = np.flatnonzero(self._is_named[X.indices])
        named_bounds = np.searchsorted(named, X.indptr).tolist()
        phrases = _Phrases()
        history_start = 0
        for row, ticket in enumerate(analysed):
            history_end = history_start + len(history[row])
            named_columns = X.indices[named[named_bounds[row] : named_bounds[row + 1]]].tolist()
            phrases.add_ticket(
                words=words[row],
                # Only history tokens that give a feature are phrases.
                history=list(compress(history[row], history_kept[history_start:history_end])),
                named=[self._feature_phrase(column, ticket.context, ticket.quotes) for column in named_columns],
                named_columns=named_columns,
                # Character n-grams: many per word, so gathered per distinct chunk (char_wb's own word split,
                # in text order).
                chunks=[_chunk_columns(chunk) for chunk in dict.fromkeys(ticket.text.lower().split())],
            )
            history_start = history_end
        return phrases.attribution(
            X,
            self._blocks,
            (word_block_columns[: len(all_words)], word_block_columns[len(all_words) :]),
            history_columns[history_columns >= 0],
        )

    def _seen_columns(self, block: str, terms: list[str]) -> np.ndarray:
        """Each term's column in this word block, -1 where it gives no feature (unseen in training)."""
        hasher = self.model.features.named_steps["features"].named_transformers_[block].steps[0][1]
        if isinstance(hasher, SeenNgramHasher):
            return hasher.seen_columns(terms)
        return np.fromiter((hashed_column(term, hasher.n_features) for term in terms), dtype=np.int64, count=len(terms))

    def _feature_phrase(self, index: int, context: dict[str, str], quotes: dict[str, str]) -> str:
        fixed = self._fixed_phrases.get(index)
        if fixed is not None:
            return fixed
        block, name = self._named_features[index]
        if block == "signals":
            return _signal_phrase(name.split("signal:")[-1], quotes)
        return context.get(name, name)

    @cached_property
    def _fixed_phrases(self) -> dict[int, str]:
        """The phrases of the named columns that read nothing of the ticket (tone cues, plan and channel)."""
        phrases = {}
        for index, (block, name) in self._named_features.items():
            if block in ("cues", "history_cues"):
                cue = _CUE_PHRASES.get(name.split("frustration:")[-1], name)
                phrases[index] = f"{'earlier customer turns' if block == 'history_cues' else 'this message'}: {cue}"
            elif block == "plan_channel":
                phrases[index] = name.replace("_", ": ", 1)
        return phrases


@dataclass(frozen=True)
class AnalysedTicket:
    """What the explanations of one ticket read besides its feature row: the model's text, the ticket, its
    trajectory, the team probabilities and the sentences behind its signals
    (triage.text.signals.FoundSignals.quotes of ``text``)."""

    text: str
    ticket: Ticket
    path: Trajectory
    team: dict[str, float]
    signal_quotes: dict[str, tuple[str, ...]]

    @cached_property
    def quotes(self) -> dict[str, str]:
        """Each fired signal's first sentence."""
        return {name: said[0] for name, said in self.signal_quotes.items()}

    @cached_property
    def context(self) -> dict[str, str]:
        return _context_phrases(self.ticket, self.path)


class _Phrases:
    """A batch's phrases, gathered ticket by ticket, and its (phrase, feature, weight) entries, built for the
    whole batch at once.

    Each ticket's phrases take the next block of phrase ids, in order of first appearance among its words,
    history tokens, named features and character chunks, the last of them OTHER_NGRAMS (what a hashed n-gram
    whose source could not be recovered goes to). A ticket's word entries (words, then each bigram's first and
    second halves, history tokens, named features) come before its character n-gram entries, so each
    phrase's and each feature's entries are summed in the same order whatever the batch (bitwise the same
    numbers for a ticket alone or in a batch)."""

    def __init__(self) -> None:
        self.phrases: list[str] = []
        self.phrase_counts: list[int] = []
        # Each entry's phrase id within its ticket, ticket after ticket: its words', kept history tokens',
        # named features' and chunks' ids in turn; with those four counts per ticket.
        self.ids: list[int] = []
        self.counts: list[tuple[int, int, int, int]] = []
        self.named_columns: list[int] = []
        self.chunk_columns: list[np.ndarray] = []

    def add_ticket(
        self,
        words: list[str],
        history: list[str],
        named: list[str],
        named_columns: list[int],
        chunks: list[tuple[np.ndarray, str]],
    ) -> None:
        """One ticket's words, its history tokens that give a feature, its named columns with their phrases,
        and its distinct chunks' character n-gram columns with their phrases."""
        said = [
            *map(_word_phrase, words),
            *(_word_phrase(token, "history mentions") for token in history),
            *named,
            *(phrase for _, phrase in chunks),
        ]
        ticket_phrases = dict.fromkeys([*said, OTHER_NGRAMS])  # in order of first appearance
        ids = dict(zip(ticket_phrases, range(len(ticket_phrases)), strict=True))
        self.ids += map(ids.__getitem__, said)
        self.counts.append((len(words), len(history), len(named), len(chunks)))
        self.phrases += ticket_phrases
        self.phrase_counts.append(len(ticket_phrases))
        self.named_columns += named_columns
        self.chunk_columns += [columns for columns, _ in chunks]

    def attribution(
        self,
        X: sparse.csr_matrix,
        blocks: dict[str, slice],
        word_columns: tuple[np.ndarray, np.ndarray],
        history_columns: np.ndarray,
    ) -> _Attribution:
        """The entries whose feature is active in ``X``, each with its share of that feature. ``word_columns``:
        every word's and every bigram's column in the word block (-1: no feature), ticket after ticket;
        ``history_columns``: the kept history tokens' columns in the history block."""
        n_tickets = len(self.counts)
        counts = np.asarray(self.counts, dtype=np.int64).reshape(n_tickets, 4)
        phrase_counts = np.asarray(self.phrase_counts, dtype=np.intp)
        firsts = np.cumsum(phrase_counts) - phrase_counts  # each ticket's first phrase id in the batch
        ids = np.asarray(self.ids, dtype=np.intp) + np.repeat(firsts, counts.sum(axis=1))
        kind = np.repeat(np.tile(np.arange(4), n_tickets), counts.ravel())  # 0 word, 1 history, 2 named, 3 chunk
        word_ids, history_ids, named_ids, chunk_ids = (ids[kind == k] for k in range(4))
        n_words = counts[:, 0]
        word_ticket = np.repeat(np.arange(n_tickets), n_words)
        ends = np.cumsum(n_words)
        last_word = np.zeros(len(word_ids), dtype=bool)
        last_word[ends[n_words > 0] - 1] = True
        first_word = np.zeros(len(word_ids), dtype=bool)
        first_word[(ends - n_words)[n_words > 0]] = True
        single_words, bigram_columns = word_columns
        bigram_ticket = word_ticket[~last_word]
        words_start, history_start = blocks["words"].start, blocks["history"].start
        # Laid out kind by kind (words, bigram halves, history, named), then ordered ticket by ticket with a
        # stable sort, which keeps each ticket's entries in that order.
        rows = np.concatenate([word_ids, word_ids[~last_word], word_ids[~first_word], history_ids, named_ids])
        columns = np.concatenate(
            [
                np.where(single_words >= 0, single_words + words_start, -1),
                np.tile(np.where(bigram_columns >= 0, bigram_columns + words_start, -1), 2),
                history_columns + history_start,
                np.asarray(self.named_columns, dtype=np.int64),
            ]
        )
        weights = np.concatenate(
            [np.ones(len(word_ids)), np.full(2 * len(bigram_ticket), 0.5), np.ones(len(history_ids) + len(named_ids))]
        )
        tickets = np.concatenate(
            [
                word_ticket,
                bigram_ticket,
                bigram_ticket,
                np.repeat(np.arange(n_tickets), counts[:, 1]),
                np.repeat(np.arange(n_tickets), counts[:, 2]),
            ]
        )
        kept = columns >= 0
        order = np.argsort(tickets[kept], kind="stable")
        rows, columns, weights = rows[kept][order], columns[kept][order], weights[kept][order]
        word_ends = np.cumsum(np.bincount(tickets[kept], minlength=n_tickets))
        # Character n-gram entries, after every ticket's word entries.
        lengths = np.fromiter(
            (len(columns) for columns in self.chunk_columns), dtype=np.int64, count=len(self.chunk_columns)
        )
        char_columns = np.concatenate([np.zeros(0, dtype=np.int64), *self.chunk_columns]) + blocks["chars"].start
        chunk_ends = np.cumsum(counts[:, 3])
        char_entry_ends = np.concatenate([[0], np.cumsum(lengths)])[[0, *chunk_ends]] + len(columns)
        columns = np.concatenate([columns, char_columns])
        rows = np.concatenate([rows, np.repeat(chunk_ids, lengths)])
        values = np.concatenate([weights, np.ones(len(char_columns))])
        word_bounds, char_bounds = [0, *word_ends.tolist()], char_entry_ends.tolist()
        positions, present = _positions(X, columns, word_bounds, char_bounds)
        rows, positions, values = rows[present], positions[present], values[present]
        totals = np.bincount(positions, weights=values, minlength=X.nnz)
        unexplained = np.flatnonzero(totals == 0)  # hashed n-grams whose source we could not recover
        other_ids = np.cumsum(phrase_counts) - 1  # each ticket's last phrase
        row_of_feature = np.repeat(np.arange(X.shape[0], dtype=np.int64), np.diff(X.indptr))
        rows = np.concatenate([rows, other_ids[row_of_feature[unexplained]]])
        positions = np.concatenate([positions, unexplained])
        values = np.concatenate([values, np.ones(len(unexplained))])
        totals[unexplained] = 1.0
        return _Attribution(self.phrases, phrase_counts, rows, positions, values / totals[positions])


# Per thread, a column -> position table as wide as the feature matrix, kept between batches: filled row by
# row, never cleared (``_positions`` checks what it reads), so a batch touches only its own columns.
_POSITION_TABLES = threading.local()


def _positions(
    X: sparse.csr_matrix, columns: np.ndarray, word_bounds: list[int], char_bounds: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Where each entry's column lies among ``X``'s stored values, and whether that row stores it at all.
    Row ``r``'s entries are ``columns[word_bounds[r]:word_bounds[r + 1]]`` and
    ``columns[char_bounds[r]:char_bounds[r + 1]]``; every word part comes before every character part."""
    table: np.ndarray | None = getattr(_POSITION_TABLES, "table", None)
    if table is None or len(table) < X.shape[1]:
        table = _POSITION_TABLES.table = np.zeros(X.shape[1], dtype=np.int64)
    found = np.empty(len(columns), dtype=np.int64)
    indptr = X.indptr.tolist()
    for row, (begin, end) in enumerate(pairwise(indptr)):
        table[X.indices[begin:end]] = np.arange(begin, end)
        found[word_bounds[row] : word_bounds[row + 1]] = table[columns[word_bounds[row] : word_bounds[row + 1]]]
        found[char_bounds[row] : char_bounds[row + 1]] = table[columns[char_bounds[row] : char_bounds[row + 1]]]
    # A position left from another row or batch lies outside the entry's row or holds another column.
    per_row = np.concatenate([np.diff(word_bounds), np.diff(char_bounds)])
    begins = np.repeat(np.tile(X.indptr[:-1], 2), per_row)
    ends = np.repeat(np.tile(X.indptr[1:], 2), per_row)
    positions = np.clip(found, begins, np.maximum(begins, ends - 1))
    present = ends > begins
    present[present] = X.indices[positions[present]] == columns[present]
    return positions, present


@dataclass(frozen=True)
class _Attribution:
    """Readable phrases of a batch's tickets (``phrase_counts[t]`` phrases for ticket t, ticket after
    ticket), and how the batch's active features are shared among them: entry k gives ``shares[k]`` of
    active feature ``positions[k]`` to phrase ``rows[k]``. Each feature's shares sum to 1, so ``split``
    divides a head's score exactly."""

    phrases: list[str]
    phrase_counts: np.ndarray
    rows: np.ndarray
    positions: np.ndarray
    shares: np.ndarray

    def split(self, contributions: np.ndarray) -> np.ndarray:
        """Each phrase's part of the per-feature contributions (one per active feature of the batch)."""
        return np.bincount(self.rows, weights=self.shares * contributions[self.positions], minlength=len(self.phrases))

    @cached_property
    def _phrase_ticket(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.phrase_counts)), self.phrase_counts)

    @cached_property
    def _phrase_rank(self) -> np.ndarray:
        """Each phrase's place among its ticket's phrases."""
        firsts = np.cumsum(self.phrase_counts) - self.phrase_counts
        return np.arange(len(self.phrases)) - firsts[self._phrase_ticket]

    def strongest(self, effect: np.ndarray, count: int) -> tuple[np.ndarray, list[int]]:
        """For each ticket, its ``count`` phrases of largest absolute effect, strongest first (ties in phrase
        order), ticket after ticket, and where each ticket's end: one sort for the batch."""
        # Sorted by ticket first, each ticket's phrases keep their block: the first ``count`` of each block.
        order = np.lexsort((-np.abs(effect), self._phrase_ticket))
        return order[self._phrase_rank < count], np.cumsum(np.minimum(self.phrase_counts, count)).tolist()


def _lowered_tokens(text: str) -> list[str]:
    """A text's words, each lower-cased. An ASCII text is lower-cased whole first (a third less time): its
    words split the same either way, unlike, say, 'İ', which lower-cases to two characters."""
    if text.isascii():
        return _TOKEN.findall(text.lower())
    return [token.lower() for token in _TOKEN.findall(text)]


@lru_cache(maxsize=50_000)
def _chunk_columns(chunk: str) -> tuple[np.ndarray, str]:
    """A chunk's character n-gram columns (within the block) and the phrase they go to. Cached: ticket
    vocabularies repeat, and a chunk gives dozens of n-grams."""
    columns = char_wb_columns(chunk, (2, 5), CHAR_FEATURES)
    columns.flags.writeable = False
    return columns, _word_phrase(_first_word(chunk))


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
    return _shown(ranked[:EXPLANATIONS_PER_HEAD])


def _shown(ranked: Iterable[tuple[str, float]]) -> list[Contribution]:
    """The contributions of phrases ranked strongest first, as shown: no function words or unexplained
    n-grams, nothing below 0.01."""
    return [
        Contribution(name, round(value, 3)) for name, value in ranked if name not in _UNSHOWN and abs(value) >= 0.01
    ]


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
