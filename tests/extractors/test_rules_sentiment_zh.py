"""Chinese customer sentiment by class: words that hold a feeling word but state none, plain praise
and complaints the lexicon lacked, and support tickets written as forms (evals/GUIDE.md
"Sentiment"). Every example is invented for this file."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.sentences import split_sentences
from extractors.rules.sentiment import STRONG, score_sentence

CST = timezone(timedelta(hours=8))
MILD = 0.25  # understated praise leans positive without being strong on its own

NO_FEELING = [
    pytest.param("方便。", id="available-alone"),
    pytest.param("方便方便，您讲。", id="available-repeated"),
    pytest.param("您现在方便接电话吗？", id="asks-if-available"),
    pytest.param("方便的话把日志打包发我一下。", id="if-convenient"),
    pytest.param("周五不行，我那天要去杭州。", id="weekday-does-not-suit"),
    pytest.param("明天下午可能没空，换到后天吧。", id="afternoon-not-free"),
    pytest.param("要是到时候还不稳定，我们再约个时间看。", id="condition-clause"),
    pytest.param("有问题我再找您。", id="problem-then-call"),
    pytest.param("我这边有三个问题想确认一下：", id="questions-called-wenti"),
    pytest.param("想请教几个小问题。", id="ask-a-few-questions"),
    pytest.param("领导想看看有没有更划算的套餐。", id="a-not-a-asks-for-praise"),
    pytest.param("烦请在周四前回传盖章页。", id="formal-please"),
    pytest.param("下周我出差，回来再聊。", id="business-trip"),
    pytest.param("合同不着急，月底前给就行。", id="no-rush"),
    pytest.param("两边报价差不多。", id="about-the-same"),
]


@pytest.mark.parametrize("text", NO_FEELING)
def test_words_that_hold_a_feeling_word_but_state_none_score_near_zero(text):
    assert abs(score_sentence(text)) < 0.1


PRAISE = [
    pytest.param("上线以后整体挺顺的。", id="went-smoothly"),
    pytest.param("这点真要表扬一下你们的实施。", id="praise-the-team"),
    pytest.param("界面比原来简洁多了。", id="cleaner"),
    pytest.param("新同事都说好上手。", id="easy-to-pick-up"),
    pytest.param("这个价格我们觉得可以。", id="price-acceptable"),
    pytest.param("比我们现在那家便宜不少。", id="cheaper-than-current"),
    pytest.param("试用下来效果还行。", id="understated"),
]


@pytest.mark.parametrize("text", PRAISE)
def test_plain_and_understated_praise_reads_positive(text):
    assert score_sentence(text) >= MILD


COMPLAINTS = [
    pytest.param("按人头收费，我们压力太大了。", id="too-much-pressure"),
    pytest.param("仓库那边阻力很大。", id="resistance"),
    pytest.param("老员工都不愿意换。", id="unwilling"),
    pytest.param("月底对账又不平。", id="books-do-not-balance"),
    pytest.param("客服热线一直占线。", id="line-always-busy"),
    pytest.param("导入以后不平，差了三百多块。", id="no-negation-across-a-comma"),
    pytest.param("人家报价比你们便宜一截。", id="rival-cheaper-than-you"),
]


@pytest.mark.parametrize("text", COMPLAINTS)
def test_plain_complaints_read_negative(text):
    assert score_sentence(text) <= -STRONG


def extract_ticket(text: str):
    tp = Touchpoint(id="tp", tenant_id="t", channel="ticket", direction="inbound",
                    occurred_at=datetime(2026, 3, 2, tzinfo=CST), text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    return tp, RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog()))


FORM_TICKETS = [
    pytest.param("工单号：A-1182\n客户：恒信五金有限公司 采购部 林经理\n"
                 "问题：上周到的那批扫码枪有一半连不上电脑，已经是第三次了，产线等着用！\n"
                 "【售后-小吴 回复】林经理您好，非常抱歉，今天下午安排人上门。",
                 "negative", id="customer-name-line-then-problem-field"),
    pytest.param("工单编号：B-2207\n问题类型：体验\n描述：\n新版报表好看多了，也顺手。但是导出慢了很多，"
                 "大家都在抱怨。\n\n处理记录：\n技术支持：您好，已记录，下周给优化方案。",
                 "mixed", id="description-field-under-a-heading"),
    pytest.param("工单类型：退订申请\n申请单位：远山贸易\n申请内容：\n我司下个月起改用别家系统，现有账号不再续费，"
                 "请协助导出数据。\n联系人：行政部 周女士\n\n客服回复：\n您好，已收到您的申请。",
                 "negative", id="request-field-is-the-customers"),
    pytest.param("【工单 #5521】小票打印乱码\n客户：青禾烘焙（二店）店长 小许\n"
                 "4月2日 09:10 小许：今天开始打出来的小票全是乱码，换了纸也一样。\n"
                 "4月2日 09:40 技术支持-阿城：已处理，是驱动被更新覆盖了，请再试一张。\n"
                 "4月2日 09:55 小许：好了好了！可以了\n"
                 "4月3日 18:00 小许：今天一天都正常，响应特别快，太感谢了😄",
                 "positive", id="dated-turns-and-a-fix-confirmed"),
]


@pytest.mark.parametrize(("text", "label"), FORM_TICKETS)
def test_a_ticket_written_as_a_form_is_labelled_by_the_requesters_words(text, label):
    _, insights = extract_ticket(text)
    assert insights.sentiment is not None and insights.sentiment.label == label


def test_a_form_tickets_customer_name_line_is_metadata_not_a_turn():
    tp, _ = extract_ticket("工单号：A-1182\n客户：恒信五金有限公司 采购部 林经理\n问题：扫码枪连不上电脑。\n"
                           "【售后-小吴 回复】您好，今天下午安排人上门。")
    roles = {s.text: s.role for s in split_sentences(tp)}
    assert roles["恒信五金有限公司 采购部 林经理"] == "unknown"
    assert roles["扫码枪连不上电脑。"] == "customer"
