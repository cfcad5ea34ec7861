"""The second stage: escalation and team decided from what the text heads found *and* the context.

Whether a ticket should go up depends on the text (what the problem is, how angry the customer is) and on
who is asking (contract value, strategic flag, plan) and how it went so far (contacts, failed attempts):
the same cancellation threat means little from a free account and a lot from a 450k one. A linear model
on 500k text features cannot learn such interactions and drowns the dozen context columns, so escalation
and team are a small logistic regression over:

- the text heads' evidence (log-odds of technical / financial / legal, expected frustration level, a
  text-only escalation head, and a text-only team head's log-odds for each team it routes to), computed
  out-of-fold during training so the second stage sees honest values;
- the spaCy signals, plan and channel, and the trajectory and account context (the same columns of the
  shared feature matrix);
- a few named interactions (financial evidence x contract value, legal evidence x strategic, ...).

The text-only team head is what lets the team head learn a team's own queues: the trigger heads' evidence
separates three kinds of problem, not 77 banking intents or an IT department's assignment groups. Where the
learned second stage routes held-out rows worse than that head's evidence alone (many queues, little
context), the team head passes the evidence through instead (triage.model.training.fit_team_head).

Training and serving build these columns with the same function, ``meta_features``.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from triage.model.lean import FoldOutput, fitted_model, linear_probabilities

TEXT_HEADS = ("technical", "financial", "legal", "frustration", "escalation_text", "team_text")
CONTEXT_HEADS = ("escalation", "team")
META_BLOCKS = ("signals", "plan_channel", "context")
INTERACTIONS = (
    ("financial", "log_contract_value"),
    ("financial", "strategic"),
    ("legal", "strategic"),
    ("legal", "log_contract_value"),
    ("technical", "failed_attempts"),
    ("technical", "log_contract_value"),
    ("frustration", "log_customer_contacts"),
    ("escalation_text", "log_contract_value"),
)


def linear_models(head: Any) -> list[Any]:
    """The fitted linear models inside a calibrated head (one per calibration fold)."""
    return [fitted_model(fold) for fold in head.calibrated_classifiers_]


def calibration_slope(calibrator) -> float:
    """How much a unit of the model's decision value moves the calibrated log-odds."""
    # _SigmoidCalibration: p = 1 / (1 + exp(a * f + b)); _TemperatureScaling: softmax(beta * f).
    return float(calibrator.beta_) if hasattr(calibrator, "beta_") else float(-calibrator.a_)


def set_weight_layout(heads: dict[str, Any], dense: bool) -> None:
    """Text heads' weights dense and Fortran-ordered for prediction (a single-row product against sparse
    or C-ordered weights costs milliseconds per head, docs/pitfalls.md), or sparse for storage (only the hashed
    features seen in training have weights: a fifth of the artefact)."""
    for name in TEXT_HEADS:
        for model in linear_models(heads[name]) if name in heads else []:
            if dense and sparse.issparse(model.coef_):
                model.coef_ = np.asfortranarray(model.coef_.toarray())
            elif not dense and not sparse.issparse(model.coef_):
                model.sparsify()


class ClassEvidence(np.ndarray):
    """A multi-class text head's evidence: its decision values, one column per class, that carry the class
    names, so the second stage can name its columns after them (``text:team_text:<team>``)."""

    classes: tuple[str, ...]

    def __new__(cls, values: np.ndarray, classes: Sequence[Any]) -> ClassEvidence:
        labelled = np.asarray(values, dtype=float).view(cls)
        labelled.classes = tuple(str(name) for name in classes)
        return labelled

    def __array_finalize__(self, source: Any) -> None:
        self.classes = getattr(source, "classes", ())


def evidence(name: str, model: Any, X: sparse.csr_matrix) -> np.ndarray:
    """A text head's uncalibrated evidence: log-odds for binary heads, expected level for frustration, and
    one log-odds column per class for the other multi-class heads (team_text)."""
    if name == "frustration":
        return model.predict_proba(X) @ model.classes_.astype(float)
    return model.decision_function(X)


def _labelled(values: np.ndarray, model: Any, head_classes: Sequence[Any]) -> np.ndarray:
    """Multi-class evidence named by the head's classes. A head calibrated over folds (``cv=3``, the path of
    larger histories) fits its fold models on label-encoded classes (0, 1, ...): their names come from the
    head, or the team stage could not tell which column is which team."""
    if np.ndim(values) != 2:
        return values
    names = np.asarray(model.classes_)
    if np.issubdtype(names.dtype, np.integer) and len(head_classes) == len(names):
        names = np.asarray(head_classes)[names]
    return ClassEvidence(values, names.tolist())


def head_evidence(name: str, head: Any, X: sparse.csr_matrix) -> np.ndarray:
    models = linear_models(head)
    return _labelled(np.mean([evidence(name, model, X) for model in models], axis=0), models[0], head.classes_)


def fold_evidence(
    name: str, folds: Sequence[FoldOutput], X: sparse.csr_matrix, head_classes: Sequence[Any]
) -> np.ndarray:
    """``head_evidence``, from the decision values its folds already gave on ``X`` (triage.model.lean)."""
    values = []
    for fold in folds:
        if fold.decision is None:
            values.append(evidence(name, fold.model, X))
        elif name == "frustration":
            proba = linear_probabilities(fold.model, fold.decision)
            values.append((fold.model.predict_proba(X) if proba is None else proba) @ fold.model.classes_.astype(float))
        else:
            values.append(fold.decision)
    return _labelled(np.mean(values, axis=0), folds[0].model, head_classes)


def meta_features(
    X: sparse.csr_matrix, text_evidence: dict[str, np.ndarray], columns: Any
) -> tuple[np.ndarray, list[str]]:
    """The second stage's dense input and its column names.

    ``columns`` is the fitted ColumnTransformer of triage.model.features (for the signal, plan/channel and
    context blocks of ``X``).
    """
    parts: list[np.ndarray] = []
    names: list[str] = []
    for head in TEXT_HEADS:
        if head not in text_evidence:
            continue
        values = text_evidence[head]
        if isinstance(values, ClassEvidence):
            parts.append(np.asarray(values))
            names += [f"text:{head}:{name}" for name in values.classes]
        else:
            parts.append(np.asarray(values, dtype=float)[:, None])
            names.append(f"text:{head}")
    context_at: dict[str, np.ndarray] = {}
    block_names = _meta_block_names(columns)
    for block, values in zip(
        META_BLOCKS, _dense_blocks(X, [columns.output_indices_[b] for b in META_BLOCKS]), strict=True
    ):
        parts.append(values)
        names += [f"{block}:{n}" for n in block_names[block]]
        if block == "context":
            context_at = {n: values[:, i] for i, n in enumerate(block_names[block])}
    for head, context in INTERACTIONS:
        if head in text_evidence and context in context_at:
            parts.append((np.asarray(text_evidence[head], dtype=float) * context_at[context])[:, None])
            names.append(f"interaction:{head}*{context}")
    return np.hstack(parts), names


# The meta blocks' column names per fitted ColumnTransformer: asking its transformers costs more than the rest of
# the second stage's input for a ticket. A refit gives the ColumnTransformer a new ``transformers_`` list, which
# each look-up checks.
_BLOCK_NAMES: weakref.WeakKeyDictionary[Any, tuple[list[Any], dict[str, list[str]]]] = weakref.WeakKeyDictionary()


def _meta_block_names(columns: Any) -> dict[str, list[str]]:
    cached = _BLOCK_NAMES.get(columns)
    if cached is None or cached[0] is not columns.transformers_:
        names = {
            block: [str(n) for n in columns.named_transformers_[block].get_feature_names_out()] for block in META_BLOCKS
        }
        cached = _BLOCK_NAMES[columns] = (columns.transformers_, names)
    return cached[1]


def _dense_blocks(X: sparse.csr_matrix, spans: Sequence[slice]) -> list[np.ndarray]:
    """``X[:, span].toarray()`` for each span, from one pass over ``X``'s entries instead of a scipy slice each
    (the same values: stored entries of a column summed in order onto zeros, as ``toarray`` sums them)."""
    X = X if X.format == "csr" else X.tocsr()
    first, last = min(span.start for span in spans), max(span.stop for span in spans)
    indptr = np.asarray(X.indptr)
    wanted = (X.indices >= first) & (X.indices < last)
    rows = np.repeat(np.arange(X.shape[0]), np.diff(indptr))[wanted]
    dense = np.zeros((X.shape[0], last - first))
    np.add.at(dense, (rows, X.indices[wanted] - first), X.data[wanted])
    return [dense[:, span.start - first : span.stop - first] for span in spans]
