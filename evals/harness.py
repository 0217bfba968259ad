"""Run an extractor over a gold dataset and score every item.

The result is plain JSON-able data: overall metrics, the same broken down by language and by
channel, and per-item records (counts plus every miss and false positive with its source
snippet) — the per-item records are what `compare` resamples for confidence intervals.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.errors import TouchpointError
from assistant.models import Insights
from evals.dataset import GoldItem, dataset_catalog, load_dataset, to_touchpoint
from evals.metrics import (
    LIST_FIELDS,
    ItemScore,
    aggregate,
    score_next_steps,
    score_set,
    score_similar,
)
from extractors.base import CompetitorCatalog, ExtractionContext, Extractor
from extractors.grounding import is_verified

SNIPPET_CHARS = 160


def predictions(insights: Insights) -> dict[str, Any]:
    """The fields the gold format names, from an extractor's insights."""
    return {
        "competitors": sorted({c.name for c in insights.competitors}),
        "sentiment": insights.sentiment.label if insights.sentiment else None,
        "next_steps": [{"action": n.action, "owner": n.owner,
                        "due": n.due.isoformat() if n.due else None,
                        "quote": n.evidence.quote} for n in insights.next_steps],
        "pain_points": [p.text for p in insights.pain_points],
        "objections": [o.text for o in insights.objections],
        "buying_signals": [b.text for b in insights.buying_signals],
        "questions": [q.text for q in insights.questions],
    }


def _evidence(insights: Insights) -> list[Any]:
    found = [*(c.evidence for c in insights.competitors), *(n.evidence for n in insights.next_steps),
             *(p.evidence for p in insights.pain_points), *(o.evidence for o in insights.objections),
             *(b.evidence for b in insights.buying_signals), *(q.evidence for q in insights.questions)]
    return found


def score_item(item: GoldItem, predicted: dict[str, Any], text: str) -> ItemScore:
    score = ItemScore(id=item.id, language=item.language, channel=item.channel)
    expected = item.expected
    snippet = text[:SNIPPET_CHARS]

    def error(field: str, kind: str, value: Any) -> None:
        score.errors.append({"item": item.id, "field": field, "kind": kind, "value": value,
                             "snippet": snippet})

    if "competitors" in expected:
        counts, missed, extra = score_set(list(expected["competitors"]), predicted["competitors"])
        score.counts["competitors"] = counts
        for name in missed:
            error("competitors", "missed", name)
        for name in extra:
            error("competitors", "false_positive", name)
    if expected.get("sentiment") is not None:
        score.sentiment = (str(expected["sentiment"]), str(predicted["sentiment"] or "neutral"))
        if score.sentiment[0] != score.sentiment[1]:
            error("sentiment", "wrong", f"{score.sentiment[0]} -> {score.sentiment[1]}")
    if "next_steps" in expected:
        gold_steps = list(expected["next_steps"])
        counts, pairs = score_next_steps(gold_steps, predicted["next_steps"])
        score.counts["next_steps"] = counts
        matched_gold = {g for g, _, _ in pairs}
        matched_pred = {p for _, p, _ in pairs}
        for i, step in enumerate(gold_steps):
            if i not in matched_gold:
                error("next_steps", "missed", step)
        for i, step in enumerate(predicted["next_steps"]):
            if i not in matched_pred:
                error("next_steps", "false_positive", step)
        for g, p, _ in pairs:
            gold, pred = gold_steps[g], predicted["next_steps"][p]
            if str(gold.get("owner", "")).casefold() != str(pred.get("owner", "")).casefold():
                error("next_steps", "wrong_owner", {"gold": gold, "predicted": pred})
            if str(gold.get("due") or "") != str(pred.get("due") or ""):
                error("next_steps", "wrong_due", {"gold": gold, "predicted": pred})
    for name in LIST_FIELDS:
        if name in expected:
            counts, pairs = score_similar(list(expected[name]), predicted[name])
            score.counts[name] = counts
            for i, value in enumerate(expected[name]):
                if i not in {g for g, _, _ in pairs}:
                    error(name, "missed", value)
            for i, value in enumerate(predicted[name]):
                if i not in {p for _, p, _ in pairs}:
                    error(name, "false_positive", value)
    return score


def run_eval(dataset: Path, extractor: Extractor, *, catalog: CompetitorCatalog | None = None,
             progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Extract every item and score it; an item whose extraction fails scores as empty."""
    items = load_dataset(dataset)
    catalog = catalog or dataset_catalog(dataset) or CompetitorCatalog()
    context = ExtractionContext(tenant_id="eval", catalog=catalog)
    scores: list[ItemScore] = []
    provenance: dict[str, Any] = {}
    for index, item in enumerate(items):
        touchpoint = to_touchpoint(item)
        started = time.perf_counter()
        try:
            insights = extractor.extract(touchpoint, context)
        except TouchpointError as exc:
            empty = {"competitors": [], "sentiment": None, "next_steps": [],
                     **{name: [] for name in LIST_FIELDS}}
            score = score_item(item, empty, touchpoint.text)
            score.errors.append({"item": item.id, "field": "*", "kind": "extraction_failed",
                                 "value": str(exc), "snippet": ""})
        else:
            score = score_item(item, predictions(insights), touchpoint.text)
            evidence = _evidence(insights)
            score.evidence = len(evidence)
            score.grounded = sum(is_verified(e, touchpoint.text) for e in evidence)
            prov = insights.provenance
            score.input_tokens, score.output_tokens = prov.input_tokens, prov.output_tokens
            score.cost_usd = prov.cost_usd
            provenance = {"extractor": prov.extractor, "version": prov.extractor_version,
                          "prompt_id": prov.prompt_id, "prompt_hash": prov.prompt_hash,
                          "model": prov.model}
        score.latency_ms = (time.perf_counter() - started) * 1000
        scores.append(score)
        if progress:
            progress(index + 1, len(items))
    return build_report(dataset, extractor.name, scores, provenance)


def build_report(dataset: Path, extractor: str, scores: list[ItemScore],
                 provenance: dict[str, Any]) -> dict[str, Any]:
    def sliced(key: str) -> dict[str, Any]:
        values = sorted({getattr(s, key) for s in scores})
        return {v: aggregate([s for s in scores if getattr(s, key) == v]) for v in values}

    return {
        "dataset": str(dataset), "extractor": extractor, "provenance": provenance,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "overall": aggregate(scores), "by_language": sliced("language"),
        "by_channel": sliced("channel"),
        "errors": [e for s in scores for e in s.errors],
        "items": [{**asdict(s), "counts": {k: dict(v) for k, v in s.counts.items()}}
                  for s in scores],
    }
