"""Contractions read as their spelled-out words: spaCy's tokenizer splits "couldn't" into "could" and "n't" and gives
those pieces norms of their own ("could", "ca", "n’t"), which the signals' lemma reading (the standalone "could"
reads "can") must agree with, in running text and in the patterns alike (triage.text.signals._pipeline)."""

from __future__ import annotations

import pytest

from triage.text.signals import _pipeline, find_signals


def _norms(text: str) -> list[str]:
    nlp, _ = _pipeline()
    return [token.norm_ for token in nlp.make_doc(text)]


@pytest.mark.parametrize(
    ("contracted", "spelled"),
    [
        ("couldn't", "could not"),
        ("couldn’t", "could not"),
        ("couldnt", "could not"),
        ("can't", "can not"),
        ("can’t", "cannot"),
        ("won't", "will not"),
        ("won’t", "will not"),
        ("isn't", "is not"),
        ("wasn’t", "was not"),
        ("hasn't", "has not"),
        ("didn't", "did not"),
    ],
)
def test_a_contraction_reads_as_its_words(contracted: str, spelled: str) -> None:
    assert _norms(f"we {contracted} renew") == _norms(f"we {spelled} renew")


@pytest.mark.parametrize(
    "text",
    [
        "We couldn't renew because the card was declined.",
        "We couldn’t renew, the renew button fails.",
        "We couldnt renew the plan online.",
        "We could not renew the plan online.",
        "We can't renew from the billing page.",
        "We can’t renew from the billing page.",
    ],
)
def test_an_inability_to_renew_in_any_spelling_is_no_churn_threat(text: str) -> None:
    assert "churn_threat" not in find_signals([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "We won't be renewing in February.",
        "We won’t be renewing in February.",
        "We will not be renewing in February.",
        "We wont be renewing in February.",
    ],
)
def test_a_refusal_to_renew_in_any_spelling_is_a_churn_threat(text: str) -> None:
    assert "churn_threat" in find_signals([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "We won't be paying this until the usage data arrives.",
        "We won’t be paying this until the usage data arrives.",
        "We will not be paying this until the usage data arrives.",
        "We would not be paying this without the usage data.",
    ],
)
def test_a_refusal_to_pay_in_any_spelling_is_a_billing_dispute(text: str) -> None:
    assert "billing_dispute" in find_signals([text])[0]
