"""Sentence sentiment: business words VADER misreads, complaint phrases, Chinese negation."""

from __future__ import annotations

import pytest

from extractors.rules.contrast import sentence_scores
from extractors.rules.sentiment import label_for, score_sentence

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


# failures and refusals said plainly, in phrasings the lexicon has no feeling word for
PLAIN_FAILURE = [
    pytest.param("The nightly sync stopped running on Tuesday.", id="stopped-running"),
    pytest.param("Every export times out after ten minutes.", id="times-out"),
    pytest.param("Our invoices got duplicated again.", id="got-duplicated"),
    pytest.param("This is the fourth time the webhook has failed.", id="fourth-time"),
    pytest.param("They closed my ticket without fixing the login.", id="closed-without-fixing"),
    pytest.param("We were charged for 12 seats but we only use 9.", id="charged-but-only"),
    pytest.param("Our CFO can't justify that renewal price.", id="cannot-justify"),
    pytest.param("Finance won't approve a two-year commitment.", id="wont-approve-not-approval"),
    pytest.param("We don't plan to renew in June.", id="dont-plan-to-renew"),
    pytest.param("Honestly the admin console is a nightmare.", id="nightmare"),
    pytest.param("Dashboards not loading for anyone in the EU office.", id="not-loading-headline"),
    pytest.param("报表导出老出问题。", id="zh-keeps-failing"),
    pytest.param("说好的师傅上门，到现在人都没来。", id="zh-nobody-came"),
    pytest.param("这个条款我们接受不了。", id="zh-cannot-accept"),
]

# acknowledgements, emoticons and record names that sound like a feeling but are not one
NOT_A_STANCE = [
    pytest.param("Sounds good, we'll review the draft internally.", id="sounds-good-then-task"),
    pytest.param("No problem, I'll forward it to procurement.", id="no-problem-then-task"),
    pytest.param("Perfect, I'll make sure our admin joins the call.", id="perfect-then-promise"),
    pytest.param("Does it export to Excel? lol", id="excel-and-lol"),
    pytest.param("Can you see my screen okay? :)", id="okay-and-smiley"),
    pytest.param("Our crash reports go to the on-call channel.", id="crash-reports-as-records"),
    pytest.param("Yeah, right, we'll check the contract terms tomorrow.", id="yeah-right-not-sarcasm"),
    pytest.param("没问题，我这周把会议纪要发给您。", id="zh-no-problem-then-task"),
]

APPROVAL_AND_EAGERNESS = [
    pytest.param("Our director signed off on the rollout.", id="signed-off"),
    pytest.param("We're leaning towards you for the support team.", id="leaning-towards-you"),
    pytest.param("We're ready to move forward with the pilot.", id="ready-to-move-forward"),
    pytest.param("The new inbox has been a game changer.", id="game-changer"),
    pytest.param("预算已经批下来了。", id="zh-budget-approved"),
    pytest.param("工单系统帮了大忙。", id="zh-a-big-help"),
]


@pytest.mark.parametrize("sentence", PLAIN_FAILURE)
def test_plain_failures_and_refusals_score_negative(sentence: str) -> None:
    assert score_sentence(sentence) <= -0.3


@pytest.mark.parametrize("sentence", NOT_A_STANCE)
def test_acknowledgements_and_chat_noise_are_not_a_stance(sentence: str) -> None:
    assert abs(score_sentence(sentence)) < 0.3


@pytest.mark.parametrize("sentence", APPROVAL_AND_EAGERNESS)
def test_approval_and_eagerness_score_positive(sentence: str) -> None:
    assert score_sentence(sentence) >= 0.3


@pytest.mark.parametrize("sentence", [
    pytest.param("We'd love to have dropdown fields like we had in Zendesk.", id="feature-wish"),
    pytest.param("Ya still waiting on my boss.", id="waiting-on-our-own-side"),
    pytest.param("客户要求删除他的全部信息，麻烦三个工作日内处理。", id="zh-polite-request-with-a-deadline"),
])
def test_wishes_own_delays_and_polite_requests_are_not_feelings(sentence: str) -> None:
    assert abs(score_sentence(sentence)) < 0.3


def test_waiting_on_the_vendor_is_still_a_complaint() -> None:
    assert score_sentence("We're still waiting for a reply from your support team.") <= -0.3


@pytest.mark.parametrize("sentence", [
    pytest.param("The summaries are really good, but the mobile app crashed twice.", id="en-praise-but-crash"),
    pytest.param("The pilot went well overall, but our reps found the add-on slow to load.", id="en-pilot-but-slow"),
    pytest.param("功能更完整，但价格贵了一倍。", id="zh-more-complete-but-twice-the-price"),
])
def test_praise_conceded_before_a_complaint_counts_on_both_sides(sentence: str) -> None:
    scores = sentence_scores(sentence)
    assert len(scores) == 2 and scores[0] >= 0.3 and scores[1] <= -0.3


@pytest.mark.parametrize("sentence", [
    pytest.param("We nearly lost the deal, but your deal alerts saved it.", id="complaint-then-reassurance"),
    pytest.param("We like it, but no decision yet.", id="praise-then-a-hedge"),
    pytest.param("It works, but can you send the invoice again?", id="praise-then-a-request"),
])
def test_a_contrast_without_a_conceded_praise_and_a_complaint_is_one_reading(sentence: str) -> None:
    assert len(sentence_scores(sentence)) == 1


def test_a_sentence_holding_both_sides_makes_the_label_mixed() -> None:
    assert label_for(sentence_scores("The summaries are really good, but the app crashed twice."))[0] \
        == "mixed"


@pytest.mark.parametrize("sentence", [
    pytest.param("We can't sign until legal reviews the DPA.", id="a-condition-is-not-a-no"),
    pytest.param("Will there be a price increase next year?", id="a-question-about-price"),
    pytest.param("It took two days to set up, which was fine.", id="a-duration-is-not-a-wait"),
    pytest.param("Perfect, I'll make sure our IT admin is on that call.", id="make-sure-is-a-promise"),
])
def test_process_talk_near_complaint_words_is_not_a_complaint(sentence: str) -> None:
    assert abs(score_sentence(sentence)) < 0.3


def test_doubt_still_damps_the_praise_it_doubts() -> None:
    assert score_sentence("Not sure the team will like it.") < 0.3


# what customers write on social media and in chats: sarcasm, churn threats, lost data
SOCIAL_AND_CHAT_COMPLAINTS = [
    pytest.param("Love waiting on hold for 45 minutes just to get disconnected.", id="love-waiting"),
    pytest.param("Great job breaking the export again.", id="great-job-breaking"),
    pytest.param("Been a customer for 5 years and this is how you treat us?", id="how-you-treat-us"),
    pytest.param("Your latest update wiped all our saved filters.", id="wiped-our-data"),
    pytest.param("We'll be looking at alternatives at renewal.", id="looking-at-alternatives"),
    pytest.param("Nobody on my team uses it anymore.", id="nobody-uses-it-anymore"),
    pytest.param("@客服 三天了还没人处理，什么服务啊！", id="zh-nobody-handling"),
    pytest.param("真是谢谢你们了，又要重新导一遍。", id="zh-sarcastic-thanks"),
    pytest.param("客服电话一直打不通。", id="zh-cannot-get-through"),
    pytest.param("续约的时候我们会再看看别家。", id="zh-looking-elsewhere"),
    pytest.param("团队已经不怎么用了。", id="zh-hardly-used"),
]


@pytest.mark.parametrize("sentence", SOCIAL_AND_CHAT_COMPLAINTS)
def test_social_and_chat_complaints_score_negative(sentence: str) -> None:
    assert score_sentence(sentence) <= -0.3


def test_a_quick_fix_is_appreciated() -> None:
    assert score_sentence("Big thanks to Maria, she sorted it in minutes.") >= 0.3


def test_genuine_love_for_a_feature_is_not_sarcasm() -> None:
    assert score_sentence("We love being able to export in one click.") >= 0.3


def test_an_edition_name_is_not_praise() -> None:
    assert score_sentence("我们的接口调用一直报429，专业版的限额是多少？") == 0.0
    assert score_sentence("你们的客服很专业。") >= 0.3


@pytest.mark.parametrize("sentence", [
    pytest.param("10 is good", id="hour-is-good"),
    pytest.param("Tuesday at 3 works great!", id="day-at-hour-works"),
    pytest.param("Next Wednesday works for me.", id="next-day-works"),
    pytest.param("Sounds great, see you Thursday.", id="see-you-on-a-day"),
])
def test_agreeing_on_a_time_is_logistics_not_praise(sentence: str) -> None:
    assert score_sentence(sentence) == 0.0


@pytest.mark.parametrize("sentence", [
    pytest.param("The demo on Tuesday was great.", id="praise-of-a-dated-event"),
    pytest.param("Friday works great, thanks so much for the help!", id="time-then-praise"),
])
def test_praise_beside_a_time_still_counts(sentence: str) -> None:
    assert score_sentence(sentence) > 0.3
