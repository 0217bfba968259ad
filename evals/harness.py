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

from rapidfuzz import fuzz

from assistant.errors import TouchpointError
from assistant.models import (
    BuyingSignal,
    Evidence,
    Insights,
    Objection,
    PainPoint,
    Question,
)
from evals.dataset import GoldItem, dataset_catalog, load_dataset, to_touchpoint
from evals.matching import MATCH_THRESHOLD
from evals.metrics import (
    LIST_FIELDS,
    NO_SENTIMENT,
    ItemScore,
    aggregate,
    per_name_counts,
    same_due,
    same_owner,
    score_next_steps,
    score_set,
    score_similar,
)
from extractors.base import CompetitorCatalog, ExtractionContext, Extractor
from extractors.grounding import is_verified

SNIPPET_CONTEXT = 60  # characters of source shown on either side of an error's span
MISS_ALIGNMENT_MIN = 60  # rapidfuzz partial_ratio (0..100) to point a miss at a passage


def _span(evidence: Any) -> tuple[int, int]:
    return (evidence.start, evidence.end)


def predictions(insights: Insights) -> dict[str, Any]:
    """The fields the gold format names, from an extractor's insights.

    `spans` keeps each prediction's evidence offsets (per field, in the same order) so that a
    false positive can be shown with the passage it came from.
    """
    first_mention: dict[str, tuple[int, int]] = {}
    for mention in insights.competitors:
        if mention.stance != "integration":  # a tool connected to is not a competitor in play
            first_mention.setdefault(mention.name, _span(mention.evidence))
    competitors = sorted(first_mention)
    lists: dict[str, list[PainPoint | Objection | BuyingSignal | Question]] = {
        "pain_points": list(insights.pain_points), "objections": list(insights.objections),
        "buying_signals": list(insights.buying_signals), "questions": list(insights.questions)}
    return {
        "competitors": competitors,
        "sentiment": insights.sentiment.label if insights.sentiment else None,
        "next_steps": [{"action": n.action, "owner": n.owner,
                        "due": n.due.isoformat() if n.due else None,
                        "quote": n.evidence.quote} for n in insights.next_steps],
        **{name: [entry.text for entry in entries] for name, entries in lists.items()},
        "spans": {"competitors": [first_mention[name] for name in competitors],
                  "next_steps": [_span(n.evidence) for n in insights.next_steps],
                  **{name: [_span(entry.evidence) for entry in entries]
                     for name, entries in lists.items()}},
    }


def no_predictions() -> dict[str, Any]:
    """What a failed extraction predicts: nothing, so every gold item is a miss."""
    return {"competitors": [], "sentiment": None, "next_steps": [],
            **{name: [] for name in LIST_FIELDS}, "spans": {}}


def _evidence(insights: Insights) -> list[Evidence]:
    ticket = insights.ticket
    ticket_fields = [f for f in (ticket.issue, ticket.product, ticket.severity, ticket.status)
                     if f is not None] if ticket else []
    return [*(c.evidence for c in insights.competitors), *(n.evidence for n in insights.next_steps),
            *(p.evidence for p in insights.pain_points), *(o.evidence for o in insights.objections),
            *(b.evidence for b in insights.buying_signals), *(q.evidence for q in insights.questions),
            *(f.evidence for f in ticket_fields)]


def snippet(text: str, start: int, end: int, *, context: int = SNIPPET_CONTEXT) -> str:
    """The source around [start, end) on one line, the span itself marked with [[ ]]."""
    start, end = max(0, start), min(len(text), max(start, end))
    left, right = max(0, start - context), min(len(text), end + context)
    shown = (text[left:start] + "[[" + text[start:end] + "]]" + text[end:right])
    shown = " / ".join(part.strip() for part in shown.splitlines() if part.strip())
    return ("…" if left else "") + shown + ("…" if right < len(text) else "")


def locate_miss(text: str, phrases: list[str]) -> str:
    """The passage a missed gold item most likely refers to, or the opening when none is close.

    Gold labels paraphrase the source, so the best partial alignment of any phrase (the label
    itself, or a competitor's catalog aliases) is used; an exact alias occurrence wins outright.
    """
    folded = text.casefold()
    for phrase in phrases:
        at = folded.find(phrase.casefold()) if phrase else -1
        if at >= 0:
            return snippet(text, at, at + len(phrase))
    best = None
    for phrase in phrases:
        if not phrase.strip():
            continue
        found = fuzz.partial_ratio_alignment(phrase.casefold(), folded)
        if found is not None and found.score >= MISS_ALIGNMENT_MIN and (
                best is None or found.score > best.score):
            best = found
    if best is None:
        return snippet(text, 0, 0, context=2 * SNIPPET_CONTEXT)
    start, end = best.dest_start, best.dest_end
    while start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
        start -= 1  # an alignment may start mid-word in English: show whole words
    while end < len(text) and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
        end += 1
    return snippet(text, start, end)


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def score_item(item: GoldItem, predicted: dict[str, Any], text: str, *,
               catalog: CompetitorCatalog | None = None) -> ItemScore:
    """Counts and error records for one item; only the labelled `expected` keys are scored."""
    score = ItemScore(id=item.id, language=item.language, channel=item.channel)
    expected = item.expected
    spans = predicted.get("spans", {})
    aliases = catalog.aliases if catalog else {}

    def error(field: str, kind: str, value: Any, where: str) -> None:
        score.errors.append({"item": item.id, "language": item.language, "channel": item.channel,
                             "field": field, "kind": kind, "value": value, "snippet": where})

    def at_prediction(field: str, index: int) -> str:
        found = spans.get(field, [])
        return snippet(text, *found[index]) if index < len(found) else ""

    if "competitors" in expected:
        gold_names = [str(name) for name in expected["competitors"]]
        counts, missed, extra = score_set(gold_names, predicted["competitors"])
        score.counts["competitors"] = counts
        score.by_competitor = per_name_counts(gold_names, predicted["competitors"])
        for name in missed:
            alias_list = [name, *(a.lstrip("=") for a in aliases.get(name, []))]
            error("competitors", "missed", name, locate_miss(text, alias_list))
        for name in extra:
            error("competitors", "false_positive", name,
                  at_prediction("competitors", [n.strip().casefold() for n in
                                                predicted["competitors"]].index(name.casefold())))
    if expected.get("sentiment") is not None:
        score.sentiment = (str(expected["sentiment"]), str(predicted["sentiment"] or NO_SENTIMENT))
        if score.sentiment[0] != score.sentiment[1]:
            error("sentiment", "wrong", f"{score.sentiment[0]} -> {score.sentiment[1]}",
                  snippet(text, 0, 0, context=2 * SNIPPET_CONTEXT))
    if "next_steps" in expected:
        gold_steps = [dict(step) for step in expected["next_steps"]]
        steps = predicted["next_steps"]
        counts, pairs = score_next_steps(gold_steps, steps)
        score.counts["next_steps"] = counts
        matched_gold, matched_pred = {g for g, _, _ in pairs}, {p for _, p, _ in pairs}
        for i, step in enumerate(gold_steps):
            if i not in matched_gold:
                error("next_steps", "missed", step, locate_miss(text, [str(step.get("action"))]))
        for i, step in enumerate(steps):
            if i not in matched_pred:
                error("next_steps", "false_positive", step, at_prediction("next_steps", i))
        for g, p, _ in pairs:
            gold, pred = gold_steps[g], steps[p]
            pair = {"gold": gold, "predicted": pred}
            if not same_owner(gold.get("owner"), pred.get("owner")):
                error("next_steps", "wrong_owner", pair, at_prediction("next_steps", p))
            if not same_due(gold.get("due"), pred.get("due")):
                error("next_steps", "wrong_due", pair, at_prediction("next_steps", p))
    for name in LIST_FIELDS:
        if name in expected:
            gold_phrases = [str(value) for value in expected[name]]
            counts, pairs = score_similar(gold_phrases, predicted[name])
            score.counts[name] = counts
            matched_gold, matched_pred = {g for g, _, _ in pairs}, {p for _, p, _ in pairs}
            for i, value in enumerate(gold_phrases):
                if i not in matched_gold:
                    error(name, "missed", value, locate_miss(text, [value]))
            for i, value in enumerate(predicted[name]):
                if i not in matched_pred:
                    error(name, "false_positive", value, at_prediction(name, i))
    return score


def run_eval(dataset: Path, extractor: Extractor, *, catalog: CompetitorCatalog | None = None,
             split: str | None = None, progress: Callable[[int, int], None] | None = None
             ) -> dict[str, Any]:
    """Extract every item and score it; an item whose extraction fails scores as empty.

    The catalog is, in order: `catalog`, the dataset's own competitors.yaml, an empty one.
    A failed extraction (a TouchpointError) is recorded as an `extraction_failed` error and the
    run goes on; any other exception is a bug and propagates.
    """
    items = load_dataset(dataset, split=split)
    catalog = dataset_catalog(dataset) if catalog is None else catalog
    catalog = catalog or CompetitorCatalog()
    context = ExtractionContext(tenant_id="eval", catalog=catalog)
    scores: list[ItemScore] = []
    provenance: dict[str, Any] = {}
    for index, item in enumerate(items):
        touchpoint = to_touchpoint(item)
        started = time.perf_counter()
        try:
            insights = extractor.extract(touchpoint, context)
        except TouchpointError as exc:
            elapsed_ms = (time.perf_counter() - started) * 1000
            score = score_item(item, no_predictions(), touchpoint.text, catalog=catalog)
            score.errors.append({"item": item.id, "language": item.language,
                                 "channel": item.channel, "field": "*",
                                 "kind": "extraction_failed", "value": str(exc), "snippet": ""})
        else:
            elapsed_ms = (time.perf_counter() - started) * 1000
            score = score_item(item, predictions(insights), touchpoint.text, catalog=catalog)
            evidence = _evidence(insights)
            score.evidence = len(evidence)
            score.grounded = sum(is_verified(e, touchpoint.text) for e in evidence)
            prov = insights.provenance
            score.input_tokens, score.output_tokens = prov.input_tokens, prov.output_tokens
            score.cost_usd = prov.cost_usd
            provenance = {"extractor": prov.extractor, "version": prov.extractor_version,
                          "prompt_id": prov.prompt_id, "prompt_hash": prov.prompt_hash,
                          "model": prov.model}
        score.latency_ms = elapsed_ms
        scores.append(score)
        if progress:
            progress(index + 1, len(items))
    report = build_report(dataset, extractor.name, scores, provenance)
    report["split"] = split
    return report


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
        "options": {"match_threshold": MATCH_THRESHOLD},
        "errors": [e for s in scores for e in s.errors],
        "items": [item_record(s) for s in scores],
    }


def item_record(score: ItemScore) -> dict[str, Any]:
    """An item score as plain JSON (Counters as dicts), what `compare` reads back.

    Its errors are left out: the report lists them once, at the top level.
    """
    record = {**asdict(score), "counts": {k: dict(v) for k, v in score.counts.items()},
              "by_competitor": {k: dict(v) for k, v in score.by_competitor.items()}}
    del record["errors"]
    return record
