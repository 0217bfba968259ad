"""Email: `.eml` and `.mbox` into touchpoints, one per message.

The stdlib `email` package (policy.default) parses MIME and RFC 2047 headers and picks the body
part (text/plain first, else HTML, converted by `email_body.html_to_text`); charsets are read by
`email_charset`, which does not trust the declared one. Quotes and signatures are cut by
`email_body.split_reply` and kept in metadata["quoted_text"], never in the canonical text.

Threads: the thread id is the root message id (first of References, else In-Reply-To, else the
message's own id), so every reply shares it; inside one mbox a reply that names only its parent
is walked up to the root. Without any ids, the subject without Re:/Fwd:/回复:/转发: is used.

An mbox never fails as a whole because of one bad message: `parse_email` returns a
`ParsedEmails` list holding the good touchpoints, whose `.errors` lists each bad message as
`MessageError(index, message)` (index = position in the mbox, message names `file#index`).
"""

from __future__ import annotations

import email
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import getaddresses
from typing import NamedTuple

from assistant.errors import BadInputError
from assistant.ingest.common import (
    ParseOptions,
    assemble_text,
    choose_occurred_at,
    detect_language,
    make_source,
    role_for,
    touchpoint_id,
)
from assistant.ingest.email_body import html_to_text, split_reply
from assistant.ingest.email_charset import (
    UndecodableError,
    decode_header_value,
    decode_payload,
)
from assistant.models import Attachment, OccurredAtSource, Participant, Segment, Touchpoint
from assistant.times import parse_instant

EML_MEDIA_TYPE = "message/rfc822"
_SUBJECT_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|sv|antw|回复|回覆|转发|轉寄|答复)\s*[:：]\s*)+",
                             re.IGNORECASE)
_MBOX_SEPARATOR = re.compile(rb"\AFrom [^\s:]+")
_MBOX_ESCAPED_FROM = re.compile(rb"(?m)^>(>*From )")
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class MessageError:
    """One message of an mbox that could not be parsed: its position and what was wrong."""

    index: int
    message: str


class ParsedEmails(list[Touchpoint]):
    """The touchpoints parsed from one file; `errors` lists the messages that were skipped.

    A caller records each error (e.g. as an ingest failure for `<file>#<index>`) and keeps the
    touchpoints; an .eml either parses or raises, so its `errors` is always empty.
    """

    def __init__(self, touchpoints: list[Touchpoint] | None = None,
                 errors: list[MessageError] | None = None) -> None:
        super().__init__(touchpoints or [])
        self.errors: list[MessageError] = errors or []


class _Body(NamedTuple):
    text: str
    charset: str | None
    attachments: list[Attachment]


def _leaves(part: EmailMessage) -> Iterator[EmailMessage]:
    """Leaf parts in order; an attached message (message/rfc822) is one leaf, not descended."""
    if part.is_multipart() and part.get_content_maintype() == "multipart":
        for child in part.iter_parts():
            yield from _leaves(child)  # type: ignore[arg-type]
    else:
        yield part


def _attachment(part: EmailMessage) -> Attachment:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload(0)
        size = len(inner.as_bytes()) if isinstance(inner, EmailMessage) else 0
        subject = str(inner.get("subject") or "").strip() if isinstance(inner, EmailMessage) else ""
        name = part.get_filename() or (f"{subject}.eml" if subject else "(attached message)")
        return Attachment(filename=name, media_type="message/rfc822", size_bytes=size)
    payload = part.get_payload(decode=True)
    return Attachment(filename=part.get_filename() or "(unnamed)",
                      media_type=part.get_content_type(),
                      size_bytes=len(payload) if isinstance(payload, bytes) else 0)


def _decoded(part: EmailMessage) -> tuple[str, str]:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return "", "utf-8"
    return decode_payload(payload, part.get_content_charset())


def _body(message: EmailMessage) -> _Body:
    """The readable body (plain preferred, else HTML as text) and every other part listed."""
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    text, charset = _decoded(plain) if isinstance(plain, EmailMessage) else ("", None)
    if not text.strip() and isinstance(html, EmailMessage):
        markup, charset = _decoded(html)
        text = html_to_text(markup)
    body_parts = {id(plain), id(html)}
    attachments = [_attachment(leaf) for leaf in _leaves(message)
                   if id(leaf) not in body_parts and leaf is not message
                   and (leaf.get_content_type() not in ("text/plain", "text/html")
                        or leaf.get_filename()
                        or leaf.get_content_disposition() == "attachment")]
    return _Body(text, charset, attachments)


def _raw_headers(message: EmailMessage) -> dict[str, str]:
    """The first raw value of each header, read once: the policy's parsed headers are rebuilt
    on every access, which made header reads most of the parse time."""
    headers: dict[str, str] = {}
    for key, value in message.raw_items():
        headers.setdefault(key.lower(), str(value))
    return headers


def _addresses(raw: str | None, charset: str | None) -> list[tuple[str, str]]:
    """(display name, lowercased address) pairs; names decoded after splitting, so an encoded
    name holding a comma cannot split an address."""
    if not raw:
        return []
    return [(decode_header_value(display, charset), addr.strip().lower())
            for display, addr in getaddresses([raw]) if "@" in addr]


def _ids(value: str | None) -> list[str]:
    return _MESSAGE_ID.findall(value or "")


def _occurred_at(raw: str | None, options: ParseOptions, uri: str
                 ) -> tuple[datetime, OccurredAtSource]:
    moment = parse_instant(raw.strip(), tz=options.tz) if raw else None
    return choose_occurred_at(moment, options, uri=uri, hint="a Date header")


def _thread_id(message_id: str | None, references: list[str], in_reply_to: list[str],
               subject: str | None) -> str | None:
    roots = references or in_reply_to or ([message_id] if message_id else [])
    if roots:
        return roots[0]
    topic = _SUBJECT_PREFIX.sub("", subject or "").strip().casefold()
    return f"subject:{topic}" if topic else None


def _participants(headers: dict[str, str], charset: str | None,
                  options: ParseOptions) -> list[Participant]:
    participants: list[Participant] = []
    seen: set[str] = set()
    for header in ("from", "to", "cc"):
        for name, addr in _addresses(headers.get(header), charset):
            if addr in seen:
                continue
            seen.add(addr)
            participants.append(Participant(
                name=name or None, email=addr,
                role=role_for(name=name, email=addr, options=options)))
    return participants


def message_to_touchpoint(message: EmailMessage, *, raw: bytes, uri: str,
                          options: ParseOptions) -> Touchpoint:
    """One parsed message into a Touchpoint; BadInputError (naming `uri`) when unusable."""
    headers = _raw_headers(message)
    if not headers:
        raise BadInputError(f"{uri}: not an email (it starts with no headers); "
                            "is it really an .eml file?")
    if not headers.get("from", "").strip():
        raise BadInputError(f"{uri}: not an email (no From header); is it really an .eml file?")
    try:
        body = _body(message)
    except UndecodableError:
        raise BadInputError(f"{uri}: the body's bytes cannot be decoded in any charset; "
                            "re-export the email as UTF-8") from None
    own_text, quoted = split_reply(body.text)
    if not own_text:
        raise BadInputError(f"{uri}: the email has no text of its own (empty, or only a quote "
                            "or signature); nothing to capture")
    participants = _participants(headers, body.charset, options)
    sender = participants[0] if participants else Participant()
    sender_role = role_for(name=sender.name, email=sender.email, options=options)
    message_id = next(iter(_ids(headers.get("message-id"))), None)
    references = _ids(headers.get("references"))
    in_reply_to = _ids(headers.get("in-reply-to"))
    subject = decode_header_value(headers.get("subject", ""), body.charset) or None
    occurred_at, occurred_at_source = _occurred_at(headers.get("date"), options, uri)
    text, segments = assemble_text(
        [Segment(speaker=sender.name or sender.email, role=sender_role, text=own_text,
                 occurred_at=occurred_at)], label_speakers=False)
    fingerprint = message_id or hashlib.sha256(
        f"{sender.email}\x00{headers.get('date')}\x00{text}".encode()).hexdigest()
    return Touchpoint(
        id=touchpoint_id(options.tenant_id, f"email:{fingerprint}"),
        tenant_id=options.tenant_id, channel="email",
        direction="outbound" if sender_role == "rep" else "inbound",
        occurred_at=occurred_at, occurred_at_source=occurred_at_source,
        language=options.language or detect_language(text), subject=subject, thread_id=_thread_id(message_id, references, in_reply_to, subject),
        source=make_source(uri, raw, EML_MEDIA_TYPE), segments=segments, text=text,
        participants=participants, attachments=body.attachments,
        metadata={"message_id": message_id,
                  "in_reply_to": in_reply_to[0] if in_reply_to else None,
                  "references": references,
                  "to": [addr for _, addr in _addresses(headers.get("to"), body.charset)],
                  "cc": [addr for _, addr in _addresses(headers.get("cc"), body.charset)],
                  "quoted_text": quoted or None,
                  "charset": body.charset},
    )


def _looks_binary(content: bytes) -> bool:
    head = content[:4096]
    return b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 10


def _parse_message(content: bytes, *, uri: str, options: ParseOptions) -> Touchpoint:
    if not content.strip():
        raise BadInputError(f"{uri}: the email is empty")
    if _looks_binary(content):
        raise BadInputError(f"{uri}: binary data, not an email (NUL or control bytes); "
                            "export the message as .eml from the mail client")
    message = email.message_from_bytes(content, policy=default_policy)
    if message.keys() and not message.get_payload() and not message.is_multipart():
        raise BadInputError(f"{uri}: the email is truncated (headers but no body); "
                            "export it again from the mail client")
    if message.get_content_maintype() == "multipart" and not message.is_multipart():
        raise BadInputError(f"{uri}: the email is truncated (multipart without its parts); "
                            "export it again from the mail client")
    return message_to_touchpoint(message, raw=content, uri=uri,  # type: ignore[arg-type]
                                 options=options)


def _thread_roots(touchpoints: list[Touchpoint]) -> None:
    """Walk each reply up through its parents in the same mbox so a thread shares its root."""
    parent = {tp.metadata["message_id"]: tp.thread_id for tp in touchpoints
              if tp.metadata.get("message_id")}
    for tp in touchpoints:
        root, seen = tp.thread_id, set()
        while root in parent and parent[root] != root and root not in seen:
            seen.add(root)
            root = parent[root]
        tp.thread_id = root


_MBOX_FROM_LINE = re.compile(rb"(?m)^From [^\n]*\n")


def _mbox_messages(content: bytes) -> list[bytes]:
    """An mbox's messages: split at each "From " line (mboxrd), with ">From " unescaped."""
    starts = [m.end() for m in _MBOX_FROM_LINE.finditer(content)]
    bounds = [m.start() for m in _MBOX_FROM_LINE.finditer(content)][1:] + [len(content)]
    return [_MBOX_ESCAPED_FROM.sub(rb"\1", content[a:b]) for a, b in zip(starts, bounds, strict=True)]


def _parse_mbox(content: bytes, *, uri: str, options: ParseOptions) -> ParsedEmails:
    result = ParsedEmails()
    for index, raw in enumerate(_mbox_messages(content)):
        try:
            touchpoint = _parse_message(raw, uri=f"{uri}#{index}", options=options)
        except BadInputError as exc:
            result.errors.append(MessageError(index, str(exc)))
            continue
        touchpoint.metadata["mbox_index"] = index
        result.append(touchpoint)
    _thread_roots(result)
    return result


def parse_email_bytes(content: bytes, *, uri: str, options: ParseOptions) -> ParsedEmails:
    """An .eml's bytes (one touchpoint) or an mbox's (one per good message, see `.errors`).

    Raises BadInputError naming `uri` when the bytes are not a usable email, or when an mbox
    holds no usable message at all.
    """
    if _MBOX_SEPARATOR.match(content):
        result = _parse_mbox(content, uri=uri, options=options)
        if not result:
            detail = "; ".join(error.message for error in result.errors[:3]) or "no messages"
            raise BadInputError(f"{uri}: no usable messages in the mailbox ({detail})")
        return result
    return ParsedEmails([_parse_message(content, uri=uri, options=options)])


parse_email = parse_email_bytes
