"""Next steps, Chinese classes read off the tuning splits in session 3 (invented examples): what only
looks like a request (thanks, notices, written conditions, complaints of what is not done), asides
that describe nothing, the speaker's own calendar, and asks answered by the other side's promise."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_next_steps import steps

NOT_STEPS = [
    pytest.param([("customer", "感谢您上周三抽空来厂里交流。")], id="zh-thanks-you"),
    pytest.param([("rep", "谢谢您和同事们今天花了一上午时间。")], id="zh-thanks-you-and-team"),
    pytest.param([("rep", "电子发票已经发到财务邮箱，请注意查收。")], id="zh-please-note-receipt"),
    pytest.param([("rep", "以下是今天的会议纪要，请查阅。")], id="zh-please-read-minutes"),
    pytest.param([("rep", "如有遗漏请随时补充。")], id="zh-if-anything-missing"),
    pytest.param([("rep", "如您不是指定收件人，请立即删除本邮件并通知发件人。")], id="zh-disclaimer"),
    pytest.param([("rep", "若有任何疑问，请随时联系我。")], id="zh-written-if"),
    pytest.param([("customer", "你们那个打印插件在新装的电脑上装不上，一装就报错。")], id="zh-cannot-install"),
    pytest.param([("customer", "上周你们后台没更新，导致我们的库存全乱了。")], id="zh-not-updated"),
    pytest.param([("customer", "我们这边月底要做年度盘点，这个数据必须对上。")], id="zh-own-stocktake"),
    pytest.param([("customer", "周四我们开会，到时候再说。")], id="zh-own-meeting"),
    pytest.param([("customer", "我下周二要跟董事长汇报这个项目。")], id="zh-own-report-up"),
]


@pytest.mark.parametrize("turns", NOT_STEPS)
def test_thanks_notices_conditions_complaints_and_own_calendar_are_no_steps(turns):
    assert steps(turns) == []


REQUESTS = [
    pytest.param([("rep", "请提供一下门店的收银流水（含退货记录的那份），我们核对后再答复。")],
                 ("提供一下门店的收银流水（含退货记录的那份）", "customer", None), id="zh-aside-in-brackets"),
    pytest.param([("rep", "请您明天中午前把系统导出的原始台账发我。")],
                 ("把系统导出的原始台账发我", "customer", date(2026, 3, 3)), id="zh-ba-object-with-relative"),
    pytest.param([("rep", "我明天上午远程帮您核对科目余额表。")],
                 ("远程帮您核对科目余额表", "rep", date(2026, 3, 3)), id="zh-yu-e-is-no-filler"),
]


@pytest.mark.parametrize(("turns", "expected"), REQUESTS)
def test_an_aside_or_a_relative_clause_in_the_object_keeps_the_step(turns, expected):
    assert expected in steps(turns)


def test_the_reason_after_a_request_is_no_step_even_with_a_day():
    assert steps([("customer", "麻烦周三前把报价单发我，我周四要跟老板汇报。")]) == [
        ("把报价单发我", "rep", date(2026, 3, 4))]
    assert steps([("customer", "请今天把合同发过来，我节后第一天就走盖章流程。")]) == [
        ("把合同发过来", "rep", date(2026, 3, 2))]


ANSWERED = [
    pytest.param([("customer", "能不能安排人帮我们看一下？"),
                  ("agent", "收到，我明天上午远程帮您检查打印机驱动。")],
                 [("远程帮您检查打印机驱动", "rep", date(2026, 3, 3))], id="zh-look-into-it-then-what"),
    pytest.param([("customer", "请帮忙排查。"),
                  ("agent", "您好，麻烦把报错截图发我们一下，我们今天排查服务器日志。")],
                 [("排查服务器日志", "rep", date(2026, 3, 2)), ("把报错截图发我们一下", "customer", None)],
                 id="zh-own-ask-first-then-the-promise"),
    pytest.param([("rep", "部署手册麻烦您让运维同事发我们一份。"),
                  ("customer", "好，我让小周明天发你。")],
                 [("部署手册让运维同事发我们一份", "customer", date(2026, 3, 3))], id="zh-delegated-handover"),
]


@pytest.mark.parametrize(("turns", "expected"), ANSWERED)
def test_an_ask_answered_by_the_other_sides_promise_is_one_step(turns, expected):
    assert steps(turns) == expected
