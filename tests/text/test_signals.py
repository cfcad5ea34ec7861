"""Escalation signals: a hand-written fixture table pins every signal, its negated and non-literal uses, and
the scikit-learn contract of SignalCounts."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils import estimator_checks
from sklearn.utils.estimator_checks import parametrize_with_checks

from triage.text import signals
from triage.text.signals import SIGNALS, SignalCounts, find_signals

FIXTURE = Path(__file__).parents[1] / "fixtures" / "signals.jsonl"
ROWS = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}:{row['text'][:40]}" for i, row in enumerate(ROWS)])
def test_fixture_row(row: dict) -> None:
    [found] = find_signals([row["text"]])
    for name in row["present"]:
        assert name in found, f"{name} should fire on {row['text']!r}; found {found}"
    for name in row["absent"]:
        assert name not in found, f"{name} should not fire on {row['text']!r}; found {found}"


def test_fixture_pins_every_signal_and_names_only_known_ones() -> None:
    present = {name for row in ROWS for name in row["present"]}
    named = present | {name for row in ROWS for name in row["absent"]}
    assert present == set(SIGNALS)
    assert named <= set(SIGNALS)


def test_signal_names_are_stable_snake_case_with_descriptions() -> None:
    for name, description in SIGNALS.items():
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", name)
        assert description and description[0].islower()


def test_find_signals_reports_surface_strings_in_signal_order() -> None:
    [found] = find_signals(["Refund the $1,200 ASAP or I'll call my lawyer. Third time asking!"])
    assert list(found) == [name for name in SIGNALS if name in found]
    assert found["money_amount"] == ["$1,200"]
    assert found["refund_request"] == ["Refund"]
    assert found["legal_action"] == ["call my lawyer"]


def test_find_signals_batches_like_single_texts() -> None:
    texts = [row["text"] for row in ROWS]
    assert find_signals(texts) == [find_signals([text])[0] for text in texts]
    assert find_signals(texts, batch_size=3) == find_signals(texts)


def test_find_signals_accepts_any_iterable_and_nothing() -> None:
    assert find_signals(iter(["urgent", ""])) == [{"urgency": ["urgent"]}, {}]
    assert find_signals([]) == []


def test_line_breaks_do_not_change_matches() -> None:
    [flat] = find_signals(["Please cancel my subscription. I want a refund."])
    [broken] = find_signals(["Please cancel my\r\nsubscription.\n\n\tI want a refund."])
    assert flat.keys() == broken.keys()


# --- SignalCounts -----------------------------------------------------------------------------------------


@parametrize_with_checks([SignalCounts()])
def test_sklearn_checks(estimator, check) -> None:  # noqa: ANN001
    # With string input tags, scikit-learn runs only the checks that apply to raw-text estimators (as for
    # its own CountVectorizer); the contract tests below cover the rest on text.
    check(estimator)


@pytest.mark.parametrize(
    "check_name",
    [
        "check_no_attributes_set_in_init",
        "check_get_params_invariance",
        "check_set_params",
        "check_parameters_default_constructible",
        "check_valid_tag_types",
        "check_estimator_repr",
        "check_mixin_order",
        "check_do_not_raise_errors_in_init_or_set_params",
        "check_estimators_unfitted",
    ],
)
def test_sklearn_api_checks_that_need_no_numeric_data(check_name: str) -> None:
    getattr(estimator_checks, check_name)("SignalCounts", SignalCounts())


TEXTS = [row["text"] for row in ROWS]


def test_transform_counts_matches_log1p_scaled() -> None:
    texts = ["Refund me. I want a refund, a full refund!", "", "hello"]
    model = SignalCounts()
    assert model.fit(texts) is model
    matrix = model.transform(texts)
    assert sp.issparse(matrix) and matrix.format == "csr" and matrix.dtype == np.float64
    assert matrix.shape == (3, len(SIGNALS))
    column = list(model.get_feature_names_out()).index("signal:refund_request")
    assert matrix[0, column] == pytest.approx(np.log1p(3))
    assert matrix[1:].nnz == 0


def test_feature_names_follow_signals() -> None:
    names = SignalCounts().fit(["x"]).get_feature_names_out()
    assert list(names) == [f"signal:{name}" for name in SIGNALS]


def test_transform_never_refits_and_is_row_independent() -> None:
    model = SignalCounts().fit(TEXTS[:5])
    state = dict(vars(model))
    whole = model.transform(TEXTS).toarray()
    assert vars(model) == state
    rows = np.vstack([model.transform([text]).toarray() for text in TEXTS])
    np.testing.assert_array_equal(whole, rows)
    order = np.random.default_rng(0).permutation(len(TEXTS))
    np.testing.assert_array_equal(model.transform([TEXTS[i] for i in order]).toarray(), whole[order])


def test_accepts_arrays_and_series_and_survives_pickle_and_clone() -> None:
    model = SignalCounts().fit(TEXTS)
    expected = model.transform(TEXTS).toarray()
    np.testing.assert_array_equal(model.transform(np.array(TEXTS, dtype=object)).toarray(), expected)
    np.testing.assert_array_equal(model.transform(pd.Series(TEXTS)).toarray(), expected)
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(model)).transform(TEXTS).toarray(), expected)
    np.testing.assert_array_equal(clone(model).fit(TEXTS).transform(TEXTS).toarray(), expected)


def test_rejects_what_is_not_a_batch_of_texts() -> None:
    model = SignalCounts().fit(["x"])
    with pytest.raises(ValueError, match="string object received"):
        model.transform("one string is not a batch")
    with pytest.raises(ValueError, match="1-d"):
        model.transform(np.array([["a", "b"]], dtype=object))
    with pytest.raises(TypeError, match="text 1"):
        model.transform(["fine", None])
    with pytest.raises(NotFittedError):
        SignalCounts().transform(["x"])


def test_refuses_a_model_fitted_with_another_signal_set(monkeypatch: pytest.MonkeyPatch) -> None:
    model = SignalCounts().fit(["x"])
    monkeypatch.setattr(signals, "SIGNALS", {**SIGNALS, "new_signal": "a signal added later"})
    with pytest.raises(ValueError, match="retrain"):
        model.transform(["x"])


def test_pipeline_is_built_lazily() -> None:
    import subprocess
    import sys

    code = "import sys, triage.text.signals; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_remembered_results_equal_fresh_ones_and_cannot_be_changed_by_callers():
    text = "Refund the $40 or I file a chargeback. Third time I write!"
    first = find_signals([text, text])
    first[0]["chargeback"].append("edited by a caller")
    again = find_signals([text])
    assert again[0] == first[1]
    assert "edited by a caller" not in again[0]["chargeback"]
