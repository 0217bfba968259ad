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
from assistant.times import parse_instant, to_instant

FRONT_MATTER_KEYS = ("date", "channel", "subject", "rep", "language")
_FRONT_MATTER = re.compile(r"^#\s*([A-Za-z_]+)\s*[:：]\s*(.*)$")
_HEADER_FIELD = re.compile(r"^([A-Za-z_]+)\s*[:：]\s*(.+)$")
_STAMP = r"(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
_TIMING = re.compile(rf"{_STAMP}\s*-->\s*{_STAMP}")
# YouTube's SubViewer (.sbv): `0:00:01.000,0:00:04.000` alone on the line above the text
_SBV_TIMING = re.compile(r"^(\d{1,2}):(\d{2}):(\d{2})\.(\d{3}),(\d{1,2}):(\d{2}):(\d{2})\.(\d{3})$")
_LEADING_STAMP = re.compile(r"^[\[(]?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})[\])]?\s+")
_SPEAKER_LINE = re.compile(r"^\s*(?:>>\s*|-\s*)?([^:：\n]{1,40}?)\s*[:：]\s*(.*)$")
# Otter-style: the speaker and a time alone on a line (two spaces or a tab), the words below
_SPEAKER_HEADER = re.compile(r"^([^:：\s][^:：]{0,39}?)(?:\s{2,}|\t)(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$")
_WIDE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_NOT_A_NAME = re.compile(r"[.?!。？！，,;；\"“”/\[\]{}<>]|^[\d\s-]+$|^https?$", re.IGNORECASE)
_VOICE_SPAN = re.compile(r"<v(?:\.[^ >]*)?\s+([^>]+)>(.*?)(?=<v[\s.]|$)", re.DOTALL)
# HTML-ish tags, ASS overrides ({\an8}, {\i1}) and SubRip/MicroDVD style tags ({y:i}, {c:$0000ff})
_TAG = re.compile(r"</?[^>]+>|\{\\[^}]*\}|\{[YyCcFfSsPpHh]:[^}]*\}")
_ASS_ESCAPE = re.compile(r"\\[Nnh]")  # forced line break, soft break, hard space
_SENTENCE_END = re.compile(r"[.?!。？！…♪\"”')）)]\s*$")
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


def _cue_blocks(text: str, meta: dict[str, str]) -> list[tuple[float, float, list[str]]]:
    """(start, end, text lines) per cue. A cue runs from its timing line to a blank line or the
    next timing line (yt-dlp writes cues without blank lines between them); the header, `NOTE`,
    `STYLE` and `REGION` blocks are read for metadata or skipped, never taken as cues."""
    cues: list[tuple[float, float, list[str]]] = []
    block: list[str] = []
    current: list[str] | None = None
    for line in [*text.split("\n"), ""]:
        timing = _TIMING.search(line) or _SBV_TIMING.match(line.strip())
        if timing:
            if current is not None and current and current[-1].strip().isdigit():
                current.pop()  # the next cue's SRT number, written without a blank line
            if block and block[0].strip().startswith(("WEBVTT", "NOTE")):
                _cue_meta(block, meta)
            block = []
            current = []
            cues.append((_seconds(*timing.groups()[:4]), _seconds(*timing.groups()[4:]), current))
        elif not line.strip():
            if block and block[0].strip().startswith(("WEBVTT", "NOTE")):
                _cue_meta(block, meta)
            block, current = [], None
        elif current is not None:
            current.append(line)
        else:
            block.append(line)
    return cues


def _cue_turns(text: str, meta: dict[str, str]) -> list[_Turn]:
    """SRT and VTT cues as turns. A speaker comes from a `<v Name>` voice tag, a `- Name:`
    dialogue marker, or a `Name:` label used consistently (on a third of the cues, or on more
    than one, or in capitals). An unlabelled cue is nobody's, except that it finishes the
    previous cue's sentence when that one stopped mid-sentence."""
    cues = _cue_blocks(text, meta)
    parts = [(start, end, _cue_voices(lines)) for start, end, lines in cues]
    labels: dict[str, int] = {}
    for _, _, voices in parts:
        for speaker, _, how in voices:
            if speaker and how == "label":
                labels[speaker] = labels.get(speaker, 0) + 1
    consistent = sum(labels.values()) * 3 >= max(len(parts), 1)
    turns: list[_Turn] = []
    previous_line = ""
    for start, end, voices in parts:
        if voices and previous_line and voices[0][1].startswith(previous_line + " "):
            # yt-dlp auto-captions open each cue with the line before the new words
            first = voices[0]
            voices = [(first[0], first[1][len(previous_line):].strip(), first[2]), *voices[1:]]
        for speaker, said, how in voices:
            if how == "label" and speaker and not (consistent or labels[speaker] > 1
                                                   or speaker.isupper()):
                speaker, said = None, f"{speaker}: {said}"  # "J'ai dit: ..." once is not a name
            if said == previous_line:
                continue  # auto-captions repeat the line before the new words
            previous_line = said.rsplit("\n", 1)[-1]
            last = turns[-1] if turns else None
            if (speaker is None and how == "none" and last is not None
                    and not _SENTENCE_END.search(last.text)):
                speaker = last.speaker
            if last is not None and last.speaker == speaker and (
                    speaker is not None or not _SENTENCE_END.search(last.text)):
                last.text = _join(last.text, said)
                last.end_s = end
            else:
                turns.append(_Turn(speaker, said, start, end))
    return turns


def _cue_voices(lines: list[str]) -> list[tuple[str | None, str, str]]:
    """(speaker, text, how the speaker was given) parts of a cue: one per `<v Name>` span, one
    per `- Name:` dialogue line, else one with a possible `Name:` label."""
    body = "\n".join(lines)
    spans = _VOICE_SPAN.findall(body) if "<v" in body else []
    if spans:
        return [(name.strip(), said, "voice") for name, raw in spans if (said := _clean(raw))]
    cleaned = [_clean(line) for line in lines]
    cleaned = [line for line in cleaned if line]
    if len(cleaned) > 1 and all(line.startswith("-") for line in cleaned):
        parts: list[tuple[str | None, str, str]] = []
        for line in cleaned:
            named = _speaker(line)
            parts.append((named[0], named[1], "dialogue") if named and named[1] else (
                None, line.lstrip("- ").strip(), "none"))
        return [p for p in parts if p[1]]
    said = " ".join(cleaned)
    named = _speaker(said)
    if named and named[1]:
        return [(named[0], named[1], "dialogue" if said.startswith(("-", ">>")) else "label")]
    return [(None, said, "none")] if said else []


def _clean(cue_text: str) -> str:
    text = _ASS_ESCAPE.sub(" ", _TAG.sub("", cue_text)) if "\\" in cue_text or "{" in cue_text \
        else _TAG.sub("", cue_text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def transcript_format(head: str) -> str | None:
    """"vtt", "srt", "sbv" or "plain" when `head` (a file's first kilobytes) reads as a
    transcript."""
    text = head.lstrip("\ufeff \t\r\n")
    if text.startswith("WEBVTT"):
        return "vtt"
    if _TIMING.search(text[:4000]):
        return "srt"
    if _SBV_TIMING.match(text.split("\n", 1)[0].strip()):
        return "sbv"
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")[:80] if line.strip()]
    if lines and _FRONT_MATTER.match(lines[0]) and _FRONT_MATTER.match(lines[0]).group(  # type: ignore[union-attr]
            1).lower() in FRONT_MATTER_KEYS:
        return "plain"
    said = 0
    for line in lines:
        stamp = _LEADING_STAMP.match(line)
        if _SPEAKER_HEADER.match(line) or _speaker(line[stamp.end():] if stamp else line):
            said += 1
    return "plain" if lines and said >= 1 and said * 3 >= len(lines) else None


def _role(speaker: str | None, reps: set[str]) -> Role:
    if not reps or speaker is None:
        return "unknown"
    return "rep" if speaker.casefold() in reps else "customer"


def _occurred_at(meta: dict[str, str], options: ParseOptions, uri: str, hint: str, *,
                 strict: bool) -> tuple[datetime, OccurredAtSource]:
    """A `# date:` line the user wrote must be a time; a subtitle's NOTE is a comment, so a
    date there that cannot be read is set aside (kept in metadata) rather than fatal."""
    found = None
    if "date" in meta and strict:
        found = to_instant(meta["date"], tz=options.tz, what=f"{uri}: date")
    elif "date" in meta:
        found = parse_instant(meta["date"], tz=options.tz)
        if found is None:
            meta["unreadable_date"] = meta.pop("date")
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
    front_date = meta.get("date")
    suffix = suffix_of(uri)
    is_subtitle = suffix in (".srt", ".vtt", ".sbv") or transcript_format(text[:8000]) in (
        "vtt", "srt", "sbv")
    if is_subtitle:
        turns = _cue_turns("\n".join(lines), meta)
        if not turns:
            raise BadInputError(f"{uri}: no subtitle cues with text; each cue needs a "
                                "'00:00:01.000 --> 00:00:04.000' line followed by its text")
        media_type = "text/vtt" if suffix == ".vtt" or text.lstrip().startswith("WEBVTT") \
            else "text/x-sbv" if suffix == ".sbv" or transcript_format(text[:200]) == "sbv" \
            else "application/x-subrip"
        hint = "a 'NOTE date: 2026-03-02T10:00:00+08:00' block" if media_type == "text/vtt" \
            else "a '# date: 2026-03-02T10:00:00+08:00' line at the top"
    else:
        turns = _plain_turns(lines, uri, first_line=len(text.split("\n")) - len(lines) + 1)
        if not turns:
            raise BadInputError(f"{uri}: no 'Speaker: text' lines found in the transcript")
        media_type, hint = "text/plain", "a '# date: 2026-03-02T10:00:00+08:00' line at the top"
    occurred_at, occurred_at_source = _occurred_at(meta, options, uri, hint,
                                                   strict=not is_subtitle or bool(front_date))
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
