"""Pages of touchpoints for lists (CLI, API): summary columns only, keyset pagination.

A list never loads a touchpoint's text or segments (the first line is cut by the database), and
a page continues from a cursor — the (occurred_at, id) of the last row shown — rather than an
offset, so page 500 costs what page 1 does and rows inserted meanwhile never shift a page.
"""

from __future__ import annotations

import base64
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from assistant.errors import BadInputError
from assistant.models import Touchpoint, TouchpointSummary
from assistant.storage import convert
from assistant.storage.repository import touchpoint_filters
from assistant.storage.rows import TouchpointRow

FIRST_LINE_CHARS = 120


def encode_cursor(summary: TouchpointSummary) -> str:
    key = f"{convert.to_utc(summary.occurred_at)[0].isoformat()}|{summary.id}"
    return base64.urlsafe_b64encode(key.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, _, touchpoint_id = raw.partition("|")
        return datetime.fromisoformat(moment), touchpoint_id
    except (ValueError, UnicodeDecodeError):
        raise BadInputError(f"cursor {cursor[:40]!r} is not one this server gave out; "
                            "start again without it") from None


def list_touchpoint_summaries(
    session: Session, *, tenant_id: str, account_id: str | None = None,
    channel: str | None = None, status: str | None = None, since: datetime | None = None,
    limit: int = 50, cursor: str | None = None,
) -> tuple[list[TouchpointSummary], str | None]:
    """Newest first; returns the page and the cursor of the next page (None at the end)."""
    row = TouchpointRow
    query = select(row.id, row.tenant_id, row.account_id, row.channel, row.direction,
                   row.occurred_at, row.utc_offset_min, row.occurred_at_source, row.language,
                   row.subject, func.substr(row.text, 1, FIRST_LINE_CHARS), row.status,
                   row.error.is_not(None), row.contact_ids)
    query = touchpoint_filters(query, tenant_id=tenant_id, account_id=account_id,
                               channel=channel, status=status, since=since)
    if cursor:
        moment, last_id = _decode_cursor(cursor)
        query = query.where(or_(row.occurred_at < moment,
                                and_(row.occurred_at == moment, row.id > last_id)))
    query = query.order_by(row.occurred_at.desc(), row.id).limit(limit + 1)
    page = [TouchpointSummary(
        id=r[0], tenant_id=r[1], account_id=r[2], channel=r[3], direction=r[4],
        occurred_at=convert.from_utc(r[5], r[6]), occurred_at_source=r[7], language=r[8],
        subject=r[9], first_line=(r[10] or "").split("\n", 1)[0], status=r[11],
        has_error=bool(r[12]), contact_ids=r[13] or []) for r in session.execute(query)]
    more = len(page) > limit
    page = page[:limit]
    return page, (encode_cursor(page[-1]) if more and page else None)


def summary_of(touchpoint: Touchpoint) -> TouchpointSummary:
    """The list view of a full touchpoint."""
    return TouchpointSummary(
        id=touchpoint.id, tenant_id=touchpoint.tenant_id, account_id=touchpoint.account_id,
        contact_ids=touchpoint.contact_ids,
        channel=touchpoint.channel, direction=touchpoint.direction,
        occurred_at=touchpoint.occurred_at, occurred_at_source=touchpoint.occurred_at_source,
        language=touchpoint.language, subject=touchpoint.subject,
        first_line=touchpoint.text[:FIRST_LINE_CHARS].split("\n", 1)[0],
        status=touchpoint.status, has_error=touchpoint.error is not None)
