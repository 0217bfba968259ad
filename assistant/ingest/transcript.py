"""Transcripts: `Speaker: text` plain text (with optional `# key: value` front matter), SRT and
WebVTT (with `<v Speaker>` voice tags), into call or meeting touchpoints with timed segments.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from assistant.errors import BadInputError
from assistant.ingest.common import (
    ParseOptions,
    assemble_text,
    decode_text,
    detect_language,
    make_source,
    read_source,
    touchpoint_id,
)
from assistant.models import Participant, Role, Segment, Touchpoint

_FRONT_MATTER = re.compile(r"^#\s*([A-Za-z_]+)\s*[:：]\s*(.*)$")
_SPEAKER_LINE = re.compile(r"^\s*([^:：\n]{1,40}?)\s*[:：]\s*(.+)$")
_TIMING = re.compile(r"(\d{1,2}:)?(\d{1,2}):(\d{2})[.,](\d{1,3})\s*-->\s*(\d{1,2}:)?(\d{1,2}):(\d{2})[.,](\d{1,3})")
_VOICE = re.compile(r"<v(?:\.[^ >]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[^>]+>")


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return (int(hours[:-1]) * 3600 if hours else 0) + int(minutes) * 60 + int(seconds) + int(
        millis.ljust(3, "0")) / 1000


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    meta: dict[str, str] = {}
    rest = list(lines)
    while rest and (not rest[0].strip() or _FRONT_MATTER.match(rest[0].strip())):
        match = _FRONT_MATTER.match(rest.pop(0).strip())
        if match:
            meta[match.group(1).lower()] = match.group(2).strip()
    return meta, rest


def _plain_turns(lines: list[str], uri: str) -> list[tuple[str | None, str, float | None, float | None]]:
    turns: list[tuple[str | None, str, float | None, float | None]] = []
    for line in lines:
        if not line.strip():
            continue
        match = _SPEAKER_LINE.match(line)
        if match and not match.group(1).strip().lower().startswith(("http", "https")):
            turns.append((match.group(1).strip(), match.group(2).strip(), None, None))
        elif turns:  # continuation of the previous turn
            speaker, text, _, _ = turns[-1]
            turns[-1] = (speaker, text + " " + line.strip(), None, None)
        else:
            raise BadInputError(f"{uri}: line {line.strip()[:40]!r} has no 'Speaker: text' form")
    return turns


def _cue_turns(text: str) -> list[tuple[str | None, str, float | None, float | None]]:
    """SRT and VTT cues: timing line, then text lines, cues separated by blank lines."""
    turns: list[tuple[str | None, str, float | None, float | None]] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.strip().split("\n") if line.strip()]
        timing_at = next((i for i, line in enumerate(lines) if _TIMING.search(line)), None)
        if timing_at is None:
            continue
        t = _TIMING.search(lines[timing_at])
        assert t is not None
        start = _seconds(t.group(1), t.group(2), t.group(3), t.group(4))
        end = _seconds(t.group(5), t.group(6), t.group(7), t.group(8))
        body = " ".join(lines[timing_at + 1 :])
        speaker = None
        voice = _VOICE.search(body)
        if voice:
            speaker = voice.group(1).strip()
        body = _TAG.sub("", body).strip()
        if speaker is None:
            match = _SPEAKER_LINE.match(body)
            if match and len(match.group(1)) <= 30:
                speaker, body = match.group(1).strip(), match.group(2).strip()
        if not body:
            continue
        if turns and turns[-1][0] == speaker and speaker is not None:
            prev = turns[-1]
            turns[-1] = (speaker, prev[1] + " " + body, prev[2], end)
        else:
            turns.append((speaker, body, start, end))
    return turns


def _role(speaker: str | None, reps: set[str]) -> Role:
    if not reps or speaker is None:
        return "unknown"
    return "rep" if speaker.casefold() in reps else "customer"


def _when(meta: dict[str, str], options: ParseOptions, path: Path) -> datetime:
    """Front matter date, else --occurred-at, else (subtitles only, which have no place for a
    date) the file's modification time, recorded as such in metadata."""
    uri = str(path)
    if "date" in meta:
        try:
            moment = datetime.fromisoformat(meta["date"])
        except ValueError:
            raise BadInputError(f"{uri}: '# date: {meta['date']}' is not ISO-8601") from None
        return moment if moment.tzinfo else moment.replace(tzinfo=options.tz)
    if options.occurred_at is not None:
        return options.occurred_at
    if path.suffix.lower() in (".srt", ".vtt"):
        meta["occurred_at_source"] = "file modification time"
        return datetime.fromtimestamp(path.stat().st_mtime, tz=options.tz)
    raise BadInputError(f"{uri}: no date; pass --occurred-at or add a '# date: ...' line at the top")


def parse_transcript(path: Path, options: ParseOptions) -> list[Touchpoint]:
    """A transcript file into one call/meeting touchpoint; BadInputError names the file."""
    content = read_source(path, options)
    text = decode_text(content, str(path)).replace("\r\n", "\n").replace("\r", "\n")
    meta, lines = _front_matter(text.split("\n"))
    suffix = path.suffix.lower()
    if suffix in (".srt", ".vtt") or _TIMING.search(text):
        turns = _cue_turns("\n".join(lines))
    else:
        turns = _plain_turns(lines, str(path))
    if not turns:
        raise BadInputError(f"{path}: no speaker turns or cues found in the transcript")
    reps = {r.strip().casefold() for r in meta.get("rep", "").split(",") if r.strip()}
    reps |= {r.casefold() for r in options.rep_names}
    occurred_at = _when(meta, options, path)
    segments = [Segment(speaker=speaker, role=_role(speaker, reps), start_s=start, end_s=end,
                        text=body) for speaker, body, start, end in turns]
    canonical, segments = assemble_text(segments)
    speakers = dict.fromkeys(s.speaker for s in segments if s.speaker)
    channel = "meeting" if meta.get("channel", "").lower() == "meeting" else "call"
    first_role = segments[0].role if segments else "unknown"
    language = meta.get("language") or options.language or detect_language(canonical)
    return [Touchpoint(
        id=touchpoint_id(options.tenant_id, f"transcript:{make_source(path, content, '').sha256}"),
        tenant_id=options.tenant_id, channel=channel,
        direction="outbound" if first_role == "rep" else "inbound", occurred_at=occurred_at,
        language=language, subject=meta.get("subject"),
        source=make_source(path, content, "text/vtt" if suffix == ".vtt" else
                           "application/x-subrip" if suffix == ".srt" else "text/plain"),
        segments=segments, text=canonical,
        participants=[Participant(name=s, role=_role(s, reps)) for s in speakers],
        metadata={k: v for k, v in meta.items() if k not in ("date",)},
    )]
