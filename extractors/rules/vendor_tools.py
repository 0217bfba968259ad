"""A catalog product the vendor's own side says it runs is its own tool, not a competitor in play.

When the rep or agent speaks of "our Zendesk portal", "we moved our support desk off Freshdesk", "we
use Salesforce internally" or "我们这边的工单系统是智齿", the product is part of the vendor's own
stack: a business serving its own customers (an airline, a bank, a clinic) runs its helpdesk or CRM
on it, and a software vendor does not pitch against the tools it runs itself. Such a mention is
reported with stance `integration` (an ecosystem tool), whatever switching or use cue it carries.
A sentence about the vendor's customers ("many of our customers moved off Zendesk to us") is not
the vendor's own stack and stays a competitor mention.
"""

from __future__ import annotations

import re

from extractors.rules.sentences import Sentence

__all__ = ["is_vendor_own"]

OWN_REACH = 48  # characters before the name that the possessive or the subject may stand in
_EN_OWN = re.compile(
    r"(?:\bour\s+(?:own\s+)?|\bwe(?:'ve|'re| have| are)?\s+(?:also\s+|still\s+|currently\s+|just\s+|"
    r"recently\s+|internally\s+)?(?:use|using|used|run|running|ran|are on|moved|switched|migrated|"
    r"logged (?:it|this|that|the \w+)|log (?:it|this|that|everything)|keep (?:it|this|that|everything|"
    r"them)|track (?:it|this|that|them|everything))\s+(?:our\s+(?:own\s+)?)?)"
    # the words of the tool's own name ("our support desk off"), never a verb or the customers:
    # "our team replaced Zendesk at forty clinics", "our customers moved off HubSpot"
    r"(?:(?!customers?\b|clients?\b|users?\b|partners?\b|prospects?\b|buyers?\b|is\b|are\b|was\b|"
    r"were\b|has\b|have\b|had\b|\w+ed\b|beats?\b|wins?\b|won\b|replaces?\b|than\b)[\w-]+\s+){0,3}?"
    r"(?:(?:in|on|off|from|via|through|to|into|inside|with)\s+(?:the\s+)?)?$", re.I)
_ZH_OWN = re.compile(r"(?:我们|我司|我方|本司|本公司)(?:自己|内部|这边|公司|门店|客服部?)?(?:的|用的是?|在用的?|使用的?|用)"
                     r"(?:(?!客户|用户|顾客|会员|伙伴)[^，,。；;！!？?\s]){0,8}$")
_WE = re.compile(r"\bwe\b", re.I)
_AFTER_EN = re.compile(r"\s+(?:internally|in-house|ourselves|on our side|on our end)\b", re.I)


def is_vendor_own(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the catalog name at sentence offsets [start:end] is the vendor's own tool: the rep
    or agent says it, owning it ("our …", "we use …", "我们的…") within `OWN_REACH` characters
    before the name, or saying "… internally" right after it."""
    if sentence.role not in ("rep", "agent"):
        return False
    before = sentence.text[max(0, start - OWN_REACH) : start]
    return (_EN_OWN.search(before) is not None or _ZH_OWN.search(before) is not None
            or _AFTER_EN.match(sentence.text, end) is not None and _WE.search(before) is not None)
