"""Operational problems told as plain facts (`extractors/rules/pain_ops.py`), and the talk that
shares their words but is no pain: praise, a rule, a threat, a request for a paper copy.

One table per class, English and Chinese, with invented sentences (none from a dataset).
"""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_pains import _pains

OPERATIONAL_FACTS = [
    # past a limit, a promise or an estimate
    pytest.param("Customer: Seven of the forty castings are outside tolerance on the bore.",
                 id="en-outside-tolerance"),
    pytest.param("Customer: Average hold time in March was 9:10 against a contracted 4:00.",
                 id="en-against-contracted"),
    pytest.param("Customer: Repairs are taking twelve days instead of four.", id="en-instead-of"),
    pytest.param("Customer: The final bill came in 22 percent over your own estimate.",
                 id="en-percent-over-estimate"),
    pytest.param("Customer: Five of the buses went over the 20-day service turnaround.",
                 id="en-went-over-turnaround"),
    # delays and holds
    pytest.param("Customer: The safety datasheets arrived six days after the pallets.",
                 id="en-days-after"),
    pytest.param("Customer: The tyres are on hold at the depot until someone signs.",
                 id="en-on-hold"),
    pytest.param("Customer: The booking has been pending since Monday.", id="en-pending-since"),
    pytest.param("Customer: We waited over an hour at the gate.", id="en-waited-an-hour"),
    pytest.param("Customer: The 10am class was cancelled with no notice.", id="en-was-cancelled"),
    # costs, the manual way, who feels it, what a product lacks
    pytest.param("Customer: You charged us a $25 rebooking fee for a seat you moved.",
                 id="en-charged-us-a-fee"),
    pytest.param("Customer: The night nurses are back to writing handovers on paper.",
                 id="en-back-to-paper"),
    pytest.param("Customer: Members are calling the front desk to ask where their points went.",
                 id="en-members-calling"),
    pytest.param("Customer: The rota screen can't handle overnight shifts.", id="en-cant-handle"),
    pytest.param("Customer: The seminar slides are still untranslated.", id="en-untranslated"),
    pytest.param("Customer: Two of our kiosks go offline every lunchtime.", id="en-go-offline"),
    # Chinese: short of the agreement, late, waiting, nobody answering, broken, manual
    pytest.param("客户：合同写的是三十台，送货单上只有二十二台，少了8台。", id="zh-short-count"),
    pytest.param("客户：这批合同比约定晚了五天才寄到。", id="zh-late-by-days"),
    pytest.param("客户：我们在门口等了四十分钟都没人开门。", id="zh-waited-minutes"),
    pytest.param("客户：报修以后一周了也没人联系我们。", id="zh-nobody-contacted"),
    pytest.param("客户：二号冷库昨晚停机，货全部隔离了。", id="zh-stopped-and-quarantined"),
    pytest.param("客户：这套系统不支持批量导入学员。", id="zh-unsupported"),
    pytest.param("客户：出库记录都在纸本上，每周人工汇总。", id="zh-paper-and-manual"),
    pytest.param("客户：收据上的金额刻印错了，日期也写错了。", id="zh-written-wrong"),
    pytest.param("客户：搬迁改期了，事先一个通知都没有。", id="zh-not-even-a-notice"),
    pytest.param("客户：旺季的时候前台根本回不过来。", id="zh-cannot-keep-up"),
    pytest.param("客户：体检报告解读只能约到一个月后。", id="zh-booked-far-out"),
]


@pytest.mark.parametrize("text", OPERATIONAL_FACTS)
def test_an_operational_fact_is_a_pain(text: str) -> None:
    assert _pains(text)


NOT_PAINS = [
    pytest.param("Customer: Refunds now go out within two days instead of three weeks.",
                 id="en-faster-than-before-is-praise"),
    pytest.param("Customer: We've run the shop for years with zero chargebacks.",
                 id="en-zero-chargebacks"),
    pytest.param("Customer: Fine by me, but I need it on paper before Friday.",
                 id="en-a-paper-copy-is-a-request"),
    pytest.param("Customer: Late entries will not be accepted after noon.",
                 id="en-a-rule-about-late-entries"),
    pytest.param("Customer: Our auditor flagged it and it is already sorted.",
                 id="en-flagged-it-is-no-pain"),
    pytest.param("客户：今年捐款比去年多了四成，谢谢你们。", id="zh-more-than-last-year-is-praise"),
    pytest.param("客户：上个季度没有再出现停线，挺好的。", id="zh-did-not-happen-again"),
    pytest.param("客户：全年零中断，这点很满意。", id="zh-zero-outages"),
    pytest.param("客户：投标截止是周五，不接受延期。", id="zh-a-deadline-rule"),
    pytest.param("客户：我们合同还有半年才到期。", id="zh-contract-runs-on"),
    pytest.param("客户：新的报表大家都看得懂，老人家也会用。", id="zh-easy-to-use-is-praise"),
]


@pytest.mark.parametrize("text", NOT_PAINS)
def test_praise_rules_and_requests_are_no_pain(text: str) -> None:
    assert _pains(text) == []


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("客户：会员积分同步又丢了，今天少了三十多条。", ["会员积分同步又丢了，今天少了三十多条"],
                 id="zh-the-count-of-a-failure-joins-it"),
])
def test_the_span_of_an_operational_pain(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains
