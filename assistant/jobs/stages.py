"""Run the pipeline's stages for a job: the same stage functions the CLI runs, one id at a time.

A job is either `ingest` (sources already received: parse, then extract each new touchpoint,
then index it — `vector_index.indexing.index_touchpoint`, the stage the CLI's ingest runs, when
TOUCHPOINT_INDEX_ON_INGEST is on) or `extract` (a deliberate re-run on a stored touchpoint,
beside its earlier runs). A Celery worker runs one stage for one id per task (`parse_stage`,
`extract_stage`, `index_task`, `reextract`); the in-process runner runs the same tasks in order.
An ingest job settles after the last stage of each touchpoint, so by the time it has succeeded
its touchpoints are searchable.

Idempotence comes from the stages themselves: each claims its row and returns what was done
when it finds its work done, so a redelivered task adds nothing. The re-extract job, whose
purpose is to add a run, writes the run and finishes the job in one transaction after checking,
under the job's row lock, that no other delivery finished it first.

Errors: a transient one (provider down or rate limited, a stage busy in another live process,
the database unreachable) re-raises so the runner retries with backoff; any other error fails
the source or touchpoint where it happened, and the job settles.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from assistant import bootstrap
from assistant.config import Settings
from assistant.errors import (
    NotFoundError,
    OverloadedError,
    ProviderTimeoutError,
    ProviderUnavailableError,
    RateLimitedError,
    TouchpointError,
)
from assistant.jobs import store
from assistant.pipeline import Runtime, SourceOptions
from assistant.pipeline.stages import (
    BusyError,
    claim_source,
    complete_source,
    extract_touchpoint,
    new_source_row,
    one_line,
    parse_claimed,
    store_received,
)
from assistant.storage import claims, convert, repository, sources
from assistant.storage.db import Database

if TYPE_CHECKING:
    from vector_index.indexing import RetrievalOptions

TRANSIENT: tuple[type[BaseException], ...] = (
    ProviderUnavailableError, RateLimitedError, ProviderTimeoutError, BusyError,
    OperationalError)
FINAL_SOURCE_STAGES = ("done", "failed")
log = logging.getLogger(__name__)

Send = Callable[[str, dict[str, str]], None]  # (stage, ids) -> queue the next task


def is_transient(exc: BaseException) -> bool:
    return isinstance(exc, TRANSIENT)


class Runtimes:
    """One runtime per (tenant, extractor) per process: lexicons and clients load once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._built: dict[tuple[str, str | None], Runtime] = {}
        self._retrieval: RetrievalOptions | None = None

    def retrieval(self) -> RetrievalOptions:
        if self._retrieval is None:
            self._retrieval = bootstrap.retrieval_options(self.settings)
        return self._retrieval

    def get(self, tenant_id: str, extractor: str | None = None) -> Runtime:
        key = (tenant_id, extractor)
        if key not in self._built:
            self._built[key] = bootstrap.runtime(self.settings, extractor=extractor,
                                                 tenant=tenant_id)
        return self._built[key]


# --- ingest: parse one source, extract one touchpoint -----------------------------------------


def parse_stage(db: Database, runtime: Runtime, *, tenant_id: str, source_id: str) -> list[str]:
    """Parse (or transcribe) one received source; returns the touchpoints left to extract.

    A source that cannot be parsed is failed here, with its reason; that is final, not retried.
    """
    row, claimed = claim_source(db, tenant_id=tenant_id, source_id=source_id)
    if not claimed:
        return []
    if row.stage != "received":  # parsed before a crash: its touchpoints are still to extract
        return list(row.touchpoint_ids)
    try:
        with db.session() as session:
            content = sources.load_blob(session, tenant_id=tenant_id, sha256=row.sha256)
        result = parse_claimed(db, row, content, runtime)
    except TRANSIENT:
        _release_source(db, tenant_id, source_id)
        raise
    except Exception as exc:
        with db.session() as session:
            current = sources.get_source(session, tenant_id=tenant_id, source_id=source_id)
            sources.finish_stage(session, current, stage="failed", error_stage="parse",
                                 error=runtime.redact(f"{row.uri}: {one_line(exc)}"))
        if not isinstance(exc, TouchpointError):
            raise
        return []
    created = [tp.id for tp in result.created]
    with db.session() as session:  # the extract tasks may run in other processes: let go
        for touchpoint_id in created:
            stored = repository.touchpoint_row(session, tenant_id=tenant_id,
                                               touchpoint_id=touchpoint_id)
            stored.claimed_by = stored.claimed_at = None
    _release_source(db, tenant_id, source_id)
    return created if runtime.extractor is not None else []


def _release_source(db: Database, tenant_id: str, source_id: str) -> None:
    """Let go of the source; it is `done` when none of its touchpoints is left to extract."""
    with db.session() as session:
        complete_source(session, tenant_id=tenant_id, source_id=source_id, release=True)


def extract_stage(db: Database, runtime: Runtime, *, tenant_id: str, touchpoint_id: str) -> None:
    """Extract one parsed touchpoint; a provider that is down leaves it `pending` and raises
    so the runner retries later."""
    result = extract_touchpoint(db, tenant_id=tenant_id, touchpoint_id=touchpoint_id,
                                runtime=runtime)
    if result.status == "pending":
        raise ProviderUnavailableError(result.error or f"{touchpoint_id}: extraction pending")
    if result.status == "skipped" and result.error:  # held by another live process
        raise BusyError(f"{touchpoint_id}: {result.error}")


def settle(db: Database, *, job_id: str) -> store.Job | None:
    """Finish an ingest job once every one of its sources is done or failed; the finished job,
    or None while some source is still on its way."""
    with db.session() as session:
        return settle_in(session, job_id=job_id)


def settle_in(session: Session, *, job_id: str) -> store.Job | None:
    """`settle` in the caller's transaction."""
    job = store.locked_job(session, job_id=job_id)
    if job.is_final:
        return job
    rows = [sources.get_source(session, tenant_id=job.tenant_id, source_id=i)
            for i in job.params.get("source_ids", [])]
    if any(r.stage not in FINAL_SOURCE_STAGES for r in rows):
        return None
    touchpoint_ids = list(dict.fromkeys(t for r in rows for t in r.touchpoint_ids))
    errors = [r.error for r in rows if r.error]
    failed_tps = [t.id for r in rows for t in sources.touchpoint_rows_of(
        session, tenant_id=job.tenant_id, source_id=r.id) if t.status == "failed"]
    errors += [f"{t}: extraction failed (see GET /v1/touchpoints/{t})" for t in failed_tps]
    if rows and all(r.stage == "failed" for r in rows):
        store.fail(session, job_id=job_id, error="; ".join(errors))
    else:
        store.succeed(session, job_id=job_id, touchpoint_ids=touchpoint_ids,
                      error="; ".join(errors) or None)
    return store.locked_job(session, job_id=job_id)


# --- a deliberate re-run of extraction ---------------------------------------------------------


def reextract(db: Database, runtime: Runtime, *, job_id: str, tenant_id: str,
              touchpoint_id: str) -> None:
    """One more extraction run for a stored touchpoint; earlier runs are kept."""
    me = claims.process_token()
    with db.session() as session:
        row = repository.touchpoint_row(session, tenant_id=tenant_id, touchpoint_id=touchpoint_id)
        if not claims.take(session, row, me=me):
            raise BusyError(f"touchpoint {touchpoint_id} is held by {row.claimed_by}")
        touchpoint = convert.row_to_touchpoint(row)
    assert runtime.extractor is not None and runtime.context is not None
    try:
        insights = runtime.extractor.extract(touchpoint, runtime.context)
    except Exception as exc:
        with db.session() as session:
            row = repository.touchpoint_row(session, tenant_id=tenant_id,
                                            touchpoint_id=touchpoint_id)
            if not is_transient(exc):
                row.status, row.error = "failed", runtime.redact(f"extract: {one_line(exc)}")
            row.claimed_by = row.claimed_at = None
        raise
    if insights.created_at is None:
        insights = insights.model_copy(update={"created_at": datetime.now(UTC)})
    with db.session() as session:
        row = repository.touchpoint_row(session, tenant_id=tenant_id, touchpoint_id=touchpoint_id)
        row.claimed_by = row.claimed_at = None
        if not store.claim_finish(session, job_id=job_id):
            return
        repository.save_insights(session, tenant_id=tenant_id, insights=insights)
        row.status, row.error, row.updated_at = "extracted", None, datetime.now(UTC)
        store.succeed(session, job_id=job_id, touchpoint_ids=[touchpoint_id])


# --- running a job ---------------------------------------------------------------------------


def run_task(db: Database, runtimes: Runtimes, *, job_id: str, stage: str, ids: dict[str, str],
             send: Send) -> None:
    """One stage for one id, as a Celery task runs it; `send` queues the stages that follow."""
    if stage == "index":
        index_task(db, runtimes, job_id=job_id, touchpoint_id=ids["touchpoint_id"])
        return
    with db.session() as session:
        job = store.start_attempt(session, job_id=job_id)
    if job is None:
        return  # finished already: a redelivery
    try:
        if stage == "extract" and job.kind == "extract":
            runtime = runtimes.get(job.tenant_id, job.params.get("extractor"))
            reextract(db, runtime, job_id=job_id, tenant_id=job.tenant_id,
                      touchpoint_id=str(job.params["touchpoint_id"]))
            return
        runtime = runtimes.get(job.tenant_id, job.params.get("extractor"))
        if stage == "parse":
            for touchpoint_id in parse_stage(db, runtime, tenant_id=job.tenant_id,
                                             source_id=ids["source_id"]):
                send("extract", {"touchpoint_id": touchpoint_id})
        elif stage == "extract":
            extract_stage(db, runtime, tenant_id=job.tenant_id,
                          touchpoint_id=ids["touchpoint_id"])
            if runtimes.settings.index_on_ingest:
                send("index", {"touchpoint_id": ids["touchpoint_id"]})
                return  # the index task settles the job
        else:
            raise TouchpointError(f"job {job.id}: unknown stage {stage!r}; upgrade the worker")
        settle(db, job_id=job_id)
    except TRANSIENT as exc:
        with db.session() as session:
            store.retry_later(session, job_id=job_id, error=f"attempt {job.attempts}: {exc}")
        raise
    except TouchpointError as exc:
        with db.session() as session:
            store.fail(session, job_id=job_id, error=str(exc))
    except Exception as exc:
        with db.session() as session:
            store.fail(session, job_id=job_id, error=f"internal error: {one_line(exc)}")
        raise


def index_task(db: Database, runtimes: Runtimes, *, job_id: str, touchpoint_id: str) -> None:
    """The index stage for one extracted touchpoint of an ingest job, then settle the job.

    Idempotent (unchanged chunks are left alone), so it runs for a redelivery too, even once
    the job is final. A touchpoint erased meanwhile has nothing to index. Transient errors
    raise for a retry; any other failure is logged and noted on the job without failing it:
    the touchpoint is stored and extracted, and search indexes what is missing on its next
    call — as after the CLI's ingest, whose index stage never fails the ingest either.
    """
    from vector_index.indexing import index_touchpoint

    with db.session() as session:
        tenant_id = store.job_by_id(session, job_id=job_id).tenant_id
    note = None
    try:
        index_touchpoint(db, tenant_id=tenant_id, touchpoint_id=touchpoint_id,
                         options=runtimes.retrieval())
    except NotFoundError:
        pass
    except TRANSIENT:
        raise
    except Exception as exc:
        log.warning("job %s: indexing %s failed", job_id, touchpoint_id, exc_info=True)
        note = (f"index {touchpoint_id}: {one_line(exc)} (search indexes it on its next call)")
    settle(db, job_id=job_id)
    if note is not None:
        with db.session() as session:
            store.add_note(session, job_id=job_id, note=note)


def first_tasks(job: store.Job) -> list[tuple[str, dict[str, str]]]:
    """The tasks that start a job: parse each source, or the one re-extraction."""
    if job.kind == "ingest":
        return [("parse", {"source_id": s}) for s in job.params.get("source_ids", [])]
    if job.kind == "extract":
        return [("extract", {"touchpoint_id": str(job.params["touchpoint_id"])})]
    return [(job.kind, {})]


def give_up(db: Database, job_id: str, exc: BaseException) -> None:
    """Retries are used up: the job fails for good and joins the dead letters."""
    with db.session() as session:
        store.fail(session, job_id=job_id, error=f"gave up after retries: {exc}")


# --- intake: what the API does before a job exists --------------------------------------------


def accept_sources(session: Session, *, tenant_id: str, received: list[tuple[bytes, str]],
                   options: SourceOptions, max_bytes: int, max_queue_depth: int,
                   key_id: str | None = None) -> tuple[store.Job, bool]:
    """Store each source's bytes and row and record an ingest job for them, in the caller's
    transaction: the least an API answers 202 after (commit, then queue the job).

    Returns the job and whether it is already final: every source was ingested before, so the
    job succeeded with the touchpoints that exist (a duplicate). OverloadedError when more than
    `max_queue_depth` jobs wait; BadInputError (nothing stored) for unusable bytes. The sources
    are stored unclaimed, so whichever worker takes the job claims them.
    """
    depth = store.queue_depth(session, at_most=max_queue_depth)
    if depth >= max_queue_depth:
        raise OverloadedError(f"{depth} or more jobs are queued (limit {max_queue_depth}); retry "
                              "later or add workers", retry_after_s=30)
    rows = [new_source_row(tenant_id=tenant_id, content=content, uri=uri, options=options,
                           max_bytes=max_bytes) for content, uri in received]
    created = False
    for row, (content, _) in zip(rows, received, strict=True):
        row.claimed_by = None
        created = store_received(session, row, content) or created
    job = store.create_job(session, tenant_id=tenant_id, kind="ingest",
                           params={"source_ids": list(dict.fromkeys(r.id for r in rows))},
                           key_id=key_id)
    if created:
        return job, False
    known = settle_in(session, job_id=job.id)  # all duplicates: finished unless still on the way
    return (known, True) if known is not None and known.is_final else (job, False)
