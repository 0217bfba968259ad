"""Chats: a generic JSON / JSONL / CSV format, plain `[time] name: text` logs, Slack exports,
WhatsApp exports and WeCom/WeChat-style text exports, each into one chat touchpoint.

The format is sniffed from the content (`sniff_text_format`), not trusted from the extension.
Message times without an offset are read in the configured default timezone.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.errors import BadInputError
from assistant.ingest.common import (
    ParseOptions,
    assemble_text,
    decode_text,
    detect_language,
    make_source,
    read_source,
    role_for,
    touchpoint_id,
)
from assistant.models import Participant, Role, Segment, Touchpoint

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[APap][Mm])?"
_DATE = r"\d{4}[-/]\d{1,2}[-/]\d{1,2}"
TEXT_FORMATS: dict[str, re.Pattern[str]] = {
    "plain": re.compile(rf"^\[(?P<when>(?:{_DATE}[ T])?{_TIME})\]\s*(?P<name>[^:：]{{1,60}}?)\s*[:：]\s?(?P<text>.*)$"),
    "whatsapp": re.compile(rf"^\[?(?P<when>\d{{1,2}}/\d{{1,2}}/\d{{2,4}},?\s{_TIME})\]?\s*(?:-\s)?(?P<name>[^:]{{1,60}}?):\s(?P<text>.*)$"),
    "wecom": re.compile(rf"^(?P<name>\S.{{0,40}}?)\s+(?P<when>{_DATE}\s{_TIME})\s*$"),
}
REQUIRED_CSV_COLUMNS = ("time", "sender", "text")


@dataclass
class _Message:
    when: datetime | None
    sender: str
    text: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    handle: str | None = None


def sniff_text_format(text: str) -> str | None:
    """"plain", "whatsapp" or "wecom" when most of the first lines fit one; else None."""
    lines = [line for line in text.replace("\r\n", "\n").split("\n")[:40] if line.strip()]
    if not lines:
        return None
    for name, pattern in TEXT_FORMATS.items():
        hits = sum(bool(pattern.match(line.strip())) for line in lines)
        needed = max(1, len(lines) // 3) if name == "wecom" else max(1, len(lines) // 2)
        if hits >= needed:
            return name
    return None


def parse_timestamp(raw: Any, options: ParseOptions, *, day_first: bool = False) -> datetime | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, int | float) or (isinstance(raw, str) and re.fullmatch(r"\d{9,}(\.\d+)?", raw)):
        return datetime.fromtimestamp(float(raw), tz=options.tz)
    value = str(raw).strip().replace("/", "-")
    if day_first:
        match = re.match(r"(\d{1,2})-(\d{1,2})-(\d{2,4}),?\s(.*)$", value)
        if match:
            day, month, year, rest = match.groups()
            year = year if len(year) == 4 else "20" + year
            value = f"{year}-{int(month):02d}-{int(day):02d} {rest}"
    value = re.sub(r"^(\d{4})-(\d{1,2})-(\d{1,2})", lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", value)
    for fmt in (None, "%Y-%m-%d %I:%M %p", "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %H:%M"):
        try:
            moment = datetime.fromisoformat(value) if fmt is None else datetime.strptime(value, fmt)
        except ValueError:
            continue
        return moment if moment.tzinfo else moment.replace(tzinfo=options.tz)
    return None


def _text_messages(text: str, kind: str, options: ParseOptions, uri: str) -> list[_Message]:
    pattern = TEXT_FORMATS[kind]
    messages: list[_Message] = []
    lines = text.replace("\r\n", "\n").split("\n")
    for line in lines:
        match = pattern.match(line.strip())
        if match:
            when_raw = match.group("when")
            when = parse_timestamp(when_raw, options, day_first=kind == "whatsapp")
            if when is None and re.fullmatch(_TIME, when_raw) and options.occurred_at:
                hh, mm = when_raw.split(":")[:2]
                when = options.occurred_at.replace(hour=int(hh), minute=int(mm[:2]))
            body = match.groupdict().get("text") or ""
            messages.append(_Message(when=when, sender=match.group("name").strip(), text=body))
        elif messages and line.strip():
            messages[-1].text = (messages[-1].text + "\n" + line.strip()).strip()
    return [m for m in messages if m.text.strip() and "<Media omitted>" not in m.text]


def _record_messages(records: list[Any], options: ParseOptions, uri: str) -> list[_Message]:
    messages = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise BadInputError(f"{uri}: message {number} is not an object")
        if record.get("type") == "message" and "ts" in record:  # Slack
            profile = record.get("user_profile") or {}
            sender = profile.get("real_name") or record.get("user_name") or record.get("user") or "?"
            messages.append(_Message(when=parse_timestamp(record["ts"], options), sender=sender,
                                     text=str(record.get("text") or ""),
                                     handle=f"slack:{record['user']}" if record.get("user") else None))
            continue
        missing = [k for k in ("sender", "text") if not record.get(k)]
        if missing:
            raise BadInputError(f"{uri}: message {number} is missing {', '.join(missing)}")
        messages.append(_Message(when=parse_timestamp(record.get("time"), options),
                                 sender=str(record["sender"]), text=str(record["text"]),
                                 role=record.get("role"), email=record.get("email"),
                                 phone=record.get("phone"), handle=record.get("handle")))
    return messages


def _load_json(text: str, uri: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInputError(f"{uri}: not valid JSON ({exc.msg} at line {exc.lineno}, "
                            f"column {exc.colno})") from None


def _structured_messages(path: Path, text: str, options: ParseOptions
                         ) -> tuple[list[_Message], dict[str, Any]]:
    suffix, uri = path.suffix.lower(), str(path)
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        headers = [h.strip().lower() for h in reader.fieldnames or []]
        missing = [c for c in REQUIRED_CSV_COLUMNS if c not in headers]
        if missing:
            raise BadInputError(f"{uri}: missing CSV column(s) {', '.join(missing)} "
                                f"(needs {', '.join(REQUIRED_CSV_COLUMNS)})")
        rows = [{k.strip().lower(): v for k, v in row.items() if k} for row in reader]
        return _record_messages(rows, options, uri), {}
    if suffix == ".jsonl":
        records = [_load_json(line, f"{uri}:{n}") for n, line in enumerate(text.splitlines(), 1)
                   if line.strip()]
        return _record_messages(records, options, uri), {}
    loaded = _load_json(text, uri)
    if isinstance(loaded, list):
        return _record_messages(loaded, options, uri), {}
    if isinstance(loaded, dict) and isinstance(loaded.get("messages"), list):
        header = {k: loaded.get(k) for k in ("subject", "thread_id", "channel") if loaded.get(k)}
        return _record_messages(loaded["messages"], options, uri), header
    raise BadInputError(f'{uri}: expected {{"messages": [...]}} or a list of messages')


def _role(message: _Message, options: ParseOptions) -> Role:
    if message.role in ("rep", "customer", "agent"):
        return message.role  # type: ignore[return-value]
    return role_for(name=message.sender, email=message.email, options=options)


def parse_chat(path: Path, options: ParseOptions) -> list[Touchpoint]:
    """One chat file into one touchpoint; BadInputError names the file and the problem."""
    content = read_source(path, options)
    text = decode_text(content, str(path))
    header: dict[str, Any] = {}
    if path.suffix.lower() in (".json", ".jsonl", ".csv"):
        messages, header = _structured_messages(path, text, options)
        kind = "slack" if any(m.handle and m.handle.startswith("slack:") for m in messages) else "json"
    else:
        sniffed = sniff_text_format(text)
        if sniffed is None:
            raise BadInputError(f"{path}: not a chat log this version reads ([time] name: text, "
                                "WhatsApp or WeCom export)")
        messages, kind = _text_messages(text, sniffed, options, str(path)), sniffed
    messages = [m for m in messages if m.text.strip()]
    if not messages:
        raise BadInputError(f"{path}: the chat has no messages")
    occurred_at = next((m.when for m in messages if m.when), None) or options.occurred_at
    if occurred_at is None:
        raise BadInputError(f"{path}: messages carry no dates; pass --occurred-at")
    segments = [Segment(speaker=m.sender, role=_role(m, options), text=m.text.strip(),
                        occurred_at=m.when) for m in messages]
    canonical, segments = assemble_text(segments)
    people: dict[str, Participant] = {}
    for m in messages:
        people.setdefault(m.sender, Participant(name=m.sender, email=m.email, phone=m.phone,
                                                handle=m.handle, role=_role(m, options)))
    return [Touchpoint(
        id=touchpoint_id(options.tenant_id, f"chat:{make_source(path, content, '').sha256}"),
        tenant_id=options.tenant_id, channel="chat",
        direction="outbound" if segments[0].role == "rep" else "inbound",
        occurred_at=occurred_at, language=options.language or detect_language(canonical),
        subject=header.get("subject"), thread_id=header.get("thread_id"),
        source=make_source(path, content, "application/json" if kind in ("json", "slack")
                           else "text/plain"),
        segments=segments, text=canonical, participants=list(people.values()),
        metadata={"format": kind},
    )]
