"""A next step's action and owner from a sentence the classifier marked as a commitment or request.

Used when the rules found no step in such a sentence, and only when the sentence could be one (no
condition, threat, habit, wish, notice or done deed; a question only as an explicit ask). The
action is the sentence (in Chinese, its clause with the verb) without its lead-in ("Sure —", "Per our call,", 收到，), its subject and modal ("I'll", "could you", 麻烦您), its
due phrase and its closing punctuation; the owner is the speaker's side for a commitment and the
other side for a request. The due date comes from the rules' date normalizer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.models import Touchpoint
from extractors.rules.dates import find_due_phrases
from extractors.rules.next_step_patterns import (
    CONDITIONAL,
    DONE,
    EN_REQUEST,
    HABITUAL,
    NEGATION,
    NOT_A_REQUEST,
    NOTICE,
    THREAT,
    WISH,
    ZH_QUESTION,
    ZH_REQUEST,
    ZH_VERB,
)
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
_ZH_LEAD = re.compile(r"^(?:(?:好的|好|收到|没问题|嗯+|那个|那就|行|明白|对|另外|然后|OK|ok|我们这边商量了一下|"
                      r"呃|哦)[，,、。！!\s~～]*)+")
_ZH_SUBJECT = re.compile(r"^(?:我们这边|我这边|我们|我司|我|咱们|请您|请你们|请你|请|麻烦您|麻烦你们|"
                         r"麻烦你|麻烦|辛苦|您那边|你们那边|您|你们|你|需要您)")
_ZH_MODAL = re.compile(r"^(?:会|将|要|再|先|马上|尽快|负责|帮我|帮忙|一定要)+")
# what a removed due phrase leaves behind: "（）", "上午10点", "3点", "凌晨2点至4点"
_ORPHAN_CLOCK = re.compile(r"[（(]\s*[)）]|(?:上午|下午|晚上|早上|中午|凌晨)?\d{1,2}(?:[:：]\d{2}|点(?:半|\d{1,2}分?)?)"
                           r"(?:\s*(?:至|到|-|~)\s*\d{1,2}(?:[:：]\d{2}|点(?:半)?))?")
_TRAILING = re.compile(r"(?:\s+(?:by|before|on|until|no later than|within|in|at|this|next))+\s*$|"
                       r"(?:之前|以前|前|之内|以内|内)$", re.I)


_CLAUSE = re.compile(r"[^，,；;。！!]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_ZH_ACK_CLAUSE = re.compile(r"^\s*(?:好的?|好嘞|可以的?|行|嗯+|收到|明白|了解|没问题|需要|要的|对|早|"
                            r"您好|你好|谢谢|那就|OK|ok)[~～！!。\s]*$")
_ZH_ASK = re.compile(r"请(?!问)|麻烦|能不能|能否|可不可以|可以[^，,]{0,12}吗|帮(?:我|忙)")


def is_a_step_sentence(text: str, role: str) -> bool:
    """Whether a sentence the classifier reads as a commitment or request can be one: not a
    condition, threat, habit, wish, notice or done deed, and a question only as an explicit ask
    ("could you…?", "能不能…？"), never "请问…吗？"."""
    if CONDITIONAL.search(text) or THREAT.search(text) or HABITUAL.search(text) \
            or NOTICE.search(text) or WISH.search(text):
        return False
    if text.rstrip().endswith(("?", "？")) or ZH_QUESTION.search(text):
        asks = EN_REQUEST.search(text) or ZH_REQUEST.search(text) or _ZH_ASK.search(text)
        if role != "request" or not asks or NOT_A_REQUEST.search(text):
            return False
    return True


def action_span(text: str) -> tuple[int, int] | None:
    """[start, end) of the clause that holds a Chinese sentence's action: the first one with a
    verb that is not an acknowledgement ("好的，") or a deed already done ("合同已经盖章，");
    None when there is none. An English sentence is taken whole."""
    if not _HAN.search(text):
        return 0, len(text)
    for m in _CLAUSE.finditer(text):
        clause = m.group()
        if _ZH_ACK_CLAUSE.match(clause) or DONE.search(clause) or not ZH_VERB.search(clause):
            continue
        return m.start(), len(text) if m.end() >= len(text.rstrip("。！!？?～~ ")) else m.end()
    return None


# who the sentence says acts: the speaker ("I'll", 我) or the addressee ("could you", 麻烦您)
_WHO = re.compile(r"^(?:(?P<me>(?:I|we)(?:'ll| will| shall| am going to| are going to|'m going to|"
                  r"'re going to)|let me|let us|let's|我们这边|我这边|我们|我司|我(?!们))|"
                  r"(?P<you>(?:could|can|would|will) you|please|pls|kindly|请(?!问)|麻烦|您|你们|你))",
                  re.I)
_EN_GREETING = re.compile(r"^(?:hi|hello|hey|dear|good (?:morning|afternoon))\b|^[A-Z][a-z]+,", re.I)
_ZH_ORPHAN_DE = re.compile(r"^的")  # "今天的会议改到…" without its date
_ZH_ASK_TAIL = re.compile(r"(?:可以吗|好吗|行吗|可以不|好不好|行不行)$")


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
    if (span := action_span(sentence.text)) is None:
        return None
    first, last = span
    clause = _ZH_LEAD.sub("", _EN_LEAD.sub("", sentence.text[first:last].strip()))
    if (said := _WHO.match(clause)) is not None:  # the subject says who acts, not the classifier
        role = "commitment" if said.group("me") else "request"
    if not is_a_step_sentence(sentence.text, role):
        return None
    dues = find_due_phrases(touchpoint.text, touchpoint.occurred_at, sentence.start, sentence.end)
    text, cursor, pieces = sentence.text[:last], first, []
    for due in dues:
        s, e = due.start - sentence.start, due.end - sentence.start
        if s >= cursor and e <= last:
            pieces.append(text[cursor:s])
            cursor = e
    pieces.append(text[cursor:])
    action = _HAN_GAP.sub("", " ".join(p.strip() for p in pieces if p.strip()))
    if NEGATION.search(action):  # "we will not move forward this year"
        return None
    for pattern in (_EN_LEAD, _EN_SUBJECT, _ZH_LEAD, _ZH_SUBJECT, _ZH_MODAL):
        action = pattern.sub("", action.strip())
    action = re.sub(r"[\s,，。.!！?？;；:：~～…]+$", "", action)
    action = _TRAILING.sub("", action).strip(" ,，")
    action = _ORPHAN_CLOCK.sub("", action).strip(" ,，")
    action = _ZH_ASK_TAIL.sub("", _ZH_ORPHAN_DE.sub("", action)).strip(" ,，")
    if len(action) < 2 or _EN_GREETING.match(action):
        return None  # "Hi Marta, quick check on the contract": a greeting, no step
    side = side_of(sentence, touchpoint)
    owner = side if role == "commitment" else ("customer" if side == "rep" else "rep")
    dated = next((d for d in dues if d.due), None)
    return LearnedStep(action[:MAX_ACTION_CHARS].strip(), owner, dated.due if dated else None,
                       dated.phrase if dated else None)
