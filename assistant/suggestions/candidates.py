"""A candidate follow-up, before value and timing: what a rule found and the evidence for it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from assistant.models import Citation, Event, Evidence, Touchpoint
from assistant.storage.repository import TouchpointStamp


@dataclass
class Candidate:
    rule_id: str
    account_id: str
    contact_id: str | None
    action: str
    subject_key: str  # with rule_id, what makes the suggestion's id stable across runs
    reason: str  # one sentence: what happened and which threshold it crossed
    reason_codes: list[str]
    last_signal_at: datetime
    citations: list[Citation] = field(default_factory=list)
    channels: tuple[str, ...] = ("email", "call", "chat")  # allowed, in no particular order
    contacts_customer: bool = True  # False for internal actions (assign a ticket)
    time_critical: bool = False
    due_by: datetime | None = None
    overdue_days: float = 0.0
    is_recovery: bool = False  # allowed inside the quiet period after a bad touchpoint



def cite_touchpoint(stamp: TouchpointStamp | Touchpoint) -> Citation:
    when = stamp.occurred_at
    label = f"{stamp.channel} {stamp.direction} {when:%Y-%m-%d %H:%M %z}"
    if stamp.subject:
        label += f" “{stamp.subject}”"
    return Citation(kind="touchpoint", label=label, occurred_at=when, touchpoint_id=stamp.id)


def cite_quote(touchpoint_id: str, evidence: Evidence, label: str,
               occurred_at: datetime | None = None) -> Citation | None:
    """A quote citation, or None for ungrounded evidence (never shown as fact)."""
    if not evidence.is_grounded:
        return None
    return Citation(kind="quote", label=label, occurred_at=occurred_at,
                    touchpoint_id=touchpoint_id, evidence=evidence)


def cite_event(event: Event) -> Citation:
    detail = event.properties.get("url") or event.properties.get("form") or \
        event.properties.get("plan") or ""
    label = f"{event.kind} {event.occurred_at:%Y-%m-%d %H:%M %z}" + (f" {detail}" if detail else "")
    return Citation(kind="event", label=label, occurred_at=event.occurred_at, event_id=event.id)


def evidence_ref(citation: Citation) -> str:
    """`touchpoint_id:start-end` for quotes, `touchpoint_id` or `event:<id>` otherwise."""
    if citation.kind == "quote" and citation.evidence is not None:
        return f"{citation.touchpoint_id}:{citation.evidence.start}-{citation.evidence.end}"
    if citation.kind == "event":
        return f"event:{citation.event_id}"
    return str(citation.touchpoint_id)


def compact(citations: Sequence[Citation | None]) -> list[Citation]:
    return [c for c in citations if c is not None]
