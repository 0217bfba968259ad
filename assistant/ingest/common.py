"""What every parser shares: options, reading a source safely, ids, canonical text, language.

Every parser returns `list[Touchpoint]` (an mbox or a ticket export holds many). The canonical
text of a conversation is one `Speaker: text` line per turn; each Segment's offsets point at the
turn's own text, not the speaker label, so evidence quotes never include a label.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from assistant.errors import BadInputError, TooLargeError
from assistant.models import OccurredAtSource, Role, Segment, Source

DEFAULT_MAX_BYTES = 500 * 1024 * 1024


@dataclass(frozen=True)
class ParseOptions:
    """How to read a source; every field has a safe default."""

    tenant_id: str = "default"
    vendor_domains: tuple[str, ...] = ()  # addresses at these domains are the rep side
    rep_names: tuple[str, ...] = ()  # speaker names or handles on the rep side
    default_timezone: str = "UTC"  # for timestamps without an offset
    occurred_at: datetime | None = None  # said by the user (flag, sidecar) when the source does not
    # the estimate used when neither the source nor the user says (file name, mtime, ingest time)
    fallback_occurred_at: datetime | None = None
    fallback_source: OccurredAtSource = "ingest_time"
    language: str | None = None  # force "en" / "zh"; None detects
    max_bytes: int = DEFAULT_MAX_BYTES
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.default_timezone)


def choose_occurred_at(found: datetime | None, options: ParseOptions, *, uri: str,
                       hint: str = "") -> tuple[datetime, OccurredAtSource]:
    """When a source happened, and how that is known: its own date or the user's (explicit),
    else the input layer's estimate. BadInputError when there is none at all."""
    if found is not None:
        return found, "explicit"
    if options.occurred_at is not None:
        return options.occurred_at, "explicit"
    if options.fallback_occurred_at is not None:
        return options.fallback_occurred_at, options.fallback_source
    raise BadInputError(f"{uri}: the source does not say when it happened; pass --occurred-at"
                        + (f" or add {hint}" if hint else ""))


def touchpoint_id(tenant_id: str, fingerprint: str) -> str:
    """Stable id: the same source in the same tenant always gets the same id."""
    digest = hashlib.sha256(f"{tenant_id}\x00{fingerprint}".encode()).hexdigest()
    return "tp_" + digest[:24]


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read_source(path: Path, options: ParseOptions) -> bytes:
    """The file's bytes, or BadInputError naming the file when it is missing, empty or too big."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BadInputError(f"{path}: no such file") from None
    if path.is_dir():
        raise BadInputError(f"{path}: is a directory, not a file")
    if size > options.max_bytes:
        raise TooLargeError(
            f"{path}: {size:,} bytes is over the limit of {options.max_bytes:,} bytes "
            "(raise TOUCHPOINT_MAX_UPLOAD_BYTES to accept it)"
        )
    if size == 0:
        raise BadInputError(f"{path}: the file is empty")
    return path.read_bytes()


def suffix_of(uri: str) -> str:
    """The lower-case extension of a source's name (`.vtt`), or "" (an mbox part `x.mbox#3`
    counts as `.mbox`)."""
    name = uri.rsplit("/", 1)[-1].split("#", 1)[0]
    return "." + name.rsplit(".", 1)[1].lower() if "." in name[1:] else ""


def check_size(content: bytes, *, uri: str, options: ParseOptions) -> None:
    """BadInputError when `content` is empty, TooLargeError when it is over the limit."""
    if len(content) > options.max_bytes:
        raise TooLargeError(
            f"{uri}: {len(content):,} bytes is over the limit of {options.max_bytes:,} bytes "
            "(raise TOUCHPOINT_MAX_UPLOAD_BYTES to accept it)")
    if not content:
        raise BadInputError(f"{uri}: the source is empty")


def make_source(path: Path | str, content: bytes, media_type: str) -> Source:
    return Source(uri=str(path), sha256=sha256_hex(content), media_type=media_type,
                  size_bytes=len(content))


def assemble_text(turns: Iterable[Segment], *, label_speakers: bool = True) -> tuple[str, list[Segment]]:
    """Join turns into canonical text ("Speaker: text" lines) and set each segment's offsets."""
    parts: list[str] = []
    segments: list[Segment] = []
    cursor = 0
    for turn in turns:
        body = turn.text.strip()
        if not body:
            continue
        prefix = f"{turn.speaker}: " if label_speakers and turn.speaker else ""
        if parts:
            parts.append("\n")
            cursor += 1
        parts.append(prefix + body)
        start = cursor + len(prefix)
        cursor = start + len(body)
        segments.append(turn.model_copy(update={"text": body, "start": start, "end": cursor}))
    return "".join(parts), segments


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_language(text: str) -> str:
    """"zh", "en", "mixed" or "other", from the share of Han characters and Latin words."""
    han = len(_CJK.findall(text))
    latin_words = len(_LATIN_WORD.findall(text))
    # a Han character carries about as much as one short English word
    total = han + latin_words
    if total == 0:
        return "other"
    han_share = han / total
    if han_share >= 0.8:
        return "zh"
    if han_share <= 0.1:
        return "en" if latin_words else "other"
    return "mixed"


def role_for(
    *, name: str | None, email: str | None, options: ParseOptions, default: Role = "customer"
) -> Role:
    """`rep` when the address is at a vendor domain or the name is a known rep, else `default`."""
    if email and "@" in email:
        domain = email.rsplit("@", 1)[1].lower()
        if any(domain == d or domain.endswith("." + d) for d in options.vendor_domains):
            return "rep"
    if name and name.strip().casefold() in {n.casefold() for n in options.rep_names}:
        return "rep"
    return default




def decode_text(content: bytes, uri: str) -> str:
    """Text from bytes: by its BOM (UTF-8, UTF-16, UTF-32), else UTF-8, else GB18030 when it
    reads as Chinese, else what charset-normalizer detects (cp1252 subtitles, KOI8-R chats)."""
    for bom, encoding in ((b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"),
                          (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if content.startswith(bom):
            return content.decode(encoding, errors="replace")
    if b"\x00" in content[:4096]:
        raise BadInputError(f"{uri}: binary data, not text")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(content[:256 * 1024]))
    best = matches[0] if matches else None
    # a guess with no coherent words behind it is noise, not an encoding; among guesses that
    # read equally well, the code page people actually use wins (cp1250 and cp1252 tie on a
    # short French subtitle, and it is cp1252)
    guessed = None
    if best is not None and best.coherence >= 0.1:
        equal = {m.encoding for m in matches if m.chaos <= best.chaos + 0.01
                 and m.coherence >= best.coherence - 0.01}
        guessed = next((e for e in _COMMON_LEGACY if e in equal), best.encoding)
    for encoding in dict.fromkeys(e for e in ("gb18030" if _reads_as_chinese(content) else None,
                                              guessed) if e):
        try:
            return content.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise BadInputError(f"{uri}: the bytes are not UTF-8, UTF-16 or GB18030 text, nor another "
                        "encoding that can be detected; re-save the file as UTF-8")


_COMMON_LEGACY = ("cp1252", "gb18030", "big5", "shift_jis", "euc_kr", "cp1251", "cp1250",
                  "cp1256", "cp874", "koi8_r", "latin_1")


def _reads_as_chinese(content: bytes) -> bool:
    """Whether GB18030 decodes the bytes into mostly Han characters (a GBK chat or email)."""
    try:
        decoded = content[:64 * 1024].decode("gb18030")
    except UnicodeDecodeError:
        return False
    non_ascii = [c for c in decoded if ord(c) > 127]
    return bool(non_ascii) and sum(bool(_CJK.match(c)) for c in non_ascii) >= 0.6 * len(non_ascii)
