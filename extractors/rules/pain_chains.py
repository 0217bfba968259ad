"""An English complaint that chains two facts: both are pain points, each its own phrase.

`pains.pain_phrases` keeps an English sentence whole when one of its clauses holds a problem cue,
since a short English clause leans on the rest of its sentence. But a customer often tells a
problem and what it leads to, or two problems, in one sentence joined by "and" or "so", and only
one of them carries a cue word: "the PM splits every set into pieces to get it in, and the field
guys end up with half a set", "it drops the boundaries on a third of the fields, so she fixes them
by hand before every report", "we're paying both carriers and our main line still rings at the
old office". Each of those is a pain point of its own, and one phrase for the whole sentence
matches only one of them. So a clause after the cued one, joined to it by "and", "so" or a
semicolon (never "but", which turns to something else, nor a bare comma or a colon, which end a
lead-in), is kept as a problem of its own when both are statements: each opens on its own subject,
and the one after has MIN_CHAINED_WORDS words or more and is no comment, need or feeling. A clause
before the cued one is more often the setting ("we're migrating from Zendesk and the import keeps
timing out"), so it chains only through a cue of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

MIN_CHAINED_WORDS = 5  # "so we're stuck", "and it hurts" lean on the clause before
MIN_PRONOUN_WORDS = 7  # as does a short one about "they" or "it": "and they have to log in again"
_PRONOUN = re.compile(r"^(?:they|it|he|she|we|i)\b", re.I)
# what may stand between two chained clauses: "and", "so" or a semicolon (a bare comma more often
# ends a lead-in: "During our review, the form could not be completed")
_JOIN = re.compile(r"\s*(?:[,;]\s*)?(?:(?:and|so|and so|and then)\b[\s,;]*|;[\s,;]*)", re.I)
# a clause with its own subject: "the field guys end up…", "our main line still rings…", "she
# fixes them…" (a predicate that goes on from the clause before opens on a verb: "importing them
# one by one", "get the green check")
_SUBJECT = re.compile(r"^(?:the|our|my|their|his|her|its|we|they|it|she|he|i|nobody|no one|everyone|"
                      r"every|all|some|most|half|none|this|that|these|those|[A-Z][\w'&-]*|\d)\b")
_WORD = re.compile(r"[A-Za-z0-9]+")
# no fact of its own: a comment, a wish or need, where one stands today, how someone feels about
# the problem ("and that's on you", "so I need a call", "we're on the free tier", "and our
# registrar is not thrilled"), or a cause told after "because" / "when"
_NOT_A_FACT = re.compile(r"^(?:that'?s|this is|it'?s|i'?d|we'?d|i would|we would|i hope|we hope|"
                         r"i think|we think|i guess|thanks?)\b|^(?:[\w']+ ){0,3}?(?:need|needs|want|"
                         r"wants|would like|expects?)\b|^(?:we'?re|we are|we'?ve been|we have been|i'?m|"
                         r"i am) (?:on|using|migrating|moving|switching|working|in|at|from)\b|"
                         r"\b(?:not (?:thrilled|happy|pleased|impressed|amused)|upset|unhappy|annoyed|"
                         r"furious|angry|livid|because|when|whenever)\b", re.I)


def chained_clauses(text: str, cuts: list[tuple[int, int, bool]], index: int,
                    clause: Callable[[str, int, int], str],
                    is_refused: Callable[[str, bool], bool]) -> list[tuple[int, str]]:
    """(cut index, phrase) of the clauses chained after the pain clause at `index` of `cuts`, in
    text order; `clause` cleans a span of `text`, `is_refused` tells a question, threat or
    request. None unless the pain clause opens on its own subject too."""
    found: list[tuple[int, str]] = []
    if not _SUBJECT.match(clause(text, *cuts[index][:2])):
        return found
    at, end = index, cuts[index][1]  # the last clause taken, and where it ends
    while at + 1 < len(cuts) and not cuts[at][2]:  # not past a question mark
        at += 1
        start, stop, asked = cuts[at]
        part = clause(text, start, stop)
        if not part:  # the empty piece between ", " and " and "
            continue
        if not _JOIN.fullmatch(text, end, start):
            break
        words = len(_WORD.findall(part))
        if words < MIN_CHAINED_WORDS or not _SUBJECT.match(part) or \
                _PRONOUN.match(part) and words < MIN_PRONOUN_WORDS or \
                _NOT_A_FACT.search(part) or is_refused(part, asked):
            break
        found.append((at, part))
        end = stop
    return found
