"""When a contact is most likely to answer, learned from their own history.

Each contact's responses (replies, callbacks, calls and meetings held, opens, first messages)
are counted by hour of the week in the contact's own timezone, blurred by one hour either side,
and smoothed toward their account's distribution, the account's toward the tenant's, and the
tenant's toward a global prior (weekday office hours): a contact with no history gets the
prior, and each reply moves them toward their own habit. The distribution becomes an hourly
reply hazard (an hour holding the average 1/168 of the mass answers with
`base_hourly_reply_rate`), and a window's reply probability is the chance of at least one
answer inside it, times the contact's reply rate on the chosen channel.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

import numpy as np

from assistant.models import ReplyWindow
from assistant.suggestions.calendars import is_working_time
from assistant.suggestions.policy import TimingPolicy

HOURS_PER_WEEK = 168


def hour_of_week(moment: datetime, zone: tzinfo) -> int:
    local = moment.astimezone(zone)
    return local.weekday() * 24 + local.hour


@functools.cache
def global_prior() -> np.ndarray:
    """Weekday office hours with late-morning and mid-afternoon peaks; evenings and weekends
    keep a little mass so that no hour is impossible."""
    weights = np.full(HOURS_PER_WEEK, 0.03)
    for day in range(7):
        for hour in range(24):
            i = day * 24 + hour
            if day < 5 and 9 <= hour < 18:
                weights[i] = 1.3 if hour in (10, 11, 14, 15) else 1.0
            elif day < 5 and (7 <= hour < 9 or 18 <= hour < 21):
                weights[i] = 0.3
            elif 9 <= hour < 20:
                weights[i] = 0.12
    return weights / weights.sum()


def _blur(counts: np.ndarray) -> np.ndarray:
    """Spread each observation over its hour and the two next to it (a reply at 9:55 says
    something about 10:00 too)."""
    return 0.5 * counts + 0.25 * np.roll(counts, 1, axis=-1) + 0.25 * np.roll(counts, -1, axis=-1)


def shrink(counts: np.ndarray, prior: np.ndarray, strength: float) -> np.ndarray:
    """Posterior mean of an hour-of-week distribution: counts plus `strength` pseudo-counts."""
    total = counts.sum()
    return (_blur(counts) + strength * prior) / (total + strength)


@dataclass
class TimingModel:
    """Hour-of-week reply distributions for a tenant, its accounts and its contacts."""

    policy: TimingPolicy
    tenant: np.ndarray
    accounts: dict[str, np.ndarray] = field(default_factory=dict)
    contacts: dict[str, np.ndarray] = field(default_factory=dict)
    observed: dict[str, int] = field(default_factory=dict)  # responses seen per contact

    def distribution(self, contact_id: str | None, account_id: str | None) -> np.ndarray:
        account = self.accounts.get(account_id or "", self.tenant)
        if contact_id is None or contact_id not in self.contacts:
            return account
        return shrink(self.contacts[contact_id], account, self.policy.contact_prior_strength)

    def hazard(self, distribution: np.ndarray) -> np.ndarray:
        rate = min(max(self.policy.base_hourly_reply_rate, 1e-4), 0.99)
        return 1 - np.power(1 - rate, HOURS_PER_WEEK * distribution)


@dataclass(frozen=True)
class Response:
    """One moment a contact answered or reached out, already placed in their week."""

    contact_id: str | None
    account_id: str | None
    hour: int  # hour of the week, local, Monday 00:00 = 0


def learn_timing(responses: Iterable[Response], *, tenant_hours: Iterable[int],
                 policy: TimingPolicy) -> TimingModel:
    """Fit the hierarchy: global prior <- tenant <- account <- contact."""
    tenant_counts = np.bincount(np.fromiter(tenant_hours, dtype=np.int64),
                                minlength=HOURS_PER_WEEK).astype(float)
    tenant = shrink(tenant_counts, global_prior(), policy.tenant_prior_strength)
    by_contact: dict[str, list[int]] = {}
    by_account: dict[str, list[int]] = {}
    for response in responses:
        if response.contact_id:
            by_contact.setdefault(response.contact_id, []).append(response.hour)
        if response.account_id:
            by_account.setdefault(response.account_id, []).append(response.hour)
    model = TimingModel(policy=policy, tenant=tenant)
    for account_id, hours in by_account.items():
        counts = np.bincount(hours, minlength=HOURS_PER_WEEK).astype(float)
        model.accounts[account_id] = shrink(counts, tenant, policy.account_prior_strength)
    for contact_id, hours in by_contact.items():
        model.contacts[contact_id] = np.bincount(hours, minlength=HOURS_PER_WEEK).astype(float)
        model.observed[contact_id] = len(hours)
    return model


# --- windows ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HourGrid:
    """The hours ahead of `now` in one timezone: their start, hour of week, and whether each is
    working time there (holidays and adjusted working weekends included)."""

    starts: tuple[datetime, ...]
    hours: np.ndarray
    working: np.ndarray

    @functools.cached_property
    def epoch(self) -> np.ndarray:
        """Each start as POSIX seconds, for vectorized comparisons."""
        return np.array([s.timestamp() for s in self.starts])


@functools.lru_cache(maxsize=4096)
def hour_grid(zone: tzinfo, country: str | None, first_hour: datetime, policy_key: tuple
              ) -> HourGrid:
    working_hours, working_days, respect_holidays, horizon_days = policy_key
    count = horizon_days * 24
    starts = tuple(first_hour + timedelta(hours=i) for i in range(count))
    hours = np.array([hour_of_week(s, zone) for s in starts], dtype=np.int64)
    working = np.array([is_working_time(s, zone, country=country, working_hours=working_hours,
                                        working_days=working_days,
                                        respect_holidays=respect_holidays) for s in starts])
    return HourGrid(starts, hours, working)


def grid_for(zone: tzinfo, country: str | None, now: datetime, policy: TimingPolicy) -> HourGrid:
    first = now.astimezone(zone).replace(minute=0, second=0, microsecond=0)
    key = (tuple(policy.working_hours), tuple(policy.working_days), policy.respect_holidays,
           policy.horizon_days)
    return hour_grid(zone, country, first, key)


def rank_windows(grid: HourGrid, hazard: np.ndarray, *, now: datetime, reply_rate: float,
                 policy: TimingPolicy, earliest: datetime | None = None,
                 latest_start: datetime | None = None, working_only: bool = True
                 ) -> list[ReplyWindow]:
    """The best non-overlapping windows of `window_hours` in the grid, best first."""
    length = policy.window_hours
    count = len(grid.starts) - length + 1
    if count <= 0:
        return []
    log_stay = np.log1p(-np.minimum(hazard[grid.hours], 0.999))
    sums = np.convolve(log_stay, np.ones(length), mode="valid")[:count]
    probability = reply_rate * (1 - np.exp(sums))
    allowed = np.ones(count, dtype=bool)
    if working_only:
        closed = np.convolve((~grid.working).astype(int), np.ones(length, dtype=int),
                             mode="valid")[:count]
        allowed &= closed == 0
    starts = grid.epoch[:count]
    allowed &= starts + length * 3600 > now.timestamp()
    if earliest is not None:
        allowed &= starts >= earliest.timestamp()
    if latest_start is not None:
        allowed &= starts <= latest_start.timestamp()
    days_ahead = np.arange(count) / 24
    score = np.where(allowed, probability * np.power(1 - policy.day_discount, days_ahead), -1)
    chosen: list[int] = []
    for i in np.argsort(-score, kind="stable"):
        if score[i] < 0 or len(chosen) >= policy.top_windows:
            break
        if all(abs(int(i) - j) >= length for j in chosen):
            chosen.append(int(i))
    return [ReplyWindow(start=max(grid.starts[i], now.astimezone(grid.starts[i].tzinfo)),
                        end=grid.starts[i] + timedelta(hours=length),
                        reply_probability=round(float(probability[i]), 4))
            for i in chosen]


def immediate_window(now: datetime, zone: tzinfo, hazard: np.ndarray, *, reply_rate: float,
                     minutes: int) -> ReplyWindow:
    """Right now, for candidates that must not wait for a better hour."""
    hour = hour_of_week(now, zone)
    probability = reply_rate * (1 - (1 - min(float(hazard[hour]), 0.999)) ** (minutes / 60))
    local = now.astimezone(zone)
    return ReplyWindow(start=local, end=local + timedelta(minutes=minutes),
                       reply_probability=round(probability, 4))


def first_reply_window(grid: HourGrid, hazard: np.ndarray, *, sent_at: datetime,
                       window_hours: int) -> int:
    """Index in the grid of the window most likely to hold the first reply to a message sent at
    `sent_at` (the backtest's question: when will the answer come)."""
    lam = np.minimum(hazard[grid.hours], 0.999)
    survive_before = np.exp(np.concatenate(([0.0], np.cumsum(np.log1p(-lam))[:-1])))
    count = len(grid.starts) - window_hours + 1
    log_stay = np.convolve(np.log1p(-lam), np.ones(window_hours), mode="valid")[:count]
    mass = survive_before[:count] * (1 - np.exp(log_stay))
    for i in range(count):
        if grid.starts[i] + timedelta(hours=window_hours) <= sent_at:
            mass[i] = -1
    return int(np.argmax(mass))


def expected_latency_hours(hazard_by_hour: np.ndarray, start_hour: int, *,
                           limit_hours: int = 24 * 28) -> float:
    """Expected hours from a send in hour-of-week `start_hour` to the reply, under an hourly
    hazard (a reply comes mid-hour); capped at `limit_hours` when it may never come."""
    survive, expected = 1.0, 0.0
    for k in range(limit_hours):
        lam = float(hazard_by_hour[(start_hour + k) % HOURS_PER_WEEK])
        expected += survive * lam * (k + 0.5)
        survive *= 1 - lam
        if survive < 1e-6:
            break
    return expected + survive * limit_hours if not math.isnan(expected) else float(limit_hours)
