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
import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.headerregistry import BaseHeader
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import getaddresses
from typing import Any

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
from assistant.ingest.email_body import message_body, split_reply
from assistant.ingest.email_charset import (
    UndecodableError,
    decode_header_value,
)
from assistant.ingest.email_forward import InlineForward, forward_date, split_forwards
from assistant.models import Attachment, OccurredAtSource, Participant, Segment, Touchpoint
from assistant.times import parse_instant

EML_MEDIA_TYPE = "message/rfc822"
_SUBJECT_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|sv|antw|回复|回覆|转发|轉寄|答复)\s*[:：]\s*)+",
                             re.IGNORECASE)
_MBOX_SEPARATOR = re.compile(rb"\AFrom [^\s:]+")
_MBOX_ESCAPED_FROM = re.compile(rb"(?m)^>(>*From )")
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_MULTIPART = re.compile(rb"(?im)^content-type:\s*multipart/")
MAX_MULTIPARTS = 100
_ENCODED_WORD = r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?="
_ENCODED_RUN = re.compile(rf"{_ENCODED_WORD}(?:\s*{_ENCODED_WORD})*")
_ADDRESS_HEADERS = ("from", "to", "cc")  # the participants; reply-to and sender go to metadata
MAX_FORWARD_DEPTH = 3  # an attached message inside an attached message inside ...
_CACHED_HEADER_CHARS = 500  # longer values (References chains) are parsed on each access


class _ParsedOncePolicy(EmailPolicy):
    """`policy.default`, except that a header value, once parsed, is not parsed again.

    The stdlib builds a new header object on every access: `get_body`, `iter_parts` and
    `get_content_type` read Content-Type about ten times per email, which made header parsing
    most of an email's parse time. Header objects are immutable, so the parsed short values are
    shared (within a message and across messages: most emails carry the same Content-Type).
    """

    def header_fetch_parse(self, name: str, value: str) -> str:
        if hasattr(value, "name") or len(value) > _CACHED_HEADER_CHARS:
            return super().header_fetch_parse(name, value)  # type: ignore[no-any-return]
        return _parsed_header(self, name, value)


@functools.lru_cache(maxsize=2048)
def _parsed_header(policy: EmailPolicy, name: str, value: str) -> BaseHeader:
    return EmailPolicy.header_fetch_parse(policy, name, value)  # type: ignore[no-any-return]


_POLICY = _ParsedOncePolicy()


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


def _raw_headers(message: EmailMessage) -> dict[str, str]:
    """The first raw value of each header, read once: the policy's parsed headers are rebuilt
    on every access, which made header reads most of the parse time."""
    headers: dict[str, str] = {}
    for key, value in message.raw_items():
        headers.setdefault(key.lower(), str(value))
    return headers


def _expand_encoded_addresses(raw: str, charset: str | None) -> str:
    """Decode the runs of RFC 2047 words that hide an address (`=?gb2312?B?...?=` holding
    `"张伟" <zhang.wei@example.cn>`, as some Chinese clients write a whole From); a run that
    decodes to a name alone stays encoded, so a comma inside a name cannot split it."""
    def expand(match: re.Match[str]) -> str:
        decoded = decode_header_value(match.group(0), charset)
        return decoded if "@" in decoded else match.group(0)

    return _ENCODED_RUN.sub(expand, raw)


def _addresses(raw: str | None, charset: str | None) -> list[tuple[str, str]]:
    """(display name, lowercased address) pairs; names decoded after splitting, so an encoded
    name holding a comma cannot split an address."""
    if not raw:
        return []
    if "=?" in raw:
        raw = _expand_encoded_addresses(raw, charset)
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


def _participants(groups: list[list[tuple[str, str]]], options: ParseOptions
                  ) -> list[Participant]:
    """Everyone in From, To and Cc order, once each."""
    participants: list[Participant] = []
    seen: set[str] = set()
    for name, addr in (pair for group in groups for pair in group):
        if addr in seen:
            continue
        seen.add(addr)
        participants.append(Participant(name=name or None, email=addr,
                                        role=role_for(name=name, email=addr, options=options)))
    return participants


def content_fingerprint(sender: str | None, occurred_at: datetime, text: str) -> str:
    """The same message however it arrived (a BCC'd copy, an inline forward): sender, minute
    (forwards show no seconds) and text without case or spacing differences."""
    minute = occurred_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")
    body = " ".join(text.split()).casefold()
    return hashlib.sha256(f"{sender or ''}\x00{minute}\x00{body}".encode(
        "utf-8", "surrogatepass")).hexdigest()  # raw header bytes may be lone surrogates


@dataclass
class _Envelope:
    """Who sent a message to whom, when, and where it sits in a thread."""

    sender: Participant
    participants: list[Participant]
    to: list[str]
    cc: list[str]
    subject: str | None
    occurred_at: datetime
    occurred_at_source: OccurredAtSource = "explicit"
    message_id: str | None = None
    references: list[str] = field(default_factory=list)
    in_reply_to: list[str] = field(default_factory=list)


def _envelope(headers: dict[str, str], charset: str | None, options: ParseOptions,
              uri: str) -> _Envelope:
    groups = [_addresses(headers.get(name), charset) for name in _ADDRESS_HEADERS]
    participants = _participants(groups, options)
    occurred_at, occurred_at_source = _occurred_at(headers.get("date"), options, uri)
    return _Envelope(
        sender=participants[0] if groups[0] else Participant(), participants=participants,
        to=[addr for _, addr in groups[1]], cc=[addr for _, addr in groups[2]],
        subject=decode_header_value(headers.get("subject", ""), charset) or None,
        occurred_at=occurred_at, occurred_at_source=occurred_at_source,
        message_id=next(iter(_ids(headers.get("message-id"))), None),
        references=_ids(headers.get("references")), in_reply_to=_ids(headers.get("in-reply-to")))


def _touchpoint(envelope: _Envelope, own_text: str, quoted: str, *, raw: bytes, uri: str,
                options: ParseOptions, attachments: list[Attachment],
                metadata: dict[str, Any]) -> Touchpoint:
    sender = envelope.sender
    sender_role = role_for(name=sender.name, email=sender.email, options=options)
    text, segments = assemble_text(
        [Segment(speaker=sender.name or sender.email, role=sender_role, text=own_text,
                 occurred_at=envelope.occurred_at)], label_speakers=False)
    content_key = content_fingerprint(sender.email, envelope.occurred_at, text)
    return Touchpoint(
        id=touchpoint_id(options.tenant_id, f"email:{envelope.message_id or content_key}"),
        tenant_id=options.tenant_id, channel="email",
        direction="outbound" if sender_role == "rep" else "inbound",
        occurred_at=envelope.occurred_at, occurred_at_source=envelope.occurred_at_source,
        language=options.language or detect_language(text), subject=envelope.subject,
        thread_id=_thread_id(envelope.message_id, envelope.references, envelope.in_reply_to,
                             envelope.subject),
        source=make_source(uri, raw, EML_MEDIA_TYPE), segments=segments, text=text,
        participants=envelope.participants, attachments=attachments,
        metadata={"message_id": envelope.message_id,
                  "in_reply_to": envelope.in_reply_to[0] if envelope.in_reply_to else None,
                  "references": envelope.references, "to": envelope.to, "cc": envelope.cc,
                  "quoted_text": quoted or None, "content_fingerprint": content_key,
                  **metadata})


def _inline_original(forward: InlineForward, outer: _Envelope, options: ParseOptions
                     ) -> tuple[_Envelope, bool]:
    """The original's envelope, and whether its date was read (else it takes the forward's)."""
    name, addr = forward.sender
    people = _participants([[(name, addr)] if addr else [], forward.to, forward.cc], options)
    sender = people[0] if addr else Participant(
        name=name or None, role=role_for(name=name, email=None, options=options))
    # the forwarder's client showed the date in the forwarder's zone, which the forward's own
    # offset gives, unless that is +0000: Exchange and many servers stamp every Date in UTC
    offset = outer.occurred_at.utcoffset()
    zone = outer.occurred_at.tzinfo if offset and outer.occurred_at.tzinfo else options.tz
    occurred_at = forward_date(forward.date, zone)
    return _Envelope(sender=sender, participants=people if addr else [sender, *people],
                     to=[a for _, a in forward.to], cc=[a for _, a in forward.cc],
                     subject=forward.subject, occurred_at=occurred_at or outer.occurred_at,
                     occurred_at_source="explicit" if occurred_at
                     else outer.occurred_at_source), occurred_at is not None


def _attached_messages(part: EmailMessage) -> list[EmailMessage]:
    """Messages attached whole (message/rfc822, the parts of a multipart/digest), in order; not
    the copy of a sent message that a bounce (multipart/report) returns."""
    if part.get_content_type() == "multipart/report":
        return []
    if part.get_content_maintype() == "multipart" and part.is_multipart():
        return [inner for child in part.iter_parts()
                for inner in _attached_messages(child)]  # type: ignore[arg-type]
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload(0)
        return [inner] if isinstance(inner, EmailMessage) else []
    return []


def message_to_touchpoints(message: EmailMessage, *, raw: bytes, uri: str,
                           options: ParseOptions, depth: int = 0) -> list[Touchpoint]:
    """One parsed message into touchpoints; BadInputError (naming `uri`) when unusable.

    A plain message gives one. A forward gives one per forwarded original (attached or
    inline), each with `forwarded_by` and the forwarder's `forward_note` in its metadata, plus
    the forward itself when a customer wrote a note on it (that note is their own message);
    a rep's forward, the usual way of logging mail, is not a touchpoint of its own.
    """
    headers = _raw_headers(message)
    if not headers:
        raise BadInputError(f"{uri}: not an email (it starts with no headers); "
                            "is it really an .eml file?")
    if not headers.get("from", "").strip():
        raise BadInputError(f"{uri}: not an email (no From header); is it really an .eml file?")
    try:
        body = message_body(message)
    except UndecodableError:
        raise BadInputError(f"{uri}: the body's bytes cannot be decoded in any charset; "
                            "re-export the email as UTF-8") from None
    envelope = _envelope(headers, body.charset, options, uri)
    own_metadata: dict[str, Any] = {
        "charset": body.charset,
        "reply_to": [a for _, a in _addresses(headers.get("reply-to"), body.charset)],
        "sender": [a for _, a in _addresses(headers.get("sender"), body.charset)]}
    note, inline = split_forwards(body.text, envelope.subject)
    attached = _attached_messages(message) if depth < MAX_FORWARD_DEPTH else []
    own_text, quoted = split_reply(note)
    forwarded = {"forwarded_by": {"name": envelope.sender.name, "email": envelope.sender.email},
                 "forward_note": own_text or None, "forward_message_id": envelope.message_id,
                 "forward_subject": envelope.subject}
    originals: list[Touchpoint] = []
    skipped: list[str] = []
    for index, inner in enumerate(attached):
        try:
            found = message_to_touchpoints(inner, raw=raw, uri=f"{uri}#attached-{index}",
                                           options=options, depth=depth + 1)
        except BadInputError as exc:  # an attached message with nothing to capture
            skipped.append(str(exc))
            continue
        for original in found:
            original.source = make_source(uri, raw, EML_MEDIA_TYPE)
            original.metadata = {**original.metadata, **forwarded, "forwarded_as": "attachment"}
            originals.append(original)
    for forward in inline:
        original_own, original_quoted = split_reply(forward.body)
        if not original_own:
            continue
        original_envelope, date_read = _inline_original(forward, envelope, options)
        originals.append(_touchpoint(
            original_envelope, original_own, original_quoted, raw=raw, uri=uri, options=options,
            attachments=[], metadata={"charset": body.charset, **forwarded,
                                      "forwarded_as": "inline", "forwarded_date": forward.date,
                                      "forwarded_date_read": date_read}))
    sender_role = role_for(name=envelope.sender.name, email=envelope.sender.email,
                           options=options)
    if originals and (not own_text or sender_role == "rep"):
        return originals
    if not own_text:
        detail = f" ({'; '.join(skipped)})" if skipped else ""
        raise BadInputError(f"{uri}: the email has no text of its own (empty, or only a quote "
                            f"or signature); nothing to capture{detail}")
    if skipped:
        own_metadata["attached_messages_skipped"] = skipped
    if inline:  # the forwarded text is kept, like a quote, beside the note
        forwarded_text = body.text[body.text.find(note) + len(note):].strip()
        quoted = "\n\n".join(part for part in (quoted, forwarded_text) if part)
    return [_touchpoint(envelope, own_text, quoted, raw=raw, uri=uri, options=options,
                        attachments=body.attachments, metadata=own_metadata), *originals]


def _looks_binary(content: bytes) -> bool:
    head = content[:4096]
    return b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 10


def _parse_message(content: bytes, *, uri: str, options: ParseOptions) -> list[Touchpoint]:
    if not content.strip():
        raise BadInputError(f"{uri}: the email is empty")
    if _looks_binary(content):
        raise BadInputError(f"{uri}: binary data, not an email (NUL or control bytes); "
                            "export the message as .eml from the mail client")
    if len(_MULTIPART.findall(content)) > MAX_MULTIPARTS:  # the stdlib recurses per level
        raise BadInputError(f"{uri}: more than {MAX_MULTIPARTS} multipart sections; refused as "
                            "malformed (real mail nests a handful)")
    message = email.message_from_bytes(content, policy=_POLICY)
    if message.keys() and not message.get_payload() and not message.is_multipart():
        raise BadInputError(f"{uri}: the email is truncated (headers but no body); "
                            "export it again from the mail client")
    if message.get_content_maintype() == "multipart" and not message.is_multipart():
        raise BadInputError(f"{uri}: the email is truncated (multipart without its parts); "
                            "export it again from the mail client")
    return message_to_touchpoints(message, raw=content, uri=uri,  # type: ignore[arg-type]
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
    lines = list(_MBOX_FROM_LINE.finditer(content))
    if not lines:  # "From " with no line end: one message, read as it is
        return [content]
    starts = [m.end() for m in lines]
    bounds = [m.start() for m in lines[1:]] + [len(content)]
    return [_MBOX_ESCAPED_FROM.sub(rb"\1", content[a:b]) for a, b in zip(starts, bounds, strict=True)]


def _parse_mbox(content: bytes, *, uri: str, options: ParseOptions) -> ParsedEmails:
    result = ParsedEmails()
    for index, raw in enumerate(_mbox_messages(content)):
        try:
            touchpoints = _parse_message(raw, uri=f"{uri}#{index}", options=options)
        except BadInputError as exc:
            result.errors.append(MessageError(index, str(exc)))
            continue
        for touchpoint in touchpoints:
            touchpoint.metadata["mbox_index"] = index
            result.append(touchpoint)
    _thread_roots(result)
    return result


def parse_email_bytes(content: bytes, *, uri: str, options: ParseOptions) -> ParsedEmails:
    """An .eml's bytes (its touchpoints: one, or the originals it forwards) or an mbox's (those
    of every good message; each bad one is in `.errors`).

    Raises BadInputError naming `uri` when the bytes are not a usable email, or when an mbox
    holds no usable message at all.
    """
    if _MBOX_SEPARATOR.match(content):
        result = _parse_mbox(content, uri=uri, options=options)
        if not result:
            detail = "; ".join(error.message for error in result.errors[:3]) or "no messages"
            raise BadInputError(f"{uri}: no usable messages in the mailbox ({detail})")
        return result
    return ParsedEmails(_parse_message(content, uri=uri, options=options))


parse_email = parse_email_bytes
