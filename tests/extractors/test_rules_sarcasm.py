"""Praise alone after a complaint is sarcasm; polite tails, declining help and lukewarm 还行 are no
praise; a price rise said plainly is a complaint."""

from __future__ import annotations

import pytest

from extractors.rules.contrast import sentence_scores
from extractors.rules.cues import cues_of
from tests.extractors.test_rules_labels import sentiment_of


@pytest.mark.parametrize(("turns", "label"), [
    ([("customer", "Fourth time I'm explaining this to a new person."), ("customer", "Fantastic.")],
     "negative"),
    ([("customer", "Your system has been down for us since seven this morning."),
      ("customer", '"Working on it." Great.')], "negative"),
    ([("customer", "The rollout went smoothly."), ("customer", "Fantastic.")], "positive"),
    ([("customer", "Fantastic."), ("customer", "Fourth time I'm explaining this to a new person.")],
     "negative"),
    ([("customer", "Great, another price increase. Love that for us.")], "negative"),
], ids=["bare-praise-after-a-complaint", "quote-then-great", "praise-after-praise-stays",
        "bare-praise-before-a-complaint",
        "love-that-for-us"])
def test_sarcasm(turns, label: str) -> None:
    sentiment = sentiment_of(turns, channel="chat")
    assert sentiment is not None and sentiment.label == label


@pytest.mark.parametrize(("text", "sign"), [
    ("If you could get me the pricing by Thursday that would be ideal.", 0),
    ("No, we're good.", 0),
    ("That'd be great, the new dashboard is fantastic.", 1),
    ("年费又上调了。", -1),
    ("front desk is re-entering new patients by hand in the meantime", 0),
    ("ill bring priya from finance so we can do the pricing part", 0),
], ids=["polite-request-tail", "declining-help", "real-praise-stays", "zh-price-rise",
        "by-hand-is-no-praise", "chat-ill-is-i-will"])
def test_what_is_no_praise(text: str, sign: int) -> None:
    [score] = sentence_scores(text, cues_of(text))
    assert (score > 0) - (score < 0) == sign


@pytest.mark.parametrize(("text", "sign"), [
    ("Which is a fun thing to explain to the night manager.", -1),
    ("So that was fun.", -1),
    ("Perfect, only took three days and two escalations.", -1),
    ("I'm sure the patients enjoyed sitting in the lobby for an hour.", -1),
    ("Lovely way to start the quarter.", -1),
    ("到现在也没人回复，效率真高啊，服务真到位[微笑]", -1),
    ("The kickoff workshop was great fun, thanks!", 1),
    ("We had a fun offsite with your onboarding team.", 1),
    ("收到[微笑]", 0),
], ids=["which-is-a-fun", "that-was-fun", "only-took-days", "im-sure-they-enjoyed", "lovely-way-to-start",
        "zh-wechat-smile-after-praise", "sincere-fun-workshop", "sincere-fun-offsite", "zh-smile-on-an-ack"])
def test_fun_made_of_a_fault_is_sarcasm(text: str, sign: int) -> None:
    [score] = sentence_scores(text, cues_of(text))
    assert (score > 0) - (score < 0) == sign
