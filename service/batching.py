"""Dynamic batching: concurrent single-ticket requests are scored together, one batch at a time, off the event
loop (as Triton's dynamic batcher and Ray Serve's ``@serve.batch`` do).

The model scores a batch of 32 tickets for little more than the cost of a few single ones (features,
matrix products and rules are vectorised), and one scoring thread at a time keeps the threads from fighting
over the GIL (``docs/pitfalls.md``). There is no timer: an idle scorer takes a request at once, so one
client waits for nothing; while a batch is being scored, the requests that arrive queue and the next batch
takes them all (up to ``max_batch``). Tickets are batched only with others that started under the same
model and policy, so a request in flight still finishes on the pair it started with.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from triage.pipeline import Triage
from triage.schema import Prediction, Ticket

Result = TypeVar("Result")
_Waiting = tuple[Triage, Ticket, "asyncio.Future[Prediction]"]


class DynamicBatcher:
    def __init__(self, max_batch: int = 32) -> None:
        self.max_batch = max_batch
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scoring")
        self._waiting: deque[_Waiting] = deque()
        self._busy = False

    async def predict(self, triage: Triage, ticket: Ticket) -> Prediction:
        future: asyncio.Future[Prediction] = asyncio.get_running_loop().create_future()
        self._waiting.append((triage, ticket, future))
        if not self._busy:
            self._score_next()
        return await future

    async def run(self, function: Callable[..., Result], *args: object) -> Result:
        """A whole batch request's work on the scoring thread, in turn with the dynamic batches."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, function, *args)

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)

    def _score_next(self) -> None:
        """On the event loop: start the next batch, if any requests wait."""
        # Requests whose client went away are not scored.
        while self._waiting and self._waiting[0][2].done():
            self._waiting.popleft()
        if not self._waiting:
            self._busy = False
            return
        self._busy = True
        triage = self._waiting[0][0]
        batch: list[_Waiting] = []
        kept: deque[_Waiting] = deque()
        while self._waiting and len(batch) < self.max_batch:
            waiting = self._waiting.popleft()
            if waiting[2].done():
                continue
            (batch if waiting[0] is triage else kept).append(waiting)
        self._waiting.extendleft(reversed(kept))
        scoring = asyncio.get_running_loop().run_in_executor(
            self.executor, triage.predict, [ticket for _, ticket, _ in batch]
        )
        scoring.add_done_callback(lambda done: self._deliver(batch, done))

    def _deliver(self, batch: list[_Waiting], scoring: asyncio.Future[list[Prediction]]) -> None:
        error = asyncio.CancelledError() if scoring.cancelled() else scoring.exception()
        for index, (_, _, future) in enumerate(batch):
            if future.done():
                continue
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(scoring.result()[index])
        # The next batch starts once the requests just answered have written their responses (their tasks
        # were woken first; call_soon runs in order). Started at once, the scoring thread would hold the GIL
        # while the event loop writes: every socket write gives the GIL up and waits up to the switch interval
        # to get it back, 16 answers up to 16 intervals.
        asyncio.get_running_loop().call_soon(self._score_next)
