"""Choose the parser for a source's bytes: by the name's extension first, then by sniffing.

Each parser raises BadInputError when the content is not its format, so the choice here only
has to be right for well-formed input; malformed input still gets a precise message. Every
parser is a function of `(content, *, uri, options)`: the bytes may come from a file, an upload
or the database, never from a path the parser opens itself.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from assistant.errors import BadInputError
from assistant.ingest.archive import is_zip
from assistant.ingest.common import ParseOptions, check_size, suffix_of
from assistant.models import Touchpoint

AUDIO_SUFFIXES = frozenset({".wav", ".mp3", ".m4a", ".ogg", ".opus", ".flac", ".webm", ".mp4",
                            ".aac", ".wma", ".mka"})
EMAIL_SUFFIXES = frozenset({".eml", ".mbox"})
SUBTITLE_SUFFIXES = frozenset({".srt", ".vtt", ".sbv"})
TEXT_SUFFIXES = frozenset({".txt", ".log"})
TABLE_SUFFIXES = frozenset({".json", ".jsonl", ".csv"})
ARCHIVE_SUFFIXES = frozenset({".zip"})
SIDECAR_SUFFIX = ".meta.json"  # sidecar metadata next to a source; not a source itself
SUPPORTED_SUFFIXES = (AUDIO_SUFFIXES | EMAIL_SUFFIXES | SUBTITLE_SUFFIXES | TEXT_SUFFIXES
                      | TABLE_SUFFIXES | ARCHIVE_SUFFIXES)
# container signatures, so audio sent under a wrong or missing name is still recognized
_AUDIO_MAGIC = (b"RIFF", b"ID3", b"OggS", b"fLaC", b"\x1aE\xdf\xa3", b"\xff\xfb", b"\xff\xf3")

Kind = Literal["audio", "email", "transcript", "chat", "ticket"]
Parser = Callable[..., list[Touchpoint]]


@dataclass(frozen=True)
class PartError:
    """One part of a source that could not be used (an mbox message), the rest being kept."""

    where: str
    message: str


@dataclass
class Parsed:
    """What a source's bytes gave: its touchpoints and the parts that failed."""

    touchpoints: list[Touchpoint]
    errors: list[PartError] = field(default_factory=list)


def is_supported_name(name: str) -> bool:
    return suffix_of(name) in SUPPORTED_SUFFIXES and not name.endswith(SIDECAR_SUFFIX)


# the top-level keys of Zendesk's API answers that hold tickets or their comments
TICKET_KEYS = ("ticket", "tickets", "comments", "audits", "audit", "results")
_TICKET_RESULT = re.compile(r'"result_type"\s*:\s*"ticket"')
_TEXT_EXPECTED = ("a WhatsApp export, a '[time] name: text' chat log, a WeCom/WeChat export, "
                  "a 'Speaker: text' transcript, SRT or WebVTT subtitles")


@dataclass(frozen=True)
class Detection:
    """Which parser reads a source and how sure the sniffing is (1.0: the format says so)."""

    kind: Kind
    format: str
    confidence: float


def _json_detection(head: str, suffix: str) -> Detection:
    """Tickets (Zendesk's API shapes) or chat messages, from the JSON's first keys."""
    stripped = head.lstrip("\ufeff \t\r\n")
    if suffix == ".csv":
        header = next(csv.reader(io.StringIO(head)), [])
        is_ticket = "ticket_id" in {h.strip().lower() for h in header}
        return Detection("ticket" if is_ticket else "chat", "csv", 0.9)
    if stripped.startswith("{"):
        top = stripped[:4000]
        for key in TICKET_KEYS:
            if f'"{key}"' in top and _top_level_key(stripped, key):
                if key != "results" or _TICKET_RESULT.search(top):
                    return Detection("ticket", f"zendesk_{key}", 0.9)
        return Detection("chat", "json", 0.6)
    if stripped.startswith("[") and (('"comments"' in head and '"requester' in head) or (
            '"subject"' in head and ('"requester_id"' in head or '"description"' in head))):
        return Detection("ticket", "ticket_list", 0.8)
    return Detection("chat", "json", 0.6)


def _top_level_key(text: str, key: str) -> bool:
    """Whether `key` opens at depth one of the JSON object (not inside a nested one)."""
    depth = 0
    in_string = escaped = False
    start = -1
    for index, char in enumerate(text[:200_000]):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
                if depth == 1 and text[start:index] == key and text[index + 1:index + 4].lstrip(
                        ).startswith(":"):
                    return True
        elif char == '"':
            in_string, start = True, index + 1
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return False


def detect(content: bytes, uri: str) -> Detection:
    """The parser for `content`: by the name's extension, then by what the bytes look like.

    BadInputError for kinds Touchpoint does not read and for text that no parser recognises,
    naming what was expected (never a JSON error for a text file, never a chat read as a call).
    """
    suffix = suffix_of(uri)
    if suffix in AUDIO_SUFFIXES or (suffix not in SUPPORTED_SUFFIXES
                                    and content.startswith(_AUDIO_MAGIC)):
        return Detection("audio", suffix.lstrip(".") or "audio", 1.0)
    if suffix in EMAIL_SUFFIXES:
        return Detection("email", suffix.lstrip("."), 1.0)
    if suffix in SUBTITLE_SUFFIXES:
        return Detection("transcript", suffix.lstrip("."), 1.0)
    if suffix in ARCHIVE_SUFFIXES or is_zip(content):
        return Detection("chat", "zip", 1.0)  # the archives we read are Slack and WhatsApp exports
    if suffix not in TEXT_SUFFIXES | TABLE_SUFFIXES:
        raise BadInputError(
            f"{uri}: unsupported file type {suffix or '(no extension)'!r}; supported: "
            + ", ".join(sorted(SUPPORTED_SUFFIXES)))
    if b"\x00" in content[:4096] and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadInputError(f"{uri}: binary data, not text; expected {_TEXT_EXPECTED}, JSON or CSV")
    head = _text_head(content)
    stripped = head.lstrip("\ufeff \t\r\n")
    if suffix in TABLE_SUFFIXES or (stripped[:1] in "{[" and _looks_like_json(stripped)):
        return _json_detection(head, suffix)
    return _text_detection(head, uri)


def _text_head(content: bytes) -> str:
    head = content[:64 * 1024]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head.decode("utf-16", errors="replace")
    return head.decode("utf-8-sig", errors="replace")


def _looks_like_json(stripped: str) -> bool:
    return bool(re.match(r'[{\[]\s*(?:["{\[\]}]|$)', stripped))


def _text_detection(head: str, uri: str) -> Detection:
    from assistant.ingest.chat_text import sniff_text_log
    from assistant.ingest.transcript import transcript_format

    subtitle = transcript_format(head)
    if subtitle in ("vtt", "srt", "sbv"):
        return Detection("transcript", subtitle, 1.0)
    chat, confidence = sniff_text_log(head)
    if chat is not None:
        return Detection("chat", chat, confidence)
    if subtitle is not None:
        return Detection("transcript", subtitle, 0.5)
    raise BadInputError(f"{uri}: not a format Touchpoint recognises; expected {_TEXT_EXPECTED}. "
                        "The first lines match none of them: check the file is what you meant "
                        "to ingest, or export it again")


def source_kind(content: bytes, uri: str) -> Kind:
    """Which parser reads `content` (see `detect`)."""
    return detect(content, uri).kind


def parse_content(content: bytes, *, uri: str, options: ParseOptions) -> Parsed:
    """A text-based source's bytes into touchpoints (audio goes through transcription)."""
    check_size(content, uri=uri, options=options)
    kind = source_kind(content, uri)
    if kind == "audio":
        raise BadInputError(f"{uri}: audio must be transcribed; use the pipeline's parse stage")
    if kind == "email":
        from assistant.ingest.email import parse_email_bytes

        emails = parse_email_bytes(content, uri=uri, options=options)
        return Parsed(list(emails), [PartError(f"{uri}#{e.index}", e.message)
                                     for e in emails.errors])
    return Parsed(_text_parser(kind)(content, uri=uri, options=options))


def _text_parser(kind: Kind) -> Parser:
    if kind == "transcript":
        from assistant.ingest.transcript import parse_transcript

        return parse_transcript
    if kind == "ticket":
        from assistant.ingest.ticket import parse_ticket

        return parse_ticket
    from assistant.ingest.chat import parse_chat

    return parse_chat
