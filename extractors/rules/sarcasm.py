"""Praise said alone beside a complaint is sarcasm: "Fourth time I'm explaining this.
Fantastic.", "Your system has been down since seven. \"Working on it.\" Great."

A bare praise word (or a quote of the other side followed by one) is the whole sentence, and the
same speaker's sentence before or after it is negative: it repeats the complaint, it does not praise. Read
across sentences, so it lives beside the per-sentence rules of `sentiment`.
"""

from __future__ import annotations

import re

from extractors.rules.sentences import Sentence

_BARE_PRAISE = re.compile(
    r"^\W*(?:[\"“'‘][^\"”'’]{1,80}[\"”'’]\W*)?(?:oh,? )?(?:just )?(?:great|fantastic|wonderful|perfect|"
    r"brilliant|awesome|lovely|super|amazing|excellent|marvellous|marvelous|cool|nice|terrific|"
    r"太好了|真棒|好极了|真不错|厉害)(?: job| work| stuff)?[\W]*$", re.I)
NEGATIVE_BEFORE = -0.3  # the sentence before must be at least this negative


def read_sarcasm(scored: list[tuple[Sentence, float]], sarcasm_score: float
                 ) -> list[tuple[Sentence, float]]:
    """`scored` (in text order) with bare praise after the same speaker's complaint scored as
    sarcasm."""
    out: list[tuple[Sentence, float]] = []
    for i, (sentence, score) in enumerate(scored):
        if score > 0 and _BARE_PRAISE.match(sentence.text) and any(
                other.speaker == sentence.speaker and other_score <= NEGATIVE_BEFORE
                for other, other_score in scored[max(0, i - 1): i + 2] if other is not sentence):
            score = sarcasm_score  # "…again. Fantastic." and "Fantastic. Fourth time I'm…"
        out.append((sentence, score))
    return out
