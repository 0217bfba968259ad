"""Leave-one-split-out scores of the touchpoint sentiment decision: `python -m evals.touchpoint_loso`.

Each tuning split (evals/sentence_harvest.py TUNING_SPLITS, whatever it holds) is scored by a
touchpoint classifier fit on the others, its sentences read by sentence classifiers fit without
its gold sentences (evals/train_touchpoint.py `tuning_touchpoints`): the nearest the tuning data
come to text nobody has seen. Two decisions are scored: the classifier alone, and the label the
combined extractor ends with (the sentence label, the blend, the evidence check). The slow part
(encoding, the sentence classifiers) is done once and cached (`--cache`); variants of the
touchpoint model (features, C, blend) then take seconds each.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import statistics
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from evals.metrics import sentiment_metrics
from evals.sentence_harvest import TUNING_SPLITS
from evals.sentence_set import DATASETS
from evals.train_touchpoint import TuningTouchpoint, tuning_touchpoints
from extractors.learned.classifier import WEIGHTS_DIR
from extractors.learned.extractor import LearnedOptions
from extractors.learned.sentiment import learned_sentiment
from extractors.learned.touchpoint import BLEND, TOUCHPOINT_C, vote
from extractors.rules import contrast, courtesy, sentiment

CACHE = Path("reports") / "touchpoint-loso.pkl"
# the rules' sentence readings, memoized: every variant reads the same sentences again
score_sentence = lru_cache(maxsize=None)(sentiment.score_sentence)
is_courtesy = lru_cache(maxsize=None)(courtesy.is_courtesy)
sentence_scores = lru_cache(maxsize=None)(contrast.sentence_scores)
Features = Callable[[TuningTouchpoint, str], np.ndarray]  # (item, sentence label) -> row


@dataclass(frozen=True)
class Variant:
    name: str
    features: Features
    c: float = TOUCHPOINT_C
    blend: float = BLEND  # the sentence label's vote beside the classifier's probabilities
    balanced: bool = True


def _signature(data_dir: Path) -> str:
    """What the cached readings were computed from: the tuning splits, the sentence set and the
    sentence classifiers' C."""
    digest = hashlib.sha256()
    files = [data_dir / name for name in TUNING_SPLITS] + [
        data_dir / "sentences" / f"{s}.jsonl" for s in ("train", "dev")]
    for path in files:
        digest.update(path.name.encode() + (path.read_bytes() if path.is_file() else b""))
    card = json.loads((WEIGHTS_DIR / "model_card.json").read_text(encoding="utf-8"))
    digest.update(repr(sorted((n, m["C"]) for n, m in card["models"].items())).encode())
    return digest.hexdigest()


def base_rows(cache: Path | None = CACHE, data_dir: Path = DATASETS) -> list[TuningTouchpoint]:
    """The tuning items read out of split, from `cache` when it was written from the same data."""
    signature = _signature(data_dir)
    if cache is not None and cache.is_file():
        with cache.open("rb") as f:
            stored, rows = pickle.load(f)  # our own file, written below
        if stored == signature:
            return list(rows)
    rows = tuning_touchpoints(data_dir)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as f:
            pickle.dump((signature, rows), f)
    return rows


def sentence_label(row: TuningTouchpoint, rules: bool = True) -> str:
    """The combined extractor's label before the touchpoint reading (`rules` False: the
    sentence classifier's polarity alone, no lexicon score, courtesy or contrast rule)."""
    return combined_label(row, None, rules)


def combined_label(row: TuningTouchpoint, decide: Callable[[str], str] | None,
                   rules: bool = True) -> str:
    """The combined extractor's final label when the touchpoint reading decides `decide(label)`."""
    options = LearnedOptions().sentiment
    relabel = None if decide is None else (lambda label, customer: decide(label))
    if rules:
        sentiment = learned_sentiment(row.touchpoint, row.readings, options, score_sentence,
                                      is_courtesy, sentence_scores, relabel)
    else:
        sentiment = learned_sentiment(row.touchpoint, row.readings,
                                      replace(options, rules_weight=0.0, rules_floor=0.0),
                                      relabel=relabel)
    return sentiment.label if sentiment is not None else "neutral"


def _fit(x: np.ndarray, y: list[str], c: float, balanced: bool) -> Any:
    from sklearn.linear_model import LogisticRegression

    from evals.train_learned import SEED

    model = LogisticRegression(C=c, max_iter=5000, random_state=SEED,
                               class_weight="balanced" if balanced else None)
    return model.fit(x, y)


def evaluate(rows: list[TuningTouchpoint], variant: Variant,
             labels: dict[bool, list[str]] | None = None) -> dict[str, Any]:
    """Held-out predictions of every row and their scores: the classifier `alone`, the
    `combined` label (the sentence label with the rules, as the extractor reads it) and the
    combined label over the sentence classifier's label alone (`combined_nr`): the rules were
    written on the tuning splits' errors, so only the latter is a reading of unseen text.
    `labels`: the sentence labels with (True) and without (False) the rules, when known."""
    labels = labels or sentence_labels(rows)
    x = np.asarray([variant.features(r, s) for r, s in zip(rows, labels[True], strict=True)],
                   np.float64)
    alone, combined, combined_nr = [""] * len(rows), [""] * len(rows), [""] * len(rows)
    for split in sorted({r.split for r in rows}):
        train = [i for i, r in enumerate(rows) if r.split != split]
        model = _fit(x[train], [rows[i].label for i in train], variant.c, variant.balanced)
        classes = list(model.classes_)
        for i in (i for i, r in enumerate(rows) if r.split == split):
            p = model.predict_proba(x[i : i + 1])[0]
            alone[i] = classes[int(p.argmax())]

            def decide(label: str, p: np.ndarray = p, classes: list[str] = classes) -> str:
                return vote(p, classes, label, variant.blend)

            combined[i] = combined_label(rows[i], decide, rules=True)
            combined_nr[i] = combined_label(rows[i], decide, rules=False)
    return {"alone": scores(rows, alone), "combined": scores(rows, combined),
            "combined_nr": scores(rows, combined_nr)}


def sentence_labels(rows: list[TuningTouchpoint]) -> dict[bool, list[str]]:
    return {rules: [sentence_label(r, rules) for r in rows] for rules in (True, False)}


def scores(rows: list[TuningTouchpoint], predicted: list[str]) -> dict[str, Any]:
    """Accuracy and macro-F1 per held-out split, their mean and spread, and per language."""
    def of(keep: list[int]) -> dict[str, float]:
        m = sentiment_metrics([(rows[i].label, predicted[i]) for i in keep])
        return {"accuracy": m["accuracy"], "macro_f1": m["macro_f1"], "n": len(keep)}

    per_split = {s: of([i for i, r in enumerate(rows) if r.split == s])
                 for s in sorted({r.split for r in rows})}
    per_language = {lang: of([i for i, r in enumerate(rows) if r.touchpoint.language == lang])
                    for lang in sorted({r.touchpoint.language for r in rows})}
    result: dict[str, Any] = {"splits": per_split, "languages": per_language}
    for metric in ("accuracy", "macro_f1"):
        values = [v[metric] for v in per_split.values()]
        result[metric] = statistics.mean(values)
        result[f"{metric}_sd"] = statistics.stdev(values) if len(values) > 1 else 0.0
    return result


DECISIONS = {"alone": "classifier alone", "combined": "combined (rules label)",
             "combined_nr": "combined (no rules)"}


def describe(name: str, result: dict[str, Any]) -> str:
    """One line per decision: mean ± split-to-split SD, then per split, then per language
    (accuracy/macro-F1)."""
    lines = []
    for decision, title in DECISIONS.items():
        if decision not in result:
            continue
        r = result[decision]
        splits = " ".join(f"{s} {v['accuracy']:.3f}/{v['macro_f1']:.3f}"
                          for s, v in r["splits"].items())
        languages = " ".join(f"{lang} {v['accuracy']:.3f}/{v['macro_f1']:.3f}"
                             for lang, v in r["languages"].items())
        lines.append(f"{name:26s} {title:22s} acc {r['accuracy']:.3f}±{r['accuracy_sd']:.3f} "
                     f"F1 {r['macro_f1']:.3f}±{r['macro_f1_sd']:.3f} | {splits} | {languages}")
    return "\n".join(lines)


def main() -> None:
    from evals.touchpoint_variants import VARIANTS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE,
                        help="where the read tuning items are kept (delete it after new data)")
    parser.add_argument("--variant", action="append", help="only these (default: all)")
    args = parser.parse_args()
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # a small shared machine: one BLAS thread fits 4x faster than two
    rows = base_rows(args.cache)
    labels = sentence_labels(rows)
    print(describe("sentence label", {"combined": scores(rows, labels[True]),
                                      "combined_nr": scores(rows, labels[False])}), flush=True)
    for variant in VARIANTS:
        if not args.variant or variant.name in args.variant:
            print(describe(variant.name, evaluate(rows, variant, labels)), flush=True)


if __name__ == "__main__":
    main()
