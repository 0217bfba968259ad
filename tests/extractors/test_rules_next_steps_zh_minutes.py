"""Next steps in written minutes, session 13 classes (invented examples): action tables read by their
header, items that open with an attendee's name and no colon, attendee lines that tag each person's
side, a named month's end as a due date, and a date that is the new end of something, not a due."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from extractors.rules.dates import find_due_phrases
from extractors.rules.sentences import role_from_label
from tests.extractors.test_rules_action_items import steps_of  # occurred Tue 2026-04-14

TABLES = [
    pytest.param(
        "项目周会纪要\n参会：客户方 信息部 韦岚；我方 实施顾问 蓝天\n\n待办事项\n"
        "| 编号 | 任务 | 负责人 | 截止日期 |\n| 1 | 提交接口联调报告 | 我方 蓝天 | 4月20日 |\n"
        "| 2 | 开通测试环境的VPN账号 | 客户方 韦岚 | 本周五 |\n",
        [("提交接口联调报告", "rep", date(2026, 4, 20)), ("开通测试环境的VPN账号", "customer", date(2026, 4, 17))],
        id="zh-number-task-owner-due"),
    pytest.param(
        "参会：远航物流 调度主管 倪总；云途科技 客户经理 蓝天\n\n后续安排\n"
        "| 责任人 | 完成时间 | 工作内容 |\n|---|---|---|\n| 云途科技 蓝天 | 下周三 | 出一版线路优化方案 |\n"
        "| 远航物流 倪总 | 月底前 | 确认试点仓库 |\n",
        [("出一版线路优化方案", "rep", date(2026, 4, 22)), ("确认试点仓库", "customer", date(2026, 4, 30))],
        id="zh-owner-column-first"),
    pytest.param(
        "Attendees: Dana Price (Northwind), Sam Lee (us)\n\nAction items\n| Action | Owner | Due |\n"
        "| --- | --- | --- |\n| Send the revised SOW | Sam | Friday |\n| Share the SSO metadata | Dana | Thursday |\n",
        [("send the revised SOW", "rep", date(2026, 4, 17)), ("share the SSO metadata", "customer", date(2026, 4, 16))],
        id="en-action-column-first"),
    pytest.param(  # a due column headed by a bare 截止, dates in a cell as people write them
        "参会：海岳酒店 工程部 顾工；我方 售后 蓝天\n\n待办\n| 事项 | 负责人 | 截止 |\n"
        "| 更换三楼的门锁电池 | 我方 蓝天 | 4月16日 |\n| 提供房间清单 | 顾工 | 本周五 |\n",
        [("更换三楼的门锁电池", "rep", date(2026, 4, 16)), ("提供房间清单", "customer", date(2026, 4, 17))],
        id="zh-bare-jiezhi-header"),
    pytest.param(
        "Attendees: Rui Costa (Harbor Dental), Sam Lee (us)\n\nFollow-ups\n| Owner | Task | ETA |\n"
        "| Sam | Ship the spare scanner | Thursday |\n",
        [("ship the spare scanner", "rep", date(2026, 4, 16))], id="en-eta-header"),
]


@pytest.mark.parametrize(("text", "expected"), TABLES)
def test_an_action_table_is_read_by_its_header(text, expected):
    assert steps_of(text) == expected


def test_a_table_without_owner_column_gives_no_owned_rows():
    text = "待办事项\n| 序号 | 事项 | 备注 |\n| 1 | 整理需求清单 | 无 |\n"
    assert steps_of(text) == []


NAMED_FIRST = [
    pytest.param(
        "参会：客户方 信息部 韦岚、财务 倪总；我方 实施顾问 蓝天\n\n三、待办\n"
        "1. 蓝天周四前提交接口文档；\n2. 韦岚明天把线路清单发给蓝天；\n3. 倪总确认付款节点。\n",
        [("提交接口文档", "rep", date(2026, 4, 16)), ("把线路清单发给蓝天", "customer", date(2026, 4, 15)),
         ("确认付款节点", "customer", None)], id="zh-numbered-name-then-verb"),
    pytest.param(
        "与会人员：甲方 项目经理 孔琳；乙方 售前 祝扬、交付 阮涛\n\n下一步\n- 阮涛下周一安排上线培训\n"
        "- 孔琳本周内提供组织架构表\n",
        [("安排上线培训", "rep", date(2026, 4, 20)), ("提供组织架构表", "customer", date(2026, 4, 17))],
        id="zh-bulleted-name-then-time"),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_FIRST)
def test_an_item_opening_with_an_attendees_name_is_theirs(text, expected):
    assert steps_of(text) == expected


def test_a_name_that_is_no_attendee_opens_no_item():
    assert steps_of("待办\n1. 春节前后的排班再议\n") == []


def test_a_tag_on_each_person_says_the_groups_side():
    text = ("4/14 会议速记\n在场：远航物流 调度主管倪总、韦岚；云途 蓝天（我方）、祝扬（我方）\n\n待办\n"
            "- 蓝天：明天发试点报价\n- 韦岚：周五前把仓库平面图给到祝扬\n")
    assert steps_of(text) == [("发试点报价", "rep", date(2026, 4, 15)),
                              ("把仓库平面图给到祝扬", "customer", date(2026, 4, 17))]


MONDAY = datetime(2026, 3, 2)
DUES = [
    pytest.param("四月底前完成第二批开通", date(2026, 4, 30), id="zh-named-month-end"),
    pytest.param("6月末交付", date(2026, 6, 30), id="zh-digit-month-end"),
    pytest.param("二月底之前给答复", date(2027, 2, 28), id="zh-passed-month-is-next-year"),
    pytest.param("2027年1月底前上线", date(2027, 1, 31), id="zh-month-end-with-year"),
    pytest.param("麻烦把报价有效期延到六月底", None, id="zh-validity-extended-to"),
    pytest.param("试用期能不能延长至4月15日", None, id="zh-trial-extended-to"),
    pytest.param("Could you extend the trial until May 30?", None, id="en-extend-until"),
    pytest.param("The quote is valid through Friday.", None, id="en-valid-through"),
    pytest.param("I'll send it to you by Friday.", date(2026, 3, 6), id="en-plain-by-is-due"),
    pytest.param("我周五前发到您邮箱", date(2026, 3, 6), id="zh-send-to-mailbox-is-due"),
]


@pytest.mark.parametrize(("text", "expected"), DUES)
def test_a_named_month_end_is_due_and_a_new_end_date_is_not(text, expected):
    found = find_due_phrases(text, MONDAY)
    assert found and found[0].due == expected


def test_an_attendee_written_with_an_initial_is_found_by_surname():
    text = ("Present: R. Okafor (Client IT, Harbour Trust), T. Lindqvist (Fieldnote, Account Director)\n\n"
            "Actions\n| No. | Action | Owner | Due |\n| 1 | Share the tenant export | R. Okafor | Friday |\n"
            "| 2 | Send the migration runbook | T. Lindqvist | Thursday |\n")
    assert steps_of(text) == [("share the tenant export", "customer", date(2026, 4, 17)),
                              ("send the migration runbook", "rep", date(2026, 4, 16))]


def test_procurement_labels_say_the_side():
    assert [role_from_label(label) for label in ("采购人（周科长）", "招标人（市卫健委）", "供应商（何工）",
                                                 "投标人（云桥科技）")] == ["customer", "customer", "rep", "rep"]


def test_a_purchasers_and_a_suppliers_turns_keep_their_sides():
    text = ("采购人（周科长）：数据要存在市政务云，能做到吗？\n供应商（何工）：可以，我明天把部署方案发您。\n"
            "采购人（信息科-付工）：好的，顺便把等保证明也附上。\n")
    assert ("把部署方案发您", "rep", date(2026, 4, 15)) in steps_of(text, channel="call")
