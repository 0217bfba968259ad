"""Job status in the database: what the API answers for GET /jobs/{id}, and the dead letters.

A job holds ids and options only, never content. Its status moves queued -> running ->
succeeded | failed; a transient error puts it back to queued for a retry. `failed` is final:
those jobs are the dead-letter list (`touchpoint jobs list --failed`, GET /v1/jobs?status=failed).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from assistant.errors import NotFoundError
from assistant.storage.api_rows import JobRow

JobStatus = Literal["queued", "running", "succeeded", "failed"]
FINAL: tuple[str, ...] = ("succeeded", "failed")


@dataclass(frozen=True)
class Job:
    id: str
    tenant_id: str
    kind: str
    status: JobStatus
    params: dict[str, Any]
    touchpoint_ids: list[str]
    attempts: int
    error: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def is_final(self) -> bool:
        return self.status in FINAL


def _from_row(row: JobRow) -> Job:
    return Job(id=row.id, tenant_id=row.tenant_id, kind=row.kind,
               status=row.status,  # type: ignore[arg-type]
               params=dict(row.params or {}), touchpoint_ids=list(row.touchpoint_ids or []),
               attempts=row.attempts, error=row.error, created_at=row.created_at,
               updated_at=row.updated_at)


def _now() -> datetime:
    return datetime.now(UTC)


_INSERT_JOB = insert(JobRow)  # built once: the API's intake records a job per request
_QUEUED_UP_TO = select(func.count()).select_from(
    select(JobRow.id).where(JobRow.status == "queued").limit(bindparam("at_most")).subquery())


def create_job(session: Session, *, tenant_id: str, kind: str, params: dict[str, Any],
               key_id: str | None = None) -> Job:
    now = _now()
    job = Job(id=f"job_{uuid.uuid4().hex}", tenant_id=tenant_id, kind=kind, status="queued",
              params=params, touchpoint_ids=[], attempts=0, error=None, created_at=now,
              updated_at=now)
    session.execute(_INSERT_JOB, {**job.__dict__, "key_id": key_id})
    return job


def _locked(session: Session, job_id: str) -> JobRow:
    """The job's row, locked until the transaction ends (Postgres; SQLite locks the file)."""
    row = session.scalars(select(JobRow).where(JobRow.id == job_id).with_for_update()).first()
    if row is None:
        raise NotFoundError(f"no job {job_id!r}; it may belong to a database this worker does "
                            "not use (check TOUCHPOINT_DATABASE_URL on the API and the workers)")
    return row


def get_job(session: Session, *, tenant_id: str, job_id: str) -> Job:
    row = session.get(JobRow, job_id)
    if row is None or row.tenant_id != tenant_id:
        raise NotFoundError(f"no job {job_id!r} in tenant {tenant_id!r}")
    return _from_row(row)


def job_by_id(session: Session, *, job_id: str) -> Job:
    """Any tenant's job (for runners, which get ids from the queue, never from a caller)."""
    row = session.get(JobRow, job_id)
    if row is None:
        raise NotFoundError(f"no job {job_id!r}")
    return _from_row(row)


def start_attempt(session: Session, *, job_id: str) -> Job | None:
    """Mark the job running and count the attempt; None when it already finished (a
    redelivered task then does nothing)."""
    row = _locked(session, job_id)
    if row.status in FINAL:
        return None
    row.status, row.attempts, row.updated_at = "running", row.attempts + 1, _now()
    return _from_row(row)


def claim_finish(session: Session, *, job_id: str) -> bool:
    """Lock the job for the transaction that writes its result; False when another delivery
    already finished it, so that transaction must write nothing."""
    return _locked(session, job_id).status not in FINAL


def locked_job(session: Session, *, job_id: str) -> Job:
    """The job, its row locked until the transaction ends."""
    return _from_row(_locked(session, job_id))


def succeed(session: Session, *, job_id: str, touchpoint_ids: list[str],
            error: str | None = None) -> None:
    """Done; `error` may still say what failed inside (a source of several, a touchpoint)."""
    row = _locked(session, job_id)
    row.status, row.touchpoint_ids, row.error, row.updated_at = (
        "succeeded", touchpoint_ids, error, _now())


def fail(session: Session, *, job_id: str, error: str) -> None:
    """Final failure: the job joins the dead-letter list."""
    row = _locked(session, job_id)
    if row.status not in FINAL:
        row.status, row.error, row.updated_at = "failed", error[:4000], _now()


def add_note(session: Session, *, job_id: str, note: str) -> None:
    """Append to what the job reports (`error`) without changing its status."""
    row = _locked(session, job_id)
    row.error, row.updated_at = (f"{row.error}; {note}" if row.error else note)[:4000], _now()


def retry_later(session: Session, *, job_id: str, error: str) -> None:
    """A transient error: back to queued, the error kept for GET /jobs/{id}."""
    row = _locked(session, job_id)
    if row.status not in FINAL:
        row.status, row.error, row.updated_at = "queued", error, _now()


def list_jobs(session: Session, *, tenant_id: str, status: str | None = None,
              limit: int = 100) -> list[Job]:
    """Newest first."""
    query = select(JobRow).where(JobRow.tenant_id == tenant_id)
    if status is not None:
        query = query.where(JobRow.status == status)
    query = query.order_by(JobRow.created_at.desc(), JobRow.id).limit(limit)
    return [_from_row(r) for r in session.scalars(query)]


def queue_depth(session: Session, *, at_most: int = 1_000_000) -> int:
    """Jobs waiting for a worker, all tenants (the queue is shared), counted up to `at_most`:
    the intake only needs to know whether the limit is reached, and a deep queue is then not
    counted row by row on every request."""
    return session.scalar(_QUEUED_UP_TO, {"at_most": at_most}) or 0


def count_by_status(session: Session) -> dict[str, int]:
    query = select(JobRow.status, func.count()).group_by(JobRow.status)
    return {status: count for status, count in session.execute(query)}
