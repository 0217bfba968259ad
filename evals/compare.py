"""Compare two eval runs: metric deltas with bootstrap confidence intervals; and one run's own
intervals (`intervals`), to put extractors side by side with their uncertainty.

Items present in both runs are resampled with replacement (fixed seed, so the same two reports
always give the same intervals); each resample re-aggregates both runs from their per-item
counts. A metric "regressed" when its whole 95% interval of B - A lies on the worse side of zero
(below for scores, above for latency, tokens and cost).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.errors import BadInputError
from evals.metrics import ItemScore, aggregate, flatten

BOOTSTRAP_SAMPLES = 400
CONFIDENCE = 0.95
SEED = 20260302
LOWER_IS_BETTER = ("latency_ms.", "tokens.", "cost_usd")
COUNTS = (".support", ".predicted")  # sizes, not quality: shown nowhere, never a regression


def load_report(path: Path) -> dict[str, Any]:
    """A report.json written by `touchpoint eval --report`; BadInputError for anything else."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BadInputError(f"{path}: not a readable eval report.json ({exc})") from exc
    if "items" not in report or "overall" not in report:
        raise BadInputError(f"{path}: not an eval report (no items/overall); use report.json")
    return report


def _items(report: dict[str, Any]) -> dict[str, ItemScore]:
    scores = {}
    for raw in report["items"]:
        score = ItemScore(**{k: v for k, v in raw.items()
                             if k not in ("counts", "sentiment", "by_competitor")})
        score.counts = {k: Counter(v) for k, v in raw["counts"].items()}
        score.by_competitor = {k: Counter(v) for k, v in raw.get("by_competitor", {}).items()}
        score.sentiment = tuple(raw["sentiment"]) if raw.get("sentiment") else None  # type: ignore[assignment]
        scores[score.id] = score
    return scores


def compare(a: dict[str, Any], b: dict[str, Any], *, samples: int = BOOTSTRAP_SAMPLES,
            include_latency: bool = False) -> list[dict[str, Any]]:
    """One row per metric: a, b, delta, CI low/high, and whether it regressed.

    Latency is wall-clock time on whatever machine ran each report, so a slower B counts as a
    regression only with `include_latency`; tokens and cost are properties of the run and always
    count.
    """
    items_a, items_b = _items(a), _items(b)
    shared = sorted(set(items_a) & set(items_b))
    if not shared:
        raise BadInputError("the two reports share no item ids; were they run on the same dataset?")
    base_a = flatten(aggregate([items_a[i] for i in shared]))
    base_b = flatten(aggregate([items_b[i] for i in shared]))
    rng = random.Random(SEED)
    deltas: dict[str, list[float]] = {name: [] for name in base_a if name in base_b
                                      and name != "items" and not name.endswith(COUNTS)}
    for _ in range(samples):
        pick = [rng.choice(shared) for _ in shared]
        fa = flatten(aggregate([items_a[i] for i in pick]))
        fb = flatten(aggregate([items_b[i] for i in pick]))
        for name in deltas:
            if name in fa and name in fb:
                deltas[name].append(fb[name] - fa[name])
    rows = []
    for name, values in sorted(deltas.items()):
        values.sort()
        low = values[int((1 - CONFIDENCE) / 2 * len(values))] if values else 0.0
        high = values[min(len(values) - 1, int((1 + CONFIDENCE) / 2 * len(values)))] if values else 0.0
        worse_when_up = name.startswith(LOWER_IS_BETTER)
        regressed = low > 0 if worse_when_up else high < 0
        if name.startswith("latency_ms.") and not include_latency:
            regressed = False
        rows.append({"metric": name, "a": base_a[name], "b": base_b[name],
                     "delta": base_b[name] - base_a[name], "ci_low": low, "ci_high": high,
                     "regressed": regressed})
    return rows


def intervals(report: dict[str, Any], *, samples: int = BOOTSTRAP_SAMPLES,
              language: str | None = None) -> list[dict[str, Any]]:
    """One row per metric of one run: value and its 95% bootstrap interval over items
    (optionally only the items of one `language`), same seed and resampling as `compare`."""
    items = _items(report)
    ids = sorted(i for i, score in items.items() if language is None or score.language == language)
    if not ids:
        raise BadInputError(f"the report has no items{f' in {language}' if language else ''}")
    base = flatten(aggregate([items[i] for i in ids]))
    rng = random.Random(SEED)
    values: dict[str, list[float]] = {name: [] for name in base
                                      if name != "items" and not name.endswith(COUNTS)}
    for _ in range(samples):
        resampled = flatten(aggregate([items[rng.choice(ids)] for _ in ids]))
        for name in values:
            if name in resampled:
                values[name].append(resampled[name])
    rows = []
    for name, drawn in sorted(values.items()):
        drawn.sort()
        low = drawn[int((1 - CONFIDENCE) / 2 * len(drawn))] if drawn else base[name]
        high = drawn[min(len(drawn) - 1, int((1 + CONFIDENCE) / 2 * len(drawn)))] if drawn \
            else base[name]
        rows.append({"metric": name, "value": base[name], "ci_low": low, "ci_high": high})
    return rows
