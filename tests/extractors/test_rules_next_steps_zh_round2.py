"""Next steps, Chinese round 2 (invented examples): a team named before a long action, a team working
"in parallel", how a step is carried out kept with it, a second deliverable or a second person set
to work as a second step, a tender's standing deadlines, done things and outside visits as no steps,
and Cantonese days and verbs."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_next_steps import steps  # Monday 2026-03-02

TEAM = [
    pytest.param([("rep", "我们的实施同事小周会另外整理一份部署手册给您。")],
                 ("另外整理一份部署手册给您", "rep", None), id="zh-team-and-name-dropped"),
    pytest.param([("rep", "研发今天会排查一下服务端日志。")],
                 ("排查一下服务端日志", "rep", date(2026, 3, 2)), id="zh-team-then-day"),
    pytest.param([("rep", "技术下周五前出一版接口说明。")],
                 ("技术出一版接口说明", "rep", date(2026, 3, 13)), id="zh-team-then-weekday-before"),
    pytest.param([("customer", "合同条款这块，法务那边周三前给意见。")],
                 ("法务给意见", "customer", date(2026, 3, 4)), id="zh-short-action-keeps-team"),
    pytest.param([("rep", "我周四前把报价发您，交付团队同步准备一份上线计划。")],
                 ("准备一份上线计划", "rep", None), id="zh-in-parallel"),
]


@pytest.mark.parametrize(("turns", "expected"), TEAM)
def test_a_team_named_before_its_step_owns_it(turns, expected):
    assert expected in steps(turns)


def test_a_team_that_already_did_something_has_no_step():
    assert steps([("customer", "运维同步更新了证书，但还是报错。")]) == []


ONE_OR_TWO = [
    pytest.param([("rep", "我们会按城市分别出报价，运费单独列项，周五前发给您。")],
                 [("按城市分别出报价，运费单独列项并发给您", "rep", date(2026, 3, 6))], id="zh-how-stays-with-step"),
    pytest.param([("rep", "我明天先发您一份对账明细，同时让财务确认退款时间。")],
                 [("发您一份对账明细", "rep", date(2026, 3, 3)), ("财务确认退款时间", "rep", None)],
                 id="zh-second-person-set-to-work"),
    pytest.param([("rep", "我月底前完成历史数据迁移，并出一份验收清单。")],
                 [("完成历史数据迁移", "rep", date(2026, 3, 31)), ("出一份验收清单", "rep", None)],
                 id="zh-second-deliverable"),
    pytest.param([("customer", "麻烦核实一下，并在周五之前退款。")],
                 [("核实一下并退款", "rep", date(2026, 3, 6))], id="zh-short-check-merges"),
]


@pytest.mark.parametrize(("turns", "expected"), ONE_OR_TWO)
def test_clauses_of_one_line_make_one_step_or_two(turns, expected):
    assert steps(turns) == expected


DEADLINES = [
    pytest.param([("customer", "报价文件请于2026年3月20日16:00前递交至我司招采办，逾期不予受理。")],
                 ("递交报价文件", "rep", date(2026, 3, 20)), id="zh-please-hand-in-by"),
    pytest.param([("customer", "各供应商的澄清问题须于3月10日17时前提交。")],
                 ("提交澄清问题", "rep", date(2026, 3, 10)), id="zh-must-submit-by"),
    pytest.param([("customer", "最后提醒，投标截止时间为3月25日上午十点，不接受延期。")],
                 ("递交投标文件", "rep", date(2026, 3, 25)), id="zh-bid-closing-time"),
    pytest.param([("customer", "Just a reminder, all quotes must be received by Friday.")],
                 ("submit quotes", "rep", date(2026, 3, 6)), id="en-must-be-received"),
    pytest.param([("customer", "Clarification requests should be submitted by 3:00 p.m. on March 12.")],
                 ("submit clarification requests", "rep", date(2026, 3, 12)), id="en-clock-then-day"),
    pytest.param([("customer", "The deadline for proposals is March 30.")],
                 ("submit proposals", "rep", date(2026, 3, 30)), id="en-deadline-for"),
]


@pytest.mark.parametrize(("turns", "expected"), DEADLINES)
def test_a_tender_deadline_is_the_vendors_step(turns, expected):
    assert steps(turns) == [expected]


@pytest.mark.parametrize("turns", [
    pytest.param([("customer", "投标截止时间以采购公告为准。")], id="zh-no-date"),
    pytest.param([("customer", "Your records must be submitted securely.")], id="en-no-date"),
    pytest.param([("customer", "好消息，总经理今天下午签了。")], id="zh-boss-signed"),
    pytest.param([("customer", "下周二市场监管局来检查，报表要打出来。")], id="zh-outside-inspection"),
    pytest.param([("customer", "明天集团审计过来。")], id="zh-group-audit-visit"),
    pytest.param([("rep", "您好，原因是我们这边同步任务卡住了，已经重启。")], id="zh-cause-explained"),
])
def test_no_date_done_things_and_visits_are_no_steps(turns):
    assert steps(turns) == []


CANTONESE = [
    pytest.param([("agent", "唔好意思，我今日之內覆你處理結果。")],
                 [("回覆你處理結果", "rep", date(2026, 3, 2))], id="yue-today-reply"),
    pytest.param([("agent", "我聽日會打畀你。")], [("打畀你", "rep", date(2026, 3, 3))], id="yue-tomorrow-call"),
    pytest.param([("agent", "我今日之內覆你，同埋會安排主管打畀你。")],
                 [("回覆你", "rep", date(2026, 3, 2)), ("安排主管打畀你", "rep", None)], id="yue-and-arrange"),
    pytest.param([("agent", "好的，我明早给您回复检查结果。")],
                 [("给您回复检查结果", "rep", date(2026, 3, 3))], id="zh-tomorrow-morning"),
]


@pytest.mark.parametrize(("turns", "expected"), CANTONESE)
def test_cantonese_days_and_verbs_make_steps(turns, expected):
    assert steps(turns) == expected
