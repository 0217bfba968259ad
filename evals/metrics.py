"""Per-item scoring and aggregation: counts first, ratios last, so results add up across slices.

Each scored field yields counts per item (true positives, false positives, false negatives, plus
owner/due agreement for next steps); aggregation sums counts and then computes precision, recall
and F1, which makes micro-averaged numbers for any slice (language, channel) and for bootstrap
resamples from the same per-item records.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from evals.matching import match_pairs

SENTIMENT_LABELS = ("positive", "neutral", "negative", "mixed")
LIST_FIELDS = ("pain_points", "objections", "buying_signals", "questions")


@dataclass
class ItemScore:
    """Counts for one item; absent fields were not labelled and are not scored."""

    id: str
    language: str
    channel: str
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    sentiment: tuple[str, str] | None = None  # (gold, predicted)
    grounded: int = 0
    evidence: int = 0
    latency_ms: float = 0.0
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1; an empty gold and empty prediction scores 1.0 (nothing to miss)."""
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score_set(gold: list[str], predicted: list[str]) -> tuple[Counter[str], list[str], list[str]]:
    """Exact-name set scoring (competitors): counts, misses, false positives."""
    g, p = set(gold), set(predicted)
    return (Counter(tp=len(g & p), fp=len(p - g), fn=len(g - p)), sorted(g - p), sorted(p - g))


def score_similar(gold: list[str], predicted: list[str]
                  ) -> tuple[Counter[str], list[tuple[int, int, float]]]:
    pairs = match_pairs(gold, predicted)
    return Counter(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs)), pairs


def score_next_steps(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
                     ) -> tuple[Counter[str], list[tuple[int, int, float]]]:
    """Matched by action similarity; owner and due compared on matched pairs only."""
    pairs = match_pairs([str(g.get("action", "")) for g in gold],
                        [str(p.get("action", "")) for p in predicted])
    counts = Counter(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    for g, p, _ in pairs:
        counts["owner_total"] += 1
        counts["owner_correct"] += _same_owner(gold[g].get("owner"), predicted[p].get("owner"))
        counts["due_total"] += 1
        counts["due_correct"] += str(gold[g].get("due") or "") == str(predicted[p].get("due") or "")
    return counts, pairs


def _same_owner(gold: Any, predicted: Any) -> bool:
    return str(gold or "").strip().casefold() == str(predicted or "").strip().casefold()


def aggregate(items: list[ItemScore]) -> dict[str, Any]:
    """Every metric over a set of item scores."""
    totals: dict[str, Counter[str]] = {}
    for item in items:
        for name, counts in item.counts.items():
            totals.setdefault(name, Counter()).update(counts)
    result: dict[str, Any] = {"items": len(items)}
    for name, counts in sorted(totals.items()):
        entry: dict[str, Any] = prf(counts["tp"], counts["fp"], counts["fn"])
        entry.update(support=counts["tp"] + counts["fn"], predicted=counts["tp"] + counts["fp"])
        if name == "next_steps":
            entry["owner_accuracy"] = (counts["owner_correct"] / counts["owner_total"]
                                       if counts["owner_total"] else None)
            entry["due_accuracy"] = (counts["due_correct"] / counts["due_total"]
                                     if counts["due_total"] else None)
        result[name] = entry
    pairs = [i.sentiment for i in items if i.sentiment is not None]
    if pairs:
        result["sentiment"] = sentiment_metrics(pairs)
    evidence = sum(i.evidence for i in items)
    result["grounding_rate"] = sum(i.grounded for i in items) / evidence if evidence else None
    latencies = sorted(i.latency_ms for i in items)
    result["latency_ms"] = {"p50": percentile(latencies, 50), "p95": percentile(latencies, 95)}
    result["tokens"] = {"input": sum(i.input_tokens for i in items),
                        "output": sum(i.output_tokens for i in items)}
    result["cost_usd"] = sum(i.cost_usd for i in items)
    return result


def sentiment_metrics(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    confusion = {g: dict.fromkeys(SENTIMENT_LABELS, 0) for g in SENTIMENT_LABELS}
    for gold, predicted in pairs:
        confusion.setdefault(gold, dict.fromkeys(SENTIMENT_LABELS, 0))
        confusion[gold][predicted] = confusion[gold].get(predicted, 0) + 1
    labels = [label for label in SENTIMENT_LABELS
              if any(g == label or p == label for g, p in pairs)]
    f1s = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == p == label)
        fp = sum(1 for g, p in pairs if p == label and g != label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        f1s.append(prf(tp, fp, fn)["f1"])
    return {"accuracy": sum(g == p for g, p in pairs) / len(pairs),
            "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
            "support": len(pairs), "confusion": confusion}


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile of sorted values."""
    if not values:
        return None
    rank = max(1, min(len(values), math.ceil(q / 100 * len(values))))
    return values[rank - 1]


def flatten(metrics: dict[str, Any]) -> dict[str, float]:
    """Dotted names ("competitors.f1", "sentiment.accuracy") for thresholds and comparisons."""
    flat: dict[str, float] = {}
    for name, value in metrics.items():
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, int | float) and not isinstance(inner, bool):
                    flat[f"{name}.{key}"] = float(inner)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            flat[name] = float(value)
    return flat
