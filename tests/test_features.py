"""The per-word character n-gram hasher gives exactly scikit-learn's char_wb hashing, only faster."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from triage.features import CHAR_FEATURES, char_vectorizer

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
