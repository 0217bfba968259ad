"""Candidate rules over conversations: unanswered inquiries, unassigned tickets, negative
sentiment, competitors under evaluation, next steps due, and issues raised again and again.

Each rule is a plain function of (history, its settings, now) returning candidates with the
touchpoints and grounded quotes behind them. Thresholds and on/off come from the tenant policy.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from rapidfuzz import fuzz

from assistant.models import Evidence, Touchpoint
from assistant.storage.repository import TouchpointStamp
from assistant.suggestions.candidates import (
    Candidate,
    cite_event,
    cite_quote,
    cite_touchpoint,
    compact,
)
from assistant.suggestions.history import History
from assistant.suggestions.policy import (
    CompetitorRule,
    CustomerStepRule,
    InquiryRule,
    NextStepRule,
    RepeatedIssueRule,
    SentimentRule,
    TicketRule,
)

_OUR_SIDE = ("rep", "agent")


def _contact(stamp: TouchpointStamp | Touchpoint) -> str | None:
    return stamp.contact_ids[0] if stamp.contact_ids else None


def _answered_after(history: History, account_id: str | None, moment: datetime) -> bool:
    if account_id is None:
        return False
    return any(s.direction == "outbound" and s.occurred_at > moment
               for s in history.stamps_by_account.get(account_id, []))


def _age(now: datetime, moment: datetime) -> str:
    minutes = int((now - moment).total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60} min"
    return f"{minutes // 1440} days"


def inquiry_unanswered(history: History, rule: InquiryRule, now: datetime) -> list[Candidate]:
    """A customer's last message in an online chat has had no answer for `after_minutes`."""
    found: list[Candidate] = []
    for tp in history.recent.values():
        if tp.channel not in rule.channels or not tp.account_id:
            continue
        last_customer = None
        for index, segment in enumerate(tp.segments):
            if segment.role in _OUR_SIDE:
                last_customer = None
            elif segment.role == "customer" or last_customer is None:
                last_customer = (index, segment)
        if last_customer is None:
            continue
        index, segment = last_customer
        asked_at = segment.occurred_at or tp.occurred_at
        waited = now - asked_at
        if (waited < timedelta(minutes=rule.after_minutes) or waited > timedelta(
                hours=rule.max_age_hours) or _answered_after(history, tp.account_id, asked_at)):
            continue
        quote = Evidence(quote=segment.text, start=segment.start, end=segment.end,
                         segment_index=index)
        who = segment.speaker or "the customer"
        found.append(Candidate(
            rule_id="inquiry_unanswered", account_id=tp.account_id, contact_id=_contact(tp),
            action=f"Reply to {who}'s {tp.channel} inquiry now",
            subject_key=f"{tp.id}:{index}",
            reason=f"{who} wrote in {tp.channel} {_age(now, asked_at)} ago and nobody answered "
                   f"(threshold {rule.after_minutes:g} min)",
            reason_codes=["inquiry_unanswered", f"waiting_{int(waited.total_seconds() // 60)}m"],
            last_signal_at=asked_at, channels=(tp.channel,), time_critical=True,
            due_by=asked_at + timedelta(minutes=rule.after_minutes),
            citations=compact([cite_touchpoint(tp),
                               cite_quote(tp.id, quote, "last customer message", asked_at)])))
    for event in history.events:
        if event.kind not in rule.event_kinds or not event.account_id:
            continue
        waited = now - event.occurred_at
        if (waited < timedelta(minutes=rule.after_minutes) or waited > timedelta(
                hours=rule.max_age_hours) or _answered_after(history, event.account_id,
                                                              event.occurred_at)):
            continue
        found.append(Candidate(
            rule_id="inquiry_unanswered", account_id=event.account_id,
            contact_id=event.contact_id, action="Answer the inquiry submitted on the website now",
            subject_key=f"event:{event.id}",
            reason=f"an inquiry came in {_age(now, event.occurred_at)} ago with no answer "
                   f"(threshold {rule.after_minutes:g} min)",
            reason_codes=["inquiry_unanswered"], last_signal_at=event.occurred_at,
            channels=("email",), time_critical=True,
            due_by=event.occurred_at + timedelta(minutes=rule.after_minutes),
            citations=[cite_event(event)]))
    return found


def _newest_ticket_versions(history: History) -> list[Touchpoint]:
    newest: dict[str, Touchpoint] = {}
    for tp in history.recent.values():
        if tp.channel != "ticket" or not tp.ticket_id:
            continue
        current = newest.get(tp.ticket_id)
        if current is None or len(tp.segments) >= len(current.segments):
            newest[tp.ticket_id] = tp
    return list(newest.values())


def ticket_unassigned(history: History, rule: TicketRule, now: datetime) -> list[Candidate]:
    """An open ticket nobody on our side has taken or answered after `after_hours`."""
    found: list[Candidate] = []
    for tp in _newest_ticket_versions(history):
        status = str(tp.metadata.get("status") or "new").lower()
        if (tp.metadata.get("assignee") or status in rule.closed_statuses or not tp.account_id
                or any(s.role in _OUR_SIDE for s in tp.segments)):
            continue
        waited = now - tp.occurred_at
        if waited < timedelta(hours=rule.after_hours):
            continue
        quote = tp.segments[0] if tp.segments else None
        citations = [cite_touchpoint(tp)]
        if quote is not None:
            citations += compact([cite_quote(tp.id, Evidence(
                quote=quote.text, start=quote.start, end=quote.end, segment_index=0),
                "the request", tp.occurred_at)])
        found.append(Candidate(
            rule_id="ticket_unassigned", account_id=tp.account_id, contact_id=_contact(tp),
            action=f"Assign ticket #{tp.ticket_id} ({tp.subject or 'no subject'}) to an agent",
            subject_key=f"ticket:{tp.ticket_id}",
            reason=f"ticket #{tp.ticket_id} has been unassigned and unanswered for "
                   f"{_age(now, tp.occurred_at)} (threshold {rule.after_hours:g} h)",
            reason_codes=["ticket_unassigned", f"priority_{tp.metadata.get('priority', 'none')}"],
            last_signal_at=tp.occurred_at, channels=("ticket",), contacts_customer=False,
            time_critical=True, due_by=tp.occurred_at + timedelta(hours=rule.after_hours),
            citations=citations))
    return found


def negative_sentiment(history: History, rule: SentimentRule, now: datetime) -> list[Candidate]:
    """A customer was unhappy: recover within `recover_within_hours`, unless we already did."""
    found: list[Candidate] = []
    since = now - timedelta(days=rule.lookback_days)
    for tp_id, insights in history.insights.items():
        stamp = history.stamp_by_id.get(tp_id)
        sentiment = insights.sentiment
        if (stamp is None or stamp.account_id is None or sentiment is None
                or stamp.occurred_at < since):
            continue
        if sentiment.label != "negative" and sentiment.score > rule.max_score:
            continue
        if any(s.direction == "outbound" and s.occurred_at > stamp.occurred_at
               for s in history.stamps_by_account.get(stamp.account_id, [])):
            continue  # somebody already went back to them
        due = stamp.occurred_at + timedelta(hours=rule.recover_within_hours)
        found.append(Candidate(
            rule_id="negative_sentiment", account_id=stamp.account_id,
            contact_id=_contact(stamp), action="Service recovery: call to acknowledge the "
                                               "problem and agree a fix",
            subject_key=tp_id,
            reason=f"the customer's sentiment was {sentiment.label} ({sentiment.score:+.2f}) "
                   f"{_age(now, stamp.occurred_at)} ago; recover within "
                   f"{rule.recover_within_hours:g} h",
            reason_codes=["negative_sentiment", "recovery_overdue" if now > due else
                          "recovery_window"],
            last_signal_at=stamp.occurred_at, channels=("call", "email", "chat"), due_by=due,
            overdue_days=max(0.0, (now - due).total_seconds() / 86400), is_recovery=True,
            citations=compact([cite_touchpoint(stamp)] + [
                cite_quote(tp_id, e, "negative", stamp.occurred_at)
                for e in sentiment.evidence[:2]])))
    return found


def competitor_evaluating(history: History, rule: CompetitorRule, now: datetime
                          ) -> list[Candidate]:
    """A competitor is under evaluation: one candidate per account and competitor."""
    since = now - timedelta(days=rule.lookback_days)
    grouped: dict[tuple[str, str], list] = {}
    for tp_id, insights in history.insights.items():
        stamp = history.stamp_by_id.get(tp_id)
        if stamp is None or stamp.account_id is None or stamp.occurred_at < since:
            continue
        for mention in insights.competitors:
            if mention.stance in rule.stances and mention.evidence.is_grounded:
                grouped.setdefault((stamp.account_id, mention.name), []).append((stamp, mention))
    found: list[Candidate] = []
    for (account_id, name), mentions in grouped.items():
        mentions.sort(key=lambda pair: pair[0].occurred_at)
        stamp, mention = mentions[-1]
        citations = compact([cite_quote(s.id, m.evidence, f"{m.name} ({m.stance})", s.occurred_at)
                             for s, m in mentions[-3:]])
        found.append(Candidate(
            rule_id="competitor_evaluating", account_id=account_id, contact_id=_contact(stamp),
            action=f"Send a comparison against {name} and book a call to address it",
            subject_key=f"{account_id}:{name.lower()}",
            reason=f"{name} is {mention.stance} at this account ({len(mentions)} mention(s) in "
                   f"{rule.lookback_days:g} days)",
            reason_codes=["competitor_evaluating", f"competitor_{name.lower().replace(' ', '_')}"],
            last_signal_at=stamp.occurred_at, citations=[cite_touchpoint(stamp), *citations]))
    return found


def _is_customer_owner(owner: str, history: History, account_id: str) -> bool:
    if owner.lower() in ("customer", "rep"):
        return owner.lower() == "customer"
    return any(c.name == owner for c in history.contacts_by_account.get(account_id, []))


def next_steps(history: History, rep_rule: NextStepRule, customer_rule: CustomerStepRule,
               now: datetime) -> list[Candidate]:
    """Our next steps due soon or overdue; the customer's overdue ones become a nudge."""
    found: list[Candidate] = []
    for tp_id, insights in history.insights.items():
        stamp = history.stamp_by_id.get(tp_id)
        if stamp is None or stamp.account_id is None:
            continue
        if not insights.next_steps:
            continue
        today = now.astimezone(stamp.occurred_at.tzinfo).date()
        for step in insights.next_steps:
            if step.due is None or not step.evidence.is_grounded:
                continue
            late = (today - step.due).days
            customer = _is_customer_owner(step.owner, history, stamp.account_id)
            rule = customer_rule if customer else rep_rule
            if not rule.enabled or stamp.occurred_at < now - timedelta(days=rule.lookback_days):
                continue
            if customer and late < customer_rule.overdue_days:
                continue
            if not customer and late < -rep_rule.due_within_days:
                continue
            when = (f"{late} day(s) overdue" if late > 0 else "due today" if late == 0
                    else f"due {step.due.isoformat()}")
            rule_id = "customer_step_overdue" if customer else "next_step_due"
            action = (f"Nudge the customer about: {step.action}" if customer
                      else f"Do what was promised: {step.action}")
            found.append(Candidate(
                rule_id=rule_id, account_id=stamp.account_id, contact_id=_contact(stamp),
                action=action, subject_key=f"{tp_id}:{step.evidence.start}",
                reason=f"next step owned by {step.owner}, {when} (due {step.due.isoformat()}"
                       + (f", said as “{step.due_phrase}”" if step.due_phrase else "") + ")",
                reason_codes=[rule_id, "overdue" if late > 0 else "due"],
                last_signal_at=stamp.occurred_at, overdue_days=float(max(late, 0)),
                citations=compact([cite_touchpoint(stamp), cite_quote(
                    tp_id, step.evidence, "next step", stamp.occurred_at)])))
    return found


def _same_issue(a: str, b: str, threshold: float) -> bool:
    if fuzz.token_set_ratio(a, b) >= threshold:
        return True
    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in a + b)
    return cjk and min(len(a), len(b)) >= 4 and fuzz.partial_ratio(a, b) >= threshold


def repeated_issue(history: History, rule: RepeatedIssueRule, now: datetime) -> list[Candidate]:
    """The same issue (ticket issue or pain point) raised at `min_touchpoints` touchpoints."""
    since = now - timedelta(days=rule.within_days)
    by_account: dict[str, list[tuple[TouchpointStamp, str, Evidence]]] = {}
    for tp_id, insights in history.insights.items():
        stamp = history.stamp_by_id.get(tp_id)
        if stamp is None or stamp.account_id is None or stamp.occurred_at < since:
            continue
        raised = [(p.text, p.evidence) for p in insights.pain_points]
        if insights.ticket and insights.ticket.issue:
            raised.append((insights.ticket.issue.value, insights.ticket.issue.evidence))
        by_account.setdefault(stamp.account_id, []).extend(
            (stamp, text, evidence) for text, evidence in raised if evidence.is_grounded)
    found: list[Candidate] = []
    for account_id, issues in by_account.items():
        issues.sort(key=lambda item: item[0].occurred_at)
        clusters: list[list[tuple[TouchpointStamp, str, Evidence]]] = []
        for item in issues:
            home = next((c for c in clusters if _same_issue(c[0][1], item[1], rule.similarity)),
                        None)
            if home is None:
                clusters.append([item])
            else:
                home.append(item)
        for cluster in clusters:
            touchpoints = {stamp.id for stamp, _, _ in cluster}
            if len(touchpoints) < rule.min_touchpoints:
                continue
            first, last = cluster[0], cluster[-1]
            found.append(Candidate(
                rule_id="repeated_issue", account_id=account_id, contact_id=_contact(last[0]),
                action=f"Escalate and own the recurring issue: {first[1]}",
                subject_key=f"{account_id}:{first[0].id}",
                reason=f"the same issue came up at {len(touchpoints)} touchpoints in "
                       f"{rule.within_days:g} days (threshold {rule.min_touchpoints})",
                reason_codes=["repeated_issue", f"raised_{len(touchpoints)}x"],
                last_signal_at=last[0].occurred_at,
                citations=compact([cite_quote(s.id, e, "issue", s.occurred_at)
                                   for s, _, e in cluster[-4:]])))
    return found

