"""The tickets this process scored lately, kept in memory for the managers' risk report (``/v1/reports/risk``).

Only the latest version of a ticket is kept (a ticket scored again after the customer's reply replaces its
earlier copy), for at most ``report_retention_hours``, and never more than ``report_max_tickets`` tickets or
``report_max_characters`` characters of text: the oldest go first. Nothing is written to disk, for the reason
the feedback store keeps no text (docs/feedback.md): the helpdesk holds the customer's words under its own
retention and erasure rules. A restart, or another worker process, starts with an empty report.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from triage.schema import Ticket


def _characters(ticket: Ticket) -> int:
    return len(ticket.subject) + len(ticket.body) + sum(len(turn.body) for turn in ticket.history)


class RecentTickets:
    def __init__(self, max_tickets: int, max_characters: int, retention: timedelta) -> None:
        self.max_tickets = max_tickets
        self.max_characters = max_characters
        self.retention = retention
        self._tickets: OrderedDict[str, tuple[datetime, Ticket, int]] = OrderedDict()  # oldest first
        self._characters = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._tickets)

    def add(self, tickets: Iterable[Ticket], now: datetime | None = None) -> None:
        scored_at = now or datetime.now(UTC)
        with self._lock:
            for ticket in tickets:
                self._drop(ticket.id)
                size = _characters(ticket)
                self._tickets[ticket.id] = (scored_at, ticket, size)
                self._characters += size
            self._evict(scored_at)

    def since(self, hours: float, now: datetime | None = None) -> list[Ticket]:
        """The tickets scored in the last ``hours`` (within the retention), oldest first."""
        now = now or datetime.now(UTC)
        cutoff = now - timedelta(hours=hours)
        with self._lock:
            self._evict(now)
            return [ticket for scored_at, ticket, _ in self._tickets.values() if scored_at >= cutoff]

    def _drop(self, ticket_id: str) -> None:
        entry = self._tickets.pop(ticket_id, None)
        if entry is not None:
            self._characters -= entry[2]

    def _evict(self, now: datetime) -> None:
        expired = now - self.retention
        while self._tickets:
            ticket_id, (scored_at, _, _) = next(iter(self._tickets.items()))
            too_many = len(self._tickets) > self.max_tickets or self._characters > self.max_characters
            if scored_at >= expired and not too_many:
                return
            self._drop(ticket_id)
