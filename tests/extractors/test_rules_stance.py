"""Positive stance said without a feeling word, and plain quality words, in both languages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.contrast import sentence_scores
from extractors.rules.sentiment import STRONG, label_for, score_sentence
from extractors.rules.stance import plain_positives

STANCES = [
    pytest.param("We've already rolled it out to two more teams.", id="rollout"),
    pytest.param("Everyone on the team is using it daily.", id="daily-use"),
    pytest.param("It cut our reporting time in half.", id="result-halved"),
    pytest.param("Response times dropped by half since we switched.", id="result-dropped"),
    pytest.param("We closed 15% more deals this quarter.", id="result-more-deals"),
    pytest.param("We'll renew for two more years.", id="renew"),
    pytest.param("Let's sign the contract this week.", id="lets-sign"),
    pytest.param("用下来效率提高了不少。", id="zh-efficiency"),
    pytest.param("领导已经批了。", id="zh-approved"),
    pytest.param("现在销售每天都在用。", id="zh-daily-use"),
    pytest.param("下个月准备续约。", id="zh-renew"),
    pytest.param("报表出得比以前快多了。", id="zh-faster-than-before"),
    pytest.param("客户投诉少了很多。", id="zh-fewer-complaints"),
    pytest.param("成交率提高了百分之十五。", id="zh-close-rate"),
    pytest.param("用了一个月，团队都离不开了。", id="zh-cannot-do-without"),
]

NOT_STANCES = [
    pytest.param("If you can get closer to their number, we'll renew.", id="condition"),
    pytest.param("We haven't rolled it out to the other teams.", id="negated-rollout"),
    pytest.param("We're renewing with Pipedrive.", id="renewing-with-another"),
    pytest.param("我们现在每天都在用Excel手工录。", id="zh-daily-use-of-another-tool"),
    pytest.param("等粤语支持上线了我们再续约。", id="zh-condition"),
    pytest.param("我们不会续约。", id="zh-negated-renewal"),
    pytest.param("还没解决问题。", id="zh-not-solved"),
]


@pytest.mark.parametrize("sentence", STANCES)
def test_a_plain_positive_stance_scores_clearly_positive(sentence: str) -> None:
    assert score_sentence(sentence) >= STRONG


@pytest.mark.parametrize("sentence", NOT_STANCES)
def test_a_condition_or_a_negation_is_no_stance(sentence: str) -> None:
    assert plain_positives(sentence, -1) == 0
    assert score_sentence(sentence) < STRONG


def test_approved_this_morning_is_no_approval_of_this() -> None:
    assert plain_positives("Budget for the expansion was approved this morning.", -1) == 0


def test_a_stance_replaces_the_lexicon_reading_of_its_own_words() -> None:
    # "投诉" alone is a complaint; "投诉少了" is a result
    assert score_sentence("客户投诉很多。") <= -STRONG
    assert score_sentence("客户投诉少了很多。") >= STRONG


@pytest.mark.parametrize("sentence", [
    pytest.param("价格有点贵。", id="zh-a-bit-pricey"),
    pytest.param("操作太繁琐了。", id="zh-cumbersome"),
    pytest.param("数据同步经常延迟。", id="zh-delayed"),
    pytest.param("The price increase is hard to swallow.", id="hard-to-swallow"),
    pytest.param("Onboarding took way longer than promised.", id="longer-than-promised"),
    pytest.param("The admin screens are confusing.", id="confusing"),
])
def test_plain_quality_complaints_score_clearly_negative(sentence: str) -> None:
    assert score_sentence(sentence) <= -STRONG


@pytest.mark.parametrize("sentence", [
    pytest.param("培训做得很到位。", id="zh-thorough"),
    pytest.param("功能挺全的。", id="zh-complete"),
    pytest.param("The sync has been really reliable.", id="reliable"),
    pytest.param("Setup was painless.", id="painless"),
])
def test_plain_quality_praise_scores_clearly_positive(sentence: str) -> None:
    assert score_sentence(sentence) >= STRONG


@pytest.mark.parametrize("sentence", [
    pytest.param("贵司的方案我们看过了。", id="zh-your-company"),
    pytest.param("您贵姓？", id="zh-your-name"),
    pytest.param("感谢您的耐心等待", id="zh-thanks-for-waiting"),
    pytest.param("春节期间我司放假，期间邮件回复可能延迟。", id="zh-holiday-notice"),
])
def test_words_that_only_look_like_quality_words_stay_neutral(sentence: str) -> None:
    assert abs(score_sentence(sentence)) < STRONG


@pytest.mark.parametrize("sentence", [
    pytest.param("用下来效率提高了不少，就是价格有点贵。", id="zh-result-but-pricey"),
    pytest.param("功能挺全的，但是操作太复杂了。", id="zh-complete-but-complex"),
    pytest.param("The sync has been reliable, but the admin screens are confusing.", id="en"),
])
def test_a_plain_stance_and_a_plain_complaint_in_one_sentence_are_both_counted(sentence: str) -> None:
    scores = sentence_scores(sentence)
    assert len(scores) == 2 and scores[0] >= STRONG and scores[1] <= -STRONG
    assert label_for(scores)[0] == "mixed"


@pytest.mark.parametrize(("text", "label"), [
    pytest.param("Rep: How is the rollout going?\nCustomer: We've already rolled it out to two more "
                 "teams.\nCustomer: Can you send the invoice for the new seats?", "positive", id="en-results"),
    pytest.param("销售：最近用得怎么样？\n客户：用下来效率提高了不少。\n客户：发票麻烦寄到新地址。",
                 "positive", id="zh-results"),
    pytest.param("Rep: How is the rollout going?\nCustomer: We've already rolled it out to two more "
                 "teams.\nCustomer: But the sync broke again and nobody has replied in a week.",
                 "mixed", id="en-results-and-complaint"),
])
def test_the_touchpoint_label_counts_a_plain_stance(text: str, label: str) -> None:
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel="call", direction="inbound",
                            occurred_at=datetime(2026, 3, 2, 10, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(touchpoint, ExtractionContext(catalog=CompetitorCatalog()))
    assert insights.sentiment is not None and insights.sentiment.label == label


@pytest.mark.parametrize("sentence", [
    pytest.param("我们不会续约。", id="zh-will-not-renew"),
    pytest.param("这个价格超出我们的预算了。", id="zh-over-budget"),
    pytest.param("已经跟你们反馈三次了。", id="zh-reported-three-times"),
    pytest.param("销售都不愿意用。", id="zh-unwilling-to-use"),
    pytest.param("This is the third ticket I've opened about this.", id="third-ticket"),
    pytest.param("Our reps refuse to use it.", id="refuse-to-use"),
    pytest.param("Nobody on the team actually uses it.", id="nobody-uses-it"),
    pytest.param("We've been waiting three weeks for a fix.", id="waiting-weeks"),
    pytest.param("The price went up 30% with no warning.", id="no-warning"),
    pytest.param("We're paying for features we don't use.", id="paying-for-unused"),
])
def test_plain_complaints_without_feeling_words_score_clearly_negative(sentence: str) -> None:
    assert score_sentence(sentence) <= -STRONG


@pytest.mark.parametrize(("sentence", "positive"), [
    pytest.param("The demo went really well.", True, id="went-really-well"),
    pytest.param("The rollout is not going well.", False, id="not-going-well"),
    pytest.param("The reps picked it up in a day.", True, id="picked-it-up"),
    pytest.param("培训之后大家上手很快。", True, id="zh-quick-to-learn"),
    pytest.param("客户提了两次需求。", False, id="zh-asked-twice-is-no-complaint"),
])
def test_plain_results_and_their_negations(sentence: str, positive: bool) -> None:
    score = score_sentence(sentence)
    assert (score >= STRONG) if positive else (-STRONG < score < STRONG)


@pytest.mark.parametrize("sentence", [
    pytest.param("Honestly the pricing is higher than Hubspot's offer by about 20%.", id="higher-than"),
    pytest.param("Your quote came in well above what Pipedrive offered.", id="came-in-above"),
    pytest.param("报价比别家高了不少。", id="zh-quote-above-others"),
    pytest.param("价格比我们现在用的高30%。", id="zh-price-above-current"),
])
def test_a_price_said_to_be_above_another_is_a_complaint(sentence: str) -> None:
    assert score_sentence(sentence) <= -STRONG


def test_praise_then_a_price_above_another_is_mixed() -> None:
    scores = sentence_scores("We love the product, but the renewal quote is 40% higher than last year.")
    assert label_for(scores)[0] == "mixed"
    assert abs(score_sentence("Our close rate is higher than last year.")) < STRONG


@pytest.mark.parametrize(("sentence", "positive"), [
    pytest.param("We've decided to go with you.", True, id="go-with-you"),
    pytest.param("We decided to go with Gong.", False, id="go-with-another"),
    pytest.param("We went with your competitor.", False, id="went-with-your-competitor"),
    pytest.param("We won't be going with you.", False, id="not-going-with-you"),
    pytest.param("How soon can we get started?", True, id="how-soon-can-we-start"),
    pytest.param("You're our first choice.", True, id="first-choice"),
    pytest.param("就定你们家了。", True, id="zh-chose-you"),
    pytest.param("我们决定用钉钉。", False, id="zh-chose-another"),
    pytest.param("我们想尽快开始。", True, id="zh-start-soon"),
    pytest.param("请尽快上线修复。", False, id="zh-fix-soon-is-a-request"),
    pytest.param("我们准备把华南区也加进来。", True, id="zh-bring-in-a-region"),
])
def test_choosing_us_and_wanting_to_start_is_positive(sentence: str, positive: bool) -> None:
    assert (score_sentence(sentence) >= STRONG) is positive


@pytest.mark.parametrize(("sentence", "positive"), [
    pytest.param("The mobile app has been a hit with the team", True, id="a-hit"),
    pytest.param("Our VP wants to meet your CEO to talk about a bigger partnership.", True, id="partnership"),
    pytest.param("我们打算下个月把剩下两个事业部也上线。", True, id="zh-more-divisions"),
    pytest.param("我们销售总监想跟你们老板见个面，聊下战略合作", True, id="zh-strategic-partnership"),
    pytest.param("我们暂时不考虑长期合作。", False, id="zh-no-long-term-partnership"),
])
def test_wider_adoption_and_partnership_are_positive(sentence: str, positive: bool) -> None:
    assert (score_sentence(sentence) >= STRONG) is positive


@pytest.mark.parametrize(("sentence", "neutral"), [
    pytest.param("Got it, I'll check the billing error and then send the mapping sheet.", True,
                 id="check-the-error"),
    pytest.param("Right, please refund the duplicate charge.", True, id="refund-the-charge"),
    pytest.param("Action item: Dana to open a ticket for the export bug next Tuesday.", True,
                 id="ticket-for-the-bug"),
    pytest.param("Can you fix the sync bug? It's been broken for three weeks and we're losing deals.",
                 False, id="task-with-a-complaint"),
    pytest.param("The export bug is really frustrating.", False, id="the-bug-itself"),
])
def test_a_task_whose_object_is_a_defect_is_no_complaint(sentence: str, neutral: bool) -> None:
    assert (abs(score_sentence(sentence)) < STRONG) is neutral
