"""The :class:`~triage.pipeline.Triage` the service answers with, and its replacement without a restart.

A request takes :attr:`ModelHolder.current` once (``service.deps``) and keeps that object to the end, so a
request in flight finishes under the model and policy it started with. A replacement is built and warmed
first, then swapped in with one assignment; the lock makes replacements take turns, so two policy reloads
cannot both start from the same old object and one of them be lost.
"""

from __future__ import annotations

import threading
from pathlib import Path

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


class ModelHolder:
    def __init__(self) -> None:
        self._current: Triage | None = None
        self._lock = threading.Lock()
        # Why there is no model (readiness answers 503 with it); None once one is loaded.
        self.load_error: str | None = "model not loaded"

    @property
    def current(self) -> Triage | None:
        return self._current

    def load(self, model_dir: str | Path, policy_file: str | Path | None = None) -> Triage:
        """Load, verify and warm a model directory under a policy file (None: the model's own), then swap it
        in; raises :class:`~triage.errors.TriageError` with one line, and the current one stays."""
        with self._lock:
            try:
                triage = warmed(load_triage(model_dir, policy_file))
            except TriageError as error:
                if self._current is None:
                    self.load_error = str(error)
                raise
            self._current, self.load_error = triage, None
            return triage

    def use_policy(self, policy: Policy | None) -> tuple[Triage, Triage]:
        """The current model under ``policy`` (None: the configuration it was trained with) in place of the
        current one; returns (previous, new). A policy the model cannot run raises ConfigError, in one line,
        and changes nothing."""
        with self._lock:
            previous = self._current
            if previous is None:
                raise RuntimeError("no model is loaded")
            triage = warmed(Triage.of(previous.model) if policy is None else previous.with_policy(policy))
            self._current = triage
            return previous, triage
