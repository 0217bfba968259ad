"""Out-of-fold readings of the tuning splits: honest dev scores for the learned layer.

The shipped classifiers are trained on the tuning splits' sentences (dev, blind, ..., blind4),
so scoring `learned` or `combined` on them reads sentences the classifiers have already seen
(5-10 points too high). Here the items are split into FOLDS by a hash of their id; the items of each fold are read
by classifiers trained (same C as shipped, same data otherwise) without that fold's sentences.
The touchpoint sentiment classifier, trained on the tuning splits' gold labels, is swapped the
same way for one fit without the fold's items. The thresholds of `LearnedOptions` were chosen on
these readings.

    python -m evals.out_of_fold --extractor combined --report reports/oof-combined
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.models import Touchpoint
from evals.sentence_harvest import GOLD_SOURCE
from evals.sentence_set import DATASETS, load_sentence_split
from extractors.learned import reading
from extractors.learned.classifier import (
    PAIN_MODEL,
    ROLES_MODEL,
    SENTIMENT_MODEL,
    WEIGHTS_DIR,
    SentenceClassifier,
)

FOLDS = 4


def fold_of(item_id: str) -> int:
    """The fold (0..FOLDS-1) of a dev item, stable across runs and machines."""
    return int(hashlib.md5(item_id.encode(), usedforsecurity=False).hexdigest(), 16) % FOLDS


def fold_classifiers(data_dir: Path | None = None) -> dict[tuple[int, str], SentenceClassifier]:
    """(fold, model name) -> classifiers trained on train+dev sentences minus that fold's items
    (the roles, sentiment and pain models)."""
    from evals.train_learned import _embed, _fit, classifier_of, fit_sentence_models, pain_rows

    card = json.loads((WEIGHTS_DIR / "model_card.json").read_text(encoding="utf-8"))
    c = {name: float(card["models"][name]["C"]) for name in (ROLES_MODEL, SENTIMENT_MODEL)}
    load = (lambda s: load_sentence_split(s, data_dir)) if data_dir else load_sentence_split
    rows = load("train") + load("dev")
    embedded = _embed(rows)
    models: dict[tuple[int, str], SentenceClassifier] = {}
    for fold in range(FOLDS):
        kept = [i for i, r in enumerate(rows)
                if not (r.source.startswith(GOLD_SOURCE) and fold_of(r.source[len(GOLD_SOURCE):]) == fold)]
        for name, model in fit_sentence_models(embedded, kept, c).items():
            models[(fold, name)] = model
        rows_kept, labels = pain_rows([rows[i] for i in kept])
        fitted = _fit(embedded.embeddings[[kept[i] for i in rows_kept]], labels,
                      card["pain"]["C"])
        models[(fold, PAIN_MODEL)] = classifier_of(PAIN_MODEL, fitted)
    return models


def fold_touchpoint_models(data_dir: Path = DATASETS) -> dict[int, SentenceClassifier]:
    """fold -> touchpoint sentiment classifier trained on the tuning items outside that fold."""
    from evals.train_touchpoint import fit_touchpoint_sentiment, touchpoint_rows

    x, y, _, ids = touchpoint_rows(data_dir)
    models = {}
    for fold in range(FOLDS):
        kept = [i for i, item in enumerate(ids) if fold_of(item) != fold]
        models[fold] = fit_touchpoint_sentiment(x[kept], [y[i] for i in kept])
    return models


@contextmanager
def reading_out_of_fold(models: dict[tuple[int, str], SentenceClassifier],
                        item_of: Callable[[Touchpoint], str],
                        touchpoint_models: dict[int, SentenceClassifier] | None = None
                        ) -> Iterator[None]:
    """Within the block, the learned extractors read each touchpoint with its fold's models
    (the sentence classifiers, and the touchpoint sentiment classifier when given)."""
    from extractors.learned import extractor

    def read(touchpoints: list[Touchpoint]) -> list[list[reading.SentenceReading]]:
        out = []
        for touchpoint in touchpoints:
            fold = fold_of(item_of(touchpoint))
            sentences = reading.touchpoint_sentences(touchpoint)
            embeddings = reading.encode_sentences([s.text for s in sentences])
            out.append(reading.read_sentences(sentences, embeddings, models[(fold, ROLES_MODEL)],
                                              models[(fold, SENTIMENT_MODEL)],
                                              models[(fold, PAIN_MODEL)]))
        return out

    original, shipped = extractor.read_touchpoints, extractor.CombinedExtractor._touchpoint_model
    extractor.read_touchpoints = read  # type: ignore[assignment]
    if touchpoint_models is not None:
        extractor.CombinedExtractor._touchpoint_model = (  # type: ignore[method-assign]
            lambda self, touchpoint: touchpoint_models[fold_of(item_of(touchpoint))])
    try:
        yield
    finally:
        extractor.read_touchpoints = original  # type: ignore[assignment]
        extractor.CombinedExtractor._touchpoint_model = shipped  # type: ignore[method-assign]


def main() -> None:
    from assistant.bootstrap import build_extractor
    from assistant.config import Settings
    from evals.dataset import dataset_catalog
    from evals.harness import run_eval
    from evals.report import write_reports

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DATASETS / "dev.jsonl")
    parser.add_argument("--extractor", default="combined", choices=("learned", "combined"))
    parser.add_argument("--report", type=Path, required=True)
    args = parser.parse_args()
    by_uri = {}  # eval items given by `path` carry their file's uri, not "eval:<id>"
    from evals.dataset import load_dataset
    for item in load_dataset(args.dataset):
        if item.path is not None:
            by_uri[str(item.path)] = item.id

    def item_of(touchpoint: Touchpoint) -> str:
        uri = touchpoint.source.uri
        return uri.removeprefix("eval:") if uri.startswith("eval:") else by_uri.get(uri, uri)

    with reading_out_of_fold(fold_classifiers(), item_of, fold_touchpoint_models()):
        result = run_eval(args.dataset, build_extractor(Settings(), args.extractor),
                          catalog=dataset_catalog(args.dataset))
    for path in write_reports(result, args.report):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
