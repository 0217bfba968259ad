"""Sentences with offsets, speaker and role: the unit every rule looks at.

Touchpoints from the parsers carry segments (speaker turns, messages). Text that arrives without
segments (an eval item, an API payload) is split into turns from "Speaker: text" lines, with roles
guessed from common labels (Rep, Agent, Customer, 销售, 客服, 客户).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models import Role, Touchpoint

_SPLIT = re.compile(r"[^。！？!?；;\n]+?(?:[。！？!?；;]+|\.(?=\s|$)|(?=\n)|$)", re.S)
_LABEL = re.compile(r"^\s*(?P<speaker>[^:：\n]{1,30}?)\s*[:：]\s*(?=\S)", re.M)
_REP_LABELS = re.compile(r"^(rep|sales|salesperson|sales rep|ae|account executive|seller|vendor|"
                         r"销售|销售代表|顾问|客户经理|我方|我司)\b", re.I)
_AGENT_LABELS = re.compile(r"^(agent|support|support agent|客服|坐席|技术支持)\b", re.I)
_CUSTOMER_LABELS = re.compile(r"^(customer|client|prospect|buyer|caller|user|客户|买方|用户|来电)\b",
                              re.I)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    role: Role
    speaker: str | None
    segment_index: int | None


def role_from_label(label: str) -> Role:
    if _REP_LABELS.match(label):
        return "rep"
    if _AGENT_LABELS.match(label):
        return "agent"
    if _CUSTOMER_LABELS.match(label):
        return "customer"
    return "unknown"


def _turns(touchpoint: Touchpoint) -> list[tuple[int, int, Role, str | None, int | None]]:
    if touchpoint.segments:
        return [(s.start, s.end, s.role, s.speaker, i) for i, s in enumerate(touchpoint.segments)]
    text = touchpoint.text
    labels = list(_LABEL.finditer(text))
    line_starts = sum(1 for _ in re.finditer(r"^\s*\S", text, re.M))
    if not labels or len(labels) < max(2, line_starts // 2):
        role: Role = "rep" if touchpoint.direction == "outbound" else "customer"
        if touchpoint.channel in ("call", "meeting", "chat"):
            role = "unknown"
        return [(0, len(text), role, None, None)]
    turns: list[tuple[int, int, Role, str | None, int | None]] = []
    for i, match in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        speaker = match.group("speaker").strip()
        turns.append((match.end(), end, role_from_label(speaker), speaker, None))
    if labels[0].start() > 0 and text[: labels[0].start()].strip():
        turns.insert(0, (0, labels[0].start(), "unknown", None, None))
    return turns


def split_sentences(touchpoint: Touchpoint) -> list[Sentence]:
    """Every non-empty sentence, in order, with exact offsets into touchpoint.text."""
    text = touchpoint.text
    sentences: list[Sentence] = []
    for start, end, role, speaker, index in _turns(touchpoint):
        for match in _SPLIT.finditer(text, start, end):
            raw = match.group(0)
            stripped = raw.strip()
            if not stripped or not re.search(r"\w", stripped):
                continue
            offset = match.start() + (len(raw) - len(raw.lstrip()))
            sentences.append(Sentence(stripped, offset, offset + len(stripped), role, speaker, index))
    return sentences
