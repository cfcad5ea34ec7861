"""Shadow mode, two kinds: the policy's (it decides, nobody sees it, the decision goes to the logs) and a
challenger model's (it scores every ticket beside the champion, nobody sees it, both answers go to a log that
`triage shadow-report` compares once outcomes arrive as feedback).

Each prediction that is not visible (``Prediction.visible``, false in the policy's ``shadow`` mode) is one
structured log line with what was decided and by which model and policy, never the ticket's text.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from triage.schema import Prediction, Ticket

logger = logging.getLogger("service.shadow")
ScoredHook = Callable[[Sequence[Ticket], Sequence[Prediction]], None]


def log_shadow(predictions: Iterable[Prediction]) -> None:
    for prediction in predictions:
        if prediction.visible:
            continue
        recommendation = prediction.recommendation
        fields = {
            "event": "shadow_prediction",
            "ticket_id": prediction.id,
            "model": prediction.model.model_dump(),
            "policy": prediction.policy.model_dump() if prediction.policy else None,
            "escalate": prediction.escalation.escalate,
            "escalation_probability": prediction.escalation.probability,
            "escalation_model_probability": prediction.escalation.model_probability,
            "trigger_labels": prediction.trigger_labels,
            "tier": recommendation.tier,
            "team": recommendation.team,
            "confidence": recommendation.confidence,
            "abstain": recommendation.abstain,
            "rules_fired": prediction.rules_fired,
            "frustration_level": prediction.frustration.level,
        }
        logger.info("shadow prediction", extra={"fields": fields})


# --- a challenger beside the champion ---------------------------------------------------------------------------
#
# TRIAGE_SHADOW_MODEL_DIR names a second model directory (a challenger, e.g. `triage retrain`'s). Every ticket the
# champion scores is passed, after its answer is computed, to one worker *process* that scores it with the
# challenger and appends one JSON line per ticket to TRIAGE_SHADOW_LOG: both models' probabilities and
# decisions, never the text. The client is answered with the champion's prediction alone. A process rather than
# a thread: the challenger's scoring must not hold the service's GIL while the champion answers. Tickets wait
# in a queue and go to the worker in batches, one batch at a time; at most TRIAGE_SHADOW_MAX_PENDING wait, and
# later ones are dropped and counted (the log says so at shutdown) rather than queue without bound behind a
# slow challenger. `triage shadow-report` reads the log.


class ShadowSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TRIAGE_SHADOW_", frozen=True, extra="ignore")

    model_dir: Path | None = Field(None, description="A challenger to score beside the champion; none: off.")
    log: Path = Field(Path("shadow.jsonl"), description="Where both models' answers go, one JSON line a ticket.")
    max_pending: int = Field(5000, ge=1, description="Tickets waiting for the challenger before more are dropped.")
    drain_timeout_s: float = Field(30.0, ge=0, description="How long shutdown waits for the waiting tickets.")


BATCH = 64  # tickets the worker scores at once: batches cost little more than single tickets


def summary(prediction: Prediction) -> dict[str, Any]:
    """What the shadow log keeps of one prediction: probabilities and decisions, no text (reasons and cues
    can quote the customer)."""
    return {
        "model": prediction.model.version,
        "triggers": prediction.triggers,
        "trigger_labels": prediction.trigger_labels,
        # What agents saw (the model's with the policy's verdict), and the model's alone: what shadow-report judges.
        "escalation_probability": prediction.escalation.probability,
        "escalation_model_probability": prediction.escalation.model_probability,
        "escalate": prediction.escalation.escalate,
        "team": prediction.recommendation.team,
        "tier": prediction.recommendation.tier,
        "frustration_level": prediction.frustration.level,
        "frustration_score": prediction.frustration.score,
    }


# The worker process's challenger and log (set by its initializer; the service process never sets them).
_worker: dict[str, Any] = {}


def _start_worker(model_dir: str, log: str) -> None:
    from service.holder import warmed
    from triage.errors import TriageError
    from triage.pipeline import load_triage

    _worker["log"] = log
    try:
        _worker["challenger"] = warmed(load_triage(model_dir))
    except TriageError as error:
        # Kept, not raised: an initializer's exception breaks the pool without saying why; each call says it.
        _worker["error"] = f"the challenger did not load: {error}"


def _challenger() -> Any:
    if "error" in _worker:
        raise RuntimeError(_worker["error"])
    return _worker["challenger"]


def _challenger_version() -> str:
    return str(_challenger().model.model_ref.version)


def _score_and_log(tickets: list[Ticket], champion: list[Prediction]) -> int:
    """In the worker: the challenger on the tickets, both answers appended to the log and synced."""
    challenger = _challenger().predict(tickets)
    at = datetime.now(UTC).isoformat(timespec="milliseconds")
    lines = [
        json.dumps({"at": at, "ticket_id": mine.id, "champion": summary(mine), "challenger": summary(theirs)})
        for mine, theirs in zip(champion, challenger, strict=True)
    ]
    with open(_worker["log"], "a", encoding="utf-8") as log:
        log.write("".join(line + "\n" for line in lines))
        log.flush()
        os.fsync(log.fileno())
    return len(lines)


class ChallengerShadow:
    """Scores what the champion scored with a challenger, in a worker process, and logs both answers."""

    def __init__(self, settings: ShadowSettings) -> None:
        if settings.model_dir is None:
            raise ValueError("no challenger model directory")
        self.settings = settings
        self._executor: ProcessPoolExecutor | None = None
        self._idle = threading.Condition()  # guards the queue and the flag; notified when the worker is idle
        self._waiting: deque[tuple[Ticket, Prediction]] = deque()
        self._in_flight = False
        self.dropped = 0
        self.failed: str | None = None

    @classmethod
    def configured(cls) -> ChallengerShadow | None:
        """The shadow that TRIAGE_SHADOW_MODEL_DIR asks for, or None."""
        settings = ShadowSettings()
        return None if settings.model_dir is None else cls(settings)

    def start(self) -> None:
        """Start the worker (in the app's lifespan): it loads the challenger while the service already answers;
        a challenger that does not load is one error line, and the champion serves on alone."""
        self.failed, self.dropped, self._in_flight = None, 0, False
        self._waiting.clear()
        self._executor = ProcessPoolExecutor(
            1,
            mp_context=multiprocessing.get_context("spawn"),  # no fork of a process running threads
            initializer=_start_worker,
            initargs=(str(self.settings.model_dir), str(self.settings.log)),
        )
        self._executor.submit(_challenger_version).add_done_callback(self._started)

    def beside(self, record: ScoredHook) -> ScoredHook:
        """``record`` (what follows every scoring), then this shadow."""

        def both(tickets: Sequence[Ticket], predictions: Sequence[Prediction]) -> None:
            record(tickets, predictions)
            self.submit(tickets, predictions)

        return both

    def submit(self, tickets: Sequence[Ticket], predictions: Sequence[Prediction]) -> None:
        """Queue the scored tickets for the worker and return at once."""
        with self._idle:
            if self._executor is None or self.failed is not None:
                return
            room = max(0, self.settings.max_pending - len(self._waiting))
            self._waiting.extend(zip(tickets[:room], predictions[:room], strict=True))
            self.dropped += max(0, len(tickets) - room)
            if not self._in_flight:
                self._send_next()

    def close(self) -> None:
        """Wait (up to the drain timeout) until the waiting tickets are logged, then stop the worker."""
        with self._idle:
            self._idle.wait_for(lambda: not self._in_flight, timeout=self.settings.drain_timeout_s)
            self.dropped += len(self._waiting)
            self._waiting.clear()
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        if self.dropped:
            logger.warning(
                "shadow challenger: %d tickets not scored (the worker fell behind)",
                self.dropped,
                extra={"fields": {"event": "shadow_challenger_dropped", "tickets": self.dropped}},
            )

    def _send_next(self) -> None:
        """With the lock held: the next batch to the worker, or note that it is idle."""
        if not self._waiting or self._executor is None or self.failed is not None:
            self._in_flight = False
            self._idle.notify_all()
            return
        batch = [self._waiting.popleft() for _ in range(min(BATCH, len(self._waiting)))]
        try:
            future = self._executor.submit(_score_and_log, [t for t, _ in batch], [p for _, p in batch])
        except (BrokenProcessPool, RuntimeError) as error:  # the worker died, or shutdown began
            self._fail(error)
            self._in_flight = False
            self._idle.notify_all()
            return
        self._in_flight = True
        future.add_done_callback(self._done)

    def _started(self, future: Future[str]) -> None:
        error = future.exception()
        if error is None:
            fields = {"event": "shadow_challenger_loaded", "version": future.result(), "log": str(self.settings.log)}
            logger.info("shadow challenger loaded", extra={"fields": fields})
        else:
            with self._idle:
                self._fail(error)

    def _done(self, future: Future[int]) -> None:
        with self._idle:
            if not future.cancelled() and future.exception() is not None:
                self._fail(future.exception())
            self._send_next()

    def _fail(self, error: BaseException | None) -> None:
        """With the lock held: stop shadowing, in one error line (the champion serves on)."""
        if self.failed is None:
            self.failed = f"{type(error).__name__}: {error}"
            self.dropped += len(self._waiting)
            self._waiting.clear()
            logger.error(
                "shadow challenger stopped: %s", self.failed, extra={"fields": {"event": "shadow_challenger_failed"}}
            )
