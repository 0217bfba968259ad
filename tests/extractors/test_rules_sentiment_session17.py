"""Session 17 sentiment classes: a curt last word after a complaint, trouble counted or timed
without a feeling word, a threat to take the business elsewhere, more of the same ordered in
plain words, and business words a lexicon misreads as feelings (en and zh)."""

from __future__ import annotations

import pytest

from extractors.rules.contrast import sentence_scores
from extractors.rules.cues import cues_of
from extractors.rules.curt import is_curt, settle_curt
from tests.extractors.test_rules_labels import sentiment_of


def _score(text: str) -> float:
    return max(sentence_scores(text, cues_of(text)), key=abs)


@pytest.mark.parametrize("text", [
    "This is the fourth cancelled delivery since March.",
    "That's the second invoice with a missing purchase order.",
    "We've had five outages since the migration.",
    "It has been nine days.",
    "Three hours now.",
    "I sat on hold thirty minutes this morning.",
    "Nobody has looked at the ticket.",
    "You changed the rota without telling anyone.",
    "If the auditor flags this, that's on you.",
    "We may move the catering contract to another supplier in June.",
    "You said the same thing back in October.",
    "上个月也是这样，货到了一半。",
    "这是第三批了。",
    "又漏了两箱。",
    "跟你们沟通了两周了，还是老样子。",
    "十天了还没人回电话。",
    "客户都投诉了，你们这样合适吗？",
    "明明已经付了款，为什么还在催？",
    "希望这次真的能按时到。",
    "下季度的量我们先给别家试一试。",
    "门禁还是显示离线，保安只能手动开门。",
    "这周的转化率掉到2%了，上周还有5%。",
    "再这样下去我们只能换一家了。",
    "报表又空了，这是怎么回事？",
    "Love finding out about the outage from our own customers.",
    "Love paying for the same delivery slot twice.",
], ids=lambda t: t[:32])
def test_trouble_counted_timed_or_threatened_is_negative(text: str) -> None:
    assert _score(text) <= -0.3


@pytest.mark.parametrize("text", [
    "We'd like the same package for our Leeds office.",
    "We'll take it.",
    "We're moving two more clinics over to the new scheduler next month.",
    "The routing rule your team set up is working.",
    "That's exactly the service we pay for.",
    "再来三箱，还是周五送。",
    "下个月我准备加一倍。",
    "新开的两家店也按现在这个方案做。",
    "门口排队的人少多了。",
    "审核一次就过了。",
    "We finally got board approval for the second phase!",
    "The self-service portal cut the calls to our front desk.",
    "I'd love learning more about the analytics module.",  # a sincere wish, not sarcasm
    "店员都说好用。",
], ids=lambda t: t[:32])
def test_more_of_the_same_and_plain_results_are_positive(text: str) -> None:
    assert _score(text) >= 0.3


@pytest.mark.parametrize("text", [
    "This is the third year we have used your payroll service.",  # counted, but no trouble
    "That's the second site we've rolled out this quarter.",
    "Your team is working on the export.",  # working on it: no result yet
    "Following up on the loyalty programme import.",  # a programme, not loyalty
    "Our spring bestseller list is attached (8 titles).",  # "8)" is no emoticon
    "Could you send a photo of the cutting die?",  # a tool, not death
    "参会的人再加两个。",  # more attendees, not an order
    "想问一下垃圾分类的新规定什么时候执行？",  # refuse sorting, not a verdict
    "有个问题想确认一下：报价含税吗？",
    "送货单上麻烦备注一下订单号。",
    "还行，就是饲料价格又调了。",
    "成本降到了原来的一半。",  # a cost down is no fall
    "合同还是老样子走对公。",  # as before, not still broken
    "We'd appreciate a corrected statement by Friday.",  # a polite request
    "I would also like to understand why the certificate was missing.",
    "Parties: the buyer and the supplier.",
    "Status changed from Pending to Solved.",  # a ticket field
    "Priority: Low | Type: Question",
    "Her line manager approval is attached.",  # process nouns
    "Shortlisted bids go to the board before each award round.",
    "The new rate is effective 1 July, at face value.",
    "great ty",  # chat acknowledgement
    "Will you need the alarm panel code for block C?",
    "The trust cannot accept liability for statements made by the sender.",
    "Have you got approval for the renewal yet?",  # asks, does not report
    "The new portal hasn't cut the calls at all.",
    "We need to have sign-off for the budget first.",
], ids=lambda t: t[:32])
def test_what_only_sounds_like_a_stance_stays_near_neutral(text: str) -> None:
    assert abs(_score(text)) < 0.3


@pytest.mark.parametrize(("text", "curt"), [
    ("Fine.", True), ("OK, fine.", True), ("Whatever.", True), ("行吧。", True), ("随便吧", True),
    ("算了", True), ("Fine, Tuesday at ten works for me.", False), ("Fine by me, thanks!", False),
    ("好的，谢谢。", False), ("That's fine.", False),
], ids=lambda t: str(t)[:24])
def test_a_curt_word_is_the_whole_sentence(text: str, curt: bool) -> None:
    assert is_curt(text) is curt


def test_a_curt_close_after_a_complaint_makes_the_label_negative() -> None:
    scored = [("The technician never showed up.", -0.4), ("We lost a morning.", 0.0),
              ("Okay.", 0.0), ("Fine.", 0.0)]
    assert settle_curt("neutral", scored, 0.3) == "negative"
    assert settle_curt("mixed", scored, 0.3) == "negative"


@pytest.mark.parametrize(("label", "scored"), [
    ("neutral", [("Can we move the call to Friday?", 0.0), ("Fine.", 0.0), ("Send the invite.", 0.0)]),
    ("neutral", [("Fine.", 0.0), ("The order is for six units.", 0.0), ("Ship them Monday.", 0.0),
                 ("Thanks.", 0.0)]),  # curt word early, not the last word
    ("positive", [("The dashboards are slow.", -0.1), ("The rollout went great.", 0.6), ("Fine.", 0.0)]),
    ("neutral", [("My main concern is data residency.", -0.25), ("Fine.", 0.0), ("Send the DPA.", 0.0)]),
], ids=["no-complaint", "not-at-the-end", "praise-beside-a-mild-gripe", "a-worry-is-no-complaint"])
def test_a_curt_word_without_a_complaint_before_it_changes_nothing(label: str, scored: list) -> None:
    assert settle_curt(label, scored, 0.3) == label  # type: ignore[arg-type]


@pytest.mark.parametrize("turns", [
    [("customer", "The printer you installed is broken again."), ("rep", "I can send a tech Thursday."),
     ("customer", "Fine.")],
    [("customer", "你们装的打印机又坏了。"), ("rep", "周四给您派师傅。"), ("customer", "行吧。")],
], ids=["en", "zh"])
def test_a_touchpoint_ending_curtly_after_a_problem_is_negative(turns: list) -> None:
    assert sentiment_of(turns).label == "negative"


@pytest.mark.parametrize("turns", [
    [("customer", "Can we do the review on Thursday instead?"), ("rep", "Thursday at ten?"), ("customer", "Fine.")],
    [("customer", "周四开会可以吗？"), ("rep", "周四上午十点？"), ("customer", "行吧。")],
], ids=["en", "zh"])
def test_a_curt_word_after_logistics_stays_neutral(turns: list) -> None:
    assert sentiment_of(turns).label == "neutral"
