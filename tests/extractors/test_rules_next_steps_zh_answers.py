"""Next steps, a Chinese promise to explain a problem names the problem (next_step_zh_answers.py)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_next_steps import steps

ANSWERS = [
    pytest.param([("customer", "门禁刷卡这两天老是延迟，员工排队进不来"), ("rep", "收到，明天中午前给您答复原因")],
                 ("给您答复门禁刷卡这两天老是延迟的原因", "rep", date(2026, 3, 3)), id="reason-for-the-delay"),
    pytest.param([("customer", "@阿伟 今天早上小程序一直转圈，付不了款"), ("rep", "明白，我下午三点前给您一个初步原因")],
                 ("给您一个小程序一直转圈的初步原因", "rep", date(2026, 3, 2)), id="mention-and-time-dropped"),
    pytest.param([("rep", "对账单重复的问题，我今天先提给财务，明天给您初步结论。")],
                 ("给您对账单重复问题的初步结论", "rep", date(2026, 3, 3)), id="issue-named-first"),
    pytest.param([("customer", "打印机连不上收银系统已经两天了。请你们今天下班前回复原因。")],
                 ("回复打印机连不上收银系统已经两天的原因", "rep", date(2026, 3, 2)), id="ask-explains-its-own-complaint"),
]


@pytest.mark.parametrize(("turns", "expected"), ANSWERS)
def test_a_bare_answer_takes_the_problem_it_explains(turns, expected):
    assert expected in steps(turns)


def test_a_bare_answer_without_a_complaint_nearby_stays_as_said():
    found = steps([("customer", "报价单收到了，谢谢"), ("rep", "好的，明天给您答复原因")])
    assert ("给您答复原因", "rep", date(2026, 3, 3)) in found


def test_the_speakers_own_complaint_is_not_what_their_promise_explains():
    found = steps([("rep", "我们这边的系统昨天也超时了"), ("rep", "明天给您答复原因")])
    assert all("超时" not in action for action, _, _ in found)
