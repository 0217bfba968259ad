"""The touchpoint's sentiment from per-sentence readings: the customer's overall stance.

Each customer sentence gets a polarity (P(positive) - P(negative) from the sentiment classifier,
optionally blended with the rules' lexicon score). Sentences at or beyond STRONG on either side
are the clear ones; the label follows their mass: both sides and neither under MIXED_BALANCE of
the other is `mixed`, else the heavier side, else `neutral`. Only sentences that support the
label are its evidence, so a positive label never cites a complaint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from assistant.models import (
    Sentiment,
    SentimentLabel,
    SentimentPoint,
    SpeakerSentiment,
    Touchpoint,
)
from extractors.grounding import evidence_for_span
from extractors.learned.reading import SentenceReading

TRAJECTORY_POINTS = 5
SENTIMENT_EVIDENCE = 2


@dataclass(frozen=True)
class SentimentOptions:
    strong: float = 0.5  # |polarity| at which a sentence is clearly positive or negative
    mixed_balance: float = 0.5  # weaker side / stronger side at which both count ("mixed")
    rules_weight: float = 0.0  # share of the rules' lexicon score in a sentence's polarity
    margin: float = 0.0  # the heavier side must outweigh the lighter by this much, else neutral

    def __post_init__(self) -> None:
        for name in ("strong", "mixed_balance", "rules_weight", "margin"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"SentimentOptions.{name} must be within 0..1")


def label_of(polarities: list[float], options: SentimentOptions) -> tuple[SentimentLabel, float]:
    """The label and mean polarity of a set of sentence polarities."""
    if not polarities:
        return "neutral", 0.0
    mean = max(-1.0, min(1.0, sum(polarities) / len(polarities)))
    positive = sum(p for p in polarities if p >= options.strong)
    negative = -sum(p for p in polarities if p <= -options.strong)
    if positive and negative and min(positive, negative) / max(positive, negative) \
            >= options.mixed_balance:
        return "mixed", mean
    if negative - positive > options.margin:
        return "negative", mean
    if positive - negative > options.margin:
        return "positive", mean
    return "neutral", mean


def customer_readings(readings: list[SentenceReading]) -> list[SentenceReading]:
    """The customer's sentences, or everything not said by the rep side when roles are unknown."""
    customer = [r for r in readings if r.sentence.role == "customer"]
    return customer or [r for r in readings if r.sentence.role not in ("rep", "agent")]


def learned_sentiment(touchpoint: Touchpoint, readings: list[SentenceReading],
                      options: SentimentOptions,
                      rules_score: Callable[[str], float] | None = None) -> Sentiment | None:
    if not readings:
        return None
    w = options.rules_weight if rules_score is not None else 0.0
    polarity = {id(r): (1 - w) * r.polarity + (w * rules_score(r.sentence.text) if w and
                                                rules_score else 0.0) for r in readings}
    customer = customer_readings(readings)
    label, score = label_of([polarity[id(r)] for r in customer], options)
    supporting: list[SentenceReading] = []
    if label in ("positive", "mixed"):
        supporting += sorted((r for r in customer if polarity[id(r)] >= options.strong),
                             key=lambda r: -polarity[id(r)])[:SENTIMENT_EVIDENCE]
    if label in ("negative", "mixed"):
        supporting += sorted((r for r in customer if polarity[id(r)] <= -options.strong),
                             key=lambda r: polarity[id(r)])[:SENTIMENT_EVIDENCE]
    by_speaker: dict[str, list[float]] = defaultdict(list)
    for r in readings:
        by_speaker[r.sentence.speaker or r.sentence.role].append(polarity[id(r)])
    chunk = max(1, -(-len(readings) // TRAJECTORY_POINTS))
    trajectory = []
    for i in range(0, len(readings), chunk):
        part = readings[i : i + chunk]
        point_label, point_score = label_of([polarity[id(r)] for r in part], options)
        trajectory.append(SentimentPoint(segment_index=part[0].sentence.segment_index,
                                         label=point_label, score=point_score))
    return Sentiment(
        label=label, score=score,
        by_speaker={k: SpeakerSentiment(label=label_of(v, options)[0],
                                        score=label_of(v, options)[1])
                    for k, v in by_speaker.items()},
        trajectory=trajectory,
        evidence=[evidence_for_span(touchpoint, r.sentence.start, r.sentence.end)
                  for r in sorted(supporting, key=lambda r: r.sentence.start)])
