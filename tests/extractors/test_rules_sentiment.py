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
