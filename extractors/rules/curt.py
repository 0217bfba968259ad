"""A curt last word after a problem leaves the touchpoint negative.

A customer who has complained and then closes with "Fine.", "Whatever." or "行吧。" / "随便吧" has
not been won back: the word concedes, it does not agree (evals/GUIDE.md "Sentiment": "a customer
whose last words are curt after a problem … leaves the touchpoint `negative`"). Lexicons read
the word as neutral at best ("fine" is mildly positive to VADER), and the rest of such a call is
often plain facts, so the label drifts to `neutral` or, with one polite line, `mixed`. Read across
the customer's sentences, so it lives beside `label_for`, not in the per-sentence scorer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.models import SentimentLabel

# the whole sentence is the curt word: "Fine.", "OK, fine.", "Whatever.", "行吧。", "随便吧", "算了"
CURT = re.compile(r"\W*(?:(?:ok(?:ay)?|yeah|well)[,.]? )?(?:fine|whatever|forget it|if you say so|"
                  r"suit yourself|fine,? whatever|行吧|随便(?:吧|你们吧?)?|算了吧?|那就这样吧)\W*", re.I)
CURT_MAX_CHARS = 24  # longer sentences carry more than the curt word ("Fine, Tuesday works.")
TAIL_SHARE = 0.6  # the curt word must come in the last 40% of the customer's sentences


def is_curt(text: str) -> bool:
    """Whether `text` (one sentence) is a curt last word and nothing else."""
    return len(text) <= CURT_MAX_CHARS and CURT.fullmatch(text.strip()) is not None


def settle_curt(label: SentimentLabel, scored: Sequence[tuple[str, float]],
                strong: float) -> SentimentLabel:
    """`negative` for a touchpoint whose customer, after a complaint, closes curtly; otherwise
    `label`. `scored` holds the customer's (sentence, score) pairs in text order; the complaint is a
    sentence scored at or below -`strong` (a worry, "my concern is residency", is not one)."""
    if label == "negative" or len(scored) < 2:
        return label
    last = len(scored) - 1
    curt = [i for i, (text, _) in enumerate(scored) if i >= TAIL_SHARE * last and is_curt(text)]
    if not curt:
        return label
    complained = any(score <= -strong for _, score in scored[: curt[-1]])
    return "negative" if complained else label
