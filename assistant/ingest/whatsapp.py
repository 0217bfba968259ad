"""WhatsApp chat exports, as the Android and iOS apps write them in every locale.

A message starts with a header: the date and time, bracketed (iOS: `[18/03/2022, 14:56:01]`)
or followed by a dash (Android: `18/03/2022, 14:56 - `), in any of the orders, separators and
clocks the locales use: `2019/01/01, 11:25 -`, `23-03-2022 13:31 -`, `[14:56:01, 3/18/22]`
(Vietnamese), `11:25 a. m.`, `下午2:56`, Arabic-Indic digits and `،` between bidirectional marks,
`2565 BE` and `R4` years. The date order (day or month first) is a property of the whole export
and is found from all its dates together (`infer_date_order`). Lines without a header continue
the previous message. What the app itself writes — the encryption notice, group events, media
placeholders, deleted messages, missed calls — is dropped and counted, never stored as
something a customer said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from assistant.ingest.chat_text import ChatMessage
from assistant.ingest.common import ParseOptions
from assistant.ingest.whatsapp_phrases import (
    ATTACHED,
    ENCRYPTION_NOTICE,
    FILE_ATTACHED,
    is_placeholder,
)
from assistant.times import (
    MERIDIEM_PATTERN,
    DateOrder,
    export_instant,
    infer_date_order,
    parse_instant,
)

_DATE = (r"\d{1,4}[./-]\d{1,2}[./-][A-Za-z]?\d{1,4}\.?(?:\s?(?:BE|พ\.ศ\.))?"
         r"|\d{4}\.\s\d{1,2}\.\s\d{1,2}\.?"  # Korean: 2022. 3. 18.
         r"|\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|\d{1,2}\s[A-Za-z]{3,9}\.?(?:\s\d{4})?"
         r"|[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s\d{4})?")
_MARK = rf"(?:{MERIDIEM_PATTERN})"
_TIME = rf"(?:{_MARK}\s?)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:\s?{_MARK})?"
_HEADERS = tuple(re.compile(p) for p in (
    rf"^\[(?P<date>{_DATE})[,،]?\s*(?P<time>{_TIME})\]\s?(?:[-–]\s)?(?P<rest>.*)$",
    rf"^\[(?P<time>{_TIME})[,،]\s*(?P<date>{_DATE})\]\s?(?:[-–]\s)?(?P<rest>.*)$",
    rf"^(?P<date>{_DATE})[,،]?\s+(?:klo\s)?(?P<time>{_TIME})\s?(?:[-–—]|:)\s(?P<rest>.*)$",
    rf"^(?P<time>{_TIME})[,،]\s*(?P<date>{_DATE})\s?(?:[-–—]|:)\s(?P<rest>.*)$",
))
_SENDER = re.compile(r"^(?P<name>[^:：\n]{1,80}?)[:：](?:\s|$)(?P<text>.*)$|^(?P<name2>[^:\s][^:]{0,79}?):(?P<text2>[^\s\d].*)?$")
_NOT_A_NAME = re.compile(r"[\"“”«»]|https?://")
# WhatsApp names an unsaved contact by number, always in international form
_PHONE_SENDER = re.compile(r"^\+\d[\d\s\-()‑]{6,}$")
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile("[\u202f\u00a0\u2009]")
# iOS puts a left-to-right mark before everything the app wrote: notices, placeholders
_IOS_NOTICE = re.compile(r"^[^:]{1,80}:\s[\u200e\u200f]")
_YEARLESS = re.compile(r"^(?:\d{1,2}\s[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s\d{1,2})$")
_ORDERS: tuple[DateOrder, ...] = ("dmy", "mdy", "ymd")
_ORDER_NAMES = {"dmy": "day_first", "mdy": "month_first", "ymd": "year_first"}
_EDITED = re.compile(r"\s*[\u200e\u200f]?<[^<>]{3,40}>\s*$")


def header(line: str) -> re.Match[str] | None:
    """The header that starts `line` (bidirectional marks removed), or None."""
    first = line[:1]
    if not first or (first.isascii() and not (first.isdigit() or first == "[" or first.isupper())):
        return None  # the cheap test first: most continuation lines fail it
    for pattern in _HEADERS:
        match = pattern.match(line)
        if match:
            return match
    return None


def _clean(line: str) -> str:
    if line.isascii():
        return line.strip()
    return _SPACES.sub(" ", _BIDI.sub("", line)).strip()


def count_headers(lines: list[str]) -> int:
    return sum(header(_clean(line)) is not None for line in lines)


def _entries(raw_lines: list[str]) -> Iterator[tuple[re.Match[str] | None, str, bool]]:
    for raw in raw_lines:
        line = _clean(raw)
        match = header(line)
        # the notice mark sits right after "Name: "; look for it in the line as written
        marked = bool(match) and ("\u200e" in raw or "\u200f" in raw) and bool(
            _IOS_NOTICE.match(_SPACES.sub(" ", raw.lstrip("\u200e\u200f\ufeff[")).split(
                "] ", 1)[-1]))
        yield match, line, marked


def whatsapp_messages(text: str, options: ParseOptions
                      ) -> tuple[list[ChatMessage], dict[str, object]]:
    """Messages of a WhatsApp export, plus what the parse learned and dropped."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    entries = list(_entries(raw_lines))
    order = infer_date_order(m["date"] for m, _, _ in entries if m)
    messages: list[ChatMessage] = []
    system_events = dropped = 0
    in_system_event = False
    for match, line, marked in entries:
        if match is None:
            if not in_system_event and messages and line:
                messages[-1].text = (messages[-1].text + "\n" + line).strip()
            continue
        sender = _SENDER.match(match["rest"])
        name = (sender["name"] or sender["name2"] or "").strip() if sender else ""
        said = ((sender["text"] if sender["name"] else sender["text2"]) or "").strip() \
            if sender else ""
        edited = _edited_text(said)
        media = _is_media(said) or (edited != said and _is_media(edited))
        said = edited
        if not sender or _NOT_A_NAME.search(name) or ENCRYPTION_NOTICE.match(said) or (
                marked and not media):
            system_events += 1  # "Messages and calls are end-to-end encrypted", "X added Y"
            in_system_event = True
            continue
        in_system_event = False
        dropped += media
        when = _when(match["date"], match["time"], order, options, messages)
        phone = "+" + re.sub(r"\D", "", name) if _PHONE_SENDER.match(name) else None
        # a dropped attachment keeps an empty text, so a caption on the next lines is kept
        messages.append(ChatMessage(when=when, sender=name,
                                    text="" if media else ATTACHED.sub("", said).strip(),
                                    phone=phone, handle=f"whatsapp:{phone}" if phone else None))
    kept = [m for m in messages if m.text.strip()]
    notes: dict[str, object] = {"date_order": _ORDER_NAMES[order]}
    if dropped:
        notes["media_or_deleted_dropped"] = dropped
    if system_events:
        notes["system_events_skipped"] = system_events
    return kept, notes


def _when(date: str, time: str, order: DateOrder, options: ParseOptions,
          earlier: list[ChatMessage]) -> datetime | None:
    """The message's instant in the export's date order; a line pasted from another export
    (another order) still reads; a date without its year (`1 Jan`, as old Android exports wrote
    the current year's) takes the year of the message before it."""
    when = export_instant(date, time, order=order, tz=options.tz)
    if when is not None:
        return when
    for candidate in _ORDERS:
        when = export_instant(date, time, order=candidate, tz=options.tz)
        if when is not None:
            return when
    last = next((m.when for m in reversed(earlier) if m.when is not None), None)
    if last is None or not _YEARLESS.match(date):
        return None
    when = parse_instant(f"{date} {last.year} {time}", tz=options.tz)
    if when is not None and when < last:
        when = when.replace(year=last.year + 1)
    return when


def _is_media(said: str) -> bool:
    return is_placeholder(said) or bool(FILE_ATTACHED.match(said)) or bool(
        ATTACHED.search(said) and not ATTACHED.sub("", said).strip())


def _edited_text(said: str) -> str:
    """The text without iOS's trailing `<This message was edited>` (in the reader's locale)."""
    return _EDITED.sub("", said) if said.endswith(">") and not said.startswith("<") else said
