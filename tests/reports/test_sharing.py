"""Work shared with forked helper processes (triage.reports.sharing): every task done once, results in order,
a helper's error raised here, and the same answers with one process."""

from __future__ import annotations

import os
import time

import pytest

from triage.errors import TriageError
from triage.reports.sharing import Sharing, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="this platform cannot fork")


def _square_slowly(shared: dict, number: int) -> tuple[int, int, int]:
    time.sleep(0.02)  # long enough that a helper starts before this process has claimed every task
    return number, number * number * shared["factor"], os.getpid()


def _refuse(shared: dict, message: str) -> None:
    raise TriageError(message)


def test_every_task_is_done_once_by_one_of_the_processes_and_comes_back_in_order():
    tasks = [(_square_slowly, number) for number in range(40)]

    with Sharing({"factor": 3}, processes=2) as sharing:
        results = sharing.share(tasks)
        second = sharing.share(tasks[:5])  # a later round claims fresh slots

    assert [(number, square) for number, square, _ in results] == [(n, 3 * n * n) for n in range(40)]
    assert [square for _, square, _ in second] == [3 * n * n for n in range(5)]
    workers = {pid for _, _, pid in results}
    assert os.getpid() in workers and len(workers) == 2, "both processes took tasks"


def test_a_helpers_error_is_raised_here_with_its_message():
    with Sharing({}, processes=2) as sharing:
        pending = sharing.submit(_refuse, "closed.jsonl: row 3: field 'id': required")
        with pytest.raises(TriageError, match="row 3"):
            pending.get()


def test_one_process_does_everything_here_in_order():
    with Sharing({"factor": 1}, processes=1) as sharing:
        results = sharing.share([(_square_slowly, 2), (_square_slowly, 3)])
        submitted = sharing.submit(_square_slowly, 4).get()

    assert results == [(2, 4, os.getpid()), (3, 9, os.getpid())] and submitted == (4, 16, os.getpid())
