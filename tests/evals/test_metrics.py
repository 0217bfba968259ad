"""Metric code against hand-computed cases."""

from collections import Counter

import pytest

from evals.matching import match_pairs, similarity
from evals.metrics import (
    ItemScore,
    aggregate,
    percentile,
    prf,
    score_next_steps,
    score_set,
    sentiment_metrics,
)


@pytest.mark.parametrize(("tp", "fp", "fn", "expected"), [
    (0, 0, 0, (1.0, 1.0, 1.0)),
    (0, 2, 0, (0.0, 1.0, 0.0)),
    (0, 0, 3, (0.0, 0.0, 0.0)),
    (2, 1, 1, (2 / 3, 2 / 3, 2 / 3)),
    (3, 0, 1, (1.0, 0.75, 6 / 7)),
], ids=["empty gold and prediction", "only false positives", "empty prediction",
        "balanced", "perfect precision"])
def test_precision_recall_f1(tp, fp, fn, expected):
    got = prf(tp, fp, fn)
    assert (got["precision"], got["recall"], got["f1"]) == pytest.approx(expected)


def test_competitor_sets_ignore_duplicates():
    counts, missed, extra = score_set(["HubSpot", "Zoho"], ["HubSpot", "HubSpot", "Gong"])
    assert counts == Counter(tp=1, fp=1, fn=1)
    assert (missed, extra) == (["Zoho"], ["Gong"])


def test_next_steps_match_one_to_one_then_score_owner_and_due():
    gold = [{"action": "send the revised quote", "owner": "rep", "due": "2026-03-04"},
            {"action": "book a demo with IT", "owner": "customer", "due": None}]
    predicted = [{"action": "send you the revised quote", "owner": "rep", "due": "2026-03-06"},
                 {"action": "send the revised quote again", "owner": "rep", "due": "2026-03-04"},
                 {"action": "book a demo with IT", "owner": "rep", "due": None}]
    counts, pairs = score_next_steps(gold, predicted)
    assert counts["tp"] == 2 and counts["fp"] == 1 and counts["fn"] == 0
    assert counts["owner_correct"] == 1 and counts["owner_total"] == 2
    assert len({p for _, p, _ in pairs}) == 2


def test_chinese_phrases_are_similar_without_segmentation():
    assert similarity("把报价发给客户", "把报价发给您") >= 0.5
    assert similarity("把报价发给客户", "安排技术交流") < 0.5
    assert match_pairs(["确认预算"], ["确认预算", "确认预算"]) == [(0, 0, 1.0)]


def test_sentiment_accuracy_macro_f1_and_confusion():
    pairs = [("positive", "positive"), ("negative", "neutral"), ("negative", "negative"),
             ("neutral", "neutral")]
    m = sentiment_metrics(pairs)
    assert m["accuracy"] == 0.75
    # per label F1: positive 1, negative 2/3, neutral 2/3
    assert m["macro_f1"] == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert m["confusion"]["negative"]["neutral"] == 1


def test_aggregate_sums_counts_before_ratios():
    a = ItemScore(id="a", language="en", channel="call",
                  counts={"competitors": Counter(tp=1, fp=0, fn=0)}, latency_ms=10)
    b = ItemScore(id="b", language="zh", channel="call",
                  counts={"competitors": Counter(tp=0, fp=1, fn=1)}, latency_ms=30)
    m = aggregate([a, b])
    assert m["competitors"]["precision"] == 0.5 and m["competitors"]["recall"] == 0.5
    assert m["latency_ms"] == {"p50": 10, "p95": 30}
    assert m["grounding_rate"] is None


def test_percentile_nearest_rank():
    assert percentile([], 50) is None
    assert percentile([1, 2, 3, 4], 50) == 2
    assert percentile(list(range(1, 101)), 95) == 95
