"""Chat logs written as text: `[time] name: text` logs, WhatsApp exports and WeCom/WeChat exports.

Each format is recognised by the shape of its lines (`sniff_text_format`), so a WhatsApp export
saved as `.log` or a WeCom export without an extension still parses. Lines that do not start a
message continue the previous one, because every one of these tools wraps long messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions
from assistant.ingest.timestamps import infer_day_first, parse_timestamp

_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[\s\u202f]?[APap]\.?[Mm]\.?)?"
_YMD = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_DMY = r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
_NAME = r"[^:：\[\]]{1,60}?"

PLAIN = re.compile(rf"^\[(?P<when>(?:{_YMD}[ T])?{_CLOCK})\]\s*(?P<name>{_NAME})\s*[:：]\s?(?P<text>.*)$")
WHATSAPP = re.compile(
    rf"^(?:\[(?P<ios>{_DMY},?\s{_CLOCK})\]\s|(?P<android>{_DMY},?\s{_CLOCK})\s-\s)(?P<rest>.*)$")
WECOM = re.compile(rf"^(?P<name>[^\s#][^:：]{{0,40}}?)\s+(?P<when>{_YMD}\s{_CLOCK})$")
# a transcript's front matter: such a file is a transcript even if its lines carry [hh:mm:ss]
_TRANSCRIPT_FRONT_MATTER = re.compile(r"^#\s*(date|channel|subject|rep|language)\s*[:：]", re.I)
_WHATSAPP_SENDER = re.compile(rf"^(?P<name>{_NAME}):\s(?P<text>.*)$")
_WHATSAPP_DROPPED = re.compile(
    r"^(<Media omitted>|<attached: .*>|(image|video|audio|sticker|GIF|document) omitted|"
    r"This message was deleted|You deleted this message|<此消息已删除>)$", re.IGNORECASE)
# WhatsApp names an unsaved contact by number, always in international form
_PHONE_SENDER = re.compile(r"^\+\d[\d\s\-()]{6,}$")
# iOS attributes this notice to the chat's name, as if someone had said it
_WHATSAPP_NOTICE = re.compile(r"^(Messages and calls are end-to-end encrypted|消息和通话已进行端到端加密)")
_INVISIBLE = re.compile("[\u200e\u200f\ufeff]")

TEXT_FORMATS = ("plain", "whatsapp", "wecom")


@dataclass
class ChatMessage:
    """One message as the source wrote it, before it becomes a Segment."""

    when: datetime | None
    sender: str
    text: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    handle: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _lines(text: str) -> list[str]:
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return [line.rstrip() for line in text.split("\n")]


def sniff_text_log(text: str) -> str | None:
    """"plain", "whatsapp" or "wecom" when enough of the first 40 lines fit one, else None.

    WeCom needs a third of the non-blank lines (a header per message, then its text); the
    others need half, so a `Speaker: text` transcript never passes for a chat.
    """
    lines = [line.strip() for line in _lines(text[:20_000])[:40] if line.strip()]
    if not lines or _TRANSCRIPT_FRONT_MATTER.match(lines[0]):
        return None
    for name, pattern, share in (("plain", PLAIN, 2), ("whatsapp", WHATSAPP, 2), ("wecom", WECOM, 3)):
        hits = sum(bool(pattern.match(line)) for line in lines)
        if hits and hits >= max(1, len(lines) // share):
            return name
    return None


def text_log_messages(text: str, kind: str, options: ParseOptions, uri: str
                      ) -> tuple[list[ChatMessage], dict[str, object]]:
    """Messages of a text log of `kind`, plus what the parse learned (date order, dropped media)."""
    if kind == "plain":
        return _plain(text, options, uri), {}
    if kind == "whatsapp":
        return _whatsapp(text, options)
    return _wecom(text, options), {}


def _append(messages: list[ChatMessage], line: str) -> None:
    if messages and line.strip():
        messages[-1].text = (messages[-1].text + "\n" + line.strip()).strip()


def _plain(text: str, options: ParseOptions, uri: str) -> list[ChatMessage]:
    messages: list[ChatMessage] = []
    previous: datetime | None = None
    for line in _lines(text):
        match = PLAIN.match(line.strip())
        if not match:
            _append(messages, line)
            continue
        raw = match.group("when")
        when = parse_timestamp(raw, options)
        if when is None:  # a time of day only: the date is the user's, else the estimate's
            day = options.occurred_at or options.fallback_occurred_at
            if day is None:
                raise BadInputError(f"{uri}: messages carry a time of day but no date ({raw!r}); "
                                    "pass --occurred-at with the conversation's date")
            clock = parse_timestamp(f"{day.date().isoformat()} {raw}", options)
            if clock is None:
                raise BadInputError(f"{uri}: cannot read the time {raw!r}; write it as HH:MM")
            when = clock.replace(tzinfo=day.tzinfo or options.tz)
            if previous and when < previous:  # the log ran past midnight
                when += timedelta(days=1)
        previous = when
        messages.append(ChatMessage(when=when, sender=match.group("name").strip(),
                                    text=match.group("text").strip()))
    return messages


def _whatsapp(text: str, options: ParseOptions) -> tuple[list[ChatMessage], dict[str, object]]:
    lines = [line.strip() for line in _lines(text)]
    headers = [(m.group("ios") or m.group("android"), m.group("rest"))
               for line in lines if (m := WHATSAPP.match(line))]
    day_first = infer_day_first(when for when, _ in headers)
    messages: list[ChatMessage] = []
    system_events = dropped = 0
    in_system_event = False
    for line in lines:
        header = WHATSAPP.match(line)
        if not header:
            if not in_system_event:
                _append(messages, line)
            continue
        sender = _WHATSAPP_SENDER.match(header.group("rest"))
        if not sender or _WHATSAPP_NOTICE.match(sender.group("text").strip()):
            # "Messages and calls are end-to-end encrypted", "X added Y", ...
            system_events += 1
            in_system_event = True
            continue
        in_system_event = False
        when = parse_timestamp(header.group("ios") or header.group("android"), options,
                               day_first=day_first)
        name = sender.group("name").strip()
        phone = "+" + re.sub(r"\D", "", name) if _PHONE_SENDER.match(name) else None
        messages.append(ChatMessage(when=when, sender=name, text=sender.group("text").strip(),
                                    phone=phone, handle=f"whatsapp:{phone}" if phone else None))
    kept = []
    for message in messages:
        if _WHATSAPP_DROPPED.match(message.text.strip()):
            dropped += 1
        else:
            kept.append(message)
    notes: dict[str, object] = {"date_order": "day_first" if day_first else "month_first"}
    if dropped:
        notes["media_or_deleted_dropped"] = dropped
    if system_events:
        notes["system_events_skipped"] = system_events
    return kept, notes


def _wecom(text: str, options: ParseOptions) -> list[ChatMessage]:
    messages: list[ChatMessage] = []
    for line in _lines(text):
        header = WECOM.match(line.strip())
        if header:
            messages.append(ChatMessage(when=parse_timestamp(header.group("when"), options),
                                        sender=header.group("name").strip(), text=""))
        else:
            _append(messages, line)
    return messages
