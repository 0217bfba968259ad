"""A pain point's phrase in the learned layer: the complaint clauses of a sentence the role
classifier reads as a complaint (the clause rules are the rules' own, `extractors/rules/pains.py`).

A clause counts when the rules' pain cues find a problem in it or the rules' sentiment lexicon
reads it as negative (a decision such as "we won't be extending the contract" is no pain); a
sentence the rules read as praise is no pain at all. A sentence none of whose clauses says
what is wrong keeps its whole text, unless one of them is a threat or a question — except where
the combined extractor adds a sentence the rules found nothing in (`needs_clause`).
"""

from __future__ import annotations

from extractors.rules.pains import PAIN
from extractors.rules.pains import pain_phrases as rules_pain_phrases
from extractors.rules.sentences import Sentence
from extractors.rules.sentiment import DECISION, score_sentence

POSITIVE = 0.3  # a sentence the rules score this positive is praise, never a pain
NEGATIVE = -0.05  # a clause's rules score at or below this says something is wrong


def _is_pain(part: str) -> bool:
    return bool(PAIN.search(part)) or score_sentence(part) <= NEGATIVE and not DECISION.search(part)


def pain_phrases(sentence: Sentence, *, needs_clause: bool = False) -> list[str]:
    """The complaint clauses of `sentence`, or its whole cleaned text (see the module doc).

    `needs_clause`: no whole-sentence fallback — some clause must hold a pain cue or read as
    negative. The combined extractor adds sentences the rules found nothing in this way: once the
    rules read plain-fact defects, a complaint the classifier alone sees is more often a
    statement of the customer's situation ("we live in Zendesk, so tickets need to sync both
    ways") than a problem (blind split: 1 true pain for 11 false ones without it).
    """
    if score_sentence(sentence.text) >= POSITIVE:
        return []  # "the call summaries have been a huge time saver": praise, not a pain
    return (rules_pain_phrases(sentence) if PAIN.search(sentence.text) else []) or \
        rules_pain_phrases(sentence, _is_pain, whole_when_unsure=not needs_clause)
