"""Tools kept beside the vendor and suites used as a CRM (issue 10, eighth session).

Classes read off blind17 and blind18: records pushed over from a tool, field mappings and joint
debugging (推过来, 联调; a field mapping alone may be a migration); a replacement denied ("不替代金蝶", "we won't replace Zendesk");
a record our side would open in it ("can the alert open a ticket in Freshdesk?"); a suite's side
panel (企业微信侧边栏); Cantonese "using" (用緊). A suite that can be a CRM (钉钉, 企业微信, 飞书) in
which customers or members are kept, maintained or tagged is a CRM in use, even when a part of it
(表格, 群) or a channel word is named. Each class has cases that must stay competitors.
"""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_competitor_channels import in_play
from tests.extractors.test_rules_competitor_context import case

KEPT = [
    case("门店：订单每天同步到金蝶，你们不替代金蝶对吧？", id="zh-replacement-denied"),
    case("Customer: To be clear, this won't replace Zendesk, it only feeds it.", id="en-wont-replace"),
    case("财务：用友那边的收款凭证今天推过来了，格式没问题。", id="zh-pushed-over"),
    case("实施：用友的字段映射表已经发给你们了，下周联调。", id="zh-joint-debug"),
    case("Customer: When a scanner goes offline, can the alert open a ticket in Freshdesk?", id="en-open-ticket-in"),
    case("客服：企业微信侧边栏的插件我们已经有了。", id="zh-sidebar"),
    # stays in play
    case("客户：我们打算替代金蝶，整体换到新系统。", "金蝶", id="zh-replacing-stays"),
    case("Customer: We're replacing Zendesk next quarter.", "Zendesk", id="en-replacing-stays"),
    case("客户：我哋而家用緊金蝶做進銷存，盤點差好多。", "金蝶", id="yue-using-stays"),
]
CRM_SUITE = [
    case("客户：我们门店的会员现在都在企微里维护，店长每天在企业微信上约客。", "企业微信", id="zh-members-kept-in-suite"),
    case("客户：以前营员的信息我们都放企业微信里打标签，现在换成你们了。", "企业微信", id="zh-tagging-in-suite"),
    case("客户：客户线索现在记在飞书多维表格里，字段不统一。", "飞书", id="zh-leads-in-suite-sheet"),
    # a channel or a part without customer records stays a tool
    case("客户：请假和报销都在钉钉上提。", id="zh-approval-channel"),
    case("客户：我拉个钉钉群，大家在群里对一下时间。", id="zh-group-part"),
]


@pytest.mark.parametrize(("text", "names"), KEPT + CRM_SUITE)
def test_kept_tools_and_crm_suites(text: str, names: set[str]) -> None:
    assert in_play(text) == names
