"""Citations: every generated line of a briefing or a ticket summary says what it rests on.

A citation is a touchpoint id plus either a quote with its character offsets (checked against
the touchpoint's text when made, so it always resolves) or the name of a structured field of
the source (a ticket export's `status`, a CRM record's `stage`) when the fact is not a sentence.
"""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from assistant.models import Evidence, Touchpoint

_SENTENCE = re.compile(r"[^.!?。！？\n]+[.!?。！？]*")


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    touchpoint_id: str
    occurred_at: datetime | None = None
    channel: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    source_field: str | None = None  # a structured field instead of a quote

    @property
    def ref(self) -> str:
        if self.start is None:
            return f"{self.touchpoint_id}#{self.source_field or 'record'}"
        return f"{self.touchpoint_id}:{self.start}-{self.end}"


class CitedLine(BaseModel):
    """One line for a person to read, with the citations it rests on (at least one)."""

    model_config = ConfigDict(extra="forbid")

    kind: str
    text: str
    citations: list[Citation] = Field(default_factory=list)


def cite(touchpoint: Touchpoint, start: int, end: int) -> Citation:
    """A quote of text[start:end], dated by its message when the source dates each message;
    ValueError when the span is empty or outside the text."""
    if not 0 <= start < end <= len(touchpoint.text):
        raise ValueError(f"span {start}-{end} is outside touchpoint {touchpoint.id}")
    said_at = next((s.occurred_at for s in touchpoint.segments
                    if s.start <= start < s.end and s.occurred_at is not None), None)
    return Citation(touchpoint_id=touchpoint.id, occurred_at=said_at or touchpoint.occurred_at,
                    channel=touchpoint.channel, quote=touchpoint.text[start:end],
                    start=start, end=end)


def cite_evidence(touchpoint: Touchpoint, evidence: Evidence) -> Citation | None:
    """The evidence as a citation, or None when it is ungrounded or does not resolve."""
    if not evidence.is_grounded or touchpoint.text[evidence.start:evidence.end] == "":
        return None
    return cite(touchpoint, evidence.start, evidence.end)


def cite_field(touchpoint: Touchpoint, name: str) -> Citation:
    return Citation(touchpoint_id=touchpoint.id, occurred_at=touchpoint.occurred_at,
                    channel=touchpoint.channel, source_field=name)


def sentences(touchpoint: Touchpoint, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence inside text[start:end], trimmed."""
    found: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(touchpoint.text, start, end):
        a, b = match.start(), match.end()
        while a < b and touchpoint.text[a].isspace():
            a += 1
        while b > a and touchpoint.text[b - 1].isspace():
            b -= 1
        if b > a:
            found.append((a, b))
    return found


def first_sentence(touchpoint: Touchpoint, start: int, end: int, max_chars: int = 160
                   ) -> Citation | None:
    spans = sentences(touchpoint, start, end)
    if not spans:
        return None
    a, b = spans[0]
    return cite(touchpoint, a, min(b, a + max_chars))


_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def reading_language(texts: list[str]) -> str:
    """"zh" when Chinese carries the conversation (a CJK character holds about as much as three
    Latin letters), else "en": the language generated lines and headings are written in."""
    cjk = sum(len(_CJK.findall(t)) for t in texts)
    latin = sum(len(_LATIN_LETTER.findall(t)) for t in texts)
    return "zh" if cjk * 3 >= latin and cjk > 0 else "en"
