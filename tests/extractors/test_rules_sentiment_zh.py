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
from extractors.rules.status_quo import is_status_quo_pain

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
    pytest.param("这个模块我们暂时用不到。", id="not-needed-yet"),
    pytest.param("回滚失败的话怎么处理？", id="condition-with-de-hua"),
    pytest.param("退款流程是怎样的？", id="asks-about-the-refund-process"),
    pytest.param("没错，就是上周那个版本。", id="agreement-mei-cuo"),
    pytest.param("行业里一般怎么做？", id="hang-is-no-acknowledgement"),
    pytest.param("您的问题已记录，我们会尽快处理。", id="agent-logged-your-issue"),
    pytest.param("亲，请问还有其他问题吗？", id="agent-any-other-questions"),
    pytest.param("别担心，数据都有备份。", id="reassurance"),
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
    pytest.param("真是太感谢了！", id="heartfelt-thanks"),
    pytest.param("你们的实施顾问很负责。", id="responsible"),
    pytest.param("前台说你们客服态度特别好。", id="good-attitude"),
    pytest.param("上线一个月，效果超出预期。", id="beyond-expectations"),
    pytest.param("那就这么定，再加八个账号。", id="decides-to-buy-more"),
    pytest.param("下个月想再开十五个账号。", id="opens-more-accounts"),
    pytest.param("试用期我们会安排四个人一起测。", id="staffs-the-trial"),
    pytest.param("我们决定六月份上线。", id="decides-to-go-live"),
    pytest.param("没想到这么快就修好了。", id="fixed-faster-than-expected"),
    pytest.param("上线半年，一直没出过问题。", id="never-failed"),
    pytest.param("这一版做得很好。", id="well-done"),
    pytest.param("跟原来比轻松太多了。", id="so-much-easier"),
    pytest.param("这个价格挺实在的。", id="honest-price"),
    pytest.param("以后有项目还找你们。", id="coming-back"),
    pytest.param("可以可以，没毛病。", id="chat-no-fault"),
    pytest.param("好用！", id="hao-is-no-acknowledgement-in-haoyong"),
    pytest.param("卡顿的问题都解决了。", id="problems-solved"),
    pytest.param("尾款已经付了，请查收。", id="paid"),
    pytest.param("技术评审已经通过了。", id="review-passed"),
    pytest.param("那我们就定了，走合同吧。", id="settled"),
    pytest.param("我们想升级到企业版。", id="upgrade"),
    pytest.param("我们打算一直用下去。", id="keep-using"),
    pytest.param("能用了，你们处理得真快！", id="handled-fast"),
    pytest.param("反应很迅速，感谢！", id="prompt"),
    pytest.param("这次解决得很彻底。", id="thorough"),
    pytest.param("报错的问题当天就解决了。", id="solved-same-day"),
    pytest.param("谢谢你们，帮了我们大忙。", id="big-help"),
    pytest.param("真的很感谢小赵。", id="heartfelt-thanks-to-a-person"),
    pytest.param("今年的续费率提高了。", id="renewal-rate-rose"),
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
    pytest.param("隔壁那家报的比你们少两千。", id="rival-quotes-less"),
    pytest.param("我们年初已经买了别的系统，不需要了。", id="no-longer-needed"),
    pytest.param("不用了，真不用。", id="really-not-needed"),
    pytest.param("这个问题提了一周，到底有没有人管？", id="rhetorical-anyone-in-charge"),
    pytest.param("电话打不进，这就是你们的售后？", id="rhetorical-this-is-your-service"),
    pytest.param("已经是第四次催了。", id="chased-n-times"),
    pytest.param("退订两个月了还在扣费。", id="still-charging"),
    pytest.param("一打开就要转半天。", id="spins-for-ages"),
    pytest.param("群里发消息你们根本不回复。", id="no-reply"),
    pytest.param("新界面用起来很别扭。", id="awkward"),
    pytest.param("报表能选的字段太少了。", id="too-few"),
    pytest.param("明年我们打算换掉这套系统。", id="replace-it"),
    pytest.param("续约的事就算了。", id="forget-the-renewal"),
    pytest.param("导出来的金额全是错的。", id="all-wrong"),
    pytest.param("上线时间一拖再拖。", id="delayed-again-and-again"),
    pytest.param("买了三个月完全没效果。", id="no-effect"),
    pytest.param("当初承诺的功能都没兑现。", id="promises-not-kept"),
    pytest.param("你们到底能不能修好？", id="rhetorical-can-you-or-not"),
    pytest.param("希望你们能重视一下，别再拖了。", id="polite-but-unhappy"),
    pytest.param("麻烦你们上点心。", id="please-care-more"),
    pytest.param("行吧，你们看着办。", id="resigned"),
    pytest.param("算了，也不指望了。", id="no-longer-expecting"),
    pytest.param("门店的客户都在骂了。", id="their-customers-complain"),
    pytest.param("这次故障已经影响业务了。", id="hurts-the-business"),
    pytest.param("你们的客服可真是“专业”。", id="scare-quoted-praise"),
    pytest.param("下次别再发错货了。", id="dont-do-it-again-still-complains"),
    pytest.param("续费价格涨了两成？", id="renewal-price-rose-is-no-renewal-rate"),
    pytest.param("当初不是说好免费升级的吗？", id="broken-promise-asked"),
    pytest.param("这样合作就没意思了。", id="pointless"),
    pytest.param("每次发版都出新问题。", id="every-release-breaks"),
    pytest.param("这都第几次了？", id="how-many-times"),
    pytest.param("你们能不能专业一点？", id="plea-to-be-professional"),
    pytest.param("实际效果跟宣传的完全不一样。", id="not-as-advertised"),
    pytest.param("报表动不动就崩。", id="crashes-all-the-time"),
    pytest.param("找了三个客服都说不归他管。", id="passed-around"),
    pytest.param("这笔钱花得真冤枉。", id="money-wasted"),
]


@pytest.mark.parametrize("text", COMPLAINTS)
def test_plain_complaints_read_negative(text):
    assert score_sentence(text) <= -STRONG


DISCOVERY_PAIN = [
    pytest.param("我们现在是拍照发群里报备，很麻烦。", id="how-they-work-today"),
    pytest.param("月底对业绩得让助理一个个打电话问，太费劲了。", id="one-by-one"),
    pytest.param("业务员一离职，客户资料就跟着带走了，老板很头疼。", id="staff-leave-with-customers"),
    pytest.param("新人基本抢不到单，流失很严重。", id="churn-of-staff-or-customers"),
    pytest.param("前台和售后两边信息完全不通，客户要重复说好几遍。", id="teams-do-not-share"),
]


@pytest.mark.parametrize("text", DISCOVERY_PAIN)
def test_pain_with_how_they_work_today_is_not_a_complaint_about_us(text):
    assert is_status_quo_pain(text, names_a_competitor=False)


@pytest.mark.parametrize("text", [
    pytest.param("你们的系统现在还是一个个导出，很麻烦。", id="about-your-system"),
    pytest.param("升级以后经常闪退。", id="a-defect-of-ours"),
    pytest.param("现有系统明年不续了，已经在看别家。", id="a-decision-is-never-status-quo"),
])
def test_a_complaint_about_us_is_not_status_quo_pain(text):
    assert not is_status_quo_pain(text, names_a_competitor=False)


def touchpoint_of(text: str, channel: str) -> Touchpoint:
    return Touchpoint(id="tp", tenant_id="t", channel=channel, direction="inbound",  # type: ignore[arg-type]
                      occurred_at=datetime(2026, 3, 2, tzinfo=CST), text=text,
                      source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))


def extract_ticket(text: str):
    tp = touchpoint_of(text, "ticket")
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


def extract_text(text: str, channel: str):
    return RulesExtractor().extract(touchpoint_of(text, channel),
                                    ExtractionContext(catalog=CompetitorCatalog()))


CONVERSATIONS = [
    pytest.param("chat", "王磊 2026/3/2 09:12\n早，昨天的培训大家反馈很好，新来的同事都会用了\n\n陈静 2026/3/2 09:15\n"
                 "太好了！有问题随时找我\n\n王磊 2026/3/2 09:16\n好嘞，下个月我们想再开十个账号",
                 "positive", id="wechat-export-praise-and-expansion"),
    pytest.param("call", "说话人1：您好，我是云帆的小陈，现在方便吗？\n说话人2：你说吧。\n说话人1：想跟您确认一下续约的事情。\n"
                 "说话人2：续约就算了，这半年系统三天两头出问题。\n说话人1：能不能再给我们一次机会？\n说话人2：不用了，真不用。",
                 "negative", id="numbered-speakers-decline-renewal"),
    pytest.param("call", "说话人1：您好，现在方便吗？\n说话人2：方便，你说。\n说话人1：上次您问的私有化部署，我们支持的。\n"
                 "说话人2：好的，那价格大概多少？\n说话人1：我整理一下今天发您。\n说话人2：行，发我邮箱就可以。",
                 "neutral", id="availability-and-logistics"),
    pytest.param("call", "销售：现在用的是什么系统？\n客户：Excel，每个月对账都要一个个核，很头疼。\n"
                 "客户：所以想看看有没有合适的系统。\n销售：明白，我给您安排个演示。\n客户：可以，下周三吧。",
                 "neutral", id="discovery-pain"),
    pytest.param("call", "销售：您好。\n客户：你好，我们在选CRM，想问几个问题。\n客户：万一数据丢了怎么办？\n"
                 "销售：我们有异地备份。\n客户：好，那你把SLA文档发我看看。",
                 "neutral", id="questions-with-defect-words"),
    pytest.param("chat", "客户：在吗\n客服：您好，很高兴为您服务，请问有什么可以帮您？\n客户：我昨天提的工单到现在都没人回\n"
                 "客服：非常抱歉给您带来不便，我帮您催一下\n客户：每次都是催一下，你们到底有没有人管",
                 "negative", id="service-chat-complaint"),
]


@pytest.mark.parametrize(("channel", "text", "label"), CONVERSATIONS)
def test_the_label_of_a_chinese_conversation_is_the_customers_stance(channel, text, label):
    sentiment = extract_text(text, channel).sentiment
    assert sentiment is not None and sentiment.label == label
