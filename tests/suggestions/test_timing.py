"""Timing: the learner recovers a habit, a newcomer gets the prior, windows live in the
contact's own timezone across DST changes, and holidays (China's adjusted working weekends
included) and working hours are respected."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from assistant.models import Contact
from assistant.storage.db import Database
from assistant.suggestions import refresh_suggestions
from assistant.suggestions.calendars import holiday_name, is_working_day, locate
from assistant.suggestions.policy import TimingPolicy
from assistant.suggestions.timing import (
    Response,
    global_prior,
    grid_for,
    hour_of_week,
    learn_timing,
    rank_windows,
)
from tests.suggestions.builders import TENANT, HistoryBuilder, competitor

NY = ZoneInfo("America/New_York")
SHANGHAI = ZoneInfo("Asia/Shanghai")
WEEKDAYS = (0, 1, 2, 3, 4)


def test_a_contact_with_a_habit_gets_windows_at_that_habit():
    policy = TimingPolicy()
    wednesday_15h = 2 * 24 + 15
    model = learn_timing([Response("c1", "a1", wednesday_15h)] * 10, tenant_hours=[],
                         policy=policy)
    distribution = model.distribution("c1", "a1")
    assert int(np.argmax(distribution)) == wednesday_15h
    now = datetime(2026, 3, 16, 8, 0, tzinfo=NY)  # a Monday morning
    grid = grid_for(NY, "US", now, policy)
    [best, *_] = rank_windows(grid, model.hazard(distribution), now=now, reply_rate=0.5,
                              policy=policy)
    assert best.start.weekday() == 2 and best.start.hour <= 15 < best.end.hour


def test_a_contact_without_history_gets_the_prior():
    policy = TimingPolicy()
    model = learn_timing([], tenant_hours=[], policy=policy)
    distribution = model.distribution("nobody", None)
    top = {int(h) % 24 for h in np.argsort(-distribution)[:20]}
    assert top <= set(range(9, 18))
    assert all(int(h) // 24 < 5 for h in np.argsort(-distribution)[:20])
    assert np.isclose(distribution.sum(), 1.0) and np.allclose(global_prior().sum(), 1.0)


def test_few_replies_move_a_contact_only_part_of_the_way():
    policy = TimingPolicy()
    night = 1 * 24 + 22  # Tuesday 22:00
    few = learn_timing([Response("c", None, night)] * 2, tenant_hours=[], policy=policy)
    many = learn_timing([Response("c", None, night)] * 40, tenant_hours=[], policy=policy)
    assert few.distribution("c", None)[night] < many.distribution("c", None)[night]


@pytest.mark.parametrize("day, country, working", [
    (date(2026, 2, 14), "CN", True),  # Saturday made a working day before the Spring Festival
    (date(2026, 2, 16), "CN", False),  # Spring Festival, a Monday
    (date(2026, 2, 28), "CN", True),  # Saturday made a working day after it
    (date(2026, 10, 1), "CN", False),  # National Day
    (date(2026, 10, 10), "CN", True),  # adjusted working Saturday
    (date(2027, 2, 8), "CN", False),  # past chinese_calendar's data: falls back to holidays
    (date(2026, 7, 3), "US", False),  # Independence Day, observed on the Friday
    (date(2026, 7, 6), "US", True),
    (date(2026, 12, 25), "DE", False),
    (date(2026, 3, 14), "US", False),  # a plain Saturday
], ids=["cn-adjusted-saturday", "cn-spring-festival", "cn-adjusted-saturday-after",
        "cn-national-day", "cn-adjusted-october", "cn-2027-fallback", "us-observed",
        "us-monday", "de-christmas", "us-saturday"])
def test_working_days_follow_the_holiday_calendars(day, country, working):
    assert is_working_day(day, country, WEEKDAYS, True) is working


def test_holidays_have_names_for_explanations():
    assert holiday_name(date(2026, 10, 1), "CN") == "National Day"
    assert holiday_name(date(2026, 10, 13), "CN") is None


def test_windows_skip_the_spring_festival_and_use_the_adjusted_saturday():
    policy = TimingPolicy(day_discount=0.2)
    now = datetime(2026, 2, 13, 17, 30, tzinfo=SHANGHAI)  # Friday, too late for a 2 h window
    model = learn_timing([], tenant_hours=[], policy=policy)
    windows = rank_windows(grid_for(SHANGHAI, "CN", now, policy),
                           model.hazard(np.full(168, 1 / 168)), now=now, reply_rate=0.5,
                           policy=policy)
    assert windows and {w.start.date() for w in windows} == {date(2026, 2, 14)}
    assert all(w.start.hour >= 9 and w.end.hour <= 18 for w in windows)


def test_hour_of_week_is_local_across_the_dst_change():
    before = datetime(2026, 3, 3, 14, 10, tzinfo=UTC)  # 09:10 EST
    after = datetime(2026, 3, 10, 13, 10, tzinfo=UTC)  # 09:10 EDT
    assert hour_of_week(before, NY) == hour_of_week(after, NY) == 1 * 24 + 9


def test_windows_stay_at_the_contacts_local_hour_after_dst(db: Database):
    history = HistoryBuilder(db)
    history.account()
    history.contact()
    for week in range(8):  # Tuesdays 09:10 New York time, all in winter time (UTC-5)
        history.touchpoint(datetime(2026, 1, 6, 9, 10, tzinfo=NY) + timedelta(weeks=week))
    tp = history.touchpoint(datetime(2026, 3, 5, 9, 10, tzinfo=NY),
                            turns=[("customer", "We are evaluating HubSpot too.")])
    history.insights(tp, competitors=[competitor(tp, "evaluating HubSpot", "HubSpot")])
    now = datetime(2026, 3, 9, 12, 0, tzinfo=NY)  # Monday, the day after the change to UTC-4
    [found] = [s for s in refresh_suggestions(db, tenant_id=TENANT, now=now)
               if s.rule_id == "competitor_evaluating"]
    assert found.timezone == "America/New_York"
    assert (found.window_start.weekday(), found.window_start.hour) == (1, 9)
    assert found.window_start.astimezone(UTC).hour == 13  # 14:00 UTC before the change


@pytest.mark.parametrize("contact, offsets, expected, source", [
    (Contact(id="c", tenant_id="t", timezone="Europe/Berlin", phones=["+8613800138000"]), [],
     "Europe/Berlin", "contact"),
    (Contact(id="c", tenant_id="t", phones=["+8613800138000"]), [], "Asia/Shanghai", "phone"),
    (Contact(id="c", tenant_id="t", phones=["+12125550134"]), [], "America/New_York", "phone"),
    (Contact(id="c", tenant_id="t"), [330, 330, 0], "UTC+05:30", "email offsets"),
    (Contact(id="c", tenant_id="t"), [], "UTC", "default"),
], ids=["record", "cn-phone", "us-phone", "email-headers", "default"])
def test_the_contacts_timezone_comes_from_record_phone_or_email_headers(contact, offsets,
                                                                       expected, source):
    where = locate(contact, None, email_offsets=offsets, default_timezone="UTC",
                   default_country=None)
    assert (where.timezone_name, where.timezone_source) == (expected, source)


def test_the_holiday_country_comes_from_the_phone_then_the_domain():
    phone = Contact(id="c", tenant_id="t", phones=["+8613800138000"])
    assert locate(phone, None, email_offsets=[], default_timezone="UTC",
                  default_country="US").country == "CN"
    from assistant.models import Account

    account = Account(id="a", tenant_id="t", name="A", domains=["example.de"])
    assert locate(None, account, email_offsets=[], default_timezone="UTC",
                  default_country="US").country == "DE"
