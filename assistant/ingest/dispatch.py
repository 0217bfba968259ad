"""Choose the parser for a source: by extension first, then by sniffing the content.

Each parser raises BadInputError when the content is not its format, so the choice here only
has to be right for well-formed input; malformed input still gets a precise message.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions
from assistant.models import Touchpoint

AUDIO_SUFFIXES = frozenset({".wav", ".mp3", ".m4a", ".ogg", ".opus", ".flac", ".webm", ".mp4",
                            ".aac", ".wma", ".mka"})
EMAIL_SUFFIXES = frozenset({".eml", ".mbox"})
SUBTITLE_SUFFIXES = frozenset({".srt", ".vtt"})
TEXT_SUFFIXES = frozenset({".txt", ".log"})
TABLE_SUFFIXES = frozenset({".json", ".jsonl", ".csv"})
SIDECAR_SUFFIX = ".meta.json"  # sidecar metadata next to audio files; not a source itself
SUPPORTED_SUFFIXES = AUDIO_SUFFIXES | EMAIL_SUFFIXES | SUBTITLE_SUFFIXES | TEXT_SUFFIXES | TABLE_SUFFIXES

Parser = Callable[[Path, ParseOptions], list[Touchpoint]]


def is_audio(path: Path) -> bool:
    return path.suffix.lower() in AUDIO_SUFFIXES


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.endswith(SIDECAR_SUFFIX)


def _head(path: Path, size: int = 64 * 1024) -> str:
    with path.open("rb") as handle:
        return handle.read(size).decode("utf-8-sig", errors="replace")


def _looks_like_ticket(path: Path) -> bool:
    head = _head(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        header = next(csv.reader(io.StringIO(head)), [])
        return "ticket_id" in {h.strip().lower() for h in header}
    if suffix == ".json":
        stripped = head.lstrip()
        if stripped.startswith("{"):
            return '"ticket"' in head[:2000] or '"tickets"' in head[:2000]
        if stripped.startswith("["):
            return '"comments"' in head and '"requester"' in head
    return False


def choose_parser(path: Path) -> Parser:
    """The parse function for `path`; BadInputError for unsupported kinds (audio excluded)."""
    suffix = path.suffix.lower()
    if suffix in EMAIL_SUFFIXES:
        from assistant.ingest.email import parse_email

        return parse_email
    if suffix in SUBTITLE_SUFFIXES:
        from assistant.ingest.transcript import parse_transcript

        return parse_transcript
    if suffix in TEXT_SUFFIXES:
        from assistant.ingest.chat import parse_chat, sniff_text_format
        from assistant.ingest.transcript import parse_transcript

        return parse_chat if sniff_text_format(_head(path)) else parse_transcript
    if suffix in TABLE_SUFFIXES:
        if _looks_like_ticket(path):
            from assistant.ingest.ticket import parse_ticket

            return parse_ticket
        from assistant.ingest.chat import parse_chat

        return parse_chat
    raise BadInputError(
        f"{path}: unsupported file type {suffix or '(no extension)'!r}; supported: "
        + ", ".join(sorted(SUPPORTED_SUFFIXES))
    )


def parse_path(path: Path, options: ParseOptions) -> list[Touchpoint]:
    """Parse a text-based source file into touchpoints (audio goes through transcription)."""
    if is_audio(path):
        raise BadInputError(f"{path}: audio must be transcribed; use the pipeline's audio path")
    if not path.exists():
        raise BadInputError(f"{path}: no such file")
    if path.is_dir():
        from assistant.ingest.chat import is_slack_export, parse_chat

        if is_slack_export(path):
            return parse_chat(path, options)
        raise BadInputError(f"{path}: a folder is a source only when it is a Slack export")
    return choose_parser(path)(path, options)


def read_sidecar(path: Path) -> dict[str, object]:
    """Optional `<file>.meta.json` beside a source: occurred_at, language, account, rep names."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        sidecar = path.with_suffix(".json") if is_audio(path) else sidecar
    if not sidecar.is_file():
        return {}
    try:
        loaded = json.loads(sidecar.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadInputError(f"{sidecar}: sidecar metadata is not valid JSON ({exc})") from exc
    if not isinstance(loaded, dict):
        raise BadInputError(f"{sidecar}: sidecar metadata must be a JSON object")
    return loaded
