"""Problems told as plain facts, and clauses with a problem word that are no pain of their own.

One table per class, English and Chinese, with invented sentences (none from a dataset).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.rules import RulesExtractor
from tests.extractors.test_rules_pains import _pains

FAILS_TO_DO_ITS_JOB = [
    pytest.param("Customer: The stock levels haven't updated since Tuesday morning.",
                 id="en-havent-updated"),
    pytest.param("Customer: Our loyalty discounts don't apply to orders placed by phone.",
                 id="en-dont-apply"),
    pytest.param("Customer: The signature field doesn't support touch input on older iPads.",
                 id="en-doesnt-support-on"),
    pytest.param("Customer: The nightly digest emails have not gone out for a week.",
                 id="en-not-gone-out"),
    pytest.param("Customer: None of the warehouse staff can see their pick lists.",
                 id="en-none-of-them-can-see"),
    pytest.param("Customer: The archived invoices are not searchable from the main screen.",
                 id="en-not-searchable"),
    pytest.param("客户：今天的排班表又没同步到门店的平板上。", id="zh-did-not-sync"),
    pytest.param("客户：质检报告一直提示格式错误，传了三遍。", id="zh-keeps-prompting"),
    pytest.param("客户：新换的打印机驱动在旧电脑上装不上。", id="zh-cannot-install"),
    pytest.param("客户：两个仓库导出来的库存口径不一样。", id="zh-inconsistent-basis"),
]

COSTS_PEOPLE_TIME = [
    pytest.param("Customer: It's about half a day a week for our two schedulers.",
                 id="en-day-a-week"),
    pytest.param("Customer: That's three days of someone's time every quarter.",
                 id="en-days-of-someones-time"),
    pytest.param("Customer: Our controller spent the whole afternoon matching receipts.",
                 id="en-spent-the-afternoon"),
    pytest.param("Customer: Every close, it takes her, honestly, four days to get the numbers.",
                 id="en-takes-with-commas"),
    pytest.param("客户：每个月底汇总提成，平均要四天。", id="zh-on-average-days"),
    pytest.param("客户：打开一张订单要二十多秒。", id="zh-seconds-to-open"),
    pytest.param("客户：对账这块我们查了三天还没对上。", id="zh-checked-for-days"),
]

MANUAL_WAY_OR_NEGLECT = [
    pytest.param("Customer: Most of our drivers still fill out delivery notes on paper forms.",
                 id="en-paper-forms"),
    pytest.param("Customer: Our buyers are re-keying every supplier invoice into the ERP.",
                 id="en-rekeying"),
    pytest.param("Customer: The weekly pipeline review is everyone reading off their own "
                 "spreadsheets.", id="en-own-spreadsheets"),
    pytest.param("Customer: Nobody really owns the customer master data.", id="en-nobody-owns"),
    pytest.param("Customer: Our escalations sit for a week before anyone looks at them.",
                 id="en-sit-for-a-week"),
    pytest.param("客户：仓库的温湿度还是靠人工抄表。", id="zh-by-manual-reading"),
    pytest.param("客户：设备报警了半天，没人通知我们。", id="zh-nobody-notified"),
    pytest.param("客户：退货单只能用Excel另外登记。", id="zh-only-by-excel"),
]

NAMED_PLAINLY = [
    pytest.param("Customer: The old supplier's plugin broke after every release.",
                 id="en-broke-after-every"),
    pytest.param("Customer: Our store managers get an empty report every Friday.",
                 id="en-empty-report"),
    pytest.param("Customer: The payroll export stopped at midnight.", id="en-export-stopped"),
    pytest.param("Customer: The former CRM needed a developer for every new picklist.",
                 id="en-needed-a-developer-for-every"),
    pytest.param("Customer: The kiosk won't let guests select a table.", id="en-wont-let-select"),
    pytest.param("Customer: Half the site reports never make it into the portal.",
                 id="en-never-make-it-into"),
    pytest.param("Customer: Our reps have no visibility into quote status.",
                 id="en-a-sales-quote-is-no-price"),
    pytest.param("客户：采购审批还走纸质单。", id="zh-paper-forms"),
    pytest.param("客户：以前那套系统改个报表都要找厂家。", id="zh-must-ask-the-vendor"),
    pytest.param("客户：工单提了五天了没有任何回复。", id="zh-no-reply-at-all"),
    pytest.param("客户：快递单上的地址又打错了。", id="zh-printed-wrong"),
    pytest.param("客户：我们现在还是一张一张录 三个人录了两天了", id="zh-spoken-without-commas"),
]

RATES_AND_CONSEQUENCES = [
    pytest.param("Customer: This is the third billing incident since March.",
                 id="en-nth-incident-since"),
    pytest.param("Customer: The rollout is now six weeks behind the original plan.",
                 id="en-weeks-behind"),
    pytest.param("Customer: Our API calls come back with HTTP 503 during the morning peak.",
                 id="en-http-status"),
    pytest.param("客户：上个月的发货准时率只有七成。", id="zh-rate-only"),
    pytest.param("客户：系统停了一上午，三条产线全部停工。", id="zh-line-stopped"),
    pytest.param("客户：接口断了以后积压了两百多张订单。", id="zh-backlog"),
]


@pytest.mark.parametrize("text", FAILS_TO_DO_ITS_JOB + COSTS_PEOPLE_TIME + MANUAL_WAY_OR_NEGLECT
                         + NAMED_PLAINLY + RATES_AND_CONSEQUENCES)
def test_a_problem_told_as_a_plain_fact_is_a_pain(text: str) -> None:
    assert _pains(text)


NOT_PAINS = [
    pytest.param("Customer: Since the new scheduling screen our no-shows dropped by half.",
                 id="en-problem-went-away"),
    pytest.param("Customer: We used to have buyers phoning around suppliers for stock, now they "
                 "just check the portal.", id="en-used-to-now"),
    pytest.param("客户：用了你们的预约系统以后，前台的电话量少了一半。", id="zh-fewer-calls-is-praise"),
    pytest.param("客户：多亏你们的提醒，少丢了好几个老客户。", id="zh-lost-fewer-is-praise"),
    pytest.param("客户：好的，我把这几次出错的订单号整理一下发给你。", id="zh-own-next-step"),
    pytest.param("Customer: We'll retry the failed uploads ourselves once the fix is live.",
                 id="en-own-next-step"),
    pytest.param("Customer: I'd rather lose a week now than another quarter later.",
                 id="en-rather-is-a-preference"),
    pytest.param("客户：这个不解决我们仓库就没法用。", id="zh-unless-fixed-threat"),
    pytest.param("客户：已复现，是网关证书过期导致推送失败。", id="zh-vendors-diagnosis"),
    pytest.param("[Call recording - auto-transcribed, may contain errors]",
                 id="en-bracketed-note"),
    pytest.param("Customer: Please send the proposal with the setup fee broken out.",
                 id="en-broken-out-is-no-defect"),
    pytest.param("Customer: Our security lead won't let me sign until she has read it.",
                 id="en-a-person-not-letting-is-no-defect"),
    pytest.param("客户：抱歉，接口说明里确实有一处写错了，我们今天改。", id="zh-owning-up-to-a-mistake"),
    pytest.param("客户：我先说一下影响。", id="zh-announcing-the-impact"),
    pytest.param("Customer: Close one today, we nearly lost the Hartley renewal but your renewal "
                 "alert saved it.", id="en-a-save-is-praise"),
    pytest.param("Customer: Honestly the delay is not stuck on your side, it's our procurement.",
                 id="en-not-stuck"),
    pytest.param("Customer: Our CFO froze all new software spend until the audit.",
                 id="en-a-spending-freeze-is-no-defect"),
    pytest.param("Customer: Is that a role we misconfigured, or a bug?",
                 id="en-a-real-question-about-a-bug"),
    pytest.param("Customer: I want the duplicate charge for April refunded, not credited.",
                 id="en-a-demand-is-no-pain"),
    pytest.param("Customer: heads up, we won't be renewing the survey module, nobody uses it.",
                 id="en-a-reason-not-to-renew-is-an-objection"),
    pytest.param("客户：明年这个模块我们不续了，门店都没人用。", id="zh-a-reason-not-to-renew-is-an-objection"),
]


ORDINARY_TALK = [
    pytest.param("Customer: There's no way we can make Tuesday, sorry.", id="en-no-way-to-meet"),
    pytest.param("Customer: Let's go through the open items one by one.", id="en-one-by-one-agenda"),
    pytest.param("Customer: I'll call around and get back to you with names.",
                 id="en-call-around-is-a-step"),
    pytest.param("Customer: Our warehouse team works four days a week in the office.",
                 id="en-a-work-schedule"),
    pytest.param("客户：我们有专人负责跟你们对接。", id="zh-a-dedicated-contact"),
    pytest.param("客户：你们的App支持离线模式吗？", id="zh-offline-mode-is-a-feature"),
    pytest.param("客户：这个算不上什么问题。", id="zh-not-really-a-problem"),
    pytest.param("客户：我们试了两天，感觉挺顺手的。", id="zh-a-good-trial"),
]


@pytest.mark.parametrize("text", ORDINARY_TALK)
def test_ordinary_talk_with_a_problem_word_is_no_pain(text: str) -> None:
    assert _pains(text) == []


@pytest.mark.parametrize("text", NOT_PAINS)
def test_praise_own_steps_threats_and_notes_are_no_pain(text: str) -> None:
    assert _pains(text) == []


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("客户：从上午开始就打不开质检报表了，一点查询就转圈。", ["从上午开始就打不开质检报表了"],
                 id="zh-what-the-failure-does-is-the-same-pain"),
    pytest.param("客户：这已经是第三次了，上周那批标签也是同样的情况。",
                 ["这已经是第三次了，上周那批标签也是同样的情况"], id="zh-recurrence-takes-what-recurs"),
    pytest.param("客户：这个月第三次了，早班的扫码枪又连不上。", ["早班的扫码枪又连不上"],
                 id="zh-recurrence-goes-beside-the-problem"),
    pytest.param("客户：主要痛点：门店巡检记录靠店长在微信群里报。", ["门店巡检记录靠店长在微信群里报"],
                 id="zh-label-before-colon"),
    pytest.param("客户：合同审批走纸质单，平均要四天。", ["合同审批走纸质单，平均要四天"],
                 id="zh-what-it-costs-stays-with-it"),
    pytest.param("Customer: the scanners at Leeds dropped offline again, 4th time this month",
                 ["the scanners at Leeds dropped offline again, 4th time this month"],
                 id="en-how-often-stays-with-the-failure"),
    pytest.param("Customer: Comments are the issue - the export truncates them at 500 characters, "
                 "so our auditors are missing half the context.",
                 ["the export truncates them at 500 characters",
                  "our auditors are missing half the context"], id="en-two-problems-two-items"),
    pytest.param("客户：扫码枪连不上收银机，老板很头疼。", ["扫码枪连不上收银机"],
                 id="zh-a-reaction-after-the-pain-is-none"),
    pytest.param("Customer: The sync created 2,300 duplicate leads overnight.",
                 ["The sync created 2,300 duplicate leads overnight"],
                 id="en-thousands-comma-cuts-nothing"),
    pytest.param("Customer: Someone re-enters every order by hand, which costs us about three "
                 "hours a day.", ["Someone re-enters every order by hand, which costs us about "
                                  "three hours a day"], id="en-which-clause-stays"),
])
def test_the_span_of_a_pain(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains


@pytest.mark.parametrize(("channel", "title"), [
    pytest.param("ticket", "Case 4410 - Label printer offline", id="ticket"),
    pytest.param("meeting", "Label printer outage review", id="meeting"),
])
def test_a_title_line_is_no_second_pain(channel: str, title: str) -> None:
    text = (f"{title}\n"
            "Customer: Since the update the label printer shows offline on every packing station.\n"
            "Customer: Orders are piling up at dispatch and we are packing with handwritten labels.")
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel=channel, direction="inbound",  # type: ignore[arg-type]
                            occurred_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    pains = [p.text for p in RulesExtractor().extract(touchpoint, ExtractionContext()).pain_points]
    assert pains and not any(p.startswith(title[:8]) for p in pains)


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("客户：门店的收银机从早上开始连不上网。\n客户：影响全市十二家门店。", ["门店的收银机从早上开始连不上网"],
                 id="zh-how-far-it-reaches"),
    pytest.param("Customer: Since Monday the badge printer keeps crashing.\n"
                 "Customer: This affects all three reception desks.",
                 ["Since Monday the badge printer keeps crashing"], id="en-how-far-it-reaches"),
])
def test_the_reach_of_a_problem_is_no_second_pain(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains
