"""The n-gram hashers: the per-word character hasher gives exactly scikit-learn's char_wb hashing, only
faster; the word hasher drops terms unseen in training."""

from __future__ import annotations

import gc
import weakref

import numpy as np
import pytest
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils.estimator_checks import parametrize_with_checks

from triage.model.features import (
    CHAR_FEATURES,
    WORD_FEATURES,
    CharNgramHasher,
    SeenNgramHasher,
    _SeenColumns,
    char_vectorizer,
    hashed_column,
    word_vectorizer,
)

TEXTS = [
    "The export job FAILED again!!",
    "  leading and trailing spaces  ",
    "tabs\tand\nnew lines\r\nmixed",
    "Ünïcödé naïve café — déjà vu",
    "non\u00a0breaking\u2003spaces and\u2028separators",
    "",
    "x",
    "repeated repeated repeated words words",
    "e-mail: ops@example.com, error=0x80070005; path C:\\Temp\\log.txt",
]


def test_per_word_path_equals_scikit_learn_char_wb_hashing():
    batch = [f"{text} #{i}" for i in range(5) for text in TEXTS]  # above the per-word path's minimum batch
    ours = char_vectorizer().transform(batch)
    reference = HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), n_features=CHAR_FEATURES, alternate_sign=False, norm=None
    ).transform(batch)
    assert ours.shape == reference.shape
    assert ours.nnz == reference.nnz
    assert abs(ours - reference).max() == 0
    assert np.array_equal(ours.indptr, reference.indptr)


def test_small_batches_take_the_plain_path_with_the_same_result():
    single = char_vectorizer().transform([TEXTS[0]])
    batch = char_vectorizer().transform([TEXTS[0]] * 40)
    assert abs(single - batch[0]).max() == 0


def test_word_hasher_drops_terms_unseen_in_training_and_hashes_seen_ones_as_scikit_learn_does():
    hasher = word_vectorizer()
    hasher.fit(["the export failed", "refund my money"])
    plain = HashingVectorizer(**hasher.get_params()).transform(["the export failed"])
    ours = hasher.transform(["the export failed", "the loan failed"])
    assert abs(ours[0] - plain).max() == 0
    # "the" and "failed" were seen; "loan", "the loan" and "loan failed" were not.
    unigrams = HashingVectorizer(**{**hasher.get_params(), "ngram_range": (1, 1)}).transform(["the failed"])
    assert abs(ours[1] - unigrams).max() == 0
    assert ours[1].nnz == 2
    assert list(hasher.seen(["export", "loan", "the export", "export failed"])) == [True, False, True, True]


def test_seen_columns_are_the_hashed_columns_of_seen_terms_and_follow_a_refit():
    hasher = word_vectorizer()
    hasher.fit(["the export failed"])
    terms = ["export", "loan", "the export", "loan"]
    expected = [hashed_column("export", WORD_FEATURES), -1, hashed_column("the export", WORD_FEATURES), -1]
    assert hasher.seen_columns(terms).tolist() == expected
    assert hasher.seen_columns(terms).tolist() == expected  # remembered: the same answer
    hasher.fit(["a loan"])  # a refit forgets what the earlier fit saw
    loan = hashed_column("loan", WORD_FEATURES)
    assert hasher.seen_columns(terms).tolist() == [-1, loan, -1, loan]
    assert hasher.seen_columns([]).tolist() == []


def test_a_dropped_hasher_and_its_remembered_columns_are_freed_and_long_terms_are_not_kept():
    hasher = word_vectorizer()
    hasher.fit(["the export failed"])
    pasted = "x" * 500  # a pasted token: answered, never kept
    assert hasher.seen_columns(["export", pasted]).tolist() == [hashed_column("export", WORD_FEATURES), -1]
    remembered = _SeenColumns.of(hasher)
    assert set(remembered.table) == {"export"}
    alive = weakref.ref(hasher)
    del hasher
    gc.collect()
    assert alive() is None  # a reloaded model's old hashers go, with their tables


def test_word_hasher_fit_transform_equals_fit_then_transform():
    texts = ["Refund my money!", "the export FAILED again", ""]
    assert abs(word_vectorizer().fit_transform(texts) - word_vectorizer().fit(texts).transform(texts)).max() == 0


def test_word_hasher_must_be_fitted_and_refuses_a_bare_string():
    with pytest.raises(NotFittedError):
        word_vectorizer().transform(["anything"])
    with pytest.raises(ValueError, match="string object received"):
        word_vectorizer().fit("one text")


@parametrize_with_checks([CharNgramHasher(), SeenNgramHasher()])
def test_hashers_sklearn_checks(estimator, check):
    check(estimator)
