"""Message and comment times as chat, transcript and ticket exports write them.

Exports disagree on everything: ISO-8601 with or without an offset, epoch seconds (Slack's
`ts`), `2026/3/2 10:01`, 12-hour clocks, and WhatsApp's locale-dependent `02/03/2026`. This
module reads those shapes with the standard library only (dateparser would guess far more, and
slowly, for formats we never receive). A time without an offset is read in the configured
default timezone, never the machine's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from assistant.ingest.common import ParseOptions

_EPOCH = re.compile(r"\d{9,13}(?:\.\d+)?")
_MILLIS_THRESHOLD = 1e11  # later than the year 5138 in seconds, so it must be milliseconds
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4}),?\s+(.*)$")
_CLOCK_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M %p",
                  "%Y-%m-%d %I:%M:%S %p")
# iOS exports put a narrow no-break space before AM/PM and left-to-right marks around fields
_INVISIBLE = re.compile("[\u200e\u200f]")
_ODD_SPACE = re.compile("[\u202f\u00a0]")


def _visible(raw: str) -> str:
    return _ODD_SPACE.sub(" ", _INVISIBLE.sub("", raw)) if not raw.isascii() else raw


def parse_timestamp(raw: Any, options: ParseOptions, *, day_first: bool = False) -> datetime | None:
    """An aware datetime from an export's time value, or None when it is empty or unreadable.

    `day_first` reads `02/03/2026` as 2 March (most WhatsApp locales); without it, as 3 February.
    """
    if raw is None or raw == "" or isinstance(raw, bool):
        return None
    if isinstance(raw, int | float) or (isinstance(raw, str) and _EPOCH.fullmatch(raw.strip())):
        seconds = float(raw)
        seconds = seconds / 1000 if seconds > _MILLIS_THRESHOLD else seconds
        try:
            return datetime.fromtimestamp(seconds, tz=options.tz)
        except (OverflowError, OSError, ValueError):
            return None
    value = _visible(str(raw)).strip()
    try:  # the common case, ISO-8601, without the rewriting below
        iso = datetime.fromisoformat(value)
        return iso if iso.tzinfo else iso.replace(tzinfo=options.tz)
    except ValueError:
        pass
    slashed = _DMY.match(value)
    if slashed:
        first, second, year, rest = slashed.groups()
        day, month = (first, second) if day_first else (second, first)
        year = year if len(year) == 4 else "20" + year
        value = f"{year}-{int(month):02d}-{int(day):02d} {rest}"
    value = _YMD.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", value)
    value = re.sub(r"\s+", " ", value).replace(" am", " AM").replace(" pm", " PM")
    moment = _read(value)
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=options.tz)


def _read(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        pass
    for fmt in _CLOCK_FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


def infer_day_first(dates: Iterable[str]) -> bool:
    """Whether `a/b/yyyy` dates are day-first: a first field over 12 proves it, a second field
    over 12 disproves it; when every date is ambiguous, day-first (the more common locale)."""
    day_first_seen = month_first_seen = False
    for raw in dates:
        match = _DMY.match(_visible(raw).strip() + " ")
        if not match:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        day_first_seen |= first > 12
        month_first_seen |= second > 12
    return day_first_seen or not month_first_seen
