"""Objects put before the subject, and clauses that only date the step before them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractors.rules.dates import find_due_phrases
from extractors.rules.next_step_objects import fronted, is_only_due, with_fronted

FRONTED = [
    pytest.param("会议室", "会议室", id="a-noun"),
    pytest.param("那培训名单", "培训名单", id="lead-word-dropped-verb-inside-a-document"),
    pytest.param("这个", "", id="a-demonstrative-alone"),
    pytest.param("王总", "", id="someone-addressed"),
    pytest.param("周四", "", id="a-day"),
    pytest.param("试用的话", "", id="a-condition"),
    pytest.param("老板说", "", id="hearsay"),
    pytest.param("跟进", "", id="a-verb"),
]


@pytest.mark.parametrize(("before_subject", "expected"), FRONTED)
def test_only_a_noun_phrase_before_the_subject_is_an_object(before_subject, expected):
    assert fronted(before_subject) == expected


@pytest.mark.parametrize(("action", "topic", "expected"), [
    ("订", "会议室", "订会议室"), ("发给您", "培训名单", "把培训名单发给您"),
    ("跟领导申请一下", "价格", "价格跟领导申请一下")], ids=["bare-verb", "handover", "longer"])
def test_the_object_goes_where_chinese_puts_it(action, topic, expected):
    assert with_fronted(action, topic) == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("4月10号之前", True), ("expect it done by Tuesday", True), ("it should be live by Friday", True),
    ("we demo the new version on Friday", False), ("周五前我们内部评审", False)],
    ids=["zh-date-only", "en-expect-it-done", "en-should-be-live", "en-a-step", "zh-a-step"])
def test_a_clause_that_only_dates_the_step_before(clause, expected):
    dues = [d for d in find_due_phrases(clause, datetime(2026, 3, 2, tzinfo=UTC)) if d.due]
    assert is_only_due(clause, dues) is expected
