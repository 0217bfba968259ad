"""Merge grounded results: LLM chunks into one Insights, and LLM items on top of the rules'.

Two items are the same when they share a key (a competitor's canonical name, a next step's
normalized action) or when their evidence overlaps in the source; the first one seen wins, so
in the hybrid the rules' items (deterministic, exact offsets) are kept and the LLM only adds.
Sentiment across chunks is the evidence-weighted mean score; opposite labels make it `mixed`,
and each chunk becomes one point of the trajectory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from assistant.models import (
    Evidence,
    Insights,
    Provenance,
    Sentiment,
    SentimentLabel,
    SentimentPoint,
    Summary,
    TicketFields,
)
from extractors.llm.schema import GroundedAnswer

T = TypeVar("T")
LIST_FIELDS: tuple[str, ...] = ("competitors", "next_steps", "pain_points", "objections",
                                "buying_signals", "questions")
_KEYS: dict[str, Callable[[Any], str]] = {
    "competitors": lambda c: c.name.casefold(),
    "next_steps": lambda n: " ".join(n.action.casefold().split()),
    "pain_points": lambda p: " ".join(p.text.casefold().split()),
    "objections": lambda o: f"{o.kind}:{' '.join(o.text.casefold().split())}",
    "buying_signals": lambda b: f"{b.kind}:{' '.join(b.text.casefold().split())}",
    "questions": lambda q: " ".join(q.text.casefold().split()),
}


def _overlaps(a: Evidence, b: Evidence) -> bool:
    return a.start < b.end and b.start < a.end


def deduplicate(field_name: str, entries: Iterable[T]) -> list[T]:
    """Keep the first of each group of same-key or overlapping-evidence entries, in order."""
    key_of = _KEYS[field_name]
    kept: list[T] = []
    seen: set[str] = set()
    for entry in entries:
        key = key_of(entry)
        evidence: Evidence = entry.evidence  # type: ignore[attr-defined]
        if key in seen or any(_overlaps(evidence, k.evidence) for k in kept):  # type: ignore[attr-defined]
            continue
        seen.add(key)
        kept.append(entry)
    return kept


def label_for(score: float) -> SentimentLabel:
    if score >= 0.2:
        return "positive"
    if score <= -0.2:
        return "negative"
    return "neutral"


def merge_sentiment(parts: list[Sentiment]) -> Sentiment | None:
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    weights = [max(len(p.evidence), 1) for p in parts]
    score = sum(p.score * w for p, w in zip(parts, weights, strict=True)) / sum(weights)
    labels = {p.label for p in parts}
    label: SentimentLabel = "mixed" if {"positive", "negative"} <= labels or "mixed" in labels \
        else label_for(score)
    trajectory = [SentimentPoint(segment_index=p.evidence[0].segment_index if p.evidence else None,
                                 label=p.label, score=p.score) for p in parts]
    return Sentiment(label=label, score=round(score, 3), trajectory=trajectory,
                     evidence=[e for p in parts for e in p.evidence])


def merge_summaries(parts: list[Summary]) -> Summary | None:
    if not parts:
        return None
    return Summary(text=" ".join(p.text.strip() for p in parts),
                   evidence=[e for p in parts for e in p.evidence])


def merge_tickets(parts: Iterable[TicketFields | None]) -> TicketFields | None:
    values: dict[str, Any] = {}
    for part in parts:
        if part is None:
            continue
        for name in ("issue", "product", "severity", "status"):
            if name not in values and getattr(part, name) is not None:
                values[name] = getattr(part, name)
    return TicketFields(**values) if values else None


def merge_answers(grounded: list[GroundedAnswer], *, touchpoint_id: str,
                  provenance: Provenance) -> Insights:
    """One Insights from the grounded answers of a touchpoint's chunks, in text order."""
    lists = {name: deduplicate(name, (e for g in grounded for e in getattr(g, name)))
             for name in LIST_FIELDS}
    return Insights(
        touchpoint_id=touchpoint_id,
        summary=merge_summaries([g.summary for g in grounded if g.summary is not None]),
        sentiment=merge_sentiment([g.sentiment for g in grounded if g.sentiment is not None]),
        ticket=merge_tickets(g.ticket for g in grounded),
        provenance=provenance,
        **lists,
    )


def add_missing(base: Insights, extra: Insights, *, provenance: Provenance) -> Insights:
    """`base` plus the items of `extra` it lacks; base's summary, sentiment and ticket win."""
    lists = {name: deduplicate(name, [*getattr(base, name), *getattr(extra, name)])
             for name in LIST_FIELDS}
    ticket = merge_tickets([base.ticket, extra.ticket])
    return Insights(
        touchpoint_id=base.touchpoint_id,
        summary=base.summary or extra.summary,
        sentiment=base.sentiment or extra.sentiment,
        ticket=ticket,
        provenance=provenance,
        created_at=base.created_at,
        **lists,
    )
