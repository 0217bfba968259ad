"""Numbered demands after a heading: each item is a request of the other side.

"我方要求：\\n1. 本周五前提供书面故障报告；\\n2. 按合同约定的SLA条款进行赔偿。" and "We need the
following from you:\\n- sign the DPA by Friday" ask the reader for each item, though an item reads
like the writer's own plan ("本周五前提供…") or names no actor at all ("按合同…进行赔偿"). The heading
must say it asks ("要求", "需要贵司", "we need … from you"); a plain list ("附件包括：") is not read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.models import Touchpoint
from extractors.rules.dates import find_due_phrases
from extractors.rules.next_step_clauses import NextStepHit, side_of
from extractors.rules.next_step_objects import MIN_ACTION_CHARS
from extractors.rules.next_step_patterns import ZH_VERB, clean_action
from extractors.rules.sentences import Sentence

__all__ = ["demands_heading", "list_item", "demanded", "enumerated", "holds_enumeration", "next_item"]

_HEADING = re.compile(
    r"(?:要求|诉求|需要(?:贵司|你们|您)(?:配合|提供|做)?(?:的)?(?:事项|事情)?|请(?:贵司|你们|您)(?:配合)?)"
    r"(?:如下|是)?\s*[:：]\s*$"
    r"|\b(?:we (?:need|require|request|ask for) (?:the following|these)(?: from you(?:r side| guys)?)?|"
    r"our (?:requirements|requests|demands) (?:are)?|(?:action items|next steps|to-dos?) "
    r"(?:for|on) your (?:side|end|team))(?: as follows)?\s*:\s*$"
    # what a customer lists as still needed: "What I need:", "What would help me make the case:",
    # "Three things are outstanding on our side:", "Kindly return the following by March 27:"
    r"|^(?:what (?:I|we)(?:'d| would)? (?:still )?need(?: from you)?|what would help\b[^:\n]{0,40}|"
    r"[^:\n]{0,60}\b(?:outstanding|still missing|still need|still waiting (?:on|for))\b[^:\n]{0,60}|"
    r"(?:(?:please|kindly) )?(?:send|provide|return|submit|complete)(?: us| me)? the following\b[^:\n]{0,40}|"
    r"(?:I|we) (?:need|require) the following\b[^:\n]{0,40})\s*:\s*$", re.I)
_ITEM = re.compile(r"^\s*(?:\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十][、.]|[-•*·]|[a-h][.)](?= ))\s*")
_EN_ITEM_VERB = re.compile(r"^(?:please\s+)?(?:send|provide|sign|confirm|share|return|pay|refund|fix|"
                           r"compensate|deliver|issue|schedule|submit|explain|complete|update|restore|"
                           r"credit|cancel|review|approve)\b", re.I)
MAX_ITEM_CHARS = 60  # a longer line is prose, not an item of a list
MAX_EN_ITEM_CHARS = 140  # an English item is longer in characters
# an English item that names the thing wanted, with no verb: "Your current SOC 2 report", "a written
# root cause", "Confirmation that data stays in the US", "Whether SSO is included", "someone to run
# the dedupe on your end"
_EN_THING = re.compile(r"^(?:(?P<confirm>confirmation (?:that|of|on)|whether)\b|(?P<someone>someone|somebody) to\s+|"
                       r"(?:a|an|the|your|our|some|\d+|[a-z-]+ed\b|current|latest|new|updated)?\s*\S)", re.I)
_CONTRAST_TAIL = re.compile(r",\s+not\b.*$", re.I)  # "a written root cause, not a 'we're looking into it'"
_RETURNED = re.compile(r"\b(?:return|submit|complete)\b", re.I)
# "两件事：一是…；二是…", "第二，…": an item said in a row; the first may follow a heading
_ENUMERATED = re.compile(r"(?:^|[：:，,])\s*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]+(?:点|条|项)?[，,、：:]|"
                         r"其[一二三四五六七八九十][，,、：:]?)\s*")


def demands_heading(sentence: Sentence) -> bool:
    """Whether `sentence` opens a list of things asked of the other side ("我方要求：")."""
    return sentence.text.endswith((":", "：")) and _HEADING.search(sentence.text) is not None


def list_item(sentence: Sentence) -> str | None:
    """The text of a numbered or bulleted item without its number, or None."""
    m = _ITEM.match(sentence.text)
    if m is None or len(sentence.text) > (MAX_EN_ITEM_CHARS if sentence.text.isascii() else MAX_ITEM_CHARS):
        return None
    return sentence.text[m.end():]


def enumerated(sentence: Sentence) -> str | None:
    """The text after a spoken item number that opens `sentence` ("二是准备一台测试电脑"), or None."""
    m = _ENUMERATED.match(sentence.text)
    return sentence.text[m.end():] if m is not None and len(sentence.text) <= MAX_ITEM_CHARS else None


def holds_enumeration(sentence: Sentence) -> bool:
    """Whether `sentence` numbers an item anywhere at a clause start ("两件事：一是…")."""
    return _ENUMERATED.search(sentence.text) is not None


def next_item(sentence: Sentence, item: str, before: NextStepHit, touchpoint: Touchpoint
              ) -> list[NextStepHit]:
    """An item with no step pattern of its own after one that was a step ("一是下周一前把名单发给
    我们；二是准备一台测试电脑"): the same side's step, when it holds a verb."""
    return _item_step(sentence, item, before.owner, before.is_request, touchpoint)


def demanded(sentence: Sentence, item: str, found: list[NextStepHit], touchpoint: Touchpoint,
             heading: Sentence | None = None) -> list[NextStepHit]:
    """The steps of a list item under a demands heading: each asked of the other side; an item
    with no step pattern of its own is one request as a whole when it holds a verb, or, in
    English, when it names the thing wanted (sent, or returned when the heading says so, and dated
    by the heading when the item has no date of its own)."""
    own = side_of(sentence, touchpoint)
    other = "customer" if own == "rep" else "rep"
    if found:
        return [replace(h, owner=other, is_request=True) if h.owner == own else h for h in found]
    steps = _item_step(sentence, item, other, True, touchpoint)
    if steps or not item.isascii() or (thing := _EN_THING.match(item)) is None:
        return steps
    verb = "return" if heading is not None and _RETURNED.search(heading.text) else "send"
    if thing.group("confirm"):
        verb, item = "confirm", item[thing.end("confirm") - len(thing.group("confirm").split()[-1]):]
    elif thing.group("someone"):
        verb, item = "", item[thing.end():]
    dues = [d for d in find_due_phrases(sentence.text, touchpoint.occurred_at, cues=sentence.cues) if d.due]
    if not dues and heading is not None:
        dues = [d for d in find_due_phrases(heading.text, touchpoint.occurred_at) if d.due]
        spans: list[tuple[int, int]] = []
    else:
        spans = [(d.start, d.end) for d in dues]
    action = _CONTRAST_TAIL.sub("", clean_action(item, spans, len(sentence.text) - len(item)))
    if action[1:2].islower():  # "Your current SOC 2 report": a list item's capital, not a name's
        action = action[0].lower() + action[1:]
    action = f"{verb} {action}".strip() if verb else action
    if len(action) < MIN_ACTION_CHARS:
        return []
    due = dues[0] if dues and not dues[0].from_event else None
    return [NextStepHit(action, other, due.due if due else None, due.phrase if due else None,
                        sentence.start, sentence.end, sentence, is_request=True)]


def _item_step(sentence: Sentence, item: str, owner: str, is_request: bool, touchpoint: Touchpoint
               ) -> list[NextStepHit]:
    if not (ZH_VERB.search(item) or _EN_ITEM_VERB.match(item)):
        return []
    dues = [d for d in find_due_phrases(sentence.text, touchpoint.occurred_at, cues=sentence.cues)
            if d.due]
    action = clean_action(item, [(d.start, d.end) for d in dues], len(sentence.text) - len(item))
    if len(action) < MIN_ACTION_CHARS:
        return []
    due = dues[0] if dues and not dues[0].from_event else None
    return [NextStepHit(action, owner, due.due if due else None, due.phrase if due else None,
                        sentence.start, sentence.end, sentence, is_request=is_request)]
