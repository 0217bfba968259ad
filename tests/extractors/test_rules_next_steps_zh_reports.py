"""Chinese clauses that report rather than promise or ask (next_step_zh_filters.py), invented
examples: a dated past event and the thing it made, a verb already done, an outside body's
inspection, a when- or since-clause, an ask only for what identifies the caller, and a check the
other side is invited to make after a fix. The steps next to them must stay."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_next_steps import steps  # occurred Mon 2026-03-02

NOT_STEPS = [
    pytest.param([("customer", "你们上礼拜来换的滤芯，现在又开始漏水了。")], id="zh-past-visit-made-thing"),
    pytest.param([("customer", "我周三做的美甲，今天就掉了两片。")], id="zh-weekday-made-thing"),
    pytest.param([("customer", "合同我们3号就寄了。")], id="zh-verb-done"),
    pytest.param([("customer", "我的退款申请提交了，一直显示处理中。")], id="zh-submitted-already"),
    pytest.param([("rep", "有的，樱桃番茄这周刚到一批。")], id="zh-just-arrived"),
    pytest.param([("customer", "明天下午消防的人来检查，机房的灭火器够不够？")], id="zh-outside-inspection"),
    pytest.param([("customer", "今天上午批量导出报表时，有一半的数据是空的。")], id="zh-when-clause"),
    pytest.param([("rep", "您好，麻烦提供一下会员手机号。")], id="zh-ask-member-phone"),
    pytest.param([("rep", "麻烦提供一下学员姓名和订单号哦")], id="zh-ask-name-and-order"),
    pytest.param([("rep", "已为您重新开通权限，请重新登录确认。")], id="zh-check-after-fix"),
    pytest.param([("rep", "补丁已经上线，您可以重新上传试试。")], id="zh-retry-after-fix"),
]


@pytest.mark.parametrize("turns", NOT_STEPS)
def test_reports_identity_asks_and_checks_after_a_fix_are_no_steps(turns):
    assert steps(turns) == []


STEPS = [
    pytest.param([("rep", "第二个是安装费，我这边按上次谈的价格出正式报价，周四前发您邮箱。")],
                 ("按上次谈的价格出正式报价", "rep", date(2026, 3, 5)), id="zh-described-object-stays"),
    pytest.param([("customer", "麻烦回复上周培训的签到人数。")],
                 ("回复上周培训的签到人数", "rep", None), id="zh-past-day-describes-object"),
    pytest.param([("rep", "我明天看了再回复您。")], ("看了再回复您", "rep", date(2026, 3, 3)), id="zh-le-then-reply"),
    pytest.param([("customer", "麻烦提供一下贵司的营业执照和开户许可证。")],
                 ("提供一下贵司的营业执照和开户许可证", "rep", None), id="zh-documents-are-no-identity"),
    pytest.param([("rep", "请确认一下发货地址。")], ("确认一下发货地址", "customer", None), id="zh-confirm-without-fix"),
]


@pytest.mark.parametrize(("turns", "expected"), STEPS)
def test_steps_next_to_those_classes_stay(turns, expected):
    assert expected in steps(turns)
