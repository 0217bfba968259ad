"""A plain fault report in a support ticket or chat is neutral.

A customer who describes a problem and asks for a fix ("The scanner on desk 3 fails with 'cannot
reach server'. Can you check?", "打印机连不上共享盘，提示无法连接，请帮忙看一下") has logged a request,
not voiced a complaint (evals/GUIDE.md "Sentiment": informational and process talk is `neutral`).
The lexicons read the fault's own words ("fails", "error", "找不到", "闪退") as feelings, so one such
sentence alone leans the whole ticket `negative`. A report turns negative only when the customer
says more than the fault: frustration or blame, the same failure again or still, time spent
waiting, a threat to leave or a demand made urgent ("again", "still broken", "three days now",
"unacceptable", "ASAP", "又", "还是不行", "到底", "投诉", "马上"). Read across the customer's sentences,
so it lives beside `label_for`, like `curt.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.models import SentimentLabel
from extractors.rules.zh_view import mandarin_text

SUPPORT_CHANNELS = ("ticket", "chat")
MAX_FAULT_SENTENCES = 2  # more strongly negative sentences than this is more than one fault told
# what turns a fault report into a complaint: feeling, blame, repetition, waiting, urgency, threat
_EN_COMPLAINT = re.compile(
    r"\b(?:again|still|yet another|anymore|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time|"
    r"every (?:time|single)|keeps?|kept|always|repeatedly|twice|\d+ times|(?:three|four|five|several|many) "
    r"times|often|frequently|constantly|all the time|this time|same (?:error|problem|issue|thing) as|"
    r"(?:since|after) (?:your|the) (?:\w+ ){0,3}(?:release|update|upgrade|change|migration)|"
    r"mess|nightmare|chaos|confus\w*|affect\w*|impact\w*|(?:sent|shipped|delivered|charged|billed) "
    r"(?:us |me )?(?:the |a )?wrong|overcharg\w*|double[- ]charg\w*|disput\w*|late fee|"
    r"otherwise|or else|(?:happen|occur)s? again|"
    r"wait(?:ing|ed)|(?:\d+|two|three|four|five|six|several|many|few) (?:days|weeks|months)|"
    r"no (?:one|response|reply|answer|update)|nobody|ignored|unacceptable|ridiculous|absurd|"
    r"frustrat\w*|annoy\w*|disappoint\w*|angry|upset|furious|fed up|sick of|tired of|unhappy|"
    r"not (?:happy|ok(?:ay)?|good enough|acceptable)|terrible|awful|horrible|worst|useless|joke|"
    r"urgent\w*|asap|immediately|right now|escalat\w*|cancel\w*|refund\w*|compensat\w*|"
    r"complain\w*|switch(?:ing)? to|(?:leave|leaving|move|moving) to|supposed to|promised|"
    r"you (?:said|told)|(?:told|assured) (?:us|me)|seriously|what(?:'s| is) going on|how (?:long|many "
    r"more)|why (?:is|are|does|do|did|has|have|hasn't|haven't|can't|isn't|won't)|lost|losing|"
    r"cost(?:ing)? us|(?:our|my) (?:customers|clients|guests|patients) (?:are )?(?:complain\w*|angry|"
    r"upset))\b|!|\?\?", re.I)
_ZH_COMPLAINT = re.compile(
    r"又|还是(?:不|没|一样|老样子|有问题|出现|会)|(?:再次|多次|屡次|反复|总是|老是|每次都?)|"
    r"[好几两三四五六七八九十\d]+次了?|第[二三四五六七八九十]次|一直(?:没|不|都)|到底|怎么(?:回事|搞的|还)|"
    r"为什么(?:还|又|总|老|一直)|什么情况|搞什么|[一二两三四五六七八九十几\d]+(?:天|周|个星期|个月)了|"
    r"等了|催|没人|没有(?:任何)?人|急|快点|马上|立刻|赶紧|立即|务必|投诉|退款|退钱|退费|退回|赔偿|差价|多扣|多收|"
    r"失望|生气|无语|离谱|太差|垃圾|坑人?|以为|也是这样|也这样|也有这个问题|同样的(?:问题|错误)|"
    r"经常|频繁|时不时|动不动|一直(?!显示|提示)|用了.{0,4}就|前就|这次|真的|影响(?:了|到)|意见|抱怨|"
    r"不然|否则|(?:不能|别|不要)再|你们的服务|[刻发送寄扣算开写印装配录]错|到现在|至今|"
    r"不能接受|无法接受|接受不了|严重影响|损失|说好|承诺|不是说|换(?:一家|别家|其他)|不续|[！!]|[？?]{2}")


def is_complaint(text: str) -> bool:
    """Whether `text` (one sentence) says more than a fault: feeling, repetition, waiting, urgency."""
    return bool(_EN_COMPLAINT.search(text) or (not text.isascii() and _ZH_COMPLAINT.search(mandarin_text(text))))


# a fault told plainly: something fails, errs, cannot be found, crashes or is late
_FAULT = re.compile(
    r"\b(?:fail\w*|errors?|times? out|timed out|(?:won't|doesn't|don't|didn't|isn't|aren't|can't|cannot|"
    r"unable to) (?:\w+ ){0,2}(?:start|load|open|connect|sync|work|show|appear|find|see|print|send|log|"
    r"save|upload|download|import|export|arriv\w*|appearing|showing|loading|syncing|working)|"
    r"crash\w*|freez\w*|stuck|blank|missing|no way to|(?:is|are|went) down|broken|bug|glitch|"
    r"delay\w*|wrong|not (?:working|showing|appearing|loading|syncing|found)|says? \W|"
    r"(?:stopped|stops) \w+ing)\b"
    r"|失败|报错|错误|找不到|无法|闪退|崩溃|卡(?:住|在|顿|死)|(?:打|连|登|进|收|发|刷|启动)不(?:开|上|了|进去|到)|"
    r"用不了|不显示|没反应|异常|故障|延误|延迟|丢失|空白|乱码|超时|提示", re.I)


def is_fault(text: str) -> bool:
    """Whether `text` (one sentence) tells a fault: a failure, an error, a crash, a delay."""
    return _FAULT.search(mandarin_text(text) if not text.isascii() else text) is not None


def settle_fault_report(label: SentimentLabel, scored: Sequence[tuple[str, float]], channel: str,
                        strong: float) -> SentimentLabel:
    """`neutral` for a `negative` support ticket or chat whose customer only reports a fault: at
    most `MAX_FAULT_SENTENCES` sentences at or below -`strong`, each telling a fault, and no sentence that complains
    beyond the fault; otherwise `label`. `scored` holds the customer's (sentence, score) pairs."""
    if label != "negative" or channel not in SUPPORT_CHANNELS:
        return label
    negative = [text for text, score in scored if score <= -strong]
    if not negative or len(negative) > MAX_FAULT_SENTENCES or not all(map(is_fault, negative)):
        return label
    return label if any(is_complaint(text) for text, _ in scored) else "neutral"
