"""How much of a ticket the analysers read (``triage/text/limits.py``) and that a prediction says when a
message was cut."""

from __future__ import annotations

from triage.pipeline import Triage
from triage.schema import Ticket
from triage.text.limits import ANALYSED_CHARACTERS, analysed_history, analysed_message, truncation_note


def test_the_message_is_read_from_its_top_and_the_history_from_its_end():
    message = "Refund my order. " + "x" * (3 * ANALYSED_CHARACTERS)
    history = "y" * (3 * ANALYSED_CHARACTERS) + " the latest turn"

    assert analysed_message(message).startswith("Refund my order.")
    assert len(analysed_message(message)) == ANALYSED_CHARACTERS
    assert analysed_history(history).endswith("the latest turn")
    assert len(analysed_history(history)) == ANALYSED_CHARACTERS


def test_long_runs_of_spaces_and_tabs_collapse_but_short_ones_and_newlines_stay():
    assert analysed_message("a" + "\t" * 10_000 + "b") == "a b"
    aligned = "id   name\n" + " " * 20 + "value\n\n\nnext"
    assert analysed_message(aligned) == aligned


def test_a_note_only_for_a_cut_message():
    assert truncation_note("Help", "short body") is None
    note = truncation_note("Help", "z" * 100_000)
    assert note == f"only the first {ANALYSED_CHARACTERS:,} of the message's 100,005 characters were analysed"


def test_a_long_ticket_is_predicted_with_the_note_and_a_short_one_without(model):
    triage = Triage.of(model)
    long_body = "Our API returns 500 errors since the deploy. " + "Log line: request failed. " * 3_000
    short, long = triage.predict(
        [
            Ticket(id="S", subject="API", body="Our API returns 500 errors."),
            Ticket(id="L", subject="API", body=long_body),
        ]
    )

    assert not any("were analysed" in reason for reason in short.reasons)
    assert any("were analysed" in reason for reason in long.reasons)
    assert "technical" in long.triggers
