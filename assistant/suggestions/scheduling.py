"""Who to reach, on which channel and when: whereabouts, reply rates per channel, the learned
hour-of-week model, and the constraints (do-not-contact, frequency caps, the quiet period after
a bad touchpoint, deadlines). Time-critical candidates get "now" and are never moved."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import numpy as np

from assistant.models import Contact, ReplyWindow
from assistant.suggestions.calendars import Whereabouts, locate
from assistant.suggestions.candidates import Candidate
from assistant.suggestions.history import History
from assistant.suggestions.policy import TimingPolicy
from assistant.suggestions.timing import (
    Response,
    grid_for,
    hour_of_week,
    immediate_window,
    learn_timing,
    rank_windows,
)

CHANNEL_PRIOR_RATE = 0.3  # reply rate of a channel nobody in the tenant has used yet
CHANNEL_PRIOR_STRENGTH = 4.0
_CONVERSATIONS = ("call", "meeting")  # held, so answered by definition


@dataclass
class Plan:
    channel: str
    reply_rate: float
    whereabouts: Whereabouts
    windows: list[ReplyWindow]
    reason_codes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Scheduler:
    def __init__(self, history: History, policy: TimingPolicy, *, default_timezone: str) -> None:
        self.history, self.policy, self.now = history, policy, history.now
        self.default_timezone = default_timezone
        self._where: dict[tuple[str | None, str | None], Whereabouts] = {}
        self._plans: dict[tuple, Plan] = {}
        self._hazards: dict[tuple[str | None, str | None], np.ndarray] = {}
        self.model = learn_timing(self._responses(), tenant_hours=(
            hour_of_week(s.occurred_at, s.occurred_at.tzinfo)  # type: ignore[arg-type]
            for s in history.tenant_sample), policy=policy)
        self.rates, self.tenant_rates = self._reply_rates()

    def whereabouts(self, contact_id: str | None, account_id: str | None) -> Whereabouts:
        key = (contact_id, account_id)
        if key not in self._where:
            contact = self.history.contacts.get(contact_id or "")
            offsets = [int(s.occurred_at.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
                       for s in self.history.stamps_by_contact.get(contact_id or "", [])
                       if s.channel == "email" and s.direction == "inbound"]
            self._where[key] = locate(contact, self.history.accounts.get(account_id or ""),
                                      email_offsets=offsets,
                                      default_timezone=self.default_timezone,
                                      default_country=self.policy.country)
        return self._where[key]

    def _responses(self) -> list[Response]:
        history, kinds = self.history, set(self.policy.response_event_kinds)
        responses: list[Response] = []
        for stamp in history.stamps:
            if stamp.direction != "inbound" and stamp.channel not in _CONVERSATIONS:
                continue
            for contact_id in stamp.contact_ids or (None,):
                zone = self.whereabouts(contact_id, stamp.account_id).timezone
                responses.append(Response(contact_id, stamp.account_id,
                                          hour_of_week(stamp.occurred_at, zone)))
        for event in history.events:
            if event.kind in kinds and (event.contact_id or event.account_id):
                zone = self.whereabouts(event.contact_id, event.account_id).timezone
                responses.append(Response(event.contact_id, event.account_id,
                                          hour_of_week(event.occurred_at, zone)))
        return responses

    def _reply_rates(self) -> tuple[dict[str, dict[str, tuple[int, int]]], dict[str, float]]:
        """Per contact and channel: (messages sent, messages answered within the reply window)."""
        within = timedelta(hours=self.policy.reply_within_hours)
        rates: dict[str, dict[str, tuple[int, int]]] = {}
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for contact_id, stamps in self.history.stamps_by_contact.items():
            counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            for i, stamp in enumerate(stamps):
                if stamp.channel in _CONVERSATIONS:
                    counts[stamp.channel][0] += 1
                    counts[stamp.channel][1] += 1
                elif stamp.direction == "outbound":
                    counts[stamp.channel][0] += 1
                    deadline = stamp.occurred_at + within
                    j = i + 1
                    while j < len(stamps) and stamps[j].occurred_at <= deadline:
                        later = stamps[j]
                        if later.direction == "inbound" and later.channel == stamp.channel:
                            counts[stamp.channel][1] += 1
                            break
                        j += 1
            rates[contact_id] = {c: (sent, got) for c, (sent, got) in counts.items()}
            for channel, (sent, got) in counts.items():
                totals[channel][0] += sent
                totals[channel][1] += got
        tenant = {c: (got + 2 * CHANNEL_PRIOR_RATE) / (sent + 2) for c, (sent, got) in totals.items()}
        return rates, tenant

    def reply_rate(self, contact_id: str | None, channel: str) -> float:
        prior = self.tenant_rates.get(channel, CHANNEL_PRIOR_RATE)
        sent, got = self.rates.get(contact_id or "", {}).get(channel, (0, 0))
        return (got + CHANNEL_PRIOR_STRENGTH * prior) / (sent + CHANNEL_PRIOR_STRENGTH)

    @staticmethod
    def _reachable(contact: Contact | None, channel: str) -> bool:
        if contact is None or channel in ("ticket", "web", "meeting"):
            return True
        return bool({"email": contact.emails, "call": contact.phones,
                     "chat": contact.handles or contact.emails}.get(channel, True))

    def _channel(self, candidate: Candidate) -> tuple[str, float]:
        contact = self.history.contacts.get(candidate.contact_id or "")
        options = [c for c in candidate.channels if self._reachable(contact, c)] or \
            list(candidate.channels)
        return max(((c, self.reply_rate(candidate.contact_id, c)) for c in options),
                   key=lambda pair: pair[1])

    def _earliest(self, candidate: Candidate, plan: Plan) -> datetime | None:
        """The end of a frequency cap or a quiet period, when one applies."""
        earliest: datetime | None = None
        history, policy, now = self.history, self.policy, self.now
        if candidate.contact_id:
            week = [s for s in history.stamps_by_contact.get(candidate.contact_id, [])
                    if s.direction == "outbound" and s.occurred_at > now - timedelta(days=7)]
            if len(week) >= policy.max_touches_per_week:
                earliest = week[-policy.max_touches_per_week].occurred_at + timedelta(days=7)
                plan.reason_codes.append("frequency_cap")
                plan.notes.append(f"{len(week)} outbound touches in 7 days (cap "
                                  f"{policy.max_touches_per_week}): not before "
                                  f"{earliest.astimezone(plan.whereabouts.timezone):%a %d %b %H:%M}")
        if not candidate.is_recovery:
            bad = self._last_bad_touchpoint(candidate)
            if bad is not None and bad + timedelta(hours=policy.quiet_hours_after_negative) > now:
                quiet_end = bad + timedelta(hours=policy.quiet_hours_after_negative)
                earliest = max(earliest or quiet_end, quiet_end)
                plan.reason_codes.append("quiet_period")
                plan.notes.append(f"quiet period after a negative touchpoint until "
                                  f"{quiet_end.astimezone(plan.whereabouts.timezone):%a %d %b %H:%M}")
        return earliest

    def _last_bad_touchpoint(self, candidate: Candidate) -> datetime | None:
        stamps = (self.history.stamps_by_contact.get(candidate.contact_id, [])
                  if candidate.contact_id else
                  self.history.stamps_by_account.get(candidate.account_id, []))
        for stamp in reversed(stamps):
            insights = self.history.insights.get(stamp.id)
            if insights and insights.sentiment and insights.sentiment.label == "negative":
                return stamp.occurred_at
        return None

    def plan(self, candidate: Candidate) -> Plan | None:
        """None when the contact must not be contacted. Candidates that share everything the
        plan depends on (contact, channels, constraints) share one computation."""
        if candidate.contacts_customer and candidate.contact_id in self.history.blocked:
            return None
        is_late = candidate.overdue_days > 0 or bool(
            candidate.due_by and candidate.due_by <= self.now)
        key = (candidate.contact_id, candidate.account_id, candidate.channels,
               candidate.time_critical, candidate.is_recovery, candidate.due_by, is_late)
        if key not in self._plans:
            self._plans[key] = self._plan(candidate)
        plan = self._plans[key]
        return replace(plan, windows=list(plan.windows), reason_codes=list(plan.reason_codes),
                       notes=list(plan.notes))

    def _hazard(self, contact_id: str | None, account_id: str | None) -> np.ndarray:
        key = (contact_id, account_id)
        if key not in self._hazards:
            self._hazards[key] = self.model.hazard(self.model.distribution(contact_id,
                                                                           account_id))
        return self._hazards[key]

    def _plan(self, candidate: Candidate) -> Plan:
        channel, rate = self._channel(candidate)
        where = self.whereabouts(candidate.contact_id, candidate.account_id)
        hazard = self._hazard(candidate.contact_id, candidate.account_id)
        plan = Plan(channel, rate, where, [])
        if candidate.time_critical:
            plan.windows = [immediate_window(self.now, where.timezone, hazard, reply_rate=rate,
                                             minutes=self.policy.time_critical_minutes)]
            plan.reason_codes.append("time_critical")
            return plan
        earliest = self._earliest(candidate, plan)
        latest = candidate.due_by if candidate.due_by and candidate.due_by > self.now else None
        grid = grid_for(where.timezone, where.country, self.now, self.policy)
        windows = rank_windows(grid, hazard, now=self.now, reply_rate=rate, policy=self.policy,
                               earliest=earliest, latest_start=latest)
        if not windows and latest is not None:
            plan.reason_codes.append("deadline_outside_working_hours")
            windows = rank_windows(grid, hazard, now=self.now, reply_rate=rate,
                                   policy=self.policy, earliest=earliest)
        if not windows:  # a long holiday or a cap beyond the horizon: look further ahead
            longer = self.policy.model_copy(update={"horizon_days": self.policy.horizon_days * 3})
            windows = rank_windows(grid_for(where.timezone, where.country, self.now, longer),
                                   hazard, now=self.now, reply_rate=rate, policy=longer,
                                   earliest=earliest)
        if candidate.overdue_days > 0 or (candidate.due_by and candidate.due_by <= self.now):
            # already late: the soonest good window, not the best one later in the week
            windows.sort(key=lambda w: w.start)
            plan.reason_codes.append("overdue_soonest_window")
        plan.windows = windows
        return plan
