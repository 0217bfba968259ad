"""A Chinese pain point's phrase: the complaint clauses of a sentence, not the whole sentence.

A Chinese customer sentence often strings a pain into its context with commas ("我们现在用的是纷享销客，
用了三年了，但是那个报表真的很难用，每次月底对数都要加班"). The pain is the clauses that say something
is wrong: the ones the rules' pain cues or sentiment lexicon read as negative, each without its
lead-in ("说实话", "但是那个"). An English sentence is split only where two or more clauses of four
words or more each state a pain ("the import has failed three times this week and nobody got
back to us"); one pain keeps its sentence's context ("our reps found the Gmail add-on slow to
load"), since short English clauses ("its a mess") lost more than they found on dev. A sentence
the rules read as praise is no pain at all.
A sentence with no such clause keeps its whole text; one with several gives one phrase each, so
"报表很难用" and "月底对数要加班" are two pains, as a person would list them.
"""

from __future__ import annotations

import re

from extractors.rules.sentences import Sentence
from extractors.rules.sentiment import DECISION, score_sentence
from extractors.rules.signals import PAIN, clause

MAX_PAINS_PER_SENTENCE = 3
MIN_CLAUSE_WORDS = 2  # a clause this short ("lol", "真的") is not a pain on its own
MIN_EN_CLAUSE_WORDS = 4  # "its a mess", "they're slow" lean on the rest of their sentence
POSITIVE = 0.3  # a sentence the rules score this positive is praise, never a pain
NEGATIVE = -0.05  # a clause's rules score at or below this says something is wrong
_CLAUSES = re.compile(r"[，,；;：:!！？?。]+|\s[-–—]+\s|\s(?:but|and|so|because|which)\s|"
                      r"(?:但是|不过|可是|而且|所以|因为)")
_LEAD_IN = re.compile(r"^\s*(?:(?:honestly|frankly|so|and|but|um+|uh+|well|yeah|also|plus|tbh|"
                      r"说实话|老实说|就是|那个|这个|嗯+|呃+|主要问题是|问题是|另外|而且|还有|然后|但是|不过)"
                      r"[\s,，、…]*)+", re.I)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")


def _words(text: str) -> float:
    return len(_HAN.findall(text)) / 2 + len(_LATIN_WORD.findall(text))


def pain_phrases(sentence: Sentence) -> list[str]:
    """The complaint clauses of `sentence` (at most MAX_PAINS_PER_SENTENCE), or its whole
    cleaned text when no clause on its own reads as a complaint."""
    whole = clause(sentence)
    if score_sentence(sentence.text) >= POSITIVE:
        return []  # "the call summaries have been a huge time saver": praise, not a pain
    english = not _HAN.search(sentence.text)
    parts = [p.strip(" \t\"'“”‘’…~～.") for p in _CLAUSES.split(sentence.text)]
    pains = []
    for part in parts:
        part = _LEAD_IN.sub("", part).strip()
        if _words(part) < (MIN_EN_CLAUSE_WORDS if english else MIN_CLAUSE_WORDS):
            continue
        if PAIN.search(part) or score_sentence(part) <= NEGATIVE and not DECISION.search(part):
            pains.append(part)  # "we won't be extending the contract" is a decision, no pain
    if not pains or len(pains) == 1 and (english or len(pains[0]) >= len(whole) - 2):
        return [whole]
    return pains[:MAX_PAINS_PER_SENTENCE]
