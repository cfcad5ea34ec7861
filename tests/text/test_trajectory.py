"""The trajectory of a ticket's history: contacts, replies, failed troubleshooting and how long it has been open.
Every thread here is our own invention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from triage.schema import Interaction
from triage.text.trajectory import trajectory_of_turns

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def turn(author: str, body: str, hours: float | None) -> Interaction:
    return Interaction(author=author, body=body, at=None if hours is None else START + timedelta(hours=hours))


THREAD = [
    turn("customer", "The nightly export stopped arriving.", 0),
    turn("agent", "Could you try clearing the export folder and running it again?", 2),
    turn("customer", "Did that, still failing with the same error.", 20),
]


def test_contacts_replies_and_failed_attempts() -> None:
    path = trajectory_of_turns(THREAD, "Any news?", START + timedelta(hours=70))
    assert (path.customer_contacts, path.agent_replies, path.failed_attempts) == (3, 1, 1)


@pytest.mark.parametrize(
    ("agent", "customer", "failed"),
    [
        ("Could you disconnect and reconnect the calendar, then tell us?", "Done that. Didn't work.", 1),
        ("Please re-authorise the connection from the admin account.", "Reconnected, still nothing coming in.", 1),
        ("Could you check the app has the orders permission?", "The permission was already there.", 1),
        ("I've chased the finance team for your refund.", "A week later and nothing has arrived.", 1),
        ("Would you turn it off and on again?", "Still blank after that.", 1),
        # Not a failure: the step worked, or the customer only acknowledges it.
        ("Could you disconnect and reconnect the calendar?", "That worked, thanks!", 0),
        ("Please re-authorise the connection.", "Will do tomorrow morning.", 0),
        ("Could you check the permission?", "It is still normal to see a delay, right?", 0),
        # Routine threads: a request for an address, news that something arrived, a wait.
        ("Could you send me her email address?", "The invite is already there in her inbox.", 0),
        ("Please wait until tomorrow for the invite.", "Nothing happened yet, she logs in tomorrow.", 0),
        # No step offered: the customer's "still" is no failed attempt.
        ("Thanks, we are looking into it.", "Still nothing on my side.", 0),
    ],
)
def test_failed_attempts_in_the_ways_agents_and_customers_write(agent: str, customer: str, failed: int) -> None:
    thread = [turn("customer", "The sync stopped.", 0), turn("agent", agent, 1), turn("customer", customer, 5)]
    assert trajectory_of_turns(thread, "Any news?", None).failed_attempts == failed


@pytest.mark.parametrize(
    ("created_hours", "expected"),
    [
        (70, 70.0),  # created_at is the latest message, as in our own tickets
        (0, 20.0),  # created_at is the first message, as helpdesk exports often say: not "open 0 hours"
        (None, 20.0),  # no created_at: the turns' own span
    ],
)
def test_hours_open_spans_the_earliest_to_the_latest_known_time(created_hours: float | None, expected: float) -> None:
    created_at = None if created_hours is None else START + timedelta(hours=created_hours)
    assert trajectory_of_turns(THREAD, "Any news?", created_at).hours_open == pytest.approx(expected)


def test_hours_open_is_zero_without_a_history_or_a_reliable_span() -> None:
    assert trajectory_of_turns([], "First message.", START).hours_open == 0.0
    untimed = [turn("customer", "Hello?", None)]
    assert trajectory_of_turns(untimed, "Hello again?", START).hours_open == 0.0
    naive = [Interaction(author="customer", body="Hello?", at=datetime(2026, 3, 1, 9, 0))]
    assert trajectory_of_turns(naive, "Hello again?", START).hours_open == 0.0  # naive beside aware
