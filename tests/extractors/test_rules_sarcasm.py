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
