"""Email: `.eml` and `.mbox` into touchpoints, one per message.

The stdlib `email` package (policy.default) parses MIME and RFC 2047 headers; bodies whose
declared charset is missing or wrong are recovered with charset-normalizer, and GB2312 is read
as GB18030 (its superset, which real "GB2312" mail often needs). Threads are rebuilt from
References / In-Reply-To: the thread id is the root message id, so every reply shares it.
"""

from __future__ import annotations

import email
import mailbox
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from charset_normalizer import from_bytes

from assistant.errors import BadInputError
from assistant.ingest.common import (
    ParseOptions,
    assemble_text,
    detect_language,
    make_source,
    read_source,
    role_for,
    sha256_hex,
    touchpoint_id,
)
from assistant.ingest.email_body import html_to_text, split_reply
from assistant.models import Attachment, Participant, Segment, Touchpoint

_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
                    "big5": "big5hkscs", "ks_c_5601-1987": "euc-kr"}
_REQUIRED_HEADERS = ("from",)
_SUBJECT_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|sv|回复|回覆|转发|答复)\s*[:：]\s*)+", re.IGNORECASE)


@dataclass
class MailboxResult:
    """An mbox's good messages plus, for each bad one, its position and what was wrong."""

    touchpoints: list[Touchpoint] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


def _decode_bytes(payload: bytes, declared: str | None) -> str:
    charset = _CHARSET_ALIASES.get((declared or "").lower(), declared)
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(payload).best()
    if best is None:
        raise UnicodeDecodeError("unknown", payload, 0, len(payload), "no charset fits")
    return str(best)


def _part_text(part: EmailMessage) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return _decode_bytes(payload, part.get_content_charset())


def _body_and_attachments(message: EmailMessage) -> tuple[str, list[Attachment]]:
    attachments: list[Attachment] = []
    plain: list[str] = []
    html: list[str] = []
    for part in message.walk() if message.is_multipart() else [message]:
        if part.is_multipart():
            continue
        filename = part.get_filename()
        if filename or part.get_content_disposition() == "attachment":
            payload = part.get_payload(decode=True)
            attachments.append(Attachment(filename=filename or "(unnamed)",
                                          media_type=part.get_content_type(),
                                          size_bytes=len(payload) if isinstance(payload, bytes)
                                          else 0))
        elif part.get_content_type() == "text/plain":
            plain.append(_part_text(part))
        elif part.get_content_type() == "text/html":
            html.append(html_to_text(_part_text(part)))
    body = "\n\n".join(t for t in plain if t.strip()) or "\n\n".join(t for t in html if t.strip())
    return body, attachments


def _addresses(message: EmailMessage, header: str) -> list[tuple[str, str]]:
    values = [str(v) for v in message.get_all(header, [])]
    return [(name.strip(), addr.strip().lower()) for name, addr in getaddresses(values) if addr]


def _ids(value: str | None) -> list[str]:
    return re.findall(r"<[^<>\s]+>", value or "")


def _occurred_at(message: EmailMessage, options: ParseOptions, uri: str) -> datetime:
    raw = message.get("date")
    if raw:
        try:
            moment = parsedate_to_datetime(str(raw))
        except (TypeError, ValueError):
            moment = None
        if moment is not None:
            return moment if moment.tzinfo else moment.replace(tzinfo=options.tz)
    if options.occurred_at is not None:
        return options.occurred_at
    raise BadInputError(f"{uri}: the email has no valid Date header; pass --occurred-at")


def message_to_touchpoint(message: EmailMessage, *, raw: bytes, uri: str,
                          options: ParseOptions) -> Touchpoint:
    """One parsed message into a Touchpoint; BadInputError when it is not a usable email."""
    if not any(message.get(h) for h in _REQUIRED_HEADERS):
        raise BadInputError(f"{uri}: not an email (no From header); is it really an .eml file?")
    try:
        body, attachments = _body_and_attachments(message)
    except UnicodeDecodeError:
        raise BadInputError(f"{uri}: the body's bytes cannot be decoded in any charset") from None
    own_text, quoted = split_reply(body)
    if not own_text:
        raise BadInputError(f"{uri}: the email has no text of its own (empty or only a quote)")
    senders = _addresses(message, "from")
    sender_name, sender_addr = senders[0] if senders else ("", "")
    sender_role = role_for(name=sender_name, email=sender_addr, options=options)
    participants = [Participant(name=sender_name or None, email=sender_addr, role=sender_role)]
    for header in ("to", "cc"):
        for name, addr in _addresses(message, header):
            participants.append(Participant(name=name or None, email=addr,
                                            role=role_for(name=name, email=addr, options=options)))
    message_ids = _ids(message.get("message-id"))
    message_id = message_ids[0] if message_ids else None
    references = _ids(message.get("references"))
    in_reply_to = _ids(message.get("in-reply-to"))
    subject = str(message.get("subject") or "").strip() or None
    roots: list[str] = references or in_reply_to or ([message_id] if message_id else [])
    thread_id = roots[0] if roots else (
        _SUBJECT_PREFIX.sub("", subject).strip().casefold() if subject else None)
    occurred_at = _occurred_at(message, options, uri)
    text, segments = assemble_text(
        [Segment(speaker=sender_name or sender_addr or None, role=sender_role, text=own_text,
                 occurred_at=occurred_at)], label_speakers=False)
    return Touchpoint(
        id=touchpoint_id(options.tenant_id, f"email:{message_id or sha256_hex(raw)}"),
        tenant_id=options.tenant_id, channel="email",
        direction="outbound" if sender_role == "rep" else "inbound",
        occurred_at=occurred_at, language=options.language or detect_language(text),
        subject=subject, thread_id=thread_id, source=make_source(uri, raw, "message/rfc822"),
        segments=segments, text=text, participants=participants, attachments=attachments,
        metadata={"message_id": message_id, "in_reply_to": in_reply_to[0] if in_reply_to else None,
                  "references": references, "quoted_text": quoted or None},
    )


def _looks_binary(content: bytes) -> bool:
    head = content[:4096]
    return b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 10


def parse_email_bytes(content: bytes, *, uri: str, options: ParseOptions) -> list[Touchpoint]:
    """One .eml's bytes into a one-element list of touchpoints."""
    if _looks_binary(content):
        raise BadInputError(f"{uri}: binary data, not an email")
    message = email.message_from_bytes(content, policy=default_policy)
    if message.defects and not message.get("from"):
        raise BadInputError(f"{uri}: malformed email ({message.defects[0].__class__.__name__})")
    if not message.get_payload() and not message.is_multipart():
        raise BadInputError(f"{uri}: the email is truncated (headers but no body)")
    return [message_to_touchpoint(message, raw=content, uri=uri,  # type: ignore[arg-type]
                                  options=options)]


def parse_mailbox(path: Path, options: ParseOptions) -> MailboxResult:
    """Every message of an mbox; a bad message is reported by position, the others kept."""
    read_source(path, options)
    result = MailboxResult()
    box = mailbox.mbox(str(path), create=False)
    for index, key in enumerate(box.keys()):
        raw = box.get_bytes(key)
        try:
            result.touchpoints += parse_email_bytes(raw, uri=f"{path}#{index}", options=options)
        except BadInputError as exc:
            result.errors.append((index, str(exc)))
    return result


def parse_email(path: Path, options: ParseOptions) -> list[Touchpoint]:
    """An .eml (one touchpoint) or an .mbox (one per message); BadInputError names the file.

    For an mbox with some bad messages the good ones are returned and each bad one is listed in
    the touchpoints' metadata["mbox_errors"] of the first; use `parse_mailbox` for both lists.
    """
    if path.suffix.lower() == ".mbox":
        result = parse_mailbox(path, options)
        if not result.touchpoints:
            detail = "; ".join(msg for _, msg in result.errors[:3]) or "no messages"
            raise BadInputError(f"{path}: no usable messages in the mailbox ({detail})")
        if result.errors:
            first = result.touchpoints[0]
            first.metadata["mbox_errors"] = [msg for _, msg in result.errors]
        return result.touchpoints
    return parse_email_bytes(read_source(path, options), uri=str(path), options=options)
