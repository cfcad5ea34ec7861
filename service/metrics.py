"""``GET /metrics``: what Prometheus scrapes, from the maintained ``prometheus_client``.

HTTP requests by route template, method and status, with their latency; predictions by recommended tier
and team, trigger labels, escalations and abstentions; and which model and policy answer (an info metric
read from the holder at scrape time, so a reload shows at once). One registry per app, so that two apps in
one process (tests) count apart.

With several worker processes (``triage serve --workers N``) the counts are kept in prometheus_client's
multiprocess mode: ``PROMETHEUS_MULTIPROC_DIR`` is set before prometheus_client is first imported (``triage
serve`` does it), every worker writes its counts to files there, and a scrape, whichever worker answers it,
sums them all (``MultiProcessCollector``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import InfoMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from triage.pipeline import Triage
from triage.schema import Prediction

# Latency buckets around the targets: 10 ms for one ticket, 50 ms at p99 under load, seconds for batches.
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
UNMATCHED = "unmatched"  # any path that is no route: one label, whatever was asked for
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"  # prometheus_client's own variable


class _ServingModel(Collector):
    def __init__(self, current: Callable[[], Triage | None]) -> None:
        self.current = current

    def collect(self) -> Iterator[Metric]:
        info = InfoMetricFamily("triage_model", "The model and policy answering now.")
        triage = self.current()
        if triage is not None:
            model, policy = triage.model.model_ref, triage.policy.ref
            info.add_metric(
                [],
                {
                    "model_name": model.name,
                    "model_version": model.version,
                    "policy_name": policy.name,
                    "policy_version": policy.version,
                },
            )
        yield info


class ServiceMetrics:
    def __init__(self, current: Callable[[], Triage | None]) -> None:
        self.registry = registry = CollectorRegistry()
        self.requests = Counter(
            "triage_http_requests", "HTTP requests answered.", ["route", "method", "status"], registry=registry
        )
        self.latency = Histogram(
            "triage_http_request_duration_seconds",
            "Time from the request's first byte to the end of its answer.",
            ["route", "method"],
            buckets=BUCKETS,
            registry=registry,
        )
        self.predictions = Counter(
            "triage_predictions", "Predictions made, by recommended tier and team.", ["tier", "team"], registry=registry
        )
        self.trigger_labels = Counter(
            "triage_trigger_labels", "Predictions labelled with each trigger.", ["trigger"], registry=registry
        )
        self.escalations = Counter("triage_escalations", "Predictions that escalate the ticket.", registry=registry)
        self.abstentions = Counter(
            "triage_abstentions", "Predictions that abstain (sent to a person first).", registry=registry
        )
        self.serving_model = _ServingModel(current)
        registry.register(self.serving_model)
        # Read once: prometheus_client chose where counts live (memory or files) when it was first imported.
        self.multiprocess_dir = os.environ.get(MULTIPROCESS_DIR)

    def observe(self, predictions: Iterable[Prediction]) -> None:
        for prediction in predictions:
            recommendation = prediction.recommendation
            self.predictions.labels(str(recommendation.tier), recommendation.team).inc()
            for trigger in prediction.trigger_labels:
                self.trigger_labels.labels(trigger).inc()
            if prediction.escalation.escalate:
                self.escalations.inc()
            if recommendation.abstain:
                self.abstentions.inc()

    def render(self) -> tuple[bytes, str]:
        if not self.multiprocess_dir:
            return generate_latest(self.registry), CONTENT_TYPE_LATEST
        # Every worker's counts, summed from their files, and the model answering in this one (the same in all).
        scraped = CollectorRegistry()
        MultiProcessCollector(scraped, self.multiprocess_dir)
        scraped.register(self.serving_model)
        return generate_latest(scraped), CONTENT_TYPE_LATEST


class RequestMetrics:
    """Counts and times every HTTP request, outermost, so refusals and 500s count too. The route label is the
    path when it is one of the API's (no route has path parameters), else ``unmatched``: a client's
    arbitrary paths never become labels, and requests refused before routing (401, 413) count under theirs."""

    def __init__(self, app: ASGIApp, metrics: ServiceMetrics) -> None:
        self.app, self.metrics = app, metrics
        self.paths: frozenset[str] | None = None

    def route(self, scope: Scope) -> str:
        if self.paths is None:
            self.paths = frozenset(scope["app"].openapi()["paths"])
        return scope["path"] if scope["path"] in self.paths else UNMATCHED

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500  # unless the app starts an answer

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            route, method = self.route(scope), scope["method"]
            self.metrics.requests.labels(route, method, str(status)).inc()
            self.metrics.latency.labels(route, method).observe(time.perf_counter() - start)
