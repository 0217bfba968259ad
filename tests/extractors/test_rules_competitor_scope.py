"""Item-level readings of a catalog name (issue 10, ninth session).

Classes read off the tuning splits' errors: a product the customer pays for is in play wherever
else records land in it; a suite that keeps the customer's members or leads
is a CRM in use even where the same text names it as the meeting or chat tool; a name said to
be outside the project's scope; the customer's helpdesk where their own end customers' tickets
pile up, that requests only come into, that forwards them to us, or whose record numbers are
cross-referenced; a site's chat widget; the vendor's agent working a case in a tool; a sign-off's credential or contact line; a record's header line naming the system it came from; a suite used as the approval channel in its own clause while a quote is weighed in
another; data brought over once from a product ("由/从…导数据过来"); a name kept, then
connected in the very next sentence. Each class has cases that must stay competitors.
"""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_competitor_channels import in_play
from tests.extractors.test_rules_competitor_context import case

SUITE_AS_CRM = [
    case("客户：开会用飞书会议就行。\n客户：我们的客户线索都记在飞书表格里，每个销售自己维护。", "飞书",
         id="zh-meeting-tool-and-leads"),
    case("客户：会员现在其实都在企微里维护，导购每天在企业微信上发消息。", "企业微信", id="zh-members-kept-then-channel"),
    case("客户：我们的会员都在企业微信里维护，标签跟你们的系统不互通。", "企业微信", id="zh-members-kept-not-synced"),
    case("客户：店员在钉钉里维护顾客标签。\n客户：另外审批也走钉钉。", "钉钉", id="zh-tags-and-approvals"),
    # a suite that is only the channel, or the place chats are connected from, stays a tool
    case("客户：我们跟客户的沟通都在企微上，聊天记录能迁过来吗？", id="zh-customer-chats-only"),
    case("客户：希望会员资料能和企业微信打通，导购在企微侧边栏就能看到。", id="zh-connect-member-records"),
]
PAID_INCUMBENT = [
    case("Customer: Web leads land in HubSpot and sit there.\nCustomer: We pay for thirty HubSpot seats and ten get used.",
         "HubSpot", id="en-paid-seats-beat-landing"),
    case("客户：线索会同步到销售易。\n客户：销售易那边我们合同还有八个月。", "销售易", id="zh-contract-beats-sync"),
    # a name only synced stays a tool
    case("Customer: Web leads land in HubSpot and sit there.", id="en-only-landing"),
]
OUT_OF_SCOPE = [
    case("- Their warehouse team runs Pipedrive;\n- nothing to do with this project.", id="en-next-line-out-of-scope"),
    case("Customer: Our vendor contacts stay in our Zoho CRM, so nothing is needed on that side.",
         id="en-nothing-needed-on-that-side"),
    case("客户：财务那边用的是用友，和这次项目无关。", id="zh-unrelated-to-project"),
    # a name the project replaces is in play whatever else is out of scope
    case("Customer: We're replacing Pipedrive; the payroll tool is out of scope.", "Pipedrive",
         id="en-replaced-beside-scope"),
]
INBOX_PILE_UP = [
    case("Customer: Our support desk in Zendesk has 250+ tickets from riders asking about the double charge.",
         id="en-helpdesk-ticket-count"),
    case("Customer: Front desk, we use Freshdesk for that, had two hundred emails by noon.", id="en-helpdesk-flooded"),
    case("客户：用户投诉都从我们的Udesk进来。", id="zh-complaints-come-in-through"),
    # a helpdesk in use, weighed or left stays a competitor
    case("Customer: We're on Zendesk and want something cheaper.", "Zendesk", id="en-helpdesk-in-use"),
    case("Customer: We're moving off Freshdesk, it has 300 open tickets nobody owns.", "Freshworks",
         id="en-leaving-helpdesk-with-backlog"),
]
HELPDESK_KEPT = [
    case("Customer: Web enquiries go straight into our Freshdesk and reception answers them.", id="en-requests-come-into"),
    case("Customer: Our ticket system is Zendesk, and it forwards anything about refunds to you.", id="en-forwards-to-vendor"),
    case("客户：我们的工单系统是智齿，涉及物流的会自动转给你们。", id="zh-forwards-to-vendor"),
    case("Customer: Please put our ServiceNow reference INC0091234 on your report.", id="en-incident-number"),
    case("Agent: They will quote this ticket number in their Jira and in their ServiceNow.", id="en-cross-reference"),
    # a helpdesk the vendor would replace stays
    case("Customer: Requests go into Freshdesk today and we want to move off it.", "Freshworks", id="en-arrive-but-leaving"),
]
WIDGET_AND_OWN_QUEUE = [
    case("Customer: students keep messaging us on the Intercom widget about the timetable", id="en-site-widget"),
    case("客户：官网上的美洽咨询窗口每天都有人问价格。", id="zh-site-widget"),
    case("Customer: My parcel never came.\nAgent: I've escalated it in Zendesk to the depot team.", id="en-agent-escalates-in"),
    case("客户：我的单子怎么样了？\n坐席：我在智齿里看到已经派给师傅了。", id="zh-agent-sees-in"),
    # replacing the widget keeps it in play; a recap of the customer's records is no agent action
    case("Customer: We want to replace the Intercom widget with yours.", "Intercom", id="en-widget-replaced"),
    case("Customer: Hi.\nAgent: To recap what I heard: your leads live in Pipedrive and nobody updates them.",
         "Pipedrive", id="en-recap-of-customer-records"),
]
SIGN_OFF = [
    case("Hi Priya, Friday is fine.\nRegards,\nLeo Park\nSales Ops | Certified Salesforce Administrator", id="en-credential"),
    case("Hi Priya, Friday is fine.\n--\nLeo Park, HubSpot Certified Marketer", id="en-credential-after-dashes"),
    case("Thanks!\nLeo | Chat with us on Intercom | acme.io", id="en-contact-line"),
    case("好的，周五见。\n刘洋\n企业微信：liuyang_01  电话：13800000000", id="zh-handle-among-contacts"),
    # a postscript that weighs a product is no sign-off line
    case("Thanks,\nLeo\nP.S. We're moving off Zendesk next month, so timing matters.", "Zendesk", id="en-postscript"),
]
RECORD_HEADERS = [
    case("Ticket #5520 (imported from Zendesk)\nCustomer: The scanner app crashes at login.", id="en-imported-ticket"),
    case("Case 00871 - Salesforce Service Cloud\nCustomer: The parcel came open.", id="en-case-header"),
    case("售后热线通话记录（Udesk自动转写）\n坐席：您好。\n客户：冰箱不制冷。", id="zh-call-record-header"),
    # a first line that weighs the product is no header
    case("Ticket #5521: we are replacing Zendesk, can you import our history?\nCustomer: Thanks.", "Zendesk",
         id="en-ticket-about-replacing"),
]
CHANNEL_CLAUSE = [
    case("主管：低于八折的报价一律走审批，钉钉上提。", id="zh-quote-then-approval-channel"),
    # a suite weighed in its own clause is in play
    case("客户：我们也在评估钉钉的客户管理，报价下周出。", "钉钉", id="zh-suite-evaluated"),
]
MIGRATION = [
    case("客户：我哋用緊金蝶做進銷存。\n陈小姐：我聽日幫你睇下點樣由金蝶導數據過嚟。", "金蝶", id="yue-data-brought-over"),
    case("客户：目前在用金蝶记账。\n顾问：下周先从金蝶导一批数据过来试试。", "金蝶", id="zh-data-brought-over"),
    # a recurring feed from it is a tool kept
    case("客户：每周从金蝶导数据过来给你们对账。", id="zh-weekly-feed"),
    # the platform a service runs on stays a tool
    case("客服：本页的在线客服由美洽提供。", id="zh-provided-by"),
]
KEPT_THEN_CONNECTED = [
    case("- Marketing keeps newsletter sign-ups in HubSpot;\n- the new portal will push sign-ups there nightly.",
         id="en-kept-then-pushed-there"),
    # a CRM named, then an integration asked about a different system two lines on, stays
    case("Customer: Our leads sit in a monday.com board.\nCustomer: Nobody updates it.\n"
         "Customer: Billing is Xero, so whatever we buy has to talk to it.", "monday.com",
         id="en-kept-other-system-connected-later"),
]


@pytest.mark.parametrize(("text", "names"),
                         SUITE_AS_CRM + PAID_INCUMBENT + OUT_OF_SCOPE + INBOX_PILE_UP + HELPDESK_KEPT + WIDGET_AND_OWN_QUEUE
                         + SIGN_OFF + RECORD_HEADERS
                         + CHANNEL_CLAUSE + MIGRATION + KEPT_THEN_CONNECTED)
def test_item_level_scope(text: str, names: set[str]) -> None:
    assert in_play(text) == names
