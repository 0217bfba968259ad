"""Chat logs written as text: `[time] name: text` logs, WhatsApp exports and WeCom/WeChat exports.

Each format is recognised by the shape of its lines (`sniff_text_log`, with the share of lines
that fit as its confidence), so a WhatsApp export saved as `.log` or a WeCom export without an
extension still parses. WhatsApp's own grammar lives in `whatsapp.py`. Lines that do not start a
message continue the previous one, because every one of these tools wraps long messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions
from assistant.ingest.timestamps import parse_timestamp

_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[\s\u202f]?[APap]\.?[Mm]\.?)?"
_YMD = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_DMY = r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
_NAME = r"[^:：\[\]]{1,60}?"

# (Teams copies a message's weekday before its time: "[Mon 8:14 AM] Rosa Lind (Harbor Glass): …";
# the day is the conversation's date, which the time of day is read against)
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s+|(?:周|星期)[一二三四五六日天]\s*)"
PLAIN = re.compile(rf"^\[{_WEEKDAY}?(?P<when>(?:{_YMD}[ T])?{_CLOCK})\]\s*(?P<name>{_NAME})\s*[:：]\s?(?P<text>.*)$")
WECOM = re.compile(rf"^(?P<name>[^\s#][^:：]{{0,40}}?)\s+(?P<when>{_YMD}\s{_CLOCK})$")
# a Slack channel copied as text: "Dana Whitlock [Framewise]  9:02 AM" (two spaces, the company a
# Slack Connect guest belongs to in brackets) alone on its line, the message on the lines below
SLACK_COPY = re.compile(rf"^(?P<name>[^\s:：\[\]#\d][^:：\[\]\n]{{0,40}}?)(?:\s+\[(?P<org>[^\[\]\n\d]{{1,40}})\])?"
                        rf"[ \t]{{2,}}(?P<when>{_CLOCK})$")
# a transcript's front matter: such a file is a transcript even if its lines carry [hh:mm:ss]
_TRANSCRIPT_FRONT_MATTER = re.compile(r"^#\s*(date|channel|subject|rep|language)\s*[:：]", re.I)
_WECOM_PLACEHOLDER = re.compile(r"^(?:\[(?:图片|表情|动画表情|语音|视频|文件|位置|链接|名片|聊天记录|"
                                r"红包|转账|Image|Sticker|Voice|Video|File)\]|.{0,20}撤回了一条消息)$")
# WhatsApp names a sender it has no contact for by number, in international form
_PHONE_SENDER = re.compile(r"^\[[^\]]{8,30}\] \+\d[\d \-()]{6,20}:", re.MULTILINE)
_INVISIBLE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

TEXT_FORMATS = ("plain", "whatsapp", "wecom", "slack_copy")


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


def sniff_text_log(text: str) -> tuple[str | None, float]:
    """The text-log format of `text` ("plain", "whatsapp", "wecom" or "slack_copy") and the share of its
    first 120 non-blank lines that start a message in it; (None, 0.0) when none fits.

    A format needs a quarter of the lines (messages wrap; a WeCom message is a header line then
    its text), or two headers with one on the first line, so a `Speaker: text` transcript never
    passes for a chat. On a tie the plain
    `[time] name: text` log wins: it is the stricter shape.
    """
    from assistant.ingest.whatsapp import count_headers

    lines = [line.strip() for line in _lines(text[:30_000])[:400] if line.strip()][:120]
    if not lines or _TRANSCRIPT_FRONT_MATTER.match(lines[0]):
        return None, 0.0
    scores = {"plain": sum(bool(PLAIN.match(line)) for line in lines),
              "whatsapp": count_headers(lines),
              "wecom": sum(bool(WECOM.match(line)) for line in lines) * 2,
              "slack_copy": sum(bool(SLACK_COPY.match(line)) for line in lines) * 2}
    if scores["whatsapp"] == scores["plain"] and _looks_like_whatsapp(text[:30_000]):
        scores["plain"] = 0  # `[2024/03/18 14:56:01] Name:` is both; the app's marks decide
    best = max(scores, key=lambda name: scores[name])
    hits = scores[best]
    # a forwarded essay can fill most lines; a header on the first line says enough
    opens = count_headers(lines[:1]) if best == "whatsapp" else bool(
        {"plain": PLAIN, "wecom": WECOM, "slack_copy": SLACK_COPY}[best].match(lines[0]))
    enough = hits >= min(2, len(lines)) and (hits * 4 >= len(lines) or bool(opens))
    return (best, min(1.0, hits / len(lines))) if enough else (None, 0.0)


def _looks_like_whatsapp(head: str) -> bool:
    """The marks only WhatsApp leaves: bidirectional marks before notices, its notices."""
    from assistant.ingest.whatsapp_phrases import ENCRYPTION_NOTICE

    return "\u200e" in head or "\u200f" in head or "WhatsApp" in head or bool(
        _PHONE_SENDER.search(head)) or any(ENCRYPTION_NOTICE.match(line.split(": ", 1)[-1])
                                           for line in head.split("\n")[:5])


def text_log_messages(text: str, kind: str, options: ParseOptions, uri: str
                      ) -> tuple[list[ChatMessage], dict[str, object]]:
    """Messages of a text log of `kind`, plus what the parse learned (date order, dropped media)."""
    if kind == "plain":
        return _plain(text, options, uri), {}
    if kind == "whatsapp":
        from assistant.ingest.whatsapp import whatsapp_messages

        return whatsapp_messages(text, options)
    if kind == "slack_copy":
        return _slack_copy(text, options, uri), {}
    return _wecom(text, options, uri), {}


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
        when = previous = _message_time(match.group("when"), previous, options, uri)
        messages.append(ChatMessage(when=when, sender=match.group("name").strip(),
                                    text=match.group("text").strip()))
    return messages


def _message_time(raw: str, previous: datetime | None, options: ParseOptions, uri: str) -> datetime:
    """A message's time; a time of day alone is read on the conversation's date (the user's,
    else the estimate's) and rolls past midnight after `previous`."""
    when = parse_timestamp(raw, options)
    if when is not None:
        return when
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
    return when


def _slack_copy(text: str, options: ParseOptions, uri: str) -> list[ChatMessage]:
    """Messages of a Slack channel copied as text: a header line per message ("Name [Company]
    9:02 AM"), its text below; the company is kept as "Name (Company)", as transcripts tag it."""
    messages: list[ChatMessage] = []
    previous: datetime | None = None
    for line in _lines(text):
        header = SLACK_COPY.match(line.strip())
        if header is None:
            _append(messages, line)
            continue
        previous = _message_time(header.group("when"), previous, options, uri)
        name = header.group("name").strip()
        org = header.group("org")
        messages.append(ChatMessage(when=previous, sender=f"{name} ({org.strip()})" if org else name,
                                    text=""))
    return [m for m in messages if m.text.strip()]


def _header_time(raw: str, options: ParseOptions, uri: str, *, day_first: bool = False
                 ) -> datetime:
    """A message header's time; BadInputError naming it when it is no date (31/31/2026)."""
    when = parse_timestamp(raw, options, day_first=day_first)
    if when is None:
        raise BadInputError(f"{uri}: the message header time {raw.strip()!r} is not a real "
                            "date and time; fix that line or export the chat again")
    return when


def _wecom(text: str, options: ParseOptions, uri: str) -> list[ChatMessage]:
    """WeCom/WeChat messages; `[图片]`-style stand-ins for media and recalls are dropped."""
    messages: list[ChatMessage] = []
    for line in _lines(text):
        header = WECOM.match(line.strip())
        if header:
            messages.append(ChatMessage(when=_header_time(header.group("when"), options, uri),
                                        sender=header.group("name").strip(), text=""))
        else:
            _append(messages, line)
    return [m for m in messages if not _WECOM_PLACEHOLDER.match(m.text.strip())]
