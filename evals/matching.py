"""Similarity of short phrases in English or Chinese, and one-to-one matching by it.

Similarity needs no word segmentation. Text with Latin letters takes the better of rapidfuzz's
token-set ratio (word order and extra words matter little) and the Dice coefficient of character
bigrams; Chinese-only text takes the mean of character and character-bigram Dice, with function
characters (的, 了, 我, 把, ...) dropped. Matching is one-to-one and optimal: scipy's
`linear_sum_assignment` (the Hungarian method) maximizes the total similarity of the kept pairs,
so a prediction that is a near-duplicate of another can never take a second gold item. Pairs
below MATCH_THRESHOLD never match.
"""

from __future__ import annotations

import re

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

MATCH_THRESHOLD = 0.5  # below this two phrases are not the same item
_NOISE = re.compile(r"[\s\W_]+", re.U)
_STOP = re.compile(r"\b(the|a|an|to|of|for|and|our|your|their|my|me|you|we|us|it|this|that|"
                   r"will|i'll|we'll|please|by|on|with|in|be)\b", re.I)
_LATIN = re.compile(r"[A-Za-z]")
_HAN_STOP = re.compile(r"[的了我们你您他她是在和把就都也会要吧呢啊嗯请给一下个这那]")


def _bigrams(text: str) -> set[str]:
    squashed = _NOISE.sub("", text.casefold())
    if len(squashed) < 2:
        return {squashed} if squashed else set()
    return {squashed[i : i + 2] for i in range(len(squashed) - 1)}


def _dice(x: set[str], y: set[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _han_similarity(a: str, b: str) -> float:
    """Mean of character and character-bigram Dice, function characters dropped.

    Bigrams alone punish reordered paraphrases ("发送报价单" / "把报价单发过去"); characters
    alone over-reward shared common words; the mean of the two separates both well.
    """
    x, y = _HAN_STOP.sub("", a), _HAN_STOP.sub("", b)
    chars_x, chars_y = set(_NOISE.sub("", x.casefold())), set(_NOISE.sub("", y.casefold()))
    return (_dice(chars_x, chars_y) + _dice(_bigrams(x), _bigrams(y))) / 2


def similarity(a: str, b: str) -> float:
    """0..1; 1 for the same phrase. Stop words are ignored unless nothing else is left."""
    if not a.strip() or not b.strip():
        return 0.0
    if not _LATIN.search(a + b):
        return _han_similarity(a, b) or _dice(_bigrams(a), _bigrams(b))
    x = _bigrams(_STOP.sub(" ", a)) or _bigrams(a)
    y = _bigrams(_STOP.sub(" ", b)) or _bigrams(b)
    dice = _dice(x, y)
    token = fuzz.token_set_ratio(_STOP.sub(" ", a.casefold()), _STOP.sub(" ", b.casefold())) / 100
    return max(dice, token)


def match_pairs(gold: list[str], predicted: list[str], *, threshold: float = MATCH_THRESHOLD
                ) -> list[tuple[int, int, float]]:
    """One-to-one (gold index, predicted index, similarity) pairs maximizing total similarity."""
    if not gold or not predicted:
        return []
    scores = np.array([[similarity(g, p) for p in predicted] for g in gold])
    usable = np.where(scores >= threshold, scores, 0.0)
    rows, cols = linear_sum_assignment(usable, maximize=True)
    return sorted((int(g), int(p), float(scores[g, p]))
                  for g, p in zip(rows, cols, strict=True) if scores[g, p] >= threshold)
