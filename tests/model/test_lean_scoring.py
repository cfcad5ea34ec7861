"""The lean scoring path (triage.model.lean) gives what scikit-learn gives for the same fitted objects.

A prediction computes features and head probabilities without going through ``Pipeline.transform``,
``ColumnTransformer.transform`` or ``CalibratedClassifierCV.predict_proba``. These tests hold it to those
methods: on the real trained models (every head trained, and heads falling back for missing labels), on
feature blocks and heads the models do not use today (another block type, logistic regression, other
calibrations, several calibration folds), and after the weights are re-laid out in place.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import handwritten_tickets, unlabelled
from scipy import sparse
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer, HashingVectorizer, TfidfTransformer
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, MaxAbsScaler, MinMaxScaler, OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier

from triage.io import to_frame
from triage.model import lean
from triage.model.features import char_vectorizer
from triage.model.persistence import load_model
from triage.model.stacking import (
    CONTEXT_HEADS,
    TEXT_HEADS,
    fold_evidence,
    head_evidence,
    meta_features,
    set_weight_layout,
)
from triage.model.training import TrainSettings, train
from triage.pipeline import Triage
from triage.policy.config import load_config

TOLERANCE = 1e-9


def reference_scores(model, tickets) -> tuple[sparse.csr_matrix, dict[str, np.ndarray]]:
    """Features and head probabilities through scikit-learn's own methods, as the engine computed them
    before triage.model.lean."""
    X = sparse.csr_matrix(model.features.transform(to_frame(tickets)))
    out = {}
    for name in TEXT_HEADS:
        if name in model.heads:
            proba = model.heads[name].predict_proba(X)
            out[name] = proba[:, 1] if proba.shape[1] == 2 and name != "frustration" else proba
    if any(name in model.heads for name in CONTEXT_HEADS):
        evidence = {name: head_evidence(name, model.heads[name], X) for name in TEXT_HEADS if name in model.heads}
        meta = meta_features(X, evidence, model.features.named_steps["features"])[0]
        for name in CONTEXT_HEADS:
            if name in model.heads:
                proba = model.heads[name].predict_proba(meta)
                out[name] = proba[:, 1] if name == "escalation" else proba
    return X, out


def assert_same_scores(model, tickets) -> None:
    X_reference, reference = reference_scores(model, tickets)
    X = model.analyse(tickets)[1]
    assert X.shape == X_reference.shape
    assert X.has_sorted_indices  # explanations search the active columns
    np.testing.assert_array_equal(X.indptr, X_reference.indptr)
    np.testing.assert_array_equal(X.indices, X_reference.indices)
    np.testing.assert_allclose(X.data, X_reference.data, rtol=0, atol=TOLERANCE)
    probabilities = model.head_probabilities(X)
    assert probabilities.keys() == reference.keys()
    for name, expected in reference.items():
        np.testing.assert_allclose(probabilities[name], expected, rtol=0, atol=TOLERANCE, err_msg=name)


@pytest.mark.parametrize("size", [1, 3, 40])
def test_lean_scores_equal_scikit_learns_on_the_trained_model(model, probe_tickets, size):
    assert_same_scores(model, (probe_tickets + handwritten_tickets())[:size])


def test_lean_scores_equal_scikit_learns_one_ticket_at_a_time(model):
    for ticket in handwritten_tickets():
        assert_same_scores(model, [ticket])


def test_lean_scores_follow_weights_changed_in_place(model_dir, probe_tickets):
    # Saving turns the text heads' weights sparse and back; nothing computed from the old ones may linger.
    model = load_model(model_dir)
    assert_same_scores(model, probe_tickets[:5])
    set_weight_layout(model.heads, dense=False)
    assert_same_scores(model, probe_tickets[:5])


# Labels kept on a handful of rows only (too few to train on), and the heads that must then fall back.
MISSING_LABELS = {
    "no team, no frustration": ({"team": None, "frustration": None}, {"team", "frustration"}),
    "no escalation (no second stage)": ({"escalated": None, "team": None}, {"escalation", "team"}),
    "no triggers": ({"triggers": None}, {"technical", "financial", "legal"}),
}
LABELLED_ROWS = 10


@pytest.fixture(scope="module", params=list(MISSING_LABELS), ids=list(MISSING_LABELS))
def model_with_fallbacks(request, demo_history):
    removed, falling_back = MISSING_LABELS[request.param]
    history = demo_history[:LABELLED_ROWS] + [t.model_copy(update=removed) for t in demo_history[LABELLED_ROWS:600]]
    # A head whose few labelled rows all carry one value falls back to the rules instead of stopping training.
    model = train(history, load_config(), TrainSettings(seed=0, skip_single_valued_heads=True)).model
    assert falling_back <= set(model.fallback_heads)
    return model


def test_lean_scores_equal_scikit_learns_when_heads_fall_back(model_with_fallbacks, probe_tickets):
    assert_same_scores(model_with_fallbacks, probe_tickets[:1])
    assert_same_scores(model_with_fallbacks, probe_tickets[:20])
    predictions = Triage.of(model_with_fallbacks).predict(probe_tickets[:3])
    assert [p.id for p in predictions] == [t.id for t in probe_tickets[:3]]


# -- heads the trained models do not use today ---------------------------------------------------------


@pytest.fixture(scope="module")
def rows(demo_history, model):
    """Real feature rows, labels for a binary and a four-class head, and the second stage's dense columns."""
    tickets = demo_history[:300]
    X = model.analyse(unlabelled(tickets))[1]
    rng = np.random.default_rng(0)
    binary = np.array([int(bool(t.triggers) and "financial" in t.triggers) for t in tickets])
    four = rng.integers(0, 4, len(tickets))
    dense = np.column_stack([X[:, -40:].toarray(), rng.normal(size=(len(tickets), 3))])
    return X, binary, four, dense


def _sgd() -> SGDClassifier:
    return SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=5, tol=None, random_state=0)


HEADS = {
    "sgd binary sigmoid": (_sgd, "binary", "sigmoid"),
    "sgd four-class temperature": (_sgd, "four", "temperature"),
    "sgd four-class one-vs-rest sigmoid": (_sgd, "four", "sigmoid"),
    "sgd binary isotonic": (_sgd, "binary", "isotonic"),
    "logistic binary sigmoid": (lambda: LogisticRegression(max_iter=200), "binary", "sigmoid"),
    "logistic four-class temperature": (lambda: LogisticRegression(max_iter=200), "four", "temperature"),
    "scaled logistic (second stage) temperature": (
        lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=500)),
        "four",
        "temperature",
    ),
}


def _fit(factory, labels, method, frozen: bool, X):
    if frozen:  # as training calibrates: a fitted model, its calibration on held-out rows
        head = CalibratedClassifierCV(FrozenEstimator(factory().fit(X[:200], labels[:200])), method=method)
        return head.fit(X[200:], labels[200:])
    return CalibratedClassifierCV(factory(), method=method, cv=3).fit(X, labels)  # three folds


@pytest.mark.parametrize("frozen", [True, False], ids=["frozen", "three folds"])
@pytest.mark.parametrize("case", list(HEADS))
def test_lean_head_equals_predict_proba_and_its_evidence(rows, case, frozen):
    factory, task, method = HEADS[case]
    X, binary, four, dense = rows
    features = dense if "scaled" in case else X
    labels = binary if task == "binary" else four
    head = _fit(factory, labels, method, frozen, features)

    proba, folds = lean.calibrated_probabilities(head, features)

    np.testing.assert_allclose(proba, head.predict_proba(features), rtol=0, atol=TOLERANCE)
    assert len(folds) == len(head.calibrated_classifiers_)
    name = "financial" if task == "binary" else "frustration"  # log-odds, or the expected class
    np.testing.assert_allclose(
        fold_evidence(name, folds, features, head.classes_),
        head_evidence(name, head, features),
        rtol=0,
        atol=TOLERANCE,
    )


def test_a_head_calibrated_over_folds_names_its_evidence_by_its_own_classes(rows):
    # CalibratedClassifierCV fits its fold models on encoded labels (0, 1, ...): the columns must still carry
    # the teams' names, or the team stage and the explanations cannot tell which team a column is.
    X, _, four, _ = rows
    teams = np.array([f"team_{label}" for label in four])
    head = CalibratedClassifierCV(SGDClassifier(loss="log_loss", random_state=0), cv=3).fit(X, teams)
    _, folds = lean.calibrated_probabilities(head, X)

    for values in (head_evidence("team_text", head, X), fold_evidence("team_text", folds, X, head.classes_)):
        assert values.classes == tuple(head.classes_)


def test_a_head_over_another_model_goes_through_scikit_learn(rows):
    X, binary, _, dense = rows
    head = _fit(lambda: DecisionTreeClassifier(max_depth=3, random_state=0), binary, "sigmoid", True, dense)
    proba, folds = lean.calibrated_probabilities(head, dense)
    np.testing.assert_allclose(proba, head.predict_proba(dense), rtol=0, atol=TOLERANCE)
    assert folds[0].decision is None


# -- feature blocks the trained models do not use today ------------------------------------------------


def _frame(plans: list[str]) -> pd.DataFrame:
    n = len(plans)
    return pd.DataFrame(
        {
            "text": [f"refund {i} please, it is broken" if i % 2 else f"login error {i}" for i in range(n)],
            "plan": plans,
            "channel": ["email", "chat"] * (n // 2) + ["email"] * (n % 2),
            "a": np.linspace(-2.0, 5.0, n),
            "b": np.arange(n, dtype=float) % 3,
            "c": np.ones(n),
        }
    )


def test_lean_features_equal_scikit_learns_for_other_blocks():
    columns = ColumnTransformer(
        [
            (
                "hashed",
                make_pipeline(HashingVectorizer(n_features=2**8, norm=None), TfidfTransformer(norm="l1")),
                "text",
            ),
            ("counted", make_pipeline(CountVectorizer(), TfidfTransformer(use_idf=False)), "text"),
            ("categories", OneHotEncoder(handle_unknown="ignore"), ["plan", "channel"]),
            ("dense_categories", OneHotEncoder(handle_unknown="ignore", sparse_output=False), ["plan"]),
            ("unscaled_mean", StandardScaler(with_mean=False), ["a", "b"]),
            ("max_abs", MaxAbsScaler(), ["a"]),
            ("min_max", MinMaxScaler(), ["a", "c"]),  # not computed by triage.model.lean: its own transform
            ("raw", "passthrough", ["b"]),
            ("nothing", "drop", ["c"]),
        ],
        sparse_threshold=1.0,
        transformer_weights={"categories": 2.0, "unscaled_mean": 0.5, "raw": 3.0},
    )
    features = make_pipeline(FunctionTransformer(lambda frame: frame.copy()), columns)
    features.fit(_frame(["free", "pro", "enterprise", "pro", "free", "basic"]))
    frame = _frame(["pro", "unknown plan", "free", "enterprise", None])  # unknown categories are left out

    expected = sparse.csr_matrix(features.transform(frame))
    got = lean.column_blocks(columns, features[0].transform(frame))

    assert got.shape == expected.shape
    assert got.has_sorted_indices
    np.testing.assert_allclose(got.toarray(), expected.toarray(), rtol=0, atol=TOLERANCE)


def test_a_step_given_other_features_than_it_was_fitted_on_is_refused():
    # As scikit-learn refuses it: say, a stateless block (the frustration cues) that changed since training.
    scaler = StandardScaler().fit(np.ones((3, 13)))
    with pytest.raises(ValueError, match="expects 13 features"):
        lean._transform(scaler, np.ones((1, 14)))


@pytest.mark.parametrize("ngram_range", [(2, 5), (1, 1), (1, 3), (3, 6), (5, 5)])
def test_cached_character_ngram_columns_are_scikit_learns(ngram_range):
    from triage.model.features import char_wb_columns

    # Words shorter than an n-gram size are counted once as a whole, as scikit-learn counts them.
    words = ["a", "ab", "abc", "hello", "x" * 12, "é", "日本語", "naïve", "don't"]
    reference = HashingVectorizer(
        analyzer="char_wb", ngram_range=ngram_range, n_features=2**12, alternate_sign=False, norm=None
    )
    for word in words:
        expected = reference.transform([word]).toarray()[0]
        counted = np.bincount(char_wb_columns(word, ngram_range, 2**12), minlength=2**12)
        np.testing.assert_array_equal(counted, expected, err_msg=word)


def test_hashed_counts_sort_64_bit_keys_when_a_batch_is_past_the_32_bit_bound():
    """The (row, column) keys are sorted as 32-bit integers while rows x width fits (one ticket at 2^30
    columns), as 64-bit ones past it (three tickets): both give scikit-learn's counts; a key cast to 32 bits
    past the bound would wrap and move the third ticket's counts."""
    width = 2**30
    hasher = char_vectorizer(n_features=width)
    texts = ["Export fails with error 500", "the export fails again, again", "Zebra quokka"]
    assert width <= np.iinfo(np.int32).max < len(texts) * width

    batch = lean._hashed_counts(hasher, texts).tocsr()
    one_at_a_time = sparse.vstack([lean._hashed_counts(hasher, [text]).tocsr() for text in texts]).tocsr()

    expected = hasher.transform(texts).tocsr()
    assert batch.shape == expected.shape == (3, width)
    assert (batch != expected).nnz == 0 and (one_at_a_time != expected).nnz == 0
    assert batch.indices.max() > 2**29  # columns high enough that row * width + column passes 2^31
