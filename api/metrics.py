"""Prometheus metrics of the API: requests and latencies by route, plus gauges read from the
database at scrape time (job queue depth, jobs by status, touchpoints whose extraction failed),
so they are right whichever process or worker did the work.

Under several uvicorn workers (`touchpoint serve --workers N`) each worker is its own process
with its own counters; prometheus_client's multiprocess mode (PROMETHEUS_MULTIPROC_DIR, set up
by `serve`) has every worker write its values to files there, and whichever worker answers a
scrape adds up all of them, so /metrics counts every worker's requests.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Histogram, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.jobs import store
from assistant.storage.db import Database
from assistant.storage.rows import TouchpointRow


class _DatabaseGauges(Collector):
    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterator[GaugeMetricFamily]:
        with self.db.session() as session:
            by_status = store.count_by_status(session)
            failed = session.scalar(select(func.count()).select_from(TouchpointRow)
                                    .where(TouchpointRow.status == "failed")) or 0
        yield GaugeMetricFamily("touchpoint_job_queue_depth", "Jobs waiting for a worker",
                                value=by_status.get("queued", 0))
        jobs = GaugeMetricFamily("touchpoint_jobs", "Jobs by status", labels=["status"])
        for status in ("queued", "running", "succeeded", "failed"):
            jobs.add_metric([status], by_status.get(status, 0))
        yield jobs
        yield GaugeMetricFamily("touchpoint_extraction_failures",
                                "Touchpoints whose last stage failed", value=failed)


class Metrics:
    """The request metrics of this process; `registry()` is what a scrape shows."""

    def __init__(self, db: Database, *, multiprocess_dir: Path | None = None) -> None:
        self._db, self._multiprocess_dir = db, multiprocess_dir
        self._own = CollectorRegistry()
        self.requests = Counter("touchpoint_http_requests", "HTTP requests",
                                ["method", "route", "status"], registry=self._own)
        self.latency = Histogram("touchpoint_http_request_duration_seconds",
                                 "HTTP request latency", ["method", "route"],
                                 registry=self._own,
                                 buckets=(.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10))
        if multiprocess_dir is None:
            self._own.register(_DatabaseGauges(db))

    def registry(self) -> CollectorRegistry:
        """This process's metrics, or, in multiprocess mode, every worker's added up."""
        if self._multiprocess_dir is None:
            return self._own
        merged = CollectorRegistry()  # one per scrape, as prometheus_client's docs ask
        multiprocess.MultiProcessCollector(merged, path=str(self._multiprocess_dir))
        merged.register(_DatabaseGauges(self._db))
        return merged


class MetricsMiddleware:
    """Counts every request under its route template (never the raw path: ids stay out)."""

    def __init__(self, app: ASGIApp, *, metrics: Metrics) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, record_status)
        finally:
            route = _template(scope)
            method = scope["method"]
            self.metrics.requests.labels(method, route, str(status)).inc()
            self.metrics.latency.labels(method, route).observe(time.perf_counter() - started)


def _template(scope: Scope) -> str:
    """The matched route with its parameters named (`/v1/touchpoints/{touchpoint_id}`)."""
    if scope.get("route") is None:
        return "unmatched"
    template: str = scope["path"]
    for name, value in (scope.get("path_params") or {}).items():
        head, found, tail = template.rpartition(str(value))
        if found:
            template = f"{head}{{{name}}}{tail}"
    return template
