"""Ticket summaries for the service team: what the issue is, where it stands, what is owed.

`summarize_ticket(db, tenant_id=..., ticket_id=...)` is extractive and cited without an LLM:
every line quotes the ticket (or names the export field it comes from). A ticket exported again
after a new comment is a new touchpoint version (see assistant/ingest/ticket.py); the summary
reads the newest version and lists the count. Chat and email support conversations can be
summarised by touchpoint id the same way.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from assistant.citations import (
    CitedLine,
    cite,
    cite_evidence,
    cite_field,
    first_sentence,
    reading_language,
    sentences,
)
from assistant.errors import NotFoundError
from assistant.models import Insights, Touchpoint
from assistant.storage import repository
from assistant.storage.db import Database
from assistant.ticket_checks import (
    Escalation,
    SlaCheck,
    SlaPolicy,
    check_sla,
    data_quality_flags,
    find_escalation,
)

_CLOSED = {"solved", "closed", "resolved", "已解决", "已关闭"}
_IMPACT = re.compile(r"cannot|can't|unable|blocked|urgent|not acceptable|month-end|close the month"
                     r"|deadline|every (day|morning)|无法|不能|影响|很急|紧急|一直|卡顿|失败|演示",
                     re.IGNORECASE)
_TRIED = re.compile(r"tried|restart|reset|correct|fixed|re-?register|workaround|clear|updated|"
                    r"looking into|已修复|修复|尝试|重启|已同步|重新|清除|更新|排查", re.IGNORECASE)
_LABELS = {
    "en": {"issue": "Issue", "status": "Status", "severity": "Severity", "product": "Product",
           "impact": "Customer impact", "tried": "What was tried", "asked": "What the customer asked",
           "promised": "What was promised", "next": "Next action", "sentiment": "Sentiment",
           "timeline": "Timeline", "sla": "SLA", "escalation": "Escalation",
           "quality": "Data quality", "reply": "reply to the customer's last message",
           "owner": "owner", "priority": "Priority"},
    "zh": {"issue": "问题", "status": "状态", "severity": "严重程度", "product": "产品",
           "impact": "客户影响", "tried": "已尝试", "asked": "客户诉求", "promised": "已承诺",
           "next": "下一步", "sentiment": "情绪", "timeline": "时间线", "sla": "SLA",
           "escalation": "升级", "quality": "数据质量", "reply": "回复客户的最新消息",
           "owner": "负责人", "priority": "优先级"},
}


class TicketOverview(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ticket_id: str
    touchpoint_id: str
    account_id: str | None
    subject: str | None
    status: str | None
    priority: str | None
    opened_at: datetime
    last_activity_at: datetime
    versions: int


class TicketSummary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ticket_id: str
    touchpoint_id: str
    account_id: str | None
    subject: str | None
    language: str
    versions: int
    as_of: datetime
    issue: CitedLine | None = None
    fields: list[CitedLine] = Field(default_factory=list)  # status, severity, product
    impact: list[CitedLine] = Field(default_factory=list)
    tried: list[CitedLine] = Field(default_factory=list)
    asked: list[CitedLine] = Field(default_factory=list)
    promised: list[CitedLine] = Field(default_factory=list)
    next_action: CitedLine | None = None
    sentiment: CitedLine | None = None
    timeline: list[CitedLine] = Field(default_factory=list)
    sla: list[SlaCheck] = Field(default_factory=list)
    escalation: Escalation | None = None
    data_quality: list[str] = Field(default_factory=list)

    @property
    def labels(self) -> dict[str, str]:
        return _LABELS["zh" if self.language == "zh" else "en"]


def _last_activity(touchpoint: Touchpoint) -> datetime:
    times = [s.occurred_at for s in touchpoint.segments if s.occurred_at is not None]
    return max(times, default=touchpoint.occurred_at)


def _newest_first(versions: list[Touchpoint]) -> list[Touchpoint]:
    return sorted(versions, key=lambda tp: (_last_activity(tp), len(tp.segments)), reverse=True)


def _versions(db: Database, tenant_id: str, account_id: str | None = None
              ) -> dict[str, list[Touchpoint]]:
    with db.session() as session:
        found = repository.list_touchpoints(session, tenant_id=tenant_id, channel="ticket",
                                            account_id=account_id, limit=1_000_000)
    grouped: dict[str, list[Touchpoint]] = {}
    for tp in found:
        grouped.setdefault(tp.ticket_id or tp.id, []).append(tp)
    return {ticket: _newest_first(versions) for ticket, versions in grouped.items()}


def list_tickets(db: Database, *, tenant_id: str, account_id: str | None = None,
                 open_only: bool = False) -> list[TicketOverview]:
    """One line per ticket (its newest version), most recent activity first."""
    overviews = []
    for ticket_id, versions in _versions(db, tenant_id, account_id).items():
        tp = versions[0]
        status = tp.metadata.get("status")
        if open_only and str(status or "").lower() in _CLOSED:
            continue
        overviews.append(TicketOverview(
            ticket_id=ticket_id, touchpoint_id=tp.id, account_id=tp.account_id,
            subject=tp.subject, status=status, priority=tp.metadata.get("priority"),
            opened_at=tp.occurred_at, last_activity_at=_last_activity(tp),
            versions=len(versions)))
    return sorted(overviews, key=lambda o: o.last_activity_at, reverse=True)


def is_open(touchpoint: Touchpoint, insights: Insights | None) -> bool:
    status = str(touchpoint.metadata.get("status") or "").lower()
    if insights and insights.ticket and insights.ticket.status:
        status = insights.ticket.status.value.lower() if status in ("", "open") and \
            insights.ticket.status.value.lower() in _CLOSED else status
    return status not in _CLOSED


def _find(db: Database, tenant_id: str, ticket_id: str) -> tuple[Touchpoint, int]:
    """The newest version of a ticket (by ticket id, else a touchpoint id) and how many there are;
    only that ticket's rows are read."""
    with db.session() as session:
        versions = repository.list_ticket_versions(session, tenant_id=tenant_id,
                                                   ticket_id=ticket_id)
        if versions:
            return _newest_first(versions)[0], len(versions)
        if repository.touchpoint_exists(session, tenant_id=tenant_id, touchpoint_id=ticket_id):
            return repository.get_touchpoint(session, tenant_id=tenant_id,
                                             touchpoint_id=ticket_id), 1
    known = ", ".join(sorted(_versions(db, tenant_id))[:10]) or "none stored"
    raise NotFoundError(f"no ticket {ticket_id!r} in tenant {tenant_id!r} (known tickets: "
                        f"{known}); list them with `touchpoint tickets list`")


def _sentence_lines(tp: Touchpoint, kind: str, roles: tuple[str, ...], pattern: re.Pattern[str],
                    limit: int = 4) -> list[CitedLine]:
    lines: list[CitedLine] = []
    for segment in tp.segments:
        if segment.role not in roles:
            continue
        for a, b in sentences(tp, segment.start, segment.end):
            if pattern.search(tp.text[a:b]) and len(lines) < limit:
                lines.append(CitedLine(kind=kind, text=f"{segment.speaker or segment.role}: "
                                       f"{tp.text[a:b]}", citations=[cite(tp, a, b)]))
    return lines


def summarize_ticket(db: Database, *, tenant_id: str, ticket_id: str,
                     policy: SlaPolicy | None = None, now: datetime | None = None,
                     retrieval: object | None = None) -> TicketSummary:
    """A cited summary of one ticket (by ticket id or touchpoint id) as of `now`.

    `retrieval` (vector_index RetrievalOptions) enables the escalation check.
    """
    policy = policy or SlaPolicy()
    now = now or datetime.now(UTC)
    tp, versions = _find(db, tenant_id, ticket_id)
    with db.session() as session:
        insights = repository.latest_insights(session, tenant_id=tenant_id, touchpoint_id=tp.id)
    language = reading_language([tp.text])
    labels = _LABELS[language]
    summary = TicketSummary(ticket_id=tp.ticket_id or tp.id, touchpoint_id=tp.id,
                            account_id=tp.account_id, subject=tp.subject, language=language,
                            versions=versions, as_of=now)
    customer = [s for s in tp.segments if s.role in ("customer", "unknown")]
    opening = first_sentence(tp, customer[0].start, customer[0].end) if customer else None
    if opening is not None:
        summary.issue = CitedLine(kind="issue", text=(f"{tp.subject}: " if tp.subject else "")
                                  + (opening.quote or ""), citations=[opening])
    for name in ("status", "priority", "product"):
        value = tp.metadata.get(name)
        field = getattr(insights.ticket, "severity" if name == "priority" else name, None) \
            if insights and insights.ticket else None
        cited = cite_evidence(tp, field.evidence) if field is not None else None
        if value:
            summary.fields.append(CitedLine(kind=name, text=f"{labels[name]}: {value}",
                                            citations=[cite_field(tp, name)]))
        elif field is not None and cited is not None:
            summary.fields.append(CitedLine(kind=name, text=f"{labels[name]}: {field.value}",
                                            citations=[cited]))
    summary.impact = _sentence_lines(tp, "impact", ("customer", "unknown"), _IMPACT)
    summary.tried = _sentence_lines(tp, "tried", ("agent", "rep"), _TRIED)
    if insights is not None:
        _add_asks_and_promises(tp, insights, summary)
    summary.next_action = _next_action(tp, summary, labels)
    if insights and insights.sentiment and insights.sentiment.trajectory:
        labels_seen = [p.label for p in insights.sentiment.trajectory]
        trend = " → ".join(dict.fromkeys(labels_seen)) if len(set(labels_seen)) > 1 \
            else labels_seen[0]
        quotes = [c for c in (cite_evidence(tp, e) for e in insights.sentiment.evidence) if c]
        if quotes:
            summary.sentiment = CitedLine(kind="sentiment", text=f"{labels['sentiment']}: {trend}",
                                          citations=quotes[:2])
    for segment in tp.segments:
        cited_sentence = first_sentence(tp, segment.start, segment.end)
        if cited_sentence is not None:
            when = f"{segment.occurred_at:%Y-%m-%d %H:%M} " if segment.occurred_at else ""
            summary.timeline.append(CitedLine(
                kind="timeline", text=f"{when}{segment.speaker or '?'} ({segment.role}): "
                f"{cited_sentence.quote}", citations=[cited_sentence]))
    summary.sla = check_sla(tp, policy, now=now)
    summary.data_quality = data_quality_flags(tp)
    if retrieval is not None and summary.issue is not None:
        others = frozenset(v.id for v in _versions(db, tenant_id).get(tp.ticket_id or "", [])
                           ) - {tp.id}
        summary.escalation = find_escalation(db, tp, summary.issue.citations[0], policy,
                                             retrieval, same_ticket=others)
    return summary


def _add_asks_and_promises(tp: Touchpoint, insights: Insights, summary: TicketSummary) -> None:
    roles = {i: s.role for i, s in enumerate(tp.segments)}
    for question in insights.questions:
        cited = cite_evidence(tp, question.evidence)
        if cited and question.asked_by == "customer":
            summary.asked.append(CitedLine(kind="asked", text=question.text, citations=[cited]))
    for step in insights.next_steps:
        cited = cite_evidence(tp, step.evidence)
        if cited is None:
            continue
        said_by = roles.get(step.evidence.segment_index if step.evidence.segment_index
                            is not None else -1)
        due = f" (due {step.due.isoformat()})" if step.due else ""
        line = CitedLine(kind="next_step", text=f"{step.action} — {step.owner}{due}",
                         citations=[cited])
        if said_by in ("customer", "unknown") and step.owner in ("rep", "agent"):
            summary.asked.append(line.model_copy(update={"kind": "asked"}))
        elif said_by in ("agent", "rep") and step.owner in ("rep", "agent"):
            summary.promised.append(line.model_copy(update={"kind": "promised"}))


def _next_action(tp: Touchpoint, summary: TicketSummary, labels: dict[str, str]
                 ) -> CitedLine | None:
    status = str(tp.metadata.get("status") or "").lower()
    if status in _CLOSED or not tp.segments:
        return None
    last = tp.segments[-1]
    if last.role in ("customer", "unknown"):
        cited = first_sentence(tp, last.start, last.end)
        owner = (tp.metadata.get("assignee") or {}).get("name") or "agent"
        if cited is not None:
            return CitedLine(kind="next_action", text=f"{labels['reply']} — {labels['owner']} "
                             f"{owner}", citations=[cited])
    if summary.promised:
        return summary.promised[-1].model_copy(update={"kind": "next_action"})
    return None
