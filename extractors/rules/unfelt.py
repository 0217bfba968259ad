"""Words that sound like a feeling but are not one, taken out before a sentence is scored.

An acknowledgement that opens a reply ("没问题，我本周内把手册发您", "Perfect, I'll make sure IT
joins"), a defect word naming a record ("all our bug reports live in Jira", "saved filters"), a
wish for a feature ("we'd love to have dropdown fields"), a hedge ("no decision yet"), a
promise ("make sure") and a task whose object is a defect ("I'll check the billing error") are
process talk (evals/GUIDE.md "Sentiment"). So, in Chinese, are a condition ("如果暂时不支持"),
问题 meaning a question ("有两个问题想请教"), 方便 as a moment to talk ("现在方便吗") and a day that
does not suit ("下周三不行"). Each pattern runs only on sentences whose cue words allow it.
"""

from __future__ import annotations

import re

from extractors.rules.cues import register_pattern
from extractors.rules.folding import fold, gated

# "没问题，我本周内把手册发您": an opening acknowledgement of a Chinese reply is not a feeling
# "还行，没什么问题": a lukewarm "it's fine" is no praise
# the word must end there ("好，…", "嗯嗯好的"): "好用", "行业", "对接", "可以接受" are no acknowledgement
_ZH_ACK_WORDS = r"(?:嗯+|哦|那个|就是|好的?|行|对|没问题|可以|收到|明白|还行|还可以|凑合|一般般?|没什么问题)"
_ZH_LEADING_ACK = re.compile(rf"^\W*(?:{_ZH_ACK_WORDS}(?:[，,、\s。！!~～]+|$|(?={_ZH_ACK_WORDS})))+")
# defect words naming a kind of record, not a defect: "all our bug reports live there"
_RECORD_NOUNS = fold(re.compile(r"\b(?:bug|crash|error|incident) (?:reports?|trackers?|tracking|logs?|"
                                r"dumps?|tickets?)\b|"
                                # terms, not interest: "expression of interest", "vehicle of interest";
                                # a fix awaited, not praised: "until this is resolved"
                                r"\b(?:expressions?|vehicles?|points?|areas?|items?|fields?|conflicts?|letters?|"
                                r"statements?|persons?|topics?|regions?|products?|models?) of interest\b|"
                                r"\b(?:until|till|before|once|unless) (?:this|it|that|the \w+) (?:is|has been|gets?|are|have been) "
                                r"(?:resolved|fixed|sorted|solved|corrected)\b|\bno later than\b|\bkind of(?=\W*$)|\bsaved (?=(?:filters?|views?|searches?|reports?|"
                                r"drafts?|settings|queries|replies|templates?)\b)", re.I))
# "Perfect, I'll make sure IT joins": a praise word opening a promise acknowledges, it does not praise
# "Great, I'll send an invite", "Perfect, talk then", "Sounds great, see you Thursday": the praise
# word acknowledges a plan; what follows is logistics
_ACK_BEFORE_PROMISE = gated(re.compile(
    r"^\W*(?:(?:perfect|great|excellent|awesome|wonderful|lovely|nice|cool|ok(?:ay)?|sure|thanks?|"
    r"thank you|sounds (?:good|great|perfect)|that works|works for me)\W+)+"
    r"(?=(?:i'll|i will|we'll|we will|let me|i can|we can|i'm going to|we're going to|talk|speak|chat|"
    r"see you|catch you|send|invite|book|ping|loop)\b)", re.I))
_RECORD_CUE = register_pattern("record_noun", _RECORD_NOUNS)
# a wish for a feature is a request, not love: "we'd love to have dropdown fields"
# a request's polite tail is no praise: "if you could get me #1 by Thursday that would be ideal", "it'd be
# great if you could…"; nor is declining help: "No, we're good."
_WISH = fold(re.compile(r"\b(?:'d|would) love to (?=(?:have|see|get)\b)|\bno (?=(?:final )?decision)|"
                        r"\bif you (?:could|can|would)\b[^.?!]{0,100}?\b(?:that|it|this)(?: would|'d) (?:really )?"
                        r"be (?:ideal|great|perfect|helpful|amazing|wonderful|awesome)\b|\b(?:would|'d) be (?:great|ideal|perfect|helpful|amazing|wonderful|"
                        r"awesome) if\b|\bno,? (?:we're|i'm|we are|i am) (?:good|fine|all set)\b|"
                        r"\bmake sure\b|\bignore (?=(?:what|that|my|the|this) )", re.I))  # "no decision yet" is a hedge, "make sure" a promise
_WISH_CUE = register_pattern("unfelt_wish", _WISH)  # not "wish": next steps has its own
_UNFELT = {"to ": " want to ", "ure": " see that "}
# a task whose object is a defect is process talk, not a complaint: "I'll check the billing error",
# "can you refund the duplicate charge?", "open a ticket for the export bug"
_DEFECT_TASK = fold(re.compile(r"\b(?:check|fix|look (?:into|at)|investigate|reproduce|refund|reverse|"
                               r"open a ticket for|file a ticket for|log|patch|debug|correct|escalate)"
                               r" (?:the|that|this|a|an|our|your) (?:[\w-]+ ){0,2}(?:bugs?|errors?|"
                               r"charges?|issues?|problems?|crash(?:es)?|glitch(?:es)?)\b", re.I))
_DEFECT_TASK_CUE = register_pattern("defect_task", _DEFECT_TASK)
_PROMISE_ACK_CUE = register_pattern("ack_before_promise", _ACK_BEFORE_PROMISE)
_ZH_ACK_CUE = register_pattern("zh_leading_ack", _ZH_LEADING_ACK)
# what holds a feeling word in Chinese but states none: a condition ("如果暂时不支持，…", "失败的话怎么
# 回滚", "有问题再找你"), 问题 meaning a question ("有两个问题想请教"), 方便 asking or granting a moment
# ("现在方便吗", "方便方便，你说", "方便的话发我"), and a day that does not suit ("下周三不行，周四吧")
_ZH_UNFELT = gated(re.compile(
    r"(?:如果|要是|假如|万一|若是|一旦|如若)[^，,。！？!?；;]{0,20}|[^，,。！？!?；;\s]{1,10}的话"
    r"|有(?:什么|任何|啥)?(?:问题|疑问|情况)(?:的话)?(?=[，,]?(?:我们?)?(?:再|就|随时|请|可以|直接|您|你))"
    r"|(?:[一两二三四五六七八九十几]个|有个|问个)(?:小)?问题(?=想|要|请教|咨询|问|确认|需要)|问题想(?:请教|咨询|问|确认)|"
    r"请教(?:[一两几]个)?(?:小)?问题"
    r"|方便的话|(?:现在|这会儿?|您|你|明天|今天|下午|上午|晚上)?方便(?:吗|么|嘛|的时候|接电话|说话|聊)|^\W*方便(?:方便)?(?=\W|$)"
    r"|(?:周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|[上下]午|明天|后天|今天|那天|这个时间|那个时间|这周|"
    r"下周[一二三四五六日天]?|[\d一二三四五六七八九十两]+点)(?:的话)?(?:可能|恐怕|应该)?(?:不行|不太行|不方便|没空|没时间)"))
_ZH_UNFELT_CUE = register_pattern("zh_unfelt", _ZH_UNFELT)


def strip_unfelt_en(plain: str, cues: int) -> str:
    """`plain` (an English sentence) without an acknowledgement before a promise, record names,
    wishes and hedges; the leading-acknowledgement strip of `sentiment` runs after this."""
    if cues & _PROMISE_ACK_CUE and (ack := _ACK_BEFORE_PROMISE.match(plain)):
        plain = plain[ack.end() :]  # anchored: the one match a sub could make, without its scan
    if cues & _RECORD_CUE:
        plain = _RECORD_NOUNS.sub(" ", plain)
    if cues & _WISH_CUE:
        plain = _WISH.sub(lambda m: _UNFELT.get(m.group(0).lower()[-3:], " "), plain)
    if cues & _DEFECT_TASK_CUE:
        plain = _DEFECT_TASK.sub(" ", plain)
    return plain


def strip_unfelt_zh(text: str, cues: int) -> str:
    """`text` (a Chinese sentence) without the acknowledgement that opens it, conditions,
    questions called 问题, 方便 as a moment to talk, and a day that does not suit."""
    if cues & _ZH_ACK_CUE and (ack := _ZH_LEADING_ACK.match(text)):
        text = text[ack.end() :]  # anchored: the one match a sub could make, without its scan
    if cues & _ZH_UNFELT_CUE:
        text = _ZH_UNFELT.sub("，", text)
    return text
