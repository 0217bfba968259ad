"""Each sentence of a touchpoint, read by the classifiers: role and sentiment probabilities.

Sentences come from the rules' splitter (same offsets, speakers and roles the rules use), so a
reading lines up with a rules item by its span. All sentences of one touchpoint — or of many
touchpoints, through `read_touchpoints` — go through the encoder in one batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from assistant.models import Touchpoint
from extractors.learned.classifier import (
    PAIN_MODEL,
    ROLES_MODEL,
    SENTIMENT_MODEL,
    SentenceClassifier,
    shipped_classifier,
)
from extractors.learned.encoder import DIMENSIONS, encode_sentences
from extractors.rules.sentences import Sentence, split_sentences

STEP_ROLES = ("commitment", "request")
# where an email's quoted earlier message starts: a "> " line, "On <date> ... wrote:", "在…写道："
_QUOTE_START = re.compile(r"^[ \t]*>|^[ \t]*On [^\n]{5,200}wrote:[ \t]*$|^[^\n]{0,80}写道[:：][ \t]*$"
                          r"|^-{2,}[ \t]*Original Message[ \t]*-{2,}", re.M | re.I)


@dataclass(frozen=True)
class SentenceReading:
    sentence: Sentence
    roles: dict[str, float]
    sentiment: dict[str, float]
    embedding: np.ndarray = field(default_factory=lambda: np.zeros(DIMENSIONS, np.float32),
                                  compare=False, repr=False)  # the encoder's vector
    pain: float | None = None  # P(the sentence tells a pain point), the pain model's; None: unread

    @property
    def pain_probability(self) -> float:
        """Mean of the pain model's P(pain) and the role model's P(complaint) (P(complaint) alone
        where the pain model did not read the sentence)."""
        complaint = self.roles.get("complaint", 0.0)
        return complaint if self.pain is None else (self.pain + complaint) / 2

    @property
    def role(self) -> str:
        return max(self.roles, key=self.roles.__getitem__)

    @property
    def step_probability(self) -> float:
        """Probability that the sentence commits someone to act (a commitment or a request)."""
        return sum(self.roles[r] for r in STEP_ROLES)

    @property
    def polarity(self) -> float:
        """-1..1: P(positive) - P(negative)."""
        return self.sentiment["positive"] - self.sentiment["negative"]

    def contains(self, start: int, end: int) -> bool:
        return self.sentence.start <= start and end <= self.sentence.end


def _readings(sentences: list[Sentence], embeddings: np.ndarray) -> list[SentenceReading]:
    return read_sentences(sentences, embeddings, shipped_classifier(ROLES_MODEL),
                          shipped_classifier(SENTIMENT_MODEL), shipped_classifier(PAIN_MODEL))


def read_sentences(sentences: list[Sentence], embeddings: np.ndarray, roles: SentenceClassifier,
                   sentiment: SentenceClassifier, pain: SentenceClassifier | None = None
                   ) -> list[SentenceReading]:
    """Readings of `sentences` (one embedding row each) by the given classifiers (without a pain
    model, `pain` stays unread)."""
    role_p, sentiment_p = roles.probabilities(embeddings), sentiment.probabilities(embeddings)
    pain_p = None if pain is None else pain.probabilities(embeddings)[:, pain.column("pain")]
    return [SentenceReading(s, dict(zip(roles.classes, map(float, role_p[i]), strict=True)),
                            dict(zip(sentiment.classes, map(float, sentiment_p[i]), strict=True)),
                            embeddings[i], None if pain_p is None else float(pain_p[i]))
            for i, s in enumerate(sentences)]


def new_text_end(touchpoint: Touchpoint) -> int:
    """Where the new text of an email ends: the quoted message below belongs to an earlier one."""
    if touchpoint.channel != "email":
        return len(touchpoint.text)
    quoted = _QUOTE_START.search(touchpoint.text)
    return quoted.start() if quoted else len(touchpoint.text)


def touchpoint_sentences(touchpoint: Touchpoint) -> list[Sentence]:
    """The sentences the classifiers read: the rules' split without quoted earlier messages."""
    end = new_text_end(touchpoint)
    return [s for s in split_sentences(touchpoint) if not s.quoted and s.start < end]


def read_touchpoints(touchpoints: list[Touchpoint]) -> list[list[SentenceReading]]:
    """Readings per touchpoint, every sentence of every touchpoint encoded in one batch; an
    email's quoted earlier message (below any reply header the rules' splitter knows, such as
    "-----原始邮件-----") is not read."""
    per_touchpoint = [touchpoint_sentences(t) for t in touchpoints]
    flat = [s for sentences in per_touchpoint for s in sentences]
    embeddings = encode_sentences([s.text for s in flat])
    readings, at = [], 0
    for sentences in per_touchpoint:
        readings.append(_readings(sentences, embeddings[at : at + len(sentences)]))
        at += len(sentences)
    return readings


def reading_at(readings: list[SentenceReading], start: int, end: int) -> SentenceReading | None:
    """The reading of the sentence holding [start, end), or the one overlapping it most."""
    best, overlap = None, 0
    for reading in readings:
        if reading.contains(start, end):
            return reading
        shared = min(end, reading.sentence.end) - max(start, reading.sentence.start)
        if shared > overlap:
            best, overlap = reading, shared
    return best
