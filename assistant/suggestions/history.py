"""Everything the rules and the timing learner read, loaded once per refresh.

One pass over the tenant's (or one account's) touchpoint stamps, events and recent insights,
indexed by account and contact. Nothing after `now` is visible, so a refresh "as of" a past
moment (the CLI's `--at`, the backtest) sees exactly what was known then.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from assistant.models import Account, Contact, Event, Insights, Touchpoint
from assistant.storage import repository, suggestion_store
from assistant.storage.repository import TouchpointStamp
from assistant.suggestions.policy import SuggestionPolicy

TENANT_PRIOR_SAMPLE = 20_000  # newest inbound touchpoints that shape the tenant's prior


@dataclass
class History:
    tenant_id: str
    now: datetime
    accounts: dict[str, Account]
    contacts: dict[str, Contact]
    stamps: list[TouchpointStamp]  # oldest first
    events: list[Event]
    insights: dict[str, Insights]  # newest run per touchpoint inside the lookback
    recent: dict[str, Touchpoint]  # full text of the touchpoints the live rules inspect
    tenant_sample: list[TouchpointStamp]
    blocked: set[str]  # contact ids not to be contacted
    largest_expected_value: float = 0.0  # over the whole tenant, even when loading a slice
    stamps_by_account: dict[str, list[TouchpointStamp]] = field(default_factory=dict)
    stamps_by_contact: dict[str, list[TouchpointStamp]] = field(default_factory=dict)
    events_by_account: dict[str, list[Event]] = field(default_factory=dict)
    stamp_by_id: dict[str, TouchpointStamp] = field(default_factory=dict)
    contacts_by_account: dict[str, list[Contact]] = field(default_factory=dict)
    _primary: dict[str, Contact | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_account: dict[str, list[TouchpointStamp]] = defaultdict(list)
        by_contact: dict[str, list[TouchpointStamp]] = defaultdict(list)
        for stamp in self.stamps:
            self.stamp_by_id[stamp.id] = stamp
            if stamp.account_id:
                by_account[stamp.account_id].append(stamp)
            for contact_id in stamp.contact_ids:
                by_contact[contact_id].append(stamp)
        events: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            if event.account_id:
                events[event.account_id].append(event)
        self.stamps_by_account, self.stamps_by_contact = dict(by_account), dict(by_contact)
        self.events_by_account = dict(events)
        people: dict[str, list[Contact]] = defaultdict(list)
        for contact in self.contacts.values():
            if contact.account_id:
                people[contact.account_id].append(contact)
        self.contacts_by_account = dict(people)

    def primary_contact(self, account_id: str) -> Contact | None:
        """The account's contact seen in the most touchpoints (the first listed if none)."""
        if account_id not in self._primary:
            counts: dict[str, int] = defaultdict(int)
            for stamp in self.stamps_by_account.get(account_id, []):
                for contact_id in stamp.contact_ids:
                    counts[contact_id] += 1
            known = self.contacts_by_account.get(account_id, [])
            self._primary[account_id] = max(
                known, key=lambda c: counts.get(c.id, 0), default=None)  # first of equals
        return self._primary[account_id]


def _live_rule_ids(stamps: list[TouchpointStamp], policy: SuggestionPolicy, now: datetime
                   ) -> list[str]:
    """Touchpoints whose segments the inquiry and ticket rules need: recent chats and the
    newest version of each recent ticket."""
    inquiry = policy.rules.inquiry_unanswered
    chat_since = now - timedelta(hours=inquiry.max_age_hours)
    ticket_since = now - timedelta(days=policy.rules.ticket_unassigned.max_age_days)
    ids = [s.id for s in stamps if s.channel in inquiry.channels and s.occurred_at >= chat_since]
    ids += [s.id for s in stamps if s.channel == "ticket" and s.occurred_at >= ticket_since]
    return ids


def load_history(session: Session, *, tenant_id: str, now: datetime, policy: SuggestionPolicy,
                 account_id: str | None = None, account_range: tuple[str, str] | None = None
                 ) -> History:
    """The tenant's history as of `now`: all of it, one account's, or one slice of accounts
    (`account_range`, inclusive, for parallel refreshes)."""
    every_account = repository.list_accounts(session, tenant_id=tenant_id)
    largest = max((a.deal_value * policy.value.stage_probability.get((a.stage or "").lower(), 0.2)
                   for a in every_account if a.deal_value), default=0.0)

    def in_scope(candidate: str | None) -> bool:
        if account_id is not None:
            return candidate == account_id
        if account_range is not None:
            return candidate is not None and account_range[0] <= candidate <= account_range[1]
        return True

    accounts = {a.id: a for a in every_account if in_scope(a.id)}
    if account_range is not None:
        people = repository.list_contacts_between(session, tenant_id=tenant_id,
                                                  first=account_range[0], last=account_range[1])
    else:
        people = repository.list_contacts(session, tenant_id=tenant_id, account_id=account_id)
    signals = repository.list_event_signals(session, tenant_id=tenant_id, account_id=account_id,
                                            account_range=account_range)
    contacts = {c.id: c for c in people}
    stamps = repository.list_touchpoint_stamps(session, tenant_id=tenant_id,
                                               account_id=account_id, until=now,
                                               account_range=account_range)
    events = [e for e in signals if e.occurred_at <= now]
    r = policy.rules
    since = now - timedelta(days=max(
        policy.lookback_days, r.competitor_evaluating.lookback_days, r.next_step_due.lookback_days,
        r.customer_step_overdue.lookback_days, r.repeated_issue.within_days,
        r.negative_sentiment.lookback_days))
    insights = repository.latest_insights_between(session, tenant_id=tenant_id, since=since,
                                                  until=now, account_id=account_id,
                                                  account_range=account_range)
    recent = {tp.id: tp for tp in repository.list_touchpoints_by_ids(
        session, tenant_id=tenant_id, touchpoint_ids=_live_rule_ids(stamps, policy, now))}
    if account_id is None and account_range is None:  # the whole tenant is in hand
        sample = [s for s in stamps if s.direction == "inbound"][-TENANT_PRIOR_SAMPLE:]
    else:
        sample = repository.list_touchpoint_stamps(session, tenant_id=tenant_id, until=now,
                                                   inbound_only=True, limit=TENANT_PRIOR_SAMPLE)
    blocked = suggestion_store.blocked_contact_ids(session, tenant_id=tenant_id)
    listed = {value.lower() for value in policy.do_not_contact}
    blocked |= {c.id for c in contacts.values()
                if c.id.lower() in listed or any(e.lower() in listed for e in c.emails)}
    blocked |= {e.contact_id for e in events if e.contact_id and e.kind in
                ("unsubscribed", "do_not_contact", "opted_out")}
    return History(tenant_id=tenant_id, now=now, accounts=accounts, contacts=contacts,
                   stamps=stamps, events=events, insights=insights, recent=recent,
                   tenant_sample=sample, blocked=blocked, largest_expected_value=largest)
