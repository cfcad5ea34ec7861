"""Durable feedback: agents' corrections and tickets' final outcomes, stored once, exported as training labels.

An event (:class:`FeedbackIn`) carries a ticket id, human-confirmed labels named as in
:class:`triage.schema.LabelledTicket`, its source (``agent``, ``outcome``, ``helpdesk``), optionally the
prediction it corrects, and a required idempotency key. :meth:`FeedbackStore.record` returns only after the
transaction committed (SQLite: WAL with ``synchronous=FULL``, so the commit is fsynced), and a key stored
before returns the first event instead of a second row, also when two writers race (the unique constraint
decides, the loser reads the winner back). :meth:`FeedbackStore.export` streams one label dict per ticket;
:func:`join_labels` puts them on the tickets' text for ``triage train``.

Why no ticket text is stored: the text is the customer's words (names, addresses, account details) and it
already lives in the helpdesk, which keeps it under its own retention and deletion rules (a GDPR erasure
there would not reach a copy here). Labels alone are not personal data beyond the ticket id, so the store
can keep them as long as training needs them; the text is joined in at training time from a fresh helpdesk
export (:func:`join_labels`). The ticket's creation time is the one exception, accepted because it turns a
``resolution_hours`` into the ``resolved_at`` that training reads. See ``docs/feedback.md``.
"""

from triage.feedback._export import join_labels, merge_labels
from triage.feedback._schema import (
    LABEL_FIELDS,
    SOURCES,
    CorrectedPrediction,
    FeedbackIn,
    FeedbackOut,
    Labels,
    PredictedLabels,
)
from triage.feedback._store import DEFAULT_URL, FeedbackStore, FeedbackStoreError, create_engine

__all__ = [
    "DEFAULT_URL",
    "LABEL_FIELDS",
    "SOURCES",
    "CorrectedPrediction",
    "FeedbackIn",
    "FeedbackOut",
    "FeedbackStore",
    "FeedbackStoreError",
    "Labels",
    "PredictedLabels",
    "create_engine",
    "join_labels",
    "merge_labels",
]
