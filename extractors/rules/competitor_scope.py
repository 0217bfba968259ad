"""Item-level readings that settle whether a catalog name is in play or kept aside.

`competitors.find_competitors` gives each mention a stance from its own sentence, and the item
keeps the strongest one, where a tool kept alongside us (`integration`) outranks plain use: "We
run Zendesk. Can you sync tickets both ways?" is a tool kept. Some readings need more than one
sentence, or a phrase the stance cues do not look for:

- A suite that can be a CRM (`kind: both`: 钉钉, 企业微信, 飞书) in which the customer keeps its
  members' or customers' records is a CRM in use (evals/GUIDE.md), even when the same text also
  names it as the meeting tool ("飞书会议") or asks to connect to it: the records make it the
  system we would replace, so its tool mentions do not outrank that use.
- A product the customer pays for ("we're paying for Sales Cloud for forty-two seats", "销售易那边
  我们合同还有一年多", "our Zoho licence") is the incumbent, in play wherever else records are said to
  land in it.
- A name said to lie outside the conversation's scope ("their sales team runs HubSpot; nothing to
  do with this project", "那套系统与本项目无关") is another team's tool, kept aside.
- A helpdesk in which the customer's own end customers' tickets pile up ("our support inbox in
  Freshdesk has 300+ tickets", "投诉都从我们的Udesk进来") is the customer's support channel, where the
  trouble shows, not a product in play; so is one that requests only come into ("web enquiries go
  into our Freshdesk") or that forwards them to us ("it forwards billing tickets to you", "会自动转给
  你们").
- A record in it cross-referenced with ours ("quote our ServiceNow incident INC0045512", "they will
  reference this ticket number", "工单号") ties two systems kept side by side.
- A record's header line naming the system it came from ("Ticket #4471 (imported from Zendesk)",
  "Case 00412 - Salesforce Service Cloud", "400热线通话记录（Udesk自动转写）") is the channel.
- A name followed by the widget it runs on a site ("parents message us on the Intercom widget",
  "官网上的美洽咨询窗口") is the channel people reach the customer by.
- A sign-off block's credential or contact line ("Certified Salesforce Administrator", "HubSpot
  Certified", "Chat with us on Intercom") is the writer's résumé or channel, not a product in play.
- The agent telling a caller where their ticket is ("您的工单在Udesk里已经转给售后"), or working the
  case in a tool ("I've escalated it in Zendesk", "我在智齿里看到已经派单了"), names the vendor's own
  queue.

Each reading is gated on a few words, so the cost is one search per hit, never per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from extractors.base import CompetitorCatalog
from extractors.rules.folding import fold
from extractors.rules.sentences import Sentence

if TYPE_CHECKING:
    from extractors.rules.competitors import CompetitorHit

__all__ = ["channel_in_own_clause", "settle_scope"]

_COMPETITIVE = frozenset({"switching_from", "comparing", "evaluating"})

# "nothing to do with this project", "not part of this rollout", "out of scope", "nothing is needed
# on that side", "与本项目无关", "不在这次范围内", "这次不涉及"
_OUT_OF_SCOPE = fold(re.compile(
    r"\b(?:(?:has |have |had )?nothing to do with (?:this|the|our|us|you)|(?:is |are )?not part of (?:this|the)"
    r" (?:project|rollout|scope|pilot|engagement|deal|work)|out(?:side)? (?:of )?(?:the |this )?scope|"
    r"nothing (?:is )?needed on (?:that|their|this) side|(?:is |are )?(?:unaffected|untouched) by (?:this|the)"
    r" (?:project|rollout|change|migration)|(?:separate|unrelated) (?:from|to) (?:this|the|our) (?:project|"
    r"rollout|work|engagement))\b"
    r"|(?:和|与|跟)(?:本|这个|这次|此|我们这个)?(?:项目|次合作|次采购|次需求)(?:无关|没(?:有)?关系)|不在(?:本次|这次|此次|这个|本)?(?:项目)?范围"
    r"|(?:这次|本次|此次)不涉及", re.I))
SCOPE_FOLLOW_CHARS = 60  # a short next sentence that only says "nothing to do with this project"
# the customer's end customers' contacts arriving in it, counted or flooding: "has 300+ tickets",
# "had three hundred tickets this morning", "投诉都从我们Udesk呼叫中心进来", "工单爆了"
_PILE_UP = fold(re.compile(
    r"\b(?:has|had|have|got|is getting|was getting|with|holds?|sitting at) (?:over |more than |about |nearly |almost |"
    r"roughly |some )?(?:\d[\d,]*\+?|a few hundred|hundreds(?: of)?|dozens(?: of)?|(?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten|twenty|fifty|a) (?:hundred|thousand))(?: new)? (?:tickets|complaints|messages|"
    r"emails|chats|cases|requests)\b"
    r"|(?:投诉|咨询|工单|来电|电话|留言)(?:都|全|全部|基本)?(?:从|通过|经)[^，。；！？]{0,14}?(?:进来|打进来|涌进来|过来)"
    r"|(?:投诉|咨询|工单|来电|留言)(?:量)?(?:爆了|暴增|激增|堆了|积压了?\d+)", re.I))
# a suite that can be a CRM keeps the customer's members, customers or leads in it
_RECORDS_KEPT = fold(re.compile(
    r"\b(?:crm|customer management|pipeline|deals?|leads?|contacts?|customer records|member(?:s|ship)? "
    r"records)\b|客户管理|管客户|管会员|管顾客|管学员|管理客户|管理会员|销售管理|线索|商机|客户关系|跟单|会员(?:系统|管理|运营)|"
    r"私域|客户运营|打标签|(?:会员|客户|学员|营员|顾客|业主|家长|线索)(?:的)?(?:信息|资料|档案|数据|标签)?"
    r"[^，,。；;]{0,12}?(?:维护|管理|打标签|管)|(?:维护|管理|管)(?:的)?(?:会员|客户|顾客|学员|业主|家长)", re.I))
# a clause that connects to the suite is about the tool kept alongside, whatever records it names
_CONNECTS = fold(re.compile(r"打通|对接|同步|集成|接入|互通|联通|\b(?:sync|integrat|connect)", re.I))
# requests arriving in it: "enquiries go into our Freshdesk", "replies still come into the Zendesk queue"
_ARRIVES_BEFORE = fold(re.compile(r"\b(?:come|comes|coming|came|go|goes|going|went|arrive|arrives|arriving|"
                                  r"flow|flows|drop|drops|feed|feeds|get routed|are routed|is routed|routed)"
                                  r" (?:straight |directly |automatically |still |all )?(?:in ?to|in) "
                                  r"(?:our|the|their|its|a) (?:own )?$|(?:进到|进入|落到|流到|转到)$", re.I))
# it hands requests on to us: "it forwards anything about billing to you", "会自动转给你们"
_FORWARDS = fold(re.compile(r"\b(?:forward|route|pass|escalat)\w* (?:[\w-]+ ){0,5}?(?:to|over to) (?:you|your)\b"
                            r"|(?:自动)?(?:转给|转到|推给|派给|转交给?)(?:你们|您们|贵司|你方)", re.I))
# a record in it referred to by its number, or a number passed between the systems
_CROSS_REFERENCE = fold(re.compile(r"\b(?:INC|CHG|RITM|REQ|CS|TKT)-?\d{4,}|\b(?:reference|quote|cite|cross-?reference)s?"
                                   r" (?:[\w-]+ ){0,3}?(?:ticket|incident|case|reference|change) (?:number|no\b|id\b|#)"
                                   r"|\b(?:ticket|incident|case) (?:number|no\.|#) ?[A-Z]{0,4}-?\d{3,}|工单号|单号[:：]?\s*[A-Z]{0,4}\d{3,}",
                                   re.I))
# the agent or rep telling the caller where their request sits: the vendor's own queue
_YOUR_REQUEST = fold(re.compile(r"\byour (?:ticket|case|request|complaint|claim)s?\b|(?:您|你)的(?:工单|投诉|报修|申请|单子|反馈)",
                                re.I))
# a header line of a record: its id, where it was imported from, the recording it transcribes
_RECORD_HEADER = fold(re.compile(
    r"\b(?:ticket|case|incident|request|review|call|conversation|chat|transcript|recording)s?\b\s*(?:#|no\.?|id)?"
    r"\s*[:#]?\s*[A-Z]{0,4}-?\d{3,}|\bimported (?:from|via)\b|^\W*(?:source|channel)\s*:"
    r"|工单\s*[#＃]?\s*\d|单号|通话记录|通话录音|来电记录|录音|自动转写|转写|呼叫中心|热线", re.I))
_IMPORTED = re.compile(r"\bimported (?:from|via)\b", re.I)
HEADER_LINES = 3  # the first lines of a text where a record's header stands
HEADER_CHARS = 80
# the chat widget a site runs on it
_WIDGET_AFTER = re.compile(r"\s*(?:chat |web |website |live[- ]chat |support |help )?(?:widget|messenger|chat bubble|"
                           r"launcher)s?\b|(?:的)?(?:在线)?(?:聊天|客服|咨询)?(?:窗口|挂件|弹窗|浮窗)", re.I)
# the vendor's agent working the case in the tool, said just before it
_WORKS_IN_BEFORE = fold(re.compile(
    r"\b(?:i|i've|i have|i'll|i will|i'm|we've|we have|we'll|we will)\b[^.!?:;]{0,30}?\b(?:escalat(?:e|ed|ing)|"
    r"log(?:ged|ging)?|creat(?:e|ed|ing)|open(?:ed|ing)?|rais(?:e|ed|ing)|add(?:ed|ing)?|updat(?:e|ed|ing)|not(?:e|ed)|"
    r"assign(?:ed)?|flagg(?:ed)|flag|see|saw|check(?:ed)?|look(?:ed)?|put|enter(?:ed)?|fil(?:e|ed))\b"
    r"[^.!?:;]{0,30}?\b(?:in|into|on)\s+"
    r"(?:the\s+|our\s+)?$|(?:我|我们|我这边)(?:已经|刚刚?|这边)?(?:在|用|从|通过)$", re.I))
# a line that closes a mail ("Best,", "Thanks!", "--", "此致") opens the sign-off block below it
_CLOSING_LINE = re.compile(r"^\s*(?:(?:best|kind|warm)?\s*regards|best|thanks|thank you|many thanks|cheers|sincerely|--+|"
                           r"—+|谢谢|此致|祝好|顺祝商祺|敬礼)\s*[,，!！.。]?\s*$", re.I | re.M)
SIGN_OFF_LINES = 6  # lines below the closing that the sign-off block may hold
# a credential or a contact line in the sign-off: "Certified Salesforce Administrator", "Chat with us on X"
_CREDENTIAL = fold(re.compile(r"\b(?:certified|certification|administrator|admin|consultant|developer|architect|"
                              r"trailblazer|mvp|champion|ambassador|partner|expert|specialist)\b|认证|专家|顾问|"
                              r"\b(?:chat|talk|message|follow|find|reach) (?:with )?us (?:on|via|at)\b|\bportal at\b", re.I))
# the customer pays for it: seats, a licence, a contract that runs until a date
_PAID_FOR = fold(re.compile(r"\b(?:pay(?:ing)? for|seats?|licen[cs]es?d?|subscription|contract (?:ends|is up|runs|until)|"
                            r"renewal (?:is|comes up|date))\b|合同(?:还有|到|明年|今年|年底)|(?:license|账号)(?:下个月|月底|年底)?到期|续费",
                            re.I))
ARRIVES_REACH = 40  # characters before the name where "go into our" may stand
_CLAUSE_END = re.compile(r"[,;，；。!！?？]")
RECORDS_REACH = 20  # characters either side of the name, within its clause


def _keeps_records(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the clause around the name at sentence offsets [start:end] keeps records in it."""
    text = sentence.text
    left = text[max(0, start - RECORDS_REACH):start]
    if (cuts := list(_CLAUSE_END.finditer(left))):
        left = left[cuts[-1].end():]
    right = text[end:end + RECORDS_REACH]
    if (stop := _CLAUSE_END.search(right)) is not None:
        right = right[:stop.start()]
    clause = left + text[start:end] + right
    return _RECORDS_KEPT.search(clause) is not None and _CONNECTS.search(clause) is None


def channel_in_own_clause(text: str, here: tuple[int, int],
                          cues: Sequence[tuple[int, int, str]]) -> bool:
    """Whether a suite's own clause uses it as a channel ("…，钉钉上提", "…, ping me on Lark")
    while every competitive cue of the sentence (`cues`) stands in another clause."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, here[0])), default=0)
    stop = _CLAUSE_END.search(text, here[1])
    right = len(text) if stop is None else stop.start()
    return any(stance == "channel" and left <= start and end <= right for start, end, stance in cues) \
        and not any(stance in _COMPETITIVE and start < right and end > left for start, end, stance in cues)


def _kept_helpdesk(hit: CompetitorHit, view: Sentence) -> bool:
    """Whether the sentence (`view`, simplified) names the hit as a helpdesk or queue kept beside
    us: requests pile up in it, only come into it, are forwarded by it to us, cross-referenced
    by number, or (the vendor speaking) are the caller's own request in the vendor's queue."""
    text = view.text
    start = hit.start - view.start
    return (_WIDGET_AFTER.match(text, hit.end - view.start) is not None or _PILE_UP.search(text) is not None or _FORWARDS.search(text) is not None
            or _CROSS_REFERENCE.search(text) is not None
            or _ARRIVES_BEFORE.search(text, max(0, start - ARRIVES_REACH), start) is not None
            or (view.role in ("rep", "agent") and (
                _YOUR_REQUEST.search(text) is not None
                or _WORKS_IN_BEFORE.search(text, max(0, start - ARRIVES_REACH - 30), start) is not None)))


def _paid_for(hit: CompetitorHit) -> bool:
    """Whether the clause around the hit says the customer pays for it."""
    text = hit.sentence.text
    start, end = hit.start - hit.sentence.start, hit.end - hit.sentence.start
    left = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - RECORDS_REACH), start)),
               default=max(0, start - RECORDS_REACH))
    stop = _CLAUSE_END.search(text, end, end + RECORDS_REACH)
    return _PAID_FOR.search(text, left, stop.start() if stop else end + RECORDS_REACH) is not None


def _in_record_header(hit: CompetitorHit, text: str) -> bool:
    """Whether the hit stands on one of the text's first lines that is a record's header."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    if sum(1 for line in text[:line_start].splitlines() if line.strip()) >= HEADER_LINES:
        return False
    line_end = text.find("\n", hit.end)
    line = text[line_start: len(text) if line_end < 0 else line_end]
    if len(line.strip()) > HEADER_CHARS or _RECORD_HEADER.search(line) is None:
        return False
    return hit.stance not in _COMPETITIVE or _IMPORTED.search(line) is not None


def _in_sign_off(hit: CompetitorHit, text: str) -> bool:
    """Whether the hit stands on a credential or contact line of a mail's sign-off block."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line = text[line_start: len(text) if line_end < 0 else line_end]
    if len(line.strip()) > HEADER_CHARS or _CREDENTIAL.search(line) is None:
        return False  # the line alone decides most hits; the closing is searched only for the rest
    closings = [m.end() for m in _CLOSING_LINE.finditer(text, 0, line_start)]
    return bool(closings) and text.count("\n", closings[-1], line_start) <= SIGN_OFF_LINES


def _out_of_scope(hit: CompetitorHit, following: Sentence | None) -> bool:
    if _OUT_OF_SCOPE.search(hit.sentence.text):
        return True
    return (following is not None and len(following.text) <= SCOPE_FOLLOW_CHARS
            and following.role == hit.sentence.role and _OUT_OF_SCOPE.search(following.text) is not None)


def settle_scope(hits: list[CompetitorHit], sentences: Sequence[Sentence], starts: Sequence[int],
                 catalog: CompetitorCatalog, text: str,
                 read: Callable[[Sentence], Sentence]) -> list[CompetitorHit]:
    """The hits with item-level readings applied (see the module docstring); `read` gives a
    sentence in simplified characters, `starts` the sentences' start offsets."""
    from bisect import bisect_right

    in_use: set[str] = set()
    records: set[int] = set()  # the hits (by start) that keep records in a suite
    for hit in hits:
        if hit.stance in ("using", "mentioned") and catalog.kind(hit.name) == "competitor" and _paid_for(hit):
            in_use.add(hit.name)
        if catalog.kind(hit.name) == "both":
            base = hit.sentence.start
            if _keeps_records(read(hit.sentence), hit.start - base, hit.end - base):
                in_use.add(hit.name)
                records.add(hit.start)
    result = []
    for hit in hits:
        if hit.stance != "integration" and (_in_record_header(hit, text) or (
                hit.stance not in _COMPETITIVE and _in_sign_off(hit, text))):
            hit = replace(hit, stance="integration")
        if hit.start in records and hit.stance == "integration":
            hit = replace(hit, stance="using")  # records kept in it, whatever channel it also is
        elif hit.name in in_use and hit.stance == "integration":
            continue  # the suite's tool uses do not outrank its use as the CRM
        if hit.stance in ("using", "mentioned"):
            index = bisect_right(starts, hit.start) - 1
            following = read(sentences[index + 1]) if index + 1 < len(sentences) else None
            if _out_of_scope(hit, following) or _kept_helpdesk(hit, read(hit.sentence)):
                hit = replace(hit, stance="integration")
        result.append(hit)
    return result
