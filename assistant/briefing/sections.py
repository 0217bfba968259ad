"""The sections of a briefing, each a list of cited lines built from stored touchpoints and
their latest insights. Plain functions of domain models: no database access here."""

from __future__ import annotations

from datetime import date, datetime

from assistant.briefing.phrases import KINDS, LABELS, STANCES, say, word
from assistant.citations import (
    Citation,
    CitedLine,
    cite,
    cite_evidence,
    cite_field,
    first_sentence,
    sentences,
)
from assistant.models import Account, Contact, Evidence, Insights, Touchpoint

History = list[tuple[Touchpoint, Insights | None]]  # newest first


def _day(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d")


def who(account: Account, contacts: list[Contact], history: History, lang: str) -> list[CitedLine]:
    lines: list[CitedLine] = []
    if history:
        value = f"{account.deal_value:,.0f}" if account.deal_value is not None else "-"
        lines.append(CitedLine(kind="account", text=say(
            lang, "account", name=account.name, stage=account.stage or "-", value=value,
            owner=account.owner or "-", tz=account.timezone or "-"),
            citations=[cite_field(history[0][0], "account")]))
    for contact in contacts:
        theirs = [tp for tp, _ in history if contact.id in tp.contact_ids]
        if not theirs:
            continue
        latest = theirs[0]
        spoken = [s for s in latest.segments if s.speaker and contact.name
                  and s.speaker.strip().lower() == contact.name.strip().lower()]
        quote = _telling_sentence(latest, spoken[-1].start, spoken[-1].end) if spoken else None
        lines.append(CitedLine(kind="contact", text=say(
            lang, "contact", name=contact.name or contact.id, title=contact.title or "-",
            tz=contact.timezone or account.timezone or "-", count=len(theirs),
            last=_day(latest.occurred_at)),
            citations=[quote or cite_field(latest, "participants")]))
    return lines


def _telling_sentence(tp: Touchpoint, start: int, end: int) -> Citation | None:
    """The longest sentence of a turn ("Ok." says little about a person)."""
    spans = sentences(tp, start, end)
    if not spans:
        return None
    a, b = max(spans, key=lambda span: span[1] - span[0])
    return cite(tp, a, min(b, a + 200))


def timeline(history: History, limit: int) -> list[CitedLine]:
    lines: list[CitedLine] = []
    for tp, insights in history[:limit]:
        cited = None
        if insights and insights.summary and insights.summary.evidence:
            cited = cite_evidence(tp, insights.summary.evidence[0])
        if cited is None:
            customer = [s for s in tp.segments if s.role == "customer"] or tp.segments
            cited = first_sentence(tp, customer[0].start, customer[0].end) if customer else \
                first_sentence(tp, 0, len(tp.text))
        if cited is None:
            continue
        head = f"{_day(tp.occurred_at)} {tp.channel}" + (f" · {tp.subject}" if tp.subject else "")
        lines.append(CitedLine(kind="timeline", text=f"{head} — {cited.quote}", citations=[cited]))
    return lines


def next_steps(history: History, today: date, lang: str, limit: int = 10
               ) -> tuple[list[CitedLine], list[CitedLine]]:
    """(open and overdue lines, overdue lines owed by us), overdue first: the `limit` most
    recently due overdue ones, then the `limit` soonest open ones (a long history holds
    hundreds, and a rep reads a page). Only the steps kept are cited (citing is the cost)."""
    steps = [(step.due is not None and step.due < today, step, tp)
             for tp, insights in history for step in (insights.next_steps if insights else [])
             if step.evidence.is_grounded]
    late = sorted((s for s in steps if s[0]), key=lambda s: s[1].due or date.min)[-limit:]
    upcoming = sorted((s for s in steps if not s[0]), key=lambda s: s[1].due or date.max)[:limit]
    lines: list[CitedLine] = []
    risks: list[CitedLine] = []
    for overdue, step, tp in late + upcoming:
        cited = cite_evidence(tp, step.evidence)
        if cited is None:
            continue
        when = say(lang, "overdue", due=step.due) if overdue else (
            say(lang, "due", due=step.due) if step.due else say(lang, "no_due"))
        lines.append(CitedLine(kind="overdue" if overdue else "open", text=say(
            lang, "owes", owner=step.owner, action=step.action) + f" — {when}",
            citations=[cited]))
        if overdue and step.owner == "rep":
            risks.append(CitedLine(kind="risk", text=say(lang, "risk_overdue", action=step.action,
                                                         due=step.due), citations=[cited]))
    return lines, list(reversed(risks))[:5]


def competitors(history: History, lang: str) -> tuple[list[CitedLine], list[CitedLine],
                                                      list[CitedLine]]:
    """(lines, talking points, risks): the latest stance of each competitor."""
    latest: dict[str, CitedLine] = {}
    points: list[CitedLine] = []
    risks: list[CitedLine] = []
    for tp, insights in history:
        for mention in insights.competitors if insights else []:
            if mention.name in latest:
                continue
            cited = cite_evidence(tp, mention.evidence)
            if cited is None:
                continue
            stance = word(STANCES, lang, mention.stance)
            day = _day(tp.occurred_at)
            latest[mention.name] = CitedLine(kind="competitor", text=say(
                lang, "competitor", name=mention.name, stance=stance, date=day), citations=[cited])
            if mention.stance in ("evaluating", "comparing", "switching_from"):
                points.append(CitedLine(kind="talking_point", text=say(
                    lang, "tp_compare", name=mention.name, stance=stance, date=day),
                    citations=[cited]))
            if mention.stance in ("switching_from", "comparing"):
                risks.append(CitedLine(kind="risk", text=say(lang, "risk_switching",
                                                             name=mention.name),
                                       citations=[cited]))
    return list(latest.values()), points, risks


def sentiment(history: History, contacts: list[Contact], lang: str
              ) -> tuple[list[CitedLine], list[CitedLine]]:
    """(a trend line per contact, oldest to newest; risks for a negative latest touchpoint)."""
    lines: list[CitedLine] = []
    risks: list[CitedLine] = []
    for contact in contacts:
        points: list[tuple[Touchpoint, str, Citation]] = []
        for tp, insights in history:  # newest first; the trend shows the latest five
            if len(points) == 5:
                break
            if contact.id not in tp.contact_ids or not insights or not insights.sentiment:
                continue
            by = insights.sentiment.by_speaker.get(contact.name or "")
            label = by.label if by else insights.sentiment.label
            cited = next((c for c in (cite_evidence(tp, e) for e in insights.sentiment.evidence)
                          if c), None)
            if cited is not None:
                points.append((tp, label, cited))
        points.reverse()
        if not points:
            continue
        trend = " → ".join(f"{word(LABELS, lang, label)} ({tp.occurred_at:%m-%d})"
                           for tp, label, _ in points[-5:])
        lines.append(CitedLine(kind="sentiment", text=f"{contact.name or contact.id}: {trend}",
                               citations=[c for _, _, c in points[-5:]]))
        if points[-1][1] in ("negative", "mixed"):
            risks.append(CitedLine(kind="risk", text=say(
                lang, "risk_sentiment", name=contact.name or contact.id,
                label=word(LABELS, lang, points[-1][1])), citations=[points[-1][2]]))
    return lines, risks


def talking_points(history: History, lang: str, limit: int = 3) -> list[CitedLine]:
    """Objections to address, buying signals to confirm, questions to answer (newest first)."""
    points: list[CitedLine] = []
    for tp, insights in history:
        if insights is None:
            continue
        candidates: list[tuple[str, str, str, Evidence]] = [
            ("tp_objection", o.kind, o.text, o.evidence) for o in insights.objections]
        candidates += [("tp_signal", b.kind, b.text, b.evidence) for b in insights.buying_signals]
        candidates += [("tp_question", "", q.text, q.evidence) for q in insights.questions
                       if q.asked_by == "customer"]
        for key, kind, text, evidence in candidates:
            if sum(p.kind == key for p in points) >= limit:
                continue
            cited = cite_evidence(tp, evidence)
            if cited is not None:
                points.append(CitedLine(kind=key, text=say(lang, key, kind=word(KINDS, lang, kind),
                                                           text=text), citations=[cited]))
    return points
