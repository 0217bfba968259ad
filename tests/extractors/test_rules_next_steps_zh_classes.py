"""Chinese next-step classes of the ninth session, invented examples: action tables without outer
pipes, organisations listed by their role, review-meeting headings, bot prompts, sanctions, ticket
acknowledgements, introductions and titles, plans timed by a named event, and service staff the
vendor sends."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_action_items import steps_of  # occurred Tue 2026-04-14

MINUTES = [
    pytest.param(
        "【纪要】启帆物流 × 云链仓储 对接会\n参会：\n启帆：仓储部 邵岚（经理）、财务部 郝一鸣\n"
        "云链：项目经理 葛文、实施顾问 祁峰\n\n待办\n序号 | 事项 | 负责人 | 完成时间\n"
        "1 | 提供现有库位编码规则 | 邵岚（启帆） | 4月17日前\n2 | 输出上线切换计划 | 祁峰（云链） | 下周二\n"
        "3 | 组织仓管员培训 | 云链项目组 | 待定\n",
        [("提供现有库位编码规则", "customer", date(2026, 4, 17)), ("输出上线切换计划", "rep", date(2026, 4, 21)),
         ("组织仓管员培训", "rep", None)], id="zh-table-without-outer-pipes"),
    pytest.param(
        "排水管网改造项目 阶段验收会议纪要\n参会单位：市水务集团（业主）、恒达监理（监理）、澄源科技（承建方）\n"
        "二、会议意见\n1. 澄源科技于5月20日前完成压力传感器校准，并提交校准记录。\n"
        "2. 业主方于下周五前向澄源科技提供管网图纸。\n",
        [("完成压力传感器校准，并提交校准记录", "rep", date(2026, 5, 20)),
         ("向澄源科技提供管网图纸", "customer", date(2026, 4, 24))], id="zh-units-by-role-under-review-heading"),
]


@pytest.mark.parametrize(("text", "expected"), MINUTES)
def test_minutes_tables_and_review_decisions_name_their_owner(text, expected):
    assert steps_of(text) == expected


NOT_STEPS = [
    pytest.param("[机器人] 请输入您的会员手机号，我帮您查询积分～\n用户：13800000000\n", "chat", id="zh-bot-prompt"),
    pytest.param("智能助理：请点击【我的订单】选择需要售后的商品哦\n用户：转人工\n", "chat", id="zh-bot-label"),
    pytest.param("主题：停车场保洁投诉\n贵司保洁人员连续三周未按约定清扫地库。\n"
                 "如5月10日前仍无改善，我司将暂停支付本季度服务费。\n", "email", id="zh-customer-sanction"),
    pytest.param("工单 #8812\n客户：打印机卡纸，无法出单。\n系统：您的工单已受理，工程师将在4小时内与您联系。\n",
                 "ticket", id="zh-ticket-acknowledgement"),
    pytest.param("销售：您好，我这边是启明软件的顾问小葛，耽误您两分钟。\n客户：你说。\n", "call",
                 id="zh-self-introduction"),
]


@pytest.mark.parametrize(("text", "channel"), NOT_STEPS)
def test_prompts_sanctions_acknowledgements_and_introductions_are_no_steps(text, channel):
    assert steps_of(text, channel=channel) == []


EVENT_TIMED = [
    pytest.param("客户：样片我今天下午发你。\n客服：好的，收到样片后我让排版同事出一版校样给您确认。\n",
                 ("排版同事出一版校样给您确认", "rep", None), id="zh-event-before-the-subject"),
]


@pytest.mark.parametrize(("text", "expected"), EVENT_TIMED)
def test_a_plan_timed_by_an_event_is_a_step_due_null(text, expected):
    assert expected in steps_of(text, channel="chat")


def test_an_event_that_names_nothing_answers_the_ask_before_it():
    found = steps_of("客户：补货的事怎么安排？\n客服：请您周五前确认补货清单，确认后我们安排发车。\n", channel="chat")
    assert all(owner == "customer" for _, owner, _ in found)


STAFF = [
    pytest.param("客户：配件到了吗？\n客服：到了，安装师傅明天下午会上门给您装好。\n",
                 ("安装师傅会上门给您装好", "rep", date(2026, 4, 15)), id="zh-fitter-will-visit"),
    pytest.param("客户：车还没到。\n客服：已经跟网点协调好了，网点工作人员会在30分钟内联系您。\n",
                 ("工作人员会联系您", "rep", date(2026, 4, 14)), id="zh-staff-within-minutes"),
    pytest.param("客户：结果不对吧？\n客服：抱歉，我这边已申请复测，明天会有另一位检测师联系您约时间。\n",
                 ("检测师联系您约时间", "rep", date(2026, 4, 15)), id="zh-someone-else-will-call"),
]


@pytest.mark.parametrize(("text", "expected"), STAFF)
def test_service_staff_the_vendor_sends_are_the_reps_side(text, expected):
    assert expected in steps_of(text, channel="chat")
