"""Chinese minutes items that name their owner without "Name：task" (action_items_zh.py), invented
examples: side words and attendees as subjects under an action heading, numbered labels "（1）",
headings such as 会议确定 and 分工, and dated report lines that assign nothing."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_action_items import steps_of  # occurred Tue 2026-04-14

ITEMS = [
    pytest.param(
        "协调会纪要\n参会单位：园林局绿化科（甲方）、青松园艺（乙方）\n三、后续安排：\n"
        "1. 乙方在4月20日前提交补植苗木清单；\n2. 甲方提供施工区域的地下管线图，下周提供。\n",
        [("提交补植苗木清单", "rep", date(2026, 4, 20)), ("提供施工区域的地下管线图", "customer", date(2026, 4, 20))],
        id="zh-side-word-subjects"),
    pytest.param(
        "参会：客户方 仓储部 柯岩；我方 实施顾问 宁远\n会议确定：\n"
        "1. 仓储部柯岩下周三前提供库位编码表；\n2. 宁远于4月24日前完成盘点模块配置。\n",
        [("提供库位编码表", "customer", date(2026, 4, 22)), ("完成盘点模块配置", "rep", date(2026, 4, 24))],
        id="zh-attendee-inside-owner-words"),
    pytest.param(
        "参会：甲方 行政部 闵洁；乙方 项目经理 卓凡\n待办事项\n（1）乙方卓凡：出具会议室改造报价，4月17日前；\n"
        "（2）甲方闵洁：确认施工时间段，本周内回复；\n",
        [("出具会议室改造报价", "rep", date(2026, 4, 17)), ("确认施工时间段", "customer", date(2026, 4, 17))],
        id="zh-bracket-numbered-labels"),
]


@pytest.mark.parametrize(("text", "expected"), ITEMS)
def test_a_minutes_item_names_its_owner_first(text, expected):
    assert steps_of(text) == expected


NOT_ITEMS = [
    pytest.param("会议确定：\n1. 监理单位华建咨询在收到方案后三个工作日内出具审查意见；\n", id="zh-unplaced-third-party"),
    pytest.param("后续安排：\n1. 系统切换已经完成，运行平稳。\n", id="zh-report-under-heading"),
    pytest.param("参会：客户方 财务部 贺敏；我方 顾问 林川\n- 贺敏：新版报表已经批下来了，希望五月底前上线。\n",
                 id="zh-dated-report-no-heading"),
]


@pytest.mark.parametrize("text", NOT_ITEMS)
def test_no_step_without_a_placed_owner_and_a_task(text):
    assert steps_of(text) == []


GUESSED = [
    pytest.param("周例会记录\n待办：\n- 蓝鲸科技 项目经理 季川周五前提交二期排期；\n",
                 [("提交二期排期", "rep", date(2026, 4, 17))], id="zh-unplaced-vendor-job"),
    pytest.param("周例会记录\n待办：\n- 档案科明天提供历年目录；\n",
                 [("提供历年目录", "customer", date(2026, 4, 15))], id="zh-unplaced-institution-unit"),
    pytest.param("周例会记录\n待办：\n- 岑雪下周把门店清单发给各区；\n",
                 [("把门店清单发给各区", "rep", date(2026, 4, 20))], id="zh-unplaced-name-writers-side"),
    pytest.param("周例会记录\n待办：\n- 柏经理周五前把历年台账发过来；\n",
                 [("把历年台账发过来", "customer", date(2026, 4, 17))], id="zh-unplaced-name-sends-to-the-writer"),
    pytest.param("周例会记录\n待办：\n- 远航仓储部 姚青：下周一前提供库位表；\n",
                 [("提供库位表", "customer", date(2026, 4, 20))], id="zh-unit-then-name"),
]


@pytest.mark.parametrize(("text", "expected"), GUESSED)
def test_an_owner_nobody_placed_is_guessed_from_its_words(text, expected):
    assert steps_of(text) == expected
