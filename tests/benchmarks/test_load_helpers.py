"""The load benchmark's request bodies: the batch route gets distinct valid tickets, and wrk's scripts carry
each body's JSON exactly."""

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
import load  # noqa: E402  (the benchmarks folder is not a package)

from triage.schema import Ticket


def _lua_strings(script: str) -> list[str]:
    """The double-quoted string literals of a Lua script, unescaped (only \\\\ and \\" are used)."""
    return [re.sub(r"\\(.)", r"\1", literal) for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', script)]


def test_batch_bodies_hold_distinct_valid_tickets() -> None:
    bodies = load.batch_bodies()
    tickets = [ticket for body in bodies for ticket in body["tickets"]]

    assert len(bodies) == load.BATCH_BODIES
    assert all(len(body["tickets"]) == load.BATCH_SIZE for body in bodies)
    assert len({ticket["id"] for ticket in tickets}) == len(tickets)
    assert len({(ticket["subject"], ticket["body"]) for ticket in tickets}) == len(tickets)
    assert all(Ticket.model_validate(ticket) for ticket in tickets)


def test_the_scripts_carry_each_body_exactly(tmp_path: Path) -> None:
    bodies = [{"tickets": [{"id": 'quote " and \\ backslash', "body": "line\nbreak"}]}, {"tickets": [load.TICKET]}]

    each = load.lua_post_each(tmp_path / "each.lua", bodies).read_text()
    one = load.lua_post(tmp_path / "one.lua", load.TICKET).read_text()

    assert [json.loads(text) for text in _lua_strings(each) if text.startswith("{")] == bodies
    assert [json.loads(text) for text in _lua_strings(one) if text.startswith("{")] == [load.TICKET]
    assert "request = function()" in each
