"""Ingest: POST /v1/touchpoints (JSON) and POST /v1/touchpoints/upload (multipart, audio too).

Each source is received at once, in one transaction with its job (bytes stored, a source row
written, duplicates known, the job recorded); after the commit the job is queued, and the stages
run on Celery workers or in this process. Nothing heavier happens before the answer. The answer is 202 with
the job id and its Location; when every source was ingested before, it is 200 with the job
already succeeded and the touchpoints that exist.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from api.deps import AppState, SessionDep, StateDep, allow
from api.media import check_media_type
from api.responses import json_answer
from assistant.errors import BadInputError
from assistant.jobs import stages
from assistant.pipeline import SourceOptions
from assistant.storage.visibility import Viewer, visible_account

router = APIRouter(prefix="/touchpoints", tags=["ingest"])
Ingester = Annotated[Viewer, Depends(allow("admin", "rep", "service"))]


class _Common(BaseModel):
    model_config = ConfigDict(extra="forbid")
    occurred_at: datetime | None = Field(None, description="When the source does not say")
    language: Literal["en", "zh"] | None = None
    account_id: str | None = Field(None, description="Attach to this account")


class EmailIn(_Common):
    kind: Literal["email"]
    raw: str = Field(description="The whole RFC 5322 message, headers included")


class ChatMessage(BaseModel):
    time: str
    sender: str
    text: str
    email: str | None = None
    role: Literal["rep", "customer", "agent"] | None = None


class ChatIn(_Common):
    kind: Literal["chat"]
    messages: list[ChatMessage] = Field(min_length=1)
    timezone: str | None = Field(None, description="IANA zone for times without an offset")


class TicketIn(_Common):
    kind: Literal["ticket"]
    ticket: dict[str, Any] = Field(description="A Zendesk-like ticket with its comments")


class Participant(BaseModel):
    name: str = Field(min_length=1)
    role: Literal["rep", "customer"] = "customer"


class TranscriptIn(_Common):
    kind: Literal["transcript"]
    channel: Literal["call", "meeting"] = "call"
    text: str = Field(min_length=1, description="One 'Speaker: what they said' line per turn")
    participants: list[Participant] = Field(default_factory=list)
    subject: str | None = None


SourceIn = Annotated[EmailIn | ChatIn | TicketIn | TranscriptIn, Field(discriminator="kind")]


class Ingested(BaseModel):
    job_id: str
    status: str
    touchpoint_ids: list[str] = Field(default_factory=list)


def _as_source(body: EmailIn | ChatIn | TicketIn | TranscriptIn) -> tuple[bytes, str]:
    """The JSON body as the bytes and name of the file the same parser reads."""
    if isinstance(body, EmailIn):
        return body.raw.encode(), "api:message.eml"
    if isinstance(body, ChatIn):
        messages = [m.model_dump(exclude_none=True) for m in body.messages]
        return json.dumps({"messages": messages}, ensure_ascii=False).encode(), "api:chat.json"
    if isinstance(body, TicketIn):
        return json.dumps({"ticket": body.ticket}, ensure_ascii=False).encode(), "api:ticket.json"
    front = [f"# channel: {body.channel}"]
    if body.subject:
        front.append(f"# subject: {body.subject}")
    reps = [p.name for p in body.participants if p.role == "rep"]
    if reps:
        front.append(f"# rep: {', '.join(reps)}")
    return ("\n".join(front) + "\n" + body.text).encode(), "api:transcript.txt"


def _options(session: Session, state: AppState, viewer: Viewer, *,
             occurred_at: datetime | None, language: str | None, account_id: str | None,
             timezone: str | None = None) -> SourceOptions:
    if account_id is not None:
        visible_account(session, viewer, account_id)
    if occurred_at is not None and occurred_at.tzinfo is None:
        from assistant.times import zone

        occurred_at = occurred_at.replace(tzinfo=zone(timezone or
                                                      state.settings.default_timezone))
    return SourceOptions(occurred_at=occurred_at, language=language, account_id=account_id,
                         timezone=timezone)


def _accept(session: Session, state: AppState, viewer: Viewer,
            received: list[tuple[bytes, str]], options: SourceOptions) -> Response:
    """Store the sources and the job in one transaction, commit, then hand the job on."""
    job, is_final = stages.accept_sources(
        session, tenant_id=viewer.tenant_id, received=received, options=options,
        max_bytes=state.settings.max_upload_bytes,
        max_queue_depth=state.settings.max_queue_depth, key_id=viewer.key_id)
    session.commit()  # a worker may take the job the moment it is queued
    if is_final and job.status == "succeeded":  # every source ingested before: a duplicate
        first = job.touchpoint_ids[0] if job.touchpoint_ids else None
        headers = {"Location": f"/v1/touchpoints/{first}"} if first else {}
        return json_answer({"job_id": job.id, "status": job.status,
                            "touchpoint_ids": job.touchpoint_ids}, headers=headers)
    from api.routes.jobs import submit

    submit(state, job)
    return json_answer({"job_id": job.id, "status": "queued", "touchpoint_ids": []},
                       status_code=202, headers={"Location": f"/v1/jobs/{job.id}"})


@router.post("", status_code=202, response_model=Ingested,
             responses={200: {"model": Ingested, "description": "ingested before"}})
def post_touchpoint(body: SourceIn, state: StateDep, viewer: Ingester,
                    session: SessionDep) -> Response:
    """One email, chat, ticket or transcript as JSON; its stages run as a job."""
    content, uri = _as_source(body)
    options = _options(session, state, viewer, occurred_at=body.occurred_at,
                       language=body.language, account_id=body.account_id,
                       timezone=body.timezone if isinstance(body, ChatIn) else None)
    return _accept(session, state, viewer, [(content, uri)], options)


@router.post("/upload", status_code=202, response_model=Ingested,
             responses={200: {"model": Ingested, "description": "ingested before"},
                        413: {"description": "over TOUCHPOINT_MAX_UPLOAD_BYTES"},
                        415: {"description": "the bytes are not what the part declares"}})
async def upload(state: StateDep, viewer: Ingester,
                 file: Annotated[list[UploadFile], File(description="One or more sources")],
                 occurred_at: Annotated[datetime | None, Form()] = None,
                 language: Annotated[Literal["en", "zh"] | None, Form()] = None,
                 account_id: Annotated[str | None, Form()] = None) -> Response:
    """Files (email, chat, transcript, ticket, Slack/WhatsApp export, audio) in one job."""
    received: list[tuple[bytes, str]] = []
    for part in file:
        name = part.filename or "upload"
        content = await part.read()
        if not content:
            raise BadInputError(f"{name}: the part is empty")
        check_media_type(content, filename=name, declared=part.content_type)
        received.append((content, f"upload:{name}"))

    def accept() -> Response:  # database work off the event loop, in one transaction
        with state.db.session() as session:
            options = _options(session, state, viewer, occurred_at=occurred_at,
                               language=language, account_id=account_id)
            return _accept(session, state, viewer, received, options)

    return await run_in_threadpool(accept)
