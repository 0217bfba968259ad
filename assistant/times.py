"""The one way Touchpoint reads a time a user or an export supplied.

CLI flags, sidecars, transcript front matter, CSV and JSON fields, email headers and message
times in exports all come through `parse_instant` (lenient: None when unreadable) or `to_instant`
(strict: a BadInputError naming where the value came from). Accepted: ISO 8601 with or without an
offset (`Z` too), a date alone, RFC 2822 (`Mon, 2 Mar 2026 10:00:00 +0800`), epoch seconds and
milliseconds, and the `2026/3/2 10:01`, 12-hour and day/month shapes that chat exports write.
A value without an offset is read in the timezone the caller names (the contact's, the
account's, or `TOUCHPOINT_DEFAULT_TIMEZONE`), never the machine's. The result is aware and keeps
the offset it was written with, so a touchpoint's local day is known; compare instants freely.

It is written with the standard library only: dateparser guesses far more, but costs over a
millisecond a call and accepts "yesterday", which is not a time a source can be stored at.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.errors import BadInputError

_EPOCH = re.compile(r"-?\d{9,13}(?:\.\d+)?")
_MILLIS_THRESHOLD = 1e11  # later than the year 5138 in seconds, so it must be milliseconds
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4}),?\s+(.*)$")
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s")
_CLOCK_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M %p",
                  "%Y-%m-%d %I:%M:%S %p")
# iOS exports put a narrow no-break space before AM/PM and left-to-right marks around fields
_INVISIBLE = re.compile("[\u200e\u200f]")
_ODD_SPACE = re.compile("[\u202f\u00a0]")
_MAX_TEXT = 100  # no time is longer; a longer value is junk and is not worth the regexes
ACCEPTED = ("ISO 8601 such as 2026-03-02T10:00+08:00 or 2026-03-02, RFC 2822 such as "
            "'Mon, 2 Mar 2026 10:00:00 +0800', or epoch seconds/milliseconds")


def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`; BadInputError with the fix when it is not one."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadInputError(f"timezone {name!r} is not an IANA zone name such as "
                            "Asia/Shanghai or America/New_York") from None


def parse_instant(raw: object, *, tz: tzinfo, day_first: bool = False) -> datetime | None:
    """An aware datetime from `raw`, or None when it is empty or not a time.

    `day_first` reads `02/03/2026` as 2 March (most WhatsApp locales); without it, 3 February.
    """
    if raw is None or raw == "" or isinstance(raw, bool):
        return None
    if isinstance(raw, datetime):
        return raw if raw.tzinfo else raw.replace(tzinfo=tz)
    if isinstance(raw, int | float):
        return _from_epoch(float(raw), tz)
    if not isinstance(raw, str) or len(raw) > _MAX_TEXT:
        return None
    value = _visible(raw).strip()
    if _EPOCH.fullmatch(value):
        return _from_epoch(float(value), tz)
    moment = _read_iso(value)
    if moment is None and _RFC2822.match(value):
        moment = _read_rfc2822(value)
    if moment is None:
        moment = _read_export_shape(value, day_first)
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def to_instant(raw: object, *, tz: tzinfo | str, what: str) -> datetime:
    """Like `parse_instant`, but a value that is not a time is a BadInputError naming `what`
    (e.g. "--occurred-at" or "call.vtt.meta.json: occurred_at")."""
    zone_info = zone(tz) if isinstance(tz, str) else tz
    moment = parse_instant(raw, tz=zone_info)
    if moment is None:
        shown = raw if not isinstance(raw, str) or len(raw) <= _MAX_TEXT else raw[:_MAX_TEXT] + "…"
        raise BadInputError(f"{what}: {shown!r} is not a time; write {ACCEPTED}")
    return moment


def _visible(raw: str) -> str:
    return _ODD_SPACE.sub(" ", _INVISIBLE.sub("", raw)) if not raw.isascii() else raw


def _from_epoch(seconds: float, tz: tzinfo) -> datetime | None:
    seconds = seconds / 1000 if abs(seconds) > _MILLIS_THRESHOLD else seconds
    try:
        return datetime.fromtimestamp(seconds, tz=tz)
    except (OverflowError, OSError, ValueError):
        return None


def _read_iso(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)  # 3.11 reads Z, date-only and basic formats
    except ValueError:
        return None


def _read_rfc2822(value: str) -> datetime | None:
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def _read_export_shape(value: str, day_first: bool) -> datetime | None:
    slashed = _DMY.match(value)
    if slashed:
        first, second, year, rest = slashed.groups()
        day, month = (first, second) if day_first else (second, first)
        year = year if len(year) == 4 else "20" + year
        value = f"{year}-{int(month):02d}-{int(day):02d} {rest}"
    value = _YMD.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", value)
    value = re.sub(r"\s+", " ", value).replace(" am", " AM").replace(" pm", " PM")
    moment = _read_iso(value)
    if moment is not None:
        return moment
    for fmt in _CLOCK_FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


def infer_day_first(dates: list[str]) -> bool:
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


# --- dates in file names --------------------------------------------------------------------

# Zoom cloud recordings: GMT20260302-100012_Recording; others: 2026-03-02 10.00, 20260302_1000
_NAME_FULL = re.compile(r"(?<!\d)(?:GMT)?(20\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])"
                        r"(?:[-_ T.]?([01]\d|2[0-3])[-_.:h]?([0-5]\d)(?:[-_.:]?([0-5]\d))?)?(?!\d)")
# zoom_0302_1000 style: month-day then hour-minute, the year from the file's modification time
_NAME_SHORT = re.compile(r"(?<![\d])(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[-_ ]([01]\d|2[0-3])"
                         r"([0-5]\d)(?!\d)")


def date_from_filename(name: str, *, tz: tzinfo, year: int) -> datetime | None:
    """The time a file name carries (`2026-03-02`, `20260302`, `GMT20260302-100012`,
    `zoom_0302_1000`), read in `tz`; `year` completes names that carry no year. None if none."""
    full = _NAME_FULL.search(name)
    if full:
        y, mo, d, h, mi, s = (int(g) if g else 0 for g in full.groups())
        parts: tuple[int, ...] = (y, mo, d, h, mi, s)
    else:
        short = _NAME_SHORT.search(name)
        if not short:
            return None
        parts = (year, *(int(g) for g in short.groups()), 0)
    try:
        return datetime(*parts, tzinfo=tz)  # type: ignore[misc]
    except ValueError:  # 2026-02-30
        return None
