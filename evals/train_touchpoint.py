"""Train the touchpoint-level sentiment classifier (extractors/learned/touchpoint.py); `make train`.

One row per gold item of the tuning splits (evals/sentence_harvest.py TUNING_SPLITS; never test,
blind5 or blind6): the features the combined extractor computes (mean embeddings of the
customer's and of all sentences the classifiers read, channel, language) and the item's gold
sentiment label. Multinomial logistic regression, class-balanced, C = TOUCHPOINT_C. The card
records a leave-one-split-out accuracy of the classifier alone: each tuning split scored by a
model fit on the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from evals.dataset import load_dataset, to_touchpoint
from evals.sentence_harvest import TUNING_SPLITS
from evals.sentence_set import DATASETS
from extractors.learned.classifier import SentenceClassifier
from extractors.learned.encoder import encode_sentences
from extractors.learned.reading import SentenceReading, touchpoint_sentences
from extractors.learned.sentiment import customer_readings
from extractors.learned.touchpoint import (
    TOUCHPOINT_C,
    TOUCHPOINT_SENTIMENT_MODEL,
    touchpoint_features,
)


def touchpoint_rows(data_dir: Path = DATASETS
                    ) -> tuple[np.ndarray, list[str], list[str], list[str]]:
    """(features, gold labels, split names, item ids) of every item of the tuning splits there."""
    features, labels, splits, ids = [], [], [], []
    for name in TUNING_SPLITS:
        if not (data_dir / name).is_file():
            continue
        for item in load_dataset(data_dir / name):
            if item.path is not None or not item.expected.get("sentiment"):
                continue
            touchpoint = to_touchpoint(item)
            sentences = touchpoint_sentences(touchpoint)
            embeddings = encode_sentences([s.text for s in sentences])
            readings = [SentenceReading(s, {}, {}, embeddings[i]) for i, s in enumerate(sentences)]
            features.append(touchpoint_features(touchpoint, readings, customer_readings(readings)))
            labels.append(str(item.expected["sentiment"]))
            splits.append(name.removesuffix(".jsonl"))
            ids.append(item.id)
    return np.asarray(features, np.float32), labels, splits, ids


def fit_touchpoint_sentiment(x: np.ndarray, y: list[str]) -> SentenceClassifier:
    from evals.train_learned import _fit, classifier_of

    return classifier_of(TOUCHPOINT_SENTIMENT_MODEL, _fit(x, y, TOUCHPOINT_C))


def train_touchpoint_sentiment(data_dir: Path = DATASETS
                               ) -> tuple[SentenceClassifier, dict[str, Any]]:
    x, y, splits, _ = touchpoint_rows(data_dir)
    held_out: dict[str, float] = {}
    for name in sorted(set(splits)):
        train = [i for i, s in enumerate(splits) if s != name]
        test = [i for i, s in enumerate(splits) if s == name]
        if len({y[i] for i in train}) < 2:
            continue
        model = fit_touchpoint_sentiment(x[train], [y[i] for i in train])
        predicted = np.array(model.classes)[model.probabilities(x[test]).argmax(axis=1)]
        held_out[name] = round(float(np.mean(predicted == np.array([y[i] for i in test]))), 4)
    classifier = fit_touchpoint_sentiment(x, y)
    card = {"classes": list(classifier.classes), "C": TOUCHPOINT_C, "items": len(y),
            "items_by_split": {s: splits.count(s) for s in sorted(set(splits))},
            "labels": {c: y.count(c) for c in classifier.classes},
            "leave_one_split_out_accuracy": held_out}
    return classifier, card
