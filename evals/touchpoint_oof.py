"""Out-of-fold scores of the touchpoint sentiment decision: `python -m evals.touchpoint_oof`.

The leave-one-split-out run (evals/touchpoint_loso.py) fits the sentence classifiers once per
tuning split (~40 fits; an hour on a loaded 2-core machine). This one reads the tuning items the
way evals/out_of_fold.py does: FOLDS folds by a hash of the item id, the sentence classifiers
and the touchpoint classifier of each fold fit without its items (12 sentence fits). Scores are
per pool of the tuning splits (POOLS; the last, blind15+16+real1, never read, confirms), with
the mean over the readable pools first. The ninth session chose the hashed words and kept the
blend 0.2 on it (extractors/learned/touchpoint.py).
"""

from __future__ import annotations

import argparse
import pickle
import statistics
from collections.abc import Callable
from pathlib import Path

import numpy as np

from evals.dataset import load_dataset, to_touchpoint
from evals.metrics import sentiment_metrics
from evals.out_of_fold import FOLDS, fold_classifiers, fold_of
from evals.sentence_harvest import TUNING_SPLITS
from evals.sentence_set import DATASETS
from evals.touchpoint_loso import Variant, _fit, combined_label, sentence_labels
from evals.train_touchpoint import TuningTouchpoint
from extractors.learned import reading
from extractors.learned.classifier import PAIN_MODEL, ROLES_MODEL, SENTIMENT_MODEL
from extractors.learned.touchpoint import vote

CACHE = Path("reports") / "touchpoint-oof.pkl"
POOLS = {"old": ("dev", "blind", "blind2", "blind3", "blind4"),
         "b7_11": tuple(f"blind{n}" for n in range(7, 12)),
         "b12_14": ("blind12", "blind13", "blind14"), "b17_18": ("blind17", "blind18"),
         "b15_r1": ("blind15", "blind16", "real1")}
READABLE = ("old", "b7_11", "b12_14", "b17_18")


def oof_rows(cache: Path | None = CACHE, data_dir: Path = DATASETS) -> list[TuningTouchpoint]:
    """Every sentiment-labelled tuning item, read by the sentence classifiers of its fold (kept
    in `cache`; delete it after new data or new sentence classifiers)."""
    if cache is not None and cache.is_file():
        with cache.open("rb") as f:
            return list(pickle.load(f))  # our own file, written below
    models = fold_classifiers()
    rows = []
    for name in TUNING_SPLITS:
        if not (data_dir / name).is_file():
            continue
        for item in load_dataset(data_dir / name):
            if item.path is not None or not item.expected.get("sentiment"):
                continue
            touchpoint, fold = to_touchpoint(item), fold_of(item.id)
            sentences = reading.touchpoint_sentences(touchpoint)
            embeddings = reading.encode_sentences([s.text for s in sentences])
            readings = reading.read_sentences(sentences, embeddings, models[(fold, ROLES_MODEL)],
                                              models[(fold, SENTIMENT_MODEL)],
                                              models[(fold, PAIN_MODEL)])
            rows.append(TuningTouchpoint(item.id, name.removesuffix(".jsonl"),
                                         str(item.expected["sentiment"]), touchpoint, readings))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as f:
            pickle.dump(rows, f)
    return rows


def held_out(rows: list[TuningTouchpoint], variant: Variant, labels: list[str]
             ) -> list[tuple[np.ndarray, list[str]]]:
    """(P(label | touchpoint), classes) of each row from the classifier fit without its fold."""
    x = np.asarray([variant.features(r, s) for r, s in zip(rows, labels, strict=True)],
                   np.float64)
    folds = np.array([fold_of(r.id) for r in rows])
    out: list[tuple[np.ndarray, list[str]]] = [(np.zeros(0), [])] * len(rows)
    for fold in range(FOLDS):
        train, test = np.where(folds != fold)[0], np.where(folds == fold)[0]
        model = _fit(x[train], [rows[i].label for i in train], variant.c, variant.balanced)
        for i, p in zip(test, model.predict_proba(x[test]), strict=True):
            out[i] = (p, list(model.classes_))
    return out


def describe(name: str, rows: list[TuningTouchpoint], predicted: list[str]) -> str:
    """Mean accuracy/macro-F1 over the readable pools, then each pool (en, zh accuracy)."""
    def of(keep: list[int]) -> tuple[float, float]:
        m = sentiment_metrics([(rows[i].label, predicted[i]) for i in keep])
        return m["accuracy"], m["macro_f1"]

    pools: dict[str, tuple[float, float]] = {}
    languages: dict[str, dict[str, float]] = {}
    for pool, splits in POOLS.items():
        keep = [i for i, r in enumerate(rows) if r.split in splits]
        pools[pool] = of(keep)
        languages[pool] = {lang: of([i for i in keep if rows[i].touchpoint.language == lang])[0]
                           for lang in ("en", "zh")}
    accuracy = statistics.mean(pools[p][0] for p in READABLE)
    macro_f1 = statistics.mean(pools[p][1] for p in READABLE)
    return (f"{name:24s} readable {accuracy:.3f}/{macro_f1:.3f} | " + " | ".join(
        f"{p} {a:.3f}/{f:.3f} (en {languages[p]['en']:.3f} zh {languages[p]['zh']:.3f})"
        for p, (a, f) in pools.items()))


def main() -> None:
    from threadpoolctl import threadpool_limits

    from evals.touchpoint_variants import shipped

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--blend", type=float, action="append",
                        help="blends to score (default: 0.2)")
    args = parser.parse_args()
    threadpool_limits(1)
    rows = oof_rows(args.cache)
    labels = sentence_labels(rows)
    print(describe("sentence label (rules)", rows, labels[True]), flush=True)
    probabilities = held_out(rows, Variant("shipped", shipped), labels[True])
    print(describe("classifier alone", rows,
                   [c[int(p.argmax())] for p, c in probabilities]), flush=True)
    def decide(p: np.ndarray, c: list[str], blend: float) -> Callable[[str], str]:
        return lambda label: vote(p, c, label, blend)

    for blend in args.blend or [0.2]:
        predicted = [combined_label(r, decide(p, c, blend))
                     for r, (p, c) in zip(rows, probabilities, strict=True)]
        print(describe(f"combined, blend {blend}", rows, predicted), flush=True)


if __name__ == "__main__":
    main()
