"""Training's memory savings change no result: the feature matrix built in chunks is the one-shot matrix, and
the topic view that shares the matrix's indices trains the same models as the copy it replaced."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.linear_model import LogisticRegression, SGDClassifier

from triage.io import to_frame
from triage.model.features import build_features, fit_transform_in_chunks, transform_in_chunks
from triage.model.training import TOPIC_BLIND_BLOCKS, topic_inputs


def same_matrix(a: sparse.csr_matrix, b: sparse.csr_matrix) -> bool:
    return (
        a.shape == b.shape
        and np.array_equal(a.indptr, b.indptr)
        and np.array_equal(a.indices, b.indices)
        and np.array_equal(a.data, b.data)
    )


@pytest.fixture(scope="module")
def fitted(demo_history):
    frame = to_frame(demo_history[:90])
    one_shot = build_features()
    X = sparse.csr_matrix(one_shot.fit_transform(frame.iloc[:60]))
    return frame, one_shot, X


def test_features_fitted_and_transformed_in_chunks_are_the_one_shot_matrices(fitted):
    frame, one_shot, X = fitted
    chunked = build_features()
    assert same_matrix(sparse.csr_matrix(fit_transform_in_chunks(chunked, frame.iloc[:60], chunk_rows=7)), X)
    expected = sparse.csr_matrix(one_shot.transform(frame.iloc[60:]))
    assert same_matrix(transform_in_chunks(chunked, frame.iloc[60:], chunk_rows=11), expected)


def test_the_topic_view_zeroes_the_cue_columns_and_shares_the_matrix_indices(fitted):
    _, features, X = fitted
    columns = features.named_steps["features"]
    view = topic_inputs(X, columns)
    keep = np.ones(X.shape[1])
    for block in TOPIC_BLIND_BLOCKS:
        span = columns.output_indices_[block]
        keep[span.start : span.stop] = 0.0
        assert X[:, span.start : span.stop].nnz and not view[:, span.start : span.stop].count_nonzero()
    assert (view - X @ sparse.diags(keep)).count_nonzero() == 0
    assert np.shares_memory(view.indices, X.indices) and not np.shares_memory(view.data, X.data)


@pytest.mark.parametrize(
    "model",
    [
        SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=15, tol=None, random_state=0),
        LogisticRegression(solver="liblinear", intercept_scaling=100, random_state=0),
    ],
)
def test_a_stored_zero_trains_as_a_missing_entry(fitted, model):
    _, features, X = fitted
    view = topic_inputs(X, features.named_steps["features"])
    pruned = view.copy()
    pruned.eliminate_zeros()
    assert pruned.nnz < view.nnz
    y = np.arange(X.shape[0]) % 2
    with_zeros, without = (sparse.csr_matrix(model.fit(m, y).coef_.copy()) for m in (view, pruned))
    assert np.array_equal(with_zeros.toarray(), without.toarray())
