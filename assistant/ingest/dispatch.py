"""Choose the parser for a source's bytes: by the name's extension first, then by sniffing.

Each parser raises BadInputError when the content is not its format, so the choice here only
has to be right for well-formed input; malformed input still gets a precise message. Every
parser is a function of `(content, *, uri, options)`: the bytes may come from a file, an upload
or the database, never from a path the parser opens itself.
"""

from __future__ import annotations

import csv
import io
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
SUBTITLE_SUFFIXES = frozenset({".srt", ".vtt"})
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


def _looks_like_ticket(head: str, suffix: str) -> bool:
    if suffix == ".csv":
        header = next(csv.reader(io.StringIO(head)), [])
        return "ticket_id" in {h.strip().lower() for h in header}
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        return '"ticket"' in head[:2000] or '"tickets"' in head[:2000]
    if stripped.startswith("["):
        return '"comments"' in head and '"requester"' in head
    return False


def source_kind(content: bytes, uri: str) -> Kind:
    """Which parser reads `content`; BadInputError for kinds Touchpoint does not read."""
    suffix = suffix_of(uri)
    if suffix in AUDIO_SUFFIXES or (suffix not in SUPPORTED_SUFFIXES
                                    and content.startswith(_AUDIO_MAGIC)):
        return "audio"
    if suffix in EMAIL_SUFFIXES:
        return "email"
    if suffix in SUBTITLE_SUFFIXES:
        return "transcript"
    if suffix in ARCHIVE_SUFFIXES or is_zip(content):
        return "chat"  # the archives we read are Slack and WhatsApp exports
    head = content[:64 * 1024].decode("utf-8-sig", errors="replace")
    if suffix in TEXT_SUFFIXES:
        from assistant.ingest.chat import sniff_text_format

        return "chat" if sniff_text_format(head) else "transcript"
    if suffix in TABLE_SUFFIXES:
        return "ticket" if _looks_like_ticket(head, suffix) else "chat"
    raise BadInputError(
        f"{uri}: unsupported file type {suffix or '(no extension)'!r}; supported: "
        + ", ".join(sorted(SUPPORTED_SUFFIXES)))


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
