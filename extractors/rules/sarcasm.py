"""Praise said alone right after a complaint is sarcasm: "Fourth time I'm explaining this.
Fantastic.", "Your system has been down since seven. \"Working on it.\" Great."

A bare praise word (or a quote of the other side followed by one) is the whole sentence, and the
same speaker's sentence before it is negative: it repeats the complaint, it does not praise. Read
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
        if score > 0 and i and _BARE_PRAISE.match(sentence.text):
            before, before_score = scored[i - 1]
            if before.speaker == sentence.speaker and before_score <= NEGATIVE_BEFORE:
                score = sarcasm_score
        out.append((sentence, score))
    return out
