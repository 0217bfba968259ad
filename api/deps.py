"""Dependencies as `Annotated` aliases: the app state, a database session, the caller.

Every route but health takes `CallerDep`, which checks `Authorization: Bearer <key>`, counts the
request against the key's rate limit and gives the route a `Viewer` (tenant, role, owner) for
the data layer. `allow(...)` narrows a route to some roles (403 for the others).

One request, one session: `SessionDep` is opened on the event loop (no connection is taken
until a query) and committed in the thread pool when the route returns, before the answer is
sent (`scope="function"`), so a client never reads an answer whose writes could still fail.
The caller's key is checked on the event loop when this process verified it recently (see
`assistant.storage.api_keys`): a read then costs the route's own queries and nothing else, in
two trips through the thread pool (the route, the commit). A key not remembered is looked up
in that same session, and that read transaction ends at once, so a route opening its own
session never waits on it (SQLite takes its write lock at BEGIN).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from api.limits import KeyRateLimiter
from api.masking import Masker
from api.metrics import Metrics
from assistant.config import Settings
from assistant.errors import ForbiddenError, UnauthorizedError
from assistant.jobs.queue import JobQueue
from assistant.storage import api_keys
from assistant.storage.db import Database
from assistant.storage.visibility import Viewer, contact_names


@dataclass
class AppState:
    settings: Settings
    db: Database
    queue: JobQueue
    rate_limiter: KeyRateLimiter
    metrics: Metrics


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.touchpoint
    return state


StateDep = Annotated[AppState, Depends(get_state)]


async def get_session(state: StateDep) -> AsyncIterator[Session]:
    session = state.db.open_session()
    try:
        yield session
    except BaseException:
        await _end(session, commit=False)
        raise
    await _end(session, commit=True)


async def _end(session: Session, *, commit: bool) -> None:
    if not session.in_transaction():
        session.close()  # nothing was read or written: no I/O, no trip to the thread pool
        return

    def end() -> None:
        try:
            session.commit() if commit else session.rollback()
        finally:
            session.close()

    await run_in_threadpool(end)


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
_bearer = HTTPBearer(auto_error=False, description="An API key: `touchpoint keys create`")


async def current_viewer(state: StateDep, request: Request, session: SessionDep,
                         credentials: Annotated[HTTPAuthorizationCredentials | None,
                                                Depends(_bearer)]) -> Viewer:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise UnauthorizedError("send an API key as `Authorization: Bearer tpk_...`; create one "
                                "with `touchpoint keys create --tenant T --role R`")
    max_age_s = state.settings.api_key_cache_s
    key = api_keys.remembered(credentials.credentials) if max_age_s > 0 else None
    if key is None:

        def look_up() -> api_keys.ApiKey:
            found = api_keys.authenticate(session, key=credentials.credentials,
                                          max_age_s=max_age_s)
            session.commit()
            return found

        key = await run_in_threadpool(look_up)
    if state.rate_limiter.is_local:
        state.rate_limiter.hit(key.id)
    else:
        await run_in_threadpool(state.rate_limiter.hit, key.id)
    viewer = Viewer(tenant_id=key.tenant_id, role=key.role, owner=key.owner, key_id=key.id)
    request.state.viewer = viewer
    return viewer


CallerDep = Annotated[Viewer, Depends(current_viewer)]


def allow(*roles: str) -> Callable[[Viewer], Awaitable[Viewer]]:
    """A dependency admitting only `roles`; the others get 403 naming who may."""

    async def check(viewer: CallerDep) -> Viewer:  # no I/O: stays on the event loop
        if viewer.role not in roles:
            raise ForbiddenError(f"role {viewer.role!r} may not do this; it needs a key with "
                                 f"role {' or '.join(roles)}")
        return viewer

    return check


AdminDep = Annotated[Viewer, Depends(allow("admin"))]


def masker_for(session: Session, viewer: Viewer, state: AppState,
               contact_ids: Sequence[str] = (), extra_names: Sequence[str] = ()) -> Masker:
    """The viewer's masker; an evaluator's masks the names of the contacts shown too."""
    names = contact_names(session, viewer, list(contact_ids)) if viewer.role == "evaluator" else []
    return Masker(viewer.role, names=[*names, *extra_names], region=state.settings.phone_region)
