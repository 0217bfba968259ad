"""The read-side products over HTTP: search, an account's briefing, a ticket's summary, and
suggestions with their feedback. Thin: each calls the service function the CLI calls.

No route here holds a database session while the service runs (the services open their own).
Scope: the account is checked through `assistant.storage.visibility` first (another tenant's id,
or a rep's account they do not own, answers 404). Roles: reps and admins get briefings and
suggestions; the service team and admins get ticket summaries; search is for reps (their own
accounts' snippets), the service team (ticket snippets only) and admins. Evaluators see none of
these: they carry deal values, names and quotes an evaluator's masking exists to hide.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from api.deps import AppState, StateDep, allow
from assistant.errors import NotFoundError
from assistant.storage.visibility import Viewer, visible_account

router = APIRouter(tags=["briefings, tickets, search, suggestions"])
RepDep = Annotated[Viewer, Depends(allow("rep", "admin"))]
ServiceDep = Annotated[Viewer, Depends(allow("service", "admin"))]
SearchDep = Annotated[Viewer, Depends(allow("rep", "service", "admin"))]


def _plain(value: Any) -> Any:
    """A service result (dataclasses or pydantic models) as JSON-ready data."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat()
    return value


@router.get("/accounts/{account_id}/briefing")
def account_briefing(account_id: str, viewer: RepDep, state: StateDep,
                     agenda: str | None = None, contact_id: str | None = None
                     ) -> dict[str, Any]:
    """The pre-call briefing (as `touchpoint brief --json`), every line citing its sources."""
    from assistant.bootstrap import retrieval_options
    from assistant.briefing.build import build_briefing

    _check_account(state, viewer, account_id)
    briefing = build_briefing(state.db, tenant_id=viewer.tenant_id, account_id=account_id,
                              contact_id=contact_id, agenda=agenda,
                              retrieval=retrieval_options(state.settings))
    return {"briefing": _plain(briefing)}


@router.get("/tickets/{ticket_id}/summary")
def ticket_summary(ticket_id: str, viewer: ServiceDep, state: StateDep) -> dict[str, Any]:
    """A ticket's cited summary with SLA and escalation signals (as `tickets summarize`)."""
    from assistant.bootstrap import retrieval_options
    from assistant.tickets import summarize_ticket

    summary = summarize_ticket(state.db, tenant_id=viewer.tenant_id, ticket_id=ticket_id,
                               retrieval=retrieval_options(state.settings))
    return {"summary": _plain(summary)}


@router.get("/search")
def search_snippets(viewer: SearchDep, state: StateDep,
                    q: Annotated[str, Query(min_length=1, max_length=500)],
                    account_id: str | None = None, channel: str | None = None,
                    since: datetime | None = None,
                    limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
    """Ranked snippets (hybrid search); a rep sees their accounts', the service team tickets'."""
    from assistant.bootstrap import retrieval_options
    from assistant.storage.chunks import ChunkFilters
    from vector_index.indexing import index_pending
    from vector_index.search import search

    if account_id is not None:
        _check_account(state, viewer, account_id)
    if viewer.role == "service":
        channel = "ticket"
    options = retrieval_options(state.settings)
    index_pending(state.db, tenant_id=viewer.tenant_id, options=options)  # as the CLI does
    found = search(state.db, tenant_id=viewer.tenant_id, query=q,
                   options=options, limit=limit * 5 if
                   viewer.role == "rep" else limit,
                   filters=ChunkFilters(account_id=account_id, channel=channel, since=since))
    hits = found.hits
    if viewer.role == "rep":
        owned = {a for a in {h.account_id for h in hits if h.account_id}
                 if _owns(state, viewer, a)}
        hits = [h for h in hits if h.account_id in owned]
    return {"query": found.query, "mode": found.mode, "hits": _plain(hits[:limit]),
            "notices": found.notices}


def _check_account(state: AppState, viewer: Viewer, account_id: str) -> None:
    """404 unless the viewer may see the account; the session is closed before the service
    call that follows opens its own (SQLite allows one writer at a time)."""
    with state.db.session() as session:
        visible_account(session, viewer, account_id)


def _owns(state: AppState, viewer: Viewer, account_id: str) -> bool:
    try:
        _check_account(state, viewer, account_id)
    except NotFoundError:
        return False
    return True


@router.get("/suggestions")
def suggestions(viewer: RepDep, state: StateDep, account_id: str | None = None,
                limit: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, Any]:
    """Ranked follow-ups (a rep's own accounts'), each with its windows and explanation."""
    from assistant.suggestions import list_suggestions

    owner = viewer.owner if viewer.role == "rep" else None
    found = list_suggestions(state.db, tenant_id=viewer.tenant_id, account_id=account_id,
                             owner=owner, limit=limit)
    return {"suggestions": _plain(found)}


class Feedback(BaseModel):
    outcome: str  # accepted | dismissed | snoozed | done
    note: str | None = None
    snooze_until: datetime | None = None


@router.post("/suggestions/{suggestion_id}/feedback")
def suggestion_feedback(suggestion_id: str, body: Feedback, viewer: RepDep,
                        state: StateDep) -> dict[str, Any]:
    """Record what the rep did with a suggestion; it stays out of the list until newer evidence."""
    from assistant.suggestions import list_suggestions, record_feedback

    owner = viewer.owner if viewer.role == "rep" else None
    mine = {s.id for s in list_suggestions(state.db, tenant_id=viewer.tenant_id, owner=owner,
                                           include_closed=True)}
    if suggestion_id not in mine:
        raise NotFoundError(f"no suggestion {suggestion_id!r} for this key; list them with "
                            "GET /v1/suggestions")
    stored = record_feedback(state.db, tenant_id=viewer.tenant_id, suggestion_id=suggestion_id,
                             outcome=body.outcome, note=body.note, actor=viewer.key_id,
                             snooze_until=body.snooze_until)
    return {"feedback": _plain(stored)}
