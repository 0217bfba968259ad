"""A meeting of the vendor's own people, with no customer in the room, holds no customer voice.

Pipeline and forecast reviews, internal syncs, product-team design meetings and retros are
recorded and summarised like customer meetings, but everything said there is the vendor's: every
follow-up is the vendor's own (a colleague's "could you send me the deck?" asks a colleague), the
problems discussed are not a customer's pain points, and there is no customer sentiment to read
(GUIDE.md: "A vendor-internal meeting with no customer voice is `neutral`"). Such a meeting is
known by what its notes or title say of it in the first lines ("Internal pipeline review", "internal
to the vendor, no customer present", "内部周会", "客户未参会"), and only when no speaker label names the
customer's side.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.models import Touchpoint

if TYPE_CHECKING:
    from extractors.rules.sentences import Sentence

__all__ = ["HEAD_CHARS", "is_internal", "says_internal"]

HEAD_CHARS = 400  # the title and attendee lines where a meeting says who it is for
_INTERNAL = re.compile(
    r"\binternal (?:(?:team |sales |product |project |weekly |daily |monthly |quarterly )?(?:meeting|sync|"
    r"review|call|stand-?up|retro(?:spective)?|discussion|planning|huddle|debrief|check-?in|catch-?up|"
    r"workshop|session)|only)\b|\binternal to the (?:vendor|company|team)\b|\b(?:vendor|team)[- ]only\b|"
    r"\bno customers? (?:present|attending|on the call|in the (?:room|meeting)|joined)\b|"
    r"\b(?:pipeline|forecast|deal|win[- ]loss) (?:review|call|meeting)\b|"
    r"内部(?:会议|周会|例会|复盘|讨论|同步|沟通会|评审会?|晨会|站会|会)|客户未(?:参会|参加|出席)|无客户(?:参会|参加|在场)|"
    r"(?:销售|商机|管道|预测)(?:周会|例会|复盘会|评审会)", re.I)


def says_internal(touchpoint: Touchpoint) -> bool:
    """Whether a meeting or call says in its head (its title and attendee lines, before the first
    speaker's turn) that only the vendor's people attend."""
    if touchpoint.channel not in ("meeting", "call"):
        return False
    internal = False
    for line in touchpoint.text[:HEAD_CHARS].splitlines()[:HEAD_LINES]:
        if (turn := _TURN.match(line)) is not None and not _HEAD_FIELD.match(turn.group(1)):
            break  # "Ana: the internal review happens later…": the talk has begun
        if _CUSTOMER_ATTENDS.search(line):
            return False  # "【内部会议记录】…" / "参加：客户 优课家教 运营总监…": the customer is there
        if _INTERNAL.search(line):
            internal = True
    return internal


HEAD_LINES = 4
# an attendee line that lists the customer's people
_CUSTOMER_ATTENDS = re.compile(r"(?:参加|参会(?:人员?)?|与会(?:人员)?|出席|attendees|participants|present)\s*[:：][^\n]*?"
                               r"(?:客户(?!未)|甲方|\bcustomers?\b|\bclients?\b)", re.I)
_TURN = re.compile(r"^\s*([^:：\n]{1,30})[:：]")
_HEAD_FIELD = re.compile(r"\s*(?:attendees|participants|present|subject|title|topic|meeting|date|time|"
                         r"参加|参会(?:人员?)?|与会(?:人员)?|出席|主题|会议(?:主题|名称)?|时间|日期)\s*$", re.I)


def is_internal(touchpoint: Touchpoint, sentences: list[Sentence]) -> bool:
    """Whether `sentences` (split_sentences' reading) are of a vendor-internal meeting: it says so,
    and every sentence was given to the vendor's side."""
    return says_internal(touchpoint) and all(s.role == "rep" for s in sentences)
