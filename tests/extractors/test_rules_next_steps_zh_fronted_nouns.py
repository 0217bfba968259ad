"""Chinese objects put before a dated verb whose names hold a verb's character (报告, 协议, 订单), an
emoji or space that ends the words before the object, and 一早 as a part of the day (invented
examples)."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.rules.next_step_objects import fronted
from tests.extractors.test_rules_next_steps import steps  # occurred Mon 2026-03-02

FRONTED = [
    pytest.param([("rep", "质检复核报告下周三前提供。")], ("提供质检复核报告", "rep", date(2026, 3, 11)),
                 id="zh-report-noun-first"),
    pytest.param([("rep", "好的，补充协议今天发您邮箱。")], ("把补充协议发您邮箱", "rep", date(2026, 3, 2)),
                 id="zh-agreement-noun-first"),
    pytest.param([("rep", "收到！谢谢支持🙏 报价单我今天出")], ("出报价单", "rep", date(2026, 3, 2)),
                 id="zh-emoji-ends-the-words-before"),
    pytest.param([("rep", "样品我明天一早寄出。")], ("寄出样品", "rep", date(2026, 3, 3)), id="zh-yizao-day-part"),
]


@pytest.mark.parametrize(("turns", "expected"), FRONTED)
def test_a_named_thing_put_first_is_the_object(turns, expected):
    assert expected in steps(turns)


@pytest.mark.parametrize(("before", "expected"), [
    pytest.param("检测报告", "检测报告", id="zh-report"),
    pytest.param("谢谢支持🙏 报价单", "报价单", id="zh-after-emoji"),
    pytest.param("安排一下", "", id="zh-a-verb-is-no-object"),
    pytest.param("觉得报告", "", id="zh-opinion-is-no-object"),
])
def test_fronted_objects(before, expected):
    assert fronted(before) == expected
