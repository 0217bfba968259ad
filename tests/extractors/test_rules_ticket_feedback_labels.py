"""A ticket's customer-feedback section is the customer's voice: "客户评价（3月30日）：…",
"客户反馈：…", "客户回复：…", "客户意见栏：…" and "Customer feedback:" carry the customer's last
word on the fix, which decides a resolved ticket's sentiment (evals/GUIDE.md "Sentiment"). Jobs
that start with 客户 ("客户经理", "客户成功") stay the vendor's. Every example is invented for this file."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.sentences import role_from_label, split_sentences

CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize(("label", "role"), [
    pytest.param("客户评价", "customer", id="zh-rating"),
    pytest.param("客户评价（4月2日）", "customer", id="zh-rating-dated"),
    pytest.param("客户反馈", "customer", id="zh-feedback"),
    pytest.param("客户回复（5月9日）", "customer", id="zh-reply-dated"),
    pytest.param("客户意见", "customer", id="zh-opinion"),
    pytest.param("客户意见栏", "customer", id="zh-opinion-box"),
    pytest.param("客户", "customer", id="zh-plain-customer"),
    pytest.param("Customer feedback", "customer", id="en-feedback"),
    pytest.param("Customer reply (9 May)", "customer", id="en-reply-dated"),
    # must stay: the vendor's jobs and replies, and fields that only start like a feedback label
    pytest.param("客户经理", "rep", id="zh-account-manager"),
    pytest.param("客户成功", "rep", id="zh-customer-success"),
    pytest.param("客服回复", "agent", id="zh-agent-reply"),
    pytest.param("客户反馈率", "unknown", id="zh-feedback-rate-field"),
    pytest.param("客户回复时限", "unknown", id="zh-reply-deadline-field"),
])
def test_customer_feedback_labels(label: str, role: str) -> None:
    assert role_from_label(label) == role


def sentiment_of(text: str) -> str:
    tp = Touchpoint(id="tp", tenant_id="t", channel="ticket",
                    occurred_at=datetime(2026, 4, 2, 9, tzinfo=CST), text=text, language="zh",
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(tp, ExtractionContext(tenant_id="t", catalog=CompetitorCatalog()))
    assert insights.sentiment is not None
    return insights.sentiment.label


FORM = ("报修单  BX-0402-033\n机构：青松社区卫生站  设备：门禁系统\n"
        "报修内容（4月1日）：侧门刷卡没反应，只能人工开门。\n"
        "处理记录：\n4月1日 工程师到场，更换读卡器，测试通过\n")


@pytest.mark.parametrize(("feedback", "label"), [
    pytest.param("客户评价（4月2日）：\n响应很快，工程师很专业，谢谢！\n", "positive", id="rating-praise"),
    pytest.param("客户意见栏：\n师傅很细心，讲得也清楚，非常满意。\n", "positive", id="opinion-box-praise"),
    pytest.param("客户回复（4月3日）：\n修好了，用着很顺，特别感谢。\n", "positive", id="reply-praise"),
    # must stay: a reply that still complains, and a plain acknowledgement
    pytest.param("客户回复（4月3日）：\n刚换的读卡器今天又坏了，太失望了。\n", "negative", id="reply-still-broken"),
    pytest.param("客户回复（4月3日）：\n收到。\n", "neutral", id="reply-acknowledges"),
])
def test_a_ticket_ends_in_the_customers_feedback(feedback: str, label: str) -> None:
    assert sentiment_of(FORM + feedback) == label


def roles_of(text: str) -> list[tuple[str, str]]:
    tp = Touchpoint(id="tp", tenant_id="t", channel="ticket",
                    occurred_at=datetime(2026, 4, 2, 9, tzinfo=CST), text=text, language="zh",
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    return [(s.role, s.text) for s in split_sentences(tp)]


LOG = ("工单号：KF-0402-118\n提交人：财务 卢敏\n问题描述：导出的对账单金额全是0，月底要结账。\n处理过程：\n"
       "04-02 10:15 技术支持 邵工：已复现，正在修复。\n")


@pytest.mark.parametrize(("entry", "role"), [
    # a handling log's "MM-DD HH:MM" or "M/D HH:MM" stamp before the writer's label
    pytest.param("04-03 16:20 客户回复：核对过了，金额都对了。", "customer", id="dash-stamp-customer-reply"),
    pytest.param("4/3 16:20 客户反馈：核对过了，金额都对了。", "customer", id="slash-stamp-customer-feedback"),
    pytest.param("04-03 16:20 卢敏：核对过了，金额都对了。", "customer", id="stamp-requester-name"),
    pytest.param("04-03 09:00 技术支持 邵工：已发布修复，请核对。", "agent", id="stamp-agent-stays-agent"),
    # must stay: a stamped line with no label is the entry above's (the vendor's log)
    pytest.param("04-03 09:00 已发布修复，请核对。", "agent", id="unlabelled-log-line"),
])
def test_a_stamped_log_entry_is_its_writers(entry: str, role: str) -> None:
    roles = roles_of(LOG + entry + "\n")
    assert roles[-1][0] == role, roles


def test_a_stamped_customer_reply_settles_the_ticket() -> None:
    assert sentiment_of(LOG + "04-03 16:20 客户回复：全部正确！这么快就修好了，特别感谢你们。\n") == "positive"
