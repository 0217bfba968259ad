"""Transcripts into call or meeting touchpoints: `Speaker: text` plain text, SRT and WebVTT.

Plain text may start with `# key: value` front matter (date, channel, subject, rep, language);
SRT accepts the same lines above its first cue, and WebVTT reads them from its header block or a
`NOTE` block, so a subtitle file can carry its own date. Subtitle cues keep their start/end
seconds; consecutive cues by the same speaker merge into one turn, and an unlabeled cue after a
labeled one continues that speaker (subtitles label a speaker only when the voice changes).
Roles come from `rep:` names or the configured rep names; with no rep known at all every
speaker is "unknown" rather than a guess.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime

from assistant.errors import BadInputError
from assistant.ingest.common import (
    ParseOptions,
    assemble_text,
    check_size,
    choose_occurred_at,
    decode_text,
    detect_language,
    make_source,
    sha256_hex,
    suffix_of,
    touchpoint_id,
)
from assistant.models import OccurredAtSource, Participant, Role, Segment, Touchpoint
from assistant.times import to_instant

FRONT_MATTER_KEYS = ("date", "channel", "subject", "rep", "language")
_FRONT_MATTER = re.compile(r"^#\s*([A-Za-z_]+)\s*[:：]\s*(.*)$")
_HEADER_FIELD = re.compile(r"^([A-Za-z_]+)\s*[:：]\s*(.+)$")
_STAMP = r"(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
_TIMING = re.compile(rf"{_STAMP}\s*-->\s*{_STAMP}")
_LEADING_STAMP = re.compile(r"^[\[(]?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})[\])]?\s+")
_SPEAKER_LINE = re.compile(r"^\s*(?:>>\s*|-\s*)?([^:：\n]{1,40}?)\s*[:：]\s*(.*)$")
# Otter-style: the speaker and a time alone on a line (two spaces or a tab), the words below
_SPEAKER_HEADER = re.compile(r"^([^:：\s][^:：]{0,39}?)(?:\s{2,}|\t)(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$")
_WIDE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_NOT_A_NAME = re.compile(r"[.?!。？！，,;；\"“”/]|^\d+$|^https?$", re.IGNORECASE)
_VOICE_SPAN = re.compile(r"<v(?:\.[^ >]*)?\s+([^>]+)>(.*?)(?=<v[\s.]|$)", re.DOTALL)
_TAG = re.compile(r"</?[^>]+>|\{\\[^}]*\}")  # HTML-ish tags and SRT's {\an8} positioning
_LANGUAGE_CODE = re.compile(r"^(en|zh)(?:[-_].*)?$", re.IGNORECASE)


@dataclass
class _Turn:
    speaker: str | None
    text: str
    start_s: float | None = None
    end_s: float | None = None


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str | None) -> float:
    return (int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
            + int((millis or "0").ljust(3, "0")) / 1000)


def _speaker(line: str) -> tuple[str, str] | None:
    """(name, text) when the line reads as `Name: text` with a plausible name."""
    match = _SPEAKER_LINE.match(line)
    if not match:
        return None
    name = match.group(1).strip()
    if not name or len(name.split()) > 5 or _NOT_A_NAME.search(name):
        return None
    return name, match.group(2).strip()


def _join(before: str, after: str) -> str:
    """Wrapped lines joined with a space, except between Chinese characters and punctuation."""
    if not before or not after:
        return before + after
    glue = "" if _WIDE.match(before[-1]) and _WIDE.match(after[0]) else " "
    return before + glue + after


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    meta: dict[str, str] = {}
    rest = list(lines)
    while rest and (not rest[0].strip() or _FRONT_MATTER.match(rest[0].strip())):
        match = _FRONT_MATTER.match(rest.pop(0).strip())
        if match:
            meta[match.group(1).lower()] = match.group(2).strip()
    return meta, rest


def _plain_turns(lines: list[str], uri: str, first_line: int) -> list[_Turn]:
    turns: list[_Turn] = []
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        header = _SPEAKER_HEADER.match(line.strip())
        if header and not _NOT_A_NAME.search(header.group(1)):
            turns.append(_Turn(header.group(1).strip(), "",
                               _seconds(header.group(2), header.group(3), header.group(4), None)))
            continue
        stamp = _LEADING_STAMP.match(line.strip())
        body = line.strip()[stamp.end():] if stamp else line.strip()
        said = _speaker(body)
        if said:
            start = _seconds(stamp.group(1), stamp.group(2), stamp.group(3), None) if stamp else None
            turns.append(_Turn(said[0], said[1], start))
        elif turns:  # a wrapped line continues the previous turn
            turns[-1].text = _join(turns[-1].text, body)
        else:
            raise BadInputError(
                f"{uri}: line {number} ({line.strip()[:40]!r}) has no 'Speaker: text' form and "
                "no speaker line comes before it; transcripts need one 'Name: what they said' line per turn (a title belongs "
                "in a '# subject: ...' line)")
    return [t for t in turns if t.text]


def _cue_meta(block: list[str], meta: dict[str, str]) -> None:
    """WebVTT header fields (`Language: zh-CN`) and `NOTE key: value` lines, as front matter."""
    for line in block:
        line = re.sub(r"^(WEBVTT|NOTE)\b\s*", "", line.strip())
        field = _HEADER_FIELD.match(line) or _FRONT_MATTER.match(line)
        if field and field.group(1).lower() in FRONT_MATTER_KEYS:
            meta.setdefault(field.group(1).lower(), field.group(2).strip())


def _cue_turns(text: str, meta: dict[str, str]) -> list[_Turn]:
    """SRT and VTT cues: optional id, a timing line, then text lines; blank lines between."""
    turns: list[_Turn] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.strip().split("\n") if line.strip()]
        timing_at = next((i for i, line in enumerate(lines) if _TIMING.search(line)), None)
        if timing_at is None:
            if lines and lines[0].strip().startswith(("WEBVTT", "NOTE")):
                _cue_meta(lines, meta)
            continue
        timing = _TIMING.search(lines[timing_at])
        assert timing is not None
        start, end = _seconds(*timing.groups()[:4]), _seconds(*timing.groups()[4:])
        body = "\n".join(lines[timing_at + 1:])
        for speaker, said in _cue_voices(body):
            previous = turns[-1] if turns else None
            if speaker is None and previous is not None:
                speaker = previous.speaker
            if previous is not None and previous.speaker == speaker:
                previous.text = _join(previous.text, said)
                previous.end_s = end
            else:
                turns.append(_Turn(speaker, said, start, end))
    return turns


def _cue_voices(body: str) -> list[tuple[str | None, str]]:
    """(speaker, text) parts of a cue: one per `<v Name>` span, else a `Name:` prefix."""
    spans = _VOICE_SPAN.findall(body) if "<v" in body else []
    if spans:
        parts = [(name.strip(), _clean(said)) for name, said in spans]
    else:
        said = _clean(body)
        named = _speaker(said)
        parts = [(named[0], named[1]) if named else (None, said)]
    return [(speaker, said) for speaker, said in parts if said]


def _clean(cue_text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub("", cue_text))).strip()


def _role(speaker: str | None, reps: set[str]) -> Role:
    if not reps or speaker is None:
        return "unknown"
    return "rep" if speaker.casefold() in reps else "customer"


def _occurred_at(meta: dict[str, str], options: ParseOptions, uri: str, hint: str
                 ) -> tuple[datetime, OccurredAtSource]:
    found = to_instant(meta["date"], tz=options.tz, what=f"{uri}: date") if "date" in meta else None
    return choose_occurred_at(found, options, uri=uri, hint=hint)


def _language(meta: dict[str, str], options: ParseOptions, canonical: str) -> str:
    declared = _LANGUAGE_CODE.match(meta.get("language", "").strip())
    if declared:
        return declared.group(1).lower()
    return options.language or detect_language(canonical)


def parse_transcript(content: bytes, *, uri: str, options: ParseOptions) -> list[Touchpoint]:
    """A transcript's bytes into one call or meeting touchpoint.

    BadInputError names the source and the problem: undecodable, no speaker lines or cues, an
    unreadable `date:`, or no date at all when the input layer gave no estimate.
    """
    check_size(content, uri=uri, options=options)
    text = decode_text(content, uri).replace("\r\n", "\n").replace("\r", "\n")
    meta, lines = _front_matter(text.split("\n"))
    suffix = suffix_of(uri)
    is_subtitle = suffix in (".srt", ".vtt") or text.lstrip().startswith("WEBVTT") or bool(
        _TIMING.search(text[:2000]))
    if is_subtitle:
        turns = _cue_turns("\n".join(lines), meta)
        if not turns:
            raise BadInputError(f"{uri}: no subtitle cues with text; each cue needs a "
                                "'00:00:01.000 --> 00:00:04.000' line followed by its text")
        media_type = "text/vtt" if suffix == ".vtt" or text.lstrip().startswith("WEBVTT") \
            else "application/x-subrip"
        hint = "a 'NOTE date: 2026-03-02T10:00:00+08:00' block" if media_type == "text/vtt" \
            else "a '# date: 2026-03-02T10:00:00+08:00' line at the top"
    else:
        turns = _plain_turns(lines, uri, first_line=len(text.split("\n")) - len(lines) + 1)
        if not turns:
            raise BadInputError(f"{uri}: no 'Speaker: text' lines found in the transcript")
        media_type, hint = "text/plain", "a '# date: 2026-03-02T10:00:00+08:00' line at the top"
    occurred_at, occurred_at_source = _occurred_at(meta, options, uri, hint)
    reps = {r.strip().casefold() for r in re.split(r"[,，、]", meta.get("rep", "")) if r.strip()}
    reps |= {r.casefold() for r in options.rep_names}
    canonical, segments = assemble_text(
        Segment(speaker=t.speaker, role=_role(t.speaker, reps), start_s=t.start_s, end_s=t.end_s,
                text=t.text) for t in turns)
    speakers = dict.fromkeys(s.speaker for s in segments if s.speaker)
    channel = "meeting" if meta.get("channel", "").strip().lower() == "meeting" else "call"
    return [Touchpoint(
        id=touchpoint_id(options.tenant_id, sha256_hex(content)), tenant_id=options.tenant_id,
        channel=channel, direction="outbound" if segments[0].role == "rep" else "inbound",
        occurred_at=occurred_at, occurred_at_source=occurred_at_source,
        language=_language(meta, options, canonical),
        subject=meta.get("subject") or None, source=make_source(uri, content, media_type),
        segments=segments, text=canonical,
        participants=[Participant(name=s, role=_role(s, reps)) for s in speakers],
        metadata={"format": media_type.split("/")[-1].removeprefix("x-"),
                  **{k: v for k, v in meta.items() if k not in ("date", "subject")}},
    )]
