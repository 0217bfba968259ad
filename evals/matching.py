"""Similarity of short phrases in English or Chinese, and one-to-one matching by it.

Similarity is the better of two views: rapidfuzz's token-set ratio (word order and extra words
matter little, good for English) and the Dice coefficient of character bigrams (no word
segmentation needed, good for Chinese). Matching is one-to-one and optimal by exhaustive search
for the short lists a touchpoint has (up to 6 a side), greedy by score beyond that; pairs below
MATCH_THRESHOLD never match.
"""

from __future__ import annotations

import itertools
import re

from rapidfuzz import fuzz

MATCH_THRESHOLD = 0.5  # below this two phrases are not the same item
_NOISE = re.compile(r"[\s\W_]+", re.U)
_STOP = re.compile(r"\b(the|a|an|to|of|for|and|our|your|their|my|me|you|we|us|it|this|that|"
                   r"will|i'll|we'll|please|by|on|with|in|be)\b", re.I)


def _bigrams(text: str) -> set[str]:
    squashed = _NOISE.sub("", text.casefold())
    if len(squashed) < 2:
        return {squashed} if squashed else set()
    return {squashed[i : i + 2] for i in range(len(squashed) - 1)}


def similarity(a: str, b: str) -> float:
    """0..1; 1 for the same phrase."""
    if not a or not b:
        return 0.0
    x, y = _bigrams(_STOP.sub(" ", a)) or _bigrams(a), _bigrams(_STOP.sub(" ", b)) or _bigrams(b)
    dice = 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0
    token = fuzz.token_set_ratio(_STOP.sub(" ", a.casefold()), _STOP.sub(" ", b.casefold())) / 100
    return max(dice, token if re.search(r"[A-Za-z]", a + b) else 0.0)


def match_pairs(gold: list[str], predicted: list[str], *, threshold: float = MATCH_THRESHOLD
                ) -> list[tuple[int, int, float]]:
    """One-to-one (gold index, predicted index, similarity) pairs maximizing total similarity."""
    if not gold or not predicted:
        return []
    scores = [[similarity(g, p) for p in predicted] for g in gold]
    if len(gold) * len(predicted) <= 64 and min(len(gold), len(predicted)) <= 6:
        best: list[tuple[int, int, float]] = []
        best_total = -1.0
        small, large = (gold, predicted) if len(gold) <= len(predicted) else (predicted, gold)
        for chosen in itertools.permutations(range(len(large)), len(small)):
            pairs = [(i, j) if small is gold else (j, i) for i, j in enumerate(chosen)]
            kept = [(g, p, scores[g][p]) for g, p in pairs if scores[g][p] >= threshold]
            total = sum(s for _, _, s in kept)
            if total > best_total:
                best, best_total = kept, total
        return sorted(best)
    candidates = sorted(((scores[g][p], g, p) for g in range(len(gold))
                         for p in range(len(predicted)) if scores[g][p] >= threshold),
                        reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for score, g, p in candidates:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p, score))
    return sorted(pairs)
