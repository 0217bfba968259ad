"""Locate every extracted quote in the source text, or mark it ungrounded.

Alignment runs exact, then normalized (Unicode NFKC so full-width punctuation and letters match
their half-width forms, case folded, whitespace collapsed), then fuzzy (rapidfuzz's partial-ratio
alignment, character level, so Chinese aligns without word segmentation) above a named threshold.
Normalized and fuzzy matches are mapped back to offsets in the original text through a per
character index, so `text[start:end]` is always a real slice of the source.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from assistant.models import AlignmentStatus, Evidence, Touchpoint

DEFAULT_FUZZY_THRESHOLD = 0.85
MIN_FUZZY_THRESHOLD, MAX_FUZZY_THRESHOLD = 0.5, 1.0
FUZZY_WINDOW_CHARS = 4000  # fuzzy search scans windows of this size, overlapping by the quote
DEFAULT_TIME_BUDGET_S = 0.5
_PUNCT_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "。": ".",
                             "、": ",", "～": "~", "…": "..."})


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    status: AlignmentStatus


def _normalize(text: str) -> tuple[str, list[int]]:
    """Normalized text plus, for each of its characters, the index of the source character."""
    out: list[str] = []
    index: list[int] = []
    previous_space = True
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch).translate(_PUNCT_FOLD).casefold()
        for piece in folded:
            if piece.isspace():
                if previous_space:
                    continue
                piece = " "
                previous_space = True
            else:
                previous_space = False
            out.append(piece)
            index.append(i)
    while out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


def _source_span(index: list[int], n_start: int, n_end: int, text: str) -> tuple[int, int]:
    start = index[n_start]
    end = index[n_end - 1] + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return start, end


def locate(
    quote: str,
    text: str,
    *,
    fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD,
    time_budget_s: float = DEFAULT_TIME_BUDGET_S,
) -> Span | None:
    """Find `quote` in `text`; None when no match reaches `fuzzy_threshold` within the budget."""
    if not MIN_FUZZY_THRESHOLD <= fuzzy_threshold <= MAX_FUZZY_THRESHOLD:
        raise ValueError(f"fuzzy_threshold must be in [{MIN_FUZZY_THRESHOLD}, {MAX_FUZZY_THRESHOLD}]")
    quote = quote.strip()
    if not quote or not text:
        return None
    at = text.find(quote)
    if at >= 0:
        return Span(at, at + len(quote), "exact")

    norm_text, index = _normalize(text)
    norm_quote, _ = _normalize(quote)
    if not norm_quote:
        return None
    at = norm_text.find(norm_quote)
    if at >= 0:
        start, end = _source_span(index, at, at + len(norm_quote), text)
        return Span(start, end, "normalized")

    return _fuzzy(norm_quote, norm_text, index, text, fuzzy_threshold, time_budget_s)


def _fuzzy(
    norm_quote: str, norm_text: str, index: list[int], text: str, threshold: float, budget_s: float
) -> Span | None:
    deadline = time.monotonic() + budget_s
    best: tuple[float, int, int] | None = None
    step = max(FUZZY_WINDOW_CHARS - len(norm_quote), 1)
    for offset in range(0, max(len(norm_text) - len(norm_quote), 0) + 1, step):
        window = norm_text[offset : offset + FUZZY_WINDOW_CHARS + len(norm_quote)]
        result = fuzz.partial_ratio_alignment(norm_quote, window, score_cutoff=threshold * 100)
        if result is not None and (best is None or result.score > best[0]):
            best = (result.score, offset + result.dest_start, offset + result.dest_end)
        if time.monotonic() > deadline:
            break
    if best is None or best[2] <= best[1]:
        return None
    start, end = _source_span(index, best[1], best[2], text)
    return Span(start, end, "fuzzy")


def segment_at(touchpoint: Touchpoint, offset: int) -> int | None:
    for i, seg in enumerate(touchpoint.segments):
        if seg.start <= offset < seg.end:
            return i
    return None


def ground(
    quote: str,
    touchpoint: Touchpoint,
    *,
    fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD,
    time_budget_s: float = DEFAULT_TIME_BUDGET_S,
) -> Evidence:
    """Evidence for `quote` in `touchpoint.text`, with segment and audio time; may be ungrounded."""
    span = locate(quote, touchpoint.text, fuzzy_threshold=fuzzy_threshold, time_budget_s=time_budget_s)
    if span is None:
        return Evidence(quote=quote, start=0, end=0, status="ungrounded")
    return evidence_for_span(touchpoint, span.start, span.end, status=span.status)


def evidence_for_span(
    touchpoint: Touchpoint, start: int, end: int, *, status: AlignmentStatus = "exact"
) -> Evidence:
    """Evidence for a known slice of the text (rules extractors know their match offsets)."""
    if not 0 <= start < end <= len(touchpoint.text):
        raise ValueError(f"span [{start}:{end}] is outside the text of {touchpoint.id}")
    seg_index = segment_at(touchpoint, start)
    audio_start = audio_end = None
    if seg_index is not None:
        seg = touchpoint.segments[seg_index]
        audio_start, audio_end = seg.start_s, seg.end_s
    return Evidence(
        quote=touchpoint.text[start:end],
        start=start,
        end=end,
        segment_index=seg_index,
        audio_start_s=audio_start,
        audio_end_s=audio_end,
        status=status,
    )


def is_verified(evidence: Evidence, text: str) -> bool:
    """True when the evidence's offsets really hold its quote (exactly, or as aligned)."""
    if evidence.status == "ungrounded":
        return False
    if not 0 <= evidence.start < evidence.end <= len(text):
        return False
    return text[evidence.start : evidence.end] == evidence.quote
