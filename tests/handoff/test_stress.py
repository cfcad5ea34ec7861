"""The rubric (docs/handoffs.md) over 28 escalation-worthy tickets written in session 9 in forms the dev sets do not
use (tests/handoff/checklist/stress.jsonl): signature styles ("Rgds,", "Best, Sam" over the full name, a pipe line
under "-- ", all lower case, particles), amounts ("INR 4,50,000", "two thousand dollars", "€ 950", "12k USD"),
deadlines ("eod tomorrow", "by 4pm on 20 March", "before our audit on 3/12", "Friday the 25th"), identifiers
("INV/2026/0417", "SQLSTATE 40001") and cases (an SLA credit claimed, another patient's record received).

Written before the fixes of that session and graded then (10 of 28 passed with these stubbed heads), so the pass
rate here is in-sample: the fixes were written after reading these drafts. The heads are stubbed as in
test_checklist.py, so the rows grade the drafts, not the model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from test_checklist import drafted, for_grading

from triage.schema import Ticket
from triage.text.signals import find_signals

sys.path.insert(0, str(Path(__file__).parent / "checklist"))

from rubric import failures  # noqa: E402

# stress_fresh.jsonl: 10 more, written after the first fixes and graded once before the second (3 of 10 at 3a4820c,
# 2 of 10 after the first fixes); in-sample since.
STRESS = [Path(__file__).parent / "checklist" / name for name in ("stress.jsonl", "stress_fresh.jsonl")]
ROWS = [json.loads(line) for path in STRESS for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
# Still failing, and why: a fix would fit this ticket's words rather than a shape.
KNOWN_FAILURES: dict[str, str] = {}


@pytest.fixture(scope="module")
def signals() -> dict[str, dict[str, int]]:
    tickets = [Ticket.model_validate(row["ticket"]) for row in ROWS]
    found = find_signals(f"{ticket.subject}\n{ticket.body}" for ticket in tickets)
    return {
        ticket.id: {name: len(spans) for name, spans in row.items()} for ticket, row in zip(tickets, found, strict=True)
    }


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(row, marks=pytest.mark.xfail(reason=KNOWN_FAILURES[row["ticket"]["id"]], strict=True))
        if row["ticket"]["id"] in KNOWN_FAILURES
        else row
        for row in ROWS
    ],
    ids=[row["ticket"]["id"] for row in ROWS],
)
def test_stress_ticket_meets_the_rubric(row, signals):
    ticket, decision, handoff, acknowledgement = drafted(row, signals)
    if row["expect"].get("stays_at_tier_1"):  # a refund within policy asked plainly: the front line's, no drafts
        assert not decision.escalate and acknowledgement is None
        return
    assert failures(for_grading(row, ticket, decision, handoff, acknowledgement)) == []
