"""Next steps: commitments and requests, one per clause, with an owner and a normalized due date.

A step is a first-person promise ("I'll send…", "我…发给您"), a request to the other side ("could
you send…", "please loop in…", "麻烦…发我一份", "请尽快安排…") — owned by the addressee — a team
or third party's promise ("our support engineer will call you", "我们产品经理下周给您演示" on the
speaker's side; "Priya from finance will send the PO", "your IT team will…" on the customer's),
or a proposal ("let's meet…"). Each clause is read on its own, so "我下午先把演示账号开好，晚上再把
操作手册发给您" is two steps, and a clause without a subject continues the one before it.

Not steps: offers and conditionals until the other side accepts in the next turn ("If you sign
this quarter we could include onboarding", "如果您需要，我们也可以安排培训"), threats ("otherwise
we'll cancel"), complaints and statements that merely contain a date ("上周五的数据到现在还没同步"),
things already done, wishes, questions that are not requests, filler ("bear with me", "稍等一下",
"let me check"), and anything in a quoted earlier message. The action is the verb phrase without
its lead-in ("Sure —", "Per our call,", "收到，") and without the due phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.models import Role, Touchpoint
from extractors.rules.cues import register, register_pattern
from extractors.rules.dates import DATE_EN, DuePhrase, find_due_phrases
from extractors.rules.next_step_patterns import (
    ACCEPTANCE,
    CLAUSE_BREAK,
    CONDITIONAL,
    DONE,
    EN_DELEGATE,
    EN_MODAL_WORDS,
    EN_NAMED,
    EN_OFFER,
    EN_REQUEST,
    EN_SELF,
    EN_TEAM,
    EN_VERB_WORDS,
    FILLER,
    NEGATION,
    NOT_A_NAME,
    NOT_A_REQUEST,
    THREAT,
    WISH,
    ZH_CONTINUE,
    ZH_MODAL,
    ZH_OFFER,
    ZH_REQUEST,
    ZH_SELF,
    ZH_TEAM,
    ZH_TIMED,
    ZH_VERB,
    clean_action,
)
from extractors.rules.sentences import Sentence

_EN_VERB = register_pattern("en_verb", EN_REQUEST, "verb")  # every English pattern's verbs
_EN_MODAL = register("en_modal", EN_MODAL_WORDS)
_EN_SUBJECT = register("en_subject", ["i ", "we "])
_ZH_MODAL = register_pattern("zh_modal", ZH_MODAL)
_ZH_ASK = register("zh_ask", ["请", "麻烦"])
_ZH_TIMED = register_pattern("zh_timed", ZH_TIMED)
_EN_SELF = register_pattern("en_self", EN_SELF)
_EN_REQUEST = register_pattern("en_request", EN_REQUEST)
_EN_TEAM = register_pattern("en_team", EN_TEAM) | register_pattern("en_team", EN_DELEGATE)
_EN_OFFER = register_pattern("en_offer", EN_OFFER)
_ZH_SELF = register_pattern("zh_self", ZH_SELF)
_ZH_REQUEST = register_pattern("zh_request", ZH_REQUEST)
_ZH_TEAM = register_pattern("zh_team", ZH_TEAM)
_ZH_OFFER = register_pattern("zh_offer", ZH_OFFER)
_THREAT = register_pattern("threat", THREAT)
_FILLER = register_pattern("filler", FILLER, "filler")
_CONDITIONAL = register_pattern("conditional", CONDITIONAL)
_DONE = register_pattern("done", DONE)
_WISH = register_pattern("wish", WISH)
_NEGATION = register_pattern("negation", NEGATION)


def _is_candidate(cues: int) -> bool:
    """Whether a sentence's cue words allow any step pattern to match (most sentences fail)."""
    if cues & _EN_VERB and (cues & (_EN_MODAL | _EN_REQUEST | _EN_TEAM | _EN_OFFER)
                            or cues & _EN_SUBJECT and cues & DATE_EN):
        return True
    return bool(cues & (_ZH_SELF | _ZH_REQUEST) and cues & _ZH_MODAL
                or cues & (_ZH_ASK | _ZH_TEAM | _ZH_OFFER | _ZH_TIMED))
MIN_ACTION_CHARS = 2
_TRIVIAL_ACTIONS = re.compile(r"^(?:do|do (?:it|that|this|so)|it|that|this|so|处理|做)$", re.I)


@dataclass(frozen=True)
class NextStepHit:
    action: str
    owner: str
    due: date | None
    due_phrase: str | None
    start: int
    end: int
    sentence: Sentence


@dataclass(frozen=True)
class _Found:
    """A step found in one clause: who (relative to the speaker) and where the action starts."""

    side: str  # "self" (the speaker's side), "other" (the addressee's) or "customer"
    action_from: int  # offset in the sentence
    is_offer: bool = False  # a step only if the other side accepts, or it names a date
    needs_due: bool = False  # "we send…" is a habit unless it names a date


def _other(role: Role) -> str:
    return "customer" if role in ("rep", "agent") else "rep"


def _own(role: Role) -> str:
    return "customer" if role == "customer" else "rep"


def _speaker_role(sentence: Sentence, touchpoint: Touchpoint) -> Role:
    if sentence.role != "unknown":
        return sentence.role
    if touchpoint.channel in ("email", "ticket", "chat"):
        return "rep" if touchpoint.direction == "outbound" else "customer"
    return "unknown"


def _clauses(text: str) -> list[tuple[int, int]]:
    """[start, end) of each clause: split at commas, semicolons and "and then"-style joins."""
    spans, cursor = [], 0
    for m in CLAUSE_BREAK.finditer(text):
        if m.start() > cursor:
            spans.append((cursor, m.start()))
        cursor = m.end()
        while cursor < len(text) and text[cursor].isspace():
            cursor += 1
    if cursor < len(text):
        spans.append((cursor, len(text)))
    return spans


def _match_en(clause: str, base: int, cues: int) -> _Found | None:
    if cues & _EN_TEAM and ((m := EN_DELEGATE.search(clause)) or (m := EN_TEAM.search(clause))):
        side = "other" if m.group("who").lower().startswith("your") else "self"
        return _Found(side, base + m.start("verb"))
    if (m := EN_NAMED.search(clause)) and m.group("name").lower() not in NOT_A_NAME:
        return _Found("customer", base + m.start("verb"))
    request = EN_REQUEST.search(clause) if cues & _EN_REQUEST else None
    own = EN_SELF.search(clause) if cues & _EN_SELF else None
    if own and (request is None or own.start() < request.start()):
        return _Found("self", base + own.start("verb"),
                      needs_due=bool(own.group("subj")) and not own.group("modal"))
    if request:
        return _Found("other", base + request.start("verb"))
    if cues & _EN_OFFER and (m := EN_OFFER.search(clause)):
        return _Found("self", base + m.start("verb"), is_offer=True)
    return None


def _match_zh(clause: str, base: int, cues: int, continues: bool) -> _Found | None:
    if cues & _ZH_TEAM and (m := ZH_TEAM.search(clause)):
        side = "other" if m.group("who").startswith(("你们", "贵司", "您")) else "self"
        if ZH_VERB.search(clause, m.end("who")):
            return _Found(side, base + m.start("mid"))
    request = ZH_REQUEST.search(clause) if cues & _ZH_REQUEST else None
    if request and (NOT_A_REQUEST.search(clause) or not (
            request.group("subj").startswith(("请", "麻烦")) or ZH_MODAL.search(request.group("mid"))
            or request.start() == 0)):
        request = None
    own = ZH_SELF.search(clause) if cues & _ZH_SELF else None
    if own and not (ZH_MODAL.search(own.group("mid")) or own.group("subj") in ("我这边", "我们这边")):
        own = None
    if cues & _ZH_OFFER and (m := ZH_OFFER.search(clause)):
        if (own is None or m.start() <= own.start()) and (request is None or m.start() < request.start()):
            return _Found("self", base + m.end(), is_offer=True)
    if own and (request is None or own.start() < request.start()):
        return _Found("self", base + own.start("mid"))
    if request:
        return _Found("other", base + request.start("mid"))
    if m := ZH_TIMED.match(clause.lstrip()):
        return _Found("self", base + len(clause) - len(clause.lstrip()) + m.start(), needs_due=True)
    if continues and (m := ZH_CONTINUE.match(clause)) and ZH_VERB.search(clause):
        return _Found("self", base + m.start())
    return None


def _sentence_steps(sentence: Sentence, touchpoint: Touchpoint, accepted: bool
                    ) -> list[NextStepHit]:
    text, cues = sentence.text, sentence.cues
    if cues & _THREAT and THREAT.search(text) or cues & _FILLER and FILLER.search(text):
        return []
    condition = CONDITIONAL.search(text) if cues & _CONDITIONAL else None
    if text.endswith(("?", "？")) and not accepted \
            and not (cues & _EN_REQUEST and EN_REQUEST.search(text)) \
            and not (cues & _ZH_REQUEST and ZH_REQUEST.search(text)):
        return []
    role = _speaker_role(sentence, touchpoint)
    dues: list[DuePhrase] | None = None
    hits: list[NextStepHit] = []
    previous: _Found | None = None
    for start, end in _clauses(text):
        clause = text[start:end]
        is_zh = _has_han(clause)
        found = _match_zh(clause, start, cues, previous is not None) if is_zh \
            else _match_en(clause, start, cues)
        if found is None and previous is not None and not is_zh and \
                (m := _EN_CONTINUE.match(clause)):
            found = _Found(previous.side, start + m.start("verb"))
        if found is None:
            previous = None
            continue
        if condition and condition.start() < found.action_from and not accepted:
            previous = None
            continue
        window = text[max(start, found.action_from - 16): found.action_from + 12]
        if cues & _NEGATION and NEGATION.search(window) or cues & _DONE and DONE.search(clause) \
                or cues & _WISH and WISH.search(clause):
            previous = None
            continue
        if dues is None:
            dues = find_due_phrases(touchpoint.text, touchpoint.occurred_at, sentence.start,
                                    sentence.end, cues=sentence.cues)
        clause_dues = [d for d in dues if start <= d.start - sentence.start < end and d.due]
        if (found.is_offer and not accepted or found.needs_due) and not clause_dues:
            previous = None
            continue
        action = clean_action(text[found.action_from:end],
                              [(d.start, d.end) for d in clause_dues],
                              sentence.start + found.action_from)
        if len(action) < MIN_ACTION_CHARS or _TRIVIAL_ACTIONS.match(action):
            previous = None
            continue
        owner = {"self": _own(role), "other": _other(role), "customer": "customer"}[found.side]
        due = clause_dues[0] if clause_dues else None
        hits.append(NextStepHit(action, owner, due.due if due else None,
                                due.phrase if due else None, sentence.start, sentence.end,
                                sentence))
        previous = found
    return hits


_HAN = re.compile(r"[\u4e00-\u9fff]")
_EN_VERB_ALT = "|".join(sorted((re.escape(v) for v in EN_VERB_WORDS), key=len, reverse=True))
_EN_CONTINUE = re.compile(rf"\s*(?:and |then |also |and then )*(?P<verb>{_EN_VERB_ALT})\b", re.I)


def _has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def find_next_steps(sentences: list[Sentence], touchpoint: Touchpoint) -> list[NextStepHit]:
    """Steps in order. Due phrases are looked up only in clauses that hold a step."""
    hits: list[NextStepHit] = []
    for i, sentence in enumerate(sentences):
        if sentence.quoted or not _is_candidate(sentence.cues):
            continue
        hits.extend(_sentence_steps(sentence, touchpoint, _is_accepted(sentences, i)))
    return hits


def _is_accepted(sentences: list[Sentence], i: int) -> bool:
    """Whether the other speaker's next sentence accepts what sentence i offers or asks."""
    speaker = sentences[i].speaker
    for later in sentences[i + 1 : i + 3]:
        if later.speaker == speaker and later.segment_index == sentences[i].segment_index:
            continue
        return speaker is not None and later.speaker != speaker and \
            ACCEPTANCE.match(later.text) is not None
    return False
