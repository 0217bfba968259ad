"""Classes of objections the rules find or refuse, one table per class, in both languages.

An objection is the customer's reason not to buy, renew or go on (evals/GUIDE.md): our price
risen or above a rival's or the budget, a rival in play, a renewal let go or a payment held back,
a threat to do one of these. A question, a request, praise, a rival denied and the rep's words
are none. A Chinese objection's text is its clause, with the condition it hangs on.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.rules import RulesExtractor


def _extract(text: str, *, channel: str = "call", direction: str = "inbound"):  # type: ignore[no-untyped-def]
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel=channel, direction=direction,  # type: ignore[arg-type]
                            occurred_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    return RulesExtractor().extract(touchpoint, ExtractionContext())


def _objections(text: str, **kwargs: str) -> list[str]:
    """The objections of `text` said by the customer, the rep answering on a second line."""
    text += "\n销售：明白。" if "：" in text else "\nRep: Understood."
    return [o.text for o in _extract(text, **kwargs).objections]


PRICE = [
    pytest.param("Customer: The renewal quote is up 14% on last year for the same seats.",
                 id="en-price-up-percent"),
    pytest.param("Customer: That's a 25 percent uplift on the list price and nobody warned us.",
                 id="en-uplift"),
    pytest.param("Customer: At forty desks it comes out higher than what we budgeted.",
                 id="en-over-budget"),
    pytest.param("Customer: Your per-seat price is basically double what we pay now.",
                 id="en-double"),
    pytest.param("Customer: Another vendor came in lower and threw in training.",
                 id="en-rival-came-in-lower"),
    pytest.param("Customer: I can't take that number to my CFO.", id="en-cant-take-it-up"),
    pytest.param("Customer: We will not accept an increase above three percent.",
                 id="en-will-not-accept"),
    pytest.param("Customer: The board froze all new software spending until autumn.",
                 id="en-budget-frozen"),
]
ZH_PRICE = [
    pytest.param("客户：今年的服务费又涨了18%，我们实在没法接受。", "今年的服务费又涨了18%", id="zh-price-risen"),
    pytest.param("客户：你们的单价比同类产品高了差不多两成。", "你们的单价比同类产品高了差不多两成",
                 id="zh-price-above-peers"),
    pytest.param("客户：老实讲，那家给的报价比你们低不少。", "那家给的报价比你们低不少", id="zh-rival-cheaper"),
    pytest.param("客户：按坐席收费，旺季还行，淡季对我们很不划算。", "淡季对我们很不划算",
                 id="zh-not-worth-it"),
    pytest.param("客户：今年的IT预算上个季度就用完了。", "今年的IT预算上个季度就用完了", id="zh-budget-spent"),
]
RIVALS = [
    pytest.param("Customer: If the outage repeats we'll move the night shift to another provider.",
                 id="en-threat-to-move"),
    pytest.param("Customer: Purchasing has decided to put the contract out to tender in June.",
                 id="en-tender"),
    pytest.param("Customer: We've started talking to a different carrier about the northern routes.",
                 id="en-talking-to-another"),
    pytest.param("Customer: For the renewal we are comparing you against Zoho and HubSpot.",
                 id="en-catalog-rival-compared"),
    pytest.param("Customer: Keeping records outside the EU is a non-starter for our board.",
                 id="en-non-starter"),
]
ZH_RIVALS = [
    pytest.param("客户：下个月如果还是这样，我们就把一半的订单分给别的厂。",
                 "下个月如果还是这样，我们就把一半的订单分给别的厂", id="zh-threat-with-condition"),
    pytest.param("客户：我们采购部已经在接触另外两家物流公司了。", "我们采购部已经在接触另外两家物流公司了",
                 id="zh-other-suppliers"),
    pytest.param("客户：数据对接要能做，不然我们财务那边不会同意。", "数据对接要能做，不然我们财务那边不会同意",
                 id="zh-otherwise-keeps-its-demand"),
    pytest.param("客户：这次续约我们同时在看销售易。", "这次续约我们同时在看销售易", id="zh-catalog-rival"),
]
HELD_BACK = [
    pytest.param("Customer: We've decided to let the subscription lapse in June.", id="en-lapse"),
    pytest.param("Customer: We won't be renewing the analytics add-on.", id="en-not-renewing"),
    pytest.param("Customer: Another outage like this would put the second site on hold.",
                 id="en-on-hold"),
    pytest.param("Customer: We're holding off on the extra licences until the audit is closed.",
                 id="en-holding-off"),
]
ZH_HELD_BACK = [
    pytest.param("客户：经过讨论，我们决定合同到期后不再续约。", "我们决定合同到期后不再续约", id="zh-no-renewal"),
    pytest.param("客户：整改报告出来之前，第三期款项暂缓支付。", "整改报告出来之前，第三期款项暂缓支付",
                 id="zh-payment-held-with-its-condition"),
    pytest.param("客户：接口问题不解决，我们不同意上线。", "接口问题不解决，我们不同意上线", id="zh-no-go-live"),
    pytest.param("客户：年度合作的事，等这批问题处理完了再定。", "等这批问题处理完了再定", id="zh-decide-later"),
]
NOT_OBJECTIONS = [
    pytest.param("Customer: Our bookings are up 30% since the launch, great work.", id="en-growth-praise"),
    pytest.param("Customer: We are not reopening the vendor selection, you're our partner.",
                 id="en-rival-denied"),
    pytest.param("Customer: Can you include the multi-year discount in the quote?", id="en-question"),
    pytest.param("Customer: We have a few numbers with another carrier until June.",
                 id="en-another-vendor-without-a-move"),
    pytest.param("客户：上个月用了你们的系统，转化率提高了快一倍，老板很满意。", id="zh-growth-praise"),
    pytest.param("客户：今年不再重新招标，直接续上。", id="zh-tender-denied"),
    pytest.param("客户：请问你们支持私有化部署吗？", id="zh-security-question"),
    pytest.param("客户：请在本周内提供报价和折扣方案。", id="zh-request"),
    pytest.param("客户：审计那边顺利通过了，司机反馈也不错。", id="zh-audit-praise"),
]


@pytest.mark.parametrize("text", [*PRICE, *RIVALS, *HELD_BACK])
def test_an_english_objection_is_its_sentence(text: str) -> None:
    said = text.removeprefix("Customer: ").rstrip(".")
    assert _objections(text) == [said]


@pytest.mark.parametrize(("text", "objection"), [*ZH_PRICE, *ZH_RIVALS, *ZH_HELD_BACK])
def test_a_chinese_objection_is_its_clause(text: str, objection: str) -> None:
    assert _objections(text) == [objection]


@pytest.mark.parametrize("text", NOT_OBJECTIONS)
def test_praise_questions_requests_and_denied_rivals_are_no_objection(text: str) -> None:
    assert _objections(text) == []


def test_two_objections_in_one_chinese_sentence_are_two_items() -> None:
    assert _objections("客户：这些问题不解决我们不考虑续签，已经在接触另外两家了。") == [
        "这些问题不解决我们不考虑续签", "已经在接触另外两家了"]


def test_a_short_chinese_clause_keeps_what_it_is_about() -> None:
    assert _objections("客户：功能挺好，但是你们一年四万多，我们这种小店，有点贵了。") == [
        "你们一年四万多，我们这种小店，有点贵了"]


def test_the_reps_words_and_a_subject_line_are_no_objection() -> None:
    assert _objections("Rep: Our list price is up 12% this year.") == []
    email = "Subject: Not renewing - contract 4471\n\nHi Dana,\nPlease send the final invoice."
    assert [o.text for o in _extract(email, channel="email").objections] == []


def test_a_threat_with_a_date_is_an_objection_not_a_step() -> None:
    insights = _extract("Customer: If the fix isn't live by Friday, we'll move the contract to "
                        "another vendor.\nRep: Understood.")
    assert [o.text for o in insights.objections] == [
        "If the fix isn't live by Friday, we'll move the contract to another vendor"]
    assert insights.next_steps == []
