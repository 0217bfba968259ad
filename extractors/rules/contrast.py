"""Contrasts: one sentence that concedes praise and then complains says both.

"The summaries are really good, but the mobile app crashed twice" and "功能更完整，但价格贵了一倍"
are evals/GUIDE.md's own `mixed` examples, yet scored whole they read as one mild lean (VADER
weighs the clause after "but" most). `sentence_scores` scores the two clauses of such a sentence
apart; only sentences with a contrast word pay for it.
"""

from __future__ import annotations

import re

from extractors.rules.cues import register_pattern
from extractors.rules.folding import gated
from extractors.rules.sentiment import ALL_CUES, STRONG, score_sentence

# "The summaries are really good, but the app crashed twice", "功能更完整，但价格贵了一倍": a contrast
# that joins a clear positive and a clear negative clause says both (evals/GUIDE.md "mixed")
_CONTRAST = gated(re.compile(r",?\s+(?:but|though|however|although)\b|[，,]\s*(?:但是?|不过|可是|只是|就是)",
                             re.I))
_CONTRAST_CUE = register_pattern("contrast", _CONTRAST)


def sentence_scores(text: str, cues: int = ALL_CUES) -> list[float]:
    """The sentence's score, or one score per side when a contrast joins a clearly positive and
    a clearly negative clause."""
    whole = score_sentence(text, cues)
    if not cues & _CONTRAST_CUE:
        return [whole]
    found = _CONTRAST.search(text)
    if found is None or found.start() == 0:
        return [whole]
    # praise conceded, then a complaint; a complaint then reassurance ("nearly lost the deal, but
    # your alerts saved it") ends where the speaker stands, and the whole sentence reads that way
    # the sentence's cue bits stand for its clauses too: a gate is a superset filter
    first = score_sentence(text[: found.start()], cues)
    second = score_sentence(text[found.start():], cues)
    return [first, second] if first >= STRONG and second <= -STRONG else [whole]
