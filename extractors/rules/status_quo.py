"""Pain with the status quo is why a prospect talks to us, not a feeling about us.

In a discovery call or a first email a prospect describes what hurts today: "We track everything
in spreadsheets and it takes hours", "我们现在用的系统太慢了，Excel也对不上". The guide labels such a
touchpoint by the customer's stance towards us, which is neutral there; the pain is a pain point,
not a complaint. A negative sentence counts towards the sentiment label only when it is not about
the customer's current setup: a named tool they use (a catalog competitor in the sentence), their
manual process or spreadsheets, or "our current/existing/old system", "我们现在用的", "现有系统" —
and never when it speaks to us ("you", "your team", 你们, 贵司), which makes it a complaint about us.

A current customer's check-in is not discovery: there "she fixes the boundaries by hand" or
"平台上这些线路基本是空白，要手工导出上传" is a workaround our product forces, a complaint about us.
`is_current_customer` reads the relationship off the touchpoint (a check-in, a review, a pilot,
time since go-live, 复盘/回访/上线以来); in such a touchpoint a manual-work sentence that speaks of the
product ("the platform", "the sync", 平台, 对接) stays a complaint unless it names an old tool or says
it is their old setup ("our old system", "以前用的").
"""

from __future__ import annotations

import re

from extractors.rules.cues import register_pattern
from extractors.rules.folding import fold

_STATUS_QUO = fold(re.compile(
    r"\b(?:spreadsheets?|excel|by hand|manually|manual (?:process|entry|work)|copy[- ]paste|"
    r"(?:our|the) (?:current|existing|old|legacy) (?:system|tool|crm|setup|process|platform|vendor|"
    r"provider|software)|(?:what|the tool|the system) we (?:use|have) (?:now|today)|"
    r"we(?:'re| are) (?:still )?(?:on|using) [A-Z])"
    r"|Excel|表格|手工|手动|人工(?:录入|统计|对账)|我们(?:现在|目前|之前|以前|原来)(?:用的|在用|使用)|现有(?:的)?系统|"
    r"老系统|原来的系统|旧系统|"
    # how they work today, by hand or by habit: "我们现在是截图存档", "得让助理一个个问", "各记各的，有的在本子上"
    r"我们?(?:现在|目前)(?:是|都是|还是|只能|全靠|靠|主要靠|基本靠)|一个个|一个一个|挨个|逐个|截图(?:存档|发群)|"
    r"本子上|备忘录|各记各的|(?:我们|我们的)(?:销售|业务员|员工|导购|司机|师傅|老师)(?:都是|大多|基本都|平时)|"
    # what hurts their business, never our product: staff leaving with the customers, leads fought over,
    # two teams that do not share what they know
    r"离职|带走|(?:客户|会员|用户)?流失|抢单|撞单|飞单|漏单|(?:信息|数据)(?:完全|根本)?(?:不通|不互通|打不通)|"
    r"重复说|说[两三几]遍", re.I))
# English discovery pain said without naming a tool: a system they are leaving, a process nobody
# owns, business they lose today ("the legacy export truncates notes", "nobody really knows which
# deals are stuck", "we lost two accounts because nobody called them", "no visibility into quotes")
_STATUS_QUO_EN = fold(re.compile(
    r"\b(?:legacy|(?:last|previous|former|old) (?:vendor|provider|system|tool|crm|connector|platform|"
    r"partner)|(?:nobody|no one) (?:really |actually )?(?:knows|tracks|owns|watches|checks|sees|"
    r"follows up)|no (?:real )?(?:visibility|insight|overview|single view)|(?:lost|lose|losing) "
    r"(?:\w+ ){0,2}(?:deals|accounts|customers|clients|leads|orders|renewals|bookings) because|"
    # their own messy records: "phone numbers in three different formats", "half the contacts have no email"
    r"(?:different|inconsistent|mixed|conflicting) (?:formats|spellings|versions)|(?:half|a (?:third|"
    r"quarter|fifth|tenth)|some|many|most|a lot|a bunch) of (?:the |our |them|those )?(?:[\w-]+ ){0,2}"
    r"(?:have|had|has) no|(?:duplicates?|dupes) (?:in|across) (?:our|the) (?:list|data|records|crm|sheets?))\b"
    # a one-word answer to "who owns that?": "Nobody, that's the problem."
    r"|^\W*(?:nobody|no one|none of us)\s*[,.!—–-]", re.I))
_STATUS_QUO_CUE = register_pattern("status_quo", _STATUS_QUO)
_STATUS_QUO_EN_CUE = register_pattern("status_quo_en", _STATUS_QUO_EN)
_TO_US = fold(re.compile(r"\b(?:you|your|you guys|y'all)\b|你们|贵司|您们|你们家|您这边", re.I))
# a decision against us is never the status quo, whatever it names: "不续了，我们已经在看励销云了"
_DECIDES = re.compile(r"不续|不再续|取消(?:合同|合作|订单|订阅)|不打算|不考虑|换掉|改用|(?:已经|正在|在)看(?:别家|其他)?")


# the touchpoint is with a current customer: a check-in or review, a renewal, time since go-live
_CURRENT_CUSTOMER = fold(re.compile(
    r"\b(?:check-in|checkin|qbr|quarterly review|quarterly business review|business review|account review|"
    r"monthly review|annual review|performance review|reporting review|usage review|service review|"
    r"progress review|data review|health check|went live|since go-?live|after go-?live|since launch|"
    r"since the (?:launch|rollout|roll-out|go-live)|since we (?:launched|rolled|switched|signed|bought|started using)|"
    r"first month|first quarter|pilot sites?|pilot properties|pilot stores|pilot teams|our subscription with you|"
    r"our licen[cs]es with you|been using (?:it|you|your|the (?:system|platform|app|tool))|roll out to|"
    r"rolling out to|roll it out to)\b"
    r"|复盘|回访|(?:月度|季度|年度|周)(?:沟通|回顾|例会|会议|汇报)|上线(?:以来|后|之后|以后)|试点", re.I))
# the sentence speaks of the product in use: "no sensor data in the platform", "平台上看不到"
_PRODUCT = fold(re.compile(
    r"\b(?:the|this|its|their) (?:[\w&-]+ ){0,4}?(?:system|platform|app|dashboards?|portal|sync|integration|connector|"
    r"feed|alerts?|module|feature|software|tool)\b|平台|系统|对接|看板|后台|插件|接口|功能|导入|导出", re.I))
# they say it is their old setup: "our old system", "what we had before", "以前用的"
_OLD_SETUP = fold(re.compile(
    r"\b(?:(?:our|the|their) (?:current|existing|old|legacy|previous|former) |what we (?:had|used) (?:before|"
    r"previously)|before (?:we|you)|used to)"
    r"|(?:现在|目前|之前|以前|原来)(?:用的|在用|使用)|现有|老系统|原来的|旧系统|以前", re.I))


_CURRENT_CUSTOMER_CUE = register_pattern("current_customer", _CURRENT_CUSTOMER)


def is_current_customer(text: str, cues: int = -1) -> bool:
    """Whether `text` (a sentence, a title) tells that the customer already uses our product:
    a check-in, a review, a pilot, time since go-live; `cues` skips the search when its words
    are absent."""
    return bool(cues & _CURRENT_CUSTOMER_CUE) and _CURRENT_CUSTOMER.search(text) is not None


def is_status_quo_pain(text: str, names_a_competitor: bool, cues: int = -1, *,
                       current_customer: bool = False) -> bool:
    """Whether a negative sentence is about the customer's current setup rather than about us;
    `cues` (the sentence's cue bits) skips the patterns whose words it lacks. With a
    `current_customer`, manual work around the product ("fixes them by hand in the platform") is
    a complaint about us unless the sentence names an old tool or setup."""
    if _TO_US.search(text) or _DECIDES.search(text):
        return False
    if current_customer and not names_a_competitor and _PRODUCT.search(text) \
            and not _OLD_SETUP.search(text):
        return False
    return names_a_competitor or bool(cues & _STATUS_QUO_CUE) and _STATUS_QUO.search(text) is not None \
        or bool(cues & _STATUS_QUO_EN_CUE) and _STATUS_QUO_EN.search(text) is not None


# praise of a rival in the customer's mouth is a threat, not praise of us ("Gong's new add-on is
# looking attractive"); praise that compares ("so much better than Salesforce") or tells of a
# switch ("we moved off HubSpot and love it") is still ours
_RIVAL_COMPARED = fold(re.compile(r"\b(?:than|instead|switch\w*|moved|left|leaving|replac\w*|migrat\w*|"
                                  r"compared|unlike|versus|vs)\b", re.I))


def is_rival_praise(text: str, names_a_competitor: bool) -> bool:
    """Whether a positive English sentence praises a named competitor rather than us."""
    return names_a_competitor and text.isascii() and not _TO_US.search(text) \
        and not _RIVAL_COMPARED.search(text)
