"""A report's work shared between this process and forked helper processes.

Forked once the model is loaded and warmed, a helper shares it copy-on-write and starts in milliseconds, where a
fresh process would spend seconds importing and loading. Work is cut into tasks, and each task is done by
whichever process claims it first (the helpers from the front, this process from the back), so the processes
finish together however busy the machine is. Where the platform cannot fork, or one process is asked for,
everything runs here in the same order.

A function given to :meth:`Sharing.submit` or :meth:`Sharing.share` is a module-level function whose first
argument is the shared context (this process's dict, or the helper's inherited copy of it); its other arguments
and its result travel between the processes pickled, so they should be small.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Sequence
from typing import Any, Protocol

MAX_BLOCKS = 4096  # claim flags allocated before the fork: the most tasks one Sharing can share out

_inherited: dict[str, Any] = {}  # in a helper: the context this process held when it forked (never pickled)


class Pending(Protocol):
    def get(self) -> Any: ...


class _Done:
    def __init__(self, value: Any) -> None:
        self._value = value

    def get(self) -> Any:
        return self._value


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Sharing:
    """This process and ``processes - 1`` forked helpers; use as a context manager (the helpers end with it)."""

    def __init__(self, context: dict[str, Any], processes: int = 1) -> None:
        self.context = context
        self._pool = None
        self._used = 0
        if processes > 1 and can_fork():
            gc.freeze()  # the helpers' garbage collector leaves the shared objects alone: fewer pages copied
            forking = multiprocessing.get_context("fork")
            self._claims = forking.Array("b", MAX_BLOCKS)
            self._pool = forking.Pool(processes - 1, initializer=_inherit, initargs=(context, self._claims))

    def __enter__(self) -> Sharing:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            gc.unfreeze()

    def submit(self, function: Callable[..., Any], *args: Any) -> Pending:
        """``function(context, *args)`` in a helper (here, at once, without one); ``.get()`` waits for it."""
        if self._pool is None:
            return _Done(function(self.context, *args))
        return self._pool.apply_async(_run, (function, args))

    def share(self, tasks: Sequence[tuple[Any, ...]]) -> list[Any]:
        """Every task, a function and its arguments, run as ``function(context, *arguments)`` once, by whichever
        process claims it first; the results in the tasks' order."""
        if self._pool is None or len(tasks) < 2:
            return [function(self.context, *args) for function, *args in tasks]
        if self._used + len(tasks) > MAX_BLOCKS:
            raise ValueError(f"more than {MAX_BLOCKS} tasks shared by one Sharing; make them larger")
        first, self._used = self._used, self._used + len(tasks)
        pending = [self._pool.apply_async(_run_claimed, (first + i, task)) for i, task in enumerate(tasks)]
        results: list[Any] = [None] * len(tasks)
        done_here = set()
        for i in reversed(range(len(tasks))):
            if _claim(self._claims, first + i):
                function, *args = tasks[i]
                results[i] = function(self.context, *args)
                done_here.add(i)
        for i, job in enumerate(pending):
            value = job.get()  # waits for the helpers to pass every task, claimed here or not
            if i not in done_here:
                results[i] = value
        return results


def _inherit(context: dict[str, Any], claims: Any) -> None:
    _inherited.update(context, _claims=claims)


def _claim(claims: Any, slot: int) -> bool:
    with claims.get_lock():
        if claims[slot]:
            return False
        claims[slot] = 1
        return True


def _run(function: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    return function(_inherited, *args)


def _run_claimed(slot: int, task: tuple[Any, ...]) -> Any:
    function, *args = task
    return function(_inherited, *args) if _claim(_inherited["_claims"], slot) else None
