"""Next steps, Chinese objects put first (invented examples): an object that counts things or
carries a number in its name ("缺的3箱我周五前补上", "维生素D3明天发出") is still the object, while a
number that is a time or a range is not; and a later clause that names its own object and does it
for the addressee ("…，运费给您退回") is the speaker's second step, not part of the first; and
where the speaker will be ("下午我要去开会") is no step; a deliverable done alongside ("…，同时把PDF版出一份")
is a step of its own."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_action_items import steps_of  # occurred Tue 2026-04-14

COUNTED = [
    pytest.param("客户：少了几箱。\n销售：缺的3箱我周五前补上。",
                 [("补上缺的3箱", "rep", date(2026, 4, 17))], id="counted-things-before-the-subject"),
    pytest.param("客户：还没发吗？\n销售：好的，维生素D3明天发出。",
                 [("发出维生素D3", "rep", date(2026, 4, 15))], id="a-number-inside-a-name"),
    pytest.param("客户：订舱还是错的。\n销售：这11个订舱我上午手工改完。",
                 [("这11个订舱手工改完", "rep", date(2026, 4, 14))], id="counted-noun-holding-a-verb"),
    # a number that is a time or a range is no object
    pytest.param("客户：什么时候？\n销售：3号我们再联系。",
                 [("联系", "rep", date(2026, 5, 3))], id="a-day-is-no-object"),
    pytest.param("客户：什么时候到账？\n销售：款项3-5个工作日内原路退回。", [], id="a-range-is-no-object"),
]


@pytest.mark.parametrize(("text", "expected"), COUNTED)
def test_an_object_put_first_may_count_things(text, expected):
    assert steps_of(text, channel="chat") == expected


SECOND_OBJECT = [
    pytest.param("客户：怎么办？\n销售：我今天发出报价单，运费给您退回。",
                 [("发出报价单", "rep", date(2026, 4, 14)), ("退回运费", "rep", None)], id="refund-after-shipping"),
    pytest.param("客户：怎么办？\n销售：我明天去仓库看一下，差价给您补上。",
                 [("去仓库看一下", "rep", date(2026, 4, 15)), ("补上差价", "rep", None)], id="make-up-the-difference"),
    pytest.param("客户：怎么办？\n销售：我今天发出报价单，样品给您寄过去。",
                 [("发出报价单", "rep", date(2026, 4, 14)), ("把样品寄过去", "rep", None)], id="a-handover"),
    # not a second step: done, said now, or done by the system
    pytest.param("客户：怎么办？\n销售：我明天去仓库看一下，运费已经给您退了。",
                 [("去仓库看一下", "rep", date(2026, 4, 15))], id="already-done"),
    pytest.param("客户：怎么办？\n销售：我明天去仓库看一下，这个情况给您说明一下。",
                 [("去仓库看一下", "rep", date(2026, 4, 15))], id="explained-now"),
    pytest.param("客户：怎么办？\n销售：我明天去仓库看一下，系统会给您发短信。",
                 [("去仓库看一下", "rep", date(2026, 4, 15))], id="the-system-does-it"),
]


@pytest.mark.parametrize(("text", "expected"), SECOND_OBJECT)
def test_a_clause_naming_its_own_object_is_a_second_step(text, expected):
    assert steps_of(text, channel="chat") == expected


ELSEWHERE = [
    pytest.param("客户：周五能见面吗？\n销售：周五上午可以，下午我要去开会。", [], id="busy-in-a-meeting"),
    pytest.param("客户：下周能来吗？\n销售：下周我在外地培训。", [], id="away-training"),
    # a step done around it, or a meeting at the customer's, stays a step
    pytest.param("客户：周五能见面吗？\n销售：周五下午我去开会前把方案发您。",
                 [("去开会前把方案发您", "rep", date(2026, 4, 17))], id="a-step-before-the-meeting"),
    pytest.param("客户：周五能见面吗？\n销售：下周二我去贵司开会。",
                 [("去贵司开会", "rep", date(2026, 4, 21))], id="a-meeting-at-the-customers"),
    pytest.param("客户：什么时候培训？\n销售：下周二我们给你们培训。",
                 [("给你们培训", "rep", date(2026, 4, 21))], id="training-the-customer"),
]


@pytest.mark.parametrize(("text", "expected"), ELSEWHERE)
def test_where_the_speaker_will_be_is_no_step(text, expected):
    assert steps_of(text, channel="chat") == expected


PARALLEL = [
    pytest.param("客户：什么时候发？\n销售：我明天中午前把修正版发您，同时把PDF和印刷版都出一份。",
                 [("把修正版发您", "rep", date(2026, 4, 15)), ("把PDF和印刷版都出一份", "rep", None)],
                 id="meanwhile-another-object"),
    pytest.param("客户：什么时候发？\n销售：我们明天确认具体的到货时间，并同步安排安装师傅。",
                 [("确认具体的到货时间", "rep", date(2026, 4, 15)), ("安排安装师傅", "rep", None)],
                 id="in-step-arrange-another-thing"),
    # handing over what the first clause made stays one step
    pytest.param("客户：什么时候发？\n销售：我明天把模板改好，并发给财务确认。",
                 [("把模板改好并发给财务确认", "rep", date(2026, 4, 15))], id="made-then-sent-is-one-step"),
]


@pytest.mark.parametrize(("text", "expected"), PARALLEL)
def test_a_deliverable_done_alongside_is_its_own_step(text, expected):
    assert steps_of(text, channel="chat") == expected
