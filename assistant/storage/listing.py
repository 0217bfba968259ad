"""Pages of touchpoints for lists (CLI, API): summary columns only, keyset pagination.

A list never loads a touchpoint's text or segments (the first line is cut by the database), and
a page continues from a cursor — the (occurred_at, id) of the last row shown — rather than an
offset, so page 500 costs what page 1 does and rows inserted meanwhile never shift a page.
The columns, the cursor and the plain-sqlite3 read of the same page are in `list_pages.py`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from assistant.models import TouchpointSummary
from assistant.storage.list_pages import (
    FIRST_LINE_CHARS,
    decode_cursor,
    encode_cursor,
    summary_from_columns,
)
from assistant.storage.repository import touchpoint_filters
from assistant.storage.rows import TouchpointRow


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
        moment, last_id = decode_cursor(cursor)
        query = query.where(or_(row.occurred_at < moment,
                                and_(row.occurred_at == moment, row.id > last_id)))
    query = query.order_by(row.occurred_at.desc(), row.id).limit(limit + 1)
    page = [summary_from_columns(r) for r in session.execute(query)]
    more = len(page) > limit
    page = page[:limit]
    return page, (encode_cursor(page[-1]) if more and page else None)

