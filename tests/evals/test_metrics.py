"""Metric code against hand-computed cases."""

from __future__ import annotations

from collections import Counter

import pytest

from evals.metrics import (
    ItemScore,
    aggregate,
    flatten,
    per_name_counts,
    percentile,
    prf,
    same_due,
    score_next_steps,
    score_set,
    score_similar,
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


def test_competitor_names_compare_ignoring_case_and_space():
    counts, missed, extra = score_set(["HubSpot"], ["hubspot ", "Gong"])
    assert counts == Counter(tp=1, fp=1, fn=0) and (missed, extra) == ([], ["Gong"])
    assert per_name_counts(["HubSpot"], ["hubspot"]) == {"HubSpot": Counter(tp=1, fp=0, fn=0)}


@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    ([], [], Counter()),
    ([], ["Gong"], Counter(fp=1)),
    (["Gong"], [], Counter(fn=1)),
], ids=["empty gold and prediction", "empty gold", "empty prediction"])
def test_competitor_sets_at_the_edges(gold, predicted, expected):
    counts, _, _ = score_set(gold, predicted)
    assert +counts == expected


def test_competitor_macro_averages_over_canonical_names_not_mentions():
    # HubSpot found in 3 of 3 items, Zoho missed once and never predicted:
    # micro recall 3/4; macro recall (1 + 0) / 2.
    items = [ItemScore(id=str(i), language="en", channel="call",
                       counts={"competitors": score_set(gold, ["HubSpot"])[0]},
                       by_competitor=per_name_counts(gold, ["HubSpot"]))
             for i, gold in enumerate([["HubSpot"], ["HubSpot"], ["HubSpot", "Zoho"]])]
    m = aggregate(items)
    assert m["competitors"]["recall"] == 0.75
    assert m["competitors"]["macro_recall"] == 0.5
    # Zoho never predicted but missed: its precision is 0, not undefined
    assert m["competitors"]["macro_precision"] == 0.5
    assert m["competitors_by_name"]["Zoho"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                                "support": 1}
    assert "competitors_by_name.Zoho" not in flatten(m)


def test_next_steps_match_one_to_one_then_score_owner_and_due():
    gold = [{"action": "send the revised quote", "owner": "rep", "due": "2026-03-04"},
            {"action": "book a demo with IT", "owner": "customer", "due": None}]
    predicted = [{"action": "send you the revised quote", "owner": "rep", "due": "2026-03-06"},
                 {"action": "send the revised quote again", "owner": "rep", "due": "2026-03-04"},
                 {"action": "book a demo with IT", "owner": "rep", "due": None}]
    counts, pairs = score_next_steps(gold, predicted)
    assert counts["tp"] == 2 and counts["fp"] == 1 and counts["fn"] == 0
    assert counts["owner_correct"] == 1 and counts["owner_total"] == 2
    assert counts["due_total"] == 2
    assert len({p for _, p, _ in pairs}) == 2


def test_owner_and_due_accuracy_are_computed_on_matched_pairs_only():
    gold = [{"action": "把报价发给客户", "owner": "rep", "due": "2026-03-11"},
            {"action": "确认预算", "owner": "customer", "due": "2026-03-09"}]
    predicted = [{"action": "把报价发给您", "owner": "Rep", "due": "2026-03-11"},
                 {"action": "安排技术交流", "owner": "customer", "due": "2026-03-09"}]
    counts, _ = score_next_steps(gold, predicted)
    m = aggregate([ItemScore(id="z", language="zh", channel="chat",
                             counts={"next_steps": counts})])["next_steps"]
    assert (m["precision"], m["recall"]) == (0.5, 0.5)
    assert m["owner_accuracy"] == 1.0 and m["due_accuracy"] == 1.0


def test_no_matched_next_steps_leaves_owner_and_due_accuracy_undefined():
    counts, _ = score_next_steps([{"action": "send the quote"}], [])
    m = aggregate([ItemScore(id="a", language="en", channel="call",
                             counts={"next_steps": counts})])["next_steps"]
    assert m["recall"] == 0.0 and m["owner_accuracy"] is None and m["due_accuracy"] is None


@pytest.mark.parametrize(("gold", "predicted", "same"), [
    ("2026-03-04", "2026-03-04", True),
    ("2026-03-04", "2026-03-04T00:00:00", True),
    (None, None, True),
    (None, "2026-03-04", False),
    ("2026-03-04", None, False),
], ids=["same date", "date and datetime", "no date on both", "invented date", "missed date"])
def test_due_dates_compare_as_iso_dates(gold, predicted, same):
    assert same_due(gold, predicted) is same


def test_pain_points_with_duplicate_predictions_count_one_hit_and_one_false_positive():
    counts, pairs = score_similar(["data entry takes hours every week"],
                                  ["data entry takes hours", "data entry takes hours"])
    assert counts == Counter(tp=1, fp=1, fn=0) and len(pairs) == 1


def test_sentiment_accuracy_macro_f1_and_confusion():
    pairs = [("positive", "positive"), ("negative", "neutral"), ("negative", "negative"),
             ("neutral", "neutral")]
    m = sentiment_metrics(pairs)
    assert m["accuracy"] == 0.75
    # per label F1: positive 1, negative 2/3, neutral 2/3
    assert m["macro_f1"] == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert m["confusion"]["negative"]["neutral"] == 1


def test_a_missing_sentiment_prediction_is_wrong_and_has_its_own_column():
    m = sentiment_metrics([("negative", "none"), ("negative", "negative")])
    assert m["accuracy"] == 0.5
    assert m["confusion"]["negative"]["none"] == 1
    assert "none" not in m["confusion"]  # never a gold row
    assert m["macro_f1"] == pytest.approx(2 / 3)  # negative: P 1, R 1/2


def test_aggregate_sums_counts_before_ratios():
    a = ItemScore(id="a", language="en", channel="call",
                  counts={"competitors": Counter(tp=1, fp=0, fn=0)}, latency_ms=10)
    b = ItemScore(id="b", language="zh", channel="call",
                  counts={"competitors": Counter(tp=0, fp=1, fn=1)}, latency_ms=30)
    m = aggregate([a, b])
    assert m["competitors"]["precision"] == 0.5 and m["competitors"]["recall"] == 0.5
    assert m["latency_ms"] == {"p50": 10, "p95": 30}
    assert m["grounding_rate"] is None


def test_grounding_rate_tokens_and_cost_sum_over_items():
    a = ItemScore(id="a", language="en", channel="call", grounded=3, evidence=4,
                  input_tokens=100, output_tokens=20, cost_usd=0.01)
    b = ItemScore(id="b", language="en", channel="call", grounded=1, evidence=1,
                  input_tokens=50, output_tokens=5, cost_usd=0.02)
    m = aggregate([a, b])
    assert m["grounding_rate"] == 0.8
    assert m["tokens"] == {"input": 150, "output": 25}
    assert m["cost_usd"] == pytest.approx(0.03)


def test_unlabelled_fields_are_absent_rather_than_perfect():
    m = aggregate([ItemScore(id="a", language="en", channel="call")])
    assert "competitors" not in m and "sentiment" not in m and "next_steps" not in m


def test_percentile_nearest_rank():
    assert percentile([], 50) is None
    assert percentile([1, 2, 3, 4], 50) == 2
    assert percentile(list(range(1, 101)), 95) == 95
