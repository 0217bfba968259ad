"""Phrase similarity in English and Chinese, and optimal one-to-one matching."""

from __future__ import annotations

import itertools

import pytest

from evals.matching import MATCH_THRESHOLD, match_pairs, similarity

SAME = [
    ("send the revised quote", "send you the revised quote"),
    ("data entry takes hours every week", "manual data entry is slow"),
    ("把报价发给客户", "把报价发给您"),
    ("发送报价单", "把报价单发过去"),
    ("确认预算", "确认一下预算"),
]
DIFFERENT = [
    ("book a demo with IT", "send the revised quote"),
    ("把报价发给客户", "安排技术交流"),
    ("系统经常卡顿", "价格太高了"),
    ("发送报价单", "发送合同"),
    ("send the contract", ""),
]


@pytest.mark.parametrize(("a", "b"), SAME, ids=[f"{a} ~ {b}" for a, b in SAME])
def test_paraphrases_reach_the_match_threshold(a: str, b: str):
    assert similarity(a, b) >= MATCH_THRESHOLD
    assert similarity(b, a) >= MATCH_THRESHOLD


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=[f"{a} !~ {b}" for a, b in DIFFERENT])
def test_different_actions_stay_below_the_match_threshold(a: str, b: str):
    assert similarity(a, b) < MATCH_THRESHOLD


def test_identical_phrases_are_fully_similar_in_both_languages():
    assert similarity("Send the quote", "send the quote") == 1.0
    assert similarity("安排演示", "安排演示") == 1.0


def test_a_duplicate_prediction_cannot_take_a_second_gold_item():
    assert match_pairs(["确认预算"], ["确认预算", "确认预算"]) == [(0, 0, 1.0)]
    assert match_pairs(["send the quote", "send the quote"], ["send the quote"]) == [
        (0, 0, 1.0)]


def test_empty_sides_match_nothing():
    assert match_pairs([], ["send the quote"]) == []
    assert match_pairs(["send the quote"], []) == []


PHRASES = ["send the pricing sheet", "send the security questionnaire",
           "send the pricing sheet and security questionnaire", "book a demo with IT",
           "schedule the IT demo", "confirm the budget", "发送报价单", "把报价单发过去", "确认预算"]


@pytest.mark.parametrize("seed", range(12), ids=lambda s: f"draw {s}")
def test_matching_maximizes_total_similarity_like_exhaustive_search(seed: int):
    gold = [PHRASES[(seed * 7 + k * 3) % len(PHRASES)] for k in range(3)]
    predicted = [PHRASES[(seed * 5 + k * 2 + 1) % len(PHRASES)] for k in range(4)]
    best = 0.0
    for chosen in itertools.permutations(range(len(predicted)), len(gold)):
        scores = [similarity(g, predicted[p]) for g, p in zip(gold, chosen, strict=True)]
        best = max(best, sum(s for s in scores if s >= MATCH_THRESHOLD))
    pairs = match_pairs(gold, predicted)
    assert sum(s for _, _, s in pairs) == pytest.approx(best)
    assert len({g for g, _, _ in pairs}) == len({p for _, p, _ in pairs}) == len(pairs)
