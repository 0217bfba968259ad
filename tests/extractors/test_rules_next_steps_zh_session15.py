"""Next steps, session 15 classes (invented examples): minutes whose decisions list names each
owner ("会议议定：", "整改要求：", "【下周安排】") with sides said by the organisations' own words
(承建方, 委托方, 服务商) or only by who buys; and traditional or Cantonese text, read through its
Mandarin view and given back in the writer's characters."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.rules.attendees import attendee_sides
from extractors.rules.zh_view import in_script_of, mandarin_text
from tests.extractors.test_rules_action_items import steps_of  # occurred Tue 2026-04-14

DECISIONS = [
    pytest.param(
        "验收会纪要\n出席：市档案馆 办公室 钟主任、信息科 甘科长；承建方 立诚科技 项目经理 简宁、运维主管 莫凡\n\n"
        "整改要求：\n1. 简宁于4月20日前完成扫描终端的更换。\n2. 甘科长负责组织复验。\n",
        [("完成扫描终端的更换", "rep", date(2026, 4, 20)), ("组织复验", "customer", None)],
        id="zh-builder-side-word-and-rectification-heading"),
    pytest.param(
        "启动会纪要\n委托方：恒信律所（合伙人 龚律师、助理 裴青）\n承接方：达意翻译（项目经理 单宁、审校 屈远）\n\n"
        "会议决定：\n1. 裴青本周五前提供术语表。\n2. 单宁下周三前提交首批译稿。\n",
        [("提供术语表", "customer", date(2026, 4, 17)), ("提交首批译稿", "rep", date(2026, 4, 22))],
        id="zh-client-and-contractor-lines-decided-heading"),
    pytest.param(
        "季度会纪要\n出席：丰禾农场 采购经理 姬红、场长 芮山；绿源农资 技术总监 甘霖、区域经理 邰明\n\n"
        "会议议定：\n1. 邰明于4月17日前提交年度用药方案及报价。\n2. 姬红负责提供新地块的种植计划。\n",
        [("提交年度用药方案及报价", "rep", date(2026, 4, 17)), ("提供新地块的种植计划", "customer", None)],
        id="zh-the-buyer-organisation-is-the-customer"),
    pytest.param(
        "对接会纪要\n参会：万客隆：采购总监 卓然、信息部 阙工；链达：KA经理 蒲阳、供应链 宓雪\n\n待办：\n"
        "| 序号 | 事项 | 负责人 | 完成时间 |\n| 1 | 提供EDI接口文档 | 宓雪（链达） | 4月20日 |\n"
        "| 2 | 提供门店收货地址 | 卓然（万客隆） | 下周三 |\n",
        [("提供EDI接口文档", "rep", date(2026, 4, 20)), ("提供门店收货地址", "customer", date(2026, 4, 22))],
        id="zh-organisation-then-colon-and-a-table"),
]


@pytest.mark.parametrize(("text", "expected"), DECISIONS)
def test_a_decisions_list_in_minutes_names_each_owner(text, expected):
    assert steps_of(text) == expected


SIDES = [
    pytest.param("出席：市档案馆 办公室 钟主任；承建方 立诚科技 项目经理 简宁",
                 {"立诚科技": "rep", "简宁": "rep", "钟主任": "customer"}, id="zh-builder-names-its-company"),
    pytest.param("出席：馆方——展览部 贺主任；票务服务商——观澜票务 易凡",
                 {"贺主任": "customer", "易凡": "rep"}, id="zh-service-provider-and-venue"),
    pytest.param("参会：我方 技术总监 许峰；客户方 信息部 韦岚",
                 {"许峰": "rep", "韦岚": "customer"}, id="zh-our-side-names-no-company"),
]


@pytest.mark.parametrize(("line", "expected"), SIDES)
def test_the_sides_own_words_say_which_side_attendees_are_on(line, expected):
    sides = attendee_sides(line)
    assert {name: sides.get(name) for name in expected} == expected


def test_two_organisations_without_a_buyer_or_a_vendor_job_stay_unknown():
    assert attendee_sides("参会：丰禾农场 场长 芮山、技术员 党红；绿源农资 技术总监 甘霖、研发 邰明") == {}


def test_a_plain_decision_in_prose_is_no_list_heading():
    text = "会议纪要\n参会：我方 顾问 蓝天；客户方 信息部 韦岚\n\n会上大家决定先不换系统，明年再议。\n"
    assert steps_of(text) == []


TRADITIONAL = [
    pytest.param("客戶：張經理你好，報價單幾時可以發過來？\n業務：我明天把報價單發給您。",
                 [("把報價單發給您", "rep", date(2026, 4, 15))], id="zh-hant-promise"),
    pytest.param("客戶：啲樣辦幾時到？\n業務：我聽日將樣辦寄俾你。",
                 [("樣辦寄俾你", "rep", date(2026, 4, 15))], id="yue-promise-tomorrow"),
]


@pytest.mark.parametrize(("text", "expected"), TRADITIONAL)
def test_traditional_and_cantonese_steps_are_read_and_kept_in_their_script(text, expected):
    assert steps_of(text, channel="chat") == expected


@pytest.mark.parametrize(("phrase", "text", "expected"), [
    pytest.param("把报价单发给您", "我明天把報價單發給您。", "把報價單發給您", id="back-to-traditional"),
    pytest.param("把样办寄给你", "我聽日將樣辦寄俾你。", "把樣辦寄俾你", id="cantonese-give"),
    pytest.param("来拿", "你嚟拿，我來送", "来拿", id="both-forms-in-text-left-alone"),
    pytest.param("发报价", "我明天发报价", "发报价", id="simplified-unchanged"),
])
def test_a_phrase_from_the_view_goes_back_to_the_writers_characters(phrase, text, expected):
    assert len(mandarin_text(text)) == len(text)
    assert in_script_of(phrase, text) == expected


TOPIC_BEFORE = [
    pytest.param("客户：短信又延迟了，怎么办？\n销售：短信延迟的问题，我今天就提给研发。",
                 [("短信延迟的问题提给研发", "rep", date(2026, 4, 14))], id="zh-issue-then-bare-verb"),
    pytest.param("客户：型号还没定。\n销售：门禁卡的型号，麻烦您周四前定下来。",
                 [("门禁卡的型号定下来", "customer", date(2026, 4, 16))], id="zh-object-then-request"),
    pytest.param("客户：名单呢？\n销售：试点团队名单，我明天发给您。",
                 [("把试点团队名单发给您", "rep", date(2026, 4, 15))], id="zh-handover-unchanged"),
    pytest.param("客户：多久能开始？\n销售：一般一周左右，我们可以下周一开始。",
                 [("开始", "rep", date(2026, 4, 20))], id="zh-a-duration-is-no-object"),
    pytest.param("客服：您好，悦来物业客服中心，请讲。", [], id="zh-a-greeting-is-no-object"),
]


@pytest.mark.parametrize(("text", "expected"), TOPIC_BEFORE)
def test_a_bare_verb_acts_on_the_object_named_in_the_clause_before(text, expected):
    assert steps_of(text, channel="chat") == expected


PRESSURE = [
    pytest.param("客户：工时算错了，月底要发工资，比较急。", [], id="zh-own-payday-is-urgency"),
    pytest.param("客户：请尽快给出修复版本，我们下周二要提审新版本。",
                 [("给出修复版本", "rep", None)], id="zh-own-release-is-the-reason-for-the-ask"),
    pytest.param("客户：我们今天有十几票提单要跟船公司确认，现在只能用个人邮箱。", [], id="zh-own-backlog"),
    pytest.param("销售：合同什么时候寄回？\n客户：合同我们下周一寄出。", [("寄出合同", "customer", date(2026, 4, 20))],
                 id="zh-customer-promise-stays"),
    pytest.param("客户：发票呢？\n销售：我们要在周五前把发票寄出，请放心。",
                 [("把发票寄出", "rep", date(2026, 4, 17))], id="zh-rep-must-is-a-promise"),
]


@pytest.mark.parametrize(("text", "expected"), PRESSURE)
def test_what_the_customer_must_do_themselves_is_pressure_not_a_step(text, expected):
    assert steps_of(text, channel="ticket" if "提审" in text or "提单" in text else "chat") == expected


COURTESY = [
    pytest.param("感谢今天下午抽时间沟通。", "email", [], id="zh-thanks-for-the-time"),
    pytest.param("今天下午方案沟通辛苦了，现把确认事项整理如下：", "email", [], id="zh-recap-thanks"),
    pytest.param("根据今天电话沟通，现确认如下：", "email", [], id="zh-recap-opening"),
    pytest.param("客户：辛苦你们老师提前做了那么多测试", "chat", [], id="zh-thanks-for-work-done"),
    pytest.param("销售：资料呢？\n客户：辛苦您明天把资料发我。", "chat",
                 [("辛苦把资料发我", "rep", date(2026, 4, 15))], id="zh-a-polite-request-stays"),
    pytest.param("Customer: Your QC folks did great.\nAgent: Thanks, I'll pass that on to the team.", "chat", [],
                 id="en-praise-passed-on"),
    pytest.param("Customer: Please pass on our thanks to Sam.", "ticket", [], id="en-thanks-passed-on"),
    pytest.param("Customer: Can you send the invoice?\nAgent: Thanks, I'll send it over today.", "chat",
                 [("send the invoice", "rep", date(2026, 4, 14))], id="en-a-promise-after-thanks-stays"),
]


@pytest.mark.parametrize(("text", "channel", "expected"), COURTESY)
def test_thanks_and_a_recaps_opening_are_courtesy_not_steps(text, channel, expected):
    assert steps_of(text, channel=channel, direction="outbound" if channel == "email" else "inbound") == expected
