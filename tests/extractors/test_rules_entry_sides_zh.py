"""Chinese chats and tickets whose labels say the side (entry_sides.py, sentences._alias_roles),
invented examples: a ticket's entry headers "客服（小诺）5/6" / "张岚 5/7" without a colon, a chat's
auto-reply that is no person, and an official reply whose team name holds "会员" (member services)."""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_action_items import steps_of  # occurred Tue 2026-04-14

STEPS = [
    pytest.param(
        "工单：WO-3301 — 会员卡积分未到账\n提交人：张岚（会员部，青柠健身）\n张岚 4/12\n上周充值的积分一直没到账。\n"
        "客服（小诺）4/13\n张老师您好，已经转给技术。\n张岚 4/14\n还要等多久？\n客服（小诺）4/14\n"
        "张老师，原因找到了，积分我今天下午手工补上，并把明细发给您。\n", "ticket",
        [("rep",)], id="zh-ticket-entry-headers"),
    pytest.param(
        "晨曦公寓 住户在线咨询\n自动回复：您好，管家将尽快回复您\n住户（吴晴，8栋）：你好，楼道灯坏了三天了，晚上很黑。\n"
        "管家-小艾：吴女士非常抱歉！今天下午我先让保安放两盏应急灯。\n", "chat",
        [("rep",)], id="zh-chat-auto-reply-no-person"),
    pytest.param(
        "来源：小红书评论\n用户“青山不老”：退订了还在扣费，客服电话打不通。\n\n"
        "官方回复（悦读会员服务）：非常抱歉，我们今天内核实并处理退款。\n", "ticket",
        [("rep",)], id="zh-official-reply-of-member-services-is-staff"),
]


@pytest.mark.parametrize(("text", "channel", "owners"), STEPS)
def test_the_label_gives_the_steps_owner(text, channel, owners):
    assert [(owner,) for _, owner, _ in steps_of(text, channel)] == owners


NOT_STAFF = [
    # a customer's own header line stays the customer's: the requester asks, no rep step
    pytest.param("工单：WO-3302\n提交人：张岚（会员部，青柠健身）\n张岚 4/14\n请今天把补积分的明细发给我。\n", "ticket",
                 [("rep",)], id="zh-requester-asks-rep-owns"),
]


@pytest.mark.parametrize(("text", "channel", "owners"), NOT_STAFF)
def test_the_requesters_ask_is_the_staffs_step(text, channel, owners):
    assert [(owner,) for _, owner, _ in steps_of(text, channel)] == owners
