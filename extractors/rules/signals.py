"""Pain points, objections, buying signals and open questions, from cue patterns.

All of these are the customer's: only sentences by the customer (or by an unknown speaker in
an inbound touchpoint) count. Each item's text is the cue's clause with filler words trimmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models import BuyingSignalKind, Touchpoint
from extractors.rules.cues import register, register_pattern
from extractors.rules.folding import gated
from extractors.rules.objections import is_title_line, objection_texts
from extractors.rules.pain_clauses import SCOPE
from extractors.rules.pain_titles import is_subject_line
from extractors.rules.pains import PAIN_CUE, is_verdict_only, pain_phrases
from extractors.rules.pains import whole_clause as clause
from extractors.rules.sentences import Sentence
from extractors.rules.zh_view import in_traditional, mandarin_view

SIGNALS: list[tuple[BuyingSignalKind, re.Pattern[str]]] = [
    ("budget", gated(re.compile(
        r"\b(budget (?:is |was |has been )?(?:approved|allocated|set aside|signed off|available)|"
        r"(?:we |we've |we have )(?:got |allocated |set aside )?(?:the |a )?budget|"
        r"budgeted|funding (?:is )?approved|\$\s?\d[\d,.]*k?\b|\d+k (?:budget|per year))"
        r"|预算(?:已经|已)?(?:批|批了|批下来|通过|到位|有了|充足|是|大概|在)|有预算|批了预算|预算.{0,6}万", re.I))),
    ("timeline", gated(re.compile(
        r"\b(go[- ]live|launch|roll ?out|need (?:it|this|something) (?:by|before|in place)|"
        r"by (?:q[1-4]|the end of|end of)|implement(?:ed|ation)? by|start (?:on|by|in)|"
        r"up and running by|deadline|timeline)\b"
        r"|上线|落地|月底前|年底前|季度前|之前要|截止|时间表|尽快用上|下个月开始|启动", re.I))),
    ("pricing", gated(re.compile(
        r"\b(how much|pricing|price list|quote|quotation|proposal|cost per|per seat|per user|"
        r"licen[cs]e cost|discount|rates?)\b|报价|多少钱|价格|费用|怎么收费|收费|价目|优惠|折扣|方案", re.I))),
    ("decision_maker", gated(re.compile(
        r"\b(ceo|cfo|cto|coo|cio|vp|vice president|director|head of|my boss|the board|"
        r"procurement|purchasing|decision[- ]maker|sign[- ]off|signs off|approv(?:e|al|es)|"
        r"final say|stakeholders?|leadership)\b"
        r"|老板|总经理|董事|总监|副总|负责人|采购|领导|决策|拍板|审批|签字|高层|一把手", re.I))),
]
_SIGNAL_CUES = {kind: register("signal_budget", ["budget", "funding", "$", "预算", "per year"],
                               pattern=p)
                if kind == "budget" else register_pattern(f"signal_{kind}", p) for kind, p in SIGNALS}
QUESTION_END = gated(re.compile(r"[?？]\s*$|[吗呢吧]\s*[。.]?\s*$"))


@dataclass(frozen=True)
class SignalHit:
    kind: str
    text: str
    sentence: Sentence


def _is_customer(sentence: Sentence, touchpoint: Touchpoint) -> bool:
    if sentence.role == "customer":
        return True
    if sentence.role in ("rep", "agent"):
        return False
    return touchpoint.direction == "inbound" or touchpoint.channel in ("call", "meeting")


def _is_title(sentence: Sentence, touchpoint: Touchpoint) -> bool:
    """Whether `sentence` is a ticket's or meeting's first line, a heading without a full stop."""
    text = touchpoint.text
    line_end = text.find("\n", sentence.start)
    line = text[:len(text) if line_end < 0 else line_end]
    return touchpoint.channel in ("ticket", "meeting") and not text[:sentence.start].strip() and \
        (touchpoint.channel == "ticket" or not line.rstrip().endswith(tuple(".。!！?？")))


# the pain cues are written in simplified characters and Mandarin words: a text in traditional
# characters or in Cantonese ("同步冇咗", "賣咗冇嘅房") is read through a simplified, Mandarin view of
# each sentence (`zh_view.py`), one character for one so a phrase found there is cut from the
# original.


def _phrases_in_view(sentence: Sentence) -> list[str]:
    """The pain phrases of a traditional or Cantonese sentence, read in its Mandarin view and
    cut from its own text (a phrase is a substring of the view, at the same offsets)."""
    view = mandarin_view(sentence)
    if view is sentence:
        return pain_phrases(sentence, whole_when_unsure=True) if sentence.cues & PAIN_CUE else []
    phrases = []
    for phrase in pain_phrases(view, whole_when_unsure=True):
        at = view.text.find(phrase)
        phrases.append(sentence.text[at:at + len(phrase)] if at >= 0 else phrase)
    return phrases


def find_pain_points(sentences: list[Sentence], touchpoint: Touchpoint) -> list[SignalHit]:
    """The customer's problems, one per problem clause (`extractors/rules/pains.py`); a subject
    line or a ticket's title restates its body's problem and is not a second one, and a quoted
    earlier message is not this touchpoint's news."""
    found: list[tuple[int, list[SignalHit]]] = []
    traditional = in_traditional(sentences)
    for index, s in enumerate(sentences):
        if traditional and not s.quoted and not s.text.isascii() and _is_customer(s, touchpoint):
            phrases = _phrases_in_view(s)
            if phrases and not is_subject_line(touchpoint.text, s.start):
                found.append((index, [SignalHit("pain", phrase, s) for phrase in phrases]))
        elif s.cues & PAIN_CUE and not s.quoted and _is_customer(s, touchpoint):
            phrases = pain_phrases(s, whole_when_unsure=True)
            if phrases and not is_subject_line(touchpoint.text, s.start):
                found.append((index, [SignalHit("pain", phrase, s) for phrase in phrases]))
    if len(found) > 1 and _is_title(sentences[found[0][0]], touchpoint):
        found = found[1:]  # a ticket's or meeting's title line restates the problem its body tells
    hits = []
    for at, (index, sentence_hits) in enumerate(found):
        told_next = at + 1 < len(found) and found[at + 1][0] == index + 1 and \
            sentences[index + 1].speaker == sentences[index].speaker
        if told_next and is_verdict_only(sentences[index].text):
            continue  # "it's a mess." heads the problem the next sentence tells
        if at and found[at - 1][0] >= index - 2 and SCOPE.match(sentences[index].text):
            continue  # "影响约60人。": how far the problem just told reaches
        hits += sentence_hits
    return hits


def find_objections(sentences: list[Sentence], touchpoint: Touchpoint,
                    rivals: dict[int, list[tuple[int, int]]] | None = None) -> list[SignalHit]:
    """The customer's objections (`extractors/rules/objections.py`), one per objection clause.

    `rivals` maps a sentence's start to the text spans of catalog products it names as evaluated
    or compared ("we're comparing you against Zoho"). A subject line restates its body, and a
    quoted earlier message is not this touchpoint's news."""
    rivals = rivals or {}
    return [SignalHit(kind, text, s) for s in sentences
            if not s.quoted and _is_customer(s, touchpoint) and not is_title_line(touchpoint.text, s.start)
            for kind, text in objection_texts(
                s, [(a - s.start, b - s.start) for a, b in rivals.get(s.start, [])])]


def find_buying_signals(sentences: list[Sentence], touchpoint: Touchpoint) -> list[SignalHit]:
    hits = []
    for s in sentences:
        if not _is_customer(s, touchpoint):
            continue
        for kind, pattern in SIGNALS:
            if s.cues & _SIGNAL_CUES[kind] and pattern.search(s.text):
                hits.append(SignalHit(kind, clause(s), s))
                break
    return hits


def find_questions(sentences: list[Sentence], touchpoint: Touchpoint) -> list[SignalHit]:
    return [SignalHit("question", clause(s), s) for s in sentences
            if _is_customer(s, touchpoint) and QUESTION_END.search(s.text) and len(s.text) > 4]
