"""Cut a touchpoint into retrievable chunks: speaker turns, paragraphs, bounded windows.

A chunk is a contiguous stretch of `Touchpoint.text` (character offsets, start inclusive, end
exclusive), so a search hit is evidence that can be checked against the source like any other
quote. Segments (speaker turns, messages, ticket comments) are the natural unit: short ones are
joined with their neighbours until a chunk carries enough words to embed meaningfully, long ones
are split at sentence ends into windows that overlap. Touchpoints without segments are split at
blank lines. Sizes are counted in approximate tokens: one per CJK character, one per Latin word.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from assistant.models import Touchpoint

_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\s\u3400-\u9fff\uf900-\ufaff]+")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])\s*|\n+")
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class ChunkOptions:
    """max_tokens bounds a chunk; a window split from a long turn repeats overlap_tokens of the
    previous window; turns shorter than min_tokens are joined with the next turn."""

    max_tokens: int = 160
    overlap_tokens: int = 30
    min_tokens: int = 12

    def __post_init__(self) -> None:
        if not 0 <= self.overlap_tokens < self.max_tokens or self.min_tokens > self.max_tokens:
            raise ValueError("chunk sizes need 0 <= overlap < max and min <= max")


@dataclass(frozen=True)
class ChunkDraft:
    """A chunk before it is embedded and stored."""

    ordinal: int
    start: int
    end: int
    text: str
    speaker: str | None
    role: str | None
    audio_start_s: float | None
    audio_end_s: float | None

    def embedding_text(self, subject: str | None) -> str:
        """What the embedder sees: the subject gives a short turn its topic."""
        return f"{subject}\n{self.text}" if subject else self.text

    def content_hash(self, subject: str | None) -> str:
        return hashlib.sha256(self.embedding_text(subject).encode("utf-8")).hexdigest()


def count_tokens(text: str) -> int:
    return len(_TOKEN.findall(text))


@dataclass
class _Span:
    start: int
    end: int
    speakers: list[str]
    roles: list[str]
    audio_start_s: float | None
    audio_end_s: float | None


def _spans(touchpoint: Touchpoint) -> list[_Span]:
    if touchpoint.segments:
        return [_Span(s.start, s.end, [s.speaker] if s.speaker else [], [s.role],
                      s.start_s, s.end_s) for s in touchpoint.segments if s.text.strip()]
    spans: list[_Span] = []
    position = 0
    for match in [*_PARAGRAPH.finditer(touchpoint.text), None]:
        end = match.start() if match else len(touchpoint.text)
        if touchpoint.text[position:end].strip():
            spans.append(_Span(position, end, [], [], None, None))
        position = match.end() if match else end
    return spans


def _join(spans: list[_Span], min_tokens: int, max_tokens: int, text: str) -> list[_Span]:
    """Join each short span with the following ones while the result stays under max_tokens."""
    joined: list[_Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (last is not None and count_tokens(text[last.start:last.end]) < min_tokens
                and count_tokens(text[last.start:span.end]) <= max_tokens):
            last.end = span.end
            last.speakers += [s for s in span.speakers if s not in last.speakers]
            last.roles += [r for r in span.roles if r not in last.roles]
            last.audio_end_s = span.audio_end_s if span.audio_end_s is not None else last.audio_end_s
        else:
            joined.append(_Span(span.start, span.end, list(span.speakers), list(span.roles),
                                span.audio_start_s, span.audio_end_s))
    if len(joined) > 1 and count_tokens(text[joined[-1].start:joined[-1].end]) < min_tokens \
            and count_tokens(text[joined[-2].start:joined[-1].end]) <= max_tokens:
        tail = joined.pop()  # a short closing turn ("thanks!") joins the one before it
        joined[-1].end = tail.end
        joined[-1].speakers += [s for s in tail.speakers if s not in joined[-1].speakers]
        joined[-1].roles += [r for r in tail.roles if r not in joined[-1].roles]
        joined[-1].audio_end_s = tail.audio_end_s if tail.audio_end_s is not None \
            else joined[-1].audio_end_s
    return joined


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _windows(text: str, start: int, end: int, options: ChunkOptions) -> list[tuple[int, int]]:
    """Split [start, end) at sentence ends into windows of at most max_tokens, overlapping."""
    if count_tokens(text[start:end]) <= options.max_tokens:
        return [(start, end)]
    cuts = [start] + [m.end() for m in _SENTENCE_END.finditer(text, start, end)
                      if start < m.end() < end] + [end]
    sentences = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    pieces: list[tuple[int, int]] = []
    for a, b in sentences:  # a sentence longer than a window is cut by tokens
        tokens = list(_TOKEN.finditer(text, a, b))
        step = options.max_tokens - options.overlap_tokens
        if len(tokens) <= options.max_tokens:
            pieces.append((a, b))
            continue
        for i in range(0, len(tokens), step):
            window = tokens[i:i + options.max_tokens]
            pieces.append((window[0].start(), window[-1].end()))
            if i + options.max_tokens >= len(tokens):
                break
    windows: list[tuple[int, int]] = []
    first = 0
    while first < len(pieces):
        last, size = first, count_tokens(text[pieces[first][0]:pieces[first][1]])
        while last + 1 < len(pieces):
            extra = count_tokens(text[pieces[last + 1][0]:pieces[last + 1][1]])
            if size + extra > options.max_tokens:
                break
            last, size = last + 1, size + extra
        windows.append((pieces[first][0], pieces[last][1]))
        if last + 1 >= len(pieces):
            break
        next_first, carried = last + 1, 0  # the next window repeats what fits the overlap
        for j in range(last, first, -1):
            carried += count_tokens(text[pieces[j][0]:pieces[j][1]])
            if carried > options.overlap_tokens:
                break
            next_first = j
        first = next_first
    return windows


def chunk_touchpoint(touchpoint: Touchpoint, options: ChunkOptions | None = None
                     ) -> list[ChunkDraft]:
    """The touchpoint's chunks in text order; every chunk's text is text[start:end]."""
    options = options or ChunkOptions()
    text = touchpoint.text
    drafts: list[ChunkDraft] = []
    for span in _join(_spans(touchpoint), options.min_tokens, options.max_tokens, text):
        for a, b in _windows(text, span.start, span.end, options):
            a, b = _trim(text, a, b)
            if a >= b:
                continue
            drafts.append(ChunkDraft(
                ordinal=len(drafts), start=a, end=b, text=text[a:b],
                speaker=", ".join(span.speakers) or None,
                role=span.roles[0] if len(span.roles) == 1 else None,
                audio_start_s=span.audio_start_s, audio_end_s=span.audio_end_s))
    return drafts
