"""A Chinese promise's follow-up after an event, in the clause after it, with no subject of its own.

"我今晚让管家上去沟通，沟通完给您回个电话", "我明天上门看一下，看完给您回个电话", "明天中午前帮你搞定，
搞定之后微信你": the second clause is a step of its own (GUIDE: a commitment timed by an event is a
step, due null), owned by whoever made the promise before it. Its event stays in the action
("沟通完给您回个电话"): without it the action says only "call back". Only a report back is read this
way (a call, a reply, a notice, a message in the group), the follow-up such promises close with.
"""

from __future__ import annotations

import re

from extractors.rules.next_step_clauses import NextStepHit

__all__ = ["with_followups"]

# an event ending in 完/后 (not a bare "之后", "然后", "会后", "年后"), then a report back
_FOLLOW_UP = re.compile(
    r"[，,；;]\s*(?:然后|再)?(?P<step>(?![年节会然之以]后)(?P<event>[^，,。；;！!？?\s我你您]{1,8}?(?:完|之后|以后|后))"
    r"(?P<who>我们?|这边)?(?:再|会|就|马上|第一时间|立刻)?"
    r"(?:(?:给|跟)(?:您|你|你们|您们)(?:回个?电话|打个?电话|回复|答复|回个?话|说一声|发个?消息)|"
    r"(?:通知|告知|告诉|回复|答复|联系|回电|微信|WhatsApp)(?:您|你|你们|您们)?(?:一声|一下)?|"
    r"在?群里(?:说一声|同步|通知|报)[^，,。；;！!？?]{0,8}))(?=$|[，,。；;！!～~])")


def with_followups(found: list[NextStepHit], text: str) -> list[NextStepHit]:
    """`found` plus the follow-up after an event that the sentence's own promise closes with."""
    if "后" not in text and "完" not in text:
        return found
    own = next((h for h in found if not h.is_request), None)
    if own is None:
        return found
    out = list(found)
    for m in _FOLLOW_UP.finditer(text):
        step = m.group("step")
        if m.group("who"):
            step = step[: m.start("who") - m.start("step")] + step[m.end("who") - m.start("step"):]
        report = step[m.end("event") - m.start("step"):]
        if any(report in h.action for h in found):  # the promise already holds it
            continue
        out.append(NextStepHit(step, own.owner, None, None, own.start, own.end, own.sentence))
    return out
