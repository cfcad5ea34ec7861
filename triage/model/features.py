"""From tickets to one sparse feature matrix, shared by every head.

The feature pipeline is a single scikit-learn ``Pipeline``: ``TicketColumns`` turns the canonical ticket
frame (``triage.io.to_frame``) into the columns the models read, and a ``ColumnTransformer`` routes them:
hashed word and character n-grams of the current message (hashing: no vocabulary to persist, see
docs/pitfalls.md; word n-grams unseen in training are dropped), hashed words of the history, the spaCy escalation
signals, the frustration cues of the current message and of the customer's earlier turns, and the account
and trajectory context.
"""

from __future__ import annotations

import math
import weakref
import zlib
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import MaxAbsScaler, OneHotEncoder, StandardScaler, normalize
from sklearn.utils import murmurhash3_32
from sklearn.utils.validation import check_is_fitted

from triage.schema import KNOWN_PLANS, Interaction, Ticket, channel_group
from triage.text.frustration import FrustrationCues, analyse_cues
from triage.text.limits import analysed_history, analysed_message
from triage.text.signals import FoundSignals, SignalCounts, analyse_signals
from triage.text.trajectory import trajectory_of_turns

TEXT = "text"
HISTORY = "history_text"
CUSTOMER_HISTORY = "customer_history_text"
# What the text analysers found, computed once per ticket: the feature blocks read these columns, and the
# scorer reads them again for the reasons (triage.model.scorer), without a second analysis.
FOUND_SIGNALS = "found_signals"  # triage.text.signals.FoundSignals.matches of TEXT
TEXT_CUES = "text_cues"  # triage.text.frustration.analyse_cues of TEXT
CUSTOMER_HISTORY_CUES = "customer_history_cues"  # the same, of CUSTOMER_HISTORY
TRAJECTORY = "trajectory"  # triage.text.trajectory.Trajectory
ANALYSIS = [FOUND_SIGNALS, TEXT_CUES, CUSTOMER_HISTORY_CUES, TRAJECTORY]
# Not a model input: the sentences behind each found signal (triage.text.signals.FoundSignals.quotes), from
# the same analysis, for the reasons that quote the ticket (TicketColumns.from_tickets only).
SIGNAL_QUOTES = "signal_quotes"
# Not a model input either: what the signals found in the customer's earlier turns (FoundSignals, None without
# any), for the policy's rules on a thread (triage.text.signals.THREAD_SIGNALS; TicketColumns.from_tickets only).
CUSTOMER_HISTORY_SIGNALS = "customer_history_signals"
CATEGORICAL = ["plan", "channel"]
NUMERIC = [
    "log_contract_value",
    "contract_value_missing",
    "strategic",
    "log_customer_contacts",
    "agent_replies",
    "log_hours_open",
    "failed_attempts",
]
COLUMNS = [TEXT, HISTORY, CUSTOMER_HISTORY, *ANALYSIS, *CATEGORICAL, *NUMERIC]

# Words, with inner apostrophes and hyphens. Explanations re-tokenise text with the same pattern to find
# each word's hashed columns, so there is one definition.
TOKEN_PATTERN = r"(?u)\b\w[\w'-]*\b"
WORD_FEATURES = 2**18
CHAR_FEATURES = 2**18
HISTORY_FEATURES = 2**16


class SeenNgramHasher(HashingVectorizer):
    """``HashingVectorizer`` that, once fitted, hashes only the n-grams it saw in training.

    A hashed column is shared by every term that lands on it, so a word the model never saw would borrow the
    weight of whatever training word shares its column: "loan" in a bank complaint counted as evidence for
    the technical head of a model trained on software tickets. An unseen term now gives no feature, as
    with a vocabulary, but the model stores only a sorted array of 32-bit CRC fingerprints of the seen
    terms (a vocabulary of 100k+ terms takes minutes to save with skops, see docs/pitfalls.md). Fingerprints of two
    different terms collide with probability ~ (seen terms) / 2^32, about 1e-4 for 300k terms.
    """

    def fit(self, X: Any, y: Any = None) -> SeenNgramHasher:
        self.fit_transform(X)
        return self

    def fit_transform(self, X: Any, y: Any = None) -> Any:
        texts = _text_list(X)
        super().fit(texts)  # validates the parameters
        analyze = super().build_analyzer()
        terms = [analyze(text) for text in texts]
        self.seen_ = np.unique(_fingerprints([term for row in terms for term in row]))
        # Every training term is seen: hash them as analysed, without a second analysis.
        return self._finish(self._get_hasher().transform(terms))

    def transform(self, X: Any) -> Any:
        check_is_fitted(self, "seen_")
        analyze = super().build_analyzer()
        terms = [analyze(text) for text in _text_list(X)]
        seen = iter(self.seen([term for row in terms for term in row]).tolist())  # one lookup for the batch
        kept = [[term for term in row if next(seen)] for row in terms]
        return self._finish(self._get_hasher().transform(kept))

    def seen(self, terms: list[str]) -> np.ndarray:
        """Whether each term was seen in training (boolean array)."""
        fingerprints = _fingerprints(terms)
        if not len(self.seen_):
            return np.zeros(len(terms), dtype=bool)
        at = np.minimum(np.searchsorted(self.seen_, fingerprints), len(self.seen_) - 1)
        return self.seen_[at] == fingerprints

    def seen_columns(self, terms: list[str]) -> np.ndarray:
        """Each term's hashed column if it was seen in training, else -1 (int64 array): ``seen`` and
        ``hashed_column`` in one, remembered per term (``_SeenColumns``), so a term costs one look-up."""
        return _SeenColumns.of(self).columns(self, terms)

    def _finish(self, X: sparse.csr_matrix) -> sparse.csr_matrix:
        if self.binary:
            X.data.fill(1)
        return normalize(X, norm=self.norm, copy=False) if self.norm is not None else X

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.requires_fit = True
        return tags


class _SeenColumns:
    """A fitted SeenNgramHasher's ``seen_columns``, remembered per term. Kept beside the hasher, not on it (the
    hasher is saved with the model), in a table keyed weakly by the hasher, so a reloaded model's old hashers
    are freed. A refit (new ``seen_``) or another width starts afresh; the table is emptied when it holds
    MAX_TERMS terms, and terms longer than MAX_TERM_LENGTH (pasted tokens, base64) are answered but not kept."""

    MAX_TERMS = 200_000
    MAX_TERM_LENGTH = 64
    _of: weakref.WeakKeyDictionary[SeenNgramHasher, _SeenColumns] = weakref.WeakKeyDictionary()

    def __init__(self, hasher: SeenNgramHasher) -> None:
        self.fitted = (hasher.seen_, hasher.n_features)  # never the hasher itself: the key must stay collectable
        self.table: dict[str, int] = {}

    @classmethod
    def of(cls, hasher: SeenNgramHasher) -> _SeenColumns:
        check_is_fitted(hasher, "seen_")
        known = cls._of.get(hasher)
        if known is None or known.fitted[0] is not hasher.seen_ or known.fitted[1] != hasher.n_features:
            known = cls._of[hasher] = cls(hasher)
        return known

    def columns(self, hasher: SeenNgramHasher, terms: list[str]) -> np.ndarray:
        table = self.table
        found = list(map(table.get, terms))
        if None in found:
            new = list(dict.fromkeys(term for term, column in zip(terms, found, strict=True) if column is None))
            if len(table) + len(new) > self.MAX_TERMS:
                table = self.table = {}
            width = hasher.n_features
            seen = hasher.seen(new).tolist()
            computed = {
                term: hashed_column(term, width) if was_seen else -1 for term, was_seen in zip(new, seen, strict=True)
            }
            table.update((term, column) for term, column in computed.items() if len(term) <= self.MAX_TERM_LENGTH)
            found = [computed[term] if column is None else column for term, column in zip(terms, found, strict=True)]
        return np.array(found, dtype=np.int64) if found else np.zeros(0, dtype=np.int64)


def _text_list(X: Any) -> list[Any]:
    if isinstance(X, str | bytes):
        raise ValueError("Iterable over raw text documents expected, string object received.")
    return list(X)


def _fingerprints(terms: list[str]) -> np.ndarray:
    return np.fromiter((zlib.crc32(term.encode()) for term in terms), dtype=np.uint32, count=len(terms))


@lru_cache(maxsize=200_000)
def hashed_column(term: str, n_features: int) -> int:
    """The column ``HashingVectorizer(alternate_sign=False)`` gives a term: scikit-learn's murmurhash3 (seed 0),
    absolute value, modulo the width. Cached: ticket vocabularies repeat."""
    return abs(murmurhash3_32(term, seed=0)) % n_features


@lru_cache(maxsize=100_000)
def char_wb_columns(word: str, ngram_range: tuple[int, int], n_features: int) -> np.ndarray:
    """The hashed columns of the character n-grams that one word (no white space; lower-cased) produces under
    ``analyzer="char_wb"``, repeats included: scikit-learn's own n-gram loop, a word shorter than an n-gram
    size counted once as a whole."""
    padded = f" {word} "
    grams = []
    for n in range(ngram_range[0], ngram_range[1] + 1):
        grams += [padded[start : start + n] for start in range(max(1, len(padded) - n + 1))]
        if len(padded) <= n:
            break
    return np.fromiter((hashed_column(gram, n_features) for gram in grams), dtype=np.int64, count=len(grams))


def word_vectorizer(n_features: int = WORD_FEATURES, ngram_range: tuple[int, int] = (1, 2)) -> SeenNgramHasher:
    return SeenNgramHasher(
        ngram_range=ngram_range,
        n_features=n_features,
        alternate_sign=False,
        norm=None,
        lowercase=True,
        token_pattern=TOKEN_PATTERN,
    )


class CharNgramHasher(HashingVectorizer):
    """``HashingVectorizer(analyzer="char_wb")``, the same matrix computed once per distinct word of a batch.

    char_wb n-grams never cross a word boundary, so a text's counts are the sum of its words' counts: a batch
    becomes a (texts x distinct words) count matrix times the distinct words' n-gram counts. Python's n-gram
    loop then runs once per distinct word instead of once per word: 3.5 s against 15 s for the 38k Endava
    tickets (12k distinct words). Small batches (a single ticket) and other settings take the plain path; both
    paths give identical matrices.
    """

    def transform(self, X: Any) -> Any:
        texts = X if isinstance(X, str | bytes) else list(X)
        if (
            isinstance(texts, str | bytes)
            or len(texts) < _PER_WORD_MIN_BATCH
            or self.analyzer != "char_wb"
            or not self.lowercase
            or self.preprocessor is not None
            or self.strip_accents is not None
            or self.norm is not None
            or self.alternate_sign
            or self.binary
            or self.input != "content"
            or not all(isinstance(text, str) for text in texts)
        ):
            return super().transform(texts)
        vocabulary: dict[str, int] = {}
        columns: list[int] = []
        starts = [0]
        for text in texts:
            # The analyzer's own word split: lower-case, then whitespace (it collapses runs of it first).
            columns.extend(vocabulary.setdefault(word, len(vocabulary)) for word in text.lower().split())
            starts.append(len(columns))
        words = sparse.csr_matrix(
            (np.ones(len(columns)), np.asarray(columns, dtype=np.int64), np.asarray(starts, dtype=np.int64)),
            shape=(len(texts), len(vocabulary)),
        )
        counts = (words @ super().transform(list(vocabulary))).tocsr()
        counts.sort_indices()
        return counts.astype(self.dtype, copy=False)


_PER_WORD_MIN_BATCH = 32


def char_vectorizer(n_features: int = CHAR_FEATURES) -> HashingVectorizer:
    # char_wb n-grams never cross a word boundary, so each belongs to one word: explanations use that.
    return CharNgramHasher(
        analyzer="char_wb",
        ngram_range=(2, 5),
        n_features=n_features,
        alternate_sign=False,
        norm=None,
        lowercase=True,
    )


def _value(value: Any, default: Any = None) -> Any:
    if value is None or (not isinstance(value, (list, str)) and pd.isna(value)):
        return default
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


class TicketColumns(TransformerMixin, BaseEstimator):
    """The canonical ticket frame -> the model's input columns: text, history text, what the text analysers
    found (signals, frustration cues, trajectory: each computed once per ticket, in batch) and context.

    Stateless: ``fit`` only records the output columns, so training and serving compute the same thing.
    Scoring reads the tickets themselves (:meth:`from_tickets`), without the frame.
    """

    def fit(self, X: pd.DataFrame, y: object = None) -> TicketColumns:
        self.n_features_in_ = X.shape[1]
        self.feature_names_in_ = np.asarray(X.columns, dtype=object)
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        rows = [
            _context_row(
                subject,
                body,
                [turn if isinstance(turn, Interaction) else Interaction.model_validate(turn) for turn in history],
                _value(channel),
                plan,
                _value(value),
                bool(_value(strategic, False)),
                _value(created_at),
            )
            for subject, body, history, channel, plan, value, strategic, created_at in zip(
                X["subject"],
                X["body"],
                X["history"],
                X["channel"],
                X["customer_plan"],
                X["customer_annual_contract_value"],
                X["customer_strategic"],
                X["created_at"],
                strict=True,
            )
        ]
        columns = _with_analysis(rows)
        del columns[SIGNAL_QUOTES], columns[CUSTOMER_HISTORY_SIGNALS]
        # Built column by column: a frame from row dicts with object columns assigned afterwards cost ~2.5 ms
        # for one ticket, more than the analysers themselves.
        return pd.DataFrame(columns, columns=COLUMNS)

    def from_tickets(self, tickets: Sequence[Ticket]) -> dict[str, list[Any]]:
        """``transform(to_frame(tickets))`` as lists, read from the tickets themselves, plus SIGNAL_QUOTES.
        Building and reading a pandas frame cost ~4 ms of a ~14 ms ticket, more than the analysers."""
        rows = []
        for ticket in tickets:
            customer = ticket.customer
            rows.append(
                _context_row(
                    ticket.subject,
                    ticket.body,
                    ticket.history,
                    ticket.channel,
                    customer.plan if customer else None,
                    customer.annual_contract_value if customer else None,
                    bool(customer and customer.strategic),
                    ticket.created_at,
                )
            )
        return _with_analysis(rows)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(COLUMNS, dtype=object)

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        # Input is the canonical ticket DataFrame, not a numeric array (as for scikit-learn's text
        # vectorizers, its generic checks do not apply; tests/model/test_scorer.py checks the contract directly).
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags


def _context_row(
    subject: str,
    body: str,
    turns: Sequence[Interaction],
    channel: str | None,
    plan: Any,
    contract_value: float | None,
    strategic: bool,
    created_at: datetime | None,
) -> dict[str, Any]:
    """One ticket's text, trajectory and context columns, before the text analysers run."""
    path = trajectory_of_turns(turns, f"{subject}\n{body}", created_at)
    return {
        TEXT: analysed_message(f"{subject}\n{body}"),
        HISTORY: analysed_history("\n".join(turn.body for turn in turns)),
        CUSTOMER_HISTORY: analysed_history("\n".join(turn.body for turn in turns if turn.author == "customer")),
        TRAJECTORY: path,
        "plan": plan if plan in KNOWN_PLANS else "other",
        "channel": channel_group(channel),
        "log_contract_value": math.log1p(float(contract_value or 0.0)),
        "contract_value_missing": float(contract_value is None),
        "strategic": float(strategic),
        "log_customer_contacts": math.log1p(path.customer_contacts),
        "agent_replies": float(min(path.agent_replies, 10)),
        "log_hours_open": math.log1p(path.hours_open),
        "failed_attempts": float(min(path.failed_attempts, 5)),
    }


def _with_analysis(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The columns of the rows (COLUMNS order), with what the text analysers found in the batch, and
    SIGNAL_QUOTES last."""
    # The customers' earlier turns in the same pass, only where there are some (most tickets have none).
    earlier = [index for index, row in enumerate(rows) if str(row[CUSTOMER_HISTORY]).strip()]
    texts = [str(row[TEXT]) for row in rows] + [str(rows[index][CUSTOMER_HISTORY]) for index in earlier]
    found = analyse_signals(texts)
    history_signals: list[FoundSignals | None] = [None] * len(rows)
    for index, signals in zip(earlier, found[len(rows) :], strict=True):
        history_signals[index] = signals
    found = found[: len(rows)]
    # One pass over the messages and the customers' earlier turns: a pass costs ~0.3 ms before its first text.
    cues = analyse_cues([str(row[TEXT]) for row in rows] + [str(row[CUSTOMER_HISTORY]) for row in rows])
    analysed: dict[str, list[Any]] = {
        FOUND_SIGNALS: [signals.matches for signals in found],
        TEXT_CUES: cues[: len(rows)],
        CUSTOMER_HISTORY_CUES: cues[len(rows) :],
    }
    columns: dict[str, list[Any]] = {
        name: analysed[name] if name in analysed else [row[name] for row in rows] for name in COLUMNS
    }
    columns[SIGNAL_QUOTES] = [signals.quotes for signals in found]
    columns[CUSTOMER_HISTORY_SIGNALS] = history_signals
    return columns


# Dense blocks are scaled down next to the L2-normalised text blocks: at full scale, a dozen standardised
# columns dominate SGD's updates and cost 3 points of accuracy on BANKING77 (0.883 against 0.915 for text
# alone; 0.917 at these weights, which keep the cues available to the heads that need them).
BLOCK_WEIGHTS = {"signals": 0.25, "cues": 0.1, "history_cues": 0.1, "plan_channel": 0.15, "context": 0.1}


# Tickets the text analysers read at a time when a whole history is featurised (training): their spaCy Docs
# and intermediate lists cost ~12 KB per ticket while they run, the columns they leave ~3 KB.
FEATURE_CHUNK_ROWS = 5_000


def fit_transform_in_chunks(
    features: Pipeline, frame: pd.DataFrame, chunk_rows: int = FEATURE_CHUNK_ROWS
) -> sparse.csr_matrix:
    """``features.fit_transform(frame)`` for a pipeline of ``build_features``, the text analysers run on
    ``chunk_rows`` tickets at a time. The same matrix: ``TicketColumns`` reads each ticket alone."""
    columns, blocks = features.named_steps["columns"], features.named_steps["features"]
    columns.fit(frame)
    inputs = pd.concat(
        [columns.transform(frame.iloc[start : start + chunk_rows]) for start in range(0, len(frame), chunk_rows)],
        ignore_index=True,
    )
    return blocks.fit_transform(inputs)


def transform_in_chunks(features: Pipeline, frame: pd.DataFrame, chunk_rows: int = FEATURE_CHUNK_ROWS) -> Any:
    """``features.transform(frame)``, ``chunk_rows`` tickets at a time (every step reads each ticket alone)."""
    return sparse.vstack(
        [features.transform(frame.iloc[start : start + chunk_rows]) for start in range(0, len(frame), chunk_rows)],
        format="csr",
    )


def build_features(block_weights: dict[str, float] | None = None) -> Pipeline:
    text_words = make_pipeline(word_vectorizer(), TfidfTransformer(sublinear_tf=True))
    text_chars = make_pipeline(char_vectorizer(), TfidfTransformer(sublinear_tf=True))
    history_words = make_pipeline(word_vectorizer(HISTORY_FEATURES, (1, 1)), TfidfTransformer(sublinear_tf=True))
    columns = ColumnTransformer(
        [
            ("words", text_words, TEXT),
            ("chars", text_chars, TEXT),
            ("history", history_words, HISTORY),
            ("signals", make_pipeline(SignalCounts(), MaxAbsScaler()), FOUND_SIGNALS),
            ("cues", make_pipeline(FrustrationCues(), StandardScaler()), TEXT_CUES),
            ("history_cues", make_pipeline(FrustrationCues(), StandardScaler()), CUSTOMER_HISTORY_CUES),
            ("plan_channel", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
            ("context", StandardScaler(), NUMERIC),
        ],
        sparse_threshold=1.0,
        transformer_weights=BLOCK_WEIGHTS if block_weights is None else block_weights,
    )
    return Pipeline([("columns", TicketColumns()), ("features", columns)])
