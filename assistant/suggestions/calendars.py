"""Where a contact is and when they work: timezone, country, working days and hours.

The timezone comes from the contact record, then the phone number's region (`phonenumbers`),
then the UTC offset their own emails were written in, then the account's, then the default.
Public holidays come from `holidays`; mainland China uses `chinese_calendar`, which also knows
the adjusted working weekends (调休), falling back to `holidays` for years it does not cover yet.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import chinese_calendar
import holidays
import phonenumbers
from phonenumbers import timezone as phone_timezone

from assistant.models import Account, Contact


@dataclass(frozen=True)
class Whereabouts:
    timezone: tzinfo
    timezone_name: str
    timezone_source: str  # "contact", "phone", "email offsets", "account", "default"
    country: str | None


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _phone_zone_and_region(phones: Iterable[str]) -> tuple[str | None, str | None]:
    for raw in phones:
        try:
            number = phonenumbers.parse(raw, None)
        except phonenumbers.NumberParseException:
            continue
        region = phonenumbers.region_code_for_number(number)
        zones = [z for z in phone_timezone.time_zones_for_number(number) if _zone(z)]
        return (zones[0] if len(zones) == 1 else None), region
    return None, None


def _offset_name(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def locate(contact: Contact | None, account: Account | None, *, email_offsets: Iterable[int],
           default_timezone: str, default_country: str | None) -> Whereabouts:
    """Timezone and holiday country of a contact (or of an account when there is no contact)."""
    phone_zone, region = _phone_zone_and_region(contact.phones if contact else [])
    country = region or _domain_country(account) or default_country
    if contact is not None and (zone := _zone(contact.timezone)):
        return Whereabouts(zone, zone.key, "contact", country)
    if phone_zone and (zone := _zone(phone_zone)):
        return Whereabouts(zone, zone.key, "phone", country)
    offsets = Counter(email_offsets)
    if offsets:
        minutes = offsets.most_common(1)[0][0]
        return Whereabouts(timezone(timedelta(minutes=minutes)), _offset_name(minutes),
                           "email offsets", country)
    if account is not None and (zone := _zone(account.timezone)):
        return Whereabouts(zone, zone.key, "account", country)
    zone = _zone(default_timezone) or ZoneInfo("UTC")
    return Whereabouts(zone, zone.key, "default", country)


def _domain_country(account: Account | None) -> str | None:
    for domain in account.domains if account else []:
        suffix = domain.rsplit(".", 1)[-1].upper()
        if len(suffix) == 2 and suffix in holidays.list_supported_countries():
            return suffix
    return None


@functools.lru_cache(maxsize=256)
def _country_holidays(country: str, year: int) -> holidays.HolidayBase | None:
    try:
        return holidays.country_holidays(country, years=year)
    except NotImplementedError:  # a country code holidays does not know
        return None


@functools.lru_cache(maxsize=4096)
def is_working_day(day: date, country: str | None, working_days: tuple[int, ...],
                   respect_holidays: bool) -> bool:
    """A working day in `country`: a usual working weekday that is not a public holiday, or a
    weekend day made a working day (China's adjusted working weekends)."""
    if not respect_holidays or country is None:
        return day.weekday() in working_days
    if country == "CN":
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:  # a year chinese_calendar has no data for yet
            pass
    calendar = _country_holidays(country, day.year)
    if calendar is None:
        return day.weekday() in working_days
    if day in getattr(calendar, "weekend_workdays", ()):
        return True
    return day.weekday() in working_days and day not in calendar


def holiday_name(day: date, country: str | None) -> str | None:
    """The public holiday on `day`, for explanations."""
    if country == "CN":
        try:
            is_holiday, name = chinese_calendar.get_holiday_detail(day)
            if is_holiday and name:
                return str(name)
        except NotImplementedError:
            pass
    calendar = _country_holidays(country, day.year) if country else None
    return calendar.get(day) if calendar is not None else None


def is_working_time(moment: datetime, zone: tzinfo, *, country: str | None,
                    working_hours: tuple[int, int], working_days: tuple[int, ...],
                    respect_holidays: bool) -> bool:
    local = moment.astimezone(zone)
    start, end = working_hours
    return (start <= local.hour < end
            and is_working_day(local.date(), country, working_days, respect_holidays))
