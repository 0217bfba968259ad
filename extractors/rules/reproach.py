"""Reproach: a complaint said as a recurrence, an empty promise or money held back.

Unhappy customers often state what happened and let the repetition speak: "the invoice came in
the wrong currency again", "the second weekend in a row", "又开成了普票", "连续第二个周末"; they
name what they got instead of help ("nothing but auto-replies", "not another canned reply",
"别又是空话"), what they paid for ("not what we bought this for", "why are we paying for a system
that…"), and they hold money back ("we will hold payment until…", "这笔款我们先不付"). None of
these holds a feeling word (evals/GUIDE.md "Sentiment": flat negatives). `refusals` counts them
beside its own plain complaints; the runs are gated by their cue words (`branches.py`).
"""

from __future__ import annotations

import re

from extractors.rules.branches import Branches
from extractors.rules.folding import fold

_FAULT = (r"(?:failed|broke|broken|crashed|went down|is down|was down|wrong|late|missing|empty|duplicated|"
          r"overbooked|double-booked|overcharged|stuck|frozen|offline|out of sync|came in|came back|showed up|"
          r"went out|happened|happening)")

REPROACH = fold(re.compile(
    # the same fault once more: "the March invoice came in US dollars again", "it's broken again"
    rf"\b(?:{_FAULT}(?: [\w$€£-]+){{0,4}} again|"
    # counted in a row: "the second weekend in a row", "three releases in a row"
    r"(?:second|third|fourth|fifth|sixth|\d+(?:nd|rd|th)) (?:[\w-]+ ){1,2}in a row|"
    # "three days running", not "4 variants running" (a count of things that run)
    r"(?:two|three|four|five|six|several|\d+) (?:[\w-]+s in a row|(?:days|nights|mornings|evenings|weekends|"
    r"weeks|months|quarters|years|shifts|sprints|releases|times|runs|cycles|invoices|deliveries|reports|"
    r"payrolls|closes) (?:running|straight))|"
    # what came instead of help: "nothing but auto-replies", "not another canned reply"
    r"nothing but (?:auto-?replies|excuses|promises|apologies|silence|canned (?:replies|responses))|"
    r"(?:canned|generic|templated|boilerplate|copy-?paste[d]?) (?:replies|reply|responses?|answers?|emails?)|"
    r"keeps? (?:closing|ignoring|bouncing|blaming|reopening|telling us)|"
    # what was paid for: "not what we bought this for", "why are we paying for a system that…"
    r"not what we (?:bought|paid|are paying|pay)(?: (?:it|this|you|them))? for|why (?:are|am|is|should|do) "
    r"(?:we|i|my \w+|our \w+) (?:still )?(?:paying|pay) (?:for|you)|at (?:our|my) (?:own )?expense|"
    # money held back: "we will hold payment until…", "withholding the renewal"
    r"(?:hold|holding|withhold|withholding|put on hold) (?:the |our |any |this )?payments?|"
    r"(?:not paying|refuse to pay|won't pay|will not pay) until|"
    # a reproach about care: "please actually test it this time", "for once"
    r"actually (?:\w+ ){1,3}this time|for once|"
    # the automation that never runs: "our routing rules don't fire", "reminders never go out"
    r"(?:rules?|workflows?|automations?|triggers?|alerts?|webhooks?|notifications?|reminders?|jobs?) "
    r"(?:don't|doesn't|didn't|won't|never|aren't|isn't) (?:fire|firing|trigger|triggering|go out|going out)|"
    # a cost that "cannot be absorbed", a price "can't be justified"
    r"(?:cannot|can't|can not|won't|will not) be (?:absorbed|justified|approved|accepted|signed off)|"
    # the same trouble counted: "This is the third missed pickup", "we've had three backorders since January"
    r"(?:this|that|it)(?:'s| is| was) (?:now |already )?(?:the|our|my) (?:second|third|fourth|fifth|sixth|"
    r"\d+(?:nd|rd|th)) (?!(?:[\w-]+ ){0,2}(?:year|years|renewal|anniversary|expansion|order|purchase|site|team|"
    r"store|office|location|hire)s?\b)|"
    r"(?:we've|we have|i've|i have) had (?:two|three|four|five|six|several|multiple|\d+) (?:[\w-]+ )?"
    r"(?:backorders?|outages?|incidents?|failures?|errors?|breakdowns?|delays?|issues|problems|cancellations?|"
    r"no-shows?|crashes|chargebacks?|mistakes|missed \w+|late \w+|short \w+) (?:since|this|in)|"
    # time spent waiting, said bare: "It's been six days.", "4 hours now.", "I've been on hold forty minutes."
    r"^\W*(?:it's|it has|it is|that's|and it's) (?:now )?been (?:\d+|two|three|four|five|six|seven|eight|nine|"
    r"ten|several) (?:hours|days|weeks|months)(?: now)?(?=\W*$)|"
    r"^\W*(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several) (?:hours|days|weeks) now(?=\W*$)|"
    r"on hold (?:for )?(?:over |almost |nearly )?(?:\d+|twenty|thirty|forty|forty-five|fifty|sixty|an?) "
    r"(?:minutes|mins|hours?)|"
    # left in the dark or blamed: "nobody's touched it", "pushed an update without telling anyone",
    # "if we get marked down it's on you", "that's not the point"
    r"(?:nobody|no one)(?:'s| has) (?:touched|looked at|picked up|responded to|answered) (?:it|this|them|the \w+)|"
    r"without (?:telling|warning|notifying|asking|informing) (?:anyone|anybody|us|me|the customer)|"
    r"(?:it's|that's|it is|that is) on you\b|(?:that's|that is) not the point|"
    # a threat to take the business elsewhere: "move the stapler line to another distributor", "go out to bid"
    r"(?:move|moving|take|taking|shift|shifting|switch|switching|give|giving) (?:[\w-]+ ){0,4}to (?:another|a "
    r"different|a new|other|a cheaper) (?:distributor|vendor|supplier|provider|network|carrier|partner|agency|"
    r"platform|contractor|company|firm)|go (?:out )?to (?:bid|tender)|price out|"
    # a promise broken: "you said that in February", "promised but only arrived for 3"
    r"you (?:said|told us|promised)(?: us)? (?:that|the same(?: thing)?|this) (?:in|last|on|before|back in)|"
    r"(?:were|was) promised,? but"
    r")\b"
    # Chinese: again done wrong, again nothing, N-th in a row
    r"|又(?:开成|写成|算成|发成|弄成|搞成|变成|扣成|超卖|出错|失败|崩|宕机|掉线|断|挂|没了|没有了|冇咗|冇了|没同步)"
    r"|(?:别|不要|唔好|不会)又(?:是|说|话|来|拖|推)|连续第?[二三四五六七八九十两几\d]+(?:个|次|天|周|晚)"
    r"|空话|光说不做|说了?也?白说|跟了什么|跟咗咩"
    # money held back: "这笔款我们先不付", "暂缓付款"
    r"|(?:先|暂(?:时)?)不(?:付|结)(?:款|钱|了)?(?=[，。！？,.!?]|$)|暂缓(?:付款|支付|打款)|拒付"
    r"|(?:一天|一次)都没(?:用上|用过|好过|正常过)|你们(?:所谓|号称)的|到底还?要等?多久"
    r"|(?:别|不要|不能)再出(?:这种|这样的|类似的)?(?:问题|错|事|状况)"
    # the same trouble again, counted or dated: "上周也是这样", "这是第二个月了", "又碎了一瓶", "协调了三周了",
    # "两周了没有任何人回复"
    r"|上(?:次|回|周|个?星期|个?礼拜|个月|上周)(?:也|又)是(?:这样|这个|碎|坏|缺|少|晚|错|漏|没)"
    r"|这是第[二三四五六七八九十几\d]+(?:个)?(?:次|回|个月|月|周|批|单)了"
    r"|又(?:碎|坏|只到|只来|只送|少|漏|晚|迟|延期|缺|丢|卡|停|没到|没来|没送|拖)"
    r"|(?:协调|等|催|沟通|拖|反馈|处理|跟进)了(?:[一二三四五六七八九十两几\d]+|好几|半)(?:天|周|个星期|个礼拜|个月|星期)了?"
    r"|[一二三四五六七八九十两几\d]+(?:天|周|个星期|个礼拜|个月)了(?:还|都|也)?(?:没|沒)"
    # a rhetorical question, a skeptical hope, a threat to give the business elsewhere
    r"|(?:这样|这么做|这么搞)(?:合适|对|好)吗|明明[^。！？]{0,30}?(?:为什么|怎么|还)|希望(?:这|今)次(?:是|係)?真(?:的)?"
    r"|(?:给|去|找|订|用)(?:别家|别的家|其他家)|(?<!不)不(?:再)?合作了|不同意(?:上线|验收|付款|签|续)"
    # still broken, a metric fallen, a warning: "还是显示离线", "eCPM掉到18了", "再这样我们就…", "怎么回事"
    r"|还是(?:显示)?(?:离线|报错|失败|卡死?|坏的|不行|没好|没修好)|(?:掉|跌)(?:到|了)(?:[\d一二三四五六七八九十两]|一半)"
    r"|再这样(?:下去)?[^，。！？]{0,8}?(?:就|得|只能|要)|怎么回事",
    re.I))

_REPROACH = Branches("reproach", REPROACH)
CUES = _REPROACH.bits


def reproaches(text: str, cues: int) -> int:
    """How many reproaches `text` (one sentence) makes."""
    return len(_REPROACH.pattern_for(cues).findall(text)) if cues & CUES else 0


def without_reproaches(text: str, cues: int) -> str:
    """`text` with its reproaches blanked out, for VADER to score the rest."""
    return _REPROACH.pattern_for(cues).sub(" ", text) if cues & CUES else text
