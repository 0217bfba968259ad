"""Classes of extraction errors fixed in the third round (issue 10), each in English and Chinese."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.sentences import split_sentences
from extractors.rules.sentiment import score_sentence

CST = timezone(timedelta(hours=8))
MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=CST)


def plain(text: str, *, channel: str = "ticket", direction: str = "inbound") -> Touchpoint:
    """A touchpoint as an API payload or an eval item brings it: text only, no segments."""
    return Touchpoint(id="tp", tenant_id="t", channel=channel, direction=direction,  # type: ignore[arg-type]
                      occurred_at=MONDAY, text=text,
                      source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))


HEADED_TICKETS = [
    pytest.param("Subject: Workflow firing twice\nSean Doyle: Our workflow sends every email twice.\n"
                 "Mateo Cruz: Reproduced it. I'll deploy the fix on Wednesday.\n"
                 "Sean Doyle: OK, thanks.", "Mateo Cruz", id="en-subject-line"),
    pytest.param("主题：邮件同步失败\n万里：从上周五开始邮件就同步不到了。\n"
                 "周婷：收到，已确认是接口变更导致，明天上午修复。\n万里：好的。", "周婷",
                 id="zh-subject-line"),
]


@pytest.mark.parametrize(("text", "agent"), HEADED_TICKETS)
def test_a_subject_line_is_not_a_speaker_so_named_sides_are_still_found(text, agent):
    sentences = split_sentences(plain(text))
    assert all(s.speaker not in ("Subject", "主题") for s in sentences)
    assert {s.role for s in sentences if s.speaker == agent} == {"rep"}
    steps = RulesExtractor().extract(plain(text), ExtractionContext(catalog=CompetitorCatalog()))
    assert [s.owner for s in steps.next_steps] == ["rep"]


POLITE_REQUESTS = [
    pytest.param("Priya from finance will send the PO next week.", id="en-po-is-a-purchase-order"),
    pytest.param("We are looking for a CRM solution for the service team.", id="en-solution"),
    pytest.param("麻烦下周一之前把实施计划发我一份。", id="zh-mafan-opens-a-request"),
    pytest.param("那个，昨天说的API文档麻烦发我一下。", id="zh-mafan-before-the-verb"),
]


@pytest.mark.parametrize("text", POLITE_REQUESTS)
def test_business_words_and_polite_requests_carry_no_sentiment(text):
    assert score_sentence(text) == 0.0


TROUBLE = [
    pytest.param("这个必须处理好，否则我们会很麻烦。", id="zh-hen-mafan"),
    pytest.param("流程太麻烦，每次都要审批。", id="zh-tai-mafan"),
    pytest.param("The export is broken again and support is unresponsive.", id="en-complaint"),
]


@pytest.mark.parametrize("text", TROUBLE)
def test_trouble_is_still_negative(text):
    assert score_sentence(text) < -0.3


DEFECTS = [
    pytest.param("手机端经常闪退，同事们都回去用Excel了。", id="zh-crash"),
    pytest.param("打开工单列表就白屏，有时候直接卡死。", id="zh-blank-screen-freeze"),
    pytest.param("The mobile app keeps crashing when we open a ticket.", id="en-crash"),
]


@pytest.mark.parametrize("text", DEFECTS)
def test_product_defects_are_negative_without_a_feeling_word(text):
    assert score_sentence(text) < -0.3


def test_a_weaker_but_clear_second_side_makes_the_label_mixed():
    from extractors.rules.sentiment import label_for

    # strong praise once, a clear complaint once at about half its strength: both count
    assert label_for([0.9, -0.4, 0.0])[0] == "mixed"
    assert label_for([0.9, -0.1, 0.0])[0] == "positive"


NOTICES = [
    pytest.param("Just a heads-up that our offices will be closed February 16 for the holiday.",
                 id="en-offices-closed"),
    pytest.param("We have scheduled maintenance on Saturday from 2 to 4 am.", id="en-maintenance"),
    pytest.param("春节期间（2月15日至2月23日）我司放假，期间邮件回复可能延迟。", id="zh-holiday"),
    pytest.param("我们将于3月28日凌晨2点至4点进行系统升级，期间服务暂停。", id="zh-upgrade-window"),
]


@pytest.mark.parametrize("text", NOTICES)
def test_a_closure_or_maintenance_notice_is_not_a_next_step(text):
    insights = RulesExtractor().extract(plain(text, channel="email", direction="outbound"),
                                        ExtractionContext(catalog=CompetitorCatalog()))
    assert insights.next_steps == []


def test_a_dated_promise_beside_a_notice_is_still_a_step():
    text = "Thanks for the call. I'll send the revised quote by Friday."
    insights = RulesExtractor().extract(plain(text, channel="email", direction="outbound"),
                                        ExtractionContext(catalog=CompetitorCatalog()))
    assert [s.owner for s in insights.next_steps] == ["rep"]


BUYING_INTENT = [
    pytest.param("We want to add 40 seats for the new support team in April.", id="en-add-seats"),
    pytest.param("We're planning to roll it out to the whole sales org.", id="en-roll-out"),
    pytest.param("确定了，再加十个账号。", id="zh-add-accounts"),
    pytest.param("合同我们领导签好了，今天寄出。", id="zh-contract-signed"),
    pytest.param("那我们先申请个试用试试。", id="zh-apply-for-trial"),
]


@pytest.mark.parametrize("text", BUYING_INTENT)
def test_eagerness_to_buy_or_expand_is_positive(text):
    assert score_sentence(text) >= 0.3


def test_a_doubt_that_starts_like_praise_is_not_buying_intent():
    assert score_sentence("这个好像有问题。") < 0


NOT_PRAISE = [
    pytest.param("Thanks, but please make sure this doesn't happen again.", id="en-thanks-but"),
    pytest.param("Our workflow sends the welcome email twice to every lead.", id="en-welcome-email"),
    pytest.param("这次先这样，下不为例。", id="zh-xia-bu-wei-li"),
]


@pytest.mark.parametrize("text", NOT_PRAISE)
def test_a_courtesy_before_a_warning_and_business_nouns_are_not_praise(text):
    assert score_sentence(text) <= 0.0


def test_lost_data_is_negative():
    assert score_sentence("我们从Zendesk迁过来的工单，附件全都丢了！") < -0.3


def _steps(text: str, **kwargs: str) -> list[tuple[str, str]]:
    insights = RulesExtractor().extract(plain(text, **kwargs),
                                        ExtractionContext(catalog=CompetitorCatalog()))
    return [(s.action, s.owner) for s in insights.next_steps]


def test_an_object_put_before_the_request_is_the_actions_object():
    found = _steps("陈静：\n那个，昨天说的API文档麻烦发我一下，我们开发想先看看。\n蔡斌", channel="email")
    assert found == [("把API文档发我一下", "rep")]


@pytest.mark.parametrize(("text", "subject"), [
    pytest.param("主题：邮件同步失败\n万里：从上周五开始邮件就同步不到了。\n周婷：已确认是接口变更导致，明天上午修复。",
                 "邮件同步失败", id="zh-fix"),
    pytest.param("主题：报表导出乱码\n屈伟：导出的Excel打开是乱码。\n周婷：抱歉，这是编码问题，我们这周五前发布修复。",
                 "报表导出乱码", id="zh-release-fix")])
def test_a_tickets_bare_fix_names_the_tickets_subject(text, subject):
    found = _steps(text)
    assert len(found) == 1 and subject in found[0][0] and found[0][1] == "rep"


def test_the_reason_after_a_request_is_not_a_second_step():
    found = _steps("麻烦您下周一之前把正式报价和实施周期发给我们，我们要在月度会上讨论。", channel="email")
    assert found == [("把正式报价和实施周期发给我们", "rep")]


def test_an_event_that_happened_is_not_the_object_of_the_next_request():
    found = _steps("老板同意采购了，请尽快发合同过来。", channel="email")
    assert [owner for _, owner in found] == ["rep"] and "同意" not in found[0][0]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Agent: Of course. I've updated the address and will reissue the invoice today.\n"
                 "Customer: Thanks", [("reissue the invoice", "rep")], id="en-done-and-will"),
    pytest.param("Agent: I've added your vote and will let you know when it's on the roadmap.\n"
                 "Customer: ok", [("let you know when it's on the roadmap", "rep")],
                 id="en-added-and-will-let-you-know"),
    pytest.param("Rep: We will be closed on Monday.\nCustomer: ok", [], id="en-will-be-is-no-step"),
])
def test_a_will_clause_after_a_done_deed_is_still_the_speakers_step(text, expected):
    assert _steps(text, channel="call") == expected


@pytest.mark.parametrize("text", [
    pytest.param("Customer: We're good to sign. Send me the DocuSign envelope.\nRep: On its way.",
                 id="en-send-me"),
    pytest.param("Customer: Email us the revised quote.\nRep: Will do.", id="en-email-us"),
])
def test_a_bare_imperative_to_send_is_a_request_of_the_other_side(text):
    found = _steps(text, channel="call")
    assert len(found) == 1 and found[0][1] == "rep"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("客户：预算用完了，要等到七月份再谈。\n销售：理解。那我七月初再联系您？\n客户：可以的。",
                 [("七月初再联系您", "rep")], id="zh-keyide-accepts-a-proposal"),
    pytest.param("销售：我们下周安排培训吧。\n客户：行，到时候我通知你们具体时间。",
                 [("安排培训", "rep"), ("通知你们具体时间", "customer")], id="zh-daoshihou"),
    pytest.param("客户：培训得往后推。\n销售：没问题，那就月底再安排。", [("安排", "rep")],
                 id="zh-naju-then-a-date"),
])
def test_chinese_acceptances_and_time_adverbs_make_steps(text, expected):
    assert _steps(text, channel="call") == expected


def test_haojiu_is_not_an_acceptance():
    from extractors.rules.next_step_patterns import ACCEPTANCE

    assert ACCEPTANCE.match("可以的。") and ACCEPTANCE.match("好的") and ACCEPTANCE.match("Sure.")
    assert not ACCEPTANCE.match("好久没联系了")


NOT_STEPS_ZH = [
    pytest.param("客户：我们以前用智齿客服都是当天回复的。\n销售：明白。", id="zh-past-habit"),
    pytest.param("客户：信息完全不通。\n销售：这正是我们要解决的。", id="zh-description-ending-in-de"),
    pytest.param("客户：我们老板看了说不错。\n销售：太好了！需要我们参加吗？", id="zh-xuyao-women-is-a-question"),
    pytest.param("客户：早，今天的会议改到下午3点可以吗？\n销售：可以的。", id="zh-today-modifies-a-noun"),
]


@pytest.mark.parametrize("text", NOT_STEPS_ZH)
def test_habits_descriptions_and_noun_dates_are_not_steps(text):
    assert _steps(text, channel="chat") == []


def test_a_dated_chinese_promise_is_still_a_step():
    found = _steps("客户：会议能改到三点吗？\n销售：好的，我今天下午把会议邀请更新一下。", channel="chat")
    assert found == [("把会议邀请更新一下", "rep")]
