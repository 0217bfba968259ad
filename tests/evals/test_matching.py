"""Phrase similarity in English and Chinese, and optimal one-to-one matching."""

from __future__ import annotations

import itertools

import pytest

from evals.matching import MATCH_THRESHOLD, action_similarity, match_pairs, similarity

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


# a Chinese action cut from the text, and a gold action that adds what the text said elsewhere
CONTAINED = [
    ("安排人跟进一下", "安排人跟进发票抬头连续开错两次的那张工单"),
    ("给您答复是否排期", "答复语音质检导出功能的需求是否排期"),
    ("把具体时间给您", "提供门店收银机上门更换的具体时间"),
    ("讲一下方案", "在月底的季度经营分析会上讲方案"),
    ("发布补丁", "发布解决打印乱码问题的补丁"),
    ("出具事故报告", "运维负责人出具事故报告并抄送法务和财务"),
]
# the same object with another verb, or too little of its own, stays apart
NOT_CONTAINED = [
    ("提交索赔申请", "把索赔申请表发到客户手机"),
    ("发送", "发送报价单"),
    ("签合同", "把签好的合同寄回"),
    ("确认报价单", "把报价单发给财务"),
    ("寄发票", "开发票并寄到财务部"),
]


@pytest.mark.parametrize(("a", "b"), CONTAINED, ids=[f"{a} in {b}" for a, b in CONTAINED])
def test_a_chinese_action_held_by_a_longer_one_matches_it(a: str, b: str):
    assert similarity(a, b) < MATCH_THRESHOLD <= action_similarity(a, b)
    assert action_similarity(b, a) >= MATCH_THRESHOLD


@pytest.mark.parametrize(("a", "b"), NOT_CONTAINED, ids=[f"{a} !in {b}" for a, b in NOT_CONTAINED])
def test_an_action_with_another_verb_or_too_short_is_not_contained(a: str, b: str):
    assert action_similarity(a, b) < MATCH_THRESHOLD


@pytest.mark.parametrize(("a", "b"), SAME + DIFFERENT, ids=[f"{a} ? {b}" for a, b in SAME + DIFFERENT])
def test_action_similarity_never_lowers_plain_similarity(a: str, b: str):
    assert action_similarity(a, b) >= similarity(a, b)


def test_english_actions_keep_plain_similarity():
    assert action_similarity("send the quote", "send the revised quote for 40 seats to procurement") \
        == similarity("send the quote", "send the revised quote for 40 seats to procurement")
