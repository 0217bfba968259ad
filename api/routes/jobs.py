"""Jobs: GET /v1/jobs/{id} (status, error, touchpoint ids) and the dead-letter list."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from api.deps import AdminDep, AppState, CallerDep, SessionDep
from assistant.errors import OverloadedError, ProviderUnavailableError
from assistant.jobs import store
from assistant.jobs.store import Job
from assistant.storage.visibility import Viewer

router = APIRouter(prefix="/jobs", tags=["jobs"])


class JobOut(BaseModel):
    id: str
    kind: str
    status: Literal["queued", "running", "succeeded", "failed"]
    attempts: int
    error: str | None
    touchpoint_ids: list[str]
    created_at: str
    updated_at: str


class Accepted(BaseModel):
    job_id: str
    status: str = "queued"


def job_out(job: Job) -> JobOut:
    return JobOut(id=job.id, kind=job.kind, status=job.status, attempts=job.attempts,
                  error=job.error, touchpoint_ids=job.touchpoint_ids,
                  created_at=job.created_at.isoformat(), updated_at=job.updated_at.isoformat())


def submit(state: AppState, job: Job) -> None:
    """Hand a recorded job to the queue; a broker that cannot be reached fails it (503)."""
    try:
        state.queue.submit(job)
    except Exception as exc:  # the broker's client raises many kinds; the job must not dangle
        with state.db.session() as session:
            store.fail(session, job_id=job.id, error=f"could not reach the broker: {exc}")
        raise ProviderUnavailableError(
            f"the job queue is unreachable ({type(exc).__name__}); check TOUCHPOINT_BROKER_URL "
            "and that the broker is running") from exc


def enqueue(state: AppState, viewer: Viewer, kind: str, params: dict[str, Any]) -> JSONResponse:
    """Record a job and hand it to the queue; 202 with its id and Location. 429 when the queue
    is deeper than TOUCHPOINT_MAX_QUEUE_DEPTH (backpressure)."""
    with state.db.session() as session:
        depth = store.queue_depth(session, at_most=state.settings.max_queue_depth)
        if depth >= state.settings.max_queue_depth:
            raise OverloadedError(f"{depth} or more jobs are queued (limit "
                                  f"{state.settings.max_queue_depth}); retry later or add "
                                  "workers", retry_after_s=30)
        job = store.create_job(session, tenant_id=viewer.tenant_id, kind=kind, params=params,
                               key_id=viewer.key_id)
    submit(state, job)
    return JSONResponse(Accepted(job_id=job.id).model_dump(), status_code=202,
                        headers={"Location": f"/v1/jobs/{job.id}"})


@router.get("/{job_id}", response_model=JobOut)
def get_job(job_id: str, viewer: CallerDep, session: SessionDep) -> JobOut:
    """A job of the caller's tenant; another tenant's job id answers 404."""
    return job_out(store.get_job(session, tenant_id=viewer.tenant_id, job_id=job_id))


@router.get("", response_model=list[JobOut])
def list_jobs(viewer: AdminDep, session: SessionDep,
              status: Annotated[Literal["queued", "running", "succeeded", "failed"] | None,
                                Query(description="failed = the dead-letter list")] = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[JobOut]:
    """The tenant's jobs, newest first (admin)."""
    return [job_out(j) for j in store.list_jobs(session, tenant_id=viewer.tenant_id,
                                                 status=status, limit=limit)]


