"""Several server processes on one port, forked after the model is loaded (``triage serve --workers N``).

Python runs one thread's bytecode at a time, so one process uses one core; scoring is CPU-bound. The parent
loads and warms the model once, freezes the heap (``gc.freeze``: the garbage collector then never writes to
the model's pages) and forks the workers, which share the model's memory copy-on-write and accept on one
listening socket. Each worker takes a waiting connection only while no sibling has fewer open (see
:class:`LeastConnectionsListener`): left to itself, the first worker to wake takes every connection waiting.
uvicorn's own ``--workers`` spawns fresh interpreters (each loads the model again) and
loses TCP_NODELAY (docs/pitfalls.md); here the socket is made with ``IPPROTO_TCP`` as its protocol, which
is what asyncio checks before it sets TCP_NODELAY on each accepted connection.

A reload (``/v1/admin/reload``, ``/v1/policy/reload``) reaches one worker; :class:`Siblings` is the shared
memory through which it tells the others, and waits until each has reloaded too (``service.holder``).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import gc
import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

logger = logging.getLogger("service")

MODEL, POLICY = 0, 1  # what a reload replaced: the model directory (and policy file), or the policy alone
POLL_S = 0.1  # how often a worker looks for a sibling's reload
ACK_TIMEOUT_S = 120.0  # the longest a reload waits for the other workers to load the same files
_PR_SET_PDEATHSIG = 1
# How long a worker leaves a waiting connection to a sibling with fewer connections before it takes it
# itself: an idle sibling takes it within a millisecond; one stuck on a long batch must not hold it up.
DEFER_S = 0.1
# While it leaves one, the socket wakes the worker again at once: a pause frees the core for the sibling.
DEFER_PAUSE_S = 0.001


class Siblings:
    """Shared counters, made before the fork: per kind of reload, how many there have been; per worker and
    kind, how many that worker has carried out. A worker that reloads bumps the count (:meth:`announce`)
    and waits for the others; each worker's :meth:`watch` thread carries out the reloads it has not."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._shared = multiprocessing.Array("q", 2 + 2 * workers)  # [counts..., done by worker 0..., ...]
        self.index = -1  # this process's worker number, set in the child after the fork
        self._local = threading.Lock()  # this process's announcer and watcher take turns
        self._stop = threading.Event()

    def _done_slot(self, worker: int, kind: int) -> int:
        return 2 + 2 * worker + kind

    def announce(self, kind: int) -> None:
        """Called after this worker reloaded: the others do the same, and this returns once they have (or
        after ACK_TIMEOUT_S, which the log says)."""
        with self._local, self._shared.get_lock():
            self._shared[kind] += 1
            count = self._shared[kind]
            self._shared[self._done_slot(self.index, kind)] = count
            if kind == MODEL:  # a model reload reads the policy file again too
                self._shared[self._done_slot(self.index, POLICY)] = self._shared[POLICY]
        deadline = time.monotonic() + ACK_TIMEOUT_S
        while any(self._shared[self._done_slot(worker, kind)] < count for worker in range(self.workers)):
            if time.monotonic() > deadline:
                logger.warning("a reload was not confirmed by every worker within %.0f s", ACK_TIMEOUT_S)
                return
            time.sleep(POLL_S / 2)

    def watch(self, reload: Callable[[int], None]) -> threading.Thread:
        """A thread that carries out the other workers' reloads here: ``reload(MODEL)`` or ``reload(POLICY)``."""
        thread = threading.Thread(target=self._watch, args=(reload,), name="sibling-reloads", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self._stop.set()

    def _watch(self, reload: Callable[[int], None]) -> None:
        while not self._stop.wait(POLL_S):
            with self._local:
                model_count, policy_count = self._shared[MODEL], self._shared[POLICY]
                model_done = self._shared[self._done_slot(self.index, MODEL)]
                policy_done = self._shared[self._done_slot(self.index, POLICY)]
                kind = MODEL if model_count > model_done else POLICY if policy_count > policy_done else None
                if kind is None:
                    continue
                try:
                    reload(kind)
                except Exception:  # the model in force stays; the worker that announced it answered the client
                    logger.exception("a reload announced by another worker failed here; the model in force stays")
                self._shared[self._done_slot(self.index, MODEL)] = model_count
                self._shared[self._done_slot(self.index, POLICY)] = policy_count


def listening_socket(host: str, port: int, backlog: int = 2048) -> socket.socket:
    """A bound, listening TCP socket that forked workers inherit and accept on together."""
    family, kind, protocol, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    # The protocol number must be IPPROTO_TCP (getaddrinfo gives it): asyncio sets TCP_NODELAY on accepted
    # connections only then, and without it each keep-alive request waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, kind, protocol or socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def open_connection_counts(workers: int) -> Any:
    """Shared memory, made before the fork: how many connections each worker has open."""
    return multiprocessing.RawArray("q", workers)  # each slot is written by its own worker only


class LeastConnectionsListener(socket.socket):
    """The shared listening socket as one worker uses it: a connection is accepted only while no sibling has
    fewer open connections than this worker (or after DEFER_S of leaving it to them), and counted until it
    closes. asyncio accepts up to 100 connections each time the socket wakes it, so without this two batch
    clients that connect together landed on one worker in 2 of 2 tries while the other core idled."""

    def __init__(self, shared: socket.socket, open_counts: Any, index: int) -> None:
        super().__init__(shared.family, shared.type, shared.proto, fileno=os.dup(shared.fileno()))
        self._open_counts, self._index = open_counts, index
        self._open_counts[index] = 0  # a restarted worker's connections died with its predecessor
        self._deferring_since = self._last_deferred = -DEFER_S

    def accept(self) -> tuple[socket.socket, Any]:
        if not self._takes_the_next():
            raise BlockingIOError(errno.EAGAIN, "left to a worker with fewer connections")
        fd, address = self._accept()  # type: ignore[attr-defined]
        connection = _CountedConnection(self.family, self.type, self.proto, fileno=fd)
        connection.counted_in(self._open_counts, self._index)
        if socket.getdefaulttimeout() is None and self.gettimeout():
            connection.setblocking(True)  # as socket.socket.accept does
        return connection, address

    def _takes_the_next(self) -> bool:
        counts = self._open_counts
        if counts[self._index] <= min(counts):
            return True
        now = time.monotonic()
        if now - self._last_deferred > DEFER_S:  # the socket woke us for a new connection, not the same one
            self._deferring_since = now
        self._last_deferred = now
        if now - self._deferring_since > DEFER_S:
            return True
        time.sleep(DEFER_PAUSE_S)
        return False


class _CountedConnection(socket.socket):
    """An accepted connection that takes itself off its worker's count when it is closed."""

    _slot: tuple[Any, int] | None = None

    def counted_in(self, open_counts: Any, index: int) -> None:
        open_counts[index] += 1
        self._slot = (open_counts, index)

    def close(self) -> None:
        if self._slot is not None:
            open_counts, index = self._slot
            open_counts[index] -= 1
            self._slot = None
        super().close()


def _die_with_parent(parent: int) -> None:
    """A worker whose parent is gone (even by SIGKILL) is killed too, so no orphan keeps the port."""
    # Not on Linux: no such call, and the parent's SIGTERM handler is what stops the workers.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def run_workers(workers: int, serve: Callable[[int], Any]) -> None:
    """Fork ``workers`` children that each run ``serve(index)``, after freezing the parent's heap; restart a
    child that dies; on SIGTERM or SIGINT, stop them all and return."""
    gc.collect()
    gc.freeze()  # objects made so far stay out of the collector's view in the children: shared pages stay shared
    parent = os.getpid()
    children: dict[int, int] = {}  # pid -> worker index
    stopping = threading.Event()

    def start(index: int) -> None:
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                _die_with_parent(parent)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                serve(index)
                code = 0
            finally:
                os._exit(code)
        children[pid] = index

    def stop(signum: int, frame: object) -> None:
        stopping.set()
        for pid in list(children):
            _signal(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for index in range(workers):
        start(index)
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        index = children.pop(pid, -1)
        if index >= 0 and not stopping.is_set():
            logger.error("worker %d exited (status %d); starting another", index, status)
            time.sleep(1)  # a worker that dies at start must not be restarted in a tight loop
            start(index)


def _signal(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signum)
