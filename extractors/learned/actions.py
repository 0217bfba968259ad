"""A next step's action and owner from a sentence the classifier marked as a commitment or request.

Used when the rules found no step in such a sentence: the action is the sentence without its
lead-in ("Sure —", "Per our call,", 收到，), its subject and modal ("I'll", "could you", 麻烦您), its
due phrase and its closing punctuation; the owner is the speaker's side for a commitment and the
other side for a request. The due date comes from the rules' date normalizer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.models import Touchpoint
from extractors.rules.dates import find_due_phrases
from extractors.rules.sentences import Sentence

MAX_ACTION_CHARS = 90
_EN_LEAD = re.compile(
    r"^(?:(?:sure|okay|ok|right|yeah|yes|absolutely|no problem|got it|sounds good|great|perfect|"
    r"fine|per our call|as discussed|as promised|um+|uh+|so|also|and|then|hi|thanks)\b[\s,.!—–-]*)+",
    re.I)
_EN_SUBJECT = re.compile(
    r"^(?:(?:could|can|would|will) you(?: please| kindly)?(?: mind)?|please|pls|kindly|"
    r"(?:I|we)(?:'ll| will| shall| am going to| are going to|'m going to|'re going to| can| need to)?"
    r"|let me|let us|let's|you(?:'ll| will| need to| should)?|your team (?:will|should|can)|"
    r"I need you to|we need you to)\b\s*(?:(?:also|then|just|quickly|first|go ahead and)\s+)*",
    re.I)
_ZH_LEAD = re.compile(r"^(?:(?:好的|好|收到|没问题|嗯+|那个|行|明白|对|另外|然后|OK|ok|我们这边商量了一下|"
                      r"呃|哦)[，,、。！!\s~～]*)+")
_ZH_SUBJECT = re.compile(r"^(?:我们这边|我这边|我们|我司|我|咱们|请您|请你们|请你|请|麻烦您|麻烦你们|"
                         r"麻烦你|麻烦|辛苦|您那边|你们那边|您|你们|你|需要您)")
_ZH_MODAL = re.compile(r"^(?:会|将|要|再|先|马上|尽快|负责|帮我|帮忙|一定要)+")
_TRAILING = re.compile(r"(?:\s+(?:by|before|on|until|no later than|within|in|at|this|next))+\s*$|"
                       r"(?:之前|以前|前|之内|以内|内)$", re.I)


@dataclass(frozen=True)
class LearnedStep:
    action: str
    owner: str
    due: date | None
    due_phrase: str | None


def side_of(sentence: Sentence, touchpoint: Touchpoint) -> str:
    """`rep` or `customer`: who said the sentence."""
    if sentence.role in ("rep", "agent"):
        return "rep"
    if sentence.role == "customer":
        return "customer"
    if touchpoint.channel in ("email", "ticket", "chat") and touchpoint.direction == "outbound":
        return "rep"
    return "customer" if touchpoint.channel in ("email", "ticket", "chat") else "rep"


def step_from_sentence(sentence: Sentence, touchpoint: Touchpoint, role: str) -> LearnedStep | None:
    dues = find_due_phrases(touchpoint.text, touchpoint.occurred_at, sentence.start, sentence.end)
    text, cursor, pieces = sentence.text, 0, []
    for due in dues:
        s, e = due.start - sentence.start, due.end - sentence.start
        if s >= cursor:
            pieces.append(text[cursor:s])
            cursor = e
    pieces.append(text[cursor:])
    action = " ".join(p.strip() for p in pieces if p.strip())
    for pattern in (_EN_LEAD, _EN_SUBJECT, _ZH_LEAD, _ZH_SUBJECT, _ZH_MODAL):
        action = pattern.sub("", action.strip())
    action = re.sub(r"[\s,，。.!！?？;；:：~～…]+$", "", action)
    action = _TRAILING.sub("", action).strip(" ,，")
    if len(action) < 2:
        return None
    side = side_of(sentence, touchpoint)
    owner = side if role == "commitment" else ("customer" if side == "rep" else "rep")
    first = next((d for d in dues if d.due), None)
    return LearnedStep(action[:MAX_ACTION_CHARS].strip(), owner, first.due if first else None,
                       first.phrase if first else None)
