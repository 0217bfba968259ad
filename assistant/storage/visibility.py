"""What one API caller may see: tenant scoping and role scoping in the data layer.

Routes never build their own queries: they pass a `Viewer` to these functions, so none can
forget the tenant. A row outside the viewer's tenant or role scope is NotFoundError, exactly as
a missing one (another tenant's id answers 404, never 403). Scopes: `admin` and `evaluator` see
the whole tenant (the evaluator's texts are masked above this layer); `rep` sees the
touchpoints of accounts whose owner is the key's owner; `service` sees tickets.
"""

from __future__ import annotations

import base64
import functools
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, and_, bindparam, cast, func, or_, select
from sqlalchemy.orm import Session, aliased

from assistant.errors import BadInputError, NotFoundError
from assistant.models import Account, Contact, Insights, Touchpoint
from assistant.storage import convert, repository
from assistant.storage.rows import AccountRow, ContactRow, InsightRunRow, TouchpointRow


@dataclass(frozen=True)
class Viewer:
    tenant_id: str
    role: str  # rep | service | evaluator | admin
    owner: str | None = None  # a rep's Account.owner value
    key_id: str | None = None


def _owned_accounts(viewer: Viewer) -> Any:
    return select(AccountRow.id).where(AccountRow.tenant_id == viewer.tenant_id,
                                       AccountRow.owner == viewer.owner)


def _touchpoint_scope(viewer: Viewer) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [TouchpointRow.tenant_id == viewer.tenant_id]
    if viewer.role == "rep":
        conditions.append(TouchpointRow.account_id.in_(_owned_accounts(viewer)))
    elif viewer.role == "service":
        conditions.append(or_(TouchpointRow.channel == "ticket",
                              TouchpointRow.ticket_id.is_not(None)))
    return conditions


def _not_found(kind: str, ident: str, viewer: Viewer) -> NotFoundError:
    return NotFoundError(f"no {kind} {ident!r} visible to this key (tenant {viewer.tenant_id!r}, "
                         f"role {viewer.role}); list what it can see with GET /v1/{kind}s")


def visible_touchpoint(session: Session, viewer: Viewer, touchpoint_id: str) -> Touchpoint:
    row = session.scalars(select(TouchpointRow).where(
        TouchpointRow.id == touchpoint_id, *_touchpoint_scope(viewer))).first()
    if row is None:
        raise _not_found("touchpoint", touchpoint_id, viewer)
    return convert.row_to_touchpoint(row)


@functools.cache
def _touchpoint_detail_query(role: str) -> Select[Any]:
    """The statement behind `visible_touchpoint_with_insights`, built once per role with the
    viewer's values as bound parameters: building it is most of a small read's cost."""
    placeholder = Viewer(tenant_id=bindparam("tenant_id"), role=role,  # type: ignore[arg-type]
                         owner=bindparam("owner"))  # type: ignore[arg-type]
    runs = (InsightRunRow.tenant_id == TouchpointRow.tenant_id,
            InsightRunRow.touchpoint_id == TouchpointRow.id)
    newest = select(InsightRunRow.id).where(*runs).order_by(InsightRunRow.id.desc()).limit(1)
    latest = aliased(InsightRunRow)
    return (select(TouchpointRow, latest.body, latest.created_at,
                   select(func.count()).where(*runs).scalar_subquery())
            .outerjoin(latest, latest.id == newest.scalar_subquery())
            .where(TouchpointRow.id == bindparam("touchpoint_id"),
                   *_touchpoint_scope(placeholder)))


def visible_touchpoint_with_insights(session: Session, viewer: Viewer, touchpoint_id: str
                                     ) -> tuple[Touchpoint, Insights | None, int]:
    """The touchpoint, its newest run's insights and how many runs it has, in one query."""
    found = session.execute(_touchpoint_detail_query(viewer.role),
                            {"tenant_id": viewer.tenant_id, "owner": viewer.owner,
                             "touchpoint_id": touchpoint_id}).first()
    if found is None:
        raise _not_found("touchpoint", touchpoint_id, viewer)
    row, body, created_at, count = found
    insights = convert.stored_insights(body, created_at) if body is not None else None
    return convert.row_to_touchpoint(row), insights, int(count)


def visible_insights(session: Session, viewer: Viewer, touchpoint_id: str) -> Insights | None:
    """The newest extraction run of a touchpoint the viewer may see."""
    visible_touchpoint(session, viewer, touchpoint_id)
    return repository.latest_insights(session, tenant_id=viewer.tenant_id,
                                      touchpoint_id=touchpoint_id)


def visible_account(session: Session, viewer: Viewer, account_id: str) -> Account:
    row = session.get(AccountRow, (viewer.tenant_id, account_id))
    if row is None or (viewer.role == "rep" and row.owner != viewer.owner):
        raise _not_found("account", account_id, viewer)
    return convert.row_to_account(row)


def visible_contact(session: Session, viewer: Viewer, contact_id: str) -> Contact:
    row = session.get(ContactRow, (viewer.tenant_id, contact_id))
    if row is None:
        raise _not_found("contact", contact_id, viewer)
    if viewer.role == "rep":
        visible_account(session, viewer, row.account_id or "")
    return convert.row_to_contact(row)


def contact_names(session: Session, viewer: Viewer, contact_ids: list[str]) -> list[str]:
    """Names of the tenant's contacts among `contact_ids` (for masking)."""
    if not contact_ids:
        return []
    query = select(ContactRow.name).where(ContactRow.tenant_id == viewer.tenant_id,
                                          ContactRow.id.in_(contact_ids))
    return [name for name in session.scalars(query) if name]


# --- pages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TouchpointFilters:
    account_id: str | None = None
    contact_id: str | None = None
    channel: str | None = None
    status: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def encode_cursor(touchpoint: Touchpoint) -> str:
    moment = touchpoint.occurred_at.astimezone(UTC).isoformat()
    raw = json.dumps([moment, touchpoint.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        moment, touchpoint_id = json.loads(raw)
        return datetime.fromisoformat(moment), str(touchpoint_id)
    except (ValueError, TypeError) as exc:
        raise BadInputError(f"cursor {cursor[:40]!r} is not one this API gave out; start "
                            "again without a cursor and follow next_cursor") from exc


def _utc(moment: datetime) -> datetime:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def touchpoint_page(session: Session, viewer: Viewer, filters: TouchpointFilters, *,
                    cursor: str | None = None, limit: int = 50
                    ) -> tuple[list[Touchpoint], str | None]:
    """Newest first, keyset-paginated: (page, cursor of the next page or None)."""
    conditions = _touchpoint_scope(viewer)
    if filters.account_id is not None:
        conditions.append(TouchpointRow.account_id == filters.account_id)
    if filters.contact_id is not None:
        # a text prefilter on the JSON list; the exact membership check follows below
        conditions.append(cast(TouchpointRow.contact_ids, Text)
                          .like(f'%"{filters.contact_id}"%'))
    if filters.channel is not None:
        conditions.append(TouchpointRow.channel == filters.channel)
    if filters.status is not None:
        conditions.append(TouchpointRow.status == filters.status)
    if filters.since is not None:
        conditions.append(TouchpointRow.occurred_at >= _utc(filters.since))
    if filters.until is not None:
        conditions.append(TouchpointRow.occurred_at < _utc(filters.until))
    if cursor is not None:
        moment, last_id = _decode_cursor(cursor)
        moment = _utc(moment)
        conditions.append(or_(TouchpointRow.occurred_at < moment,
                              and_(TouchpointRow.occurred_at == moment,
                                   TouchpointRow.id > last_id)))
    query = (select(TouchpointRow).where(*conditions)
             .order_by(TouchpointRow.occurred_at.desc(), TouchpointRow.id).limit(limit + 1))
    rows = list(session.scalars(query))
    page = [convert.row_to_touchpoint(r) for r in rows[:limit]]
    next_cursor = encode_cursor(page[-1]) if len(rows) > limit and page else None
    if filters.contact_id is not None:
        page = [tp for tp in page if filters.contact_id in tp.contact_ids]
    return page, next_cursor
