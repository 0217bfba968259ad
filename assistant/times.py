"""The one way Touchpoint reads a time a user or an export supplied.

CLI flags, sidecars, transcript front matter, CSV and JSON fields, email headers and message
times in exports all come through `parse_instant` (lenient: None when unreadable) or `to_instant`
(strict: a BadInputError naming where the value came from). Accepted: ISO 8601 with or without an
offset (`Z` too), a date alone, RFC 2822 (`Mon, 2 Mar 2026 10:00:00 +0800`), epoch seconds and
milliseconds, and the shapes chat exports write in every locale: `2026/3/2 10:01`, day/month
orders (`infer_date_order` finds a whole export's), 12-hour clocks with localized markers
(`a. m.`, `下午`, `ص`), `14.56.01` clocks, Buddhist-era (2565 BE) and Japanese-era (R4) years, and
Arabic-Indic digits.
A value without an offset is read in the timezone the caller names (the contact's, the
account's, or `TOUCHPOINT_DEFAULT_TIMEZONE`), never the machine's. The result is aware and keeps
the offset it was written with, so a touchpoint's local day is known; compare instants freely.

It is written with the standard library only: dateparser guesses far more, but costs over a
millisecond a call and accepts "yesterday", which is not a time a source can be stored at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.errors import BadInputError

DateOrder = Literal["dmy", "mdy", "ymd"]
_EPOCH = re.compile(r"-?\d{9,13}(?:\.\d+)?")
_MILLIS_THRESHOLD = 1e11  # later than the year 5138 in seconds, so it must be milliseconds
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s")
# numeric dates as exports write them: 2/3/26, 02.03.2026, 2026/3/2, 3/18/R4 (Japanese era),
# 3/18/2565 BE (Buddhist era); the rest is the time of day
_NUMERIC_DATE = re.compile(
    r"^(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<era>[A-Za-z])?(?P<c>\d{1,4})\.?"
    r"(?:\s?(?:BE|B\.E\.|พ\.ศ\.))?(?:,|\s|$)\s*(?P<rest>.*)$")
_CJK_DATE = re.compile(r"^(?P<year>\d{4})\s?年\s?(?P<month>\d{1,2})\s?月\s?(?P<day>\d{1,2})\s?日"
                       r"(?:[,，]|\s)*(?P<rest>.*)$")
_WORD_DATE = re.compile(r"^(?P<day>\d{1,2})\s(?P<month>[A-Za-z]{3,9})\.?,?(?:\s(?P<year>\d{4}))?"
                        r",?\s+(?P<rest>.*)$")
_KOREAN_DATE = re.compile(r"^(\d{4})\.\s(\d{1,2})\.\s(\d{1,2})\.?")
_MONTH_FIRST = re.compile(r"^(?P<month>[A-Za-z]{3,9})\.?\s(?P<day>\d{1,2})(?:,?\s(?P<year>\d{4}))?"
                          r",?\s+(?P<rest>.*)$")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                        "sep", "oct", "nov", "dec"), start=1)}
_JAPANESE_ERAS = {"R": 2018, "H": 1988, "S": 1925}  # Reiwa 1 = 2019, Heisei 1 = 1989
_BUDDHIST_ERA_FROM = 2400  # a year this far ahead is a Thai Buddhist-era year (AD + 543)
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[.,]\d{1,6})?")
# how locales mark the half of the day; dots and spaces are dropped before the lookup
_MERIDIEM_HALF = {
    **dict.fromkeys(("am", "a", "vorm", "上午", "早上", "凌晨", "午前", "오전", "ص", "sa",
                     "ก่อนเที่ยง", "पूर्वाह्न", "öö", "πμ", "дп", "inthemorning", "قظ"), "am"),
    **dict.fromkeys(("pm", "p", "nachm", "下午", "中午", "晚上", "午後", "오후", "م", "ch",
                     "หลังเที่ยง", "अपराह्न", "ös", "μμ", "пп", "intheafternoon",
                     "intheevening", "noon", "بظ"), "pm"),
    "atnight": "night",
}
_MERIDIEM = re.compile(
    r"(?<![^\W\d_])(?:[AaPp]\.?\s?[Mm]\.?|vorm\.|nachm\.|in the (?:morning|afternoon|evening)|"
    r"at night|noon|ÖÖ|ÖS|π\.μ\.|μ\.μ\.|ДП|ПП|дп|пп|SA|CH)(?![^\W\d_])|"
    r"上午|下午|中午|凌晨|早上|晚上|午前|午後|오전|오후|ก่อนเที่ยง|หลังเที่ยง|पूर्वाह्न|अपराह्न|ق\.ظ|ب\.ظ|"
    r"(?<=[\d\s])[صم](?!\w)")
MERIDIEM_PATTERN = _MERIDIEM.pattern  # for export header grammars that must span a marker
# bidirectional marks that RTL and iOS exports put around fields; Arabic comma; digits of other
# scripts (Arabic-Indic, Persian, Devanagari, Bengali, Thai, full-width) as ASCII
_INVISIBLE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
_ODD_SPACE = re.compile("[\u202f\u00a0\u2009]")
_DIGITS = str.maketrans({chr(base + i): str(i) for base in (0x660, 0x6F0, 0x966, 0x9E6, 0xE50,
                                                             0xFF10) for i in range(10)}
                        | {"\u060c": ","})
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


def parse_instant(raw: object, *, tz: tzinfo, day_first: bool = False,
                  date_order: DateOrder | None = None) -> datetime | None:
    """An aware datetime from `raw`, or None when it is empty or not a time.

    `day_first` reads `02/03/2026` as 2 March (most WhatsApp locales); without it, 3 February.
    `date_order` says it exactly (`infer_date_order` finds it for a whole export).
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
        moment = _read_export_shape(value, date_order or ("dmy" if day_first else "mdy"))
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
    """`raw` without bidirectional marks, with plain spaces and ASCII digits."""
    if raw.isascii():
        return raw
    return _ODD_SPACE.sub(" ", _INVISIBLE.sub("", raw)).translate(_DIGITS)


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


def _read_export_shape(value: str, order: DateOrder) -> datetime | None:
    """`2/3/26, 10:01 pm`, `2026/3/2 下午10:01`, `[18.03.22 14.56.01]`-style shapes, in `order`."""
    value = _KOREAN_DATE.sub(r"\1.\2.\3", value).replace(" klo ", " ")  # Korean, Finnish
    numeric = _NUMERIC_DATE.match(value)
    if numeric:
        fields = (numeric["a"], numeric["b"], numeric["c"])
        ymd = _ordered(fields, order if len(numeric["a"]) < 3 else "ymd")
        rest = numeric["rest"]
        era = numeric["era"] or ""
    else:
        cjk = _CJK_DATE.match(value) or _WORD_DATE.match(value) or _MONTH_FIRST.match(value)
        if cjk is None or not cjk["year"]:
            return None  # "Mar 5, 8:11 PM": an export that leaves out the year
        month = cjk["month"]
        month_number = _MONTHS.get(month[:3].lower()) if not month.isdigit() else int(month)
        if month_number is None:
            return None
        ymd = (int(cjk["year"]), month_number, int(cjk["day"]))
        rest, era = cjk["rest"], ""
    year = _full_year(ymd[0], era, " BE" in value or "พ.ศ." in value)
    clock = _clock(rest)
    if year is None or clock is None:
        return None
    try:
        return datetime(year, ymd[1], ymd[2], *clock)
    except ValueError:
        return None


def export_instant(date: str, clock: str, *, order: DateOrder, tz: tzinfo) -> datetime | None:
    """A chat export's message time from its date and time-of-day fields as written
    (`18/03/2024`, `下午2:56`), in the export's date `order`; None when either is unreadable.
    Both fields repeat across thousands of messages, so each is read once."""
    ymd, hms = _export_date(date, order), _export_clock(clock)
    if ymd is None or hms is None:
        return None
    return datetime(*ymd, *hms, tzinfo=tz)


@lru_cache(maxsize=4096)
def _export_date(date: str, order: DateOrder) -> tuple[int, int, int] | None:
    moment = _read_export_shape(_visible(date).strip().rstrip(",") + " ", order)
    return (moment.year, moment.month, moment.day) if moment else None


@lru_cache(maxsize=4096)
def _export_clock(clock: str) -> tuple[int, int, int] | None:
    return _clock(_visible(clock))


def _ordered(fields: tuple[str, str, str], order: DateOrder) -> tuple[int, int, int]:
    a, b, c = (int(f) for f in fields)
    return {"dmy": (c, b, a), "mdy": (c, a, b), "ymd": (a, b, c)}[order]


def _full_year(year: int, era: str, buddhist: bool) -> int | None:
    """Two-digit, Buddhist-era (2565 BE = 2022) and Japanese-era (R4 = 2022) years as AD."""
    if era:
        start = _JAPANESE_ERAS.get(era.upper())
        return None if start is None else start + year
    if year < 100:
        return 2000 + year
    if buddhist or year >= _BUDDHIST_ERA_FROM:
        return year - 543
    return year


def _clock(rest: str) -> tuple[int, int, int] | None:
    """(hour, minute, second) from `10:01`, `10.01.05`, `10:01 pm`, `下午10:01`, `10:01 a. m.`"""
    if not rest.strip():
        return (0, 0, 0)
    plain = _CLOCK.fullmatch(rest.strip())
    if plain is not None:  # the common case: no marker to look for
        hour, minute, second = int(plain[1]), int(plain[2]), int(plain[3] or 0)
        return (hour, minute, second) if hour < 24 and minute < 60 and second < 60 else None
    marker = _MERIDIEM.search(rest)
    half = _MERIDIEM_HALF.get(re.sub(r"[\s.]", "", marker.group(0)).lower()) if marker else None
    if marker:
        rest = rest[:marker.start()] + " " + rest[marker.end():]
    match = _CLOCK.fullmatch(rest.strip().rstrip(","))
    if match is None:
        return None
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if half == "am" and hour == 12:
        hour = 0
    elif half == "pm" and hour < 12:
        hour += 12
    elif half == "night":
        hour = hour + 12 if 6 <= hour < 12 else (0 if hour == 12 else hour)
    return (hour, minute, second) if hour < 24 and minute < 60 and second < 60 else None


def infer_date_order(dates: Iterable[str]) -> DateOrder:
    """The order of the numeric dates an export wrote (`dmy`, `mdy` or `ymd`), from the values
    themselves: an order under which a date is impossible is out, and of the rest the one that
    keeps the export chronological wins (chats are written in time order); day-first on a tie,
    as most locales write it."""
    triples = []
    for raw in dict.fromkeys(dates):  # each distinct date once, in the export's order
        match = _NUMERIC_DATE.match(_visible(raw).strip() + " ")
        if match:
            triples.append((int(match["a"]), int(match["b"]), int(match["c"]), len(match["a"])))
    if not triples:
        return "dmy"
    if all(width >= 3 for *_, width in triples):
        return "ymd"
    best: tuple[int, int, DateOrder] | None = None
    orders: tuple[DateOrder, ...] = ("dmy", "mdy", "ymd")
    for rank, order in enumerate(orders):
        keys = []
        for a, b, c, _ in triples:
            y, m, d = _ordered((str(a), str(b), str(c)), order)
            if not (1 <= m <= 12 and 1 <= d <= 31):
                break
            keys.append((y, m, d))
        else:
            inversions = sum(later < earlier for earlier, later in zip(keys, keys[1:], strict=False))
            if best is None or (inversions, rank) < best[:2]:
                best = (inversions, rank, order)
    return best[2] if best else "dmy"


def infer_day_first(dates: Iterable[str]) -> bool:
    """Whether `a/b/yyyy` dates are day-first (see `infer_date_order`)."""
    return infer_date_order(dates) == "dmy"


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
    else:
        short = _NAME_SHORT.search(name)
        if not short:
            return None
        y, (mo, d, h, mi), s = year, (int(g) for g in short.groups()), 0
    try:
        return datetime(y, mo, d, h, mi, s, tzinfo=tz)
    except ValueError:  # 2026-02-30
        return None
