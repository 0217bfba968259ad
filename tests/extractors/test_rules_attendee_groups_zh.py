"""Chinese attendee lines in the forms attendees.py reads besides "参会：我方 …；客户 …", invented
examples: a group's people in brackets after its side or organisation, two organisations listed on
lines of their own, an attendee field after a bar on a header line, a department written onto a
name, a software maker's name between two organisations of unknown side, and a third
organisation listed beside a buyer and a supplier (an owner by its name)."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.rules.attendees import attendee_sides, third_parties
from tests.extractors.test_rules_action_items import steps_of  # occurred Tue 2026-04-14

SIDES = [
    pytest.param("参会：禾丰农场（场长 冯涛、仓管 小白）；我方（售前 唐宁、实施 小汪）\n",
                 {"冯涛": "customer", "小白": "customer", "唐宁": "rep", "小汪": "rep"}, id="zh-people-in-brackets"),
    pytest.param("参会：鹿鸣书店（店长 姚静、采购 老郑）；墨点科技（项目经理 邢凯、开发 阿梁）\n",
                 {"姚静": "customer", "老郑": "customer", "邢凯": "rep", "阿梁": "rep"}, id="zh-orgs-in-brackets-buyer-job"),
    pytest.param("调研纪要\n海港酒店：前厅部 经理 魏红、工程部 主管 石磊\n悦住云：产品经理 苗青、开发 小洛\n",
                 {"魏红": "customer", "石磊": "customer", "苗青": "rep", "小洛": "rep"}, id="zh-org-lines-software-name"),
    pytest.param("复盘会 ｜ 时长：40分钟 ｜ 参会人：金石水泥 设备部 庞科长、车间 牛主任；测云 实施顾问 顾言、售前 申雪\n",
                 {"庞科长": "customer", "牛主任": "customer", "顾言": "rep", "申雪": "rep"}, id="zh-attendees-after-a-bar"),
    pytest.param("客户：青禾乳业 —— 韦总、质检部吕科长\n我方：牧联软件 —— 冉工\n",
                 {"韦总": "customer", "吕科长": "customer", "冉工": "rep"}, id="zh-department-on-a-name"),
]


@pytest.mark.parametrize(("text", "expected"), SIDES)
def test_attendee_lines_place_each_person(text, expected):
    sides = attendee_sides(text)
    assert {name: sides.get(name) for name in expected} == expected


NOT_SIDES = [
    # a turn with a colon and spaces but sentence punctuation is no attendee line
    pytest.param("海港酒店：前厅 现在 很忙，下周再说\n悦住云：好的 没问题，我们等您\n", id="zh-turns-not-org-lines"),
    # one organisation's line alone, its name no software maker's: no side to give
    pytest.param("会议记录\n海港酒店：前厅部 经理 魏红、工程部 主管 石磊\n", id="zh-one-org-line-no-side"),
    # two organisations, neither a software maker nor holding a vendor or buyer job: left unknown
    pytest.param("参会：禾丰农场（场长 冯涛、仓管 小白）；青山物流（调度 老胡、司机 小吕）\n", id="zh-two-orgs-no-cue"),
]


@pytest.mark.parametrize("text", NOT_SIDES)
def test_no_side_without_a_cue(text):
    assert attendee_sides(text) == {}


def test_a_third_organisation_beside_both_sides_is_a_third_party():
    text = "参会方：恒泰超市（需方）采购部 闫经理；丰谷粮油（我方）销售部 包明；顺捷冷链 调度主管 岳工\n"
    assert third_parties(text) == {"顺捷冷链"}
    assert attendee_sides(text)["闫经理"] == "customer"
    # with only one side labelled, the other organisations are that side's counterpart, no third party
    assert third_parties("参会：丰谷粮油（我方）销售部 包明；顺捷冷链 调度主管 岳工\n") == frozenset()


OWNERS = [
    pytest.param(
        "参会方：恒泰超市（需方）采购部 闫经理；丰谷粮油（我方）销售部 包明；顺捷冷链 调度主管 岳工\n会议决定：\n"
        "1. 顺捷冷链于本周五前提供冷库温度记录；\n2. 恒泰超市下周提交五月分周订货计划；\n",
        [("提供冷库温度记录", "顺捷冷链", date(2026, 4, 17)), ("提交五月分周订货计划", "customer", date(2026, 4, 20))],
        id="zh-third-party-owner-by-name"),
    pytest.param(
        "参会：鹿鸣书店（店长 姚静、采购 老郑）；墨点科技（项目经理 邢凯、开发 阿梁）\n待办：\n"
        "- 阿梁：周五前完成会员积分接口联调\n- 姚静：下周一前提供门店库存表\n",
        [("完成会员积分接口联调", "rep", date(2026, 4, 17)), ("提供门店库存表", "customer", date(2026, 4, 20))],
        id="zh-bracketed-attendees-own-items"),
]


@pytest.mark.parametrize(("text", "expected"), OWNERS)
def test_minutes_items_take_their_owner_from_the_attendee_groups(text, expected):
    assert steps_of(text) == expected
