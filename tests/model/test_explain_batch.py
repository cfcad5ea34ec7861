"""Explanations are computed for a whole batch at once (triage.model.explain): a ticket's explanations must not
depend on the tickets scored beside it, and each ticket's phrases must divide exactly its own score."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import handwritten_tickets

from triage.model.explain import AnalysedTicket
from triage.model.features import SIGNAL_QUOTES, TEXT, TRAJECTORY


def attribute(model, tickets):
    """The batch's feature matrix and its phrases' attribution (no team: the text heads only)."""
    columns, X = model.analyse(tickets)
    analysed = [
        AnalysedTicket(text, ticket, path, {}, quotes)
        for ticket, text, path, quotes in zip(
            tickets, columns[TEXT], columns[TRAJECTORY], columns[SIGNAL_QUOTES], strict=True
        )
    ]
    return X, model.explainer._attribution(X, analysed)


@pytest.fixture(scope="module")
def tickets(probe_tickets):
    return [*probe_tickets, *handwritten_tickets()]


def test_a_ticket_is_explained_the_same_alone_and_in_any_batch(model, tickets) -> None:
    together = [scores.explanations for scores in model.score(tickets)]
    alone = [model.score([ticket])[0].explanations for ticket in tickets]
    reversed_batch = [scores.explanations for scores in model.score(tickets[::-1])][::-1]

    assert together == alone
    assert together == reversed_batch
    assert all(explained for explained in together)


def test_each_tickets_phrases_divide_exactly_its_own_score(model, tickets) -> None:
    X, attribution = attribute(model, tickets)
    weights = model.explainer._linear_weights("technical")

    effect = attribution.split(weights[X.indices] * X.data)

    ends = np.cumsum(attribution.phrase_counts)
    per_ticket = [effect[end - count : end].sum() for end, count in zip(ends, attribution.phrase_counts, strict=True)]
    np.testing.assert_allclose(per_ticket, X @ weights, rtol=1e-9, atol=1e-9)


def test_the_strongest_phrases_of_each_ticket_are_its_own_largest(model, tickets) -> None:
    X, attribution = attribute(model, tickets[:5])
    effect = attribution.split(model.explainer._linear_weights("legal")[X.indices] * X.data)

    strongest, ends = attribution.strongest(effect, 3)

    first = 0
    for count, begin, end in zip(attribution.phrase_counts, [0, *ends[:-1]], ends, strict=True):
        top = strongest[begin:end]
        own = np.abs(effect[first : first + count])
        assert all(first <= i < first + count for i in top)
        np.testing.assert_array_equal(np.abs(effect[top]), np.sort(own)[::-1][:3])
        first += count
