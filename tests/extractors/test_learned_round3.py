"""The learned layer's classes of errors fixed in the third round (issue 10), en and zh."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.learned.reading import read_touchpoints

pytestmark = pytest.mark.slow  # loads the bundled encoder


def _touchpoint(text: str, *, channel: str = "call", direction: str = "inbound") -> Touchpoint:
    return Touchpoint(id="tp-round3", tenant_id="t1", channel=channel, direction=direction,  # type: ignore[arg-type]
                      occurred_at=datetime(2026, 3, 10, 15, 0, tzinfo=UTC),
                      source=Source(uri="test:round3", sha256="0" * 64, media_type="text/plain"),
                      text=text)


QUOTED = [
    pytest.param("陈静你好，\n试用了一周，手机端经常闪退。\n谭敏\n-----原始邮件-----\n"
                 "发件人: 陈静\n主题: 试用账号已开通\n谭经理您好，试用账号已经开通。", "试用账号已经开通",
                 id="zh-outlook-original-message"),
    pytest.param("Hi Jo,\nThe sync failed again.\nSam\n-----Original Message-----\nFrom: Jo\n"
                 "Sent: Monday\nYour trial is ready.", "trial is ready", id="en-original-message"),
]


@pytest.mark.parametrize(("text", "quoted"), QUOTED)
def test_the_classifiers_never_read_the_quoted_earlier_message(text, quoted):
    readings = read_touchpoints([_touchpoint(text, channel="email")])[0]
    assert readings and all(quoted not in r.sentence.text for r in readings)


def _reading(text: str, positive: float, negative: float):
    from extractors.learned.reading import SentenceReading
    from extractors.rules.sentences import Sentence

    return SentenceReading(Sentence(text, 0, len(text), "customer", None, None), {"other": 1.0},
                           {"positive": positive, "neutral": 1 - positive - negative,
                            "negative": negative})


@pytest.mark.parametrize(("text", "share"), [
    pytest.param("Hamish Ouellet", 2 / 3, id="en-signature"),
    pytest.param("谭敏", 1 / 3, id="zh-signature"),
    pytest.param("The numbers in the weekly report are wrong.", 1.0, id="en-sentence"),
    pytest.param("每周的报表数据都对不上。", 1.0, id="zh-sentence")])
def test_a_name_or_salutation_carries_little_of_the_classifiers_mood(text, share):
    from extractors.learned.sentiment import SentimentOptions, sentence_polarity

    options = SentimentOptions(min_words=3)
    assert sentence_polarity(_reading(text, 0.0, 0.9), options) == pytest.approx(-0.9 * share)


@pytest.mark.parametrize("text", [pytest.param("We won't be extending the contract.", id="en"),
                                  pytest.param("下个月到期就不续了。", id="zh")])
def test_a_clear_rules_negative_is_not_diluted_by_a_classifier_that_misses_it(text):
    from extractors.learned.sentiment import SentimentOptions, sentence_polarity
    from extractors.rules.sentiment import score_sentence

    options = SentimentOptions(strong=0.35, rules_weight=0.6, rules_floor=0.8)
    assert sentence_polarity(_reading(text, 0.7, 0.0), options, score_sentence) <= -0.35


@pytest.mark.parametrize("text", [
    pytest.param("陈静你好，\n试用了一周，手机端经常闪退，同事们都回去用Excel了。\n谭敏", id="zh-email"),
    pytest.param("Hi Jo,\nThe mobile app keeps crashing and my team has gone back to "
                 "spreadsheets.\nSam Lee", id="en-email")])
def test_combined_calls_a_defect_report_negative(text):
    from extractors.base import ExtractionContext
    from extractors.learned import CombinedExtractor

    sentiment = CombinedExtractor().extract(_touchpoint(text, channel="email"),
                                            ExtractionContext()).sentiment
    assert sentiment is not None and sentiment.label == "negative"


def test_buying_signals_of_positive_dev_items_teach_positive_sentiment_in_both_languages():
    from evals.sentence_set import load_sentence_split

    rows = load_sentence_split("train") + load_sentence_split("dev")
    taught = {r.language for r in rows if r.source.startswith("gold:")
              and r.role == "buying_signal" and r.sentiment == "positive"}
    assert taught == {"en", "zh"}


NOT_STEPS = [
    pytest.param("请问发票能开专票吗？", id="zh-qingwen-is-a-question"),
    pytest.param("Is there a limit on API calls?", id="en-information-question"),
    pytest.param("如果您需要，我们也可以下周安排培训。", id="zh-conditional"),
    pytest.param("If you sign this quarter we could include onboarding.", id="en-conditional"),
    pytest.param("我们将于3月28日凌晨进行系统升级。", id="zh-notice"),
    pytest.param("合同已经盖章寄出了。", id="zh-done"),
]


@pytest.mark.parametrize("text", NOT_STEPS)
def test_a_sentence_the_classifier_reads_as_a_step_is_not_one_when_the_rules_say_so(text):
    from extractors.learned.actions import step_from_sentence
    from extractors.rules.sentences import Sentence

    sentence = Sentence(text, 0, len(text), "customer", None, None)
    assert step_from_sentence(sentence, _touchpoint(text, channel="chat"), "request") is None


ASKS = [
    pytest.param("Could you send the signed DPA before Thursday?", "request", id="en-could-you"),
    pytest.param("能不能下周一前把报价发我？", "request", id="zh-neng-bu-neng"),
    pytest.param("我下午把演示账号开好。", "commitment", id="zh-commitment"),
]


@pytest.mark.parametrize(("text", "role"), ASKS)
def test_explicit_asks_and_promises_stay_steps(text, role):
    from extractors.learned.actions import is_a_step_sentence

    assert is_a_step_sentence(text, role)


CLAUSES = [
    pytest.param("合同已经盖章，扫描件见附件，原件明天快递给您。", "原件快递给您", id="zh-after-a-done-deed"),
    pytest.param("可以，下周二上午10点，我发培训通知。", "发培训通知", id="zh-after-ack-and-time"),
    pytest.param("没问题，那就月底再安排。", "月底再安排", id="zh-lead-in"),
]


@pytest.mark.parametrize(("text", "action"), CLAUSES)
def test_a_chinese_action_is_its_verb_clause_without_lead_in_or_clock_time(text, action):
    from extractors.learned.actions import step_from_sentence
    from extractors.rules.sentences import Sentence

    touchpoint = _touchpoint(text, channel="chat")
    sentence = Sentence(text, 0, len(text), "rep", None, None)
    step = step_from_sentence(sentence, touchpoint, "commitment")
    assert step is not None and step.action.replace("再", "") in action.replace("再", "")
    assert "点" not in step.action and "已经" not in step.action


PAIN_PHRASES = [
    pytest.param("嗯，我们现在用的是纷享销客，用了三年了，但是那个报表真的很难用，每次月底对数都要加班。",
                 ["报表真的很难用", "每次月底对数都要加班"], id="zh-pains-inside-context"),
    pytest.param("上周五的数据到现在还没同步，我们月报都做不了。", ["上周五的数据到现在还没同步", "我们月报都做不了"],
                 id="zh-two-pains"),
    pytest.param("Um, the import has failed three times this week and nobody got back to us.",
                 ["the import has failed three times this week", "nobody got back to us"],
                 id="en-two-pains"),
    pytest.param("The pilot went well overall, but our reps found the Gmail add-on slow to load.",
                 ["The pilot went well overall, but our reps found the Gmail add-on slow to load"],
                 id="en-one-pain-keeps-its-context"),
    pytest.param("Honestly the call summaries have been a huge time saver for my managers.", [],
                 id="en-praise-is-no-pain"),
    pytest.param("这段时间用下来大家都挺满意的，客服效率明显提高了。", [], id="zh-praise-is-no-pain"),
]


@pytest.mark.parametrize(("text", "phrases"), PAIN_PHRASES)
def test_a_pain_point_is_its_complaint_clauses(text, phrases):
    from extractors.learned.pains import pain_phrases
    from extractors.rules.sentences import Sentence

    assert pain_phrases(Sentence(text, 0, len(text), "customer", None, None)) == phrases


@pytest.mark.parametrize("text", [
    pytest.param("Subject: Workflow automation firing twice\nSean Doyle: Our 'new lead' workflow "
                 "sends the welcome email twice to every lead.\nMateo Cruz: Reproduced it.",
                 id="en-subject"),
    pytest.param("主题：邮件同步失败\n万里：从上周五开始邮件就同步不到客户时间线了。\n周婷：收到，明天上午修复。",
                 id="zh-subject")])
def test_a_tickets_subject_line_is_not_a_second_pain_point(text):
    from extractors.base import ExtractionContext
    from extractors.learned import CombinedExtractor

    pains = CombinedExtractor().extract(_touchpoint(text, channel="ticket"),
                                        ExtractionContext()).pain_points
    assert all(not p.evidence.quote.startswith(("Workflow", "邮件同步失败")) for p in pains)


@pytest.mark.parametrize("text", [
    pytest.param("Hi Marta, quick check on the contract.", id="en-greeting"),
    pytest.param("Following our call, I confirm that we will not move forward this year.",
                 id="en-negated"),
    pytest.param("我们暂时不考虑采购了。", id="zh-negated")])
def test_greetings_and_negated_sentences_are_never_added_as_steps(text):
    from extractors.learned.actions import step_from_sentence
    from extractors.rules.sentences import Sentence

    sentence = Sentence(text, 0, len(text), "customer", None, None)
    assert step_from_sentence(sentence, _touchpoint(text, channel="chat"), "request") is None


@pytest.mark.parametrize(("text", "role", "owner"), [
    pytest.param("可以的，我更新一下会议邀请。", "request", "rep", id="zh-wo-is-the-speaker"),
    pytest.param("Could you resend the invoice from February?", "commitment", "customer",
                 id="en-could-you-is-the-addressee")])
def test_the_subject_not_the_classifier_decides_who_acts(text, role, owner):
    from extractors.learned.actions import step_from_sentence
    from extractors.rules.sentences import Sentence

    sentence = Sentence(text, 0, len(text), "rep", None, None)
    step = step_from_sentence(sentence, _touchpoint(text, channel="chat"), role)
    assert step is not None and step.owner == owner
