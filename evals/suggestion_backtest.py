"""Backtest of the learned reply windows against two naive baselines.

The history (see `suggestion_history.py`) is replayed in time order. At each message the rep
sent after a warm-up, every method sees only what happened before it and answers two
questions with one window of `window_hours` in the next 7 days:

- **hit rate**: the window it expects the contact's reply in; a hit when the actual reply fell
  inside it. The learner takes the window with the highest chance of holding the first reply
  under its learned hourly hazard (`timing.first_reply_window`).
- **reply latency**: when to send; scored as the hours from the moment the follow-up was due to
  the reply, waiting for the window included, under the contact's *true* habit (expected value,
  so no sampling noise). The learner picks the start that minimizes that under its *learned*
  hazard.

Baselines: the hour of the last contact with this person (next occurrence, local time), and
weekdays 10:00 local. "Send immediately" is shown for reference. Differences are averaged per
contact first and given with a 95% bootstrap confidence interval over contacts.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from scipy.stats import bootstrap

from assistant.suggestions.policy import TimingPolicy
from assistant.suggestions.timing import (
    HOURS_PER_WEEK,
    HourGrid,
    TimingModel,
    first_reply_window,
    global_prior,
    hour_of_week,
    shrink,
)
from evals.suggestion_history import (
    HABITS,
    START,
    GeneratedContact,
    active_hours,
    generate_history,
    true_hazard,
)

METHODS = ("learned", "last_contact_hour", "weekday_10am", "immediately")
HORIZON_HOURS = 7 * 24


def expected_latencies(hazard: np.ndarray) -> np.ndarray:
    """Expected hours to a reply for a send at each hour of the week (cyclic hazard)."""
    k = np.arange(HOURS_PER_WEEK)
    rolled = hazard[(k[:, None] + k[None, :]) % HOURS_PER_WEEK]  # [start, hours waited]
    stay = np.clip(1 - rolled, 1e-12, 1.0)
    survive = np.exp(np.concatenate([np.zeros((HOURS_PER_WEEK, 1)),
                                     np.cumsum(np.log(stay), axis=1)[:, :-1]], axis=1))
    week_survive = np.prod(stay, axis=1)
    inside = (survive * rolled * (k[None, :] + 0.5)).sum(axis=1)
    return (inside + week_survive * HOURS_PER_WEEK) / np.maximum(1 - week_survive, 1e-9)


def _grid(contact: GeneratedContact, sent: datetime) -> HourGrid:
    first = sent.replace(minute=0, second=0, microsecond=0)
    starts = tuple(first + timedelta(hours=i) for i in range(HORIZON_HOURS))
    hours = np.array([hour_of_week(s, contact.timezone) for s in starts])
    return HourGrid(starts, hours, np.ones(len(starts), dtype=bool))


def _next_window(grid: HourGrid, sent: datetime, length: int, zone: Any, *, hour: int,
                 weekdays_only: bool) -> int:
    for i, start in enumerate(grid.starts):
        local = start.astimezone(zone)
        if (local.hour == hour and (not weekdays_only or local.weekday() < 5)
                and start + timedelta(hours=length) > sent):
            return i
    return 0


class _Learner:
    """Counts by local hour of week for every contact, account and the tenant, as of now."""

    def __init__(self, policy: TimingPolicy) -> None:
        self.policy = policy
        self.contacts: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(HOURS_PER_WEEK))
        self.accounts: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(HOURS_PER_WEEK))
        self.tenant = np.zeros(HOURS_PER_WEEK)

    def observe(self, contact: GeneratedContact, moment: datetime) -> None:
        hour = hour_of_week(moment, contact.timezone)
        self.contacts[contact.id][hour] += 1
        self.accounts[contact.account_id][hour] += 1
        self.tenant[hour] += 1

    def model(self, contact: GeneratedContact) -> TimingModel:
        p = self.policy
        tenant = shrink(self.tenant, global_prior(), p.tenant_prior_strength)
        account = shrink(self.accounts[contact.account_id], tenant, p.account_prior_strength)
        model = TimingModel(policy=p, tenant=tenant, accounts={contact.account_id: account})
        model.contacts[contact.id] = self.contacts[contact.id]
        return model


def _score_send(contact: GeneratedContact, sent: datetime, reply: datetime | None,
                learner: _Learner, last_touch: datetime, truth: np.ndarray, length: int
                ) -> dict[str, tuple[bool, float]]:
    model = learner.model(contact)
    hazard = model.hazard(model.distribution(contact.id, contact.account_id))
    grid = _grid(contact, sent)
    zone = contact.timezone
    windows = {
        "learned": first_reply_window(grid, hazard, sent_at=sent, window_hours=length),
        "last_contact_hour": _next_window(grid, sent, length, zone,
                                          hour=last_touch.astimezone(zone).hour,
                                          weekdays_only=False),
        "weekday_10am": _next_window(grid, sent, length, zone, hour=10, weekdays_only=True),
    }
    offsets = np.array([max(0.0, (s - sent).total_seconds() / 3600) for s in grid.starts])
    offsets[0] = 0.0
    learned_latency = expected_latencies(hazard)
    send_at = {name: i for name, i in windows.items()}
    send_at["learned"] = int(np.argmin(offsets + learned_latency[grid.hours]))
    send_at["immediately"] = 0
    scored: dict[str, tuple[bool, float]] = {}
    for name in METHODS:
        i = windows.get(name, 0)
        start = grid.starts[i]
        is_hit = (name in windows and reply is not None
                  and start <= reply < start + timedelta(hours=length))
        j = send_at[name]
        scored[name] = (is_hit, float(offsets[j] + truth[grid.hours[j]]))
    return scored


def _interval(diffs: list[float], seed: int) -> list[float]:
    if len(diffs) < 2 or np.allclose(diffs, diffs[0]):
        return [float(np.mean(diffs)), float(np.mean(diffs))] if diffs else [0.0, 0.0]
    result = bootstrap((np.array(diffs),), np.mean, confidence_level=0.95, n_resamples=2000,
                       method="percentile", random_state=seed)
    return [round(float(result.confidence_interval.low), 4),
            round(float(result.confidence_interval.high), 4)]


def run_backtest(*, contacts: int = 120, weeks: int = 16, noise: float = 0.1, seed: int = 7,
                 warmup_weeks: int = 4, window_hours: int = 2) -> dict[str, Any]:
    people = generate_history(contacts=contacts, weeks=weeks, noise=noise, seed=seed)
    policy = TimingPolicy(window_hours=window_hours)
    timeline: list[tuple[datetime, int, GeneratedContact, datetime | None]] = []
    for person in people:
        for sent, reply in person.sends:
            timeline.append((sent, 1, person, reply))
            if reply is not None:
                timeline.append((reply, 0, person, None))
        timeline += [(moment, 0, person, None) for moment in person.first_writes]
    timeline.sort(key=lambda item: (item[0], item[1], item[2].id))
    learner = _Learner(policy)
    truths = {habit: expected_latencies(true_hazard(habit, noise)) for habit in HABITS}
    last_touch: dict[str, datetime] = {}
    per_contact: dict[str, dict[str, list[tuple[bool, float]]]] = defaultdict(
        lambda: defaultdict(list))
    warmup_end = START + timedelta(weeks=warmup_weeks)
    for moment, is_send, person, reply in timeline:
        if is_send and moment >= warmup_end and person.id in last_touch:
            scored = _score_send(person, moment, reply, learner, last_touch[person.id],
                                 truths[person.habit], window_hours)
            for name, outcome in scored.items():
                per_contact[person.id][name].append(outcome)
        if not is_send:
            learner.observe(person, moment)
        last_touch[person.id] = moment
    return _summarize(people, per_contact, learner, seed=seed, noise=noise, contacts=contacts,
                      weeks=weeks, window_hours=window_hours)


def _summarize(people: list[GeneratedContact], per_contact: dict, learner: _Learner, *,
               seed: int, **config: Any) -> dict[str, Any]:
    def rate(pid: str, name: str) -> float:
        return float(np.mean([hit for hit, _ in per_contact[pid][name]]))

    def latency(pid: str, name: str) -> float:
        return float(np.mean([hours for _, hours in per_contact[pid][name]]))

    ids = [p.id for p in people if per_contact.get(p.id)]
    methods = {name: {"hit_rate": round(float(np.mean([rate(i, name) for i in ids])), 4),
                      "latency_h": round(float(np.mean([latency(i, name) for i in ids])), 2)}
               for name in METHODS}
    versus = {}
    for baseline in ("last_contact_hour", "weekday_10am"):
        hit_diffs = [rate(i, "learned") - rate(i, baseline) for i in ids]
        lat_diffs = [latency(i, baseline) - latency(i, "learned") for i in ids]
        versus[baseline] = {
            "hit_rate_gain": round(float(np.mean(hit_diffs)), 4),
            "hit_rate_gain_ci95": _interval(hit_diffs, seed),
            "latency_saved_h": round(float(np.mean(lat_diffs)), 2),
            "latency_saved_h_ci95": _interval(lat_diffs, seed)}
    by_habit: dict[str, Any] = {}
    for habit in HABITS:
        members = [p for p in people if p.habit == habit and p.id in ids]
        recovered = [int(np.argmax(learner.model(p).distribution(p.id, p.account_id)))
                     in active_hours(habit) for p in members]
        by_habit[habit] = {
            "contacts": len(members),
            "recovered": round(float(np.mean(recovered)), 3) if members else 0.0,
            "hit_rate": {n: round(float(np.mean([rate(p.id, n) for p in members])), 3)
                         for n in METHODS if n != "immediately"} if members else {},
            "latency_h": {n: round(float(np.mean([latency(p.id, n) for p in members])), 1)
                          for n in METHODS} if members else {}}
    sends = sum(len(per_contact[i]["learned"]) for i in ids)
    return {"config": {**config, "seed": seed}, "contacts_scored": len(ids),
            "sends_scored": sends, "methods": methods, "learned_vs": versus,
            "by_habit": by_habit}


def format_report(report: dict[str, Any]) -> str:
    c = report["config"]
    lines = [f"Suggestion timing backtest: {c['contacts']} contacts, {c['weeks']} weeks, noise "
             f"{c['noise']:.0%}, {c['window_hours']} h windows, seed {c['seed']}; "
             f"{report['sends_scored']} sends scored over {report['contacts_scored']} contacts.",
             "", f"{'method':<20}{'reply in window':>16}{'reply latency (h)':>20}"]
    for name, m in report["methods"].items():
        lines.append(f"{name:<20}{m['hit_rate']:>16.1%}{m['latency_h']:>20.1f}")
    lines.append("")
    for baseline, v in report["learned_vs"].items():
        lo, hi = v["hit_rate_gain_ci95"]
        llo, lhi = v["latency_saved_h_ci95"]
        lines.append(f"learned vs {baseline}: hit rate {v['hit_rate_gain']:+.1%} "
                     f"(95% CI {lo:+.1%} to {hi:+.1%}); latency saved {v['latency_saved_h']:+.1f} h "
                     f"(95% CI {llo:+.1f} to {lhi:+.1f})")
    lines += ["", f"{'habit':<16}{'recovered':>10}{'hit learned':>13}{'last hour':>11}"
                  f"{'wkday 10am':>12}{'lat learned':>13}{'lat 10am':>10}"]
    for habit, h in report["by_habit"].items():
        if not h["contacts"]:
            continue
        lines.append(f"{habit:<16}{h['recovered']:>10.0%}{h['hit_rate']['learned']:>13.0%}"
                     f"{h['hit_rate']['last_contact_hour']:>11.0%}"
                     f"{h['hit_rate']['weekday_10am']:>12.0%}{h['latency_h']['learned']:>13.1f}"
                     f"{h['latency_h']['weekday_10am']:>10.1f}")
    return "\n".join(lines)
