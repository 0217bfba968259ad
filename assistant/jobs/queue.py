"""Hand a job to whoever runs it: Celery workers when a broker is configured, else this process.

The in-process runner keeps the embedded default (SQLite, no broker) working: the API answers
202 at once and a background thread runs the same stage functions, one after another, with the
same retry policy as the workers.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from assistant.config import Settings
from assistant.jobs import stages, store
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
        self._runtimes = stages.Runtimes(settings)
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="touchpoint-job")
        self._futures: dict[str, Future[None]] = {}
        self._lock = threading.Lock()

    def submit(self, job: Job) -> None:
        with self._lock:
            self._futures[job.id] = self._pool.submit(self._run, job)

    def _run(self, job: Job) -> None:
        todo = stages.first_tasks(job)
        while todo:
            stage, ids = todo.pop(0)
            if not self._run_with_retries(job.id, stage, ids, todo):
                return

    def _run_with_retries(self, job_id: str, stage: str, ids: dict[str, str],
                          todo: list[tuple[str, dict[str, str]]]) -> bool:
        def send(next_stage: str, next_ids: dict[str, str]) -> None:
            todo.append((next_stage, next_ids))

        for attempt in range(1, self._settings.job_max_retries + 2):
            try:
                stages.run_task(self._db, self._runtimes, job_id=job_id, stage=stage, ids=ids,
                                send=send)
                return True
            except stages.TRANSIENT as exc:
                if attempt > self._settings.job_max_retries:
                    stages.give_up(self._db, job_id, exc)
                    return False
                time.sleep(backoff_s(attempt))
            except Exception:  # already recorded on the job by run_task
                log.exception("job %s failed in stage %s", job_id, stage)
                return False
        return False

    def wait(self, job_id: str, timeout: float | None = None) -> Job:
        with self._lock:
            future = self._futures.get(job_id)
        if future is not None:
            future.result(timeout=timeout)
        with self._db.session() as session:
            return store.job_by_id(session, job_id=job_id)

    def close(self) -> None:
        self._pool.shutdown(wait=True)


class CeleryQueue:
    """Sends a job's first tasks to the broker; each carries ids only."""

    def __init__(self, settings: Settings) -> None:
        from assistant.jobs.celery_app import make_celery

        self._app = make_celery(settings)

    def submit(self, job: Job) -> None:
        from assistant.jobs.celery_app import send_stage

        for stage, ids in stages.first_tasks(job):
            send_stage(self._app, stage, job_id=job.id, tenant_id=job.tenant_id, ids=ids)

    def close(self) -> None:
        self._app.close()


def open_queue(db: Database, settings: Settings) -> JobQueue:
    return CeleryQueue(settings) if settings.broker_url else InProcessQueue(db, settings)
