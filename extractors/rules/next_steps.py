"""Next steps: commitments to do something, with an owner and a normalized due date.

A commitment is a first-person promise ("I'll send…", "we will…", "let me…", "我…发给您",
"我们这边…安排"), a request to the other side ("could you send…", "please confirm…", "请您…",
"麻烦你…"), a named assignment ("Dana will review…", "Action item: Alice to…"), or a proposal
("let's meet…", "我们…再约"). The owner follows from the speaker's role and the pronoun: first
person is the speaker's side, second person is the other side. The action is the clause from the
verb on, without the due phrase; the due date comes from dates.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.models import Role, Touchpoint
from extractors.rules.dates import DuePhrase, find_due_phrases
from extractors.rules.sentences import Sentence

_VERBS = (r"send|share|email|forward|schedule|set up|setup|book|arrange|organi[sz]e|call|ring|"
          r"follow up|follow-up|get back|circle back|reach out|ping|loop in|introduce|connect|"
          r"check|confirm|review|look into|investigate|prepare|put together|draft|write up|"
          r"provide|deliver|ship|deploy|fix|patch|escalate|update|sign|countersign|approve|"
          r"finali[sz]e|run|test|try|evaluate|install|configure|invite|create|submit|pay|"
          r"process|issue|refund|contact|talk|discuss|meet|sync|demo|walk (?:you |them )?through|"
          r"present|reply|respond|revert|come back|decide|get (?:you|them|it|the|a|an|our|this)|"
          r"send over|pull together|book in|hop on|jump on|set|make|do|reschedule|move|add|"
          r"enable|open|raise|file|log|return|let you know|keep you posted|clarify|double-check")
_EN_SELF = re.compile(
    rf"\b(?P<subj>I|we|I'll|we'll|I'm|we're|let me|let us|let's|lets)\b"
    rf"(?:'ll| will| shall| can| am going to| are going to| going to| 'm going to|'re going to|"
    rf" need to| have to| plan to| want to| would like to| promise to| commit to)?"
    rf"(?: (?:also|then|just|quickly|definitely|probably|first|go ahead and|try to|make sure to))?"
    rf" (?P<verb>{_VERBS})\b", re.I)
_EN_REQUEST = re.compile(
    rf"\b(?:(?:can|could|would|will) you(?: please| kindly)?|please|pls|kindly|you(?:'ll| will| should"
    rf"| need to| can)|your team (?:will|should|can|needs to))"
    rf"(?: (?:also|then|just|quickly))? (?P<verb>{_VERBS})\b", re.I)
_EN_NAMED = re.compile(
    rf"\b(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:'ll| will| to| is going to| agreed to|"
    rf" promised to| needs to| said (?:he|she|they)(?:'d| would))(?: (?:also|then))? (?P<verb>{_VERBS})\b")
_EN_FUTURE_ONLY = re.compile(r"\b(will|'ll|going to|let's|let me|next step|action item|to do)\b",
                             re.I)
_ZH_VERBS = (r"发|给|寄|传|安排|约|预约|确认|整理|准备|提供|跟进|回复|联系|处理|反馈|发送|演示|同步|提交|"
             r"签|更新|沟通|讨论|修复|排查|解决|申请|审批|报价|对接|测试|试用|部署|上线|开会|见面|"
             r"拜访|介绍|邀请|过一下|看一下|看看|评估|决定|答复|落实|推进|补充|核实|汇报|出|做|拉|建|"
             r"打电话|电话|转给|转交|升级|回访|复盘|付款|付|开票|开通")
_ZH_SELF = re.compile(
    rf"(?P<subj>我们这边|我这边|我们|我司|我|咱们|本人)(?P<mid>[^，。！？；,.!?;]{{0,24}}?)"
    rf"(?P<verb>{_ZH_VERBS})")
_ZH_REQUEST = re.compile(
    rf"(?P<subj>请您|请你们|请你|麻烦您|麻烦你们|麻烦你|您那边|你们那边|您这边|请|麻烦|您|你们|你)"
    rf"(?P<mid>[^，。！？；,.!?;]{{0,20}}?)(?P<verb>{_ZH_VERBS})")
_ZH_MODAL = re.compile(r"会|将|要|来|去|再|马上|尽快|负责|争取|可以|打算|准备|安排|把|之前|前|先|今天|"
                       r"明天|后天|下周|周|月底|号|日")
_NEGATION = re.compile(r"\b(won't|will not|can't|cannot|not going to|never|don't|didn't)\b"
                       r"|不会|不能|没法|无法|不用|不需要|别", re.I)
MAX_ACTION_CHARS = 90
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class NextStepHit:
    action: str
    owner: str
    due: date | None
    due_phrase: str | None
    start: int
    end: int
    sentence: Sentence


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


_AROUND_DUE = re.compile(r"(?:\b(?:by|before|on|until|no later than|within|in|at|this)\s+(?:the\s+)?|在|于|到)?"
                         r"\x00(?:之前|以前|前|之内|以内|内|上午|下午|晚上|早上)?", re.I)


def _clean_action(text: str, due_spans: list[tuple[int, int]], base: int) -> str:
    pieces, cursor = [], 0
    for start, end in sorted(due_spans):
        s, e = start - base, end - base
        if s >= cursor and e <= len(text):
            pieces.append(text[cursor:s] + "\x00")
            cursor = e
    pieces.append(text[cursor:])
    action = _AROUND_DUE.sub("", "".join(pieces)).replace("\x00", "")
    action = re.sub(r"\b(by|before|on|until|no later than|within|in|at|this|next)\s*$", "", action.strip(),
                    flags=re.I)
    action = re.sub(r"(之前|以前|前|之内|内|的时候)$", "", action.strip())
    action = re.sub(r"^(?:之前|以前|前|之内|以内|内|会|将|要|再|马上|尽快|先|就|上午|下午|晚上|早上)+", "",
                    action.strip())
    action = re.sub(r"\s{2,}", " ", action).strip(" ,，。.!！?？;；:：-")
    action = re.sub(r"\b(by|before|on|until)\s*$", "", action, flags=re.I).strip(" ,，")
    return action[:MAX_ACTION_CHARS].strip()


def _hit(sentence: Sentence, match: re.Match[str], owner: str, action_from: int,
         dues: list[DuePhrase]) -> NextStepHit | None:
    text = sentence.text
    if _NEGATION.search(text[max(0, match.start() - 15) : match.end()]):
        return None
    clause_end = len(text)
    stop = re.search(r"[,，;；]\s*(?:and |but |so |then |但是|不过|然后|所以)", text[action_from:])
    if stop and not any(d.start - sentence.start >= action_from + stop.start() for d in dues[:1]):
        clause_end = action_from + stop.start()
    action = _clean_action(text[action_from:clause_end],
                           [(d.start, d.end) for d in dues], sentence.start + action_from)
    if len(action) < 2:
        return None
    due = next((d for d in dues if d.due), None)
    return NextStepHit(action, owner, due.due if due else None, due.phrase if due else None,
                       sentence.start, sentence.end, sentence)


def find_next_steps(sentences: list[Sentence], touchpoint: Touchpoint) -> list[NextStepHit]:
    """Due phrases are looked up only in sentences that hold a commitment (the date regex is the
    costliest step, and most sentences hold none)."""
    hits: list[NextStepHit] = []
    for sentence in sentences:
        text = sentence.text
        candidates = (_EN_NAMED.search(text) or _EN_SELF.search(text) or _EN_REQUEST.search(text)
                      or _ZH_REQUEST.search(text) or _ZH_SELF.search(text)
                      or (_HAN.search(text) and re.search(_ZH_VERBS, text)))
        if not candidates:
            continue
        if text.endswith(("?", "？")) and not re.search(r"\b(can|could|would) you\b|请|麻烦", text, re.I):
            continue
        dues = find_due_phrases(touchpoint.text, touchpoint.occurred_at, sentence.start,
                                sentence.end)
        role = _speaker_role(sentence, touchpoint)
        found = None
        if m := _EN_NAMED.search(text):
            if m.group("name").lower() not in {"i", "we", "you", "they", "it", "this", "that",
                                               "he", "she", "let", "please", "then", "also"}:
                found = _hit(sentence, m, m.group("name"), m.start("verb"), dues)
        if found is None and (m := _EN_SELF.search(text)):
            is_proposal = m.group("subj").lower() in ("let's", "lets", "let us")
            if _EN_FUTURE_ONLY.search(text) or is_proposal or dues:
                found = _hit(sentence, m, _own(role), m.start("verb"), dues)
        if found is None and (m := _EN_REQUEST.search(text)):
            found = _hit(sentence, m, _other(role), m.start("verb"), dues)
        if found is None and (m := _ZH_REQUEST.search(text)):
            if m.group("subj").startswith(("请", "麻烦")) or _ZH_MODAL.search(m.group("mid")):
                found = _hit(sentence, m, _other(role), m.start("mid"), dues)
        if found is None and (m := _ZH_SELF.search(text)):
            if _ZH_MODAL.search(m.group("mid")) or m.group("subj") in ("我这边", "我们这边"):
                found = _hit(sentence, m, _own(role), m.start("mid"), dues)
        if found is None:
            verb = re.search(_ZH_VERBS, text)
            if any(d.due for d in dues) and verb and re.search(r"[\u4e00-\u9fff]", text) \
                    and not re.search(r"[吗呢]", text):
                found = _hit(sentence, verb, _own(role), 0, dues)
        if found is not None:
            hits.append(found)
    return hits
