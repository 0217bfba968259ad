"""Names that are not a competitor in play: the tool a chat or meeting came from, the channel a
message went through, a system kept alongside, and names that are ordinary words.

Classes read off the tuning splits blind7..blind11 (issue 10): a title line naming the chat,
meeting or ticket tool ("钉钉单聊", "[企业微信] 客户群", "Support chat (powered by Intercom)"),
a form field naming the channel ("渠道：企业微信"), a channel verb before a name that can be a
tool ("通过钉钉发给", "全部走飞书"), office functions run on it (考勤, 请假), hand-offs and posts
into a tool, "alongside you" on a shortlist, comparisons with the past ("比以前方便", "than
before"), and words that are a catalog alias only by spelling ("Intercom testing", "our Outreach
team", "the Einstein correspondence", "客服小满", "(\"Morning Lark\")").
Each class has cases that must stay competitors.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.rules import RulesExtractor
from tests.extractors.test_rules_competitor_context import EVAL_CATALOG, case


def in_play(text: str) -> set[str]:
    """The names in play in a chat whose text is `text` as an export holds it (no speaker
    prefix added: title lines are the export's own first lines)."""
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel="chat",
                            occurred_at=datetime(2026, 3, 2, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(touchpoint, ExtractionContext(catalog=EVAL_CATALOG))
    return {c.name for c in insights.competitors if c.stance != "integration"}

TITLE_LINES = [
    case("钉钉单聊\n王老板：备多少合适？\n小唐：按去年的量加两成。", id="zh-dingtalk-dm-title"),
    case("钉钉 单聊\n邱文：出货时间定了吗？\n蒋涛：下周二出。", id="zh-dingtalk-dm-title-spaced"),
    case("[企业微信] 山野精酿-客户群（鹿角酒馆）\n阿杰：上周那桶卖爆了。", id="zh-wecom-group-bracketed"),
    case("企业微信外部群「茶小满加盟商-华南3区」\n店长：鲜奶又只到了一半。", id="zh-wecom-external-group"),
    case("企业微信「洁美环境 × 天誉大厦 项目沟通」\n天誉：周三保洁改到下午。", id="zh-wecom-name-opens-title"),
    case("【钉钉闪记 · 智能纪要】\n会议：护理系统实施周例会\n摘要：上线推迟一周。", id="zh-dingtalk-minutes-title"),
    case("【企业微信·报修工单】\n工单号：AF-0093\n描述：门禁无法识别。", id="zh-wecom-ticket-title"),
    case("企业微信\n卢佳：坐席工作台确实好用。", id="zh-bare-tool-name-title"),
    case("Ludex Mediation · Support chat (powered by Intercom)\nBot: Hi! Ask me anything.",
         id="en-powered-by-title"),
    case("[Chat widget - Loop & Larkspur Yarns - powered by Intercom]\nBot: Hi there!",
         id="en-powered-by-bracketed"),
    case("Thanks for the call. Our site runs a chat widget powered by Intercom.",
         id="en-powered-by-mid-text"),
    # must stay: a first line that says something of the name, or a speaker's turn
    case("闵洁：你们的工单能设置SLA吗？我们现在用的美洽，SLA这块基本没有", "美洽",
         id="zh-first-line-is-a-turn"),
    case("Subject: Leaving HubSpot\nHi Dana, we're done with HubSpot after this quarter.", "HubSpot",
         id="en-subject-line-is-no-title"),
    case("Zendesk vs. Kestrel pricing review\nNotes: the team prefers Kestrel.", "Zendesk",
         id="en-title-weighing-a-competitor"),
    case("销售易迁移项目 周会纪要\n一、客户数据已从销售易导出。", "销售易",
         id="zh-title-about-leaving-a-competitor"),
]

CHANNEL_FIELDS = [
    case("工单号：T-1182\n渠道：企业微信\n描述：导出报表一直转圈。", id="zh-channel-field"),
    case("Ticket #5521\nSource: Intercom\nDescription: export hangs at 90%.", id="en-source-field"),
    case("提交方式：钉钉\n问题：审批流无法提交。", id="zh-submitted-by-field"),
    case("描述：我们之前用企业微信管客户，现在想换掉。", "企业微信", id="zh-field-with-a-sentence-stays"),
]

CHANNEL_USE = [
    case("操作说明已通过钉钉发给李倩。", id="zh-sent-through-dingtalk"),
    case("出差审批这边已经全部走飞书，和贵司系统对接后，同事们反馈订票比以前方便多了。",
         id="zh-approvals-go-through-feishu-better-than-before"),
    case("我们现在考勤和请假都在钉钉上，那个挺好用的，不动。", id="zh-attendance-on-dingtalk"),
    case("钉钉考勤同步到薪福通后，夜班员工跨天打卡被拆成两天，比较急。", id="zh-dingtalk-attendance-part"),
    case("Landing page form now posts enquiries straight into Brightwater's HubSpot.",
         id="en-posts-into-owners-tool"),
    case("Bree noted that the fan support chat handoff to Intercom worked without anyone touching it.",
         id="en-handoff-to"),
    case("ServiceNow remains the city's internal IT service desk. Any 311 tool must hand "
         "facilities requests over to it.", id="en-remains-then-hand-over-to-it"),
    # must stay: a competitive cue right at the name, or use as a CRM
    case("下个月续费之前，我们会同时评估钉钉的直播课堂，结论出来前暂不续签。", "钉钉",
         id="zh-evaluating-the-tool-makers-product"),
    case("飞书比你们便宜，功能也差不多。", "飞书", id="zh-compared-with-a-product"),
    case("We currently answer questions through Freshdesk, and we have Zendesk on the shortlist "
         "alongside you.", "Freshworks", "Zendesk", id="en-shortlisted-alongside-you"),
    case("HubSpot is cheaper than you and easier than Pipedrive.", "HubSpot", "Pipedrive",
         id="en-than-a-product"),
    case("The price is higher than we expected - HubSpot quoted us about 20% less.", "HubSpot",
         id="en-than-expected-then-a-rival-quote"),
    case("会员是店员用企业微信加好友，在企微里打标签、发券，算是我们的会员系统吧。", "企业微信",
         id="zh-wecom-as-membership-crm"),
]

ORDINARY_WORDS = [
    case("It adds emergency phone and Intercom testing to the monthly scope.", id="en-intercom-device"),
    case("The Intercom panel in Car 2 was crackling.", id="en-intercom-panel"),
    case("Our Outreach team already wants to use the exhibit builder.", id="en-outreach-team"),
    case("I'd like to see the Einstein correspondence catalogued in that collection.",
         id="en-einstein-papers"),
    case("Marcus said the spring sour (\"Morning Lark\") sold through in three weeks.",
         id="en-lark-in-quoted-title"),
    case("客服 小满：亲，我是客服小满，请问有什么问题吗？", id="zh-xiaoman-agent-nickname"),
    case("企业微信外部群「茶小满加盟商」", id="zh-xiaoman-inside-a-brand"),
    # must stay: the products themselves
    case("We moved off Intercom last year because the SDK kept breaking.", "Intercom",
         id="en-intercom-product"),
    case("We use Outreach for all our sequencing.", "Outreach", id="en-outreach-product"),
    case("Salesforce Einstein scores our leads today.", "Salesforce", id="en-einstein-product"),
    case("我们现在用的小满CRM，主要是邮件跟进客户。", "小满", id="zh-xiaoman-crm"),
    case("你们能导入小满的数据吗？我们现在用的小满CRM。", "小满", id="zh-xiaoman-bare-after-crm"),
]


@pytest.mark.parametrize(("text", "expected"), TITLE_LINES + CHANNEL_FIELDS + CHANNEL_USE
                         + ORDINARY_WORDS)
def test_names_in_play(text: str, expected: set[str]) -> None:
    assert in_play(text) == expected
