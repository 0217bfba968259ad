"""Train the touchpoint-level sentiment classifier (extractors/learned/touchpoint.py); `make train`.

One row per gold item of the tuning splits (evals/sentence_harvest.py TUNING_SPLITS; never test,
blind5 or blind6): the features the combined extractor computes (mean embeddings of the
customer's and of all sentences the classifiers read, channel, language, the customer's hashed
words; extractors/learned/touchpoint.py) and the item's gold
sentiment label. Multinomial logistic regression, class-balanced, C = TOUCHPOINT_C. The card
records a leave-one-split-out accuracy and macro-F1 of the classifier alone: each tuning split
scored by a model fit on the others. `tuning_touchpoints` reads the same items the way unseen
text is read (sentence classifiers fit without the item's split): evals/touchpoint_loso.py scores
the combined label on it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.models import Touchpoint
from evals.dataset import GoldItem, load_dataset, to_touchpoint
from evals.sentence_harvest import GOLD_SOURCE, TUNING_SPLITS
from evals.sentence_set import DATASETS, load_sentence_split
from evals.train_learned import ENCODE_BATCH, Split
from extractors.learned.classifier import (
    ROLES_MODEL,
    SENTIMENT_MODEL,
    WEIGHTS_DIR,
    SentenceClassifier,
)
from extractors.learned.encoder import DIMENSIONS, encode_sentences
from extractors.learned.reading import SentenceReading, read_sentences, touchpoint_sentences
from extractors.learned.sentiment import customer_readings
from extractors.learned.touchpoint import (
    BLEND,
    TOUCHPOINT_C,
    TOUCHPOINT_SENTIMENT_MODEL,
    touchpoint_features,
)


@dataclass(frozen=True)
class TuningTouchpoint:
    """One gold item of a tuning split, read by sentence classifiers that never saw its split."""

    id: str
    split: str
    label: str
    touchpoint: Touchpoint
    readings: list[SentenceReading]


def tuning_items(data_dir: Path = DATASETS) -> list[tuple[str, GoldItem]]:
    """(split name, item) of every tuning-split item there, text given inline."""
    return [(name.removesuffix(".jsonl"), item) for name in TUNING_SPLITS
            if (data_dir / name).is_file()
            for item in load_dataset(data_dir / name) if item.path is None]


def split_out_classifiers(splits: list[str], split_of: dict[str, str], embedded: Split,
                          c: dict[str, float]) -> dict[tuple[str, str], SentenceClassifier]:
    """(split, model name) -> the sentence classifier fit on the sentence set without the gold
    sentences of that split's items: what the shipped one is to text it has not seen."""
    from evals.train_learned import fit_sentence_models

    models = {}
    for split in splits:
        kept = [i for i, r in enumerate(embedded.rows)
                if split_of.get(r.source.removeprefix(GOLD_SOURCE)) != split]
        for name, model in fit_sentence_models(embedded, kept, c).items():
            models[(split, name)] = model
    return models


def tuning_touchpoints(data_dir: Path = DATASETS, embedded: Split | None = None,
                       c: dict[str, float] | None = None) -> list[TuningTouchpoint]:
    """Every sentiment-labelled tuning item, its sentences read out of split: by the sentence
    classifiers fit without its split's gold sentences (`embedded`: the sentence set's train+dev
    rows, embedded; `c`: each model's C; both default to the shipped set and card)."""
    from evals.train_learned import _embed

    if embedded is None:
        embedded = _embed(load_sentence_split("train") + load_sentence_split("dev"))
    if c is None:
        card = json.loads((WEIGHTS_DIR / "model_card.json").read_text(encoding="utf-8"))
        c = {name: float(model["C"]) for name, model in card["models"].items()}
    items = tuning_items(data_dir)
    split_of = {item.id: split for split, item in items}
    labelled = [(split, item) for split, item in items if item.expected.get("sentiment")]
    models = split_out_classifiers(sorted({s for s, _ in labelled}), split_of, embedded, c)
    touchpoints = [to_touchpoint(item) for _, item in labelled]
    sentences = [touchpoint_sentences(t) for t in touchpoints]
    flat = [s.text for ss in sentences for s in ss]
    embeddings = np.vstack([encode_sentences(flat[i : i + ENCODE_BATCH])
                            for i in range(0, len(flat), ENCODE_BATCH)] or
                           [np.zeros((0, DIMENSIONS), np.float32)])
    rows, at = [], 0
    for (split, item), touchpoint, ss in zip(labelled, touchpoints, sentences, strict=True):
        readings = read_sentences(ss, embeddings[at : at + len(ss)], models[(split, ROLES_MODEL)],
                                  models[(split, SENTIMENT_MODEL)])
        at += len(ss)
        rows.append(TuningTouchpoint(item.id, split, str(item.expected["sentiment"]), touchpoint,
                                     readings))
    return rows


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
    from evals.metrics import sentiment_metrics

    x, y, splits, _ = touchpoint_rows(data_dir)
    accuracy: dict[str, float] = {}
    macro_f1: dict[str, float] = {}
    for name in sorted(set(splits)):
        train = [i for i, s in enumerate(splits) if s != name]
        test = [i for i, s in enumerate(splits) if s == name]
        if len({y[i] for i in train}) < 2:
            continue
        model = fit_touchpoint_sentiment(x[train], [y[i] for i in train])
        predicted = np.array(model.classes)[model.probabilities(x[test]).argmax(axis=1)]
        scores = sentiment_metrics([(y[i], str(p)) for i, p in zip(test, predicted, strict=True)])
        accuracy[name] = round(float(scores["accuracy"]), 4)
        macro_f1[name] = round(float(scores["macro_f1"]), 4)
    classifier = fit_touchpoint_sentiment(x, y)
    card = {"classes": list(classifier.classes), "C": TOUCHPOINT_C, "blend": BLEND,
            "items": len(y), "items_by_split": {s: splits.count(s) for s in sorted(set(splits))},
            "labels": {c: y.count(c) for c in classifier.classes},
            "leave_one_split_out_accuracy": accuracy,
            "leave_one_split_out_macro_f1": macro_f1}
    return classifier, card
