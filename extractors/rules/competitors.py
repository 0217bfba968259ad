"""Competitor mentions from the tenant's catalog, with a stance from nearby cue phrases.

Where names occur (alias spellings, boundaries, names that are ordinary words) is
`catalog_aliases`; this module decides each mention's stance. The stance comes from the cue
closest to the mention in the same sentence; a negated "use" ("we don't use X") is only a
mention; an integration cue counts only for the product it is about (`integration_objects`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.models import Stance
from extractors.base import CompetitorCatalog
from extractors.rules.catalog_aliases import catalog_matches, simplified_view
from extractors.rules.competitor_scope import channel_in_own_clause, settle_scope
from extractors.rules.cues import register_pattern
from extractors.rules.folding import fold, gated
from extractors.rules.integration_objects import (
    cue_is_about,
    listed_together,
    names_every_party,
    points_back,
)
from extractors.rules.sentences import Sentence
from extractors.rules.vendor_tools import is_vendor_own

STANCE_CUES: list[tuple[Stance, re.Pattern[str]]] = [
    ("switching_from", gated(re.compile(
        r"\b(switch(?:ing|ed)? (?:away )?from|mov(?:e|ing|ed) (?:away )?(?:off|from)|migrat(?:e|ing|ed)"
        r" (?:off|from|away from|out of)|(?<!n't )(?<!not )(?<!never )replac(?:e|ing|ed)|leav(?:e|ing)|get(?:ting)? (?:rid of|off)|"
        r"used to use|(?:previously|formerly) (?:used|using|on|ran|running)|ditch(?:ing)?|drop(?:ping)?|cancel(?:l?ing)?|churn(?:ing)? from|"
        r"(?:(?<=we )|(?<=they )|(?<=have )|(?<=has )|(?<=had )|(?<='ve )|(?<=n't )|(?<=finally )|"
        r"(?<=already )|(?<=recently )|(?<=just ))left|"
        r"(?:import|export)(?:s|ed|ing)? (?:\w+ ){0,3}?(?:from|out of)|"
        r"mov(?:e|ing|ed) (?:\w+ ){1,2}?(?:off|out of)|migrat(?:e|ing|ed|ion) (?:\w+ ){1,3}?(?:off|from|out of)|"
        r"instead of|rather than|alternative to|replacement for|"
        r"phas(?:e|ing) out|sunset(?:ting)?)\b"
        r"|从.{0,12}?(?:迁移|切换|切过来|换|(?<!流)转|导出|导入|导过来|迁过来)|"
        # data brought over from it once ("由金蝶导数据过嚟", "从金蝶导数据过来"): a migration
        r"(?:由|从)[^，,。；;]{0,12}?(?:导|迁|搬)[^，,。；;]{0,4}?过(?:来|嚟)|(?<!不)(?<!不会)(?<!不是要)(?<!不打算)(?<!不需要)(?:换掉|替换|替代)|不再用|不想用|弃用|淘汰|迁出|停用|"
        r"(?:以前|之前|此前|原来|原先|过去|先前|早先)[^，,。；;！!？?\n]{0,8}?(?<![费作应信适效实通])(?:用|使用)(?![户量])(?:的是|过的?|着|了)?",
        re.I))),
    ("comparing", gated(re.compile(
        r"\b(compar(?:e|ed|ing)|vs\.?|versus|cheaper than|(?:\d+ ?%|half|a (?:lot|third|quarter)|much|way|"
        r"significantly|far) (?:less|lower|cheaper|more expensive)|(?:cheaper|pricier|more expensive|costlier) per (?:user|seat|head|agent|licen[cs]e)|better than|worse than|more expensive than|"
        r"than(?! (?:before|ever|usual|expected|planned|last (?:year|time|month|quarter)|it (?:was|used to be)|we (?:expected|planned|thought)))|similar to|unlike|like .{0,20} does|stack up|side[- ]by[- ]side|(?:has|have|offers?|"
        r"comes? with) (?:a |an )?(?:native |built-in |better |nicer )?\w+ integration|"
        r"(?:review|evaluat|consider|weigh|look)\w* (?:\w+ ){0,4}?alongside)\b"
        r"|相比|对比|比较|比(?!以前|之前|原来|过去|去年|上次|上个|往年|平时|预期).{0,10}?(?:便宜|贵|好|差|强|弱|快|慢|全|完善|全面|成熟|稳定|灵活|专业|简单|方便|复杂|多|少|高|低)|和.{0,10}?比|跟.{0,10}?比|不如|比不上", re.I))),
    ("evaluating", gated(re.compile(
        r"\b(evaluat(?:e|ing|ion)|look(?:ing)? at|consider(?:ing)?|trial(?:ing|l?ing)?|"
        r"pilot(?:ing)?|POC|proof of concept|demo(?:s|ed)?|talk(?:ing|ed)? to|in talks with|"
        r"shortlist(?:ed)?|test(?:ing)? out|check(?:ing)? out|quote from|proposal from|RFP|"
        r"mov(?:e|ing) to|switch(?:ing)? to|go(?:ing)? with|jump(?:ing)? (?:ship )?to|went with|"
        r"signed (?:up )?with|signing (?:up )?with|chose|chosen|picked|selected|decided (?:on|to go with)|"
        r"bought|purchased)\b"
        r"|评估|在看|试用|考虑|了解一下|接触|洽谈|POC|演示|报价|选型|调研|试了|换成|换用|改用|(?<!流)转到|转用|"
        r"迁移到|迁到|切换到|切到|换到|签了|选了|选的|定了|决定用|买了", re.I))),
    ("using", gated(re.compile(
        r"\b(we(?:'re| are)? (?:currently |still |already )?(?:us(?:e|ing)|on|running|run)|"
        r"(?:currently|still|already) (?:on|using|use|with)|our (?:current |existing )?"
        r"(?:crm|tool|system|platform|helpdesk|vendor|provider|stack)|we have|we've been using|"
        r"been on|built on|running on|licen[cs]es?|renewal|contract with|customer of|using|"
        r"stay(?:s|ing)? (?:on|with)|stick(?:s|ing)? with|remain(?:s|ing)? on|keep(?:s|ing)? using|"
        r"rel(?:y|ies|ying) on|li(?:ve|ves|ving) in|"
        r"stay(?:s|ing)?(?= put\b| as\b|\s*[;,.!])|remain(?:s|ing)?(?= (?:the|our|their|its|in use)\b)|(?:is ?n[o\'’]t|not) going anywhere)\b"
        r"|在用|用的是|用着|正在使用|目前使用|现在用|一直用|我们用|使用的是|已经用了|续费|续约|部署了|上了|"
        r"继续用|还是用|都用|也用|统一用|全员用|日常用|平时用|主要用|用紧", re.I))),  # 用緊: Cantonese "using"
]
# a catalog name as something to connect to, sync with, or keep using alongside us
INTEGRATION_CUE = fold(re.compile(
    r"\b(?:connect(?:s|ed|ing|or|ors)?(?: (?:to|with|into))?|integrat\w*|sync(?:s|ed|ing|"
    r"hroni[sz]\w*)?(?: (?:with|to|from|into))?|plug(?:s|ged)? ?in(?:to)?|"
    r"push(?:es|ed|ing)? (?:\w+ ){0,2}?(?:to|into)|post(?:s|ed|ing)? (?:\w+ ){1,3}?(?:to|into)|"
    r"hand(?:s|ed|ing)?[- ]?off (?:\w+ ){0,2}?to|hand(?:s|ed|ing)? (?:\w+ ){1,4}?(?:over|off) to|"
    r"hand-?overs? to|pull(?:s|ed|ing)? (?:\w+ ){0,2}?from|"
    r"feed(?:s|ing)? (?:\w+ ){0,2}?into|write(?:s|ing)? (?:\w+ )?back (?:to|into)|"
    r"land(?:s|ed|ing)? in(?:to)?|show(?:s|ed|ing)? up in|flow(?:s|ed|ing)? (?:back )?in(?:to)?|"
    r"mirror(?:s|ed|ing)? (?:in|to|into)|export(?:s|ed|ing)? (?:\w+ ){0,2}?(?:to|into)|"
    r"complement(?:s|ed|ing)?(?= (?:it|them)\b)|compatible with|ingest\w*|"
    r"read(?:s|ing)? (?:\w+ ){1,2}?from|pull(?:s|ed|ing)? (?:\w+ ){1,2}?out of|"
    r"(?:show|appear|land|log|sync|push|write)(?:s|ed|ing)?(?: up)?(?:(?! there\b) [\w-]+){0,2}(?= (?:in )?there\b)|"
    r"use (?:you|your (?:tool|product|platform|app|system|software))(?= for\b)|embed(?:s|ded|ding)? (?:\w+ )?in(?:to|side)?|"
    r"log(?:s|ged|ging)? (?:\w+ ){0,3}?(?:against|back (?:to|into))|"
    r"keep(?:s|ing)?(?: using)?(?= [\w.-]+(?: \w+)? (?:just |only |around )?for\b)|"
    r"hook(?:s|ed)? (?:up |in)?(?:to|into)|api|webhooks?|plugin|add-?on|"
    r"extension|app (?:for|in)|marketplace|(?<!we )(?<!they )(?<!i )works? with|talks? to|"
    r"play(?:s|ing)? (?:nicely |nice |well )?with|"
    r"alongside|on top of|together with|single sign-on|sso|"
    # a record made in the tool by automation: "alerts create work orders in ServiceNow automatically"
    r"(?:creat|open|rais|generat|fil|log|post)\w* (?:[\w-]+ ){1,6}?automatically|"
    r"automatically (?:creat|open|rais|generat|fil|logg?|post|push|sync)\w*|"
    # a record our side would open in it ("can the alert open a ticket in Freshdesk?"), and a
    # replacement denied: the tool stays beside us ("we won't replace Zendesk", "不替代金蝶")
    r"(?:open|create|raise|file)s? (?:a |an |the )?(?:ticket|case|task|work order|incident)s? in|"
    r"(?:won't|will not|wouldn't|doesn't|does not|isn't|is not|not) (?:going to )?(?:replac\w*|rip(?:ping)? out))\b"
    r"|对接|打通|集成|同步|推送|推到|接入|连接|连通|互通|插件|接口|单点登录|配合(?:着)?用|一起用|并行|整合|串接|介接|"
    r"推过来|推过去|传过来|传过去|联调|不(?:会|是要|打算|需要)?(?:替代|替换|取代|换掉)|回写|写回|回传|导入到|导到|流转到|带到|带入|带出来|带过来|带过去|兼容|嵌入|内嵌|读取|读过去|读过来|直接读|"
    r"导给|导出给|同步给|推给|回传给|连起来|接起来|两边(?:的)?(?:数据|系统)?(?:要|能|得|需要|可以)?(?:打)?通", re.I))
# integration nouns that say nothing about a name unless attached to it ("the Zendesk plugin",
# "plugin for Zendesk"): "Salesforce's API limits are killing us" is a complaint about Salesforce
_WEAK_CUE = re.compile(r"(?:api|webhooks?|extension|marketplace|add-?on|plugin|接口|插件)", re.I)
# a name used as a channel or a workplace tool (审批都在钉钉上走, "ping me in the Slack channel"):
# tool use for a name that can be a tool, never enough to take a pure competitor out of play
# ("比销售易全，尤其是拜访打卡…" compares CRMs; "3PLs we work with were running Salesforce")
CHANNEL_CUE = fold(re.compile(
    r"\b(?:bot|log(?:s|ged)? (?:in|into) with|notifications? (?:in|to|via)|"
    r"(?:channel|group|chat|message|messages|thread) (?:in|on)|"
    r"in (?:our|the) \w+ (?:channel|group|workspace)|(?:send|sent|share|shared|invite|ping|message|"
    r"call|reach|contact|text|dm)\w*(?= (?:\w+ ){0,3}?(?:via|over|through|on)\b))\b"
    r"|(?<=for )(?:chat|messaging|internal comms|internal communication|collaboration|docs)\b"
    r"|里走|上走|群里|群聊|办公|协同|协作|服务群|项目群|工作群|对接群|售后群|机器人|小程序|"
    r"内部沟通|沟通|员工通讯|内部通讯|通讯录|发通知|消息提醒|通知|审批|打卡|考勤|请假|排班|报销|扫码登录|登录|开会|会议链接|日程|"
    r"发(?:你|您)|发到|里发|上发|上提|上报", re.I))
_COMPETITIVE = {"switching_from", "comparing", "evaluating"}
# the part of a workplace tool named right after it ("拉个钉钉群", "飞书文档", "my Lark calendar"), an
# app built on it ("飞书应用的演示账号", "the DingTalk app"), or the notes it wrote ("飞书妙记", "钉钉
# 会议纪要", "the Lark transcript"): a tool, or our product inside it
_TOOL_PART = re.compile(r"(?:的)?(?:侧边栏|群|单聊|私聊|外部群|闪记|考勤|服务号|工单|文档|日历|日程|会议|消息|通知|视频|直播|审批|打卡|账号|帐号|机器人|"
                        r"小程序|云盘|邮箱|表格|链接|工作台|应用|插件|集成版|妙记|纪要|录音|转写|速记|字幕)|[ -]?(?:"
                        r"groups?|chats?|docs?|messages?|calendar|meetings?|accounts?|bots?|channels?|workspace|"
                        r"calls?|apps?|plugins?|plug-ins?|add-ons?|mini-programs?|transcripts?|recordings?|"
                        r"minutes|sidebar)\b", re.I)
# our own component built for the name ("your Salesforce managed package", "你们的钉钉插件"): the
# name is what it plugs into; "our …" only in the vendor's words
_OWN_COMPONENT_BEFORE = re.compile(r"(?:\byour|你们的?|贵司的?|(?P<our>\bour|我们的?))\s*$", re.I)
_COMPONENT = re.compile(r"\s*(?:(?:managed|native|new|mobile) )?(?:app|package|connector|plug-?in|"
                        r"add-on|integration|extension|bot|widget)s?\b|(?:的)?(?:插件|应用|集成|连接器|"
                        r"机器人|小程序)", re.I)
# a mail or ticket footer naming the tool it came through ("Sent from Outlook", "Powered by
# Zendesk", "发自我的企业微信"): a channel, whatever the name's kind
_FOOTER = gated(re.compile(r"^[-—–_*\s]*(?:(?:this (?:e-?mail|message) was )?sent (?:from|via|with|using|"
                           r"through)|powered by|get \S+ for (?:ios|android))\b[^.!?]{0,40}[.!]?$"
                           r"|^[-—–_*\s]*(?:发自|来自|通过)(?:我的)?[^，。！？,]{1,12}(?:发送)?$", re.I))
# the tool a chat widget or a line runs on, anywhere in the line: "Support chat (powered by
# Intercom)", "[Chat widget - … - powered by Intercom]"
_POWERED_BEFORE = re.compile(r"\bpowered by\s+$|基于\s*$|(?P<by>由)\s*$", re.I)
# "由" alone is "from" or "by" too ("由金蝶导数据过来", "由店员维护"): the platform only when it provides
_POWERED_AFTER = re.compile(r"\s*(?:提供|驱动|支持|承载|托管|搭建|开发)")
# the tool a both-kind name serves as a channel for, said before it: "操作说明已通过钉钉发给李倩",
# "出差审批全部走飞书"
_CHANNEL_BEFORE = re.compile(r"(?:通过|经由|借助|(?<![行不])走)\s*$|\bvia\s+$", re.I)
# a contact line naming a handle on the tool ("企业微信：wanglei_88", "WeCom ID: tom.r"): a channel
_HANDLE_AFTER = re.compile(r"\s*(?:id|号|账号|帐号)?\s*[:：]\s*[\w.@+\-]{2,40}\s*(?:$|(?=[\s,，;；|/]))", re.I)
# keeping a name while another one is replaced: "we'd keep Zendesk but replace Salesforce"
_KEPT_BEFORE = fold(re.compile(r"\b(?:keep(?:s|ing)?|stick(?:s|ing)? with|stay(?:s|ing)? (?:on|with))"
                               r"(?: using)? $|(?:保留|继续用|留着|还用)$", re.I))
# ... or said after it: "we're moving from Zoho, but Zendesk stays", "…，但企业微信还留着"
_KEPT_AFTER = re.compile(r"\s*(?:stays|remains|is staying|will stay|isn't going anywhere|留着|保留|不换|不动)",
                         re.I)
# a partner badge: the name is an ecosystem we belong to ("a certified HubSpot partner")
_PARTNER = re.compile(r"[ -](?:(?:certified|gold|silver|platinum|premier|solutions?|consulting|"
                      r"technology|app|integration) )?partners?\b|[ -]appexchange\b|的?(?:合作伙伴|生态伙伴)",
                      re.I)
# what a name that can be `both` is used for when it is used as a CRM, not as a tool
# cue bits: a stance pattern runs only on sentences holding one of its words
_STANCE_GATES = [(stance, pattern, register_pattern(f"stance_{stance}", pattern))
                 for stance, pattern in STANCE_CUES]
_INTEGRATION_GATE = register_pattern("stance_integration", INTEGRATION_CUE)
_CHANNEL_GATE = register_pattern("stance_channel", CHANNEL_CUE)
_CRM_USE = fold(re.compile(r"\b(?:crm|customer management|pipeline|deals?|leads?|opportunit\w+|"
                      r"sales management)\b|客户管理|管客户|管理客户|销售管理|线索|商机|客户关系|跟单|会员(?:系统|管理|运营)|私域|客户运营|"
                      r"打标签|(?:会员|客户|学员|营员|顾客|线索)(?:的)?(?:信息|资料|档案|数据)?[^，,。；;]{0,8}?(?:维护|管理|打标签)", re.I))
_NEGATED_USE = fold(re.compile(r"\b(don't|do not|doesn't|never|no longer|not) (?:use|using|on)\b"
                          r"|不用|没用|没有用|没在用|并没有", re.I))
def _powered_by(text: str, here: tuple[int, int]) -> bool:
    """"Powered by Intercom", "基于钉钉", "由腾讯云提供": the platform a widget or a service runs on."""
    before = _POWERED_BEFORE.search(text, max(0, here[0] - 12), here[0])
    return before is not None and (before.group("by") is None or _POWERED_AFTER.match(text, here[1]) is not None)


_STANCE_PRIORITY = {"switching_from": 0, "comparing": 1, "evaluating": 2, "integration": 3,
                    "using": 4, "mentioned": 5}
STANCE_WINDOW = 60  # characters between cue and mention that still count as "near"
# an integration cue right at the name ("跟企业微信打通的问题", "the Salesforce integration
# question") with the only evaluation cue in another clause ("…，下次会议我可以现场演示"): the
# demo is of the connection, the name is the tool it connects to
NAMED_AT = 2
_CLAUSE_BREAK = re.compile(r"[，,;；:：。—]")


@dataclass(slots=True)  # one per match: builds ~4x faster than a frozen dataclass
class CompetitorHit:
    name: str
    alias: str
    start: int
    end: int
    stance: Stance
    sentence: Sentence


Cue = tuple[int, int, str]  # start, end (sentence offsets) and what it cues


def sentence_cues(sentence: Sentence) -> list[Cue]:
    """Every stance cue in the sentence (a negated "use" is none), integration cues included."""
    text = sentence.text
    found: list[Cue] = []
    cues = sentence.cues
    for stance, pattern, bit in _STANCE_GATES:
        if not cues & bit:
            continue
        for cue in pattern.finditer(text):
            if stance == "using" and _NEGATED_USE.search(text[max(0, cue.start() - 12):cue.end()]):
                continue
            found.append((cue.start(), cue.end(), stance))
    if cues & _INTEGRATION_GATE:
        found += [(cue.start(), cue.end(), "integration") for cue in INTEGRATION_CUE.finditer(text)]
    if cues & _CHANNEL_GATE:
        found += [(cue.start(), cue.end(), "channel") for cue in CHANNEL_CUE.finditer(text)]
    return found


def stance_for(sentence: Sentence, start: int, end: int, kind: str = "competitor",
               cues: list[Cue] | None = None, others: list[tuple[int, int]] | None = None) -> Stance:
    """The stance of the mention at [start:end] in its sentence, given the catalog `kind`.

    A competitive cue (switching, comparing, evaluating) nearest to the mention wins; otherwise
    an integration cue within reach makes it an integration (a tool kept alongside us), and
    then "using"; a `tool` is never more than an integration, and for a name that can be `both`
    a channel cue or plain use (审批都在企业微信里走) is tool use too, and so is a part of the tool
    named right after it ("拉个钉钉群", "the DingTalk group"), whatever else the sentence says. A
    footer line ("Powered by Zendesk", "发自我的企业微信") or a handle on it ("企业微信：wl_88")
    is a channel, a partner badge ("a certified HubSpot partner") an ecosystem. An integration cue that
    names another party ("we're on Salesforce and want your Slack integration") is not about
    this name (`integration_objects.cue_is_about`); `others` are the sentence's other catalog
    mentions (sentence offsets). When an integration cue names this very name ("replacing
    Pipedrive and need sync with HubSpot"), a competitive cue nearer another name is about that
    one.
    """
    base = sentence.start
    here = (start - base, end - base)
    cues = sentence_cues(sentence) if cues is None else cues
    if _FOOTER.match(sentence.text) or _PARTNER.match(sentence.text, here[1]) or _HANDLE_AFTER.match(
            sentence.text, here[1]) or _powered_by(sentence.text, here) or (
            kind != "competitor" and _TOOL_PART.match(sentence.text, here[1])
            and not _evaluated_here(here, cues) and not _crm_near(sentence.text, here)):
        return "integration"
    if _COMPONENT.match(sentence.text, here[1]):
        owner = _OWN_COMPONENT_BEFORE.search(sentence.text, max(0, here[0] - 8), here[0])
        if owner is not None and (owner.group("our") is None or sentence.role == "rep"):
            return "integration"
    others = others or []
    best: tuple[int, int, Stance] | None = None
    competitive: list[tuple[int, int, int, str]] = []
    integration = named = False
    channel = kind != "competitor" and _CHANNEL_BEFORE.search(
        sentence.text, max(0, here[0] - 6), here[0]) is not None
    named_at = STANCE_WINDOW + 1  # the distance of the nearest integration cue about this name
    weighed = any(s in _COMPETITIVE for *_, s in cues)
    for cue_start, cue_end, stance in cues:
        if (stance == "integration" and weighed
                and _BESIDE_US.match(sentence.text, cue_start, cue_end + 12)):
            continue  # "Zendesk on the shortlist alongside you": weighed beside us, not kept
        distance = max(base + cue_start - end, start - base - cue_end, 0)
        if distance > STANCE_WINDOW and not (
                stance == "integration"
                and points_back(sentence.text, (cue_start, cue_end), here, others)):
            continue
        if stance == "integration":
            about = cue_is_about(sentence.text, (cue_start, cue_end), here, others)
            if about is not True and _WEAK_CUE.fullmatch(sentence.text, cue_start, cue_end):
                continue
            if about is None and not names_every_party(sentence.text, cue_end) and any(
                    max(cue_start - o[1], o[0] - cue_end, 0) < distance
                    and not listed_together(sentence.text, here, o, others) for o in others):
                continue  # a cue naming no party is about the name (or list) nearest to it
            if about is not False:
                integration = True
                named = named or about is True
                if about is True:
                    named_at = min(named_at, distance)
            continue
        if stance == "channel":
            channel = True
            continue
        if stance == "switching_from":
            reach = _switch_reaches(sentence.text, cue_start, cue_end, here)
            if reach is None:
                integration = True  # a recurring export: a data feed from a tool kept
                continue
            if not reach:
                continue
        if stance in _COMPETITIVE:
            competitive.append((distance, cue_start, cue_end, stance))
        key = (distance, _STANCE_PRIORITY[stance], stance)
        if best is None or key[:2] < best[:2]:
            best = key  # type: ignore[assignment]
    if (competitive and others
            and (_KEPT_BEFORE.search(sentence.text, max(0, here[0] - 25), here[0])
                 or _KEPT_AFTER.match(sentence.text, here[1]))
            and all(s == "switching_from" and any(max(cs - o[1], o[0] - ce, 0) < d for o in others)
                    for d, cs, ce, s in competitive)):
        return "integration"  # kept while the others are replaced
    if named and best is not None and best[2] in _COMPETITIVE:
        reachable = [(d, _STANCE_PRIORITY[s], s) for d, cs, ce, s in competitive
                     if not any(max(cs - o[1], o[0] - ce, 0) < d for o in others)]
        best = min(reachable) if reachable else None  # type: ignore[assignment]
    if (named_at <= NAMED_AT and best is not None and best[2] == "evaluating"
            and all(s == "evaluating" and (_CLAUSE_BREAK.search(
                sentence.text, min(here[1], cs), max(here[0], ce)) or 0 <= here[0] - ce <= ADJACENT)
                for _, cs, ce, s in competitive)):
        # the integration asked about is answered with a demo; or what is weighed is the
        # connection itself ("调研用友接口", "test the HubSpot connector")
        return "integration"
    if (kind == "both" and (best is None or (best[2] in _COMPETITIVE and others))
            and _OFFICE_USE.search(sentence.text) and not _CRM_USE.search(sentence.text)):
        # the staff's chat or approvals moved between office suites (moved to us, the suite's
        # function is what we sell: "此前排班一直用钉钉，现在全部迁过来了")
        return "integration"
    if kind == "both" and best is not None and best[2] in _COMPETITIVE and channel_in_own_clause(
            sentence.text, here, cues):
        return "integration"  # "报价低于八五折的走审批，钉钉上提": the quote is weighed, not the suite
    if best is not None and best[2] in _COMPETITIVE and kind != "tool":
        return best[2]
    if integration or (channel and kind != "competitor" and not _crm_near(sentence.text, here)) or kind == "tool" or (kind == "both" and best is not None
                                          and best[2] == "using"
                                          and not _CRM_USE.search(sentence.text)):
        return "integration"
    return best[2] if best is not None else "mentioned"


_BESIDE_US = re.compile(r"alongside (?:you|your)\b", re.I)
CRM_REACH = 16  # characters either side of a name where its customer records are named
_CLAUSE_END = re.compile(r"[,;，；。!！?？]|\band\b|\bbut\b")


def _crm_near(text: str, here: tuple[int, int]) -> bool:
    """Whether the name's own clause, near it, keeps customer or member records in it
    ("会员现在都在企微里维护"), not another name's ("We use DingTalk for chat and Pipedrive for deals")."""
    before = text[max(0, here[0] - CRM_REACH) : here[0]]
    after = text[here[1] : here[1] + CRM_REACH]
    if (cut := list(_CLAUSE_END.finditer(before))):
        before = before[cut[-1].end():]
    if (stop := _CLAUSE_END.search(after)) is not None:
        after = after[: stop.start()]
    return _CRM_USE.search(before + text[here[0]:here[1]] + after) is not None
# switching cues that need the name as their object ("leave Salesforce", "drop our HubSpot seats"),
# not as the place something else is put or done ("leave a note in Salesforce", "drop the invoices
# into our Zendesk", "cancel the order in Pipedrive")
_OBJECT_VERB = re.compile(r"replac|leav|left|drop|ditch|cancel|get(?:ting)? rid|phas|sunset", re.I)
_PLACE_BETWEEN = re.compile(r"\b(?:in|into|on|onto|at|inside|to|through|via|from)\b", re.I)
# "instead of X", "rather than X": the name right after it is the one given up
_INSTEAD = re.compile(r"instead of|rather than|alternative to|replacement for", re.I)
INSTEAD_REACH = 30  # characters from "instead of" to the name it is about
# an export or import done again and again is a data feed from a tool kept in use ("we export
# the lead list from HubSpot every Monday", "每周从金蝶导出数据给你们")
_EXPORT = re.compile(r"(?:import|export)|(?:从|由).*?导", re.I)
_RECURRING = fold(re.compile(r"\b(?:every|each) (?:day|night|week|month|morning|evening|monday|tuesday|"
                             r"wednesday|thursday|friday|quarter)\b|\b(?:daily|nightly|weekly|monthly|"
                             r"hourly|regularly)\b|每天|每日|每晚|每周|每星期|每月|每个月|定期|定时", re.I))


# a switching cue that holds its own "from" names what comes right after it
_ENDS_IN_FROM = re.compile(r"(?:\b(?:from|off|out of)|从)$", re.I)
FROM_REACH = 24  # characters from "switched from" to the name it names ("from our old Zoho")
_HANDED_OVER = re.compile(r"(?:过来|进来|来)的")
_PAST_USE = re.compile(r"(?:以前|之前|此前|原来|原先|过去|先前|早先)|used to|previously|formerly", re.I)
_STILL_USED = re.compile(r"(?:现在|目前)?(?:还在用|还用着|仍在用|仍然在用|还是在用|一直在用)|\bstill (?:use|using|on|run)",
                         re.I)


def _switch_reaches(text: str, cue_start: int, cue_end: int, here: tuple[int, int]) -> bool | None:
    """Whether the switching cue at [cue_start:cue_end] is said of the name at `here`; None when
    it is a recurring export from it (a feed, the tool stays)."""
    cue = text[cue_start:cue_end]
    if _INSTEAD.match(cue):
        return (cue_end <= here[0] <= cue_end + INSTEAD_REACH
                and not _CLAUSE_BREAK.search(text, cue_end, here[0]))
    if _OBJECT_VERB.match(cue) and here[0] >= cue_end:
        return _PLACE_BETWEEN.search(text, cue_end, here[0]) is None
    if _EXPORT.match(cue) and _RECURRING.search(text):
        return None
    if _ENDS_IN_FROM.search(cue) and here[0] >= cue_end and (
            here[0] - cue_end > FROM_REACH or _CLAUSE_BREAK.search(text, cue_end, here[0])):
        return False  # "we switched from email to Slack, and tickets still go into Zendesk"
    if cue.endswith("转") and _HANDED_OVER.match(text, cue_end):
        return False  # "从企业微信转过来的客户": what came through it, not a move away
    # "以前用金蝶做账，现在还在用": used before and still
    return not (_PAST_USE.match(cue) and _STILL_USED.search(text, cue_end))


# what an office suite (a `both` name) does for the staff, not for customers: switching it for
# these ("把员工通讯从钉钉迁到企业微信", "moving internal chat from DingTalk to Lark") is no CRM in play
_OFFICE_USE = fold(re.compile(r"\b(?:internal (?:chat|comms|communications?|messaging)|staff (?:chat|"
                              r"communications?|messaging)|employee (?:chat|communications?)|team chat|"
                              r"approvals?|attendance|timesheets?|calendars?|video calls?)\b"
                              r"|员工通讯|内部通讯|内部沟通|员工沟通|办公|考勤|审批|打卡|请假|排班|报销|日程|视频会议|通讯录",
                              re.I))

ADJACENT = 2  # characters between a competitive cue and the name it is said of ("评估钉钉的直播课堂")


def _evaluated_here(here: tuple[int, int], cues: list[Cue]) -> bool:
    """A competitive cue (of the sentence's `cues`) right before the name: "我们会同时评估钉钉的
    直播课堂" weighs that product of the tool's maker, whatever part of it is named next."""
    return any(stance in _COMPETITIVE and 0 <= here[0] - cue_end <= ADJACENT
               for _, cue_end, stance in cues)


# a title line naming the chat, meeting or ticket tool the text was taken from ("钉钉单聊", "[企业微信]
# 客户群", "【钉钉闪记 · 智能纪要】", "Ludex Mediation · Support chat"): the channel, not a product in
# play; a subject line is not one ("Subject: Leaving HubSpot")
_CONTAINER = re.compile(r"群|单聊|私聊|会话|闪记|妙记|纪要|摘要|工单|服务号|客服号|公众号|会议|直播|"
                        r"\b(?:chat|widget|messenger|group|channel|dm|meeting|huddle|transcript|minutes|"
                        r"export|ticket|helpdesk|inbox|thread|summary|notes|recording)s?\b", re.I)
_SUBJECT_LINE = re.compile(r"\s*(?:subject|re|fwd?|主题|标题|回复|转发)\s*[:：]", re.I)
_NOT_A_NAME = re.compile(r"[\W_]*")
_SENTENCE_MARKS = re.compile(r"[，,；;？?！!。：:]|\.(?:\s|$)")  # a sentence or a speaker's turn
TITLE_CHARS = 60


def _is_title_line(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the mention at [start:end] is in the text's first line, or a bracketed line,
    that only names the tool, names it with a chat, meeting or ticket word, or (a name that can
    be a tool) opens it: "企业微信「洁美环境 × 天誉大厦 项目沟通」"."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    if (not line or len(line) > TITLE_CHARS or _SENTENCE_MARKS.search(line)
            or _SUBJECT_LINE.match(line)):
        return False
    if text[:line_start].strip() and not (line[0] in "[【" and line[-1] in "]】"):
        return False
    before = text[line_start:start]
    rest = before + text[end:line_end]
    return (_NOT_A_NAME.fullmatch(rest) is not None or _CONTAINER.search(line) is not None
            or (kind != "competitor" and _NOT_A_NAME.fullmatch(before) is not None))


# a form field naming the channel a ticket or a lead came in by: "渠道：企业微信", "Source: Intercom"
_CHANNEL_FIELD = re.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?(?:(?:进线|来源|提交|联系|沟通|咨询|接入|反馈)?渠道|来源|"
                            r"提交方式|联系方式|沟通方式|(?:submitted |received |came in )?via|channel|"
                            r"source|platform|平台)[ \t]*[:：][ \t]*$", re.I)


def find_competitors(sentences: list[Sentence], catalog: CompetitorCatalog,
                     text: str, low: str) -> list[CompetitorHit]:
    """Every catalog mention outside quoted mail, leftmost-longest, placed in its sentence.

    `low` is `text` lowercased with offsets kept (extractors.rules.cues.lowered).
    """
    if not sentences:
        return []
    starts = [s.start for s in sentences]
    accepted = catalog_matches(sentences, starts, catalog, text, low)
    # cues are read in simplified characters (評估 -> 评估), each sentence converted once
    views: dict[int, Sentence] = {}

    def read(sentence: Sentence) -> Sentence:
        view = views.get(sentence.start)
        if view is None:
            view = views[sentence.start] = simplified_view(sentence)
        return view

    hits: list[CompetitorHit] = []
    cues_at: dict[int, list[Cue]] = {}
    spans_at: dict[int, list[tuple[int, int]]] = {}
    for start, end, _, index in accepted:
        spans_at.setdefault(index, []).append((start, end))
    for start, end, alias, index in accepted:
        sentence = sentences[index]
        view = read(sentence)
        cues = cues_at.get(index)
        if cues is None:
            cues = cues_at[index] = sentence_cues(view)
        others = [(s - sentence.start, e - sentence.start) for s, e in spans_at[index]
                  if s != start]
        kind = catalog.kind(alias.name)
        stance = stance_for(view, start, end, kind, cues, others)
        if stance not in _COMPETITIVE and (
                _is_title_line(text, start, end, kind)
                or _CHANNEL_FIELD.search(text, max(0, start - 24), start)):
            stance = "integration"
        if stance != "comparing" and is_vendor_own(sentence, start - sentence.start, end - sentence.start):
            stance = "integration"  # "our Zendesk portal" said by the agent: the vendor's own tool
        hits.append(CompetitorHit(alias.name, text[start:end], start, end, stance, sentence))
    hits = _listed_under_integrations(_integrations_asked_next(hits, sentences, starts, read),
                                      sentences, starts, read)
    return settle_scope(hits, sentences, starts, catalog, text, read)


_BULLET = re.compile(r"\s*(?:[-*•·▪●]|\d{1,2}[.)、])\s*")
LIST_ITEM_CHARS = 40  # a line this short, not a heading, can be an item of the list above it


def _is_list_item(text: str) -> bool:
    return (_BULLET.match(text) is not None or len(text) <= LIST_ITEM_CHARS) and not text.rstrip(
    ).endswith((":", "："))


def _listed_under_integrations(hits: list[CompetitorHit], sentences: list[Sentence],
                               starts: list[int],
                               read: Callable[[Sentence], Sentence]) -> list[CompetitorHit]:
    """A name on a bullet or a short line under a heading that asks for integrations ("Integrations
    needed:" / "- Salesforce", "需要对接的系统：" / "1. 金蝶") is an integration target."""
    result = []
    for hit in hits:
        index = bisect_right(starts, hit.start) - 1
        if hit.stance == "mentioned" and _is_list_item(hit.sentence.text):
            at = index - 1
            while at >= 0 and index - at <= 12 and _is_list_item(sentences[at].text):
                at -= 1
            heading = read(sentences[at]) if at >= 0 else None
            if (heading is not None and heading.text.rstrip().endswith((":", "："))
                    and _asks_to_connect(heading)
                    and not any(stance in _COMPETITIVE for *_, stance in sentence_cues(heading))):
                hit = replace(hit, stance="integration")
        result.append(hit)
    return result


_FOLLOWED = ("using", "mentioned")  # stances a later "sync with it" can make a tool kept
FOLLOW_UP_SENTENCES = 3
# what a name only kept gets next: records sent back into it ("we push the sign-ups there nightly")
_SENT_THERE = fold(re.compile(r"\b(?:push|send|sync|write|post|feed|load|copy|forward)\w*(?: [\w-]+){0,3}"
                              r" (?:there|into it|to it|back)\b|(?:推|同步|写|传|导)(?:到|回|进)?(?:那边|那里|里面|进去|过去|回去)", re.I))  # how far a later "sync with it" reaches back to the name in use
_POINTS_BACK = fold(re.compile(r"\b(?:with|to|into|from|alongside) (?:it|them)\b|(?:跟|和|与|同)(?:它|它们)", re.I))


def _integrations_asked_next(hits: list[CompetitorHit], sentences: list[Sentence],
                             starts: list[int],
                             read: Callable[[Sentence], Sentence]) -> list[CompetitorHit]:
    """A name stated as in use or kept, then an integration asked for by the same side right after.

    "我们在线客服用的是美洽，…。希望能打通" and "We run Zendesk for support. Can you sync
    tickets both ways?" name the tool kept alongside us: the follow-up has an integration cue
    and no party of its own, so it can only be about the name just stated. A few sentences
    later (with the other side asking in between) it must point back: "whatever we pick has
    to sync with it". A sentence naming another product ends the search.
    """
    named: dict[int, set[str]] = {}
    for hit in hits:
        named.setdefault(bisect_right(starts, hit.start) - 1, set()).add(hit.name)
    result = []
    for hit in hits:
        index = bisect_right(starts, hit.start) - 1
        if hit.stance in _FOLLOWED:
            # a name stated as in use may be followed at a distance; one only named (records kept
            # in it: "Sponsor team keeps opt-ins in Salesforce; we push attendees there") only next
            reach = FOLLOW_UP_SENTENCES if hit.stance == "using" else 1
            for at in range(index + 1, min(index + 1 + reach, len(sentences))):
                if named.get(at, {hit.name}) != {hit.name}:
                    break
                follow = read(sentences[at])
                if (at in named or follow.quoted or follow.role != hit.sentence.role
                        or not follow.cues & _INTEGRATION_GATE):
                    continue
                if (_asks_to_connect(follow) and (at == index + 1 or _POINTS_BACK.search(follow.text))
                        and (hit.stance == "using" or _SENT_THERE.search(follow.text))
                        and not _weighs_replacing(hit, read)):
                    hit = replace(hit, stance="integration")
                break
        result.append(hit)
    return result


def _asks_to_connect(sentence: Sentence) -> bool:
    """An integration cue in `sentence` that names no other party ("Can you sync tickets both
    ways?", "希望能打通", "Does Kestrel integrate with it?"; not "Can you sync with Slack?"); a bare
    integration noun only in a question ("is there a plugin?", not "the webhooks keep failing")."""
    is_question = sentence.text.rstrip().endswith(("?", "？"))
    return any(cue_is_about(sentence.text, cue.span(), None, []) is None
               and (is_question or not _WEAK_CUE.fullmatch(sentence.text, *cue.span()))
               for cue in INTEGRATION_CUE.finditer(sentence.text))


def _weighs_replacing(hit: CompetitorHit, read: Callable[[Sentence], Sentence]) -> bool:
    """A competitive cue near the mention, even a negated one: "we use Outreach.io and aren't
    planning to replace it" keeps the name in play whatever integration is asked next."""
    base = hit.sentence.start
    return any(stance in _COMPETITIVE and max(base + start - hit.end, hit.start - base - end, 0)
               <= STANCE_WINDOW for start, end, stance in sentence_cues(read(hit.sentence)))

