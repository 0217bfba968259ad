"""A generated reply history whose contacts have known habits, for the suggestions backtest.

Contacts live in China, Europe and the US (so DST changes fall inside the history), and each
has a habit: office hours, early bird, night owl, weekend worker or lunch break. A rep writes
to them at random moments; each reply comes at the first hour the contact's true hourly hazard
fires (in their local time), or, with probability `noise`, at a uniformly random moment in the
next three days. Contacts also write first now and then, at habit-shaped times.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from assistant.suggestions.timing import HOURS_PER_WEEK, hour_of_week

TIMEZONES = ("Asia/Shanghai", "Asia/Urumqi", "Europe/Berlin", "Europe/London",
             "America/New_York", "America/Chicago", "America/Los_Angeles")
START = datetime(2026, 1, 5, tzinfo=UTC)  # a Monday; US and EU DST changes fall inside
QUIET_HAZARD = 0.005
NOISE_SPAN_HOURS = 72


def _hours(days: range | tuple[int, ...], hours: range | tuple[int, ...]) -> set[int]:
    return {d * 24 + h for d in days for h in hours}


WEEKDAYS, WEEKEND, EVERY_DAY = range(5), (5, 6), range(7)
HABITS: dict[str, dict[int, float]] = {
    "office": {**dict.fromkeys(_hours(WEEKDAYS, range(9, 18)), 0.3),
               **dict.fromkeys(_hours(WEEKDAYS, (10, 11, 14, 15)), 0.6)},
    "early_bird": dict.fromkeys(_hours(WEEKDAYS, (6, 7, 8)), 0.6),
    "night_owl": dict.fromkeys(_hours(EVERY_DAY, (21, 22, 23)), 0.6),
    "weekend_worker": {**dict.fromkeys(_hours(WEEKEND, range(10, 18)), 0.5),
                       **dict.fromkeys(_hours(WEEKDAYS, (19, 20)), 0.15)},
    "lunch_break": dict.fromkeys(_hours(WEEKDAYS, (12, 13)), 0.6),
}


def true_hazard(habit: str, noise: float) -> np.ndarray:
    """Hourly reply hazard by local hour of week, noise mixed in as a flat hazard."""
    hazard = np.full(HOURS_PER_WEEK, QUIET_HAZARD)
    for hour, value in HABITS[habit].items():
        hazard[hour] = value
    flat = 1 / NOISE_SPAN_HOURS
    return (1 - noise) * hazard + noise * flat


def active_hours(habit: str) -> set[int]:
    return {h for h, v in HABITS[habit].items() if v >= 0.3} or set(HABITS[habit])


@dataclass
class GeneratedContact:
    id: str
    account_id: str
    timezone: ZoneInfo
    habit: str
    sends: list[tuple[datetime, datetime | None]] = field(default_factory=list)  # (sent, reply)
    first_writes: list[datetime] = field(default_factory=list)


def _reply_after(sent: datetime, contact: GeneratedContact, rng: random.Random,
                 noise: float) -> datetime | None:
    if rng.random() < noise:
        return sent + timedelta(hours=rng.uniform(0, NOISE_SPAN_HOURS))
    hazard = true_hazard(contact.habit, 0.0)
    hour_start = sent.replace(minute=0, second=0, microsecond=0)
    for k in range(24 * 28):
        moment = hour_start + timedelta(hours=k)
        if rng.random() < hazard[hour_of_week(moment, contact.timezone)]:
            return max(sent, moment + timedelta(minutes=rng.uniform(0, 60)))
    return None


def _habit_moment(week_start: datetime, contact: GeneratedContact, rng: random.Random
                  ) -> datetime:
    weights = true_hazard(contact.habit, 0.0)
    hour = rng.choices(range(HOURS_PER_WEEK), weights=list(weights))[0]
    local_monday = week_start.astimezone(contact.timezone).replace(hour=0, minute=0, second=0,
                                                                   microsecond=0)
    local_monday -= timedelta(days=local_monday.weekday())
    local = local_monday + timedelta(hours=hour, minutes=rng.uniform(0, 60))
    return local.astimezone(UTC)


def generate_history(*, contacts: int, weeks: int, noise: float, seed: int,
                     sends_per_week: float = 2.0, first_writes_per_week: float = 0.7
                     ) -> list[GeneratedContact]:
    rng = random.Random(seed)
    habits = list(HABITS)
    people: list[GeneratedContact] = []
    for i in range(contacts):
        zone = ZoneInfo(TIMEZONES[(i // 3) % len(TIMEZONES)])  # an account's 3 share a zone
        people.append(GeneratedContact(id=f"c{i:04d}", account_id=f"a{i // 3:04d}",
                                       timezone=zone, habit=habits[i % len(habits)]))
    end = START + timedelta(weeks=weeks)
    for person in people:
        moment = START
        while True:
            moment += timedelta(hours=rng.expovariate(sends_per_week / HOURS_PER_WEEK))
            if moment >= end:
                break
            person.sends.append((moment, _reply_after(moment, person, rng, noise)))
        for week in range(weeks):
            if rng.random() < first_writes_per_week:
                person.first_writes.append(_habit_moment(START + timedelta(weeks=week),
                                                         person, rng))
    return people
