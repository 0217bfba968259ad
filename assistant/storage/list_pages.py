"""Pages of touchpoint summaries: the cursor, the summary made from a row's list columns, and
the page read straight from a SQLite file with the standard library's `sqlite3`.

`touchpoint touchpoints list` is judged by how long the whole process takes, and importing
SQLAlchemy costs more than the query itself (about 0.3 s of a 0.8 s run). So on the default
SQLite store, a database already at the newest schema is read here by the same SQL that
`storage/listing.py` builds with SQLAlchemy; anything else (Postgres, a missing file, a schema
that needs migrating) gets None and the caller opens the store as usual. Tests check that the
two reads agree page for page. This module must not import SQLAlchemy.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.errors import BadInputError
from assistant.models import Touchpoint, TouchpointSummary
from assistant.storage.revision import head_revision
from assistant.storage.utc import from_utc, to_utc

FIRST_LINE_CHARS = 120
_SQLITE_PREFIX = "sqlite:///"
# the columns a summary is made of, in the order `summary_from_columns` reads them
_LIST_SQL = ("SELECT id, tenant_id, account_id, channel, direction, occurred_at, utc_offset_min, "
             "occurred_at_source, language, subject, substr(text, 1, ?), status, "
             "error IS NOT NULL, contact_ids FROM touchpoints WHERE tenant_id = ?")


def encode_cursor(summary: TouchpointSummary) -> str:
    key = f"{to_utc(summary.occurred_at)[0].isoformat()}|{summary.id}"
    return base64.urlsafe_b64encode(key.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    """The (occurred_at, id) of the last row of the page before; BadInputError if forged."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, _, touchpoint_id = raw.partition("|")
        return datetime.fromisoformat(moment), touchpoint_id
    except (ValueError, UnicodeDecodeError):
        raise BadInputError(f"cursor {cursor[:40]!r} is not one this server gave out; "
                            "start again without it") from None


def summary_from_columns(r: Sequence[Any]) -> TouchpointSummary:
    """A summary from the list columns (see `_LIST_SQL`); the first line is cut here."""
    return TouchpointSummary(
        id=r[0], tenant_id=r[1], account_id=r[2], channel=r[3], direction=r[4],
        occurred_at=from_utc(r[5], r[6]), occurred_at_source=r[7], language=r[8],
        subject=r[9], first_line=(r[10] or "").split("\n", 1)[0], status=r[11],
        has_error=bool(r[12]), contact_ids=r[13] or [])


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


def sqlite_file(url: str) -> Path | None:
    """The file of a plain `sqlite:///path` URL that exists; None for any other URL."""
    if not url.startswith(_SQLITE_PREFIX) or "?" in url or "%" in url:
        return None
    path = Path(url.removeprefix(_SQLITE_PREFIX))
    return path if path.name and path.is_file() else None


def read_sqlite_page(
    url: str, *, tenant_id: str, account_id: str | None = None, channel: str | None = None,
    status: str | None = None, since: datetime | None = None, limit: int = 50,
    cursor: str | None = None,
) -> tuple[list[TouchpointSummary], str | None] | None:
    """`listing.list_touchpoint_summaries` on a SQLite file at the newest schema, read with
    `sqlite3`; None when `url` is not such a file (open the store through SQLAlchemy)."""
    path = sqlite_file(url)
    if path is None:
        return None
    sql = _LIST_SQL
    params: list[Any] = [FIRST_LINE_CHARS, tenant_id]
    for column, value in (("account_id", account_id), ("channel", channel), ("status", status)):
        if value is not None:
            sql += f" AND {column} = ?"
            params.append(value)
    if since is not None:
        sql += " AND occurred_at >= ?"
        params.append(_stored(to_utc(since if since.tzinfo else since.replace(tzinfo=UTC))[0]))
    if cursor:
        moment, last_id = decode_cursor(cursor)
        sql += " AND (occurred_at < ? OR (occurred_at = ? AND id > ?))"
        params += [_stored(moment), _stored(moment), last_id]
    sql += " ORDER BY occurred_at DESC, id LIMIT ?"
    params.append(limit + 1)
    try:
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        try:
            if not _is_current(connection):
                return None
            rows = connection.execute(sql, params).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return None  # whatever it is, the usual path reports it (or migrates past it)
    page = [summary_from_columns(_typed(r)) for r in rows]
    more = len(page) > limit
    page = page[:limit]
    return page, (encode_cursor(page[-1]) if more and page else None)


def _is_current(connection: sqlite3.Connection) -> bool:
    try:
        found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return False  # a new database: no version table yet
    return found is not None and found[0] == head_revision()


def _stored(moment: datetime) -> str:
    """A time as SQLAlchemy writes a SQLite DateTime (its fields as given, no offset)."""
    return (f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:"
            f"{moment.minute:02d}:{moment.second:02d}.{moment.microsecond:06d}")


def _typed(r: Sequence[Any]) -> list[Any]:
    """The columns as SQLAlchemy would return them: a naive datetime and a decoded JSON list."""
    row = list(r)
    row[5] = datetime.fromisoformat(row[5])
    row[13] = json.loads(row[13]) if row[13] is not None else None
    return row
