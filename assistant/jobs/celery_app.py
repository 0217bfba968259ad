"""The Celery application: broker and result backend from Settings, one task per stage.

Delivery is at-least-once: `acks_late` acknowledges a task only after it ran, and a worker that
dies mid-task (even by SIGKILL) leaves the message to be redelivered — at once on RabbitMQ, after
`TOUCHPOINT_JOB_VISIBILITY_TIMEOUT_S` on Redis. That is safe because every stage is idempotent.
Transient errors retry with exponential backoff and jitter up to `TOUCHPOINT_JOB_MAX_RETRIES`;
then, or on any other error, the job is failed in the database (the dead-letter list). A task
carries ids only (job, tenant, and the source or touchpoint): everything else is in the database.
"""

from __future__ import annotations

import os
from typing import Any

from celery import Celery, Task

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.jobs import stages
from assistant.storage.db import Database, open_database

STAGES = ("parse", "extract", "index")
TASK_NAMES: dict[str, str] = {stage: f"touchpoint.{stage}" for stage in STAGES}


def result_backend(settings: Settings) -> str | None:
    if settings.result_backend:
        return settings.result_backend
    broker = settings.broker_url or ""
    return broker if broker.startswith(("redis://", "rediss://")) else None


class _Worker:
    """Per-process state: the database is opened after the fork, once per worker process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.runtimes = stages.Runtimes(settings)
        self._db: Database | None = None
        self._pid = 0

    @property
    def db(self) -> Database:
        if self._db is None or self._pid != os.getpid():
            self.settings.data_dir.mkdir(parents=True, exist_ok=True)
            self._db = open_database(self.settings.resolved_database_url)
            self._pid = os.getpid()
        return self._db


def make_celery(settings: Settings) -> Celery:
    """A Celery app for `settings.broker_url`; ConfigError when none is configured."""
    if not settings.broker_url:
        raise ConfigError("TOUCHPOINT_BROKER_URL is not set; set it to redis://host:6379/0 or "
                          "amqp://user:pass@host:5672// to run workers (without it jobs run "
                          "in-process)")
    backend = result_backend(settings)
    app = Celery("touchpoint", broker=settings.broker_url, backend=backend)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_serializer="json",
        accept_content=["json"],
        result_serializer="json",
        task_ignore_result=backend is None,
        task_default_queue=settings.job_queue,
        broker_transport_options={"visibility_timeout": settings.job_visibility_timeout_s},
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
    )
    worker = _Worker(settings)
    for stage, name in TASK_NAMES.items():
        _register(app, worker, name, stage, settings.job_max_retries)
    return app


def send_stage(app: Celery, stage: str, *, job_id: str, tenant_id: str,
               ids: dict[str, str]) -> None:
    app.send_task(TASK_NAMES[stage], kwargs={"job_id": job_id, "tenant_id": tenant_id, **ids})


def _register(app: Celery, worker: _Worker, name: str, stage: str, max_retries: int) -> None:
    class StageTask(Task):  # type: ignore[misc]
        def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any,
                       einfo: Any) -> None:
            stages.give_up(worker.db, kwargs["job_id"], exc)

    @app.task(name=name, bind=True, base=StageTask, autoretry_for=stages.TRANSIENT,
              retry_backoff=2, retry_backoff_max=300, retry_jitter=True,
              max_retries=max_retries)
    def run_stage(self: Task, *, job_id: str, tenant_id: str, **ids: str) -> None:
        def send(next_stage: str, next_ids: dict[str, str]) -> None:
            send_stage(app, next_stage, job_id=job_id, tenant_id=tenant_id, ids=next_ids)

        stages.run_task(worker.db, worker.runtimes, job_id=job_id, stage=stage, ids=ids,
                        send=send)

    run_stage.__doc__ = f"Run the {stage} stage for one id of one job."
