"""A problem opened by "but" right after praise: the other half of a `mixed` touchpoint.

"The trainers loved the new course. But four of them never got their certificates." and
"外观很满意，做工也好。但是有一个按键按下去没反应" concede praise in one sentence and turn to what
went wrong in the next, told as plain facts with no feeling word for a lexicon to score. Scored
alone, the turn reads neutral and the touchpoint reads positive; evals/GUIDE.md calls it `mixed`
(clear praise and a clear problem, neither dominating). `read_concessions` scores such a turn as a
complaint: a sentence that opens with a contrast word, whose same speaker praised clearly in one of
the two sentences before it, and that neither praises, asks, requests nor waves the problem off
("but it's not a big deal", "不过问题不大"). Read across sentences, so it lives beside the
per-sentence scorer, as `sarcasm.py` does; `contrast.py` splits a praise-but-complaint said in one
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

# the turn opens the sentence, maybe after a bullet or a note's speaker label ("- 王经理：但是…")
_TURN = re.compile(
    r"^[\W\d]*(?:[^\W\d][^:：,，。.!?！？]{0,11}[:：]\s*)?(?:(?:and |oh,? )?(?:but|however|though|that said|"
    r"on the (?:other|flip) side|unfortunately|sadly|the (?:bad|not so good|downside|problem|issue)(?: is)?)\b"
    r"|但是?|不[过過]|可是|然而|只是|就是有?一?点|遗[憾撼]的是|美中不足的是?|可惜|问题是|問題是)", re.I)
# a turn that still praises, asks, requests or waves the problem off is not a complaint
_NOT_A_PROBLEM = re.compile(
    r"\b(?:not (?:a|that) big (?:deal|issue)|no big deal|minor|small thing|nitpick|nothing major|"
    r"overall|all in all|otherwise|could you|can you|can we|could we|would you|will you|please|"
    r"(?:I|we)(?:'d| would) (?:like|love|appreciate)|let me know|any (?:chance|update|idea|plans?)|"
    r"wondering|curious|do you|is there|are there|when will|"
    # a condition or a caveat about timing or authority: "but it must be live by June", "but that's
    # the franchise owners' call", "不过春节前定不下来了"
    r"must|needs? to|ha(?:ve|s) to|require[sd]?|(?:\w+'s|our|their|my) call|decision|next (?:year|quarter))\b"
    r"|问题不大|小问题|不影响|无伤大雅|总体|整体|总的来说|能不能|可不可以|能否|可否|是否|请|麻烦|希望|想问|"
    r"想了解|有没有|什么时候|吗[？?]?$|要求|必须|需要|得在|定不下来|再说|再定|年后|节后|明年|之后再", re.I)
PRAISE_BEFORE = 0.3  # the praise before the turn must be at least this clear
NEIGHBOURS = 2  # how many of the same speaker's sentences before the turn are read
TURN_CEILING = 0.1  # a turn scored above this still praises ("but the support team was great")
CONCESSION_SCORE = -0.45  # a turn after praise counts as one clear complaint

S = TypeVar("S")


def is_turn(text: str) -> bool:
    """Whether `text` opens with a contrast and raises a problem: no question, no request, no
    problem waved off."""
    stripped = text.strip()
    return (_TURN.match(stripped) is not None and not stripped.endswith(("?", "？"))
            and _NOT_A_PROBLEM.search(stripped) is None)


def read_concessions(scored: Sequence[tuple[S, float]], text_of: Sequence[str],
                     speaker_of: Sequence[str]) -> list[tuple[S, float]]:
    """`scored` (one speaker side, in text order; `text_of` and `speaker_of` give each entry's text
    and speaker) with a turn after the same speaker's clear praise scored as a complaint
    (CONCESSION_SCORE, or its own score when that is lower)."""
    out: list[tuple[S, float]] = []
    for i, (sentence, score) in enumerate(scored):
        if score <= TURN_CEILING and is_turn(text_of[i]):
            before = [j for j in range(max(0, i - 2 * NEIGHBOURS), i)
                      if speaker_of[j] == speaker_of[i]][-NEIGHBOURS:]
            if any(scored[j][1] >= PRAISE_BEFORE for j in before):
                score = min(score, CONCESSION_SCORE)
        out.append((sentence, score))
    return out
