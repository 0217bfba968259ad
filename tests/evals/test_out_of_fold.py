"""Out-of-fold dev readings: each dev item is read by classifiers that never saw its sentences."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from evals.out_of_fold import FOLDS, fold_classifiers, fold_of, reading_out_of_fold
from evals.sentence_set import DATASETS

pytestmark = pytest.mark.slow  # embeds sentences with the bundled encoder


def test_folds_are_stable_and_split_the_dev_items():
    ids = [json.loads(line)["id"] for line in (DATASETS / "dev.jsonl").read_text().splitlines()]
    folds = [fold_of(i) for i in ids]
    assert folds == [fold_of(i) for i in ids] and set(folds) == set(range(FOLDS))


def test_a_folds_classifiers_are_trained_without_that_folds_sentences(tmp_path: Path, monkeypatch):
    import evals.train_learned as training

    data = tmp_path / "sentences"
    data.mkdir()
    rows = []
    for split in ("train", "dev"):
        lines = (DATASETS / "sentences" / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
        random.Random(split).shuffle(lines)
        kept = [r for r in lines if '"gold:' in r][:60] + [r for r in lines if '"template:' in r][:80]
        (data / f"{split}.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
        rows += [json.loads(r) for r in kept]
    trained_on: list[int] = []
    fit = training._fit
    monkeypatch.setattr(training, "_fit", lambda x, y, c: (trained_on.append(len(y)), fit(x, y, c))[1])
    models = fold_classifiers(data)
    expected = []
    for fold in range(FOLDS):
        outside = [r for r in rows if not (r["source"].startswith("gold:")
                                           and fold_of(r["source"][5:]) == fold)]
        expected += [sum(1 for r in outside if r["role"]), sum(1 for r in outside if r["sentiment"]),
                     sum(1 for r in outside if r["source"].startswith("gold:"))]  # the pain model
    assert trained_on == expected and len(models) == 3 * FOLDS
    assert len(set(trained_on[::3])) > 1  # the folds really leave different items out


def test_reading_out_of_fold_puts_the_shipped_reader_back():
    from extractors.learned import extractor

    original, model = extractor.read_touchpoints, extractor.CombinedExtractor._touchpoint_model
    with reading_out_of_fold({}, lambda touchpoint: "x", {}):
        assert extractor.read_touchpoints is not original
        assert extractor.CombinedExtractor._touchpoint_model is not model
    assert extractor.read_touchpoints is original
    assert extractor.CombinedExtractor._touchpoint_model is model


def test_a_folds_touchpoint_model_is_trained_without_that_folds_items(tmp_path: Path, monkeypatch):
    import evals.train_touchpoint as training
    from evals.out_of_fold import fold_touchpoint_models

    lines = (DATASETS / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:24]
    (tmp_path / "dev.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids = [json.loads(line)["id"] for line in lines]
    trained_on: list[int] = []
    fit = training.fit_touchpoint_sentiment
    monkeypatch.setattr(training, "fit_touchpoint_sentiment",
                        lambda x, y: (trained_on.append(len(y)), fit(x, y))[1])
    models = fold_touchpoint_models(tmp_path)
    assert sorted(models) == list(range(FOLDS))
    assert trained_on == [sum(1 for i in ids if fold_of(i) != fold) for fold in range(FOLDS)]
