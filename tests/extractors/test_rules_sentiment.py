"""Sentence sentiment: business words VADER misreads, complaint phrases, Chinese negation."""

from __future__ import annotations

import pytest

from extractors.rules.sentiment import score_sentence

NEUTRAL = [
    pytest.param("I would like to see a demo next week.", id="polite-wish-like"),
    pytest.param("We use tools like Salesforce and HubSpot.", id="preposition-like"),
    pytest.param("Can you share your SOC 2 report?", id="share-as-a-verb"),
    pytest.param("Our security team needs to review it.", id="security-as-a-noun"),
    pytest.param("Is there a free trial for the support desk?", id="free-trial-support-desk"),
    pytest.param("Please send the invoice to accounts payable.", id="no-sentiment-words"),
    pytest.param("我们下周二开会讨论一下合同条款。", id="zh-plain-statement"),
]

NEGATIVE = [
    pytest.param("This is urgent, the system is down.", id="outage"),
    pytest.param("Honestly the price is too high for a team our size.", id="too-high"),
    pytest.param("The export keeps failing and no one has replied.", id="keeps-failing"),
    pytest.param("We can't log in since the update.", id="cannot-log-in"),
    pytest.param("系统经常卡顿，门店同事很着急。", id="zh-lag"),
]

POSITIVE = [
    pytest.param("We really like the new dashboard.", id="liking"),
    pytest.param("The onboarding was seamless, great job.", id="seamless"),
    pytest.param("好的，谢谢，整体还是比较满意的。", id="zh-satisfied"),
    pytest.param("这个功能非常好用。", id="zh-intensified"),
]


NEGATED = [
    pytest.param("The new reporting is not great.", id="not-great"),
    pytest.param("这个价格不太合理。", id="zh-not-quite-reasonable"),
    pytest.param("你们的客服没有帮助。", id="zh-no-help"),
    pytest.param("导入并不方便。", id="zh-not-convenient"),
]


@pytest.mark.parametrize("sentence", NEUTRAL)
def test_business_sentences_without_feeling_score_near_zero(sentence: str) -> None:
    assert abs(score_sentence(sentence)) < 0.1


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_complaints_score_clearly_negative(sentence: str) -> None:
    assert score_sentence(sentence) <= -0.3


@pytest.mark.parametrize("sentence", POSITIVE)
def test_praise_scores_clearly_positive(sentence: str) -> None:
    assert score_sentence(sentence) >= 0.3


@pytest.mark.parametrize("sentence", NEGATED)
def test_a_negated_positive_word_turns_negative(sentence: str) -> None:
    assert score_sentence(sentence) < -0.1


FLAT_NEGATIVE = [
    pytest.param("We won't be extending the contract.", id="en-not-extending"),
    pytest.param("The numbers still don't match.", id="en-still-dont-match"),
    pytest.param("We've decided to go with another vendor.", id="en-another-vendor"),
    pytest.param("Nobody's told us who our CSM is.", id="en-nobody-told-us"),
    pytest.param("Three outages in four weeks.", id="en-plural-outages"),
    pytest.param("这个功能基本没法用。", id="zh-basically-unusable"),
    pytest.param("下个月到期就不续了。", id="zh-not-renewing"),
    pytest.param("今天早上开始所有人都登录不了系统。", id="zh-cannot-log-in"),
    pytest.param("接口文档写得不清楚。", id="zh-unclear-docs"),
    pytest.param("决定先用HubSpot的免费版过渡，暂时不采购了。", id="zh-chose-another"),
]

SARCASM = [
    pytest.param("Great, another outage.", id="en-great-another"),
    pytest.param("Thanks for nothing.", id="en-thanks-for-nothing"),
    pytest.param("Oh wonderful, it broke again.", id="en-oh-wonderful"),
    pytest.param("呵呵，又崩了。", id="zh-hehe"),
    pytest.param("太好了，又出错了。", id="zh-great-again"),
]

NOT_PRAISE = [
    pytest.param("Thanks in advance, best regards.", id="en-closing"),
    pytest.param("Looking forward to hearing from you.", id="en-looking-forward"),
    pytest.param("OK, sounds good, thanks!", id="en-acknowledgement"),
    pytest.param("期待您的回复，谢谢！", id="zh-closing"),
    pytest.param("好的，收到，辛苦了。", id="zh-acknowledgement"),
]

EMOJI_CODES = [
    pytest.param("Shipped on time :tada:", 1, id="en-code-positive"),
    pytest.param("still broken :rage:", -1, id="en-code-negative"),
    pytest.param("收到了[强]", 1, id="zh-wechat-code-positive"),
    pytest.param("又卡住了[发怒]", -1, id="zh-wechat-code-negative"),
]


@pytest.mark.parametrize("sentence", FLAT_NEGATIVE)
def test_flat_negatives_without_feeling_words_score_negative(sentence: str) -> None:
    assert score_sentence(sentence) <= -0.3


@pytest.mark.parametrize("sentence", SARCASM)
def test_sarcastic_praise_scores_negative(sentence: str) -> None:
    assert score_sentence(sentence) <= -0.3


@pytest.mark.parametrize("sentence", NOT_PRAISE)
def test_polite_closings_are_not_praise(sentence: str) -> None:
    assert abs(score_sentence(sentence)) < 0.1


@pytest.mark.parametrize(("sentence", "sign"), EMOJI_CODES)
def test_emoji_codes_count_like_the_emoji(sentence: str, sign: int) -> None:
    assert score_sentence(sentence) * sign >= 0.3


PLAIN_SATISFACTION = [
    pytest.param("the import worked!!", id="en-it-worked"),
    pytest.param("Our legal team is reviewing and we expect to sign next week.", id="en-expect-to-sign"),
    pytest.param("看完了，没什么大问题。", id="zh-no-big-problem"),
    pytest.param("方案挺好的，我们准备推进了。", id="zh-ready-to-proceed"),
    pytest.param("这一年合作很愉快。", id="zh-pleasant-cooperation"),
]

SPOKEN_NOT_FEELING = [
    pytest.param("the dashboard is blank for everyone since like 8am", -1, id="en-like-filler-blank"),
    pytest.param("Pretty manual, we lose track of who we talked to.", -1, id="en-pretty-adverb"),
    pytest.param("We've decided to stay with Dynamics 365 for now.", -1, id="en-staying-with-incumbent"),
    pytest.param("Yeah, so, the budget got frozen.", -1, id="en-budget-frozen"),
    pytest.param("Sure, that works.", 0, id="en-acknowledgement-that-works"),
    pytest.param("我们现在没有换系统的打算。", -1, id="zh-no-plan-to-switch"),
]


@pytest.mark.parametrize("sentence", PLAIN_SATISFACTION)
def test_plain_satisfaction_and_buying_intent_score_positive(sentence: str) -> None:
    assert score_sentence(sentence) >= 0.3


@pytest.mark.parametrize(("sentence", "sign"), SPOKEN_NOT_FEELING)
def test_spoken_fillers_do_not_sound_like_praise(sentence: str, sign: int) -> None:
    score = score_sentence(sentence)
    assert (score <= -0.3) if sign < 0 else abs(score) < 0.1
