"""Scoring through the fitted objects without scikit-learn's per-call machinery, with the same arithmetic.

One ticket took 15-19 ms, three quarters of it computing nothing: the ColumnTransformer's joblib dispatch
and column checks, every Pipeline's and estimator's input validation, and CalibratedClassifierCV's
response-method look-ups, repeated for each of the seven heads (4-5 ms now, benchmarks/speed.py). These
functions walk the same fitted objects and do each step's arithmetic themselves, in scikit-learn's order,
so that they give its results (tests/model/test_lean_scoring.py checks them against it):

- the feature pipeline block by block (``ColumnTransformer.transformers_``, ``transformer_weights``,
  ``output_indices_``), known preprocessing steps computed here and any other step through its own
  ``transform``;
- each calibrated head from its linear models' ``coef_`` / ``intercept_`` / ``classes_`` and its fitted
  calibrators, a fold whose model is not a linear classifier through scikit-learn.

Nothing is cached: training refits linear models in place and saving re-lays their weights out, so every
call reads the objects as they are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.special import expit
from sklearn.calibration import _SigmoidCalibration, _TemperatureScaling
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.linear_model._base import LinearClassifierMixin
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MaxAbsScaler, OneHotEncoder, StandardScaler
from sklearn.utils import _safe_indexing
from sklearn.utils.extmath import safe_sparse_dot, softmax
from sklearn.utils.sparsefuncs import inplace_column_scale
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l1, inplace_csr_row_normalize_l2

from triage.model.features import CharNgramHasher, SeenNgramHasher, char_wb_columns
from triage.text.signals import SignalCounts, as_texts

# -- features -----------------------------------------------------------------------------------------


# A batch's input columns: the fitted pipeline's frame, or the same columns as lists by name (what
# triage.model.features.TicketColumns.from_tickets gives, without building a frame).
Columns: TypeAlias = pd.DataFrame | Mapping[str, Sequence[Any]]


def column_blocks(columns: ColumnTransformer, frame: Columns) -> sparse.csr_matrix:
    """What ``columns.transform(frame)`` computes: each block on its columns, times its weight, side by side."""
    weights = columns.transformer_weights or {}
    n_rows = len(frame) if isinstance(frame, pd.DataFrame) else len(frame[columns.feature_names_in_[0]])
    blocks = []
    for name, transformer, selection in columns.transformers_:
        span = columns.output_indices_[name]
        if (isinstance(transformer, str) and transformer == "drop") or span.stop == span.start:
            continue
        if isinstance(transformer, str):  # "passthrough": the columns themselves
            X = np.asarray(_select(columns, frame, selection, as_array=True), dtype=np.float64).reshape(n_rows, -1)
        else:
            steps = _steps(transformer)
            X = _select(columns, frame, selection, as_array=_computed_here(steps[0]))
            for step in steps:
                X = _transform(step, X)
        blocks.append((X, weights.get(name)))
    return _side_by_side(blocks, n_rows)


def _side_by_side(blocks: list[tuple[Any, float | None]], n_rows: int) -> sparse.csr_matrix:
    """The weighted blocks side by side, laid out as scikit-learn's sparse hstack lays them out (each row's
    entries in column order, only a dense block's non-zero values stored), built directly: scipy's hstack
    costs more than the arithmetic for one ticket."""
    lengths, indices, values = [], [], []  # per block: entries per row, their columns and values, row by row
    width = 0
    for block, weight in blocks:
        if sparse.issparse(block) or isinstance(block, _Rows):
            if not isinstance(block, _Rows):
                block = sparse.csr_matrix(block)
                block.sort_indices()
            lengths.append(np.diff(block.indptr))
            indices.append(block.indices + width)
            values.append(block.data)
        else:
            block = np.asarray(block, dtype=np.float64)
            rows, cols = np.nonzero(block)
            lengths.append(np.bincount(rows, minlength=n_rows))
            indices.append(cols + width)
            values.append(block[rows, cols])
        if weight is not None:
            values[-1] = values[-1] * weight
        width += block.shape[1]
    if n_rows == 1:  # the API's case: the blocks' entries one after the other
        out_values = np.concatenate(values).astype(np.float64, copy=False)
        indptr = np.array([0, len(out_values)], dtype=np.int64)
        return sparse.csr_matrix((out_values, np.concatenate(indices), indptr), shape=(1, width))
    per_row = np.column_stack(lengths)
    indptr = np.concatenate([[0], np.cumsum(per_row.sum(axis=1))])
    # Where each block's part of each row starts: after the row's entries from the blocks before it.
    starts = indptr[:-1, None] + np.cumsum(per_row, axis=1) - per_row
    out_indices = np.empty(indptr[-1], dtype=np.int64)
    out_values = np.empty(indptr[-1])
    for number, (row_lengths, block_indices, block_values) in enumerate(zip(lengths, indices, values, strict=True)):
        within_block = np.cumsum(row_lengths) - row_lengths  # each row's first entry in the block's arrays
        at = np.repeat(starts[:, number] - within_block, row_lengths) + np.arange(len(block_indices))
        out_indices[at] = block_indices
        out_values[at] = block_values
    return sparse.csr_matrix((out_values, out_indices, indptr), shape=(n_rows, width))


def _steps(transformer: Any) -> list[Any]:
    if not isinstance(transformer, Pipeline):
        return [transformer]
    return [step for _, step in transformer.steps if step is not None and step != "passthrough"]


def _select(columns: ColumnTransformer, frame: Columns, selection: Any, as_array: bool) -> Any:
    """The block's input, as the ColumnTransformer passes it (a Series for one named column; the list itself
    from columns given as lists); as an array, cheaper to build, for the steps computed here."""
    if isinstance(selection, str):
        return frame[selection]
    if as_array and isinstance(selection, list) and all(isinstance(column, str) for column in selection):
        return np.column_stack([_array(frame[column]) for column in selection])
    if not isinstance(frame, pd.DataFrame):  # positions, masks and callables select from the frame
        frame = pd.DataFrame({column: frame[column] for column in columns.feature_names_in_})
    return _safe_indexing(frame, selection, axis=1)


def _array(values: Any) -> np.ndarray:
    if isinstance(values, pd.Series):
        return values.to_numpy()
    array = np.asarray(values)
    return array.astype(object) if array.dtype.kind == "U" else array  # strings as pandas gives them


def _computed_here(step: Any) -> bool:
    """Whether ``_transform`` does this fitted step's arithmetic itself (exact types only: a subclass may
    transform differently)."""
    kind = type(step)
    if kind in (SeenNgramHasher, CharNgramHasher):
        plain = (
            step.input == "content"
            and not step.alternate_sign
            and not step.binary
            and step.norm is None
            and step.dtype == np.float64
        )
        if kind is SeenNgramHasher:
            return plain and hasattr(step, "seen_")
        return (
            plain
            and step.analyzer == "char_wb"
            and step.lowercase
            and step.preprocessor is None
            and step.strip_accents is None
        )
    if kind is OneHotEncoder:
        return (
            step.drop_idx_ is None
            and step.handle_unknown in ("ignore", "infrequent_if_exist")
            and step.min_frequency is None
            and step.max_categories is None
            and all(isinstance(category, str) for categories in step.categories_ for category in categories)
        )
    if kind is TfidfTransformer:
        return step.norm in (None, "l1", "l2")
    return kind in (StandardScaler, MaxAbsScaler, SignalCounts)


def _transform(step: Any, X: Any) -> Any:
    """``step.transform(X)``: computed here for the common preprocessing steps, by the step otherwise."""
    if not _computed_here(step):
        return step.transform(X.tocsr() if isinstance(X, _Rows) else X)
    if isinstance(step, SeenNgramHasher | CharNgramHasher):
        return _hashed_counts(step, X)
    if isinstance(step, SignalCounts):
        data, indices, indptr = step.sparse_counts(X)
        return _Rows(data, indices, indptr, (len(indptr) - 1, len(step.signal_names_)))
    if len(X.shape) != 2 or X.shape[1] != step.n_features_in_:  # the check scikit-learn's validation makes
        raise ValueError(f"X has shape {X.shape}, but {type(step).__name__} expects {step.n_features_in_} features")
    if isinstance(step, OneHotEncoder):
        return _one_hot(step, np.asarray(X, dtype=object))
    X = _float_copy(X)
    if isinstance(step, TfidfTransformer):
        X = X if isinstance(X, _Rows) else sparse.csr_matrix(X)
        if step.sublinear_tf:
            np.log(X.data, X.data)
            X.data += 1.0
        if hasattr(step, "idf_"):
            X.data *= step.idf_[X.indices]
        if step.norm == "l2":
            inplace_csr_row_normalize_l2(X)
        elif step.norm == "l1":
            inplace_csr_row_normalize_l1(X)
        return X
    if isinstance(step, StandardScaler):
        if sparse.issparse(X):  # not in our pipelines: left to scikit-learn
            return step.transform(X)
        if step.with_mean:
            X -= step.mean_.astype(X.dtype)
        if step.with_std:
            X /= step.scale_.astype(X.dtype)
        return X
    # MaxAbsScaler
    if isinstance(X, _Rows):  # inplace_column_scale's arithmetic for CSR
        X.data *= (1.0 / step.scale_).take(X.indices, mode="clip")
        if step.clip:
            np.clip(X.data, -1.0, 1.0, out=X.data)
    elif sparse.issparse(X):
        inplace_column_scale(X, 1.0 / step.scale_)
        if step.clip:
            np.clip(X.data, -1.0, 1.0, out=X.data)
    else:
        X /= step.scale_
        if step.clip:
            np.clip(X, -1.0, 1.0, out=X)
    return X


def _float_copy(X: Any) -> Any:
    """A copy in float32 or float64 (the input's precision if it has one of them), as the steps' validation
    makes."""
    if isinstance(X, _Rows):
        dtype = X.data.dtype if X.data.dtype in (np.float32, np.float64) else np.float64
        return _Rows(X.data.astype(dtype, copy=True), X.indices, X.indptr, X.shape)
    if not sparse.issparse(X):
        X = np.asarray(X)
    dtype = X.dtype if X.dtype in (np.float32, np.float64) else np.float64
    return X.astype(dtype, copy=True)


def _one_hot(encoder: OneHotEncoder, X: np.ndarray) -> Any:
    """One column per known category, unknown values left out (``handle_unknown="ignore"``)."""
    positions = [{category: index for index, category in enumerate(categories)} for categories in encoder.categories_]
    offsets = np.cumsum([0] + [len(categories) for categories in encoder.categories_]).tolist()
    # Entries go row by row, each row's in feature order, as scikit-learn builds them.
    columns = [
        offsets[feature] + index
        for row in X
        for feature, value in enumerate(row)
        if (index := positions[feature].get(value)) is not None
    ]
    lengths = [sum(value in position for position, value in zip(positions, row, strict=True)) for row in X]
    out = _Rows(
        np.ones(len(columns), dtype=encoder.dtype),
        np.asarray(columns, dtype=np.int64),
        np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)]),
        (X.shape[0], offsets[-1]),
    )
    return out if encoder.sparse_output else out.toarray()


@dataclass
class _Rows:
    """A CSR matrix as its three arrays, rows in order and each row's columns sorted, without scipy's matrix
    object: building and checking one costs more than the arithmetic for a ticket, and a block is only read
    to be laid side by side (``_side_by_side``). scikit-learn's in-place CSR routines accept it."""

    data: np.ndarray
    indices: np.ndarray  # int64
    indptr: np.ndarray  # int64
    shape: tuple[int, int]

    def tocsr(self) -> sparse.csr_matrix:
        return sparse.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)

    def toarray(self) -> np.ndarray:
        dense = np.zeros(self.shape, dtype=self.data.dtype)
        dense[np.repeat(np.arange(self.shape[0]), np.diff(self.indptr)), self.indices] = self.data
        return dense


def _hashed_counts(step: SeenNgramHasher | CharNgramHasher, X: Any) -> _Rows:
    """``step.transform(X)`` for the hashers of triage.model.features with counts as they are (no norm, no
    sign, not binary): each text's hashed n-gram columns, counted. A term's column is remembered
    (``SeenNgramHasher.seen_columns``, ``char_wb_columns``), so a ticket costs its analysis and a few look-ups."""
    texts = as_texts(X)
    width = step.n_features
    if isinstance(step, CharNgramHasher):
        lengths, columns = _char_wb_entries(texts, (step.ngram_range[0], step.ngram_range[1]), width)
    else:
        analyze = step.build_analyzer()
        terms = [analyze(text) for text in texts]
        lengths = np.fromiter(map(len, terms), dtype=np.int64, count=len(terms))
        columns = step.seen_columns([term for row in terms for term in row])  # -1: unseen, no feature
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    if isinstance(step, SeenNgramHasher):
        seen = columns >= 0
        rows, columns = rows[seen], columns[seen]
    # One sort for the batch: (row, column) keys, counted, come out row by row with sorted columns. Sorted as
    # 32-bit integers when they fit (a batch of up to 8,191 texts at 2^18 columns): ~40% less time than 64-bit.
    keys = rows * width + columns
    if len(texts) * width <= np.iinfo(np.int32).max:
        keys = keys.astype(np.int32)
    keys, counts = _counted(keys)
    keys = keys.astype(np.int64, copy=False)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(keys // width, minlength=len(texts)))]).astype(np.int64)
    return _Rows(counts.astype(np.float64), keys % width, indptr, (len(texts), width))


def _char_wb_entries(texts: list[str], grams: tuple[int, int], width: int) -> tuple[np.ndarray, np.ndarray]:
    """Each text's number of character n-gram entries and their columns, text after text. char_wb n-grams never
    cross a word boundary: a text's are its words' (lower-cased, split on white space, as the analyzer reads
    them). Each distinct word of the batch is looked up once and its columns repeated where it occurs."""
    vocabulary: dict[str, int] = {}
    word_ids: list[int] = []
    words_per_text = []
    for text in texts:
        words = text.lower().split()
        word_ids += [vocabulary.setdefault(word, len(vocabulary)) for word in words]
        words_per_text.append(len(words))
    per_word = [char_wb_columns(word, grams, width) for word in vocabulary]
    if not per_word:
        return np.zeros(len(texts), dtype=np.int64), np.zeros(0, dtype=np.int64)
    sizes = np.fromiter(map(len, per_word), dtype=np.int64, count=len(per_word))
    firsts = np.cumsum(sizes) - sizes  # where each word's columns start among the distinct words'
    occurrences = np.asarray(word_ids, dtype=np.int64)
    occurrence_sizes = sizes[occurrences]
    # Entry k of occurrence o reads the distinct words' entry firsts[o's word] + k.
    offsets = np.repeat(firsts[occurrences] - (np.cumsum(occurrence_sizes) - occurrence_sizes), occurrence_sizes)
    columns = np.concatenate(per_word)[offsets + np.arange(len(offsets))]
    text_of_occurrence = np.repeat(np.arange(len(texts)), words_per_text)
    lengths = np.bincount(text_of_occurrence, weights=occurrence_sizes, minlength=len(texts)).astype(np.int64)
    return lengths, columns


def _counted(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, return_counts=True)`` by one sort and the run boundaries: a quarter of its time here."""
    keys = np.sort(keys)
    if not len(keys):
        return keys, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    return keys[starts], np.diff(np.append(starts, len(keys)))


# -- heads --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FoldOutput:
    """One calibration fold of a head: its fitted model (unwrapped from FrozenEstimator) and that model's
    decision values on the rows scored (None when the model has no decision function)."""

    model: Any
    decision: np.ndarray | None


def fitted_model(fold: Any) -> Any:
    """A calibration fold's fitted model, unwrapped from the FrozenEstimator that training puts around it."""
    return fold.estimator.estimator if isinstance(fold.estimator, FrozenEstimator) else fold.estimator


def calibrated_probabilities(head: Any, X: Any) -> tuple[np.ndarray, list[FoldOutput]]:
    """``head.predict_proba(X)`` for a fitted CalibratedClassifierCV, and each fold's decision values."""
    folds = []
    mean = np.zeros((X.shape[0], len(head.classes_)))
    for fold in head.calibrated_classifiers_:
        model = fitted_model(fold)
        decision = decision_function(model, X)
        if decision is None:  # not a linear classifier: scikit-learn's own path (its evidence too)
            mean += fold.predict_proba(X)
        else:
            mean += _calibrate(fold, model, decision)
        folds.append(FoldOutput(model, decision))
    mean /= len(head.calibrated_classifiers_)
    return mean, folds


def decision_function(model: Any, X: Any) -> np.ndarray | None:
    """``model.decision_function(X)`` for a linear classifier or a Pipeline ending in one; None for any
    other model."""
    steps = _steps(model)
    linear = steps[-1]
    if not (
        isinstance(linear, LinearClassifierMixin)
        and type(linear).decision_function is LinearClassifierMixin.decision_function
    ):
        return None
    for step in steps[:-1]:
        X = _transform(step, X)
    X = X.tocsr() if isinstance(X, _Rows) else X
    coef = linear.coef_.T if linear.coef_.ndim == 2 else linear.coef_
    scores = safe_sparse_dot(X, coef, dense_output=True) + linear.intercept_
    return scores.reshape(-1) if scores.ndim > 1 and scores.shape[1] == 1 else scores


def linear_probabilities(model: Any, decision: np.ndarray) -> np.ndarray | None:
    """``model.predict_proba(X)`` from its decision values on X, for SGD (log loss) and logistic regression;
    None for other models."""
    linear = _steps(model)[-1]
    one_vs_rest = (type(linear) is SGDClassifier and linear.loss == "log_loss") or (
        type(linear) is LogisticRegression and len(linear.classes_) <= 2
    )
    if type(linear) is LogisticRegression and not one_vs_rest:
        return softmax(decision, copy=True)
    if not one_vs_rest:
        return None
    probability = expit(decision)
    if probability.ndim == 1:
        return np.stack([1 - probability, probability], axis=1)
    total = probability.sum(axis=1)
    all_zero = total == 0
    if all_zero.any():  # as scikit-learn: uniform over the classes
        probability[all_zero, :] = 1
        total[all_zero] = probability.shape[1]
    probability /= total.reshape((probability.shape[0], -1))
    return probability


def _calibrate(fold: Any, model: Any, decision: np.ndarray) -> np.ndarray:
    """What the fitted calibration fold (scikit-learn's _CalibratedClassifier) returns for these decision values."""
    predictions = decision.reshape(-1, 1) if decision.ndim == 1 else decision
    n_classes = len(fold.classes)
    if fold.method == "temperature":
        proba = _temperature(fold.calibrators[0], predictions)
    else:  # one calibrator per class the model scores (only the positive class of a binary model)
        proba = np.zeros((len(predictions), n_classes))
        positions = np.searchsorted(fold.classes, model.classes_)
        for position, values, calibrator in zip(positions, predictions.T, fold.calibrators, strict=False):
            proba[:, position + 1 if n_classes == 2 else position] = _calibrate_column(calibrator, values)
        if n_classes == 2:
            proba[:, 0] = 1.0 - proba[:, 1]
        else:
            denominator = np.sum(proba, axis=1)[:, np.newaxis]
            uniform = np.full_like(proba, 1 / n_classes)
            proba = np.divide(proba, denominator, out=uniform, where=denominator != 0)
    proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
    return proba


def _calibrate_column(calibrator: Any, values: np.ndarray) -> np.ndarray:
    if type(calibrator) is _SigmoidCalibration:
        return expit(-(calibrator.a_ * values + calibrator.b_))
    return calibrator.predict(values)  # isotonic


def _temperature(calibrator: Any, predictions: np.ndarray) -> np.ndarray:
    # The calibrator reads a binary model's single column, or values that look like probabilities (all in
    # [0, 1]), specially: those go to it.
    if type(calibrator) is not _TemperatureScaling or predictions.shape[1] == 1 or _in_unit_range(predictions):
        return calibrator.predict(predictions)
    return softmax(calibrator.beta_ * predictions)


def _in_unit_range(values: np.ndarray) -> bool:
    return bool(np.all((values >= 0) & (values <= 1)))
