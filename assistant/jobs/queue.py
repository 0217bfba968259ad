"""Hand a job to whoever runs it: Celery workers when a broker is configured, else this process.

The in-process runner keeps the embedded default (SQLite, no broker) working: the API answers
202 at once and a background thread runs the same `run_job`, with the same retry policy.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from assistant.config import Settings
from assistant.jobs import stages
from assistant.jobs.store import Job
from assistant.storage.db import Database

log = logging.getLogger(__name__)


class JobQueue(Protocol):
    def submit(self, job: Job) -> None: ...

    def close(self) -> None: ...


def backoff_s(attempt: int, *, base: float = 2.0, cap: float = 300.0) -> float:
    """Full-jitter exponential backoff, as Celery's retry_backoff computes it."""
    return random.uniform(0, min(cap, base * 2 ** (attempt - 1)))


class InProcessQueue:
    """Runs jobs on a small thread pool in this process; `wait` is for tests and the CLI."""

    def __init__(self, db: Database, settings: Settings, *, threads: int = 1) -> None:
        self._db, self._settings = db, settings
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="touchpoint-job")
        self._futures: dict[str, Future[None]] = {}
        self._lock = threading.Lock()

    def submit(self, job: Job) -> None:
        with self._lock:
            self._futures[job.id] = self._pool.submit(self._run, job.id)

    def _run(self, job_id: str) -> None:
        for attempt in range(1, self._settings.job_max_retries + 2):
            try:
                stages.run_job(self._db, self._settings, job_id)
                return
            except stages.TRANSIENT as exc:
                if attempt > self._settings.job_max_retries:
                    stages.give_up(self._db, job_id, exc)
                    return
                time.sleep(backoff_s(attempt))
            except Exception:  # already recorded on the job by run_job
                log.exception("job %s failed", job_id)
                return

    def wait(self, job_id: str, timeout: float | None = None) -> None:
        with self._lock:
            future = self._futures.get(job_id)
        if future is not None:
            future.result(timeout=timeout)

    def close(self) -> None:
        self._pool.shutdown(wait=True)


class CeleryQueue:
    """Sends one task per job to the broker; the task carries the job id and tenant only."""

    def __init__(self, settings: Settings) -> None:
        from assistant.jobs.celery_app import TASK_NAMES, make_celery

        self._app = make_celery(settings)
        self._names = TASK_NAMES

    def submit(self, job: Job) -> None:
        self._app.send_task(self._names[job.kind],
                            kwargs={"job_id": job.id, "tenant_id": job.tenant_id})

    def close(self) -> None:
        self._app.close()


def open_queue(db: Database, settings: Settings) -> JobQueue:
    return CeleryQueue(settings) if settings.broker_url else InProcessQueue(db, settings)
