"""A product the customer used before coming to us is in play; the notes a tool wrote are not."""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_competitors import mentions

PAST_USE = [
    pytest.param("我们之前一直用企业微信管客户，后来才换到你们这边。", "企业微信", id="zh-zhiqian-yizhi"),
    pytest.param("此前我们排班一直用钉钉，现在全部迁过来了。", "钉钉", id="zh-ciqian"),
    pytest.param("以前我们用飞书的多维表格登记会员，太麻烦了。", "飞书", id="zh-yiqian-women"),
    pytest.param("原来公司用的是纷享销客，合同到期就没续。", "纷享销客", id="zh-yuanlai-gongsi"),
    pytest.param("过去两年我们都在用销售易。", "销售易", id="zh-guoqu"),
    pytest.param("We previously used Pipedrive for the field team.", "Pipedrive", id="en-previously-used"),
    pytest.param("Our reps were formerly on Zoho, and nobody misses it.", "Zoho", id="en-formerly-on"),
]


@pytest.mark.parametrize(("text", "name"), PAST_USE)
def test_a_product_used_before_is_being_switched_from(text, name):
    assert mentions(text).get(name) == "switching_from"


NOT_PAST_USE = [
    pytest.param("之前的费用是按席位算的，钉钉那边我们还在用来审批。", "钉钉", id="zh-fee-is-no-use"),
    pytest.param("两天以前用户就在钉钉群里反馈了。", "钉钉", id="zh-user-is-no-use"),
]


@pytest.mark.parametrize(("text", "name"), NOT_PAST_USE)
def test_words_that_only_contain_use_are_no_past_use(text, name):
    assert mentions(text).get(name) != "switching_from"


NOTES_TOOL = [
    pytest.param("飞书妙记 · 智能纪要\n会议：季度复盘", "飞书", id="zh-feishu-notes"),
    pytest.param("以下内容由钉钉会议纪要自动生成。", "钉钉", id="zh-dingtalk-minutes"),
    pytest.param("企业微信录音转写：客户说下周再定。", "企业微信", id="zh-wecom-recording"),
    pytest.param("Lark transcript, auto-generated after the call.", "飞书", id="en-lark-transcript"),
]


@pytest.mark.parametrize(("text", "name"), NOTES_TOOL)
def test_the_notes_a_workplace_tool_wrote_are_no_competitor(text, name):
    assert mentions(text).get(name) in (None, "integration")
