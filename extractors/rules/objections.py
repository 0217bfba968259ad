"""Objections: the customer's reasons not to buy, renew or go on (evals/GUIDE.md), from cues.

Two sorts of cue. A *stated* objection needs nothing more: our price risen or above a rival's or
the budget, a rival in play (its quote, a tender, volume moved to another supplier), a renewal let
go or a payment held back, and a threat to do one of these (a threat with a date is an objection,
not a next step). A *topic* cue (security, contract terms, timing, a missing feature) is one only
beside a word of concern, and never in a question or a request, which ask rather than object.

An English objection's text is its sentence (the eval matches English words as a set). A Chinese
one is the clause that holds the cue, with the condition clause before it ("如果…，就换供应商"): one
sentence often holds two ("不解决不考虑续签，已经在接触另外两家"), and the whole sentence reads as a
longer, different item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.models import ObjectionKind
from extractors.rules.cues import register_pattern
from extractors.rules.folding import fold, gated
from extractors.rules.pains import whole_clause
from extractors.rules.sentences import Sentence

_NUMBER_WORD = (r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                r"nineteen|twenty|thirty|forty|fifty|sixty)(?:[- ](?:one|two|three|four|five|six|"
                r"seven|eight|nine))?")
_PERCENT = rf"(?:\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b)|\b{_NUMBER_WORD} (?:percent|per cent)\b)"
_ZH_SHARE = r"(?:\d+(?:\.\d+)?\s?%|百分之[一二三四五六七八九十几]+|[一二三四五六七八九两几]成|一倍|一半)"
# what a price is said about: without one, "up 12%" may be sales or traffic
_PRICE_WORD = re.compile(r"\b(?:prices?|pricing|priced|rates?|quot\w+|costs?|fees?|renewal|invoices?|"
                         r"bills?|surcharges?|premiums?|licen[cs]es?|subscriptions?|pay|paid|paying|"
                         r"spend|budget\w*|sheet|list|uplift|charges?|per[- ](?:seat|user|agent|bed|"
                         r"unit|month|year))\b|[$€£¥]|价|费|钱|预算|成本|收费|报的|报了", re.I)
_VENDOR = (r"(?:provider|vendor|supplier|distributor|network|carrier|partner|agency|platform|tool|"
           r"system|company|firm|source|packer|integrator|reseller|host|broker|insurer|contractor|"
           r"service|solution|bank|operator|lab|warehouse|factory|manufacturer|plant)s?")

# a price risen: only beside a price word ("up 12%" may be sales or traffic)
PRICE_RISE = gated(re.compile(
    rf"\b(?:price|rate|fee|cost)s? (?:increase|hike|rise|uplift|jump)s?\b"
    rf"|\b(?:increase|uplift|hike|rise|jump)s? (?:of |by )?(?:about |almost |nearly |roughly |over )?{_PERCENT}"
    rf"|{_PERCENT} (?:up|uplift|hike|rise|higher|more|above|over)\b"
    rf"|\b(?:up|went up|gone up|go up|goes up|rose|risen|jumped|increased|higher|more) (?:by )?"
    rf"(?:about |almost |nearly |roughly |over )?{_PERCENT}"
    r"|\b(?:is|are|was|'s) (?:basically |about |almost |nearly |roughly |like )?(?:double|twice|triple)\b"
    r"|\b(?:is|are|'s) a lot (?:for|of money)\b"
    rf"|涨(?:了|价|幅)?(?:约|近|将近|超过|快|差不多)?{_ZH_SHARE}|上涨|涨幅|涨价|提价|又涨|上调"
    rf"|(?:高|贵)(?:了|出)?(?:约|近|将近|快|差不多|超过)?{_ZH_SHARE}", re.I))
# (kind, pattern): a stated objection, whatever else the sentence says
STATED: list[tuple[ObjectionKind, re.Pattern[str]]] = [
    ("price", gated(re.compile(
        # above the budget or a rival's price: "higher than what we budgeted", "came in lower"
        rf"\b{_PERCENT} increase\b(?! in\b)"
        r"|\b(?:more|higher|over|above) than (?:what )?(?:we|i)(?:'d| had| have)? budget(?:ed)?\b"
        r"|\b(?:above|exceed\w*) (?:our |the )?(?:budget|cap)\b"
        r"|\b(?:half|a third|a fraction) (?:of )?(?:the price|what (?:we|you)|your (?:price|number|quote|rate))"
        r"|\b(?:is|are|'s) (?:like |about |almost |nearly |roughly )?half (?:that|the price|of that|what)\b"
        rf"|{_PERCENT} (?:less|cheaper|lower|under|below)\b|\bfor (?:less|half|cheaper)\b"
        r"|\b(?:came|come|comes|coming) (?:back |in )?(?:at |with )?(?:about |roughly |almost |nearly |"
        r"a little |well )?(?:lower|less|cheaper|under|below|half)\b"
        r"|\bquot\w* (?:me|us) (?:under|below|less|lower|half)\b"
        rf"|\bneed (?:\w+ )?{_PERCENT} off\b"
        # not passed on or taken: "I can't get that through", "will not accept an increase"
        r"|\bcan'?t (?:get|take|sell|justify|push) (?:\w+ ){1,2}?(?:through|past|to (?:my|our|the) \w+)"
        r"|\b(?:won'?t|will not|can'?t|cannot|unable to|not able to|not prepared to|do(?:es)? not|don'?t) "
        r"(?:accept|approve|absorb|swallow|justify) (?:an?|the|that|this|any|these) (?:\w+ )?"
        r"(?:increase|uplift|hike|price|pricing|rates?|surcharge|number|quote|fees?)\b"
        r"|\b(?:increase|uplift|surcharge|price) (?:cannot|can'?t|won'?t) be (?:absorbed|accepted|approved|justified)\b"
        r"|\b(?:hard|tough|difficult) to (?:swallow|justify)\b"
        r"|\b(?:budget|spend|spending|funding)\w*[^.?!]{0,30}?\b(?:froze|frozen|slashed|reallocated|cut)\b"
        r"|\b(?:froze|frozen|freezing|slashed|cut) (?:all |our |the )?(?:new )?(?:\w+ )?(?:budget|spend|spending|funding)\b"
        # 比你们低、预算用完、老板嫌贵
        r"|比(?:你们|贵司|您们|你家|咱们)[^，,。；;！!？?]{0,6}?(?:低|便宜|少)"
        r"|不划算|划不来|负担不起|承受不了|嫌贵"
        r"|(?:价格|报价|费用|单价|收费|涨幅|价钱|这个价)[^。；;！!？?]{0,10}?(?:不能接受|无法接受|没法接受|"
        r"接受不了|难以接受|压不下来|降不下来|说不过去)"
        r"|(?:没法|很难|不好|无法|不能)(?:往上报|跟(?:老板|领导|上面|财务)(?:那边)?交代)"
        r"|预算[^，,。；;！!？?]{0,6}?(?:用完|花完|不够|超了|砍|冻结|没了|紧张)|超(?:出)?预算|没(?:有)?预算",
        re.I))),
    ("other", gated(re.compile(
        # a rival in play: work moved to another supplier, a tender, a rival's quote; a blocker
        rf"\b(?:mov|switch|shift|send|giv|transfer|split|talk|speak|go|went|award|qualif|evaluat|"
        rf"consider|look|bring|hand|tak)\w*\b(?:\W+\w+){{0,8}}?\W+(?:another|a different|a second|"
        rf"an alternative|a competing|other|two other|three other) (?:\w+ )?{_VENDOR}\b"
        r"|\b(?:go|going|went|put|putting|take|taking) (?:it |this |the \w+ )?(?:out )?to (?:bid|tender)\b"
        r"|\b(?:run|running|issue[sd]?|issuing|put out|send out|sent out|launch\w*) (?:a|an|the) "
        r"(?:new )?(?:tender|rfp|rfq|competitive bid)\b"
        r"|\breopen\w* (?:the )?(?:vendor|supplier) (?:selection|search|review)\b"
        r"|\b(?:another|other|a rival|a competing|two other|three other) (?:\w+ )?(?:quotes?|bids?|offers?|"
        r"proposals?)\b|\b(?:another|other) \w+ quoting\b"
        r"|\b(?:get|getting|got|have|having|take|taking) (?:a |the |another )?(?:\w+ )?(?:quote|bid|offer|"
        r"proposal)s? from (?!you\b|your\b|us\b)"
        r"|\binstead of (?:yours|you|us|your \w+)\b|\bcompar\w* (?:you|your \w+|us) (?:against|with|to)\b"
        r"|\b(?:move|moving|shift|shifting|split|splitting) \d+\s?% of\b"
        r"|\bnon-?starter\b|\bdeal ?breaker\b|\bshow ?stopper\b"
        # 换供应商、分单给别的厂、接触另外两家、改用、切一半量给；老板那关不好过
        r"|(?:换|分|切|迁|转|给|找|接触|约了?|看|谈|评估|比|试|办了?|卖)[^，,。；;！!？?]{0,12}?"
        r"(?:别家|别的(?:厂|仓|品牌|供应商|平台|公司|服务商|家|运营商)|另外(?:[一两三几]|\d)家|"
        r"其他(?:供应商|厂家|服务商|几家|家|品牌|运营商)|第二供应商|另一家)"
        r"|换(?:一?家|供应商|服务商|厂家)|只能换|迁走|撤走|改用|换用|转用|切换至|切换到"
        r"|(?:切|分|转|挪)(?:出)?(?:一半|一部分|部分|\d+\s?%|[一二三四五六七八九]成)(?:的)?"
        r"(?:量|单|订单|业务|预算)?给"
        r"|(?:在|正在|同时在|也在|已经在)(?:跟[^，,。；;]{1,12}?)?(?:评估|接触|比价|对比)|(?:同时|也|已经)在(?:看|谈)"
        r"|重新(?:评估|选择)供应商|重新招标"
        r"|(?:老板|领导|财务|审计|上面)(?:那关|那边)[^，,。；;]{0,4}?(?:不好过|过不了|通不过)",
        re.I))),
    ("contract", gated(re.compile(
        # a renewal let go, a payment or acceptance held back
        r"\blet (?:it|them|the (?:renewal|contract|subscription|licen[cs]e|agreement)) (?:lapse|expire|run out)\b"
        r"|\b(?:won'?t|will not|not going to|aren'?t going to|are not going to|do not plan to|"
        r"don'?t plan to|decided not to|not) (?:be )?renew(?:ing)?\b"
        r"|\b(?:cancel|terminat)\w* (?:the |our |my )?(?:subscription|contract|renewal|agreement|account|plan)\b"
        r"|\bnot (?:moving|going) forward\b|\blocked in (?:till|until|through|for)\b"
        r"|\b(?:won'?t|will not|not going to|(?:'re|are) not) (?:be )?(?:adding|add|expanding|expand|signing|sign|"
        r"proceeding|proceed|ordering|order)\b"
        r"|\b(?:does not|do not|won'?t|will not|can'?t|cannot|not) accept (?:the|this|that|these|an?|any|our|your) "
        r"(?:\w+ )?(?:increase|uplift|surcharge|price|pricing|terms|rates?|fees?|change|proposal|quote|offer|"
        r"renewal|contract|clause)s?\b"
        r"|不再续(?:约|费|签|订|用)|不(?:考虑|打算|准备|会)续(?:约|费|签|订)?|暂不续|不续了|不续约|不续费|不续签"
        r"|(?:暂缓|暂停|暂不|停止|不予)(?:支付|付款|结算|采购|下单|续|签|验收|通过)"
        r"|尾款[^，,。；;]{0,4}?(?:暂|不|缓)|签不了字|不同意上线|不(?:能|会|予)?接受"
        r"|(?:续约|续费|续签|采购|合作)[^，,。；;]{0,8}?视[^，,。；;]{0,12}?(?:决定|而定)"
        r"|(?:续约|续费|续签)[^，,。；;]{0,6}?(?:在评估|待定|再定)",
        re.I))),
    ("timing", gated(re.compile(
        # held off, or a threat: "put the rollout on hold", "hold off on rebooking", "不解决…无法"
        r"\bput (?:\w+ ){0,5}?on hold\b|\bhold(?:ing)? off\b|\bunder review\b"
        r"|\b(?:if|unless)\b[^.?!;]{0,120}?\b(?:we|i)(?:'ll|'d| will| would| are going to|'re going to)"
        r" (?:have to |need to |probably |likely |seriously )?(?:be )?(?:move|moving|switch|switching|"
        r"go|going|take|taking|recommend|cancel|terminate|pull|walk|look elsewhere|dispute|exit|leave|"
        r"drop)\b"
        r"|再定|再议|再决定|定不下来"
        r"|(?:否则|不然)[^。；;]{0,10}?(?:不会?同意|不批|不签|过不了|不通过)"
        r"|(?:不解决|解决不了|不根治|没(?:有)?(?:解决|根治|结果))[^。；;]{0,12}?(?:无法|不能|不会|不考虑|不同意|换|迁)"
        r"|(?:再这样|再拖|还是这个水平|仍无法达标|还达不到|不达标)[^。；;]{0,16}?(?:换|迁|切|分|撤|转|别家|合同)"
        r"|依(?:据|照)?合同[^。；;]{0,10}?处理",
        re.I))),
]
# (kind, pattern): a topic that is an objection only beside a word of concern
TOPICS: list[tuple[ObjectionKind, re.Pattern[str]]] = [
    ("price", gated(re.compile(
        r"\b(too (?:expensive|pricey|high|much)|expensive|over (?:our |the )?budget|out of (?:our )?"
        r"budget|can'?t afford|cheaper|price is (?:high|steep)|pricing is (?:high|steep)|cost(?:s)? "
        r"(?:too|is too|are too))\b|太贵|贵了|偏贵|价格(?:太|偏|有点|比较)?高|超出预算|预算不够|"
        r"预算有限|便宜|成本太高", re.I))),
    ("security", gated(re.compile(
        r"\b(security|secure|compliance|compliant|gdpr|hipaa|soc ?2|iso ?27001|data (?:privacy|"
        r"residency|protection)|sso|encryption|penetration test|infosec|audit)\b"
        r"|安全|合规|隐私|等保|数据出境|加密|审计|私有化部署|本地部署", re.I))),
    ("contract", gated(re.compile(
        r"\b(contract|terms|lock[- ]?in|auto[- ]?renew\w*|cancellation|termination|liability|"
        r"legal (?:review|team)|msa|sla|notice period|multi[- ]year|commitment)\b"
        r"|合同|条款|违约|续约|年限|法务|绑定|解约", re.I))),
    ("timing", gated(re.compile(
        r"\b(not (?:the )?right time|next (?:quarter|year)|later this year|not now|too busy|"
        r"bandwidth|no capacity|on hold|pause|postpone|revisit|circle back in|after (?:the )?"
        r"(?:holidays|migration|freeze|audit)|timing)\b"
        r"|时机|明年|下个季度|以后再说|再说吧|暂时不|先不|没时间|太忙|推迟|延后|暂缓|搁置", re.I))),
    ("feature", gated(re.compile(
        r"\b(doesn'?t (?:support|have|offer|integrate)|does not (?:support|have)|missing|lacks?|"
        r"no (?:support for|integration|api|mobile app|way to)|not supported|need(?:s)? (?:a |an )?"
        r"(?:integration|feature|api)|only works with|can'?t (?:integrate|connect|customi[sz]e))\b"
        r"|不支持|没有.{0,8}功能|缺少|缺乏|没法对接|不能对接|无法对接|不能集成|无法集成|还不够", re.I))),
]
_CONCERN = fold(re.compile(r"\b(concern\w*|worr\w*|issue|problem|hesita\w*|not sure|unsure|but|however|"
                           r"blocker|need|require\w*|too|can'?t|won'?t|not)\b|担心|顾虑|但是|不过|问题|"
                           r"需要|要求|太|不|没", re.I))
# a security or feature topic needs more than a "not": "读卡失败" and "没有候补功能" are a user's
# problem, "without SSO it's a non-starter" and "担心数据安全" are reasons not to buy
_STRONG_CONCERN = fold(re.compile(
    r"\b(concern\w*|worr\w*|hesita\w*|blocker|deal ?breaker|non-?starter|require\w*|must|"
    r"sign off|won'?t (?:buy|sign|approve|pass)|can'?t (?:buy|sign|approve|proceed|move forward))\b"
    r"|担心|顾虑|不放心|风险|要求|必须|须|前提|除非|否则|不然|过不了|不同意|不会同意|不批", re.I))
# a question or a request asks; it does not object ("支持私有化部署吗？", "请尽快出合同")
_ASKS = re.compile(r"[?？]\s*$|[吗呢]\s*[。.]?\s*$|^\W*(?:请|麻烦|烦请|please\b|can you\b|could you\b|"
                   r"would you\b)|请(?:尽快|在|于|提供|发|把|给)", re.I)
_STATED_CUES = {kind: register_pattern(f"objection_stated_{kind}", p) for kind, p in STATED}
_RISE_CUE = register_pattern("objection_price_rise", PRICE_RISE)
_TOPIC_CUES = {kind: register_pattern(f"objection_{kind}", p) for kind, p in TOPICS}
# a rival denied is no rival in play: "we are not reopening the vendor selection", "不再重新招标"
_DENIED = re.compile(r"(?:\b(?:not|never|no longer)|n't|不再|不会|没有?|无需|不用)\s*$", re.I)
_ZH_CLAUSE = re.compile(r"[，,；;：:]+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# a condition before the objection's clause belongs to it: "如果4月底前还没解决，就换供应商"
_ZH_CONDITION = re.compile(r"如果|要是|若|假如|万一|届时|再这样|还是这个水平|不解决|没(?:有)?"
                           r"(?:解决|根治|结果)|达不到|不达标|之前|以前|前$|的话$")
# ... and so does the demand an "otherwise" clause hangs on: "订单要能推过去，不然财务不会同意"
_ZH_OTHERWISE = re.compile(r"^(?:否则|不然|要不然)")
_ZH_CONTRAST = re.compile(r"但是|不过|可是|但")
MIN_ZH_TEXT = 6  # characters: a shorter clause ("有点贵了", "先不了") says too little alone
# who said it, in minutes: "杜主任表示", "3. 邹永明：", "- 蒋总："
_ZH_LEAD = re.compile(r"^(?:\s|[-–—·•*#]|\d+[.、)）])*(?:[\u4e00-\u9fff]{1,6}(?:明确|当场|开场即?|补充|也)?"
                      r"(?:表示|提到|提出|指出|认为|强调|反映)[：:]?)?(?:另外|而且|还有|但是|不过|可是|说实话|"
                      r"坦白说|我直说吧|直说|主要是|同时)?[\s,，、]*")


_TITLE_LINE = re.compile(r"[ \t]*(?:subject|re|fwd?|title|主题|标题|主旨)[ \t]*[:：]", re.I)


def is_title_line(text: str, start: int) -> bool:
    """Whether the sentence at `start` sits on a "Subject:" / "主题：" line: a title restates the
    body, where the objection is told."""
    return _TITLE_LINE.match(text, text.rfind("\n", 0, start) + 1) is not None


@dataclass(frozen=True)
class ObjectionCue:
    kind: ObjectionKind
    start: int  # of the cue in the sentence
    end: int


def objection_cues(text: str, cues: int, rivals: Sequence[tuple[int, int]] = ()) -> list[ObjectionCue]:
    """The objection cues of one customer sentence, stated ones first; [] when it only asks.

    `rivals` are the sentence offsets of catalog products named as evaluated or compared."""
    found = [ObjectionCue("other", start, end) for start, end in rivals]
    for kind, pattern in STATED:
        if cues & _STATED_CUES[kind]:
            found += [ObjectionCue(kind, m.start(), m.end()) for m in pattern.finditer(text)
                      if kind != "other" or not _DENIED.search(text[max(0, m.start() - 12):m.start()])]
    if cues & _RISE_CUE and _PRICE_WORD.search(text):
        found += [ObjectionCue("price", m.start(), m.end()) for m in PRICE_RISE.finditer(text)]
    if found or _ASKS.search(text):
        return found
    for kind, pattern in TOPICS:
        if cues & _TOPIC_CUES[kind] and (m := pattern.search(text)) is not None:
            concern = _STRONG_CONCERN if kind in ("security", "feature") else _CONCERN
            if kind == "price" or concern.search(text):
                return [ObjectionCue(kind, m.start(), m.end())]
    return []


def _zh_clauses(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for cut in _ZH_CLAUSE.finditer(text):
        spans.append((at, cut.start()))
        at = cut.end()
    spans.append((at, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _han_count(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff\w]", text))


def zh_objection_texts(text: str, cues: list[ObjectionCue]) -> list[tuple[ObjectionKind, str]]:
    """One (kind, text) per run of clauses holding a cue: the cue's clauses with a condition
    clause just before them, without who said it ("杜主任表示"); a clause too short to stand
    alone takes what the sentence says before it, from its last "但是" on."""
    text = text.rstrip(" 。.!！…~～")
    clauses = _zh_clauses(text)
    runs: list[tuple[ObjectionKind, int, int]] = []  # kind, first and last clause
    for cue in sorted(cues, key=lambda c: c.start):
        first = next((i for i, (s, e) in enumerate(clauses) if s <= cue.start < e), None)
        if first is None:
            continue
        last = next((i for i, (s, e) in enumerate(clauses) if s < cue.end <= e), first)
        while first > 0 and (not runs or runs[-1][2] < first - 1) and (
                _ZH_CONDITION.search(text[slice(*clauses[first - 1])]) or
                _ZH_OTHERWISE.match(text[slice(*clauses[first])])):
            first -= 1
        if runs and first <= runs[-1][2]:  # within the run before: one objection
            kind, at, to = runs[-1]
            runs[-1] = (kind, min(at, first), max(to, last))
        else:
            runs.append((cue.kind, first, last))
    found: list[tuple[ObjectionKind, str]] = []
    for kind, first, last in runs:
        start, end = clauses[first][0], clauses[last][1]
        piece = _ZH_LEAD.sub("", text[start:end], count=1)
        if _han_count(piece) < MIN_ZH_TEXT:
            contrasts = [m.end() for m in _ZH_CONTRAST.finditer(text, 0, start)]
            piece = _ZH_LEAD.sub("", text[contrasts[-1] if contrasts else 0:end], count=1)
        found.append((kind, piece.strip(" \"'“”‘’，,") or text[start:end]))
    return found


def objection_texts(sentence: Sentence, rivals: Sequence[tuple[int, int]] = ()
                    ) -> list[tuple[ObjectionKind, str]]:
    """(kind, text) of each objection a customer's sentence states; [] when none."""
    cues = objection_cues(sentence.text, sentence.cues, rivals)
    if not cues:
        return []
    if not re.search(r"[\u4e00-\u9fff]", sentence.text):
        return [(min(cues, key=lambda c: c.start).kind, whole_clause(sentence))]
    return zh_objection_texts(sentence.text, cues) or [(cues[0].kind, whole_clause(sentence))]
