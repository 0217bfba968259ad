"""Leave-one-split-out scores of the touchpoint sentiment decision: `python -m evals.touchpoint_loso`.

Each tuning split (evals/sentence_harvest.py TUNING_SPLITS, whatever it holds) is scored by a
touchpoint classifier fit on the others, its sentences read by sentence classifiers fit without
its gold sentences (evals/train_touchpoint.py `tuning_touchpoints`): the nearest the tuning data
come to text nobody has seen. Two decisions are scored: the classifier alone, and the label the
combined extractor ends with (the sentence label, the blend, the evidence check). The slow part
(encoding, the sentence classifiers) is done once and cached (`--cache`; ~40 min on a loaded
2-core machine); each variant's features and C are then fit once per held-out split, and the
blends of one fit share it.

Variants are chosen on the readable splits (READABLE_SPLITS) only: each is printed with its mean
± split-to-split SD and its mean paired difference from the first variant (± SD, splits up/down).
The never-read splits are trained on but held out only with `--confirm`: one reading per chosen
candidate, never a loop of tuning.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import statistics
from collections.abc import Callable, Collection
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
# the splits whose items and errors may be read (evals/GUIDE.md; /work notes): variants are chosen
# on their mean; the others are trained on but scored only to confirm a choice, once
READABLE_SPLITS = ("dev", "blind", "blind2", "blind3", "blind4",
                   *(f"blind{n}" for n in range(7, 12)))
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


def held_out_probabilities(rows: list[TuningTouchpoint], variant: Variant,
                           labels: dict[bool, list[str]], splits: Collection[str] | None = None
                           ) -> list[tuple[np.ndarray, list[str]]]:
    """(P(label | touchpoint), classes) of every row from the classifier fit without its split
    (fit on every other split); only the rows of `splits` when given, the others get no
    probabilities (an empty array)."""
    x = np.asarray([variant.features(r, s) for r, s in zip(rows, labels[True], strict=True)],
                   np.float64)
    held_out: list[tuple[np.ndarray, list[str]]] = [(np.zeros(0), [])] * len(rows)
    for split in sorted({r.split for r in rows if splits is None or r.split in splits}):
        train = [i for i, r in enumerate(rows) if r.split != split]
        test = [i for i, r in enumerate(rows) if r.split == split]
        model = _fit(x[train], [rows[i].label for i in train], variant.c, variant.balanced)
        classes = list(model.classes_)
        for i, p in zip(test, model.predict_proba(x[test]), strict=True):
            held_out[i] = (p, classes)
    return held_out


def evaluate(rows: list[TuningTouchpoint], variant: Variant,
             labels: dict[bool, list[str]] | None = None,
             held_out: list[tuple[np.ndarray, list[str]]] | None = None) -> dict[str, Any]:
    """Held-out predictions of every row and their scores: the classifier `alone`, the
    `combined` label (the sentence label with the rules, as the extractor reads it) and the
    combined label over the sentence classifier's label alone (`combined_nr`): the rules were
    written on the readable tuning splits' errors, so there only the latter is a reading of
    unseen text. `labels`: the sentence labels with (True) and without (False) the rules, when
    known; `held_out`: the classifier's held-out probabilities, when known (another blend)."""
    labels = labels or sentence_labels(rows)
    held_out = held_out or held_out_probabilities(rows, variant, labels)
    alone, combined, combined_nr = [""] * len(rows), [""] * len(rows), [""] * len(rows)
    scored = [i for i, (p, _) in enumerate(held_out) if p.size]
    for i in scored:
        p, classes = held_out[i]
        alone[i] = classes[int(p.argmax())]

        def decide(label: str, p: np.ndarray = p, classes: list[str] = classes) -> str:
            return vote(p, classes, label, variant.blend)

        combined[i] = combined_label(rows[i], decide, rules=True)
        combined_nr[i] = combined_label(rows[i], decide, rules=False)
    kept = [rows[i] for i in scored]
    return {decision: scores(kept, [predicted[i] for i in scored]) for decision, predicted in
            (("alone", alone), ("combined", combined), ("combined_nr", combined_nr))}


def sentence_labels(rows: list[TuningTouchpoint]) -> dict[bool, list[str]]:
    return {rules: [sentence_label(r, rules) for r in rows] for rules in (True, False)}


def scores(rows: list[TuningTouchpoint], predicted: list[str]) -> dict[str, Any]:
    """Accuracy and macro-F1 per held-out split; their mean and spread over the readable splits
    (READABLE_SPLITS) and, apart, over the others (`never_read`: to confirm a choice, not to make
    one); per language over the readable splits."""
    def of(keep: list[int]) -> dict[str, float]:
        m = sentiment_metrics([(rows[i].label, predicted[i]) for i in keep])
        return {"accuracy": m["accuracy"], "macro_f1": m["macro_f1"], "n": len(keep)}

    per_split = {s: of([i for i, r in enumerate(rows) if r.split == s])
                 for s in sorted({r.split for r in rows})}
    readable = [i for i, r in enumerate(rows) if r.split in READABLE_SPLITS]
    per_language = {lang: of([i for i in readable if rows[i].touchpoint.language == lang])
                    for lang in sorted({rows[i].touchpoint.language for i in readable})}
    result: dict[str, Any] = {"splits": {s: v for s, v in per_split.items()
                                         if s in READABLE_SPLITS}, "languages": per_language}
    never_read = {s: v for s, v in per_split.items() if s not in READABLE_SPLITS}
    result["never_read"] = {"splits": never_read}
    for target, splits in ((result, result["splits"]), (result["never_read"], never_read)):
        for metric in ("accuracy", "macro_f1"):
            values = [v[metric] for v in splits.values()]
            target[metric] = statistics.mean(values) if values else float("nan")
            target[f"{metric}_sd"] = statistics.stdev(values) if len(values) > 1 else 0.0
    return result


DECISIONS = {"alone": "classifier alone", "combined": "combined (rules label)",
             "combined_nr": "combined (no rules)"}


def describe(name: str, result: dict[str, Any], base: dict[str, Any] | None = None,
             confirm: bool = False) -> str:
    """One line per decision: mean ± split-to-split SD over the readable splits, the mean paired
    difference from `base` (± its SD over splits), then per split, then per language
    (accuracy/macro-F1). `confirm`: the never-read splits' mean and per split instead."""
    lines = []
    for decision, title in DECISIONS.items():
        if decision not in result:
            continue
        r = result[decision]["never_read"] if confirm else result[decision]
        splits = " ".join(f"{s} {v['accuracy']:.3f}/{v['macro_f1']:.3f}"
                          for s, v in r["splits"].items())
        languages = "" if confirm else " ".join(
            f"{lang} {v['accuracy']:.3f}/{v['macro_f1']:.3f}"
            for lang, v in result[decision]["languages"].items())
        delta = ""
        if base is not None and decision in base:
            b = base[decision]["never_read"] if confirm else base[decision]
            diffs = [r["splits"][s]["accuracy"] - b["splits"][s]["accuracy"] for s in r["splits"]]
            delta = (f" d {statistics.mean(diffs):+.3f}±"
                     f"{statistics.stdev(diffs) if len(diffs) > 1 else 0.0:.3f}"
                     f" ({sum(d > 0 for d in diffs)}+/{sum(d < 0 for d in diffs)}-)")
        lines.append(f"{name:26s} {title:22s} acc {r['accuracy']:.3f}±{r['accuracy_sd']:.3f} "
                     f"F1 {r['macro_f1']:.3f}±{r['macro_f1_sd']:.3f}{delta} | {splits} | "
                     f"{languages}")
    return "\n".join(lines)


def main() -> None:
    from evals.touchpoint_variants import VARIANTS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE,
                        help="where the read tuning items are kept (delete it after new data)")
    parser.add_argument("--variant", action="append", help="only these (default: all)")
    parser.add_argument("--confirm", action="store_true",
                        help="score the never-read splits instead (once per chosen candidate)")
    args = parser.parse_args()
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # a small shared machine: one BLAS thread fits 4x faster than two
    rows = base_rows(args.cache)
    labels = sentence_labels(rows)
    print(describe("sentence label", {"combined": scores(rows, labels[True]),
                                      "combined_nr": scores(rows, labels[False])},
                   confirm=args.confirm), flush=True)
    base, fitted = None, {}
    for variant in VARIANTS:
        if not args.variant or variant.name in args.variant or variant is VARIANTS[0]:
            fit = (variant.features, variant.c, variant.balanced)  # the blend needs no refit
            if fit not in fitted:
                fitted[fit] = held_out_probabilities(
                    rows, variant, labels, None if args.confirm else READABLE_SPLITS)
            result = evaluate(rows, variant, labels, fitted[fit])
            base = base or result
            print(describe(variant.name, result, base, args.confirm), flush=True)


if __name__ == "__main__":
    main()
