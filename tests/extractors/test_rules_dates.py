"""Due-date normalization, English and Chinese, against a Monday morning in Shanghai."""

from datetime import date, datetime, timedelta, timezone

import pytest

from extractors.rules.dates import find_due_phrases, resolve_due

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
    ("下个月初", "下个月初上线", date(2026, 4, 1)),
    ("后天", "后天给您", date(2026, 3, 4)),
    ("end of day before a day", "I'll send it by end of day tomorrow", date(2026, 3, 3)),
    ("EOD after a day", "by Thursday EOD", date(2026, 3, 5)),
    ("明天下班前", "明天下班前发您", date(2026, 3, 3)),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_due_phrases_resolve_against_the_touchpoint_day(text, expected):
    assert resolve_due(text, MONDAY) == expected


@pytest.mark.parametrize("text", ["we may 5x our seats", "we sat down with the team",
                                  "the price is 3 per seat", "我们有三个团队"],
                         ids=["may as verb", "sat as verb", "a number", "chinese count"])
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
