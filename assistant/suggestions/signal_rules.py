"""Candidate rules over accounts and web/product events: trial day N, repeated pricing-page
views, and deals that went quiet (with a summary of the last conversation for the owner)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from assistant.models import Event
from assistant.storage import repository
from assistant.suggestions.calendars import locate
from assistant.suggestions.candidates import (
    Candidate,
    cite_event,
    cite_quote,
    cite_touchpoint,
    compact,
)
from assistant.suggestions.history import History
from assistant.suggestions.policy import PricingRule, StalledRule, TrialRule


def trial_day(history: History, rule: TrialRule, now: datetime, default_timezone: str
              ) -> list[Candidate]:
    """`day` days after a trial started (in the account's timezone), for `grace_days`."""
    found: list[Candidate] = []
    for event in history.events:
        if event.kind != rule.event_kind or event.account_id not in history.accounts:
            continue
        account = history.accounts[event.account_id]
        zone = locate(None, account, email_offsets=(), default_timezone=default_timezone,
                      default_country=None).timezone
        elapsed = (now.astimezone(zone).date() - event.occurred_at.astimezone(zone).date()).days
        if not rule.day <= elapsed <= rule.day + rule.grace_days:
            continue
        contact = history.contacts.get(event.contact_id or "") or \
            history.primary_contact(account.id)
        plan = event.properties.get("plan")
        found.append(Candidate(
            rule_id="trial_day", account_id=account.id,
            contact_id=contact.id if contact else None,
            action=f"Day-{rule.day} trial check-in: review usage and propose the "
                   f"{plan or 'paid'} plan",
            subject_key=f"event:{event.id}",
            reason=f"the trial started {event.occurred_at:%Y-%m-%d}, {elapsed} days ago "
                   f"(rule: day {rule.day})",
            reason_codes=["trial_day", f"trial_day_{elapsed}"], last_signal_at=event.occurred_at,
            citations=[cite_event(event)]))
    return found


def _is_pricing_view(event: Event, rule: PricingRule) -> bool:
    url = str(event.properties.get("url") or event.properties.get("page") or "")
    return event.kind == "page_viewed" and any(p in url for p in rule.url_contains)


def pricing_page_views(history: History, rule: PricingRule, now: datetime) -> list[Candidate]:
    """The pricing page viewed `min_views` times within `within_days` by one contact (or one
    account when the viewer is unknown)."""
    since = now - timedelta(days=rule.within_days)
    grouped: dict[tuple[str, str | None], list[Event]] = {}
    for event in history.events:
        if event.account_id and event.occurred_at >= since and _is_pricing_view(event, rule):
            grouped.setdefault((event.account_id, event.contact_id), []).append(event)
    found: list[Candidate] = []
    for (account_id, contact_id), views in grouped.items():
        if len(views) < rule.min_views:
            continue
        who = history.contacts.get(contact_id or "")
        found.append(Candidate(
            rule_id="pricing_page_views", account_id=account_id, contact_id=contact_id,
            action="Reach out with pricing: offer a quote walkthrough",
            subject_key=f"{account_id}:{contact_id or '-'}",
            reason=f"{(who.name if who else None) or 'someone at the account'} viewed the "
                   f"pricing page {len(views)} times in {rule.within_days:g} days "
                   f"(threshold {rule.min_views})",
            reason_codes=["pricing_page_views", f"views_{len(views)}"],
            last_signal_at=views[-1].occurred_at, citations=[cite_event(e) for e in views]))
    return found


def deal_stalled(session: Session, history: History, rule: StalledRule, now: datetime
                 ) -> list[Candidate]:
    """An open deal with no touchpoint for `after_days`; the owner gets a summary of the last
    communication (its stored summary, else its subject), cited."""
    stale: list[tuple[str, str]] = []
    for account in history.accounts.values():
        if (account.stage or "").lower() not in rule.open_stages:
            continue
        stamps = history.stamps_by_account.get(account.id, [])
        if stamps and now - stamps[-1].occurred_at > timedelta(days=rule.after_days):
            stale.append((account.id, stamps[-1].id))
    last_insights = repository.latest_insights_for(
        session, tenant_id=history.tenant_id, touchpoint_ids=[tp_id for _, tp_id in stale])
    found: list[Candidate] = []
    for account_id, tp_id in stale:
        stamp = history.stamp_by_id[tp_id]
        insights = last_insights.get(tp_id)
        summary = insights.summary if insights and insights.summary else None
        gist = " ".join((summary.text if summary else stamp.subject or "").split()).rstrip(".")
        gist = gist or f"a {stamp.channel} (no summary stored)"
        quiet = (now - stamp.occurred_at).days
        citations = [cite_touchpoint(stamp)]
        if summary is not None:
            citations += compact([cite_quote(tp_id, e, "last conversation", stamp.occurred_at)
                                  for e in summary.evidence[:2]])
        account = history.accounts[account_id]
        found.append(Candidate(
            rule_id="deal_stalled", account_id=account_id,
            contact_id=stamp.contact_ids[0] if stamp.contact_ids else None,
            action=f"Re-engage the stalled {account.stage} deal; last time: {gist[:160]}",
            subject_key=f"{account_id}:{tp_id}",
            reason=f"no touchpoint for {quiet} days (threshold {rule.after_days:g}); last was "
                   f"a {stamp.channel} on {stamp.occurred_at:%Y-%m-%d}: {gist[:200]}",
            reason_codes=["deal_stalled", f"quiet_{quiet}d"], last_signal_at=stamp.occurred_at,
            citations=citations))
    return found
