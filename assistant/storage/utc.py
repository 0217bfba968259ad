"""Stored times are UTC plus the offset they were written with, in minutes.

Apart from `convert.py` (which needs the SQLAlchemy rows) so that a read with the plain
`sqlite3` driver (`storage/list_pages.py`) converts times by the same two functions.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone


def to_utc(moment: datetime) -> tuple[datetime, int]:
    """UTC time plus the original offset in minutes, for storage."""
    offset = moment.utcoffset() or timedelta(0)
    return moment.astimezone(UTC), int(offset.total_seconds() // 60)


def from_utc(moment: datetime, offset_min: int) -> datetime:
    if moment.tzinfo is None:  # SQLite returns naive datetimes
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(timezone(timedelta(minutes=offset_min)))
