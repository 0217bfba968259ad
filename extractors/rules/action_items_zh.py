"""Chinese minutes items that name their owner without the "Name：task" shape.

Minutes list follow-ups as "1. 乙方在2月13日前提交修改后的技术方案；", "3. 甲方提供中转点视频设备清单",
"4. 戚楠于5月6日前提交首批章程译稿", "（1）设计院何晓峰：出具变更图纸，3月18日前提交；" or
"- 念恩信息 项目经理 于洋：4月17日前提交二期实施计划": the owner comes first (a side word, an
attendee, or an organisation the attendee lines place), then a linking word (于, 在, 负责, 将, 会),
a date or the verb. Such a line is read only under an action heading ("后续安排", "待办",
"会议确定"). An owner that names no side, no attendee and no listed organisation ("- 邓晨下周把…",
"3. 信息中心负责核对…", "- 青橙周三前提交…") is still someone the minutes assign a task to, so its
side is guessed from its words (`_guessed_owner`): a vendor job is the rep's, an institution's unit or
title the customer's, else the writer's side. A body outside both sides ("监理单位…", "第三方检测…")
the text does not place is left out rather than guessed.

A dated Chinese line that is not under an action heading is a task only when it reads as one
(`reads_as_task`): "- 钱主任：二期预算已经批下来了，希望六月底前上线" reports, it assigns nothing.
"""

from __future__ import annotations

import re

from assistant.models import Touchpoint
from extractors.rules.attendees import attendee_sides, third_parties
from extractors.rules.dates import find_due_phrases
from extractors.rules.next_step_clauses import NextStepHit, side_of
from extractors.rules.next_step_objects import MIN_ACTION_CHARS
from extractors.rules.next_step_patterns import ZH_VERB, clean_action
from extractors.rules.sentences import Sentence

__all__ = ["reads_as_task", "zh_minutes_item"]

_MARK = re.compile(r"^\s*(?:[-*•·▪◦–☐□]|\d{1,2}[.)、．]|[（(]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*")
_OURS = re.compile(r"^(?:我方|我司|本司|我们)")
_THEIRS = re.compile(r"^(?:贵司|贵方)")
# a contract's parties: 乙方 supplies (the vendor), 甲方 buys, whoever writes the minutes
_VENDOR = re.compile(r"^(?:乙方|承接方|服务方|供应商)")
_BUYER = re.compile(r"^(?:甲方|客户方?(?!经理)|业主方?|院方|校方|采购方|委托方)")
# "…，3月18日前提交": a bare verb after the task only carries its date
_BARE_TAIL = re.compile(r"[，,；;]\s*[\u4e00-\u9fff]{1,4}$")
_LINK = re.compile(r"\s*(?:负责|须|需|将|会|于|在)\s*")
_TAG = re.compile(r"[（(][^（()）]{0,20}[)）]")
MIN_WHO_CHARS = 2
MAX_WHO_CHARS = 14
MAX_LABEL_CHARS = 20
# a task opens with its verb, maybe after a lead word or a time: "本月底前把二期合同发给客户"
_LEAD = re.compile(r"^\s*(?:我们|我方|我|另外|并|再|还|先|负责|须|需|将|会|于|在|尽快|统一|逐一|逐笔|直接)*")
_CLAUSE = re.compile(r"[，,；;。]")
_BA = re.compile(r"^(?:把|将|向|跟|和|与|给|对|按|为|帮|带)")


def reads_as_task(task: str, due_spans: list[tuple[int, int]], base: int) -> bool:
    """Whether a clause of a Chinese item's text, due phrases aside, opens with a verb ("提交…",
    "商务条款方面，给出正式报价", "我今天把…发给孟佳")."""
    for clause in _CLAUSE.split(clean_action(task, due_spans, base)):
        clause = clause[_LEAD.match(clause).end():]  # type: ignore[union-attr]
        if ZH_VERB.match(clause) is not None or _BA.match(clause) is not None:
            return True
    return False


def zh_minutes_item(sentence: Sentence, sentences: list[Sentence], touchpoint: Touchpoint,
                    headings: list[int]) -> NextStepHit | None:
    """The step a Chinese minutes item under an action heading holds, or None."""
    text = sentence.text
    label = sentence.speaker or ""
    if not headings or headings[0] >= sentence.start or not _HAN.search(text):
        return None
    if label and (mark := _MARK.match(label)) is not None and len(label) <= MAX_LABEL_CHARS:
        who, task, task_at = label[mark.end():].strip(), text, 0  # "（1）设计院何晓峰：出具…"
    elif (mark := _MARK.match(text)) is not None:
        who, task_at = _inline_owner(text, mark.end(), touchpoint)
        task = text[task_at:]
    else:
        return None
    if not (MIN_WHO_CHARS <= len(who) <= MAX_WHO_CHARS) or not task.strip():
        return None
    owner = _owner(who, sentence, touchpoint) or _guessed_owner(who, task, sentence, touchpoint)
    if owner is None:
        return None
    dues = [d for d in find_due_phrases(text, touchpoint.occurred_at, cues=sentence.cues) if d.due]
    spans = [(d.start, d.end) for d in dues if d.start >= task_at]
    if not reads_as_task(task, spans, task_at):
        return None
    action = clean_action(task, spans, task_at)
    action = action[_LEAD.match(action).end():].strip(" ；;。，,")  # type: ignore[union-attr]
    if (tail := _BARE_TAIL.search(action)) is not None and ZH_VERB.match(action, tail.start() + 1):
        action = action[: tail.start()]
    if len(action) < MIN_ACTION_CHARS:
        return None
    due = next((d for d in dues if d.start >= task_at and text[d.start - 1 : d.start] != "后"
                and not d.from_event), None)
    return NextStepHit(action, owner, due.due if due else None, due.phrase if due else None,
                       sentence.start, sentence.end, sentence,
                       is_request=owner != side_of(sentence, touchpoint))


def _inline_owner(text: str, at: int, touchpoint: Touchpoint) -> tuple[str, int]:
    """(the owner words, where the task starts) of "贺经理下周一前把…", "我方在收到原文后…", "甲方提供…"."""
    if (colon := text.find("：", at, at + MAX_LABEL_CHARS)) > at:
        return _TAG.sub("", text[at:colon]).strip(), colon + 1
    ends = [len(text)]
    if (link := _LINK.search(text, at + MIN_WHO_CHARS)) is not None:
        ends.append(link.start())
    if (verb := ZH_VERB.search(text, at + MIN_WHO_CHARS)) is not None:
        ends.append(verb.start())
    dues = find_due_phrases(text[: at + MAX_WHO_CHARS + 4], touchpoint.occurred_at)
    ends += [d.start for d in dues if d.start >= at + MIN_WHO_CHARS]
    end = min(ends)
    task_at = end
    if (link := _LINK.match(text, end)) is not None:
        task_at = link.end()
    return text[at:end].strip(), task_at


def _owner(who: str, sentence: Sentence, touchpoint: Touchpoint) -> str | None:
    """The side of the owner words: a side word, else the attendee or organisation they contain."""
    writer = side_of(sentence, touchpoint)
    other = "customer" if writer == "rep" else "rep"
    plain = _TAG.sub("", who).strip()
    if _OURS.match(plain):
        return writer
    if _THEIRS.match(plain):
        return other
    if _VENDOR.match(plain):
        return "rep"
    if _BUYER.match(plain):
        return "customer"
    if (org := next((o for o in third_parties(touchpoint.text) if plain.startswith(o)), None)) is not None:
        return org  # "1. 中储物流于本周五前提供盘点表": a third party the attendee lines list, by name
    sides = attendee_sides(touchpoint.text)
    named = sorted((name for name in sides if len(name) >= MIN_WHO_CHARS and name in who), key=len, reverse=True)
    return sides[named[0]] if named else None


# the owner words of a name nobody placed: a vendor's job ("念恩信息 项目经理 于洋", "系统供应商", "冷链
# 卫士 技术 邹明"), else an institution's unit or title, the buyer's side in minutes ("信息中心", "韶关校",
# "郝科长", "温老师", "华康质量部")
_VENDOR_JOB = re.compile(r"供应商|厂家|服务商|项目经理|实施|技术|工程师|商务|销售|顾问|客服|售后")
_INSTITUTION = re.compile(r"(?:中心|校|院|局|处|科|部|办|站|所|主任|科长|处长|校长|院长|局长|所长|站长|老师|医生)"
                          r"(?:[\u4e00-\u9fff]{1,3})?$")
# not a guess: a body outside both sides ("监理单位华建咨询", "第三方检测机构"), or words that report
# rather than name someone ("系统切换已经完成")
_OUTSIDER = re.compile(r"监理|设计院|第三方|检测|审计|公证|律所|政府|海关|供电|消防")
_NOT_A_NAME = re.compile(r"已|了|的|是|在|把|要|会|都|没|不|还")
# sent toward whoever writes the minutes: "发过来", "寄给我们", "交给我方"
_TO_THE_WRITER = re.compile(r"(?:发|寄|传|送|交|转)过来|(?:给|到)(?:我们|我方|我司)")


def _guessed_owner(who: str, task: str, sentence: Sentence, touchpoint: Touchpoint) -> str | None:
    """The side of owner words that name no side, no attendee and no listed organisation: a vendor
    job is the rep's, an institution's unit or title the customer's, someone who sends things over to
    the writer ("贺经理下周一前把原文发过来") the other side, else the writer's side; None for an
    outside body or words that are no name."""
    plain = "".join(_TAG.sub("", who).split())
    if _OUTSIDER.search(who) or _NOT_A_NAME.search(plain):
        return None
    if _VENDOR_JOB.search(who):
        return "rep"
    if _INSTITUTION.search(plain):
        return "customer"
    writer = side_of(sentence, touchpoint)
    if _TO_THE_WRITER.search(task):
        return "customer" if writer == "rep" else "rep"
    return writer


_HAN = re.compile(r"[\u4e00-\u9fff]")
