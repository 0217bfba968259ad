"""Due-date normalization, English and Chinese, against a Monday morning in Shanghai."""

from datetime import date, datetime, timedelta, timezone

import pytest

from extractors.rules.dates import find_due_phrases, resolve_due
from tests.extractors.test_rules_next_steps import steps

MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=8)))

CASES = [
    ("by Friday", "by Friday", date(2026, 3, 6)),
    ("next Tuesday", "let's meet next Tuesday", date(2026, 3, 10)),
    ("EOD", "I'll confirm by EOD", date(2026, 3, 2)),
    ("end of month", "sign by the end of the month", date(2026, 3, 31)),
    ("tomorrow morning", "call you tomorrow morning", date(2026, 3, 3)),
    ("in two weeks", "follow up in two weeks", date(2026, 3, 16)),
    ("explicit month day", "send it by March 4", date(2026, 3, 4)),
    ("explicit day of month", "the 4th of April", date(2026, 4, 4)),
    ("us numeric", "due 3/4", date(2026, 3, 4)),
    ("iso", "due 2026-03-10", date(2026, 3, 10)),
    ("next week", "sometime next week", date(2026, 3, 9)),
    ("end of next week", "by end of next week", date(2026, 3, 13)),
    ("business days", "within 3 business days", date(2026, 3, 5)),
    ("hours in digits", "we'll reply within 48 hours", date(2026, 3, 4)),
    ("an hour", "back within an hour", date(2026, 3, 2)),
    ("48小时内", "新机器48小时内发出", date(2026, 3, 4)),
    ("3个小时内", "3个小时内回复您", date(2026, 3, 2)),
    ("weekday wraps to next week", "on Monday", date(2026, 3, 9)),
    ("下周二", "我下周二前把报价发给您", date(2026, 3, 10)),
    ("月底", "月底之前确认", date(2026, 3, 31)),
    ("明天上午", "我们明天上午再约个会", date(2026, 3, 3)),
    ("下周三", "下周三之前", date(2026, 3, 11)),
    ("周五前", "周五前给您答复", date(2026, 3, 6)),
    ("这周五", "这周五发", date(2026, 3, 6)),
    ("3月4日", "3月4日开会", date(2026, 3, 4)),
    ("三月四号", "三月四号见", date(2026, 3, 4)),
    ("past day of month rolls forward", "1号之前", date(2026, 4, 1)),
    ("三天内", "三天内回复", date(2026, 3, 5)),
    ("后天", "后天给您", date(2026, 3, 4)),
    ("end of day before a day", "I'll send it by end of day tomorrow", date(2026, 3, 3)),
    ("EOD after a day", "by Thursday EOD", date(2026, 3, 5)),
    ("明天下班前", "明天下班前发您", date(2026, 3, 3)),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_due_phrases_resolve_against_the_touchpoint_day(text, expected):
    assert resolve_due(text, MONDAY) == expected


# the way people write deadlines, against evals/GUIDE.md's example day (Tuesday 2026-03-10)
TUESDAY = datetime(2026, 3, 10, 14, 0, tzinfo=timezone(timedelta(hours=-5)))
WRITTEN = [
    ("EOD", "I'll have it over EOD", date(2026, 3, 10)),
    ("COB", "by COB", date(2026, 3, 10)),
    ("COB with a day", "by COB Friday", date(2026, 3, 13)),
    ("end of next week", "by end of next week", date(2026, 3, 20)),
    ("early next week", "early next week works", date(2026, 3, 16)),
    ("next Tues", "next Tues at 2", date(2026, 3, 17)),
    ("Weds", "I can do Weds", date(2026, 3, 11)),
    ("a weekday then next week", "Tuesday next week", date(2026, 3, 17)),
    ("the week after next", "the week after next", date(2026, 3, 23)),
    ("this time next week", "this time next week", date(2026, 3, 17)),
    ("in a couple of days", "in a couple of days", date(2026, 3, 12)),
    ("in a couple days", "in a couple days", date(2026, 3, 12)),
    ("in a day or two", "I'll get back to you in a day or two", date(2026, 3, 12)),
    ("by the 15th", "by the 15th", date(2026, 3, 15)),
    ("a passed day of month is next month's", "on the 5th", date(2026, 4, 5)),
    ("by the 31st", "by the 31st", date(2026, 3, 31)),
    ("first thing Monday", "first thing Monday", date(2026, 3, 16)),
    ("a weekday and its part of the day", "Thursday morning", date(2026, 3, 12)),
    ("first thing tomorrow", "first thing tomorrow", date(2026, 3, 11)),
    ("first thing in the morning", "first thing in the morning", date(2026, 3, 11)),
    ("within 48 hours", "within 48 hours", date(2026, 3, 12)),
    ("in 24 hours", "in 24 hours", date(2026, 3, 11)),
    ("minutes are the same day", "in the next 15 minutes", date(2026, 3, 10)),
    ("within the next hour", "within the next hour", date(2026, 3, 10)),
    ("or so", "in an hour or so", date(2026, 3, 10)),
    ("within 5 business days", "within 5 business days", date(2026, 3, 17)),
    ("working days", "within 2 working days", date(2026, 3, 12)),
    ("this weekend", "over the weekend", date(2026, 3, 14)),
    ("end of April", "by the end of April", date(2026, 4, 30)),
    ("下礼拜", "下礼拜给您", date(2026, 3, 16)),
    ("礼拜三", "礼拜三之前", date(2026, 3, 11)),
    ("周五前", "周五前发", date(2026, 3, 13)),
    ("月底前", "月底前付款", date(2026, 3, 31)),
    ("这两天", "这两天发我", date(2026, 3, 12)),
    ("过两天", "过两天再联系您", date(2026, 3, 12)),
    ("大后天 is three days", "大后天到", date(2026, 3, 13)),
    ("下下周", "下下周再约", date(2026, 3, 23)),
    ("下下周三", "下下周三见", date(2026, 3, 25)),
    ("48小时内", "48小时内给您答复", date(2026, 3, 12)),
    ("本月内", "本月内完成", date(2026, 3, 31)),
    ("等会", "等会发你", date(2026, 3, 10)),
    ("下班之前", "下班之前发您", date(2026, 3, 10)),
    ("a clock time after a day", "Thursday by 5pm", date(2026, 3, 12)),
    ("五点前", "五点前给您回复", date(2026, 3, 10)),
    ("明天5点前", "明天5点前发您", date(2026, 3, 11)),
    ("下个月15号", "下个月15号之前付款", date(2026, 4, 15)),
    ("下个月一号", "下个月一号上线", date(2026, 4, 1)),
    ("close of play", "by close of play", date(2026, 3, 10)),
    ("by lunch", "by lunchtime", date(2026, 3, 10)),
    ("within the week", "within the week", date(2026, 3, 13)),
    ("over the next few days", "over the next two days", date(2026, 3, 12)),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in WRITTEN], ids=[c[0] for c in WRITTEN])
def test_deadlines_as_people_write_them(text, expected):
    assert resolve_due(text, TUESDAY) == expected


# named quarters, fortnights and holidays (GUIDE: "before <holiday>" is the holiday's own date,
# the next one on or after the touchpoint; Chinese lunar holidays from the `holidays` package)
NAMED = [
    ("end of Q2", "we need it live by the end of Q2", date(2026, 6, 30)),
    ("end of the first quarter", "before the end of the first quarter", date(2026, 3, 31)),
    ("a past quarter rolls forward", "by the end of Q1", date(2026, 3, 31)),
    ("fortnight", "I'll check in within a fortnight", date(2026, 3, 24)),
    ("before Christmas", "we'd like it installed before Christmas", date(2026, 12, 25)),
    ("by Thanksgiving", "ship the samples by Thanksgiving", date(2026, 11, 26)),
    ("五一前", "五一前把样品寄过来", date(2026, 5, 1)),
    ("国庆节之前", "国庆节之前完成验收", date(2026, 10, 1)),
    ("清明节前", "清明节前给个答复", date(2026, 4, 5)),
    ("春节前 is next year's once this one passed", "春节前把合同签了", date(2027, 2, 6)),
    ("中秋前", "中秋前发货", date(2026, 9, 25)),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in NAMED], ids=[c[0] for c in NAMED])
def test_named_quarters_and_holidays(text, expected):
    assert resolve_due(text, TUESDAY) == expected


VAGUE = [
    ("before the holiday", "I'll send it before the holiday"),
    ("after a named holiday", "春节后再说"),
    ("a holiday without a deadline word", "we had a quiet Christmas"),
    ("early next month", "let's pick it up early next month"),
    ("节后", "节后再说"),
    ("下个月初 like 七月初", "下个月初上线"),
    ("回头", "回头发您"),
    ("after an event on a date", "I'll check back in after the board meeting on March 5"),
    ("after a day", "let's talk after Friday"),
    ("a day after an event", "I'll email you the day after the meeting"),
]


@pytest.mark.parametrize("text", [c[1] for c in VAGUE], ids=[c[0] for c in VAGUE])
def test_vague_times_and_start_times_have_no_due_date(text):
    assert resolve_due(text, TUESDAY) is None


SATURDAY = datetime(2026, 3, 14, 11, 0, tzinfo=timezone(timedelta(hours=8)))
SUNDAY = datetime(2026, 3, 15, 11, 0, tzinfo=timezone(timedelta(hours=8)))
WEEKENDS = [
    ("tomorrow on a Saturday is Sunday", SATURDAY, "tomorrow", date(2026, 3, 15)),
    ("Monday on a Saturday", SATURDAY, "by Monday", date(2026, 3, 16)),
    ("next week on a Sunday starts the next day", SUNDAY, "next week", date(2026, 3, 16)),
    ("下周一 on a Sunday", SUNDAY, "下周一", date(2026, 3, 16)),
    ("business days skip the weekend", SATURDAY, "within 2 business days", date(2026, 3, 17)),
    ("a weekday on that weekday is a week on", SATURDAY, "周六", date(2026, 3, 21)),
]


@pytest.mark.parametrize(("occurred", "text", "expected"), [c[1:] for c in WEEKENDS],
                         ids=[c[0] for c in WEEKENDS])
def test_weekend_reference_days(occurred, text, expected):
    assert resolve_due(text, occurred) == expected


def test_the_reference_day_is_the_local_day_where_the_touchpoint_happened():
    friday_night_pacific = datetime(2026, 3, 13, 23, 30, tzinfo=timezone(timedelta(hours=-8)))
    assert resolve_due("tomorrow", friday_night_pacific) == date(2026, 3, 14)  # not UTC's Sunday
    shanghai_morning = datetime(2026, 3, 16, 7, 0, tzinfo=timezone(timedelta(hours=8)))
    assert resolve_due("今天", shanghai_morning) == date(2026, 3, 16)  # not UTC's Sunday


@pytest.mark.parametrize(("text", "days"), [("before then", 0), ("by then", 0), ("the day after.", 1),
                                            ("在那之前", 0), ("第二天", 1)],
                         ids=["before then", "by then", "the day after", "在那之前", "第二天"])
def test_phrases_that_point_back_at_an_earlier_date_say_how_far(text, days):
    [phrase] = find_due_phrases(text, TUESDAY)
    assert phrase.due is None and phrase.anaphor == days


@pytest.mark.parametrize("text", ["we may 5x our seats", "we sat down with the team",
                                  "the price is 3 per seat", "我们有三个团队", "on the 3rd floor",
                                  "for the 2nd time", "on the first call we agreed", "tomorrow's agenda"],
                         ids=["may as verb", "sat as verb", "a number", "chinese count", "a floor",
                              "an ordinal time", "a spelled ordinal before a noun", "a possessive day"])
def test_ordinary_words_are_not_dates(text):
    assert resolve_due(text, MONDAY) is None


def test_phrase_offsets_point_into_the_text():
    text = "OK. I'll send it by Friday."
    [phrase] = find_due_phrases(text, MONDAY)
    assert text[phrase.start:phrase.end] == phrase.phrase == "by Friday"


def test_a_time_of_day_next_to_a_day_is_one_phrase_with_the_days_date():
    text = "I'll send it by end of day tomorrow."
    assert [(d.phrase, d.due) for d in find_due_phrases(text, MONDAY)] == [
        ("end of day tomorrow", date(2026, 3, 3))]
    assert [d.due for d in find_due_phrases("today or tomorrow", MONDAY)] == [
        date(2026, 3, 2), date(2026, 3, 3)]


# (occurred Monday 2026-03-02)
DAY_FORMS = [
    ("本月 day", "请于本月20日前回传签字页", date(2026, 3, 20)),
    ("这个月 day", "这个月18号之前给个答复", date(2026, 3, 18)),
    ("工作天 (Taiwan, in the Mandarin view the rules read)", "我们会在2个工作天内回复", date(2026, 3, 4)),
    ("Cantonese 呢个 week", "我呢个礼拜内将单据发俾你", date(2026, 3, 6)),
    ("weekday then its written date", "the draft comes by Monday, March 23", date(2026, 3, 23)),
    ("weekday then day-first date", "kick-off on Tuesday 7 April", date(2026, 4, 7)),
    ("morning of an ordinal day", "the crew arrives the morning of the 9th", date(2026, 3, 9)),
    ("week of a spelled ordinal", "training runs the week of the sixteenth", date(2026, 3, 16)),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in DAY_FORMS], ids=[c[0] for c in DAY_FORMS])
def test_day_forms_people_write(text, expected):
    assert resolve_due(text, MONDAY) == expected


def test_a_weekday_next_to_an_unrelated_phrase_keeps_its_own_date():
    found = find_due_phrases("Friday, tomorrow at the latest", MONDAY)
    assert [d.due for d in found] == [date(2026, 3, 6), date(2026, 3, 3)]


@pytest.mark.parametrize(("text", "from_event"), [
    ("拿到图纸后五个工作日内出方案", True),
    ("验收完我两个工作日内开票", True),
    ("对方确认数据后，我们三天内可以完成迁移", True),
    ("Once the form comes back, we'll activate the lines within 3 business days.", True),
    ("Refunds post within 5 days of receipt.", True),
    ("我们三个工作日内开票", False),
    ("We'll activate the lines within 3 business days.", False),
    ("After the call I'll send the summary within 24 hours.", False),  # this call is today
])
def test_a_span_counted_from_an_undated_event_is_marked(text, from_event):
    (found,) = find_due_phrases(text, MONDAY)
    assert found.from_event is from_event


@pytest.mark.parametrize("turns", [
    [("agent", "Once the signed form is back, I'll activate the lines within 3 business days.")],
    [("agent", "收到图纸后，我们三个工作日内出报价方案。")],
])
def test_a_step_counted_from_an_undated_event_has_no_due_date(turns):
    found = steps(turns)
    assert found and all(due is None for _, _, due in found)


def test_a_step_with_a_plain_span_keeps_its_due_date():
    assert [due for _, _, due in steps([("agent", "We'll activate the lines within 3 business days.")])] \
        == [date(2026, 3, 5)]


def test_a_weekday_and_its_written_date_leave_the_action_whole():
    assert steps([("agent", "I'll send you the audit log by Friday, March 13.")]) \
        == [("send you the audit log", "rep", date(2026, 3, 13))]
