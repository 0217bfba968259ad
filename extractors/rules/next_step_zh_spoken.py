"""How Chinese speakers chain what they promise without a subject or a conjunction.

next_step_clauses.py splits a sentence at every comma and enumeration comma, and reads a clause as
a step when it has a subject ("我…", "我们…", "技术同事…") or opens on a day ("明天发您"). Two
everyday ways of speaking fall between those rules:

- An enumeration comma inside one object list: "我这两天把入驻截图、资质文件一起发您", "我明天发
  报价单、合同模板" — the 、 separates nouns of one step, not two clauses (`lists_objects`).
- A yes followed by what will be done, with no subject: "收到，靠泊后安排驳船", "好的，检测完当天
  下午出报告", "没问题，确认稿子后7天发货", "可以，明早安排发货". The yes takes the request on, and
  the event or time before the verb makes it a plan rather than a description (`taken_on_at`).
"""

from __future__ import annotations

import re

from extractors.rules.next_step_patterns import ZH_VERB

__all__ = ["lists_objects", "taken_on"]

_NEXT_BREAK = re.compile(r"[，,；;。：:！!？?\n]")
# a second verb phrase after the enumeration comma: "…把报价发您、再把合同寄过去"
_SECOND_PHRASE = re.compile(r"\s*(?:把|并|再|然后|同时|也|还|另外|我|我们|你|您|你们)")
MAX_LISTED_NOUN_CHARS = 12


def lists_objects(before: str, after: str) -> bool:
    """Whether the enumeration comma between `before` (the clause so far) and `after` (the rest of
    the sentence) lists objects of one verb rather than joining two clauses."""
    item = after[: m.start()] if (m := _NEXT_BREAK.search(after)) else after
    if not item.strip() or _SECOND_PHRASE.match(item):
        return False
    if "把" in before:  # "把A、B发您": the objects wait for the verb after the list
        return True
    # "我明天发报价单、合同模板": a verbless noun ends the list
    return len(item.strip()) <= MAX_LISTED_NOUN_CHARS and ZH_VERB.search(item) is None


# after a yes: an event or a time, then a verb that does something for the asker. Not "好的，
# 发票开公司抬头" (no event, no time: a preference) nor "可以，支持导出" (what the product does).
_TAKEN_ON = re.compile(
    r"^\s*(?:那|那就|这边)?"
    r"(?P<trigger>[^，,。；;！!？?\s我你您他她]{1,10}?(?:完|后|之后|以后|一到))?"
    r"(?P<time>(?:当天|[今明后]天|[今明]日|[聽听]日|今晚|明早|明晚|[这下本]周[一二三四五六日]?|周[一二三四五六日]|月底|"
    r"(?:[一两三四五六七八九十]|\d{1,2})个?(?:小时|工作日|天))?(?:上午|下午|晚上|中午|一早|早上)?(?:之前|以前|前|之内|内)?)"
    r"(?P<adverb>(?:第一时间|马上|立刻|立即|尽快|就|会|再|先|统一|一定|肯定)*)"
    r"(?=安排|发货|发出|发您|发你|发给|寄出|寄给|送到|送过去|送货|补发|补上|联系您|联系你|通知您|通知你|"
    r"给您|给你|帮您|帮你|出报告|出结果|出方案|出报价|上门|回复您|回复你|答复)")


def taken_on(clause: str) -> re.Match[str] | None:
    """A subjectless clause after a yes that names when it will be done ("靠泊后安排淡水驳船",
    "明早安排发货"): groups `trigger` (the event waited for), `time` (where the date and the action
    start); None when the clause names no event, time or adverb of promise."""
    m = _TAKEN_ON.match(clause)
    if m is None or not (m.group("trigger") or m.group("time") or m.group("adverb")):
        return None
    return m
