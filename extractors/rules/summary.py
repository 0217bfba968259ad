"""An extractive summary: the few sentences that carry the most, in their original order.

A sentence scores for what the other rules found in it (a competitor, a next step, a pain point,
an objection, a buying signal); ties go to earlier sentences. Nothing is paraphrased, so every
word of the summary is evidence.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.models import Evidence, Summary, Touchpoint
from extractors.grounding import evidence_for_span
from extractors.rules.sentences import Sentence

MAX_SENTENCES = 3
MAX_CHARS = 400


def build_summary(touchpoint: Touchpoint, sentences: list[Sentence], weights: dict[int, float],
                  evidence: Callable[[Sentence], Evidence] | None = None) -> Summary | None:
    """`weights` maps a sentence's start offset to how much was found in it; `evidence` gives a
    sentence's Evidence when the caller already builds one per sentence."""
    if not sentences:
        return None
    ranked = sorted(sentences, key=lambda s: (-weights.get(s.start, 0.0), s.start))
    chosen: list[Sentence] = []
    length = 0
    for sentence in ranked:
        if len(chosen) == MAX_SENTENCES or (chosen and weights.get(sentence.start, 0.0) == 0):
            break
        if length + len(sentence.text) > MAX_CHARS and chosen:
            continue
        chosen.append(sentence)
        length += len(sentence.text)
    chosen.sort(key=lambda s: s.start)
    return Summary(text=" ".join(s.text for s in chosen),
                   evidence=[evidence(s) if evidence else evidence_for_span(touchpoint, s.start, s.end)
                             for s in chosen])
