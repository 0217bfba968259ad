"""Praise conceded, then a problem opened by "but" in the next sentence: the touchpoint is mixed.
A count of things that run ("six campaigns running") is no streak of failures."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.learned.reading import SentenceReading
from extractors.learned.sentiment import SentimentOptions, learned_sentiment
from extractors.rules.concession import CONCESSION_SCORE, is_turn, read_concessions
from extractors.rules.contrast import sentence_scores
from extractors.rules.cues import cues_of
from extractors.rules.sentences import Sentence
from extractors.rules.sentiment import score_sentence
from tests.extractors.test_rules_labels import sentiment_of


@pytest.mark.parametrize(("text", "turns"), [
    ("But two of the pallets came without labels.", True),
    ("However, the invoice still lists the old unit price.", True),
    ("- Ms Okoye: but the night shift never got the new login.", True),
    ("但是有三台打印机一直连不上。", True),
    ("不过发过来的颜色和样品差了不少。", True),
    ("But could you send the manual as a PDF?", False),
    ("But it's not a big deal, we can live with it.", False),
    ("However, overall the team is happy.", False),
    ("But the go-live has to happen before the audit in May.", False),
    ("不过问题不大，下次注意就行。", False),
    ("但是能不能把报表改成按周导出？", False),
    ("不过要求必须在月底前交付。", False),
    ("The new dashboard loads much faster.", False),
], ids=["en-but-missing-labels", "en-however-old-price", "en-note-line-with-speaker",
        "zh-danshi-printers", "zh-buguo-colour", "en-but-question", "en-waved-off", "en-overall-praise",
        "en-a-condition", "zh-waved-off", "zh-a-request", "zh-a-requirement", "en-no-turn"])
def test_a_turn_opens_with_a_contrast_and_raises_a_problem(text: str, turns: bool) -> None:
    assert is_turn(text) is turns


@pytest.mark.parametrize(("turns", "label"), [
    ([("customer", "The crew who fitted the kitchen were tidy and quick, we loved working with them."),
      ("customer", "But two of the cabinet doors were hung crooked and nobody came back to adjust them.")],
     "mixed"),
    ([("customer", "新的排班小程序非常好用，店长们都很满意。"),
      ("customer", "但是上周的工资条有三个人的加班时长没算进去。")], "mixed"),
    ([("customer", "The new dashboard is excellent, our managers check it every morning."),
      ("customer", "But could you add a filter by region?")], "positive"),
    ([("customer", "The pilot went really well and the drivers like the app."),
      ("customer", "But the rollout has to wait until the board meets in June.")], "positive"),
    ([("customer", "The trays arrived on Monday."),
      ("customer", "But the lids are a different colour from the sample.")], "neutral"),
], ids=["en-praise-then-but", "zh-praise-then-danshi", "en-praise-then-a-question",
        "en-praise-then-a-timing-caveat", "en-no-praise-before"])
def test_a_turn_after_praise_makes_the_touchpoint_mixed(turns: list[tuple[str, str]], label: str) -> None:
    sentiment = sentiment_of(turns, channel="chat")
    assert sentiment is not None and sentiment.label == label


def test_only_the_same_speakers_praise_opens_a_turn() -> None:
    scored = [("a", 0.8), ("b", 0.0)]
    texts = ["Your installers were great.", "But the gate code was wrong twice."]
    assert read_concessions(scored, texts, ["Rep", "Customer"])[1][1] == 0.0
    assert read_concessions(scored, texts, ["Customer", "Customer"])[1][1] == CONCESSION_SCORE


def _reading(text: str, start: int, positive: float, negative: float) -> SentenceReading:
    return SentenceReading(Sentence(text, start, start + len(text), "customer", "Dana", None),
                           {"other": 1.0}, {"positive": positive, "neutral": 1 - positive - negative,
                                            "negative": negative})


def test_the_combined_label_reads_the_turn_too() -> None:
    praise = "The onboarding sessions were excellent and the team picked it up fast."
    turn = "But the March invoice charged us for forty seats instead of thirty."
    text = f"{praise} {turn}"
    tp = Touchpoint(id="tp", tenant_id="t", channel="email", direction="inbound",
                    occurred_at=datetime(2026, 3, 2, tzinfo=UTC), text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    readings = [_reading(praise, 0, 0.9, 0.0), _reading(turn, len(praise) + 1, 0.2, 0.1)]
    options = SentimentOptions(strong=0.35, mixed_balance=0.3, rules_weight=0.8, rules_floor=0.8,
                               min_words=3)
    sentiment = learned_sentiment(tp, readings, options, score_sentence, None, sentence_scores)
    assert sentiment is not None and sentiment.label == "mixed"


@pytest.mark.parametrize(("text", "negative"), [
    ("Search ads: six campaigns running, spend on target.", False),
    ("- Display: 3 creatives running this week", False),
    ("The export has failed four nights running.", True),
    ("That's the third payroll in a row with wrong totals.", True),
], ids=["campaigns-running", "creatives-running", "nights-running", "in-a-row"])
def test_a_count_of_running_things_is_no_streak(text: str, negative: bool) -> None:
    [score] = sentence_scores(text, cues_of(text))
    assert (score < 0) is negative
