"""Our VADER compound score equals the stock analyzer's with the same lexicon, exactly.

On every sentence of the eval datasets (and each whole text), and on generated sentences that
combine VADER's own negations, boosters, idioms, special cases, "but", "least", "no", capitals
and punctuation around lexicon words, so every branch of its valence rules is exercised.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
)

from evals.dataset import load_dataset, to_touchpoint
from extractors.rules.en_lexicon import CODE_TOKENS, EXTRA_TERMS, NEUTRAL_WORDS
from extractors.rules.sentiment import _BUSINESS_NEUTRAL, _BUSINESS_TERMS, _vader
from extractors.rules.vader import compound

DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"
HAND_MADE = ["  Great :) ", "NOT good at ALL!!!", "kind of bad", "no good", "sort of ok",
             "not the least bit happy", "at least it is good", "good but bad", "never so good",
             "Great 👍 thanks", "I don't think it's terrible", "", "   ", "?!", "good??", "bad????",
             "GOOD good", "VERY good", "very GOOD product", "no or nor good", "without doubt good",
             "the bomb is good", "yeah right, great", "kind of", "but", "good but but bad",
             "at very least good", "least good", "no, no good", "It was good... but, bad!!"]


@pytest.fixture(scope="module")
def stock() -> SentimentIntensityAnalyzer:
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(_BUSINESS_TERMS)
    analyzer.lexicon.update(EXTRA_TERMS)
    for word in (*_BUSINESS_NEUTRAL, *NEUTRAL_WORDS, *CODE_TOKENS):
        analyzer.lexicon.pop(word, None)
    return analyzer


def _dataset_texts() -> list[str]:
    found: list[str] = []
    for split in ("dev", "test", "composed-dev", "composed-test"):
        for item in load_dataset(DATASETS / f"{split}.jsonl"):
            text = to_touchpoint(item).text
            found += [text, *re.split(r"(?<=[.!?。！？\n])", text)]
    return found


def _generated(count: int) -> list[str]:
    """Sentences of VADER's modifier words around lexicon words, in every case and with
    punctuation, seeded so a failure can be reproduced."""
    rng = random.Random(11)
    lexicon = sorted(_vader().lexicon)
    modifiers = [*NEGATE, *BOOSTER_DICT, *SPECIAL_CASES, "no", "or", "nor", "least", "at", "very",
                 "never", "so", "this", "without", "doubt", "but", "kind", "of", "the", "we", "it"]
    shapes = [str.lower, str.upper, str.capitalize, str]
    found = []
    for _ in range(count):
        words = [rng.choice(lexicon if rng.random() < 0.4 else modifiers)
                 for _ in range(rng.randint(1, 9))]
        words = [rng.choice(shapes)(w) + rng.choice(["", "", "", ",", "!", "?", "...", "'"])
                 for w in words]
        found.append(" ".join(words))
    return found


def test_compound_matches_the_stock_analyzer_on_the_eval_texts(
        stock: SentimentIntensityAnalyzer) -> None:
    ours = _vader()
    differences = [t for t in _dataset_texts() + HAND_MADE
                   if compound(t, ours) != stock.polarity_scores(t)["compound"]]
    assert differences == []


def test_compound_matches_the_stock_analyzer_on_generated_sentences(
        stock: SentimentIntensityAnalyzer) -> None:
    ours = _vader()
    texts = _generated(20000)
    differences = [t for t in texts if compound(t, ours) != stock.polarity_scores(t)["compound"]]
    assert differences == []
    assert sum(stock.polarity_scores(t)["compound"] != 0 for t in texts) > len(texts) // 3


def test_a_sentence_without_lexicon_words_scores_zero_without_scoring() -> None:
    assert compound("Send the contract by Thursday.", _vader()) == 0.0
