"""What a follow-up is worth: expected deal value, intent, engagement, churn risk and urgency,
each between 0 and 1, weighted by the tenant policy and shown one by one, so a rep can see why
one suggestion outranks another. The score is their weighted mean, times 100."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from assistant.models import ValueComponent
from assistant.suggestions.candidates import Candidate
from assistant.suggestions.history import History
from assistant.suggestions.policy import SuggestionPolicy

INTENT_DAYS = 14
ENGAGEMENT_DAYS = 30


@dataclass(frozen=True)
class AccountSignals:
    expected_value: float
    expected_detail: str
    intent_events: int
    buying_signals: int
    recent_touchpoints: int
    days_since_last: float | None
    negative_share: float
    escalations: int


class Valuer:
    def __init__(self, history: History, policy: SuggestionPolicy, now: datetime) -> None:
        self.history, self.policy, self.now = history, policy, now
        self._signals: dict[str, AccountSignals] = {}
        self._parts: dict[str, list[tuple[str, float, str]]] = {}
        self.max_expected = history.largest_expected_value

    def _expected(self, account_id: str) -> tuple[float, str]:
        account = self.history.accounts.get(account_id)
        if account is None or not account.deal_value:
            return 0.0, "no deal value"
        stage = (account.stage or "").lower()
        chance = self.policy.value.stage_probability.get(stage, 0.2)
        worth = account.deal_value * chance
        return worth, f"{account.deal_value:,.0f} x {chance:.2f} ({stage or 'no stage'}) = {worth:,.0f}"

    def signals(self, account_id: str) -> AccountSignals:
        if account_id in self._signals:
            return self._signals[account_id]
        history, now = self.history, self.now
        worth, detail = self._expected(account_id)
        intent_since = now - timedelta(days=INTENT_DAYS)
        events = [e for e in history.events_by_account.get(account_id, [])
                  if e.occurred_at >= intent_since
                  and e.kind in self.policy.value.intent_event_kinds]
        stamps = history.stamps_by_account.get(account_id, [])
        recent = [s for s in stamps if s.occurred_at >= now - timedelta(days=ENGAGEMENT_DAYS)]
        buying = negative = rated = escalations = 0
        for stamp in recent:
            insights = history.insights.get(stamp.id)
            if insights is None:
                continue
            buying += len(insights.buying_signals)
            if insights.sentiment is not None:
                rated += 1
                negative += insights.sentiment.label == "negative"
            severity = insights.ticket.severity.value if insights.ticket and \
                insights.ticket.severity else ""
            escalations += severity in ("high", "urgent")
        found = AccountSignals(
            expected_value=worth, expected_detail=detail, intent_events=len(events),
            buying_signals=buying, recent_touchpoints=len(recent),
            days_since_last=(now - stamps[-1].occurred_at).total_seconds() / 86400
            if stamps else None,
            negative_share=negative / rated if rated else 0.0, escalations=escalations)
        self._signals[account_id] = found
        return found

    def _account_parts(self, account_id: str) -> list[tuple[str, float, str]]:
        """The four account-level components (the same for every candidate of the account)."""
        if account_id in self._parts:
            return self._parts[account_id]
        s = self.signals(account_id)
        expected = (math.log1p(s.expected_value) / math.log1p(self.max_expected)
                    if self.max_expected > 0 else 0.0)
        intent = 1 - math.exp(-(s.intent_events + s.buying_signals) / 4)
        recency = math.exp(-s.days_since_last / 14) if s.days_since_last is not None else 0.0
        engagement = 0.5 * (1 - math.exp(-s.recent_touchpoints / 6)) + 0.5 * recency
        churn = min(1.0, 0.7 * s.negative_share + 0.3 * min(1, s.escalations))
        last = f"{s.days_since_last:.1f} days ago" if s.days_since_last is not None else "never"
        parts = [
            ("expected_value", expected, s.expected_detail),
            ("intent", intent, f"{s.intent_events} intent event(s) in {INTENT_DAYS} days, "
                               f"{s.buying_signals} buying signal(s)"),
            ("engagement", engagement, f"{s.recent_touchpoints} touchpoint(s) in "
                                       f"{ENGAGEMENT_DAYS} days, last {last}"),
            ("churn_risk", churn, f"{s.negative_share:.0%} negative touchpoints, "
                                  f"{s.escalations} high/urgent ticket(s)"),
        ]
        self._parts[account_id] = parts
        return parts

    def components(self, candidate: Candidate, rule_priority: float) -> list[ValueComponent]:
        weights = self.policy.value.weights
        urgency = min(1.0, rule_priority + 0.05 * candidate.overdue_days)
        parts = [*self._account_parts(candidate.account_id), (
            "urgency", urgency, f"rule priority {rule_priority:.2f}"
            + (f", {candidate.overdue_days:.1f} days overdue" if candidate.overdue_days else ""))]
        total = sum(weights.get(name, 0.0) for name, _, _ in parts) or 1.0
        return [ValueComponent(name=name, value=round(min(max(value, 0.0), 1.0), 4),
                               weight=weights.get(name, 0.0),
                               contribution=round(100 * weights.get(name, 0.0) * value / total, 2),
                               detail=detail)
                for name, value, detail in parts]
