"""A product kept alongside us is an integration, not a competitor, in more of the ways it is said;
and a name inside a common word is no name.

Table-driven like test_rules_competitor_context.py: each case is a text and the names in play
(every catalog mention whose stance is not `integration`), with the eval catalog. The cases are
invented, one construction each, in English and Chinese, with a near miss that stays in play.
"""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_competitor_context import case, in_play

# a cue that points back ("write back to it", "跟它同步", "同步过去") reaches the name it points to
# anywhere before it in the sentence, not only within the usual window
POINTS_BACK = [
    case("We'll stay on HubSpot no matter what the board decides next quarter, so the question is "
         "whether your platform can push activities back into it.",
         id="en-stay-on-then-push-into-it"),
    case("Our finance and admissions teams will remain on Salesforce for the foreseeable future, "
         "and we need your tool to write back to it.", id="en-remain-on-then-write-back-to-it"),
    case("我们销售团队这几年一直在用纷享销客，客户数据全在上面，不会换，你们的系统要能跟它同步。",
         id="zh-long-using-then-gen-ta"),
    case("我们还是会继续用销售易，所以你们的系统需要能把数据回写过去。", id="zh-huixie-guoqu"),
    case("We're leaving HubSpot by the end of the quarter, so whatever replaces it has to import "
         "from it first.", "HubSpot", id="en-leaving-stays-in-play"),
    case("We're moving off Pipedrive after years of complaints about its reporting, and your "
         "importer needs to pull everything from it.", "Pipedrive", id="en-moving-off-stays"),
    case("We use Zendesk for support and Pipedrive for sales, and the new tool must sync with it.",
         "Zendesk", id="en-it-after-another-name-is-that-one"),
]

# data that has to arrive in the tool: "land in X", "flow into X", "回写到X"
DATA_ARRIVES = [
    case("We still need the call recordings to land in Salesforce on the activity record.",
         id="en-land-in"),
    case("Ideally tickets would flow into Zendesk without anyone copying them.", id="en-flow-into"),
    case("Can the transcripts show up in Pipedrive as activities?", id="en-show-up-in"),
    case("通话记录需要回写到纷享销客的客户详情里。", id="zh-huixie-dao"),
    case("拜访记录能不能自动写回销售易？", id="zh-xiehui"),
    case("Is your data model compatible with Salesforce objects?", id="en-compatible-with"),
    case("你们的系统兼容金蝶吗？", id="zh-jianrong"),
    case("Can your widget be embedded in Zendesk?", id="en-embedded-in"),
    case("你们的页面能嵌入到企业微信里吗？", id="zh-qianru"),
    case("Could activities be logged against the HubSpot deal automatically?", id="en-logged-against"),
    case("线索从你们系统流转到纷享销客需要多久？", id="zh-liuzhuan-is-no-switch"),
    case("我们希望销售易里的商机能自动带到你们系统。", id="zh-daidao"),
    case("我们打算从纷享销客转到你们这边。", "纷享销客", id="zh-cong-zhuan-stays"),
    case("Our reps log calls in Salesforce every day and hate it.", "Salesforce",
         id="en-log-in-is-use-stays"),
    case("Our web leads land in HubSpot today, and we're thinking of leaving it this year.",
         "HubSpot", id="en-land-in-but-leaving-stays"),
]

# our own component built for the name: "your Salesforce package", "你们的钉钉插件"
OWN_COMPONENT = [
    case("Your Salesforce managed package broke after the last update.", id="en-your-package"),
    case("Will your HubSpot app still work after you release v3?", id="en-your-app"),
    case("你们的钉钉插件什么时候上线？", id="zh-nimen-plugin"),
    case("Our HubSpot app crashes on Android all the time.", "HubSpot",
         id="en-customers-own-app-stays"),
    case("Your Salesforce pricing is way lower, to be fair.", "Salesforce",
         id="en-your-not-a-component-stays"),
]

# the tool stays and we sit beside it: "X stays; … complement it", "两边数据要通"
KEPT_BESIDE = [
    case("Zendesk stays; your product needs to complement it, not replace it.",
         id="en-stays-then-complement-it"),
    case("HubSpot isn't going anywhere. Can your tool sync with it?", id="en-not-going-anywhere"),
    case("HubSpot complements our stack nicely.", "HubSpot", id="en-name-complements-stays"),
    case("我们的客服继续用美洽，你们做销售这块就行，两边数据要通。", id="zh-liangbian-shuju-tong"),
    case("We'd want deals created in your tool to be mirrored in Salesforce.", id="en-mirrored-in"),
    case("Could the leads be exported into Pipedrive every night?", id="en-exported-into"),
    case("客户信息要能自动导入到纷享销客里。", id="zh-daoru-dao"),
    case("We're moving to HubSpot next month, so we'll export everything to it.", "HubSpot",
         id="en-moving-to-then-export-stays"),
    case("我们打算换成销售易，需要把数据导入到销售易。", "销售易", id="zh-huancheng-then-daoru-stays"),
    case("We're leaving Zendesk. Can your tool import from it?", "Zendesk",
         id="en-leaving-then-import-stays"),
]

# an integration the vendor answers about (跟X打通的问题 … 我可以演示): the demo is of the
# connection, in a clause of its own, not an evaluation of the named product
ANSWERED_INTEGRATION = [
    case("另外您提到的跟企业微信打通的问题，我们已经有成熟方案，下次会议我可以现场演示。",
         id="zh-dato-question-then-demo"),
    case("关于您说的和钉钉对接的事情，我们有现成的方案，下周可以给您演示一下。",
         id="zh-duijie-matter-then-demo"),
    case("On the Salesforce integration question, our team can walk you through a demo on Friday.",
         id="en-integration-question-then-demo"),
    case("We saw a HubSpot demo last week and it looked slick.", "HubSpot",
         id="en-demo-of-the-product-stays"),
    case("我们在评估纷享销客，想看看它和企业微信打通的效果。", "纷享销客", id="zh-evaluating-one-stays"),
]

# a workplace tool everyone uses (都用/也用/统一用): tool use for a name that can be both,
# plain use of a CRM
WORKPLACE_TOOL = [
    case("我们公司内部都用飞书。", id="zh-dou-yong-both-kind-tool"),
    case("我们部门日常统一用钉钉。", id="zh-tongyi-yong-both-kind-tool"),
    case("我们客户都用钉钉管，线索也在上面。", "钉钉", id="zh-dou-yong-as-crm-stays"),
    case("我们销售也都用销售易。", "销售易", id="zh-dou-yong-crm-stays"),
]

# our tool reading from it, or used beside it: "read them from there", "use you for …", 读过去
READ_OR_BESIDE = [
    case("All our tickets live in Zendesk; can your AI read them from there?",
         id="en-live-in-then-read-from-there"),
    case("HubSpot is our CRM and will stay that way, we just want your notes to show there.",
         id="en-show-there"),
    case("We'd keep Pipedrive as the system of record and use you for call analysis.",
         id="en-keep-and-use-you-for"),
    case("Can your tool pull contact data out of Salesforce?", id="en-pull-out-of"),
    case("We rely on Gong for call recording, can you ingest those recordings?",
         id="en-rely-on-then-ingest"),
    case("我们的工单都在Udesk里，你们能不能直接读过去？", id="zh-du-guoqu"),
    case("现在商机都在销售易里，你们的AI能不能直接读销售易的数据？", id="zh-zhijie-du"),
    case("我们的呼叫中心用的是智齿，录音能导给你们吗？", id="zh-daogei"),
    case("飞书那边的日程能不能自动带出来？", id="zh-dai-chulai"),
    case("I read from a HubSpot blog post that pricing changed.", "HubSpot",
         id="en-read-from-a-post-stays"),
    case("Our reps live in HubSpot and they hate the reporting.", "HubSpot",
         id="en-live-in-stays"),
    case("We're evaluating HubSpot and might use you for calls.", "HubSpot",
         id="en-evaluating-then-use-you-stays"),
]

# one tool connecting every name said, and a name kept while another is left
EVERY_OR_KEPT = [
    case("Our support team uses Zendesk, sales uses Pipedrive, and we want one tool that "
         "connects both.", id="en-connects-both"),
    case("客服用智齿，销售用纷享销客，希望有一个系统能打通两边。", id="zh-datong-liangbian"),
    case("We are moving from Zoho to you, but Zendesk stays and has to be integrated.", "Zoho",
         id="en-moving-from-one-other-stays"),
    case("We use Zendesk and Pipedrive and want to replace both.", "Zendesk", "Pipedrive",
         id="en-replace-both-stays"),
]

# a contact line in a signature naming a handle on the tool is a channel
HANDLES = [
    case("此致\n王磊\n销售总监 | 企业微信：wanglei_88", id="zh-signature-qiwei-handle"),
    case("祝好\n陈晓峰\n钉钉：chenxf", id="zh-signature-dingding-handle"),
    case("Best, Tom\nWeCom ID: tom.rivera", id="en-signature-wecom-id"),
    case("Current CRM: Salesforce", "Salesforce", id="en-label-then-name-stays"),
    case("We use HubSpot: it's fine.", "HubSpot", id="en-colon-after-use-stays"),
]

# 用友 inside "使用友商" (a rival vendor) or "用友盟" (another SDK) is no name
RIVAL_WORD = [
    case("我们之前在用友商的系统，报价比你们低。", id="zh-yong-youshang"),
    case("埋点我们用友盟，不用别的。", id="zh-yong-youmeng"),
    case("我们财务用友U8，客户管理也想统一。", "用友", id="zh-yongyou-u8-stays"),
    case("用友的报价比你们低。", "用友", id="zh-yongyou-stays"),
]

CASES = (POINTS_BACK + DATA_ARRIVES + READ_OR_BESIDE + EVERY_OR_KEPT + OWN_COMPONENT + KEPT_BESIDE + ANSWERED_INTEGRATION
         + WORKPLACE_TOOL + HANDLES + RIVAL_WORD)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_product_kept_alongside_us_is_not_in_play(text: str, expected: set[str]) -> None:
    assert in_play(text) == expected
