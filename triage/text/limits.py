"""How much of a ticket the text analysers read.

The data contract admits a body of 100,000 characters (docs/data-contract.md), but what decides a triage is
at its top: the customer's own words come first, and quoted replies, signatures and pasted logs follow. The
analysers (spaCy's tokenizer, the signal and cue patterns, the hashed word and character features) read the
first :data:`ANALYSED_CHARACTERS` of the message and the last as many of the history, with runs of spaces and
tabs collapsed, so the largest ticket costs a fraction of a second and no request holds the server (a body of
100,000 characters took 1.1-1.6 s, a run of 60,000 tabs held the event loop for 0.35 s in spaCy). The
prediction says when a message was cut (:func:`truncation_note`).
"""

from __future__ import annotations

import re

ANALYSED_CHARACTERS = 20_000
_SPACE_RUN = re.compile(r"[ \t\r\f\v\u00a0\u3000]{64,}")  # 64+: alignment in a pasted log keeps its spaces


def analysed_message(text: str) -> str:
    return _SPACE_RUN.sub(" ", text[:ANALYSED_CHARACTERS])


def analysed_history(text: str) -> str:
    """The most recent part of the history: the turns nearest to this message say the most about it."""
    return _SPACE_RUN.sub(" ", text[-ANALYSED_CHARACTERS:])


def truncation_note(subject: str, body: str) -> str | None:
    length = len(subject) + 1 + len(body)
    if length <= ANALYSED_CHARACTERS:
        return None
    return f"only the first {ANALYSED_CHARACTERS:,} of the message's {length:,} characters were analysed"
