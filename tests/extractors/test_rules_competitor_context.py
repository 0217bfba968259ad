"""Competitor or tool kept alongside, decided by what the words around a name say about it.

Table-driven: each case is a text and the names in play (the eval's `competitors`: every catalog
mention whose stance is not `integration`), with the eval catalog.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.catalog import load_catalog
from tests.extractors.test_rules_competitors import mentions

EVAL_CATALOG = load_catalog(Path(__file__).parents[2] / "evals" / "datasets" / "competitors.yaml")


def in_play(text: str) -> set[str]:
    return {name for name, stance in mentions(text, EVAL_CATALOG).items() if stance != "integration"}


def case(text: str, *names: str, id: str):  # noqa: A002 - pytest's word
    return pytest.param(text, set(names), id=id)


# an integration cue is about the party it names, not about every name in the sentence
INTEGRATION_PARTIES = [
    case("We're on Salesforce and want to know about your Slack integration.", "Salesforce",
         id="en-using-then-other-tools-integration"),
    case("We use HubSpot today, and we need an integration with Slack.", "HubSpot",
         id="en-integration-with-another-tool"),
    case("We use Pipedrive and need to sync with Zendesk.", "Pipedrive",
         id="en-sync-with-names-the-other-one"),
    case("We're replacing Pipedrive and need two-way sync with HubSpot.", "Pipedrive",
         id="en-replacing-one-syncing-the-other"),
    case("Currently we run HubSpot, and our support team uses Zendesk which we'd like to connect.",
         "HubSpot", id="en-bare-cue-is-about-the-nearest-name"),
    case("The Zendesk integration is the only reason we haven't left HubSpot yet.", "HubSpot",
         id="en-integration-names-its-tool-before-it"),
    case("We're on Salesforce; does your tool integrate with Outlook?", "Salesforce",
         id="en-next-sentence-names-another-tool"),
    case("We use Salesforce. Can you sync with Slack?", "Salesforce",
         id="en-next-sentence-syncs-with-another-tool"),
    case("We compared HubSpot and Zoho, and both connect to our ERP.", "HubSpot", "Zoho",
         id="en-both-compared-connect-to-erp"),
    case("Our reps live in Salesforce, so whatever we buy must sync with it.",
         id="en-sync-with-it-points-back"),
    case("Does Zendesk integrate with your platform?", id="en-name-as-subject"),
    case("HubSpot syncs with Gmail, which you don't.", "HubSpot", id="en-its-own-integration"),
    case("Zendesk can sync with Slack natively.", "Zendesk", id="en-its-own-integration-2"),
    case("Is there a plugin for Zendesk?", id="en-plugin-for"),
    case("We use Outreach.io for sequences and aren't planning to replace it. "
         "Does Kestrel integrate with it?", "Outreach", id="en-replacement-weighed-stays-in-play"),
    case("我们用的是销售易，想和企业微信打通。", "销售易", id="zh-he-names-the-other-party"),
    case("我们现在用纷享销客，想接入钉钉。", "纷享销客", id="zh-jieru-names-the-other-party"),
    case("我们用销售易，希望能和微信打通。", "销售易", id="zh-he-names-a-tool-outside-the-catalog"),
    case("我们在评估纷享销客，另外需要对接金蝶。", "纷享销客", id="zh-evaluating-one-connecting-another"),
    case("我们的呼叫中心用的是Udesk，希望能打通。", id="zh-using-then-bare-connect"),
    case("我们销售都在用纷享销客，你们系统要能跟它同步。", id="zh-gen-ta-points-back"),
    case("钉钉能和你们打通吗？", id="zh-name-as-subject-with-vendor"),
    case("We're a Salesforce shop, so whatever we add has to play nicely with SFDC.",
         id="en-play-nicely-with"),
    case("We need Zendesk and HubSpot integrations.", id="en-two-names-one-cue"),
    case("销售：我们有现成的钉钉和企业微信插件。", id="zh-two-names-one-plugin"),
    case("客户：现在客服用的智齿，工单和你们系统对接一下就行。", id="zh-connect-with-your-system"),
    case("客户：我們在企業微信裡加了客戶，能同步到你們系統嗎？", id="zh-traditional-sync-to-your-system"),
    case("客户：週一再確認飛書的整合方案。", id="zh-traditional-integration-word"),
    case("客户：我們目前用的是Zoho，但續約前想多比較幾家。", "Zoho", id="zh-traditional-comparing"),
]


@pytest.mark.parametrize(("text", "expected"), INTEGRATION_PARTIES)
def test_an_integration_cue_is_about_the_party_it_names(text, expected):
    assert in_play(text) == expected


# names that are ordinary words, spelled with hyphens, possessives, lowercase, editions, 繁體, spaces
NAME_FORMS = [
    case("Just so it's clear, you're on the Close plan tier, not the Starter one.",
         id="en-close-plan-tier-is-sales-talk"),
    case("Our close rate dropped since we left Close CRM.", "Close", id="en-close-rate-beside-close-crm"),
    case("我这边明天把飞书应用的演示账号开给您，您先试试。", id="zh-our-app-on-feishu-is-no-competitor"),
    case("Gong's team pitched us their new CRM add-on.", "Gong", id="en-possessive-at-start"),
    case("Outreach's pricing went up again.", "Outreach", id="en-possessive-at-start-2"),
    case("Gong, Outreach and Salesloft are all on our list.", "Gong", "Outreach", "Salesloft",
         id="en-word-names-opening-a-product-list"),
    case("Intercom and Zendesk both quoted us lower.", "Intercom", "Zendesk",
         id="en-word-name-opening-a-pair"),
    case("Outreach is going well this quarter, and HubSpot is fine.", "HubSpot",
         id="en-word-at-start-not-listed"),
    case("Let's finish the Mutual Close Plan by Friday.", id="en-word-in-a-title-case-run"),
    case("Please update the Close Date on the opportunity.", id="en-word-before-a-capitalized-word"),
    case("Customer Outreach Strategy Review", id="en-title-case-heading"),
    case("Our patient-outreach program runs in March.", id="en-ordinary-word-hyphenated"),
    case("Our sales force is 40 people across three regions.", id="en-sales-force-as-team"),
    case("We need service now, the queue is exploding.", id="en-service-now-as-words"),
    case("We're on Sales force for the pipeline.", "Salesforce", id="en-spelled-apart-capitalized"),
    case("Sales force is what we use today.", "Salesforce", id="en-spelled-apart-at-start"),
    case("we use hub spot for marketing", "HubSpot", id="en-spelled-apart-lowercase-not-a-phrase"),
    case("we use sales force for the pipeline", "Salesforce", id="en-phrase-after-product-verb"),
    case("Our Sales Force Automation project starts in May.", id="en-phrase-in-title-case"),
    case("Our Salesforce-based quoting flow breaks weekly.", "Salesforce", id="en-hyphen-after"),
    case("We're a HubSpot-first shop.", "HubSpot", id="en-hyphen-after-2"),
    case("We moved our non-HubSpot contacts last year.", "HubSpot", id="en-hyphen-before"),
    case("HubSpot's reporting is weak.", "HubSpot", id="en-possessive"),
    case("we use hubspot rn lol", "HubSpot", id="en-lowercase-chat"),
    case("sfdc is a pain tbh", "Salesforce", id="en-lowercase-abbreviation"),
    case("We're on Salesforce Enterprise Edition.", "Salesforce", id="en-edition-after-name"),
    case("We're on Dynamics365 for sales.", "Microsoft Dynamics", id="en-version-joined"),
    case("我們之前用銷售易，後來換了。", "销售易", id="zh-traditional"),
    case("我們在評估紛享銷客。", "纷享销客", id="zh-traditional-2"),
    case("我們公司用釘釘做客戶管理。", "钉钉", id="zh-traditional-both-kind-as-crm"),
    case("我们之前用 销售 易。", "销售易", id="zh-space-inside-name"),
    case("我明天去拔智齿，请个假。", id="zh-wisdom-tooth"),
    case("小满那天我们再碰一下。", id="zh-solar-term"),
    case("我们之前用的是小满，后来换了。", "小满", id="zh-xiaoman-as-product"),
    case("用友好的态度沟通。", id="zh-yongyou-inside-a-word"),
    case("我们要发扬钉钉子精神。", id="zh-dingding-in-nail-hammering"),
    case("这样销售易于跟进。", id="zh-xiaoshouyi-in-easy-to"),
    case("我们要提升销售力。", id="zh-sales-capability"),
    case("we use gong for call recording", "Gong", id="en-lowercase-word-name-after-use"),
    case("we're evaluating outreach and salesloft", "Outreach", "Salesloft",
         id="en-lowercase-word-name-after-evaluating"),
    case("thanks for the outreach!", id="en-lowercase-word-without-product-verb"),
    case("Best,\nWei Gong", id="en-surname-in-signature"),
    case("Mr. Gong will join the call.", id="en-surname-after-honorific"),
    case("Click Save, then click Close and reload the page.", id="en-close-as-a-button"),
    case("The Close button is greyed out.", id="en-close-button"),
    case("We moved from HubSpot to Close last year.", "HubSpot", "Close", id="en-close-as-product"),
    case("Close CRM has a native Slack integration.", "Close", id="en-two-word-name-at-start"),
    case("Monday CRM is cheaper for us.", "monday.com", id="en-two-word-name-at-start-2"),
    case("You don't need to be an Einstein to use it.", id="en-einstein-as-a-word"),
    case("We tried Einstein for forecasting.", "Salesforce", id="en-einstein-as-product"),
]


@pytest.mark.parametrize(("text", "expected"), NAME_FORMS)
def test_names_are_found_in_their_real_forms_and_not_in_ordinary_words(text, expected):
    assert in_play(text) == expected


# what a sentence does with a name: replace it, move data off it (in play), or connect to it
REPLACE_OR_CONNECT = [
    case("We'd keep Zendesk for tickets and move sales to you.", id="en-keep-for-another-job"),
    case("We'll keep using Zendesk.", "Zendesk", id="en-keep-using-is-staying"),
    case("We'd keep Zendesk, but we're open to replacing Salesforce if the migration is painless.",
         "Salesforce", id="en-keep-one-replace-the-other"),
    case("We'll keep Zendesk rather than switch to HubSpot.", "Zendesk", "HubSpot",
         id="en-keep-one-rather-than-switch"),
    case("我们客服继续用智齿，CRM准备换掉销售易。", "销售易", id="zh-keep-one-replace-the-other"),
    case("Customer: FYI we just signed with Outreach last week.\n"
         "Rep: Congrats! We integrate with Outreach too.", "Outreach", id="en-signed-with-beats-rep-integration"),
    case("SPEAKER_00: we're on hubspot for marketing and the sales team lives in spreadsheets.\n"
         "SPEAKER_01: got it. and is hubspot staying?\n"
         "SPEAKER_00: yeah marketing's not giving it up, so whatever we pick has to sync with it.",
         id="en-sync-with-it-two-turns-later"),
    case("We use HubSpot. Reporting is weak. Does yours sync both ways?", "HubSpot",
         id="en-later-bare-question-does-not-reach-back"),
    case("We've reviewed your offer alongside HubSpot's.", "HubSpot", id="en-offer-alongside-theirs"),
    case("We evaluated you alongside Zoho.", "Zoho", id="en-evaluated-alongside"),
    case("We need it to run alongside Zendesk.", id="en-run-alongside"),
    case("Do you integrate with HubSpot's API?", id="en-integrate-with-their-api"),
    case("We've been using Salesforce for five years and honestly the reporting is fine but the "
         "API limits are killing us.", "Salesforce", id="en-complaint-about-their-api"),
    case("Salesforce's API limits are killing us.", "Salesforce", id="en-their-own-api"),
    case("Is there a HubSpot API connection?", id="en-name-api-connection"),
    case("We're on Zendesk and the webhooks keep failing.", "Zendesk", id="en-bare-webhooks"),
    case("We use Zendesk; is there a plugin?", id="en-plugin-asked-next"),
    case("用的是纷享销客，它的接口文档太差了。", "纷享销客", id="zh-their-own-interface"),
    case("可以，通过企业微信的会话存档接口。", id="zh-name-de-noun-interface"),
    case("We pull data from Salesforce every night.", id="en-pull-data-from"),
    case("Can it push deals into Salesforce?", id="en-push-deals-into"),
    case("Do you have a Salesforce connector?", id="en-connector"),
    case("Is there a HubSpot integration?", id="en-name-integration"),
    case("Can we import our contacts from HubSpot?", "HubSpot", id="en-import-from-is-migration"),
    case("We'd export everything from Pipedrive first.", "Pipedrive", id="en-export-from"),
    case("We want to replace Salesforce.", "Salesforce", id="en-replace"),
    case("We want to migrate our data out of Salesforce and we'd need the sync with Slack to keep "
         "working.", "Salesforce", id="en-migrate-out-of"),
    case("Instead of HubSpot, could your tool connect to our ERP?", "HubSpot", id="en-instead-of"),
    case("We are migrating to HubSpot next quarter.", "HubSpot", id="en-migrating-to"),
    case("We chose HubSpot over you.", "HubSpot", id="en-chose-over-us"),
    case("We don't use HubSpot anymore.", "HubSpot", id="en-negated-use-still-counts"),
    case("We finally left HubSpot last year.", "HubSpot", id="en-left"),
    case("We use Zendesk for support. Does Acme integrate with it?", id="en-vendor-integrates-with-it"),
    case("We use Zendesk. We'd like to sync it with your tool.", id="en-sync-it-with-your-tool"),
    case("我们打算从销售易迁移到你们这边。", "销售易", id="zh-migrate-from"),
    case("下半年准备换成纷享销客。", "纷享销客", id="zh-switch-to"),
    case("想用你们替换掉销售易。", "销售易", id="zh-replace"),
    case("客户数据能从纷享销客导入吗？", "纷享销客", id="zh-import-from"),
    case("我们准备迁移到纷享销客。", "纷享销客", id="zh-migrate-to"),
    case("能不能接入钉钉？", id="zh-jieru"),
    case("你们和企业微信能对接吗？", id="zh-he-duijie"),
    case("数据要同步到金蝶。", id="zh-sync-to"),
    case("有没有钉钉插件？", id="zh-plugin"),
    case("我们没用过纷享销客。", "纷享销客", id="zh-negated-use-still-counts"),
]


@pytest.mark.parametrize(("text", "expected"), REPLACE_OR_CONNECT)
def test_replacing_or_leaving_is_in_play_connecting_is_not(text, expected):
    assert in_play(text) == expected


# 钉钉, 企业微信, 飞书 are workplace tools and CRMs: the context of each mention decides
BOTH_KINDS = [
    case("我们在对比钉钉和你们的CRM。", "钉钉", id="zh-compared"),
    case("拉个钉钉群吧。", id="zh-group-chat"),
    case("飞书文档我发你了。", id="zh-doc"),
    case("我们是用企业微信管客户的。", "企业微信", id="zh-used-as-crm"),
    case("审批都在钉钉上走。", id="zh-approvals"),
    case("We use Lark for chat.", id="en-chat-tool"),
    case("I'll drop it in the DingTalk group.", id="en-group"),
    case("I left you a message on DingTalk.", id="en-message-on"),
    case("Could you send the invite via Feishu?", id="en-send-via"),
    case("我们会继续用钉钉办公，CRM这块用你们。", id="zh-office-tool"),
    case("We use DingTalk for chat and Pipedrive for deals.", "Pipedrive", id="en-for-chat"),
    case("我们用企业微信跟客户沟通，CRM用的是销售易。", "销售易", id="zh-channel-beside-a-crm"),
    case("我们用钉钉管理客户，你们能替代吗？", "钉钉", id="zh-used-as-crm-to-replace"),
    case("我们在考虑从企业微信迁到你们的系统。", "企业微信", id="zh-migrating-off"),
    case("We use Lark Suite for everything, including our customer pipeline.", "飞书",
         id="en-used-as-crm"),
    case("We compared Lark's CRM with yours.", "飞书", id="en-compared"),
]


@pytest.mark.parametrize(("text", "expected"), BOTH_KINDS)
def test_a_name_that_is_both_is_a_competitor_only_as_a_crm(text, expected):
    assert in_play(text) == expected


# the guide: any mention counts, whoever says it; quoted mail and footers are not this message's
WHO_AND_WHERE = [
    case("Rep: Unlike Salesforce, we don't charge per seat.", "Salesforce", id="en-rep-compares"),
    case("Rep: A lot of our customers came from HubSpot.", "HubSpot", id="en-rep-mentions"),
    case("销售：我们比销售易便宜一半。", "销售易", id="zh-rep-compares"),
    case("Thanks!\n\nPowered by Zendesk", id="en-footer-powered-by"),
    case("See you Tuesday.\n\nSent via HubSpot", id="en-footer-sent-via"),
    case("好的，收到。\n\n发自我的企业微信", id="zh-footer-sent-from"),
    case("Thanks, we'll review.\n\nBegin forwarded message:\n\nWe are evaluating Zoho right now.",
         id="en-apple-mail-forward"),
    case("Sounds good.\n\nOn Mon, Mar 9, 2026 at 10:00 AM Jane Doe <jane@acme.com>\nwrote:\n\n"
         "We use Zoho and it's fine.", id="en-gmail-header-wrapped"),
    case("好的，周三聊。\n\n张伟 <zw@acme.cn> 于2026年3月2日周一 10:20写道：\n我们在评估销售易。",
         id="zh-gmail-header"),
    case("好的。\n\n寄件者： 王小明\n傳送時間： 2026年3月2日\n我們在評估銷售易。", id="zh-outlook-traditional"),
    case("We're on Zoho.\n\nOn Mon, Mar 9, 2026 Jane wrote:\n> We use HubSpot.", "Zoho",
         id="en-own-text-above-the-quote-counts"),
    case("来自销售易的报价比你们低。", "销售易", id="zh-laizi-in-a-sentence-is-not-a-footer"),
    case("Jane Doe | Acme, a certified HubSpot partner", id="en-partner-badge"),
    case("我们是钉钉的合作伙伴。", id="zh-partner"),
]


@pytest.mark.parametrize(("text", "expected"), WHO_AND_WHERE)
def test_every_speaker_counts_but_quoted_mail_and_footers_do_not(text, expected):
    assert in_play(text) == expected


# lists: names listed together share a cue; a short item under a heading takes the heading's cue
LISTS = [
    case("Integrations: Salesforce, Zendesk and Slack.", id="en-inline-list-after-cue"),
    case("We need integrations with Salesforce, Zendesk and Slack.", id="en-list-as-cue-object"),
    case("Integrations needed:\n- Salesforce\n- Zendesk", id="en-bullets-under-integrations"),
    case("Tools we're evaluating:\n- HubSpot\n- Zoho", "HubSpot", "Zoho",
         id="en-bullets-under-evaluating"),
    case("需要对接的系统：\n1. 金蝶\n2. 钉钉", id="zh-numbered-under-integrations"),
    case("我们在看的几家：\n1. 销售易\n2. 纷享销客", "销售易", "纷享销客", id="zh-numbered-under-evaluating"),
    case("Thanks.\n\nThis email was sent using HubSpot.", id="en-footer-sent-using"),
    case("好的\n\n—— 来自钉钉专业版", id="zh-footer-after-a-dash"),
    case("We sent the quote via HubSpot yesterday and they never replied, so we're looking at Zoho.",
         "HubSpot", "Zoho", id="en-via-inside-a-sentence-is-not-a-footer"),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_lists_and_footers(text, expected):
    assert in_play(text) == expected

