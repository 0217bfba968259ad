"""Run one job: the same stage functions the CLI calls, wrapped in job status bookkeeping.

A job is run by `run_job(db, settings, job_id)` whether a Celery worker or the in-process runner
picked it up. It is idempotent: a finished job is never run again, and the transaction that
writes a stage's result also marks the job finished after re-checking, under a row lock, that no
other delivery got there first. So a task redelivered after a worker died adds nothing twice.

Errors: a transient one (provider down, rate limited, timed out, the database unreachable)
sends the job back to `queued` and is re-raised so the runner retries with backoff; any other
TouchpointError fails the job for good (the dead-letter list) without a retry.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.exc import OperationalError

from assistant import bootstrap, pipeline
from assistant.config import Settings
from assistant.errors import (
    ProviderTimeoutError,
    ProviderUnavailableError,
    RateLimitedError,
    TouchpointError,
)
from assistant.jobs import store
from assistant.jobs.store import Job
from assistant.storage import repository
from assistant.storage.db import Database
from extractors.base import Extractor

TRANSIENT: tuple[type[BaseException], ...] = (
    ProviderUnavailableError, RateLimitedError, ProviderTimeoutError, OperationalError)

Runner = Callable[[Database, Settings, Job], None]


def is_transient(exc: BaseException) -> bool:
    return isinstance(exc, TRANSIENT)


_extractors: dict[tuple[int, str | None], Extractor] = {}


def _extractor(settings: Settings, name: str | None) -> Extractor:
    """One extractor per (settings, name) per process: lexicons and clients load once."""
    key = (id(settings), name)
    if key not in _extractors:
        _extractors[key] = bootstrap.build_extractor(settings, name)
    return _extractors[key]


def extract_touchpoint(db: Database, settings: Settings, job: Job) -> None:
    """Re-run extraction on one stored touchpoint; the new run is appended, earlier ones kept."""
    tenant, touchpoint_id = job.tenant_id, str(job.params["touchpoint_id"])
    with db.session() as session:
        touchpoint = repository.get_touchpoint(session, tenant_id=tenant,
                                               touchpoint_id=touchpoint_id)
    extractor = _extractor(settings, job.params.get("extractor"))
    context = bootstrap.extraction_context(settings, tenant=tenant)
    try:
        insights = pipeline.extract(touchpoint, extractor, context)
    except TouchpointError as exc:
        if not is_transient(exc):
            with db.session() as session:
                repository.update_touchpoint_status(session, tenant_id=tenant,
                                                    touchpoint_id=touchpoint_id,
                                                    status="failed", error=f"extract: {exc}")
        raise
    with db.session() as session:
        if not store.claim_finish(session, job_id=job.id):
            return
        repository.save_insights(session, tenant_id=tenant, insights=insights)
        repository.update_touchpoint_status(session, tenant_id=tenant,
                                            touchpoint_id=touchpoint_id, status="extracted")
        store.succeed(session, job_id=job.id, touchpoint_ids=[touchpoint_id])


RUNNERS: dict[str, Runner] = {"extract": extract_touchpoint}


def run_job(db: Database, settings: Settings, job_id: str) -> Job | None:
    """Run the job once; None when it had already finished. Transient errors are re-raised
    (the caller retries); other errors fail the job and are not."""
    with db.session() as session:
        job = store.start_attempt(session, job_id=job_id)
    if job is None:
        return None
    runner = RUNNERS.get(job.kind)
    try:
        if runner is None:
            raise TouchpointError(f"job {job.id}: unknown kind {job.kind!r}; this worker runs "
                                  f"{', '.join(sorted(RUNNERS))} (upgrade the worker)")
        runner(db, settings, job)
    except TRANSIENT as exc:
        with db.session() as session:
            store.retry_later(session, job_id=job.id, error=f"attempt {job.attempts}: {exc}")
        raise
    except TouchpointError as exc:
        with db.session() as session:
            store.fail(session, job_id=job.id, error=str(exc))
        return job
    except Exception as exc:
        with db.session() as session:
            store.fail(session, job_id=job.id, error=f"internal error: {type(exc).__name__}: "
                                                     f"{exc}")
        raise
    return job


def give_up(db: Database, job_id: str, exc: BaseException) -> None:
    """Retries are used up: the job fails for good and joins the dead letters."""
    with db.session() as session:
        store.fail(session, job_id=job_id, error=f"gave up after retries: {exc}")
