"""Learned-layer throughput: the bare encoder (anchor) and the combined extractor, same run.

Prints sentences per second of (1) the bundled encoder alone on batches of 32 sentences, the
anchor; (2) the encoder one sentence at a time, for reference; (3) the combined extractor
(rules + classifiers) one touchpoint at a time, as the pipeline calls it; (4) the combined
extractor's `extract_many` over 16 touchpoints at a time; and the ratio of (3) and (4) to (1).
Target: the combined extractor at least half of the bare encoder's batched rate. The texts are
the eval datasets' items (dev and test; speed only, nothing is scored). Each measurement runs
`--rounds` times interleaved with the others and the best round is kept, so a busy shared
machine slows all of them alike.
Usage: python benchmarks/learned.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from evals.dataset import load_dataset, to_touchpoint
from extractors.base import ExtractionContext
from extractors.catalog import load_catalog
from extractors.learned import CombinedExtractor
from extractors.learned.encoder import encode_sentences
from extractors.rules.sentences import split_sentences

DATASETS = Path(__file__).resolve().parent.parent / "evals" / "datasets"
ANCHOR_BATCH = 32
MANY_BATCH = 16


def _rate(run: Callable[[], None], sentences: int) -> float:
    started = time.perf_counter()
    run()
    return sentences / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    touchpoints = [to_touchpoint(item) for name in ("dev.jsonl", "test.jsonl")
                   for item in load_dataset(DATASETS / name) if item.text is not None]
    texts = [s.text for tp in touchpoints for s in split_sentences(tp)]
    extractor, context = CombinedExtractor(), ExtractionContext(catalog=load_catalog(None))
    extractor.extract(touchpoints[0], context)  # load the encoder and the classifiers once
    single = texts[:200]

    def anchor() -> None:
        for i in range(0, len(texts), ANCHOR_BATCH):
            encode_sentences(texts[i : i + ANCHOR_BATCH])

    def one_at_a_time() -> None:
        for text in single:
            encode_sentences([text])

    def combined() -> None:
        for tp in touchpoints:
            extractor.extract(tp, context)

    def combined_many() -> None:
        for i in range(0, len(touchpoints), MANY_BATCH):
            extractor.extract_many(touchpoints[i : i + MANY_BATCH], context)

    best = {"anchor": 0.0, "single": 0.0, "combined": 0.0, "many": 0.0}
    for _ in range(args.rounds):
        best["anchor"] = max(best["anchor"], _rate(anchor, len(texts)))
        best["single"] = max(best["single"], _rate(one_at_a_time, len(single)))
        best["combined"] = max(best["combined"], _rate(combined, len(texts)))
        best["many"] = max(best["many"], _rate(combined_many, len(texts)))
    per_touchpoint = len(texts) / len(touchpoints)
    print(f"{len(touchpoints)} touchpoints, {len(texts)} sentences "
          f"({per_touchpoint:.1f} per touchpoint), best of {args.rounds} rounds")
    print(f"encoder alone, batches of {ANCHOR_BATCH} (anchor): {best['anchor']:8.0f} sentences/s")
    print(f"encoder alone, one sentence at a time:     {best['single']:8.0f} sentences/s")
    print(f"combined extractor, one touchpoint a call: {best['combined']:8.0f} sentences/s "
          f"(ratio to anchor {best['combined'] / best['anchor']:.2f}; target >= 0.50)")
    print(f"combined extract_many, {MANY_BATCH} touchpoints a call:{best['many']:8.0f} sentences/s "
          f"(ratio to anchor {best['many'] / best['anchor']:.2f})")


if __name__ == "__main__":
    main()
