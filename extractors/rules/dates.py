"""Due-date phrases in English and Chinese, normalized against when the touchpoint happened.

Conventions (also in evals/GUIDE.md): a bare weekday ("Friday", "周五") is the next such day after
the reference day; "next Tuesday" / "下周二" is that weekday in the following calendar week
(weeks start on Monday); "next week" / "下周" with no day is that week's Monday; "this week" /
"本周" is this week's Friday; "end of month" / "月底" is the month's last day; "EOD" / "今天" is
the same day, and so are "now", "this afternoon", "下午", "一小时内". Explicit dates ("March 4",
"4th of March", "3/4" month first, "2026-03-04", "3月4日", "三月四号", "15号") are read by the
patterns' own groups and prefer the future: a day already past this year means next year's;
"by the 15th" is this month's 15th, or next month's once it has passed. "within 48 hours" counts
whole days (2), "in 15 minutes" is the same day. Vague times are no date: "early next month" and
"下个月初" like the GUIDE's "early July" / "七月初", "before the holiday", "节后", "回头"; a named
holiday in a deadline ("五一前", "春节之前", "before Christmas", "by Thanksgiving") is that holiday's
next date (Chinese lunar holidays and Thanksgiving from the `holidays` package), "end of Q3" that
quarter's last day, "in a fortnight" two weeks. A date
after "after" ("after the board meeting on March 5", "after Friday") is when a step may start, not
when it is due. "by then", "the day after", "第二天" point back at a date said earlier: the phrase
says how many days after it (`anaphor`), and the caller, who can see the earlier text, dates it.
The reference day is occurred_at's own local day, weekend or not ("tomorrow" on a Saturday is
Sunday). dateparser is not used: at 1.7 ms a call it cost more than the rest of the extractor. A weekday
or week after "last"/"上" is a past reference, not a due date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from extractors.rules.cues import lowered, register_pattern
from extractors.rules.folding import folded, gated, prefixed

WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
               "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3,
               "thur": 3, "thurs": 3, "fri": 4, "weds": 2}
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9, "十": 10}
_ZH_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5,
               "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_NUM_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "a couple of": 2, "a couple": 2, "a few": 3, "a": 1, "an": 1, "couple of": 2, "ten": 10,
           "twenty-four": 24, "forty-eight": 48, "seventy-two": 72}
# "May" only capitalized: "we may 5x our seats" is not a date
_MONTHS = ("january|february|march|april|(?-i:May)|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
MONTH_NUMBERS = {name: i for i, names in enumerate(
    ("", "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
     "august aug", "september sep sept", "october oct", "november nov", "december dec"))
    for name in names.split()}

# "the 15th" spelled out: its cue words are "15th" and the like
_ORDINALS = "|".join(f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"
                     for d in range(31, 0, -1))
_ORDINAL_DAYS = {w: d for d, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
     "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
     "eighteenth", "nineteenth", "twentieth"], start=1)}
_ORDINAL_DAYS |= {f"twenty-{w}": 20 + d for w, d in list(_ORDINAL_DAYS.items())[:9]}
_ORDINAL_DAYS |= {"thirtieth": 30, "thirty-first": 31}
# "by the twentieth" spelled out, only at the end of its phrase ("on the first call" is no date)
_ORDINAL_WORDS = "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True))
_WD = "|".join(sorted(WEEKDAYS_EN, key=len, reverse=True))
EN_PATTERN = re.compile(
    r"\b(?:(?P<eod>end of (?:the )?day|eod|end of business|cob|close of (?:business|play)|tonight|by lunch(?:time)?|"
    r"(?:later )?today|this afternoon|this morning|this evening|by noon|"
    r"within the (?:next )?hour|in the next hour|in an hour(?: or so)?|in a (?:sec|second|minute|moment|few minutes)|"
    r"shortly|(?:right )?(?<!from )now(?! on\b)|"
    # "after this call", "right after this": the conversation ends today ("after the meeting" may be
    # a later one: only "the call" at the end of a sentence is this one)
    r"(?:right |straight )?after (?:this(?: (?:call|meeting|session|demo))?|the call)(?= *(?:[.,;!?]|and\b|$))|"
    # "by 3pm", "before 10:30 a.m.": a clock time alone is today ("at 3pm" may be a meeting's time)
    r"(?:(?<=by )|(?<=before )|(?<=until )|(?<=till )|(?<=than ))(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)? ?(?:am|pm|a\.m|p\.m))"
    r"|(?P<tomorrow>(?:first thing )?(?:tomorrow|tmrw|tmr)(?: (?:morning|afternoon|evening))?|"
    r"first thing (?:in the )?morning)"
    r"|(?P<dayafter>the day after tomorrow|in a day or two)"
    r"|(?P<anaphor>(?:by|before) then|the day after(?= *(?:[.,;!?]|and\b|$)))"
    r"|(?P<thistime>this time next week)"
    r"|(?P<eow>end of (?:the |this )?(?:week|wk)|eow|this (?:week|wk)|within the week)"
    r"|(?P<eonw>end of next week)"
    r"|(?P<weekend>(?:this |the |over the )?weekend)"
    r"|(?P<nextweekend>next weekend)"
    r"|(?P<eom>end of (?:the |this )?month|eom|month[- ]end)"
    r"|(?P<eonm>end of next month)"
    r"|(?P<eoq>end of (?:the |this )?quarter|eoq)"
    # "by the end of Q3", "end of the second quarter": that quarter's last day
    r"|(?P<qend>end of (?:the )?(?:q(?P<qn>[1-4])|(?P<qw>first|second|third|fourth) quarter))"
    # "before Christmas": the holiday's own date (evals/GUIDE.md, "before <holiday>")
    r"|(?:(?<=before )|(?<=by )|(?<=ahead of ))(?P<holiday>christmas|xmas|thanksgiving|"
    r"new year(?:['’]s)?(?: day)?|the new year)"
    # "early next month" is as vague as "early July" (evals/GUIDE.md): no date
    r"|(?P<vague>(?:early|beginning of|start of) next month)"
    r"|(?P<nextmonth>next month)"
    r"|(?P<weekafter>the week after next)"
    rf"|(?P<nextwd>next (?P<nwd>{_WD}))\b"
    rf"|(?P<wdnext>(?P<wnd>{_WD}),? next week)"
    rf"|(?<!last )(?<!past )(?:(?:this|on|by|before|until|til|till|coming|first thing|every) )?(?P<wd>{_WD})\b"
    r"(?: (?:morning|afternoon|evening|night)\b)?"
    r"|(?P<nextweek>(?:early |later )?next (?:week|wk))"
    rf"|(?P<monthend>end of (?P<eomname>{_MONTHS}))"
    r"|(?:in|within|over|give (?:me|us)) (?:the next )?(?P<n>\d+|one|two|three|four|five|six|seven|ten|twenty-four|"
    r"forty-eight|seventy-two|a couple of|a couple|a few|a|an) "
    r"(?P<unit>business days?|working days?|days?|weeks?|fortnights?|months?|hours?|minutes?|mins?)(?: or so)?"
    # "by the 15th", "before the contract ends on the 28th": a day of this month or the next
    # (the preposition looked behind for, so the cue words are "15th", not "on the")
    r"|(?:(?<=by the )|(?<=on the )|(?<=before the )|(?<=until the )|(?<=till the )|(?<=for the )|"
    r"(?<=morning of the )|(?<=afternoon of the )|(?<=evening of the )|(?<=week of the )|"
    rf"(?<=no later than the ))(?:(?P<dom>{_ORDINALS})|(?P<domw>{_ORDINAL_WORDS})(?= *(?:[.,;!?)]|$|and\b|so\b|at\b|"
    r"of (?:the |this |next )?month\b)))"
    rf"(?!,? (?:of )?(?:{_MONTHS})\b| (?:floor|time|place|row|percentile|anniversary|birthday)\b)"
    rf"|(?P<explicit>(?P<m1>{_MONTHS})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m2>{_MONTHS})(?:,? (?P<y2>\d{{4}}))?"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    r"|(?P<m4>\d{1,2})/(?P<d4>\d{1,2})(?:/(?P<y4>\d{2,4}))?))\b",
    re.I,
)
# "tomorrow's reminders", "Monday's call": which thing, not when it is due; but "before Wednesday's
# call", "in next week's release" date the step by it
_POSSESSIVE = re.compile(r"['’]s\b")
_TIMED_BY = re.compile(r"\b(?:by|before|in|until|till|for|ahead of|on|at|with)\s*$")
ZH_PATTERN = gated(re.compile(
    r"(?P<today>(?:今天|今日)(?:之?[内內])?|今晚|下班(?:之)?前|今天下班(?:之)?前|(?<![周期拜天])(?:下午|上午|晚上|中午)|"
    r"[一半两]个?小时(?:之?内|后)|稍后|待会儿?|等会儿?|马上|立刻|现在(?:马上|就)?|"
    r"(?<![\d年月日号天])(?:\d{1,2}|[一二三四五六七八九十两]{1,3})点(?:半|\d{1,2}分)?(?:之前|以前|前))"
    r"|(?P<tomorrow>明天|明日|明早|明晚|聽日|听日|聽朝|听朝)"  # (Cantonese: 聽日, 聽朝)
    r"|(?P<threedays>大后天)"
    r"|(?P<dayafter>后天|[这过]两天)"
    r"|(?P<anaphor>(?:在)?(?:那|此)之前|第二天|次日)"
    r"|(?P<eonw>下周末|下个?星期末)"
    r"|(?P<weekafter>下下(?:个)?(?:周|星期|礼拜)(?P<wawd>[一二三四五六日天1-7])?)"
    r"|(?P<nextwd>下(?:个)?(?:周|星期|礼拜)(?P<nwd>[一二三四五六日天1-7]))"
    r"|(?P<thiswd>(?:这|本|呢(?=个))(?:个)?(?:周|星期|礼拜)(?P<twd>[一二三四五六日天1-7]))"
    r"|(?P<eow>(?:这|本|呢(?=个))(?:个)?(?:周|星期|礼拜)(?:内|末|之内)?|(?<!上)周末)"
    r"|(?P<nextweek>下(?:个)?(?:周|星期|礼拜))"
    r"|(?<!上)(?<!上个)(?P<wd>(?:周|星期|礼拜)(?P<wdd>[一二三四五六日天1-7]))"
    r"|(?P<eonm>下(?:个)?月底|下(?:个)?月末)"
    r"|(?P<nextmonthday>下(?:个)?月(?P<nmd>\d{1,2}|[一二三四五六七八九十]{1,3})[日号])"
    # "下个月初" is as vague as "七月初" (evals/GUIDE.md): no date
    r"|(?P<vague>下(?:个)?月初)"
    r"|(?P<nextmonth>下(?:个)?月)"
    # "四月底前", "6月末": that month's last day
    r"|(?<![\d年上])(?P<namedeom>(?:(?P<yre>\d{4})年)?(?P<moe>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?(?:底|末))"
    # "本月25日前", "这个月20号": a day of this month ("25日" alone after 月 is no explicit date)
    r"|(?P<thismonthday>(?:本|这个?)月(?P<tmd>\d{1,2}|[一二三四五六七八九十]{1,3})[日号])"
    r"|(?<!上)(?<!上个)(?P<eom>(?:本|这个?)?月底|(?:本|这个?)?月末|(?:本|这个?)月(?:之?内|以内))"
    r"|(?P<eoq>(?:本|这个?)?季度末|季末)"
    r"|(?P<eoy>年底|年末)"
    # "五一前", "春节之前": the holiday's own date (evals/GUIDE.md); "春节后" is no date
    r"|(?P<holiday>五一|劳动节|国庆节?|元旦|春节|过年|清明节?|端午节?|中秋节?)(?=之?前|以前)"
    r"|(?P<n>\d+|[一二两三四五六七八九十]+)(?:个)?(?P<unit>工作日|工作天|天|周|星期|礼拜|个月|小时|分钟)(?:之?内|后|以内)"
    r"|(?P<explicit>(?<![年月\d])(?:(?P<yr>\d{4})年)?(?:(?P<mo>\d{1,2}|[一二三四五六七八九十]{1,3})月)?(?P<dd>\d{1,2}|[一二三四五六七八九十]{1,3})[日号])"
))
# EN_PATTERN over lowercased text (two to three times faster, extractors/rules/folding.py); the
# one case-sensitive part, a capitalized "May", is checked on the match instead
_EN_FOLDED = folded(re.compile(EN_PATTERN.pattern.replace("(?-i:May)", "may"), re.I))
_MONTH_GROUPS = ("eomname", "m1", "m2")
# literal words every match of each pattern contains (extractors/rules/cues.py), read off the
# patterns themselves ("fri", "next wee", "in a sec", "/", "月底"), so they cannot drift from them
DATE_EN = register_pattern("date_en", _EN_FOLDED.original)
# the folded grammar behind a lookahead for its first three letters ("nex", "tue", "by "): most words
# of a sentence start with a letter some branch starts with, few with one of its beginnings
_EN_SEARCH = prefixed(_EN_FOLDED.folded)
DATE_ZH = register_pattern("date_zh", ZH_PATTERN)


HOURS_PER_DAY = 24


@dataclass(slots=True)  # one per match: builds ~4x faster than a frozen dataclass
class DuePhrase:
    phrase: str
    start: int
    end: int
    due: date | None
    # "by then", "the day after", "第二天": days after a date said earlier, which only the caller
    # can find (`due` is None until it does)
    anaphor: int | None = None
    starts: date | None = None  # "after Friday": when a step may start, which is no due date
    # "收到文件后三天内", "within 5 days of receipt": `due` counts from today, but the text counts
    # from an event it does not date; a step it times is a step, with no due date
    from_event: bool = False


def _zh_number(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    if raw == "十":
        return 10
    if "十" in raw:
        tens, _, ones = raw.partition("十")
        return (_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0)
    return _ZH_DIGITS.get(raw) if len(raw) == 1 else None


def _next_weekday(ref: date, weekday: int) -> date:
    return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)


def _weekday_next_week(ref: date, weekday: int) -> date:
    monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7)
    return monday + timedelta(days=weekday)


def _weekday_this_week(ref: date, weekday: int) -> date:
    day = ref - timedelta(days=ref.weekday()) + timedelta(days=weekday)
    return day if day >= ref else _next_weekday(ref, weekday)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(ref: date, months: int) -> date:
    month = ref.month - 1 + months
    year, month = ref.year + month // 12, month % 12 + 1
    return date(year, month, min(ref.day, calendar.monthrange(year, month)[1]))


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# a holiday named in a deadline: fixed days, and the lunar or weekday-counted ones looked up
_FIXED_HOLIDAYS = {"五一": (5, 1), "劳动节": (5, 1), "国庆": (10, 1), "国庆节": (10, 1), "元旦": (1, 1),
                   "christmas": (12, 25), "xmas": (12, 25), "new year": (1, 1), "new year's": (1, 1),
                   "new year’s": (1, 1), "new year's day": (1, 1), "new year’s day": (1, 1),
                   "the new year": (1, 1)}
_LOOKED_UP = {"春节": "Chinese New Year (Spring Festival)", "过年": "Chinese New Year (Spring Festival)",
              "清明": "Tomb-Sweeping Day", "清明节": "Tomb-Sweeping Day", "端午": "Dragon Boat Festival",
              "端午节": "Dragon Boat Festival", "中秋": "Mid-Autumn Festival", "中秋节": "Mid-Autumn Festival",
              "thanksgiving": "Thanksgiving Day"}


@lru_cache(maxsize=16)
def _holidays_of(year: int) -> dict[str, date]:
    """The first day of each Chinese public holiday and US Thanksgiving in `year` (the
    `holidays` package; imported only when a deadline names one)."""
    import holidays

    first: dict[str, date] = {}
    for table in (holidays.China(years=year), holidays.US(years=year)):
        for day, name in sorted(table.items()):
            first.setdefault(name, day)
    return first


def holiday_date(name: str, ref: date) -> date | None:
    """The next day of the holiday `name` on or after `ref` ("五一前" said in March: May 1)."""
    key = name.lower()
    for year in (ref.year, ref.year + 1):
        if key in _FIXED_HOLIDAYS:
            month, day = _FIXED_HOLIDAYS[key]
            found: date | None = date(year, month, day)
        else:
            found = _holidays_of(year).get(_LOOKED_UP.get(key, ""))
        if found is not None and found >= ref:
            return found
    return None


def _quarter_end(ref: date) -> date:
    month = ((ref.month - 1) // 3 + 1) * 3
    return _month_end(ref.year, month)


def _add_business_days(ref: date, days: int) -> date:
    current = ref
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def _in_n(ref: date, n: int, unit: str) -> date:
    unit = unit.lower()
    if unit.startswith(("min", "hour", "hr", "小时", "分钟")):  # "within 48 hours": whole days only
        return ref + timedelta(days=n // HOURS_PER_DAY) if unit[0] in "h小" else ref
    if unit.startswith(("business", "working", "工作日", "工作天")):  # 工作天: Taiwan's 工作日
        return _add_business_days(ref, n)
    if unit.startswith(("day", "天")):
        return ref + timedelta(days=n)
    if unit.startswith(("week", "周", "星期", "礼拜")):
        return ref + timedelta(weeks=n)
    if unit.startswith("fortnight"):
        return ref + timedelta(weeks=2 * n)
    return _add_months(ref, n)


def _next_month_end(ref: date) -> date:
    nxt = _add_months(ref.replace(day=1), 1)
    return _month_end(nxt.year, nxt.month)


# groups both languages' patterns name alike and resolve alike, tried in this order
_SHARED_RULES: tuple[tuple[str, Callable[[date], date]], ...] = (
    ("tomorrow", lambda ref: ref + timedelta(days=1)),
    ("dayafter", lambda ref: ref + timedelta(days=2)),
    ("weekafter", lambda ref: _weekday_next_week(ref, 0) + timedelta(days=7)),
    ("eonm", _next_month_end),
    ("eom", lambda ref: _month_end(ref.year, ref.month)),
    ("eoq", _quarter_end),
    ("nextmonth", lambda ref: _add_months(ref.replace(day=1), 1)),
)


def _shared(g: re.Match[str], ref: date) -> date | None:
    for name, rule in _SHARED_RULES:
        if name in g.re.groupindex and g[name]:
            return rule(ref)
    return None


def _resolve_en(m: re.Match[str], ref: date, ref_dt: datetime) -> date | None:
    g = m  # groups read by name as needed: a groupdict of every group costs more than the reads
    if g["eod"]:
        return ref
    if (shared := _shared(g, ref)) is not None:
        return shared
    if g["eonw"]:
        return _weekday_next_week(ref, 4)
    if g["eow"]:
        return _weekday_this_week(ref, 4)
    if g["weekend"]:
        return _weekday_this_week(ref, 5)
    if g["nextweekend"]:
        return _weekday_next_week(ref, 5)
    if g["thistime"]:
        return ref + timedelta(days=7)
    if g["nextwd"]:
        return _weekday_next_week(ref, WEEKDAYS_EN[g["nwd"].lower()])
    if g["wdnext"]:
        return _weekday_next_week(ref, WEEKDAYS_EN[g["wnd"].lower()])
    if g["wd"]:
        return _next_weekday(ref, WEEKDAYS_EN[g["wd"].lower()])
    if g["nextweek"]:
        return _weekday_next_week(ref, 0)
    if g["n"]:
        raw = g["n"].lower()
        n = int(raw) if raw.isdigit() else _NUM_EN.get(raw, 1)
        return _in_n(ref, n, g["unit"])
    if g["qend"]:
        quarter = int(g["qn"]) if g["qn"] else _QUARTER_WORDS[g["qw"].lower()]
        end = _month_end(ref.year, quarter * 3)
        return end if end >= ref else _month_end(ref.year + 1, quarter * 3)
    if g["holiday"]:
        return holiday_date(g["holiday"], ref)
    if g["monthend"]:
        month = MONTH_NUMBERS[g["eomname"].lower()]
        year = ref.year + (month < ref.month)
        return _month_end(year, month)
    if g["dom"]:
        return _day_of_month(ref, int(g["dom"][:-2]))
    if g["domw"]:
        return _day_of_month(ref, _ORDINAL_DAYS[g["domw"].lower()])
    if g["explicit"]:
        return _explicit_en(g, ref)
    return None


def _day_of_month(ref: date, day: int) -> date | None:
    """"by the 15th": this month's 15th, or next month's when that has passed."""
    if not 1 <= day <= 31:
        return None
    for months in (0, 1, 2):  # "the 31st" in a 30-day month is the next month that has one
        first = _add_months(ref.replace(day=1), months)
        if day <= calendar.monthrange(first.year, first.month)[1] and first.replace(day=day) >= ref:
            return first.replace(day=day)
    return None


def _explicit_en(g: re.Match[str], ref: date) -> date | None:
    """A written date; without a year, the next such day on or after `ref`."""
    for m, d, y in (("m1", "d1", "y1"), ("m2", "d2", "y2"), ("m3", "d3", "y3"), ("m4", "d4", "y4")):
        if g[d] is None:
            continue
        raw_month = g[m] or ""
        month = int(raw_month) if raw_month.isdigit() else MONTH_NUMBERS.get(raw_month.lower())
        raw_year = g[y]
        year = int(raw_year) if raw_year else None
        if year is not None and year < 100:
            year += 2000
        if month is None or not 1 <= month <= 12:
            return None
        try:
            found = date(year or ref.year, month, int(g[d] or 0))
        except ValueError:
            return None
        if year is None and found < ref:
            found = found.replace(year=ref.year + 1) if not (month == 2 and found.day == 29) \
                else found
        return found
    return None


def _resolve_zh(m: re.Match[str], ref: date) -> date | None:
    g = m  # groups read by name as needed
    if g["today"]:
        return ref
    if g["eonw"]:
        return _weekday_next_week(ref, 5)
    if g["threedays"]:
        return ref + timedelta(days=3)
    if g["weekafter"]:
        weekday = _ZH_WEEKDAY[g["wawd"]] if g["wawd"] else 0
        return _weekday_next_week(ref, weekday) + timedelta(days=7)
    if g["nextwd"]:
        return _weekday_next_week(ref, _ZH_WEEKDAY[g["nwd"]])
    if g["thiswd"]:
        return _weekday_this_week(ref, _ZH_WEEKDAY[g["twd"]])
    if g["eow"]:
        return _weekday_this_week(ref, 5 if "末" in g["eow"] else 4)
    if g["nextweek"]:
        return _weekday_next_week(ref, 0)
    if g["wd"]:
        return _next_weekday(ref, _ZH_WEEKDAY[g["wdd"]])
    if (shared := _shared(g, ref)) is not None:
        return shared
    if g["eoy"]:
        return date(ref.year, 12, 31)
    if g["holiday"]:
        return holiday_date(g["holiday"], ref)
    if g["namedeom"]:
        month = _zh_number(g["moe"])
        if not month or not 1 <= month <= 12:
            return None
        year = int(g["yre"]) if g["yre"] else ref.year + (month < ref.month)
        return _month_end(year, month)
    if g["thismonthday"]:
        day = _zh_number(g["tmd"])
        return ref.replace(day=day) if day and day <= calendar.monthrange(ref.year, ref.month)[1] else None
    if g["nextmonthday"]:
        first = _add_months(ref.replace(day=1), 1)
        day = _zh_number(g["nmd"])
        return first.replace(day=day) if day and day <= calendar.monthrange(first.year, first.month)[1] \
            else None
    if g["n"]:
        n = _zh_number(g["n"])
        return _in_n(ref, n, g["unit"]) if n else None
    if g["explicit"]:
        day = _zh_number(g["dd"])
        month = _zh_number(g["mo"]) if g["mo"] else ref.month
        if not day or not month or not 1 <= month <= 12:
            return None
        try:
            candidate = date(int(g["yr"]) if g["yr"] else ref.year, month, day)
        except ValueError:
            return None
        if candidate < ref and not g["yr"]:  # a past day means the next occurrence
            candidate = _add_months(candidate, 12 if g["mo"] else 1)
        return candidate
    return None


def find_due_phrases(text: str, occurred_at: datetime, start: int = 0, end: int | None = None,
                     *, cues: int = DATE_EN | DATE_ZH) -> list[DuePhrase]:
    """Every due-date phrase in text[start:end], with its date relative to occurred_at's day.

    `cues` (a sentence's cue bits) skips a language's pattern where none of its words occur.
    """
    end = len(text) if end is None else end
    ref = occurred_at.date()
    found: list[DuePhrase] = []
    if cues & DATE_EN:
        at = start
        low_text, pattern = lowered(text), _EN_SEARCH  # one lowercasing for every search
        while (low := pattern.search(low_text, at, end)) is not None:
            begin, stop = low.span()  # the groups lowercased: all the resolvers need
            if "may" in low.group(0) and any(low.group(g) == "may"
                                             and text[low.start(g) : low.end(g)] != "May"
                                             for g in _MONTH_GROUPS):
                at = begin + 1  # "we may 5x our seats": only a capitalized May is the month
                continue
            at = stop if stop > begin else stop + 1
            if low_text.startswith(("'s", "’s"), stop) and _POSSESSIVE.match(low_text, stop) \
                    and not _TIMED_BY.search(low_text, max(0, begin - 12), begin) \
                    and not low.group(0).startswith(("by ", "before ", "on ", "until ", "till ")):
                continue
            found.append(_phrase(text, low, _resolve_en(low, ref, occurred_at)))
    english = len(found)
    if cues & DATE_ZH:
        for zh in ZH_PATTERN.finditer(text, start, end):
            found.append(_phrase(text, zh, _resolve_zh(zh, ref)))
    if 0 < english < len(found):  # each language's phrases come in order already
        found.sort(key=lambda d: d.start)
    return _joined(text, found, ref) if len(found) > 1 else found


# "after the board meeting on March 5", "after Friday": when the step may start, not its due date
_AFTER = re.compile(r"\bafter (?:(?:the|our|your|my|their) )?(?:[\w-]+ ){0,4}?(?:on |of )?$", re.I)
MAX_AFTER_CHARS = 48
# "把报价有效期延到六月底", "extend the trial until May 30": the date is the new end of something, what
# the step sets, not when it is due
_EXTENDED_TO = re.compile(r"(?:(?:延长?|顺延|延期|展期)(?:到|至)|有效期(?:到|至))\s*$|\b(?:extend(?:s|ed|ing)?|"
                          r"valid|good)\b[\w\s'-]{0,30}?\b(?:to|until|till|through|thru)\s*$", re.I)
MAX_EXTENDED_CHARS = 40
_TARGET_ENDS = ("到", "至", "to", "until", "till", "through", "thru")
_ANAPHOR_DAYS = {"then": 0, "after": 1, "第二天": 1, "次日": 1}


# "收到文件后三天内", "勘测完我三个工作日内", "Once it's back, I'll set it up within 2 business days",
# "within 5 days of receipt": a span counted from an event the text does not date (evals/GUIDE.md:
# an action tied to an event is undated unless the text dates the action itself)
_ZH_AFTER_EVENT = re.compile(r"(?:后|完)[，,]?\s*(?:我们|我方|我|咱们|你们|您|他们|对方)?(?:这边|那边)?"
                             r"(?:会|将|可以|能|一般)?(?:在|于)?\s*$")
_EN_AFTER_EVENT = re.compile(r"\b(?:once|as soon as|upon|after(?! (?:this|the|our) (?:call|meeting)\b| today\b| that\b))"
                             r"\b[^.!?;\n]*$", re.I)
_EN_OF_EVENT = re.compile(r"\s*(?:of|after|from) (?:receiving|receipt|getting|approval|approving|signing|sign-off|"
                          r"(?:the|your) (?:signed|approved|final|approval|confirmation|sign-off|go-ahead))\b", re.I)
MAX_EVENT_CHARS = 80
_SENTENCE_STOPS = ".!?;\n。！？；"


def _counted_from_event(text: str, m: re.Match[str]) -> bool:
    """Whether a "within N days" phrase counts from an event said beside it (see above)."""
    begin = m.start()
    window = text[max(0, begin - MAX_EVENT_CHARS) : begin]
    cut = max(window.rfind(stop) for stop in _SENTENCE_STOPS)
    window = window[cut + 1 :]
    if "后" in window or "完" in window:
        return _ZH_AFTER_EVENT.search(window) is not None
    return _EN_AFTER_EVENT.search(window) is not None or _EN_OF_EVENT.match(text, m.end()) is not None


def _phrase(text: str, m: re.Match[str], due: date | None) -> DuePhrase:
    begin, stop = m.span()
    phrase = DuePhrase(text[begin:stop], begin, stop, due)
    if due is not None and m["n"] is not None and _counted_from_event(text, m):
        phrase.from_event = True
    if due is not None and "fter" in text[max(0, begin - MAX_AFTER_CHARS) : begin] \
            and _AFTER.search(text, max(0, begin - MAX_AFTER_CHARS), begin):
        phrase.due, phrase.starts = None, due
    if due is not None and text[max(0, begin - 9) : begin].rstrip().endswith(_TARGET_ENDS) \
            and _EXTENDED_TO.search(text, max(0, begin - MAX_EXTENDED_CHARS), begin):
        phrase.due = None
    if (anaphor := m["anaphor"]) is not None:
        last = anaphor.rsplit(" ", 1)[-1].lower()
        phrase.anaphor = _ANAPHOR_DAYS.get(last, _ANAPHOR_DAYS.get(anaphor, 0))
    return phrase


_TOUCHING = re.compile(r"\.?\s*(?:on |of |by |before |until )?")  # "Friday by 3pm" is Friday
MAX_TOUCHING_GAP = 5  # "4:00 p.m. on March 27": the clock's dot, a space and "on "


# "Friday, April 10", "Thursday 12 March": a weekday that names the written date beside it
_WEEKDAY_ONLY = re.compile(rf"(?:(?:this|on|by|before|until|til|till|coming) )?(?:{_WD})", re.I)
_DATE_APPOSITION = re.compile(r",? ?(?:the )?")
_WRITTEN_DATE = re.compile(rf"\d|(?:{_MONTHS})\b", re.I)


def _joined(text: str, found: list[DuePhrase], ref: date) -> list[DuePhrase]:
    """A time of day next to a day is that day: "by end of day tomorrow", "明天下班前" (one phrase,
    the day's date), not today's end of day and then tomorrow. A weekday followed by its written
    date is that date ("by Friday, April 10": the Friday meant may be weeks away)."""
    joined = [found[0]]
    for later in found[1:]:
        first = joined[-1]
        gap = text[first.end : later.start]
        if later.due and len(gap) <= 2 and _DATE_APPOSITION.fullmatch(gap) \
                and _WEEKDAY_ONLY.fullmatch(first.phrase) and _WRITTEN_DATE.match(later.phrase):
            joined[-1] = DuePhrase(text[first.start : later.end], first.start, later.end, later.due)
            continue
        if first.due and later.due and first.due != later.due and (ref in (first.due, later.due)) \
                and len(gap) <= MAX_TOUCHING_GAP and _TOUCHING.fullmatch(gap):
            day = later.due if first.due == ref else first.due
            joined[-1] = DuePhrase(text[first.start : later.end], first.start, later.end, day)
        else:
            joined.append(later)
    return joined


def resolve_due(phrase: str, occurred_at: datetime) -> date | None:
    """The date of the first due phrase in `phrase`, or None."""
    found = [d for d in find_due_phrases(phrase, occurred_at) if d.due]
    return found[0].due if found else None
