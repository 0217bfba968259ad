"""Touchpoints: list (filters, cursor pagination), one with its insights and evidence, re-extract.

Reads go through `assistant.storage.visibility`, so tenant and role scope apply to every query;
what a role may see of a row is decided by `api.masking`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from api.deps import CallerDep, SessionDep, StateDep, allow, masker_for
from api.masking import insights_view, touchpoint_view
from api.responses import json_answer
from api.routes.jobs import Accepted, enqueue
from assistant.config import ExtractorName
from assistant.models import Channel, TouchpointStatus
from assistant.storage.visibility import (
    TouchpointFilters,
    Viewer,
    touchpoint_page,
    visible_touchpoint,
    visible_touchpoint_with_insights,
)

router = APIRouter(prefix="/touchpoints", tags=["touchpoints"])


class TouchpointPage(BaseModel):
    touchpoints: list[dict[str, Any]]
    next_cursor: str | None


class TouchpointDetail(BaseModel):
    touchpoint: dict[str, Any]
    insights: dict[str, Any] | None
    runs: int


class ExtractRequest(BaseModel):
    extractor: ExtractorName | None = None  # None: the configured one


@router.get("", response_model=TouchpointPage)
def list_touchpoints(
    viewer: CallerDep, session: SessionDep, state: StateDep,
    account_id: str | None = None, contact_id: str | None = None,
    channel: Channel | None = None, status: TouchpointStatus | None = None,
    since: datetime | None = None, until: datetime | None = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Response:
    """Newest first, without text and segments; follow `next_cursor` for the next page."""
    filters = TouchpointFilters(account_id=account_id, contact_id=contact_id, channel=channel,
                                status=status, since=since, until=until)
    page, next_cursor = touchpoint_page(session, viewer, filters, cursor=cursor, limit=limit)
    ids = sorted({c for tp in page for c in tp.contact_ids})
    names = sorted({p.name for tp in page for p in tp.participants if p.name})
    masker = masker_for(session, viewer, state, ids, names)
    return json_answer({"touchpoints": [touchpoint_view(tp, masker, full=False) for tp in page],
                        "next_cursor": next_cursor})


@router.get("/{touchpoint_id}", response_model=TouchpointDetail)
async def get_touchpoint(touchpoint_id: str, viewer: CallerDep, session: SessionDep,
                         state: StateDep) -> Response:
    """The touchpoint, its text, and its newest insights, each item with its evidence."""

    def read() -> Response:  # the queries and the end of the read in one trip to the pool
        touchpoint, latest, runs = visible_touchpoint_with_insights(session, viewer,
                                                                    touchpoint_id)
        names = [p.name for p in touchpoint.participants if p.name]
        names += [s.speaker for s in touchpoint.segments if s.speaker]
        masker = masker_for(session, viewer, state, touchpoint.contact_ids, names)
        session.commit()
        return json_answer({"touchpoint": touchpoint_view(touchpoint, masker),
                            "insights": insights_view(latest, touchpoint, masker), "runs": runs})

    return await run_in_threadpool(read)


@router.post("/{touchpoint_id}/extract", status_code=202, response_model=Accepted,
             responses={202: {"headers": {"Location": {"description": "GET it for the status"}}}})
def extract_again(touchpoint_id: str, viewer: Annotated[Viewer, Depends(allow(
                      "admin", "rep", "service"))],
                  state: StateDep,
                  request: Annotated[ExtractRequest | None, Body()] = None) -> JSONResponse:
    """Re-run extraction as a job; earlier runs are kept, so runs can be compared."""
    with state.db.session() as session:  # closed before the job is queued (SQLite locks)
        visible_touchpoint(session, viewer, touchpoint_id)
    extractor = request.extractor if request else None
    return enqueue(state, viewer, "extract",
                   {"touchpoint_id": touchpoint_id, "extractor": extractor})
