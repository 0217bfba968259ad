"""Switching cues said of something else, feeds and automation into a tool, office suites moved
for the staff, and a name that is a phrase in lowercase.

Classes read off the tuning splits blind12..blind14 (issue 10, seventh session): a switching
verb whose object is another thing, the catalog name being only where it is put ("leave a note in
Salesforce", "drop the invoices into our Zendesk"); "instead of" said of another thing; an export
repeated every day or week (a data feed from a tool kept); records created in a tool
automatically; a carry-in (自动带入) from it; investigating a product's interface (调研用友接口);
office functions of a suite that can be a CRM (员工通讯, 日程, internal chat) even when it is
switched; "a fresh desk" in lowercase. Each class has cases that must stay competitors.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.rules import RulesExtractor
from tests.extractors.test_rules_competitor_channels import in_play
from tests.extractors.test_rules_competitor_context import EVAL_CATALOG, case


def stances(text: str) -> dict[str, str]:
    """Each catalog name in a chat whose text is `text`, with its stance."""
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel="chat",
                            occurred_at=datetime(2026, 3, 2, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(touchpoint, ExtractionContext(catalog=EVAL_CATALOG))
    return {c.name: c.stance for c in insights.competitors}


# the switching cue is said of another thing: the name is only mentioned (a tool in use)
OBJECT_ELSEWHERE = [
    pytest.param("Please leave a short note in Salesforce when the crate ships.",
                 {"Salesforce": "mentioned"}, id="en-leave-note-in"),
    pytest.param("Could you drop the signed forms into our Zendesk queue?",
                 {"Zendesk": "mentioned"}, id="en-drop-into"),
    pytest.param("Someone cancelled the booking in Pipedrive by mistake, can you restore it?",
                 {"Pipedrive": "mentioned"}, id="en-cancel-something-in"),
    pytest.param("Instead of emailing the form, could you log it in Zendesk?",
                 {"Zendesk": "mentioned"}, id="en-instead-of-another"),
    pytest.param("We moved from fax to email orders, and the tickets still land on Zendesk.",
                 {"Zendesk": "mentioned"}, id="en-switched-from-another-thing"),
    pytest.param("从钉钉转过来的工单，我们还是按老流程处理。", {"钉钉": "mentioned"},
                 id="zh-handed-over-through"),
    pytest.param("以前用用友做账，现在还在用。", {"用友": "using"}, id="zh-used-before-and-still"),
    # must stay: the name is what is left, dropped, replaced or given up
    pytest.param("We're leaving Salesforce when the contract runs out.",
                 {"Salesforce": "switching_from"}, id="en-leave-name"),
    pytest.param("We are dropping our HubSpot seats in June.", {"HubSpot": "switching_from"},
                 id="en-drop-name"),
    pytest.param("The plan is to replace Zendesk with you by autumn.", {"Zendesk": "switching_from"},
                 id="en-replace-name"),
    pytest.param("We'd take your plan instead of Pipedrive.", {"Pipedrive": "switching_from"},
                 id="en-instead-of-name"),
    pytest.param("We switched from our old Zoho setup in May.", {"Zoho": "switching_from"},
                 id="en-switched-from-name"),
    pytest.param("我们从金蝶切过来才两周。", {"金蝶": "switching_from"}, id="zh-cut-over-from"),
    pytest.param("之前用的是纷享销客，去年停了。", {"纷享销客": "switching_from"}, id="zh-used-before"),
]


@pytest.mark.parametrize(("text", "expected"), OBJECT_ELSEWHERE)
def test_switching_cue_needs_the_name_as_object(text: str, expected: dict[str, str]) -> None:
    assert stances(text) == expected


FEEDS_AND_AUTOMATION = [
    case("We export the member list from HubSpot every Monday and upload it to your portal.",
         id="en-weekly-export"),
    case("Work orders are exported from Zendesk into our BI tool each night.", id="en-nightly-export"),
    case("我们每周从金蝶导出一次库存数据给你们。", id="zh-weekly-export"),
    case("The leak alerts should open incidents in ServiceNow automatically.",
         id="en-created-automatically"),
    case("仓库系统（用友U8）里的货品编号，能不能自动带入你们的运单？", id="zh-carried-in"),
    case("- 小周 调研金蝶接口，下周答复", id="zh-investigating-interface"),
    # must stay: a one-time export to leave, and weighing the product itself
    case("We exported everything from Zendesk last week to move it over to you.", "Zendesk",
         id="en-one-time-export"),
    case("我们已经从金蝶导出了全部客户资料，准备迁过来。", "金蝶", id="zh-one-time-export"),
    case("我们在调研金蝶的CRM模块。", "金蝶", id="zh-investigating-product"),
]

OFFICE_SUITES = [
    case("安全整改建议要求把员工通讯从飞书迁到钉钉，我们做不到。", id="zh-staff-comms-moved"),
    case("Next month we're moving internal chat from DingTalk to Lark.", id="en-internal-chat-moved"),
    case("时间：周三 14:00-15:00（钉钉日程发起）", id="zh-calendar-invite"),
    # must stay: the suite used or switched as the customer record
    case("我们打算把客户管理从钉钉迁到企业微信。", "钉钉", "企业微信", id="zh-crm-moved"),
    case("门店会员现在都在企业微信里打标签，想换一套专业的。", "企业微信", id="zh-members-in-wecom"),
]

PHRASES = [
    case("We'd like a fresh desk wipe-down for all forty workstations.", id="en-fresh-desk-phrase"),
    case("Our agents moved to Freshdesk in March.", "Freshworks", id="en-freshdesk-product"),
]


@pytest.mark.parametrize(("text", "expected"), FEEDS_AND_AUTOMATION
                         + OFFICE_SUITES + PHRASES)
def test_names_in_play(text: str, expected: set[str]) -> None:
    assert in_play(text) == expected
