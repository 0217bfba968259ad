"""Classes of pain points the rules find or refuse, one table per class, in both languages.

Problems are often told as plain facts, without a word of complaint ("the attachments never
arrived", "用了两天就坏了"); an apology, an offer, a demand with a deadline, a price objection and a
line announcing the problems below it are none; a ticket's form fields say whose words follow.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.sentences import role_from_label
from tests.extractors.test_rules_pains import _pains

PLAIN_FACTS = [
    pytest.param("Customer: Half of the uploaded contracts have vanished from the archive.",
                 id="en-vanished"),
    pytest.param("Customer: The attachments are missing from every imported case.",
                 id="en-missing-from"),
    pytest.param("Customer: Every time I sign in with Okta it bounces me back to the start page.",
                 id="en-bounces-back"),
    pytest.param("Customer: The mobile app logs us out twice a day.", id="en-logs-us-out"),
    pytest.param("Customer: The save button is greyed out on the quotes screen.",
                 id="en-greyed-out"),
    pytest.param("Customer: About a third of the invites never arrive in people's inboxes.",
                 id="en-never-arrive"),
    pytest.param("Customer: The call notes did not come through after the upgrade.",
                 id="en-did-not-come-through"),
    pytest.param("Customer: Most of our managers stopped trusting the forecast numbers.",
                 id="en-stopped-trusting"),
    pytest.param("Customer: The leaderboard is still showing yesterday's totals.",
                 id="en-still-showing"),
    pytest.param("Customer: Our regional heads are planning off stale pipeline data.",
                 id="en-stale"),
    pytest.param("Customer: Each reminder email gets delivered twice to the same person.",
                 id="en-twice"),
    pytest.param("Customer: We were invoiced for the premium tier we never ordered.",
                 id="en-invoiced-for"),
    pytest.param("Customer: There is no field for the purchase order number on the form.",
                 id="en-no-field-for"),
    pytest.param("Customer: Our finance team rejected three of the exported statements.",
                 id="en-rejected"),
    pytest.param("Customer: I have been waiting for an answer from support since Monday.",
                 id="en-been-waiting"),
    pytest.param("Customer: The hold music between transfers is ridiculous.", id="en-ridiculous"),
    pytest.param("Customer: The German voice summaries sound robotic to our clients.",
                 id="en-robotic"),
    pytest.param("Customer: Our renewals are tracked in a spreadsheet that one intern updates.",
                 id="en-tracked-in-a-spreadsheet"),
    pytest.param("客户：报表一导出就超时，根本拿不到数据。", id="zh-timeout"),
    pytest.param("客户：系统上周停了一下午，严重影响了我们的发货。", id="zh-affects"),
    pytest.param("客户：上个月提交的发票到现在都没开出来。", id="zh-still-not-by-now"),
    pytest.param("客户：押金申请退了两周了，钱还没退回来。", id="zh-not-yet-refunded"),
    pytest.param("客户：平板上打开报表还是卡，翻页要等好久。", id="zh-still-laggy"),
    pytest.param("客户：扫码枪才用了两天就坏了。", id="zh-broke-after-days"),
    pytest.param("客户：售后热线一直占线，根本找不到人。", id="zh-line-busy"),
    pytest.param("客户：账号都注销了，还在扣月费。", id="zh-still-charging"),
    pytest.param("客户：同步过来的商品数据少了一半。", id="zh-half-missing"),
    pytest.param("客户：门店的客户资料重复了好多条。", id="zh-duplicates"),
    pytest.param("客户：周末的名额我们总是约不到。", id="zh-cannot-get"),
    pytest.param("客户：三个仓库的库存各管各的，对账很乱。", id="zh-each-their-own"),
    pytest.param("客户：每次盘点都要花我们差不多两天时间。", id="zh-effort-time"),
    pytest.param("客户：合同模板太死板了，条款都改不了。", id="zh-rigid"),
    pytest.param("客户：现在只能一张一张上传发票。", id="zh-only-one-by-one"),
    pytest.param("客户：下单一周了，物流一点消息没有。", id="zh-no-news"),
    pytest.param("客户：开发手册里也没写回调的重试规则。", id="zh-docs-do-not-say"),
    pytest.param("客户：方言的识别效果不行，很多词都转错了。", id="zh-not-good-enough"),
    pytest.param("Customer: Honestly the approval screen is impossible to use on a tablet.",
                 id="en-impossible-to-use"),
    pytest.param("Customer: The field team is fed up with the route planner.", id="en-fed-up"),
    pytest.param("Customer: Search has been getting worse every week since March.",
                 id="en-getting-worse"),
    pytest.param("Customer: Support keeps closing our tickets without fixing anything.",
                 id="en-without-fixing"),
    pytest.param("Customer: But none of the scanned receipts came over from the old system.",
                 id="en-none-came-over"),
    pytest.param("客户：说实话排班模块一塌糊涂。", id="zh-a-mess"),
    pytest.param("客户：自从升级以后打印功能就三天两头出问题。", id="zh-every-few-days"),
    pytest.param("客户：门店的收银系统越来越慢。", id="zh-getting-slower"),
    pytest.param("客户：说好的周二上门安装，结果人都没来。", id="zh-promised-but-not"),
    pytest.param("Customer: This is the third time the nightly import has done this.",
                 id="en-recurrence"),
    pytest.param("Customer: We have patients waiting at the front desk.", id="en-people-waiting"),
    pytest.param("Customer: Half the branch managers went back to spreadsheets.",
                 id="en-went-back-to-the-old-way"),
    pytest.param("客户：门禁这周第三次出问题了。", id="zh-recurrence"),
    pytest.param("客户：试用了两周，店员们都回去用纸质登记了。", id="zh-went-back-to-the-old-way"),
    pytest.param("客户：我们现在用的工具，批量改价这块基本没有。", id="zh-missing-capability"),
    pytest.param("客户：仓库和门店两边数据完全不通。", id="zh-not-connected"),
    pytest.param("客户：顾客来退货，店员根本不知道有这笔订单。", id="zh-at-all-not"),
    pytest.param("客户：昨天的对账单又少了两笔，上个月也是这样。", id="zh-same-again"),
    pytest.param("客户：合同每次都得导出来再手工盖章。", id="zh-every-time-we-must"),
    pytest.param("Customer: The same thing happened again with the Monday export.",
                 id="en-happened-again"),
    pytest.param("Customer: Every time we have to re-enter the shipping address by hand.",
                 id="en-every-time-we-have-to"),
    pytest.param("Customer: We're having issues with the calendar invites since Monday.",
                 id="en-having-issues"),
    pytest.param("Customer: The customer portal has been down since this morning.", id="en-down"),
    pytest.param("Customer: Still no word on the missing refund from your team.", id="en-still-no"),
    pytest.param("Customer: I had to call your support line three times last week.",
                 id="en-had-to-call"),
    pytest.param("Customer: Our agents have never received the password reset emails.",
                 id="en-never-received"),
    pytest.param("客户：上周的对账功能又出问题了。", id="zh-went-wrong"),
    pytest.param("客户：扫码枪这个月老是失灵。", id="zh-fails-to-work"),
    pytest.param("客户：月底结算的金额完全不对。", id="zh-amount-wrong"),
    pytest.param("客户：报销单提交了三次都被打回。", id="zh-sent-back"),
    pytest.param("客户：工单提了两天，客服一直不回。", id="zh-never-answers"),
    pytest.param("Customer: Why does the nightly export keep failing?", id="en-rhetorical-why"),
    pytest.param("Customer: How come we were charged twice for March?", id="en-rhetorical-how-come"),
    pytest.param("客户：为什么这个月又扣了两次费？", id="zh-rhetorical-why"),
    pytest.param("客户：怎么又登不上了？", id="zh-rhetorical-how-again"),
]


@pytest.mark.parametrize("text", PLAIN_FACTS)
def test_a_problem_told_as_a_plain_fact_is_a_pain(text: str) -> None:
    assert _pains(text)


NOT_PAINS = [
    pytest.param("Customer: hey, sorry for the slow reply, it's been a crazy week.",
                 id="en-apology-for-own-delay"),
    pytest.param("Customer: I can send you a screen recording of the crash tomorrow.",
                 id="en-offer-to-send"),
    pytest.param("Customer: Honestly a 25% price increase at renewal is hard to swallow.",
                 id="en-price-increase-is-an-objection"),
    pytest.param("Customer: ya still waiting on my boss to sign off.",
                 id="en-waiting-on-own-approval"),
    pytest.param("Customer: We've tried that already. Twice.", id="en-one-word-cue-sentence"),
    pytest.param("Customer: We meet twice a week to review the pipeline.", id="en-twice-a-week"),
    pytest.param("客户：你们这次的续费报价涨了三成，我们没法接受。", id="zh-price-objection"),
    pytest.param("客户：好的，我挂了电话马上把日志发过来。", id="zh-hang-up-is-no-crash"),
    pytest.param("客户：请贵司本周五前提供书面的故障说明。", id="zh-deadline-demand"),
    pytest.param("客户：不过有三个问题比较头疼：", id="zh-announcer-line"),
    pytest.param("客户：这次调整对我们影响不大。", id="zh-little-impact"),
    pytest.param("客户：我再重复一下我们的需求。", id="zh-repeat-is-no-duplicate"),
    pytest.param("Customer: Sure, I'll get the crash logs over to you tonight.",
                 id="en-commitment-naming-a-problem"),
    pytest.param("Customer: If it helps, our admin can look into the duplicate contacts.",
                 id="en-offer-naming-a-problem"),
    pytest.param("Customer: Your competitor offered us twice what we pay now.",
                 id="en-twice-what-we-pay"),
    pytest.param("Customer: I mean if you could migrate our old tickets without losing tags, "
                 "maybe.", id="en-hypothetical-if-you-could"),
    pytest.param("客户：现在不方便，我在开车。", id="zh-not-a-good-time"),
    pytest.param("客户：周三下午不太方便，换个时间吧。", id="zh-not-a-good-day"),
    pytest.param("客户：支持工单超时自动升级吗", id="zh-timeout-escalation-is-a-feature"),
    pytest.param("客户：大家意见挺大的。", id="zh-reaction-alone"),
    pytest.param("客户：希望快点，门店同事意见很大。", id="zh-reaction-after-a-wish"),
    pytest.param("Customer: We've been down that road before with another vendor.",
                 id="en-down-that-road-is-an-idiom"),
    pytest.param("Customer: We're still not sure about the rollout timing.",
                 id="en-still-not-sure-is-no-pain"),
    pytest.param("Customer: The project is on hold for now until budgets reopen.",
                 id="en-project-on-hold-is-no-pain"),
    pytest.param("客户：今年公司预算冻结了，明年再说吧。", id="zh-budget-freeze-is-an-objection"),
    pytest.param("客户：你们这个方案没毛病。", id="zh-no-fault-slang"),
    pytest.param("Customer: I don't see any problems with that plan.", id="en-no-problems"),
    pytest.param("Customer: What happens if the sync fails during the migration?",
                 id="en-a-real-question-about-a-failure"),
    pytest.param("客户：导出失败的话怎么处理？", id="zh-a-real-question-about-a-failure"),
]


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("客户：还有一个，客户身份证号现在是明文显示的，我们法务那边有意见。",
                 ["客户身份证号现在是明文显示的，我们法务那边有意见"], id="zh-fact-then-reaction"),
    pytest.param("客户：说实话排班越来越慢，店长们都在抱怨。", ["排班越来越慢"],
                 id="zh-reaction-to-a-pain-already-kept"),
    pytest.param("客户：主要有两点：一是打印模板改不了，二是条码经常识别不了。",
                 ["打印模板改不了", "条码经常识别不了"], id="zh-list-items-lose-their-numbers"),
])
def test_a_reaction_goes_with_its_fact_and_list_numbers_go(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains


def test_a_recurrence_keeps_its_time_words() -> None:
    assert _pains("客户：这个月第二次了，再这样我们要考虑换系统了。") == ["这个月第二次了"]


@pytest.mark.parametrize("text", NOT_PAINS)
def test_apologies_offers_demands_and_price_objections_are_no_pain(text: str) -> None:
    assert _pains(text) == []


def test_a_because_clause_stays_with_the_problem_it_explains() -> None:
    assert _pains("Customer: We lost three renewals last year because nobody chased the "
                  "expiring contracts.") == ["We lost three renewals last year because nobody "
                                             "chased the expiring contracts"]


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("客户：发票推送不到税务系统，报错“签名无效”，财务没法报账。",
                 ["发票推送不到税务系统，报错“签名无效"], id="zh-error-message"),
    pytest.param("客户：门店都登不上后台，提示证书错误，收银也没法用。",
                 ["门店都登不上后台，提示证书错误"], id="zh-prompt-message"),
])
def test_the_message_a_failure_shows_stays_with_it(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains


def test_a_question_word_inside_a_statement_keeps_the_pain() -> None:
    pains = _pains("客户：数据很分散，总部根本看不到每个门店到底有多少库存。")
    assert any("看不到" in p for p in pains)


@pytest.mark.parametrize(("label", "role"), [
    pytest.param("问题描述", "customer", id="zh-description-is-the-requester"),
    pytest.param("Description", "customer", id="en-description-is-the-requester"),
    pytest.param("处理记录", "agent", id="zh-handling-record-is-the-vendor"),
    pytest.param("官方回复（某某会员服务）", "agent", id="zh-official-reply-is-the-vendor"),
    pytest.param("Resolution", "agent", id="en-resolution-is-the-vendor"),
    pytest.param("【技术支持-王工", "agent", id="zh-bracketed-agent"),
    pytest.param("【客户-李女士", "customer", id="zh-bracketed-customer"),
])
def test_ticket_form_fields_give_the_side(label: str, role: str) -> None:
    assert role_from_label(label) == role


def test_the_vendors_handling_record_is_no_pain() -> None:
    text = ("工单编号：TK-1\n问题描述：导入的订单少了一大半。\n"
            "处理记录：非常抱歉。初步判断是字段格式不一致导致被过滤了。")
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel="ticket", direction="inbound",
                            occurred_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    pains = [p.text for p in RulesExtractor().extract(touchpoint, ExtractionContext()).pain_points]
    assert pains == ["导入的订单少了一大半"]


def test_a_pain_only_in_the_quoted_earlier_message_is_not_this_emails() -> None:
    text = ("Thanks Priya, the new build fixed it.\n\n"
            "On Mon, Mar 9, 2026 at 10:00 AM Dana Lee <dana@example.com> wrote:\n"
            "> The nightly export keeps failing and nobody has replied to our ticket.")
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel="email", direction="inbound",
                            occurred_at=datetime(2026, 3, 10, 10, 0, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    assert RulesExtractor().extract(touchpoint, ExtractionContext()).pain_points == []


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("客户：那个审批流，经常卡住不动。", ["审批流，经常卡住不动"], id="zh-topic-then-comment"),
    pytest.param("客户：门店的会员积分，最近老是算错，顾客来投诉了好几次。",
                 ["门店的会员积分，最近老是算错", "顾客来投诉了好几次"], id="zh-topic-kept-once"),
    pytest.param("客户：嗯，好的，一直打不开。", ["一直打不开"], id="zh-an-acknowledgement-is-no-topic"),
])
def test_a_chinese_comment_without_subject_takes_its_topic(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("Customer: Honestly the rollout has been a disaster. Half our stores still can't "
                 "print receipts.", ["Half our stores still can't print receipts"],
                 id="en-verdict-heads-the-problem"),
    pytest.param("客户：说实话这个月的排班一塌糊涂。三个门店的班表都对不上。", ["三个门店的班表都对不上"],
                 id="zh-verdict-heads-the-problem"),
    pytest.param("Customer: Half our stores still can't print receipts. Honestly it's a disaster.",
                 ["Half our stores still can't print receipts", "it's a disaster"],
                 id="en-a-verdict-after-the-problem-stays"),
])
def test_a_verdict_that_heads_the_problem_told_next_is_no_second_pain(text: str,
                                                                       pains: list[str]) -> None:
    assert _pains(text) == pains


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("客户：上个月就报了，到现在还没修好。", ["上个月就报了，到现在还没修好"],
                 id="zh-until-now-takes-what-was-promised"),
    pytest.param("客户：合同上写周一交付，至今没有交付。", ["合同上写周一交付，至今没有交付"],
                 id="zh-to-this-day-takes-its-subject"),
    pytest.param("客户：每周要对一次账，得让会计一条一条核。", ["每周要对一次账，得让会计一条一条核"],
                 id="zh-have-to-takes-its-chore"),
    pytest.param("客户：门店的新账号一直没开通，已经催了三次了。", ["门店的新账号一直没开通，已经催了三次了"],
                 id="zh-chased-count-stays-with-its-failure"),
    pytest.param("客户：工单要手工转给仓库，每天都要花两个多小时。",
                 ["工单要手工转给仓库，每天都要花两个多小时"], id="zh-daily-cost-stays-with-its-chore"),
    pytest.param("客户：她得把每个门店的流水一个个下载下来，再手工拼成一张表。",
                 ["她得把每个门店的流水一个个下载下来，再手工拼成一张表"], id="zh-next-step-of-a-chore"),
    pytest.param("客户：打印机驱动在新电脑上装不上，64位的，一装就蓝屏。", ["打印机驱动在新电脑上装不上"],
                 id="zh-what-the-failure-does-after-an-aside"),
])
def test_a_chinese_clause_that_goes_on_the_problem_before_is_one_pain(text: str,
                                                                      pains: list[str]) -> None:
    assert _pains(text) == pains


@pytest.mark.parametrize("text", [
    pytest.param("客户：我们是按年付费的客户，这种答复我们很难接受。", id="zh-hard-to-accept-alone"),
    pytest.param("客户：这个处理结果，我们无法接受。", id="zh-cannot-accept-alone"),
    pytest.param("客户：国庆期间我司放假，订单处理可能延迟，敬请谅解。", id="zh-own-holiday-notice"),
    pytest.param("客户：系统升级期间页面可能无法访问，给您带来不便请谅解。", id="zh-maintenance-notice"),
])
def test_a_bare_reaction_or_a_delay_notice_is_no_pain(text: str) -> None:
    assert _pains(text) == []


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("客户：问题是没有统一的客户库，每个人只看自己的。", ["没有统一的客户库"],
                 id="zh-what-follows-the-problem-is"),
    pytest.param("客户：升级以后，打开订单页明显变慢了。", ["打开订单页明显变慢了"], id="zh-got-slower"),
    pytest.param("客户：店员要点好几下才能核销一张券。", ["店员要点好几下才能核销一张券"],
                 id="zh-many-clicks-to-do-one-thing"),
    pytest.param("客户：发票的问题报了三个星期，还是老样子。", ["发票的问题报了三个星期"],
                 id="zh-reported-weeks-ago"),
    pytest.param("客户：每换一个客服，都要从头解释一遍。", ["每换一个客服，都要从头解释一遍"], id="zh-told-again-from-the-start"),
    pytest.param("客户：续费价格涨了不少，而且导出的报表经常出错。", ["导出的报表经常出错"],
                 id="zh-a-defect-after-the-price-stays"),
    pytest.param("客户：价格方面没问题，但是导出老是报错。", ["导出老是报错"],
                 id="zh-a-defect-after-but-and-a-price"),
    pytest.param("客户：盘点一次要三个小时，太慢。", ["盘点一次要三个小时，太慢"],
                 id="zh-a-short-verdict-takes-its-fact"),
    pytest.param("客户：不过排班那块还是乱。", ["排班那块还是乱"], id="zh-a-whole-sentence-drops-its-but"),
])
def test_more_ways_a_chinese_problem_is_told(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains


@pytest.mark.parametrize("text", [
    pytest.param("客户：报价比去年高了一大截，根本没法接受。", id="zh-a-price-reaction"),
    pytest.param("客户：我的问题是，这个模板能不能改？", id="zh-my-question-is"),
])
def test_a_price_reaction_or_an_announced_question_is_no_pain(text: str) -> None:
    assert _pains(text) == []


def test_a_reaction_after_what_a_kept_pain_does_is_no_second_pain() -> None:
    # the count after the failure is its measure and goes with it (`pain_measures_zh.py`)
    assert _pains("客户：扫码枪老是识别不了，经常要扫三四遍，仓库的同事意见很大。") == \
        ["扫码枪老是识别不了，经常要扫三四遍"]


def test_a_short_problem_name_is_the_topic_of_what_follows() -> None:
    assert _pains("客户：最大的问题是排班，现在都是店长手动在群里排，排完没人确认。")[:1] == \
        ["现在都是店长手动在群里排"]


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("客户：打印机连不上收银机，前台没法出票。", ["打印机连不上收银机"], id="zh-cannot-work-after-it"),
    pytest.param("客户：冷库的温控失灵了，整批货报废，损失五万多。", ["冷库的温控失灵了", "整批货报废"],
                 id="zh-a-loss-after-it"),
    pytest.param("客户：预约短信经常发不出去，昨天就有七八个客人说没收到。", ["预约短信经常发不出去"],
                 id="zh-people-who-did-not-get-it"),
    pytest.param("客户：会员积分全算错了，已经有顾客投诉了。", ["会员积分全算错了"], id="zh-a-bare-complaint-after-it"),
    pytest.param("客户：审批一直卡在财务节点，上周有两笔付款因此耽误了。",
                 ["审批一直卡在财务节点", "上周有两笔付款因此耽误了"], id="zh-a-consequence-with-content-stays"),
])
def test_a_bare_consequence_after_its_failure_is_that_failure(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains


@pytest.mark.parametrize("text", [
    pytest.param("客户：公司规定客户数据不能出境，所以不能用海外节点。", id="zh-a-rule-we-follow"),
    pytest.param("客户：关不了，合规要求必须开着。", id="zh-cannot-switch-off-by-policy"),
    pytest.param("客户：修不好的直接换新，别让我们寄回去。", id="zh-the-ones-a-demand-is-about"),
])
def test_a_policy_or_the_subject_of_a_demand_is_no_pain(text: str) -> None:
    assert _pains(text) == []


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("客户：二是新门店的收银账号到现在还没开通，已经催了三次了。",
                 ["新门店的收银账号到现在还没开通，已经催了三次了"], id="zh-list-number"),
    pytest.param("客户：说实话你们这个排班表一直算错。", ["你们这个排班表一直算错"], id="zh-frankly"),
    pytest.param("客户：可是小程序那边还是乱。", ["小程序那边还是乱"], id="zh-but"),
])
def test_a_chinese_sentence_kept_whole_loses_its_lead_in(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains
