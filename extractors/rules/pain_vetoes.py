"""Sentences and clauses that hold a problem word but tell no problem the customer has now.

`pains.pain_phrases` keeps the clauses that hold a problem cue, and `pain_clauses.py` leaves out
the clause shapes that are still no pain. This module holds the shapes that are whole speech
acts rather than clause shapes, in English and Chinese:

- praise told with problem words: "这么快就修好了，省了我们两天手工改表的工作量，特别感谢", "故障响应
  时间从平均3小时降到1小时以内", "the portal cut our call volume by a fifth" — a sentence the
  rules' sentiment reads as praise (the learned layer has always dropped these) or one that
  tells a number going the right way;
- a task with its deadline, the shape of a meeting's action list or of a promise: "本周五前安排
  工程师到现场排查掉线问题", "剩下的单子我今天下午5点前手工处理完", "客户要求3个工作日内出具书面
  故障报告";
- a request made mid-sentence or an order to the agent: "拒收部分的货款请在下期对账中直接扣除",
  "报告里写清楚到场超时的原因";
- a condition or a warning about what must not happen again: "若二季度不能调整", "如届时仍无法
  达标", "这种事情不能再出了", "五点前没回我就直接投诉到消协了";
- the vendor's account of a cause: "本次延迟是镜片工厂排产导致", "大巴迟到系车队调度失误".
"""

from __future__ import annotations

import re

from extractors.rules.sentiment import ALL_CUES, score_sentence

# a sentence the rules' sentiment scores this positive is praise, never a pain; English needs more,
# as its scorer reads plain reports of numbers as mildly positive ("19 of them are outside
# tolerance against the approved lab dip")
PRAISE_SCORE = 0.4
PRAISE_SCORE_EN = 0.7
# a turn from praise to a problem: "排产这块比以前强太多，就是这种同步问题太影响现场了"
_TURN = re.compile(r"但|不过|可是|就是|只是|然而|唯一|\b(?:but|however|though|except|less happy)\b", re.I)

# a number or a problem going the right way: "从平均3小时降到1小时以内", "满意度从62%提高到了89%",
# "投诉量较去年下降约六成", "质疑基本没有了", "很少听到抢话", "这是我们第一次没被打回来",
# "比以前手写票强多了", "call volume is down roughly a fifth", "drivers stopped complaining"
_IMPROVED = re.compile(
    r"(?:时间|时长|周期|投诉|客诉|故障|差错|成本|等待|排队|对账)[^，,。；;]{0,8}?从[^，,。；;]{0,12}?"
    r"(?:降|缩|减|压)(?:到|至|成)了?|"
    r"(?:投诉|客诉|故障|差错|报错|错误|等待|排队|加班|质疑|爽约|退单|退货)[^，,。；;]{0,10}?"
    r"(?:下降|减少|降低|减半|少了)|(?:投诉|质疑|爽约|差错|故障|抱怨|客诉)[\u4e00-\u9fff]{0,6}?(?:基本|几乎)没(?:有)?了|"
    r"(?:很少|极少|再没)(?:听到|出现|发生|接到|收到|有人)|第一次没(?:被|有)|"
    r"(?:强|好|快|方便|省心|顺)(?:多了|很多|不少)|没有一起|没有丢失|"
    r"\b(?:is|are|was|were) down (?:by |roughly |about |nearly |almost )(?:a |one |\d)|"
    r"\bstopped complaining\b", re.I)

# a task with its deadline: a deadline word, then within a few characters the work to be done
_DEADLINE = r"(?:周[一二三四五六日天末]|本周|这周|下周|今天|明天|后天|月底|年底|[日号天]|小时|点)(?:[\u4e00-\u9fff\d]{0,3})?(?:之?前|以?内)"
_WORK = (r"(?:安排|完成|修正|修复|修好|更正|发|给|提供|出具|回传|整理|排查|处理|退还|补|导入|重新|"
         r"答复|回复|反馈|确认|到场|上门|解决)")
_TASK = re.compile(
    rf"{_DEADLINE}[\u4e00-\u9fff]{{0,6}}?{_WORK}|[，,]\s*{_DEADLINE}(?:完成|发|给)|"
    # what someone demands be handed over: "客户要求3个工作日内出具书面故障报告", "要求给出原因分析"
    r"要求[\u4e00-\u9fff\d]{0,10}?(?:出具|给出|提供|提交|说明|答复)|"
    # the speaker's own promise: "我周五前发", "我今天下午5点前手工处理完"
    r"我(?:们)?[\u4e00-\u9fff\d]{0,10}?(?:前|内)[\u4e00-\u9fff]{0,4}?(?:发|处理完|完成|给)")

# a request made mid-sentence, or an order to the agent: "拒收部分的货款请在下期对账中直接扣除", "你帮我把
#材料一条条整理好", "报告里写清楚到场超时的原因"
_DEMAND = re.compile(r"请(?:在|贵[司方厂店]|你们?|您|尽快|于|务必|及时|立即|马上)|"
                     r"^(?:你|您)们?(?:帮我|给我|帮忙|赶紧|尽快|先)|(?:写|说|讲)清楚[\u4e00-\u9fff]{0,10}(?:原因|情况)")

# a condition or a warning: "若…", "如届时仍…", "如仍无法解决", "这种事情不能再出了", "…没回我就直接
# 投诉到消协了"
_CONDITION = re.compile(
    r"^(?:若|倘若|假如|万一|如(?:届时|仍|再|还|果))|(?:不能|不可以|不允许|绝对不能|别)再(?:出|出现|发生|有)|"
    r"没(?:回|回复|处理|解决)[\u4e00-\u9fff]{0,2}?就(?:直接)?(?:投诉|找|退)")

# the vendor's account of why: "本次延迟是镜片工厂排产导致", "大巴迟到系车队调度失误", "证书昨夜过期导致"
_CAUSE = re.compile(r"系[\u4e00-\u9fff\w]{1,14}?(?:导致|造成|所致|引起|失误)(?:的)?$|"
                    r"^[\u4e00-\u9fff\w]{2,16}导致$|^(?:本次|此次)[\u4e00-\u9fff]{0,6}(?:是|系)")


# English thanks and good news told with problem words: "Cheers for fixing the login glitch so
# fast", "Really appreciate you sorting the refund", "not one late delivery all month", "went from
# five no-shows a week to zero", "the team stopped keeping their own spreadsheets", "the new menu
# sold out in a week", "you turned a nasty morning into a ten-minute fix"
_THANKS_EN = re.compile(
    r"^(?:[A-Z][\w'-]*,\s*)?(?:thank(?:s| you)\b|cheers (?:for|on)\b|(?:i |we )?(?:really |just )?"
    r"appreciate\b|(?:i |we )?just wanted to (?:say|thank|let you know)\b|kudos\b|shout-?out\b)|"
    # "not one" good news names the problem that did not happen ("not one double-booked tee time")
    r"\bnot (?:a single|one)\b[\w' -]{0,30}?\b(?:late|missed|lost|double[- ]?\w+|complaints?|errors?|"
    r"issues?|problems?|outages?|downtime|crash\w*|no-shows?|mistakes?|breach\w*|delay\w*|returns?)\b|"
    r"\b(?:nobody|no one) (?:came back|complained)\b|"
    r"\b(?:haven'?t|hasn'?t) had (?:a single|one)\b|\bfrom [^.;]{1,40}? to (?:zero|none|nil)\b|"
    r"\bstopped keeping (?:their|our|my|his|her) own\b|\b(?:sold|booked) out in\b|"
    r"\bwent down a storm\b|\bturned (?:a |an |what )[^.;]{0,40}? into\b|"
    r"\bmade (?:a |an |what )?[^.;]{0,30}? (?:a lot |much |so much )?(?:better|easier)\b", re.I)


def is_praise(text: str, *, english: bool, cues: int = ALL_CUES) -> bool:
    """Whether a sentence praises or tells a problem going away (see the module doc); a sentence
    that turns from praise to a problem is none. `cues` (the sentence's cue bits) spares the
    scorer the patterns whose words the sentence lacks."""
    return not _TURN.search(text) and (_IMPROVED.search(text) is not None or english and (
        _THANKS_EN.search(text) is not None) or score_sentence(text, cues) >= (
        PRAISE_SCORE_EN if english else PRAISE_SCORE))


# a line of a meeting's action list in English: a name, then "to" or a colon and the work, or the
# work with its time ("Priya to check the March tickets against the SLA", "Tom: share the error
# log", "Ana sends the device list today", "Refund request forwarded to billing for review")
_WORK_EN = (r"(?:check|send|share|export|confirm|review|look into|investigate|provide|pull|"
            r"schedule|set up|draft|chase|call|email|follow up|circle back|escalate|compile|prepare|"
            r"update|fix|test|book|arrange|get)")
_TASK_EN = re.compile(
    rf"^[A-Z][\w'-]+(?: [A-Z][\w'-]+)?(?:\s*:\s*| to | will ){_WORK_EN}\b|"
    rf"^[A-Z][\w'-]+(?: [A-Z][\w'-]+)? {_WORK_EN}s\b[^.;]*\b(?:today|tomorrow|tonight|by \w+|"
    r"this (?:week|afternoon)|next \w+|end of \w+)\b|"
    r"\bforwarded to [^.;]{1,60}? for (?:investigation|review)\b|"
    # the work alone, after "Tomas:" was cut off: "share the failed sync log with engineering"
    r"^(?:send|share|export|provide|compile|pull|draft|schedule|prepare|confirm) (?:the|a|an|all|"
    r"our|their|his|her|\d)\b")


# a line of a Chinese action list: (someone, a day,) work to do on a thing the problem names —
# "整理近一个月的掉线记录", "小林明天提供出问题的设备型号", "说明宕机原因", "核对两家门店的差价损失",
# "| 复核识别准确率 | 小林 | 3月2日 |"; the problem word only qualifies what is to be handed over
_TASK_ZH = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,3}(?:要|负责|[：:]))?(?:[\u4e00-\u9fff]{2,3}?)?(?:今天|明天|后天|本周[一二三四五六日]?|"
    r"下周[一二三四五六日]?|周[一二三四五六日]|月底)?(?:前|之前)?(?:整理|复核|导出|提供|说明|核对|退还|补回|"
    r"补发|补寄|编写|出具|排查|统计|汇总|梳理|提交|给出)[^，。；]{0,24}?(?:记录|报告|原因?|样例|型号|清单|"
    r"明细|情况|数据|损失|费用|方案|准确率)|^\|[^|]+\|[^|]{1,8}\|")


# a deadline someone promised and missed is the problem itself: "说好三天内上门，结果一周了还没人来"
_PROMISED = re.compile(r"说好|承诺|约定|合同|答应|本来|应该?在|按理")


def is_vetoed_clause(part: str) -> bool:
    """Whether a cleaned clause is a task with its deadline (or a line of an action list), a
    request, a condition or the vendor's cause."""
    return bool(_TASK.search(part) and not _PROMISED.search(part) or _TASK_EN.search(part)
                or _TASK_ZH.search(part) or _CONDITION.search(part)
                or _CAUSE.search(part) or _DEMAND.search(part))
