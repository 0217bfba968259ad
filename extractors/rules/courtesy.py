"""Courtesy alone: sentences that carry no stance for any reader to take from them.

A thank-you for a process ("Thanks for the demo.", "感谢您的回复！") or an acknowledgement ("OK,
sounds good, thanks!") is politeness, not praise (evals/GUIDE.md). The rules' scorer already
removes courtesy words; the sentence encoder reads them as praise, so the combined extractor asks
`is_courtesy` before it takes an encoder's polarity.
"""

from __future__ import annotations

import re

from extractors.rules.sentiment import ACKNOWLEDGEMENT

# thanks for a process, not for a result: "Thanks for the demo.", "感谢您的回复！"
_PROCESS_THANKS = re.compile(
    r"\W*(?:(?:hi|hello|hey|dear) [^,]{1,20},\s*)?(?:many )?(?:thanks?|thank you)(?: (?:so|very) much)?"
    r"(?: (?:again|everyone|all|both|guys|team))? for (?:(?:the|your|a|an|this|today's|yesterday's|our) )?"
    r"(?:(?:quick|detailed) )?(?:demo|recap|proposal|call|meeting|time|update|info|information|reply|"
    r"response|email|invite|invitation|quote|follow-?up|summary|notes|deck|slides|session|"
    r"walkthrough|overview|presentation|reminder|details|link|docs|documents?|materials?|heads-up|"
    r"intro|introduction|chat|help|support|patience|feedback|offer|agenda|questions?|joining(?: [\w'-]+){0,4}|"
    r"making the time|taking the time|getting back(?: to (?:me|us))?|reaching out|sending (?:it|this|"
    r"that|over)?|sharing|following up)(?: (?:today|yesterday|last week|earlier|this morning))?\W*"
    r"|\W*(?:好的[，,]?)?(?:谢谢|感谢|多谢)(?:您|你们?|各位)?(?:[上昨今]?[周天次])?的?(?:演示|报价|方案|回复|"
    r"邀请|介绍|资料|分享|时间|耐心|支持|配合|帮助|反馈|提醒|整理|安排|讲解)?[！!。.~～\s]*", re.I)
COURTESY_MAX_CHARS = 80


def is_courtesy(text: str) -> bool:
    """Whether a sentence is courtesy alone: thanks for a process ("Thanks for the demo."), an
    acknowledgement ("OK, sounds good, thanks!") — no stance for any reader to take from it."""
    if len(text) > COURTESY_MAX_CHARS:
        return False
    return bool(_PROCESS_THANKS.fullmatch(text) or ACKNOWLEDGEMENT.fullmatch(text))
