"""POST /v1/events: web and product events, stored through the same function as
`touchpoint import-events` (re-posting an event adds nothing)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from api.deps import StateDep, allow
from assistant import bootstrap
from assistant.events import store_events
from assistant.storage.visibility import Viewer

router = APIRouter(prefix="/events", tags=["events"])


class EventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str = Field(min_length=1, max_length=64, examples=["page_viewed"])
    occurred_at: datetime
    email: str | None = None
    account_domain: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)


class EventsIn(BaseModel):
    events: list[EventIn] = Field(min_length=1, max_length=10_000)


class EventsStored(BaseModel):
    stored: int
    skipped_duplicates: int


@router.post("", response_model=EventsStored)
def post_events(body: EventsIn, state: StateDep,
                viewer: Annotated[Viewer, Depends(allow("admin", "rep"))]) -> EventsStored:
    """Store events tied to the contact (by email) or account (by domain) they came from."""
    lines = [json.dumps(e.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
             for e in body.events]
    options = bootstrap.parse_options(state.settings, tenant=viewer.tenant_id)
    stored, duplicates = store_events(state.db, ("\n".join(lines) + "\n").encode(),
                                      uri="api:events.jsonl", options=options)
    return EventsStored(stored=stored, skipped_duplicates=duplicates)
