"""Dynamic batching of single-ticket requests (``service/batching.py``)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from service.batching import DynamicBatcher
from triage.schema import Ticket


class SlowModel:
    """Stands in for a Triage: answers each ticket with its id, and notes the batches it was given."""

    def __init__(self, seconds: float = 0.02, fail_on: str | None = None) -> None:
        self.seconds, self.fail_on = seconds, fail_on
        self.batches: list[list[str]] = []
        self.threads: set[str] = set()

    def predict(self, tickets):
        self.threads.add(threading.current_thread().name)
        self.batches.append([t.id for t in tickets])
        time.sleep(self.seconds)
        if any(t.id == self.fail_on for t in tickets):
            raise ValueError("the model failed")
        return [f"prediction of {t.id}" for t in tickets]


def ticket(i: int | str) -> Ticket:
    return Ticket(id=f"T-{i}", body="The export fails.")


def test_concurrent_requests_are_scored_together_in_order():
    model = SlowModel()

    async def main():
        batcher = DynamicBatcher(max_batch=8)
        answers = await asyncio.gather(*(batcher.predict(model, ticket(i)) for i in range(20)))
        batcher.close()
        return answers

    answers = asyncio.run(main())

    assert answers == [f"prediction of T-{i}" for i in range(20)]
    # The first request is taken at once; the rest queue while it is scored and go in batches of at most 8.
    assert model.batches[0] == ["T-0"]
    assert [len(batch) for batch in model.batches] == [1, 8, 8, 3]
    assert model.threads == {"scoring_0"}  # one scoring thread, off the event loop


def test_a_batch_is_answered_before_the_next_one_starts():
    """The requests of a batch write their answers before the scoring thread takes the GIL for the next batch."""
    events: list[str] = []

    class NotingModel(SlowModel):
        def predict(self, tickets):
            events.append("scoring " + ",".join(t.id for t in tickets))
            return super().predict(tickets)

    model = NotingModel(seconds=0.01)

    async def main():
        batcher = DynamicBatcher(max_batch=8)

        async def request(i: int) -> None:
            await batcher.predict(model, ticket(i))
            events.append(f"answered T-{i}")

        await asyncio.gather(*(request(i) for i in range(4)))
        batcher.close()

    asyncio.run(main())

    assert events == [
        "scoring T-0",
        "answered T-0",
        "scoring T-1,T-2,T-3",
        "answered T-1",
        "answered T-2",
        "answered T-3",
    ]


def test_an_idle_batcher_answers_one_request_without_waiting():
    model = SlowModel(seconds=0)

    async def main():
        batcher = DynamicBatcher()
        start = time.perf_counter()
        answer = await batcher.predict(model, ticket(1))
        batcher.close()
        return answer, time.perf_counter() - start

    answer, seconds = asyncio.run(main())
    assert answer == "prediction of T-1"
    assert seconds < 0.05


def test_tickets_are_batched_only_with_the_same_model():
    old, new = SlowModel(), SlowModel()

    async def main():
        batcher = DynamicBatcher()
        calls = [batcher.predict(old if i % 2 else new, ticket(i)) for i in range(6)]
        answers = await asyncio.gather(*calls)
        batcher.close()
        return answers

    assert asyncio.run(main()) == [f"prediction of T-{i}" for i in range(6)]
    assert all(int(t[2:]) % 2 == 0 for batch in new.batches for t in batch)
    assert all(int(t[2:]) % 2 == 1 for batch in old.batches for t in batch)


def test_a_failed_batch_fails_its_requests_and_the_next_batch_still_runs():
    model = SlowModel(fail_on="T-bad")

    async def main():
        batcher = DynamicBatcher()
        first = asyncio.ensure_future(batcher.predict(model, ticket(0)))
        await asyncio.sleep(0)
        failed = [asyncio.ensure_future(batcher.predict(model, ticket(name))) for name in ("bad", "x")]
        await first
        with pytest.raises(ValueError):
            await failed[0]
        with pytest.raises(ValueError):
            await failed[1]
        later = await batcher.predict(model, ticket("later"))
        batcher.close()
        return later

    assert asyncio.run(main()) == "prediction of T-later"
