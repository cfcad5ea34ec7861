"""The in-memory store of recently scored tickets behind ``/v1/reports/risk`` (``service/recent.py``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from service.recent import RecentTickets
from triage.schema import Ticket

NOON = datetime(2026, 12, 6, 12, tzinfo=UTC)


def ticket(id: str, body: str = "The export fails.") -> Ticket:
    return Ticket(id=id, subject="Export", body=body)


def test_only_the_latest_version_of_a_ticket_is_kept():
    recent = RecentTickets(max_tickets=10, max_characters=10_000, retention=timedelta(hours=24))

    recent.add([ticket("T-1", "first")], now=NOON - timedelta(hours=2))
    recent.add([ticket("T-2")], now=NOON - timedelta(hours=1))
    recent.add([ticket("T-1", "the customer replied")], now=NOON)

    kept = recent.since(hours=24, now=NOON)
    assert [t.id for t in kept] == ["T-2", "T-1"]
    assert kept[1].body == "the customer replied"


def test_the_window_and_the_retention_decide_what_is_reported():
    recent = RecentTickets(max_tickets=10, max_characters=10_000, retention=timedelta(hours=24))
    recent.add([ticket("old")], now=NOON - timedelta(hours=30))
    recent.add([ticket("morning")], now=NOON - timedelta(hours=5))
    recent.add([ticket("now")], now=NOON)

    assert [t.id for t in recent.since(hours=1, now=NOON)] == ["now"]
    assert [t.id for t in recent.since(hours=48, now=NOON)] == ["morning", "now"]  # "old" is past retention
    assert len(recent) == 2


def test_the_oldest_go_first_past_the_count_and_text_bounds():
    by_count = RecentTickets(max_tickets=2, max_characters=10_000, retention=timedelta(hours=24))
    by_count.add([ticket("a"), ticket("b"), ticket("c")], now=NOON)
    assert [t.id for t in by_count.since(hours=1, now=NOON)] == ["b", "c"]

    by_text = RecentTickets(max_tickets=10, max_characters=30, retention=timedelta(hours=24))
    by_text.add([ticket("a", "x" * 10), ticket("b", "y" * 10)], now=NOON)  # "Export" + 10 = 16 each
    assert [t.id for t in by_text.since(hours=1, now=NOON)] == ["b"]
