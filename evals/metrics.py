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
from typing import Any, get_args

from assistant.models import SentimentLabel
from evals.matching import match_pairs

SENTIMENT_LABELS: tuple[str, ...] = get_args(SentimentLabel)
LIST_FIELDS = ("pain_points", "objections", "buying_signals", "questions")
NO_SENTIMENT = "none"  # the extractor returned no sentiment at all


@dataclass
class ItemScore:
    """Counts for one item; absent fields were not labelled and are not scored."""

    id: str
    language: str
    channel: str
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    by_competitor: dict[str, Counter[str]] = field(default_factory=dict)  # canonical -> tp/fp/fn
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


def _by_key(names: list[str]) -> dict[str, str]:
    """casefolded, trimmed name -> the first spelling seen."""
    keyed: dict[str, str] = {}
    for name in names:
        keyed.setdefault(name.strip().casefold(), name.strip())
    return keyed


def score_set(gold: list[str], predicted: list[str]) -> tuple[Counter[str], list[str], list[str]]:
    """Name set scoring (competitors): counts, misses, false positives.

    Names compare ignoring case and surrounding space ("Hubspot" from an LLM is "HubSpot"), and a
    name listed twice counts once on either side: a touchpoint mentions a competitor or it does
    not.
    """
    g, p = _by_key(gold), _by_key(predicted)
    return (Counter(tp=len(g.keys() & p.keys()), fp=len(p.keys() - g.keys()),
                    fn=len(g.keys() - p.keys())),
            sorted(g[k] for k in g.keys() - p.keys()), sorted(p[k] for k in p.keys() - g.keys()))


def per_name_counts(gold: list[str], predicted: list[str]) -> dict[str, Counter[str]]:
    """tp/fp/fn per canonical name (gold spelling first) for macro averages over names."""
    g, p = _by_key(gold), _by_key(predicted)
    return {(g.get(key) or p[key]): Counter(tp=int(key in g and key in p),
                                            fp=int(key in p and key not in g),
                                            fn=int(key in g and key not in p))
            for key in sorted(g.keys() | p.keys())}


def score_similar(gold: list[str], predicted: list[str]
                  ) -> tuple[Counter[str], list[tuple[int, int, float]]]:
    """Phrase lists (pain points, objections, ...) matched one to one by similarity."""
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
        counts["owner_correct"] += same_owner(gold[g].get("owner"), predicted[p].get("owner"))
        counts["due_total"] += 1
        counts["due_correct"] += same_due(gold[g].get("due"), predicted[p].get("due"))
    return counts, pairs


def same_owner(gold: Any, predicted: Any) -> bool:
    """Owners agree ignoring case and surrounding space ("Rep" == "rep")."""
    return str(gold or "").strip().casefold() == str(predicted or "").strip().casefold()


def same_due(gold: Any, predicted: Any) -> bool:
    """Due dates agree as ISO dates; no date on both sides agrees too."""
    return str(gold or "")[:10] == str(predicted or "")[:10]


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
    names: dict[str, Counter[str]] = {}
    for item in items:
        for name, counts in item.by_competitor.items():
            names.setdefault(name, Counter()).update(counts)
    if names and "competitors" in result:
        per_name = {name: {**prf(c["tp"], c["fp"], c["fn"]), "support": c["tp"] + c["fn"]}
                    for name, c in sorted(names.items())}
        for key in ("precision", "recall", "f1"):
            result["competitors"][f"macro_{key}"] = (
                sum(m[key] for m in per_name.values()) / len(per_name))
        result["competitors_by_name"] = per_name
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
    """Accuracy, macro-F1 over the labels seen in gold or predictions, and the confusion matrix.

    The confusion matrix has rows for gold labels and columns for predicted ones; a missing
    prediction is the column NO_SENTIMENT and counts as wrong.
    """
    seen = {label for pair in pairs for label in pair}
    labels = [label for label in SENTIMENT_LABELS if label in seen]
    labels += sorted(seen - set(SENTIMENT_LABELS))
    columns = [*SENTIMENT_LABELS, *sorted(seen - set(SENTIMENT_LABELS))]
    confusion = {g: dict.fromkeys(columns, 0) for g in columns if g != NO_SENTIMENT}
    for gold, predicted in pairs:
        confusion[gold][predicted] += 1
    labels = [label for label in labels if label != NO_SENTIMENT]
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
        if name == "competitors_by_name":
            continue
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, int | float) and not isinstance(inner, bool):
                    flat[f"{name}.{key}"] = float(inner)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            flat[name] = float(value)
    return flat
