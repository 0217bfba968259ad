"""The touchpoint sentiment variants evals/touchpoint_loso.py compares, the shipped one first.

Each is a feature set (from what the combined extractor already computes: the sentences'
embeddings, their sentence-classifier probabilities and roles, the rules' polarity, the sentence
label), a regularization C and a blend. The fifth session of 2026-12-01 tried these; only the
blend changed what ships (extractors/learned/touchpoint.py says why).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from evals.touchpoint_loso import Features, Variant, is_courtesy, score_sentence
from evals.train_touchpoint import TuningTouchpoint
from extractors.learned.encoder import DIMENSIONS
from extractors.learned.extractor import LearnedOptions
from extractors.learned.reading import SentenceReading
from extractors.learned.sentiment import customer_readings, sentence_polarity
from extractors.learned.touchpoint import touchpoint_features

LABELS = ("mixed", "negative", "neutral", "positive")
ROLES = ("complaint", "objection", "buying_signal", "question", "request", "commitment")
OPTIONS = LearnedOptions().sentiment
STRONG = OPTIONS.strong


def _customer(row: TuningTouchpoint) -> list[SentenceReading]:
    return customer_readings(row.readings) or row.readings


def shipped(row: TuningTouchpoint, label: str) -> np.ndarray:
    """What ships: mean embeddings of the customer's and all sentences, channel, language."""
    return touchpoint_features(row.touchpoint, row.readings, customer_readings(row.readings))


def _polarity_stats(row: TuningTouchpoint, rules: bool) -> np.ndarray:
    customer = _customer(row)
    if not customer:
        return np.zeros(16)
    negative = np.array([r.sentiment["negative"] for r in customer])
    positive = np.array([r.sentiment["positive"] for r in customer])
    options = OPTIONS if rules else replace(OPTIONS, rules_weight=0.0, rules_floor=0.0)
    polarity = np.array([sentence_polarity(r, options, score_sentence if rules else None,
                                           is_courtesy if rules else None) for r in customer])
    return np.array([negative.mean(), positive.mean(), negative.max(), positive.max(),
                     (negative > 0.5).mean(), (positive > 0.5).mean(),
                     polarity.mean(), polarity.min(), polarity.max(),
                     (polarity <= -STRONG).mean(), (polarity >= STRONG).mean(),
                     float((polarity <= -STRONG).any() and (polarity >= STRONG).any()),
                     polarity[0], polarity[-1], negative[-1], positive[-1]])


def sentence_sentiment(row: TuningTouchpoint, label: str) -> np.ndarray:
    """The sentence classifier's probabilities over the customer's sentences: means, maxima,
    shares past 0.5, polarity extremes, the first and last sentence."""
    return _polarity_stats(row, rules=False)


def rules_sentiment(row: TuningTouchpoint, label: str) -> np.ndarray:
    """The same with the rules' lexicon score in each polarity (the extractor's polarity)."""
    return _polarity_stats(row, rules=True)


def roles(row: TuningTouchpoint, label: str) -> np.ndarray:
    """Max and mean role probabilities (complaint, objection, buying signal, ...) of the customer."""
    customer = _customer(row)
    if not customer:
        return np.zeros(2 * len(ROLES))
    p = np.array([[r.roles[n] for n in ROLES] for r in customer])
    return np.concatenate([p.max(axis=0), p.mean(axis=0)])


def counts(row: TuningTouchpoint, label: str) -> np.ndarray:
    """log(1 + customer sentences) and the customer's share of the sentences."""
    customer = customer_readings(row.readings)
    return np.array([np.log1p(len(customer)), len(customer) / max(1, len(row.readings))])


def sentence_label(row: TuningTouchpoint, label: str) -> np.ndarray:
    """The sentence label (with the rules), one-hot: lets the regression learn how far to trust
    it — on the splits the rules were written on, too far."""
    return np.array([float(label == c) for c in LABELS])


def leaning(row: TuningTouchpoint, label: str) -> np.ndarray:
    """The customer's embeddings weighted by how far each sentence leans (1 - P(neutral))."""
    customer = _customer(row)
    if not customer:
        return np.zeros(DIMENSIONS)
    weights = np.array([1.0 - r.sentiment["neutral"] for r in customer]) + 1e-3
    return np.asarray(np.sum([w * r.embedding for w, r in zip(weights, customer, strict=True)],
                             axis=0) / weights.sum())


def extremes(row: TuningTouchpoint, label: str) -> np.ndarray:
    """Embeddings of the customer's most negative and most positive sentence."""
    customer = _customer(row)
    if not customer:
        return np.zeros(2 * DIMENSIONS)
    negative = max(customer, key=lambda r: r.sentiment["negative"])
    positive = max(customer, key=lambda r: r.sentiment["positive"])
    return np.concatenate([negative.embedding, positive.embedding])


def ends(row: TuningTouchpoint, label: str) -> np.ndarray:
    """Embeddings of the customer's first and last sentence (opener, closing)."""
    customer = _customer(row)
    if not customer:
        return np.zeros(2 * DIMENSIONS)
    return np.concatenate([customer[0].embedding, customer[-1].embedding])


def max_pool(row: TuningTouchpoint, label: str) -> np.ndarray:
    customer = _customer(row)
    if not customer:
        return np.zeros(DIMENSIONS)
    return np.asarray(np.max([r.embedding for r in customer], axis=0))


def joined(*parts: Features) -> Features:
    def features(row: TuningTouchpoint, label: str) -> np.ndarray:
        return np.concatenate([part(row, label) for part in parts])
    return features


VARIANTS = [
    Variant("shipped", shipped),
    Variant("shipped, blend 0.4 (before)", shipped, blend=0.4),
    Variant("shipped, blend 0.3", shipped, blend=0.3),
    Variant("shipped, blend 0.1", shipped, blend=0.1),
    Variant("shipped, blend 0", shipped, blend=0.0),
    Variant("shipped, C 3", shipped, c=3.0),
    Variant("shipped, C 30", shipped, c=30.0),
    Variant("shipped, C 100", shipped, c=100.0),
    Variant("shipped, not balanced", shipped, balanced=False),
    Variant("+sentence sentiment", joined(shipped, sentence_sentiment)),
    Variant("+sentence sentiment+roles", joined(shipped, sentence_sentiment, roles, counts)),
    Variant("+sentence label, blend 0 (leaks)", joined(shipped, sentence_sentiment, sentence_label),
            blend=0.0),
    Variant("+rules sentiment (leaks)", joined(shipped, rules_sentiment)),
    Variant("+rules+label, blend 0 (leaks)", joined(shipped, rules_sentiment, sentence_label),
            blend=0.0),
    Variant("+leaning mean", joined(shipped, leaning)),
    Variant("+leaning+max pool", joined(shipped, leaning, max_pool)),
    Variant("+extremes", joined(shipped, extremes)),
    Variant("+first and last", joined(shipped, ends)),
]
