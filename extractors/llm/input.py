"""Prepare source text for the LLM: estimate tokens, chunk, escape delimiters, flag injections.

Tokens are estimated without a tokenizer download (tiktoken's encodings are fetched from the
network on first use, which an offline install cannot do): each CJK character counts as one
token, any other text as one token per four characters — close to cl100k/o200k for English
and slightly generous for Chinese, so chunks err on the small side.

Prompt injection cannot be prevented by a detector; these patterns only flag the obvious
sentences ("ignore previous instructions", "忽略之前的指令", "mark the sentiment positive") so
that nothing citing them is shown as evidence and the result is sent for review. The real
defenses are structural: the text is delimited as data, and every item must ground in it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_TAG = re.compile(r"<\s*/?\s*transcript\s*>", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。！？\n]")

INJECTION_PATTERNS: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\b(?:ignore|disregard|forget|override)\b[^.!?\n]{0,40}"
    r"\b(?:previous|prior|above|earlier|all|your)\b[^.!?\n]{0,20}"
    r"\b(?:instructions?|prompts?|rules|guidelines)\b",
    r"\b(?:you are now|new instructions?|system prompt|developer mode)\b",
    r"\b(?:mark|set|rate|label|classify|report)\b[^.!?\n]{0,30}\bsentiment\b[^.!?\n]{0,15}"
    r"\b(?:positive|negative|neutral)\b",
    r"(?:忽略|无视|忘记|忽视|不要理会)[^。！？\n]{0,10}(?:之前|以上|前面|上面|所有|先前)"
    r"[^。！？\n]{0,10}(?:指令|指示|提示|规则|要求)",
    r"系统提示词?|你现在是",
    r"(?:情感|情绪|态度)[^。！？\n]{0,6}(?:标记|标为|标成|设为|设置为|判定为|写成)[^。！？\n]{0,4}"
    r"(?:正面|积极|负面|消极|中性)",
))


def estimate_tokens(text: str) -> int:
    """An offline token estimate: CJK characters one each, other characters four per token."""
    cjk = len(_CJK.findall(text))
    return cjk + math.ceil((len(text) - cjk) / 4)


@dataclass(frozen=True)
class Chunk:
    """A slice `text[start:end]` of the touchpoint sent to the model in one request."""

    start: int
    end: int


def chunk_text(text: str, max_tokens: int) -> list[Chunk]:
    """Split at line ends (speaker turns) into chunks of at most `max_tokens` estimated tokens.

    A single line over the budget is cut at sentence ends where possible, else hard-cut.
    """
    if max_tokens < 50:
        raise ValueError(f"chunk budget of {max_tokens} tokens is too small; use at least 50")
    pieces = _pieces(text, max_tokens)
    chunks: list[Chunk] = []
    start = end = used = 0
    for piece_start, piece_end, cost in pieces:
        if used and used + cost > max_tokens:
            chunks.append(Chunk(start, end))
            start, used = piece_start, 0
        end, used = piece_end, used + cost
    if end > start:
        chunks.append(Chunk(start, end))
    return chunks


def _pieces(text: str, max_tokens: int) -> list[tuple[int, int, int]]:
    """(start, end, tokens) for each line, with over-long lines split into sentences or cuts."""
    out: list[tuple[int, int, int]] = []
    cursor = 0
    for line in text.splitlines(keepends=True):
        line_start, cursor = cursor, cursor + len(line)
        cost = estimate_tokens(line)
        if cost <= max_tokens:
            out.append((line_start, cursor, cost))
            continue
        piece_start, cjk, other = line_start, 0, 0
        for at in range(line_start, cursor):
            if _CJK.match(text, at):
                cjk += 1
            else:
                other += 1
            tokens = cjk + math.ceil(other / 4)
            if _SENTENCE_END.match(text, at) or tokens >= max_tokens or at == cursor - 1:
                out.append((piece_start, at + 1, tokens))
                piece_start, cjk, other = at + 1, 0, 0
    return out


def escape_transcript(text: str) -> str:
    """Neutralise <transcript> tags inside the source so the data cannot close its delimiter."""
    return _TAG.sub(lambda m: m.group(0).replace("<", "&lt;").replace(">", "&gt;"), text)


def find_injections(text: str) -> list[tuple[int, int]]:
    """Spans of whole sentences that look like instructions to the model, in text order."""
    spans: set[tuple[int, int]] = set()
    for pattern in INJECTION_PATTERNS:
        for match in pattern.finditer(text):
            spans.add(_sentence_around(text, match.start(), match.end()))
    return sorted(spans)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and not _SENTENCE_END.match(text, left - 1):
        left -= 1
    right = end
    while right < len(text) and not _SENTENCE_END.match(text, right):
        right += 1
    if right < len(text) and text[right] != "\n":
        right += 1
    while left < right and text[left].isspace():
        left += 1
    return left, right
