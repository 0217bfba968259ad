"""Praise said alone beside a complaint is sarcasm: "Fourth time I'm explaining this.
Fantastic.", "Your system has been down since seven. \"Working on it.\" Great."

A bare praise word (or a quote of the other side followed by one) is the whole sentence, and one
of the same speaker's two sentences before or after it is negative: it repeats the complaint, it
does not praise. So is bare praise that opens a recurrence ("Fantastic. Another roadmap slide.")
or that follows an echo of what the other side just offered ("Five to seven business days.
Great.", "A committed date. Sure."). Read across sentences, so it lives beside the per-sentence
rules of `sentiment`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.rules.sentences import Sentence

_BARE_PRAISE = re.compile(
    r"^\W*(?:[\"“'‘][^\"”'’]{1,80}[\"”'’]\W*)?(?:oh,? )?(?:just |really |real |so )?(?:great|fantastic|wonderful|"
    r"perfect|brilliant|awesome|lovely|super|amazing|excellent|marvellous|marvelous|cool|nice|terrific|"
    r"太好了|真棒|好极了|真不错|厉害)(?: job| work| stuff)?[\W]*$", re.I)
# what bare praise introduces when it is sarcasm: "Fantastic. Another roadmap slide.", "Great. Again."
_RECURRENCE = re.compile(r"^\W*(?:(?:and |so )?(?:yet |just |one more |)another\b|again\b|(?:and )?here we go "
                         r"again|又|又是|又来)", re.I)
_WORD = re.compile(r"[a-z0-9]+|[\u4e00-\u9fff]", re.I)
ECHO_WORDS = 6  # an echo is a short fragment: "5-7 business days.", "A committed date."
NEGATIVE_BEFORE = -0.3  # the sentence before must be at least this negative
NEIGHBOURS = 2  # how many of the same speaker's sentences either side are read


def read_sarcasm(scored: list[tuple[Sentence, float]], sarcasm_score: float,
                 sentences: Sequence[Sentence] = ()) -> list[tuple[Sentence, float]]:
    """`scored` (in text order) with bare praise after the same speaker's complaint, before a
    recurrence or after an echo of the other side (read from `sentences`, everything said) scored
    as sarcasm."""
    out: list[tuple[Sentence, float]] = []
    for i, (sentence, score) in enumerate(scored):
        if score > 0 and _BARE_PRAISE.match(sentence.text):
            same = [(other, other_score) for other, other_score in scored[max(0, i - 2 * NEIGHBOURS): i + 2 * NEIGHBOURS + 1]
                    if other.speaker == sentence.speaker and other is not sentence]
            before = [p for p in same if p[0].start < sentence.start][-NEIGHBOURS:]
            after = [p for p in same if p[0].start > sentence.start][:NEIGHBOURS]
            if any(other_score <= NEGATIVE_BEFORE for _, other_score in before + after) \
                    or (after and _RECURRENCE.match(after[0][0].text)) \
                    or (before and _is_echo(before[-1][0], sentences)):
                score = sarcasm_score  # "…again. Fantastic." and "Fantastic. Fourth time I'm…"
        out.append((sentence, score))
    return out


def _is_echo(fragment: Sentence, sentences: Sequence[Sentence]) -> bool:
    """Whether `fragment` is a few words the other side said just before it."""
    words = [w.lower() for w in _WORD.findall(fragment.text)]
    if not words or len(words) > ECHO_WORDS:
        return False
    index = next((i for i, s in enumerate(sentences) if s.start == fragment.start), None)
    if index is None:
        return False
    said: set[str] = set()
    for other in reversed(sentences[max(0, index - 6): index]):
        if other.speaker != fragment.speaker:
            said.update(w.lower() for w in _WORD.findall(other.text))
    content = [w for w in words if len(w) > 2 or not w.isascii()]
    return bool(content) and all(w in said for w in content)
