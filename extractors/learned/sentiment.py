"""The touchpoint's sentiment from per-sentence readings: the customer's overall stance.

Each customer sentence gets a polarity (P(positive) - P(negative) from the sentiment classifier,
optionally blended with the rules' lexicon score). The classifier's polarity is damped on fragments
of fewer than `min_words` words (a signature, a salutation, a subject line: the encoder reads a
name as a mood), and a clear rules score is not diluted by a classifier that misses a flat
negative or a defect word (`rules_floor`). Sentences at or beyond STRONG on either side
are the clear ones; the label follows their mass: both sides and neither under MIXED_BALANCE of
the other is `mixed`, else the heavier side, else `neutral`. Only sentences that support the
label are its evidence, so a positive label never cites a complaint.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from assistant.models import (
    Sentiment,
    SentimentLabel,
    SentimentPoint,
    SpeakerSentiment,
    Touchpoint,
)
from extractors.grounding import evidence_for_span
from extractors.learned.reading import SentenceReading
from extractors.rules.concession import read_concessions
from extractors.rules.sentiment import settle_resolved

TRAJECTORY_POINTS = 5
SENTIMENT_EVIDENCE = 2
RELABEL_SUPPORT = 0.1  # |polarity| of a sentence that shows a label the touchpoint reading chose


@dataclass(frozen=True)
class SentimentOptions:
    strong: float = 0.5  # |polarity| at which a sentence is clearly positive or negative
    mixed_balance: float = 0.5  # weaker side / stronger side at which both count ("mixed")
    rules_weight: float = 0.0  # share of the rules' lexicon score in a sentence's polarity
    margin: float = 0.0  # the heavier side must outweigh the lighter by this much, else neutral
    rules_floor: float = 0.0  # a rules score times this stands when it is stronger than the blend
    min_words: float = 0.0  # words (two Han characters count one) for the full classifier polarity

    def __post_init__(self) -> None:
        for name in ("strong", "mixed_balance", "rules_weight", "margin", "rules_floor"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"SentimentOptions.{name} must be within 0..1")
        if self.min_words < 0:
            raise ValueError("SentimentOptions.min_words must be >= 0")


_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def content_share(text: str, min_words: float) -> float:
    """0..1: how much of a full sentence `text` is, in words (two Han characters make one)."""
    if min_words <= 0:
        return 1.0
    words = len(_HAN.findall(text)) / 2 + len(_LATIN_WORD.findall(text))
    return min(1.0, words / min_words)


def sentence_polarity(reading: SentenceReading, options: SentimentOptions,
                      rules_score: Callable[[str], float] | None = None,
                      courtesy: Callable[[str], bool] | None = None) -> float:
    """-1..1 for one sentence: the classifier's polarity, blended with the rules' score. A
    sentence `courtesy` recognizes ("Thanks for the demo.") has no classifier polarity: the
    encoder reads thanks as praise."""
    if courtesy is not None and courtesy(reading.sentence.text):
        return rules_score(reading.sentence.text) if rules_score is not None else 0.0
    learned = reading.polarity * content_share(reading.sentence.text, options.min_words)
    if rules_score is None or not (options.rules_weight or options.rules_floor):
        return learned
    rules = rules_score(reading.sentence.text)
    blend = (1 - options.rules_weight) * learned + options.rules_weight * rules
    floor = options.rules_floor * rules
    return floor if abs(floor) > abs(blend) else blend


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


def _supporting(label: str, customer: list[SentenceReading],
                polarity: dict[int, list[float]], strong: float) -> list[SentenceReading]:
    """The customer sentences that show `label` at `strong` or beyond, strongest first (at most
    SENTIMENT_EVIDENCE a side); a sentence with both sides shows `mixed` only."""
    supporting: list[SentenceReading] = []
    one_sided = label != "mixed"
    if label in ("positive", "mixed"):
        supporting += sorted((r for r in customer if max(polarity[id(r)]) >= strong
                              and not (one_sided and min(polarity[id(r)]) <= -strong)),
                             key=lambda r: -max(polarity[id(r)]))[:SENTIMENT_EVIDENCE]
    if label in ("negative", "mixed"):
        supporting += sorted((r for r in customer if min(polarity[id(r)]) <= -strong
                              and r not in supporting
                              and not (one_sided and max(polarity[id(r)]) >= strong)),
                             key=lambda r: min(polarity[id(r)]))[:SENTIMENT_EVIDENCE]
    return supporting


def _read_concessions(readings: list[SentenceReading], polarity: dict[int, list[float]]) -> None:
    """Score in place a turn after the same speaker's praise as a complaint ("Loved the course.
    But four never got their certificates.", extractors/rules/concession.py)."""
    flat = [(r, p) for r in readings for p in polarity[id(r)]]
    read = read_concessions(flat, [r.sentence.text for r, _ in flat],
                            [r.sentence.speaker or r.sentence.role for r, _ in flat])
    for r in readings:
        polarity[id(r)] = []
    for r, p in read:
        polarity[id(r)].append(p)


def customer_readings(readings: list[SentenceReading]) -> list[SentenceReading]:
    """The customer's sentences, or everything not said by the rep side when roles are unknown."""
    customer = [r for r in readings if r.sentence.role == "customer"]
    return customer or [r for r in readings if r.sentence.role not in ("rep", "agent")]


def learned_sentiment(touchpoint: Touchpoint, readings: list[SentenceReading],
                      options: SentimentOptions,
                      rules_score: Callable[[str], float] | None = None,
                      courtesy: Callable[[str], bool] | None = None,
                      sides: Callable[[str], list[float]] | None = None,
                      relabel: Callable[[str, list[SentenceReading]], str] | None = None,
                      ) -> Sentiment | None:
    """The customer's sentiment; `sides` splits a sentence that holds both a clear positive and a
    clear negative clause ("good, but it crashed twice") into one polarity per side; `relabel`
    (the touchpoint-level reading, extractors/learned/touchpoint.py) may change the label given
    the customer's readings."""
    if not readings:
        return None

    def polarities_of(r: SentenceReading) -> list[float]:
        split = sides(r.sentence.text) if sides is not None else []
        return split if len(split) > 1 else [sentence_polarity(r, options, rules_score, courtesy)]

    polarity = {id(r): polarities_of(r) for r in readings}
    _read_concessions(readings, polarity)
    customer = customer_readings(readings)
    customer_polarities = [p for r in customer for p in polarity[id(r)]]
    label, score = label_of(customer_polarities, options)
    label = settle_resolved(label, [(r.sentence.text, p) for r in customer for p in polarity[id(r)]],
                            touchpoint.channel, options.strong)
    supporting = _supporting(label, customer, polarity, options.strong)
    if relabel is not None and (wanted := relabel(label, customer)) != label:
        # the touchpoint reading wins only when a customer sentence leans its way
        shown = _supporting(wanted, customer, polarity, RELABEL_SUPPORT)
        sides_shown = ({"positive" for r in shown if max(polarity[id(r)]) >= RELABEL_SUPPORT}
                       | {"negative" for r in shown if min(polarity[id(r)]) <= -RELABEL_SUPPORT})
        if wanted == "neutral" or (shown and (wanted != "mixed" or len(sides_shown) == 2)):
            label, supporting = cast(SentimentLabel, wanted), shown
    by_speaker: dict[str, list[float]] = defaultdict(list)
    for r in readings:
        by_speaker[r.sentence.speaker or r.sentence.role].extend(polarity[id(r)])
    chunk = max(1, -(-len(readings) // TRAJECTORY_POINTS))
    trajectory = []
    for i in range(0, len(readings), chunk):
        part = readings[i : i + chunk]
        point_label, point_score = label_of([p for r in part for p in polarity[id(r)]], options)
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
