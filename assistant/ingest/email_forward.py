"""Forwarded mail: find the original messages inside a forward, inline or attached.

Reps log customer mail by forwarding it to the system (or by BCC). What matters is the original:
its sender, recipients, date and text. Clients write an inline forward as a marker line and a
header block, then the original's body:

- Gmail `---------- Forwarded message ---------`, Thunderbird `-------- Forwarded Message --------`,
  Apple Mail `Begin forwarded message:`, Foxmail/163/Thunderbird-zh `-------- 转发的邮件 --------`
  (and 转发邮件信息, 转发的消息, 轉寄的郵件): unambiguous, wherever they are;
- Outlook's `From:/Sent:/To:/Subject:` block (发件人/发送时间/收件人/主题 in Chinese, under a
  `____` rule or not), `-----Original Message-----`, `-----原始邮件-----` (QQ, Foxmail): the same
  lines start a quoted reply, so they mean a forward only when nothing is written above them or
  the subject says so (FW:, Fwd:, 转发:). Later ones belong to the original's own quoted thread.

The header block's labels are read in English and Chinese; its date is local time as the
forwarder's client showed it, so it is read in the forward's own UTC offset (the forwarder's
zone) when the forward has a Date, else in the default timezone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from email.utils import getaddresses, parsedate_to_datetime

_FORWARD_MARKERS = [
    re.compile(r"^\s*-{2,}\s*Forwarded message\s*-{2,}\s*$", re.IGNORECASE),
    re.compile(r"^\s*Begin forwarded message\s*:\s*$", re.IGNORECASE),
    re.compile(r"^\s*-{2,}\s*(转发的邮件|转发邮件信息|转发的消息|已转发邮件|轉寄的郵件|轉寄郵件)"
               r"\s*-{2,}\s*$"),
]
_REPLY_OR_FORWARD_MARKERS = [
    re.compile(r"^\s*-{2,}\s*Original Message\s*-{2,}\s*$", re.IGNORECASE),
    re.compile(r"^\s*-{2,}\s*(原始邮件|原始郵件)\s*-{2,}\s*$"),
    re.compile(r"^\s*_{10,}\s*$"),  # Outlook's rule above its header block
]
_LABELS = {
    "from": ("from", "发件人", "寄件者", "寄件人"),
    "date": ("date", "sent", "发送时间", "时间", "日期", "发送日期", "寄件日期"),
    "to": ("to", "收件人", "收件者"),
    "cc": ("cc", "抄送", "副本"),
    "subject": ("subject", "主题", "主旨"),
}
_FIELD_OF = {label: name for name, labels in _LABELS.items() for label in labels}
_HEADER_LINE = re.compile(
    r"^\s*\**\s*(" + "|".join(sorted(map(re.escape, _FIELD_OF), key=len, reverse=True))
    + r")\s*\**\s*[:：]\s*\**\s*(.*?)\s*$", re.IGNORECASE)
FORWARD_SUBJECT = re.compile(r"^\s*(fw|fwd|转发|轉寄|轉發)\s*[:：]", re.IGNORECASE)
_MAILTO = re.compile(r"\[mailto:([^\]\s]+)\]", re.IGNORECASE)
_HEADER_SCAN_LINES = 3  # blank lines allowed between a marker and its header block
_DATE_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "YMD"}


@dataclass
class InlineForward:
    """One original message written out inline in a forward."""

    sender: tuple[str, str | None]  # (display name, lowercased address or None)
    to: list[tuple[str, str]] = field(default_factory=list)
    cc: list[tuple[str, str]] = field(default_factory=list)
    date: str | None = None  # as the forwarder's client wrote it
    subject: str | None = None
    body: str = ""


def _field(line: str) -> tuple[str, str] | None:
    match = _HEADER_LINE.match(line)
    if match is None:
        return None
    return _FIELD_OF[match.group(1).lower()], match.group(2).strip("* ")


def _header_block(lines: list[str], start: int) -> tuple[dict[str, str], int] | None:
    """The header block starting at or just after `start` and the index after it; None when
    no From line opens it."""
    index = start
    while index < len(lines) and index < start + _HEADER_SCAN_LINES and not lines[index].strip():
        index += 1
    found: dict[str, str] = {}
    last = None
    while index < len(lines):
        line = lines[index]
        parsed = _field(line)
        if parsed is not None and (found or parsed[0] == "from"):
            last = parsed[0]
            found.setdefault(last, parsed[1])
        elif found and last in ("to", "cc") and "@" in line and line.strip():
            found[last] += " " + line.strip()  # a long recipient list wrapped onto a new line
        else:
            break
        index += 1
    if "from" not in found or len(found) < 2:
        return None
    return found, index


def addresses(value: str) -> list[tuple[str, str]]:
    """(display name, lowercased address) pairs from a forward's From/To/Cc line as clients
    write it: `Name <a@b>`, `"名字"<a@b>;` (QQ), `Name [mailto:a@b]` (Outlook)."""
    value = _MAILTO.sub(r"<\1>", value).replace(";", ",").replace("；", ",")
    return [(name.strip().strip('"'), addr.strip().lower())
            for name, addr in getaddresses([value]) if "@" in addr]


def _sender(value: str) -> tuple[str, str | None]:
    found = addresses(value)
    if found:
        return found[0]
    return value.strip().strip('"'), None  # Outlook sometimes gives a name and no address


def _boundaries(lines: list[str], subject: str | None) -> list[tuple[int, int]]:
    """(marker line, first header line) of each forwarded message, in order."""
    says_forward = bool(FORWARD_SUBJECT.match(subject or ""))
    found: list[tuple[int, int]] = []
    ambiguous_taken = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(">"):
            continue
        if any(p.match(line) for p in _FORWARD_MARKERS):
            found.append((i, i + 1))
            continue
        if ambiguous_taken:
            continue
        above_is_empty = not any(ln.strip() for ln in lines[:i])
        if not (above_is_empty or (says_forward and not found)):
            continue
        if any(p.match(line) for p in _REPLY_OR_FORWARD_MARKERS):
            found.append((i, i + 1))
            ambiguous_taken = True
        elif (parsed := _field(line)) is not None and parsed[0] == "from":
            found.append((i, i))
            ambiguous_taken = True
    return found


def split_forwards(body: str, subject: str | None) -> tuple[str, list[InlineForward]]:
    """(the forwarder's note above the first forwarded message, each forwarded message).

    Without a forward in `body` the note is the whole body and the list is empty.
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[tuple[int, dict[str, str], int]] = []  # (marker line, headers, body start)
    for marker, header_start in _boundaries(lines, subject):
        block = _header_block(lines, header_start)
        if block is not None and (not blocks or marker >= blocks[-1][2]):
            blocks.append((marker, *block))
    if not blocks:
        return body.strip(), []
    ends = [marker for marker, _, _ in blocks[1:]] + [len(lines)]
    forwards = [InlineForward(
        sender=_sender(headers["from"]), to=addresses(headers.get("to", "")),
        cc=addresses(headers.get("cc", "")), date=headers.get("date"),
        subject=headers.get("subject") or None, body="\n".join(lines[start:end]).strip())
        for (_, headers, start), end in zip(blocks, ends, strict=True)]
    return "\n".join(lines[: blocks[0][0]]).strip(), forwards


def forward_date(raw: str | None, zone: tzinfo) -> datetime | None:
    """An inline forward's Date/Sent/发送时间 as an aware instant; a time without an offset is
    read in `zone`; None when it is missing or no date at all."""
    if not raw:
        return None
    try:
        moment = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        moment = None
    if moment is not None and moment.tzinfo is not None:
        return moment
    import dateparser

    cleaned = re.sub(r"\s+at\s+", " ", raw)  # Gmail/Apple: "Mon, Mar 2, 2026 at 10:15 AM"
    parsed = dateparser.parse(cleaned, languages=["en", "zh"], settings=_DATE_SETTINGS)
    if parsed is None:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=zone)
