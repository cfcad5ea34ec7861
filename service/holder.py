"""The :class:`~triage.pipeline.Triage` the service answers with, and its replacement without a restart.

A request takes :attr:`ModelHolder.current` once (``service.deps``) and keeps that object to the end, so a
request in flight finishes under the model and policy it started with. A replacement is built and warmed
first, then swapped in with one assignment; the lock makes replacements take turns, so two policy reloads
cannot both start from the same old object and one of them be lost. With several worker processes
(``service.workers``) a replacement made in one is made in every other before the call returns.
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from service.workers import MODEL, POLICY, Siblings
from triage.errors import TriageError
from triage.pipeline import Triage, load_triage
from triage.policy import Policy
from triage.schema import Ticket

WARM_UP = Ticket(id="warm-up", subject="Warm-up", body="Checking that the model answers.")


def warmed(triage: Triage) -> Triage:
    """The same object after one prediction: the first one loads spaCy's vocabulary and the sentiment
    lexicon, and it runs the policy's rules once before any customer's ticket meets them."""
    triage.predict([WARM_UP])
    return triage


def freeze_heap() -> None:
    """Move the objects alive now out of the garbage collector's generations: with numpy, scipy and
    scikit-learn loaded, a full collection pauses a request for 150-200 ms, a frozen heap 2-5 ms. Collected
    first, so that garbage (the replaced model's cycles) is freed rather than kept for good."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class ModelHolder:
    def __init__(self) -> None:
        self._current: Triage | None = None
        self._lock = threading.Lock()
        # Why there is no model (readiness answers 503 with it); None once one is loaded.
        self.load_error: str | None = "model not loaded"
        # The other worker processes to tell of a replacement (service.workers); None in a single process.
        self.siblings: Siblings | None = None

    @property
    def current(self) -> Triage | None:
        return self._current

    def load(self, model_dir: str | Path, policy_file: str | Path | None = None) -> Triage:
        """Load, verify and warm a model directory under a policy file (None: the model's own), then swap it
        in, here and in every other worker; raises :class:`~triage.errors.TriageError` with one line, and
        the current one stays."""
        triage = self.load_here(model_dir, policy_file)
        if self.siblings is not None:
            self.siblings.announce(MODEL)
        return triage

    def load_here(self, model_dir: str | Path, policy_file: str | Path | None = None) -> Triage:
        """:meth:`load` in this process only."""
        with self._lock:
            try:
                triage = warmed(load_triage(model_dir, policy_file))
            except TriageError as error:
                if self._current is None:
                    self.load_error = str(error)
                raise
            self._current, self.load_error = triage, None
        freeze_heap()
        return triage

    def use_policy(self, policy: Policy | None) -> tuple[Triage, Triage]:
        """The current model under ``policy`` (None: the configuration it was trained with) in place of the
        current one, here and in every other worker; returns (previous, new). A policy the model cannot run
        raises ConfigError, in one line, and changes nothing."""
        previous, triage = self.use_policy_here(policy)
        if self.siblings is not None:
            self.siblings.announce(POLICY)
        return previous, triage

    def use_policy_here(self, policy: Policy | None) -> tuple[Triage, Triage]:
        """:meth:`use_policy` in this process only."""
        with self._lock:
            previous = self._current
            if previous is None:
                raise RuntimeError("no model is loaded")
            triage = warmed(Triage.of(previous.model) if policy is None else previous.with_policy(policy))
            self._current = triage
            return previous, triage
