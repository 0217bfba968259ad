"""Sentences with offsets, speaker and role: the unit every rule looks at.

Touchpoints from the parsers carry segments (speaker turns, messages). Text that arrives without
segments (an eval item, an API payload) is split into turns from "Speaker: text" lines (or a pasted
WebVTT file's "<v Name>" voice tags), with roles guessed from common labels (Rep, Agent, Customer,
销售, 客服, 客户). Speakers known only by name
get a role from what they say (`infer_roles`): "your product", "你们的系统" is the customer;
"our engineer", "我司", agent boilerplate is the vendor. Sentences below a reply header
("On … wrote:", "-----原始邮件-----", "在 … 写道：") or on "> " lines are marked `quoted`: an
earlier message, not this touchpoint's news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models import Role, Touchpoint
from extractors.rules.attendees import attendee_sides, named_roles, prefix_sides
from extractors.rules.cues import lowered, mark
from extractors.rules.folding import fold, gated
from extractors.rules.internal_meetings import says_internal
from extractors.rules.sides import TAG, is_vendor_job, opposed_pairs, org_votes, organisation_of
from extractors.rules.speaker_model import SideModel, load_side_model, speaker_turns
from extractors.rules.ticket_forms import field_kind, requester_names

# where a sentence ends: its closing punctuation (kept), or a line break (dropped). Written as
# "[。！？!?；;]+|\.(?=\s|$)|\n" reads, but opening on one class of the characters it can begin
# with, so the matcher scans for them in its fast loop rather than trying every position
# ("by 4:00 p.m. on February 27": a clock's dot before a lowercase word ends no sentence)
_BOUNDARY = re.compile(r"[。！？!?；;.\n](?:(?<=[。！？!?；;])[。！？!?；;]*|(?<=\.)(?=\s|$)(?!(?<=[AaPp]\.[Mm]\.)\s+[a-z])|(?<=\n))")
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?"
_STAMP = (rf"\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:[ T]+{_CLOCK})?|"
          r"\d{1,2}月\d{1,2}[日号](?:[ \t]*\d{1,2}:\d{2}(?::\d{2})?)?|"  # "3月27日 09:12 小蒋：…"
          # a handling log's month-day and clock: "04-03 16:20 客户回复：…", "3/27 10:50 潘丽：…"
          rf"\d{{1,2}}[-/]\d{{1,2}}[ \t]+{_CLOCK}|"
          rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}},?[ \t]+{_CLOCK}|[A-Z][a-z]{{2,8}}\.? \d{{1,2}},?[ \t]+{_CLOCK}|"
          # Teams' and a ticket thread's "[Mon 8:14 AM]", "[20 Feb 08:55]", "[周一 10:20]"
          rf"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{{0,6}}\.?,?[ \t]+{_CLOCK}|\d{{1,2}} [A-Z][a-z]{{2,8}}\.?,?[ \t]+{_CLOCK}|"
          rf"(?:周|星期)[一二三四五六日天][ \t]*{_CLOCK}|{_CLOCK}")
# (WhatsApp: "[28/02/2026, 19:14]"; a ticket's "[Mar 3, 09:10]")
# a stamp after the label: "Agent (Meera, Tier 2), 10 Feb 2026 11:40:", "Requester, Mar 30 2026 08:31:"
# or a date alone ("Agent (Kofi, Billing Support), Mar 30:")
_TRAILING_STAMP = (r",[ \t]*(?:(?:\d{1,2} [A-Z][a-z]{2,8}|[A-Z][a-z]{2,8} \d{1,2})(?:,? \d{4})?(?:,?[ \t]+"
                   + _CLOCK + ")?|" + _CLOCK + ")")
# "Speaker: text", optionally after a timestamp ("[10:32] 客服小美：…", "2026-03-02 10:32 Dana: …"),
# or a header line "窦敏 2026/3/12 10:10" whose message follows on the next lines
_LABEL = gated(re.compile(
    rf"^[ \t]*(?:[\[(](?:{_STAMP})[\])][ \t]*|(?:{_STAMP})[ \t]+)?"
    # "【09:42 技术支持-沈】已复现…": a handling entry whose time comes first inside its brackets
    rf"(?:[【\[](?:{_STAMP})[ \t]*(?P<bracketed>[^】\]\n:：]{{2,20}})[】\]][ \t]*(?=\S)|"
    # "Update 11:02 (Vendor NOC, Priscilla): …": an entry whose time comes before its writer
    rf"(?P<speaker>[^:：\n\[\]]{{1,30}}?|[^:：\n\[\]()（）]{{1,30}}?\s*[（(][^()（）\n:：]{{1,40}}[)）]|"
    rf"[^:：\n\[\]()（）\d]{{0,20}}{_CLOCK}[ \t]*[（(][^()（）\n:：]{{1,40}}[)）]|"
    # "值班工程师 回复（11:20）：", "Agent (Wen Li, 10:31):": a time inside the writer's tag
    rf"[^:：\n\[\]()（）]{{1,30}}?\s*[（(][^()（）\n:：]{{0,30}}?{_CLOCK}[ \t]*[)）])"
    # the colon of a clock ("Monica Reyes  3:41 PM") is no label's
    # (and a bracketed time after the label: "SPEAKER_01 [00:00:07]: …")
    # (but "客服：11个订舱…" is a label: two digits that count something Chinese are no clock's)
    # (and Slack's emoji codes are no label's colon: "hi both :wave: I'd like…")
    rf"(?:{_TRAILING_STAMP}|[ \t]*\[(?:{_STAMP})\])?\s*(?:[:：](?!\d\d|[a-z0-9_+-]+:)|(?<!\d)[:：](?=\d\d[\u4e00-\u9fff]))\s*(?=\S)"
    # (Slack's "Jane Ng  10:32 AM", an older export's "Jane Ng [10:32 AM]")
    # (WeChat's copied "李强（海川）09:03" has no space after the tag)
    rf"|(?P<header>[^\s:：\d\[\]][^\n:：]{{0,40}}?)(?:[ \t]+|(?<=[)）]))(?:{_STAMP}|\[(?:{_STAMP})\])[ \t]*\n"
    # a thread entry's time, then its writer alone on the line: "[20 Feb 08:55] Ines Vaz", "[3/12 10:02] 客服 周婷"
    rf"|[\[(](?:{_STAMP})[\])][ \t]*(?P<shead>[A-Z][\w'.&-]*(?:[ \t]+(?:[A-Z][\w'.&-]*|[（(][^()（）\n]{{1,30}}[)）]|"
    rf"[-–]|of|de|van|von)){{0,5}}|[\u4e00-\u9fff][\u4e00-\u9fff（）()·\w \t-]{{0,15}})[ \t]*\n(?=[ \t]*\S)"
    # a bracketed header line, writer then time: "[Customer - Nate Olson, 09:48]", "【客户-邓思思 11:45】"
    rf"|[【\[](?P<bhead>[^】\]\n:：\d]{{2,40}}?)[,，]?[ \t]*(?:{_STAMP})[】\]][ \t]*$"
    # a ticket's section line: "-- Support reply --", "=== Customer response ==="
    rf"|[-=*]{{2,}}[ \t]*(?P<section>[^\s\-=*:：][^\n\-=*:：]{{1,40}}?)[ \t]*[-=*]{{2,}}[ \t]*$)", re.M))
_REP_LABELS = fold(re.compile(r"^(rep|sales|salesperson|sales rep|ae|account executive|seller|vendor|"
                         r"csm|customer success(?: manager)?|account manager|account director|am|se|sdr|"
                         r"bdr|solutions? (?:engineer|consultant)|sales engineer|implementation(?: lead| "
                         r"manager| consultant)?|onboarding(?: specialist| manager)?|"
                         r"销售|销售代表|顾问|客户经理|我方|我司|乙方|客户成功|实施顾问|售前|供应商|投标人|投标方|厂商|服务商)\b", re.I))
# a ticket's handling record and a brand's public reply are the vendor's ("处理记录：【技术支持-刘洋】…",
# "官方回复（乐听会员服务）：…", "Resolution:", "Reply from @touchpointhq:"); the problem description is the customer's
# ("技术支持回复：", "客服小美：" run on without a word boundary); a vendor's internal note is theirs too
_AGENT_LABELS = fold(re.compile(r"^(?:(?:agent|support|support agent|agent reply|official reply|"
                                r"official response|resolution|internal note|auto(?:mated|matic)?[- ]?(?:reply|response)|"
                                # "Advisor (Tom):", "Store reply (11 Apr, Hamish):", "Reply to exhibitor (T. Whitfield):"
                                r"advis[eo]r|(?:store|shop|brand|staff|team) (?:reply|response)|(?:reply|response) (?:sent )?to "
                                r"(?:the )?(?:customer|client|exhibitor|buyer|user|member|requester|organi[sz]er|patron|guest))\b|自动回复|"
                                r"(?:值班|驻场|售后|运维|技术)?工程师|客服(?!经理|主管|总监)|坐席|技术支持|处理记录|处理意见|"
                                r"处理结果|处理过程|官方回复|客服回复|(?:reply|response|update) from\b"
                                r"(?! (?:the )?(?:customer|client|requester|user)\b)|官方|"
                                # "Response (Privacy Team):", "Reply (Tier 2):": the team that answers
                                r"(?:response|reply|answer)(?=\s*[（(](?!\s*(?:customer|client|requester|user)\b)))",
                                re.I))
_VENDOR_REPLY = gated(re.compile(r"^[ \t]*(?:(?:reply|response) from|official (?:reply|response))[^\n:：]{0,60}[:：]|"
                                 r"^[ \t]*官方回复[^\n:：]{0,30}[:：]", re.M | re.I))
# ("User Interface:", "User Research:" are a product team's roles, as AMI's meetings label them)
_CUSTOMER_LABELS = fold(re.compile(r"^(customer|client|prospect|buyer|caller|user(?! (?:interface|experience|research|"
                                   r"researcher|ops|operations)\b)|visitor|guest|"
                                   r"requester|requestor|member|patient|shopper|end user|"
                                   r"客户(?:评价|反馈|回复|意见栏?)?|买方|甲方|用户|来电|访客|顾客|买家|会员|"
                                   r"问题描述|description|issue description|"
                                   # a ticket form's fields the requester fills: "要求：1）…", "申请内容：…"
                                   r"故障描述|故障现象|要求|诉求|申请内容|申请说明|申请原因|反馈内容|问题说明)\b", re.I))

# Chinese service roles the lists above miss: a shop's or a help desk's staff ("店小二：", "商家：",
# "远程支持-邱师傅：", "售后-钟工：", "客服小美：", "在线客服：") and who files or calls in ("提交人：",
# "报修人：", "采购部 孔经理："); "客服经理"/"客服主管" is a job on either side and stays unknown
_ZH_AGENT_LABEL = re.compile(r"(?:店小二|小二|商家|卖家|掌柜|(?:在线|人工|官方|售后|专属)客服|"
                             r"(?:远程|在线|售后|驻场)(?:支持|工程师)|售后(?:服务|专员)?|值班工程师|处理人|回复人|"
                             r"客服(?!经理|主管|总监|部|中心|组|团队|负责人)[\u4e00-\u9fffA-Za-z]{1,3})"
                             r"(?![\u4e00-\u9fff]{4})")
_ZH_CUSTOMER_LABEL = re.compile(r"(?:提交人|报修人|反馈人|咨询人|投诉人|来电人|发起人|采购(?:人|部|方|中心|单位)?|"
                                r"招标(?:人|方|单位))"
                                r"(?=$|[\s\-—－·:：（(]|[\u4e00-\u9fff]{1,4}$)")

# a reply or forward header: Gmail ("On … wrote:", wrapped over two lines or not; Chinese "… 于 …
# 写道："), Apple Mail ("Begin forwarded message:"), Outlook ("From: …" then "Sent:", "发件人：",
# "寄件者："), and the dashed separators of Outlook, QQ/Foxmail and NetEase
_QUOTE_HEADER = gated(re.compile(
    r"^(?:On .{4,200}wrote:|On .{4,200}\n.{0,120}wrote:[ \t]*$|Begin forwarded message:|"
    r"-{2,}\s*(?:Original Message|Forwarded message|Reply message|原始邮件|转发的邮件|回复的原邮件)\s*-{2,}|"
    r"在.{2,80}写道[:：]|[^\n]{0,120}?于[^\n]{2,60}写道[:：]|From: .+\n(?:Sent|Date): |"
    r"(?:发件人|寄件者)[:：].+\n)", re.M))
_VENDOR_SPEECH = fold(re.compile(
    r"\b(?:our (?:product|platform|tool|app|engineers?|support (?:team|engineer)|solutions? "
    r"engineer|implementation|pricing|enterprise plan|pro plan|quote|proposal|roadmap|customers|"
    r"data residency|docs?|documentation|cto|csm|onboarding)|thanks for (?:reaching out|"
    r"contacting|calling|joining|your patience|the time|making time|hopping on)|how can I help|"
    r"sorry (?:for|about) (?:the|that)|I've (?:escalated|reproduced|checked|added|updated)|"
    r"(?:I'll|I will|we'll|we will) (?:send|share|get) you(?! (?:over )?(?:the |our |my |a |an |those |these )?"
    r"(?:[\w-]+ ){0,2}(?:(?:asset|user|staff|employee|device|serial|guest|attendee|traveler|passenger|student|"
    r"member|site|store) list|logs?|exports?|headcount|po|purchase order|credentials|readings|signed)\b)|"
    r"(?:anything|something) else (?:I|we) can (?:help|do)|the quote is|we (?:support|offer|"
    r"have a (?:native|built-in))|your (?:account|ticket|order|workspace|trial|renewal|team's|"
    r"feedback|data|seats|invoice|subscription))\b"
    r"|我司|我们的(?:产品|系统|平台|工程师|技术|方案|报价)|有什么可以帮您|非常抱歉|抱歉|给您(?:开通|发|安排|申请)|"
    r"您的(?:工单|订单|账号|问题|需求)|已经?(?:升级给|帮您|为您)|我这边(?:帮您|给您|为您)|^您好|(?:^|[，,。！!\s]|是|都|也)支持的|"
    r"可以的|没问题|(?:经理|总|老师|先生|女士|姐|哥)(?:您|你)好|"
    # the seller at work in Chinese: discovery ("咱们现在是用什么系统？"), the shop's "亲", a promise to
    # the customer ("给您一个答复", "发给两位"), the product's strengths, the demo
    r"咱们(?:现在|目前|这边|公司|门店)?[^，,。？?]{0,12}(?:怎么|什么|哪家|哪个|多少|有没有)|为您服务|"
    r"(?:^|[，,。~～！!\s])亲(?:[，,~～！!。]|$)|好的亲|帮您|(?:给|发)(?:您|两位|各位)(?:一个|答复|回复|报告|回电|结果)|"
    r"发给(?:两位|各位)|正是我们(?:的强项|要解决|擅长)|我们(?:正好)?(?:比较|很|最)擅长|我们(?:是|也)?有的|"
    r"我们(?:也)?有(?:现成|成熟)的|(?:^|[，,。])(?:我|我们|今天)(?:主要|先|来|再)?(?:给(?:大家|您|你们|各位))?演示", re.I))
_CUSTOMER_SPEECH = fold(re.compile(
    r"\b(?:your (?:product|platform|tool|app|system|pricing|team|engineers?|support|sales|demo|"
    r"company|software|solution|crm|api|quote|price|contract|docs)|you guys|do you (?:support|"
    # "do you have a date / a rough number?" is the seller's discovery, not the buyer's question
    r"have(?! (?:a |an |any )?(?:rough |ballpark )?(?:date|idea|number|headcount|budget|timeline|time|preference)s?\b)|offer)|we(?:'re| are) (?:currently )?(?:on|using)|we (?:use|budgeted|signed|bought|"
    r"need|want)|our (?:reps|agents|sales team|boss|cfo|ceo|it|it team|budget|renewal|contract|"
    r"company|compliance|finance|procurement|managers?|users|staff|forecast)|my (?:boss|team|"
    r"manager))\b"
    r"|你们的|你们那边|你们家|你们(?:系统|产品|报价|价格|能不能|支持|有没有)|我们公司|我们(?:老板|领导|财务|IT|it)|"
    r"预算|能不能|多少钱|对不上|登不上|用不了|打不开|一直在催|很着急|影响到|"
    # the buyer in Chinese: how it works today ("我们现在都是用飞书", "我们现在要专人…"), its wishes,
    # the price asked for, "你们这个系统"
    r"我们(?:现在|目前|之前|一直)[^，,。？?]{0,8}?(?:用|靠|只能|得|要)|我们希望|希望你们|"
    r"价格(?:呢|怎么算|是多少)|怎么收费|你们(?:这个|那个)|"
    # its pain and its complaint: "我们最大的痛点是…", "怎么还没修好", "说好的…呢", "又崩了"
    r"痛点|我们(?:最大的|主要的?)(?:问题|困扰)|怎么还(?:没|不)|说好的|给个准话|"
    r"(?:又|老是|总是)(?:崩|卡|出问题|报错|闪退|失败|掉线)", re.I))
# a ticket's or email's header line ("Subject: …", "主题：…") and a heading of meeting notes
# ("Action items:", "Attendees:", "待办：") are not speaker turns
_HEADER_LABELS = re.compile(r"^(?:subject|re|fwd?|title|topic|ticket|主题|标题|主旨|工单|action items?|"
                            r"next steps|to-?dos?|follow[- ]?ups?|recap|summary|notes|agenda|"
                            r"attendees|participants|decisions|open items|待办(?:事项)?|行动项|后续安排|"
                            r"下一步|纪要|会议纪要|参会人员?|与会人员|议程|会议议程)$", re.I)
# "Name (tag)": a tag that opens with a vendor-side word or job ("周敏（我方项目经理）", "Sam (AE)",
# "Jordan (CSM)", "Lee (Solutions Engineer)") is the rep; any other tag names the customer's side
# ("Nadia (VP Sales, Ledgerly)", "郑浩（润丰医药IT）")
_VENDOR_TAG = re.compile(
    r"^\s*(?:我方|我司|本司|乙方|原厂|技术支持|客户成功|客户经理|实施|售前|售后|客服|(?:销售(?:代表|顾问)?|sales)\s*$|"
    r"(?:our (?:side|team|company)|us|vendor|rep|sales rep|ae|sdr|bdr|csm|se|am|tam|"
    r"account (?:executive|manager|director)|technical account manager|solutions? (?:engineer|"
    r"consultant|architect)|sales engineer|support engineer|deal desk|engagement manager|"
    r"customer success|implementation|onboarding|support)\b)", re.I)
_CJK_TEXT = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
# "Update 11:02 (Vendor NOC, Priscilla)", "Comment 09:15 (Mark)": the entry's writer is in its tag;
# "回复（11:20）", "Agent (Wen Li, 10:31)": the time in the tag is no part of the writer's name
_TIMED_ENTRY = re.compile(rf"^[^()（）\d]{{0,20}}{_CLOCK}\s*[（(](?P<who>[^)）]+)[)）]$")
_TAG_TIME = re.compile(rf"(?:[,，]?[ \t]*{_CLOCK}[ \t]*(?=[)）])|[ \t]*[（(][ \t]*{_CLOCK}[ \t]*[)）])")
# a company in square brackets after a name, as Slack Connect shows it: read as "Name (Company)"
_SQUARE_TAG = re.compile(r"\s*\[([^\[\]\n\d:]{2,40})\]$")
# "Also, minor: …", "One more thing, sorry: …": a remark's lead-in, not a speaker
_LEAD_IN = re.compile(r"^[^(（]*,\s+[a-z]")
# the date a header line names after its writer: "Jane Ng, Mar 3, 2026, 10:32", "Leo (Support) — 3 Mar 2026"
_HEADER_DATE = re.compile(r"\s*[,—–-]\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}\b|\d{1,2} [A-Z][a-z]{2,8}\b|\d{4}[-/.]\d).*$")
# a tag in which the vendor's people name their own side: "我方客户经理", "我司 售前", "our side"
_OUR_SIDE = re.compile(r"^\s*(?:我方|我司|本司|our (?:side|team|company)\b|us\s*$)", re.I)
_LINE_START = gated(re.compile(r"^\s*\S", re.M))
_WORD = gated(re.compile(r"\w"))
# "【技术支持-王涛 11:20】", "[客户-邓思思]": the writer's side and name, then an optional time; or
# the date first: "[Apr 17, agent Mika]", "[2026-04-17 09:12 customer]"
_BRACKET_SPEAKER = re.compile(r"^[【\[](?:(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|"
                              r"\d{1,2}/\d{1,2})(?:,? \d{4})?(?:,?[ \t]+\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?)?[ \t]*[,，\-–—|]?[ \t]*)?"
                              r"(?P<who>[^】\]\d\n]{2,20})[^】\]\n]{0,20}[】\]]")
_REPLY_HEADER = re.compile(r"^\s*(?:reply from|response from|official (?:reply|response)|官方回复|客服回复)\b",
                           re.I)
# what opens an item of a list: "- ", "•", "1.", "2)", "3、", "[ ]", "[x]" (action_items reads it too)
BULLET = r"(?:[-*•·▪◦–☐□☑☒✓✔]|\d{1,2}[.)、]|\[ ?[xX ]?\])"  # (check boxes too: "☐ Devon: send…")
_LISTED = re.compile(rf"\s*{BULLET}\s*\S")
_ITEM_NUMBER = re.compile(r"\s*(?:\d{1,2}|[a-h])\.")  # "1.", and "a." of a lettered list
MAX_ITEM_NUMBER_CHARS = 4
ROLE_MARGIN = 2  # how many more cues one side needs before a named speaker gets its role
MANY_SPEAKERS = 3  # from this many unknown speakers on, one uncontradicted cue gives a side
# the speaker-side model's say (speaker_model.py): cue scores this close are weak evidence, and
# the model overrides them only when its summed log-odds part the two speakers (or say one
# speaker's side) by at least these margins
WEAK_CUES = 1
PAIR_MARGIN = 4.0
SPEAKER_MARGIN = 3.0


@dataclass(slots=True)
class Sentence:
    text: str
    start: int
    end: int
    role: Role
    speaker: str | None
    segment_index: int | None
    cues: int = 0  # extractors.rules.cues bits: which rules could match here
    quoted: bool = False  # below a reply header or on a "> " line: an earlier message


# a numbered entry of a ticket's thread before its writer: "Update 3 - Agent (Kerry, Tier 1)", "Entry 2: Customer"
_ENTRY_NUMBER = re.compile(r"^(?:update|entry|comment|note|post|message)\s*#?\d{1,3}\s*[-–—:]\s*(?=\S)", re.I)


def role_from_label(label: str) -> Role:
    label = label.lstrip("【[")  # "【技术支持-王涛 11:20】…" is read as a label cut at its time's colon
    if label[:1] in "UuEeCcNnPpMm" and (entry := _ENTRY_NUMBER.match(label)) is not None:
        label = label[entry.end():]
    if _REP_LABELS.match(label):
        return "rep"
    if _AGENT_LABELS.match(label):
        return "agent"
    if _CUSTOMER_LABELS.match(label):
        return "customer"
    if _CJK_TEXT.match(label):
        if _ZH_AGENT_LABEL.match(label):
            return "agent"
        if _ZH_CUSTOMER_LABEL.match(label):
            return "customer"
    tag = TAG.search(label)
    if tag is None:
        return "unknown"
    return "rep" if _VENDOR_TAG.match(tag.group(1)) or is_vendor_job(tag.group(1)) else "customer"


def _section_speakers(sentences: list[Sentence]) -> None:
    """A ticket's handling record names who wrote each entry ("【技术支持-王涛 11:20】已定位…",
    "【客户-邓思思 11:45】可以了"), and a social post's answer says it is the brand's ("Reply from
    Touchpoint Social Care:", "官方回复："): that entry, to the next one, is theirs, in place."""
    current: tuple[str, Role] | None = None
    turn: str | None = None
    for s in sentences:
        if s.speaker != turn:
            current, turn = None, s.speaker
        if s.text.endswith((":", "：")) and _REPLY_HEADER.match(s.text):
            current = (s.text.rstrip(":：").strip(), "agent")
        elif s.text[:1] in "【[" and (m := _BRACKET_SPEAKER.match(s.text)):
            who = m.group("who").strip()
            role = role_from_label(who)
            if role == "unknown" and _VENDOR_TAG.match(who):
                role = "rep"
            current = (who, role) if role != "unknown" else None
        if current is not None:
            s.speaker, s.role = current


def _alias_roles(sentences: list[Sentence]) -> None:
    """A Chinese speaker named in full once ("采购部 孔经理：", "我方 销售总监 邱明：") and by the
    name alone after ("孔经理：") is one person: the short label takes the full one's side, in place."""
    known: dict[str, Role] = {}
    unknown: set[str] = set()
    is_cjk: dict[str, bool] = {}  # per speaker: a text has a few labels and many sentences
    for s in sentences:
        if s.speaker is None:
            continue
        if (cjk := is_cjk.get(s.speaker)) is None:
            cjk = is_cjk[s.speaker] = _CJK_TEXT.search(s.speaker) is not None
        if cjk:
            if s.role == "unknown":
                unknown.add(s.speaker)
            else:
                known.setdefault(s.speaker, s.role)
    if not unknown or not known:
        return
    sides: dict[str, Role] = {}
    for name in unknown:
        roles = {role for label, role in known.items()
                 if len(label) > len(name) and label.endswith(name) and label[-len(name) - 1].isspace()}
        if len(roles) == 1:
            sides[name] = roles.pop()
    for s in sentences:
        if s.role == "unknown" and s.speaker in sides:
            s.role = sides[s.speaker]


def _attendee_roles(sentences: list[Sentence], text: str) -> None:
    """Speakers of unknown side in meeting notes take the side the attendee lines give their name
    ("参会：…；我方 技术总监 许峰" then "许峰：…"), in place (attendees.py)."""
    labels: dict[str, str] = {}
    for s in sentences:
        if s.speaker is not None and s.speaker not in labels:
            labels[s.speaker] = "" if s.role == "unknown" else "customer" if s.role == "customer" else "rep"
    if "" not in labels.values():
        return
    sides = named_roles(labels, attendee_sides(text))
    for s in sentences:
        if s.role == "unknown" and s.speaker in sides:
            s.role = "customer" if sides[s.speaker] == "customer" else "rep"


def _prefix_roles(sentences: list[Sentence]) -> None:
    """Speakers still of unknown side in a group chat take their organisation's side
    ("悦颜-罗院长" is the customer, so "悦颜-前台阿May" is too, and "美客通-小何" the rep), in place."""
    labels: dict[str, str] = {}
    for s in sentences:
        if s.speaker is not None and s.speaker not in labels:
            labels[s.speaker] = "" if s.role == "unknown" else "customer" if s.role == "customer" else "rep"
    if "" not in labels.values():
        return
    sides = prefix_sides(labels)
    for s in sentences:
        if s.role == "unknown" and s.speaker in sides:
            s.role = "customer" if sides[s.speaker] == "customer" else "rep"


def _organisations(sentences: list[Sentence]) -> dict[str, str]:
    """Speaker -> organisation when the labels name two or more ("Laura Chen (Kestrel)", "Greg
    Howell (Northwind Clinics)"): a tag that is not a vendor word made each of them the customer,
    but one of the organisations is the vendor. Their sentences are made unknown again, for
    `infer_roles` to decide by organisation. With one organisation beside a speaker whose label
    says customer ("Visitor:", "Customer:") and none whose label says vendor, the organisation's
    people are unknown too: they are likely the vendor, and `infer_roles` decides."""
    organisations: dict[str, str] = {}
    labelled: set[Role] = set()
    vendors: set[str] = set()  # the organisation of a speaker whose tag names a vendor job
    untagged: dict[str, str] = {}  # speakers known by a name alone
    ours = False  # whether a speaker's tag says "our side" ("陈静（我方客户经理）", "Sam (our team)")
    if not any(s.speaker is not None and s.speaker[-1:] in ")）" for s in sentences):
        return {}  # no "Name (Organisation)" label
    for s in sentences:
        if s.speaker is None or s.speaker in organisations or s.speaker in untagged:
            continue
        if s.role == "customer" and not _CUSTOMER_LABELS.match(s.speaker) \
                and not _ZH_CUSTOMER_LABEL.match(s.speaker) and (org := organisation_of(s.speaker)):
            organisations[s.speaker] = org
        elif s.role == "unknown" and s.speaker[-1:] not in ")）":
            untagged[s.speaker] = ""
        elif s.role != "unknown":
            labelled.add("customer" if s.role == "customer" else "rep")
            ours = ours or s.role == "rep" and (tag := TAG.search(s.speaker)) is not None \
                and _OUR_SIDE.match(tag.group(1)) is not None
            if s.role == "rep" and (org := organisation_of(s.speaker)):
                vendors.add(org)
    organisations = _same_cjk_company(organisations)
    for s in sentences:  # "Tom (Corvane, Delivery Lead)" beside "Laura (Corvane, Account Director)"
        if organisations.get(s.speaker or "") in vendors:
            s.role = "rep"
    organisations = {k: v for k, v in organisations.items() if v not in vendors}
    if ours:  # "李响（我方实施）": the vendor's people say so, every company named is the customer's
        return {}
    if len(set(organisations.values())) == 1 and untagged and not labelled:
        # "Dev (Tabletrack)" among "Hannah", "Rob": the company named may be either side; the
        # words decide, a tie makes the company the vendor (`_sides_by_organisation`)
        for s in sentences:
            if s.speaker in organisations:
                s.role = "unknown"
        return organisations | untagged
    if not organisations or len(set(organisations.values())) < 2 and labelled != {"customer"}:
        return {}
    for s in sentences:
        if s.speaker in organisations:
            s.role = "unknown"
    return organisations if len(set(organisations.values())) >= 2 else {}


def _same_cjk_company(organisations: dict[str, str]) -> dict[str, str]:
    """"宏达生产部" and "宏达" are one company: a Chinese organisation that opens with another one
    named is that one (its department)."""
    names = set(organisations.values())
    shorter = {org: min((o for o in names if o != org and org.startswith(o) and _CJK_TEXT.match(o)),
                        key=len, default=org) for org in names}
    return {speaker: shorter[org] for speaker, org in organisations.items()}


def infer_roles(sentences: list[Sentence], channel: str = "call",
                organisations: dict[str, str] | None = None, *,
                side_model: SideModel | None = None, learned: bool = True) -> None:
    """Give named speakers of unknown role the side their words show, in place.

    Each speaker's words score vendor cues minus customer cues (`sides.org_votes` adds whose
    organisation they speak of). With two unknown speakers the higher score is the rep; a tie goes
    to who spoke first (the customer opens a chat, ticket or email thread; the rep runs a call or
    meeting). Otherwise a speaker needs ROLE_MARGIN, or, among three or more unknown speakers,
    one cue with none against it. Then an ask answered by a promise puts asker and answerer on
    opposite sides (`sides.opposed_pairs`); when every other speaker is known and on one side, a
    last unknown speaker takes the other.

    The speaker-side model (`side_model`, else the shipped one unless `learned` is False) sums
    each unknown speaker's turns' log-odds: it settles a two-speaker text whose cues differ by at
    most WEAK_CUES when the two speakers' sums differ by PAIR_MARGIN, organisations the cues tie
    on likewise, and a speaker still open at the end whose sum reaches SPEAKER_MARGIN.
    """
    votes: dict[str, int] = {}
    against: dict[str, int] = {}  # cues of the side opposite to the vote's sign
    known: dict[str, Role] = {}
    for s in sentences:
        if s.speaker is None:
            continue
        if s.role != "unknown":
            known[s.speaker] = s.role
            continue
        vendor, customer = org_votes(s.text)
        vendor += len(_VENDOR_SPEECH.findall(s.text))
        customer += len(_CUSTOMER_SPEECH.findall(s.text))
        votes[s.speaker] = votes.get(s.speaker, 0) + vendor - customer
        against[s.speaker] = against.get(s.speaker, 0) + min(vendor, customer)
    if not votes:
        return
    model = side_model if side_model is not None else load_side_model() if learned else None
    odds = {} if model is None else {speaker: model.speaker_log_odds(turns)
                                     for speaker, turns in speaker_turns(sentences, set(votes)).items()}
    if organisations:
        _sides_by_organisation(votes, organisations, known, channel, odds)
    if len(votes) == 2 and not known:
        (first, a), (second, b) = votes.items()
        lean = odds.get(first, 0.0) - odds.get(second, 0.0)
        if abs(a - b) <= WEAK_CUES and abs(lean) >= PAIR_MARGIN:
            a, b = (1, 0) if lean > 0 else (0, 1)
        elif a == b:
            opener_is_customer = channel in ("chat", "ticket", "email")
            a, b = (0, 1) if opener_is_customer else (1, 0)
        known[first], known[second] = ("rep", "customer") if a > b else ("customer", "rep")
    many = len(votes) >= MANY_SPEAKERS
    for speaker, score in votes.items():
        if speaker not in known and (abs(score) >= ROLE_MARGIN
                                     or many and score and not against[speaker]):
            known[speaker] = "rep" if score > 0 else "customer"
    if any(speaker not in known for speaker in votes):
        _take_opposite_sides(known, opposed_pairs(sentences))
    unknown = [speaker for speaker in votes if speaker not in known]
    sides = {"customer" if role == "customer" else "rep" for role in known.values()}
    if len(unknown) == 1 and len(sides) == 1:
        known[unknown[0]] = "rep" if sides == {"customer"} else "customer"
    for speaker in votes:
        if speaker not in known and abs(odds.get(speaker, 0.0)) >= SPEAKER_MARGIN:
            known[speaker] = "rep" if odds[speaker] > 0 else "customer"
    for s in sentences:
        if s.role == "unknown" and s.speaker in known:
            s.role = known[s.speaker]


# a label that names a company after a dash: "Faisal – Gulfside Agency", "Leafline - Kerry"
_DASHED_COMPANY = re.compile(r"\S\s+[-–—]\s+\S")


def _sides_by_organisation(votes: dict[str, int], organisations: dict[str, str],
                           known: dict[str, Role], channel: str, odds: dict[str, float]) -> None:
    """The organisation whose people's words score most for the vendor is the rep's; cues within
    WEAK_CUES of each other leave it to the speaker-side model's `odds` summed by organisation
    when they part the two leading organisations by PAIR_MARGIN; else a tie goes to a company
    named beside names alone, else to the organisation that spoke first in a call or meeting (the
    host), else to the other."""
    totals: dict[str, int] = {}
    leaning: dict[str, float] = {}
    for speaker, org in organisations.items():  # in order of first words
        totals[org] = totals.get(org, 0) + votes.get(speaker, 0)
        leaning[org] = leaning.get(org, 0.0) + odds.get(speaker, 0.0)
    order = list(totals)
    best = max(totals.values())
    leaders = [org for org in order if totals[org] == best]
    by_cues = sorted(totals.values(), reverse=True)
    by_model = sorted(leaning.items(), key=lambda kv: -kv[1])
    if len(order) >= 2 and by_cues[0] - by_cues[1] <= WEAK_CUES \
            and by_model[0][1] - by_model[1][1] >= PAIR_MARGIN:
        vendor = by_model[0][0]
    elif len(leaders) == 1:
        vendor = leaders[0]
    elif "" in leaders:
        # one company named beside names alone, and the words do not tell: a seller names its
        # company to the buyer ("Kayla (PayCrest)" calling "Doug Ferris"), so the company is the vendor
        # ("Faisal – Gulfside Agency" names its company too: then the tag stays the customer's, as
        # it does in Chinese talk, where "陈婧（远帆）" is as often the customer the meeting is with)
        company = next(org for org in leaders if org)
        alone = not any(_DASHED_COMPANY.search(speaker) for speaker, org in organisations.items() if not org)
        vendor = company if alone and not _CJK_TEXT.search(company) else ""
    else:
        host_is_vendor = channel in ("call", "meeting")
        vendor = leaders[0] if host_is_vendor else next((o for o in leaders if o != order[0]), leaders[0])
    for speaker, org in organisations.items():
        known[speaker] = "rep" if org == vendor else "customer"


def _take_opposite_sides(known: dict[str, Role], pairs: list[tuple[str, str]]) -> None:
    """An unknown speaker paired with a known one (an ask and its promise) takes the other side."""
    changed = True
    while changed:
        changed = False
        for a, b in pairs:
            for this, other in ((a, b), (b, a)):
                if this in known and other not in known:
                    known[other] = "customer" if known[this] != "customer" else "rep"
                    changed = True


def _mark_quoted(text: str, sentences: list[Sentence],
                 turns: list[tuple[int, int, Role, str | None, int | None]]) -> None:
    headers = [m.start() for m in _QUOTE_HEADER.finditer(text)] if (
        "wrote" in text or "写道" in text or "--" in text or "From:" in text or "发件人" in text
        or "寄件者" in text or "Begin forwarded" in text) else []
    quoting = ">" in text or "＞" in text
    for s in sentences:
        # a sentence on a "> " line, also one that starts after an earlier sentence on that line
        if quoting and (s.text.startswith((">", "＞"))
                        or text[text.rfind("\n", 0, s.start) + 1:s.start + 1].lstrip()[:1] in (">", "＞")):
            s.quoted = True
            continue
        for at in headers:
            if at <= s.start and not any(ts <= at < te and not ts <= s.start < te
                                         for ts, te, *_ in turns):
                s.quoted = True
                break


def _turns(touchpoint: Touchpoint) -> list[tuple[int, int, Role, str | None, int | None]]:
    if touchpoint.segments:  # a parser that could not tell the side leaves the label to read
        return [(s.start, s.end, role_from_label(s.speaker) if s.role == "unknown" and s.speaker
                 else s.role, s.speaker, i) for i, s in enumerate(touchpoint.segments)]
    text = touchpoint.text
    if "<v" in text and (voiced := _voice_turns(text)):
        return voiced
    labels = [m for m in _LABEL.finditer(text)  # "- Sam: send the plan" is an action item, no turn
              if m.group("speaker") is None or not _LISTED.match(m.group("speaker"))
              and "|" not in m.group("speaker")  # "Ticket #4471 | Integration: Zendesk": a form field
              and not _LEAD_IN.match(m.group("speaker"))]
    # a section line says whose words follow, or it is no turn ("-----Original Message-----")
    labels = [m for m in labels if m.group("section") is None or role_from_label(m.group("section")) != "unknown"]
    if touchpoint.channel == "email":  # "陈静：" or "我方要求：" alone on its line greets or heads a list
        labels = [m for m in labels if m.group("speaker") is None
                  or "\n" not in text[m.end("speaker"):m.end()]]
    line_starts = sum(1 for _ in _LINE_START.finditer(text))
    if not labels or len(labels) < max(2, line_starts // 2) \
            and not (touchpoint.channel in ("ticket", "chat", "email")
                     and _both_sides_labelled(labels, ticket=touchpoint.channel == "ticket")):
        role: Role = "rep" if touchpoint.direction == "outbound" else "customer"
        if touchpoint.channel in ("call", "meeting", "chat"):
            role = "unknown"
        if role == "customer" and touchpoint.channel in ("ticket", "email") \
                and ("received" in text or "utomat" in text) and (auto := _AUTO_REPLY.search(text)) is not None:
            # the vendor's automatic acknowledgement, the request it quotes below it
            request = _QUOTED_REQUEST.search(text, auto.end())
            if request is None:
                return [(0, len(text), "agent", None, None)]
            return [(0, request.start(), "agent", None, None), (request.start(), len(text), "customer", None, None)]
        if role == "customer" and (reply := _VENDOR_REPLY.search(text)) is not None:
            # a post and the vendor's public reply below it ("Reply from Touchpoint Social Care:")
            speaker = reply.group(0).strip(" \t:：")
            return [(0, reply.start(), role, None, None), (reply.end(), len(text), "agent", speaker, None)]
        return [(0, len(text), role, None, None)]
    turns: list[tuple[int, int, Role, str | None, int | None]] = []
    ticket = touchpoint.channel == "ticket"
    requesters: set[str] = set()  # names the ticket's requester fields give
    for i, match in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        speaker = (match.group("bracketed") or match.group("speaker") or match.group("header")
                   or match.group("section") or match.group("bhead") or match.group("shead")).strip(" \t—–-")
        speaker = _SQUARE_TAG.sub(r" (\1)", speaker)  # Slack's "Dana Whitlock [Framewise]": the tag
        if match.group("header") is not None:  # "Emily Tran (Vantage IT) | 00:01:20": the bar is no name's
            speaker = (_HEADER_DATE.sub("", speaker) or speaker).rstrip(" \t|·•")
        if speaker[-1:] in ")）" and (entry := _TIMED_ENTRY.match(speaker)):
            speaker = entry.group("who").strip()
        elif speaker[-1:] in ")）" and ":" in speaker:
            speaker = _TAG_TIME.sub("", speaker).strip()
        # a label with its time ("Requester, 3 Apr 2026 09:15:") is a writer's, never a field
        timed = match.group("speaker") is not None and _DIGIT.search(text, match.end("speaker"), match.end())
        kind = field_kind(speaker, text[match.end():end]) if ticket and not timed else None
        if kind == "content":  # a form's "问题：…", "描述：…": the requester's words
            turns.append((match.end(), end, "customer", None, None))
            continue
        if kind == "header" or _HEADER_LABELS.match(speaker):
            # a form's field or heading ("客户：宁波东力模具 俞主管", "主题：…") is metadata; in a
            # ticket the lines under it, up to the next label, are the requester's description,
            # unless the vendor has answered already ("Status: Closed" above the agent's sign-off)
            if ticket:
                requesters |= requester_names(speaker, text[match.end():end])
            answered = any(role in ("agent", "rep") for _, _, role, _, _ in turns)
            cut = text.find("\n", match.end(), end) if ticket and not answered else -1
            if cut < 0 or not text[cut:end].strip():
                turns.append((match.end(), end, "unknown", None, None))
            else:
                turns += [(match.end(), cut, "unknown", None, None), (cut, end, "customer", None, None)]
            continue
        turns.append((match.end(), end, role_from_label(speaker), speaker, None))
    if labels[0].start() > 0 and text[: labels[0].start()].strip():
        # in a ticket whose first labelled turn is the vendor's answer, what comes above it is the request
        opening: Role = "customer" if ticket and turns[0][2] in ("agent", "rep") else "unknown"
        turns.insert(0, (0, labels[0].start(), opening, None, None))
    if touchpoint.channel in ("ticket", "email") and touchpoint.direction != "outbound" \
            and ("received" in text or "utomat" in text) and _AUTO_REPLY.search(text):
        # the help desk's acknowledgement above the request it quotes ("Your request: …") is the vendor's
        turns = [(start, end, "agent", None, index)
                 if speaker is None and role == "customer" and _AUTO_REPLY.search(text, start, end)
                 else (start, end, role, speaker, index) for start, end, role, speaker, index in turns]
    if requesters:  # "Reported by: Mark Delaney, …" then "Mark: …": the requester speaks
        turns = [(start, end, "customer", speaker, index)
                 if role == "unknown" and speaker and speaker.split()[0] in requesters
                 else (start, end, role, speaker, index) for start, end, role, speaker, index in turns]
    return turns


# a help desk's automatic acknowledgement, and the request it quotes ("Your request:", "> …")
_AUTO_REPLY = re.compile(r"\bthis is an? (?:automatic|automated) (?:confirmation|reply|response|acknowledge?ment|message)\b|"
                         r"\bwe(?:'ve| have) (?:received|logged) your (?:request|message|ticket|enquiry|inquiry|email)\b",
                         re.I)
_QUOTED_REQUEST = re.compile(r"^[ \t]*(?:your (?:request|message|enquiry|inquiry|original message|ticket)\s*[:：]|>)",
                             re.I | re.M)


# a WebVTT cue's voice tag: "00:00:07.300 --> 00:00:15.100\n<v Diane Fry>Hi all. So from our side…"
_VOICE = re.compile(r"^[ \t]*<v(?:\.[^\s>]+)?[ \t]+(?P<voice>[^>\n]{1,40})>", re.M)


def _voice_turns(text: str) -> list[tuple[int, int, Role, str | None, int | None]]:
    """The turns of a WebVTT transcript pasted as text, one per voice-tagged cue, up to the blank
    line before the next cue's timing; [] when no line opens with a voice tag."""
    voices = list(_VOICE.finditer(text))
    turns: list[tuple[int, int, Role, str | None, int | None]] = []
    if voices and voices[0].start() > 0:
        turns.append((0, voices[0].start(), "unknown", None, None))  # "WEBVTT" and the first timing
    for i, m in enumerate(voices):
        stop = voices[i + 1].start() if i + 1 < len(voices) else len(text)
        blank = text.find("\n\n", m.end(), stop)
        end = blank if blank >= 0 else stop
        closing = text.rfind("</v>", m.end(), end)
        speaker = m.group("voice").strip()
        turns.append((m.end(), closing if closing >= 0 else end, role_from_label(speaker), speaker, None))
    return turns


def _both_sides_labelled(labels: list[re.Match[str]], *, ticket: bool = False) -> bool:
    """Whether role labels name both sides ("Customer (Renee): …" and "Agent (Kofi): …"): a ticket's
    or thread's turns, however long their bodies, and not a message that happens to hold a colon or
    two (meeting notes list the sides' attendees so: "客户：…" / "我方：…"). In a ticket an agent's
    label below the request is enough ("Organizer message: …" then "Agent reply (Apr 13, 21:40): …")."""
    roles = {role_from_label(label) for m in labels
             if (label := m.group("speaker") or m.group("section") or m.group("bhead"))}
    return ("customer" in roles or ticket and labels[0].start() > 0) and bool(roles & {"rep", "agent"})


def _add(sentences: list[Sentence], text: str, start: int, end: int, role: Role,
         speaker: str | None, index: int | None) -> None:
    raw = text[start:end]
    stripped = raw.strip()
    if stripped and (stripped[0].isalnum() or _WORD.search(stripped)):
        offset = start + len(raw) - len(raw.lstrip())
        sentences.append(Sentence(stripped, offset, offset + len(stripped), role, speaker, index))


def split_sentences(touchpoint: Touchpoint, low: str | None = None) -> list[Sentence]:
    """Every non-empty sentence, in order, with exact offsets into touchpoint.text; `low` is the
    text already lowercased by `cues.lowered`, when the caller has it."""
    text = touchpoint.text
    sentences: list[Sentence] = []
    turns = _turns(touchpoint)
    for start, end, role, speaker, index in turns:
        cursor = start
        for match in _BOUNDARY.finditer(text, start, end):
            at, after = match.span()
            if text[at] == "." and at - cursor <= MAX_ITEM_NUMBER_CHARS \
                    and _ITEM_NUMBER.fullmatch(text, cursor, after):
                continue  # "1. 本周五前提供…": a list item's number starts its sentence
            stop = at if text[at] == "\n" else after  # a line break is dropped, punctuation kept
            if stop > cursor:
                _add(sentences, text, cursor, stop, role, speaker, index)
            cursor = after
        if cursor < end:
            _add(sentences, text, cursor, end, role, speaker, index)
    if "【" in text or "[" in text or "eply from" in text or "回复" in text:
        _section_speakers(sentences)
    if touchpoint.channel == "meeting":
        _attendee_roles(sentences, text)
    if touchpoint.language == "zh" or _CJK_TEXT.search(text, 0, 200):
        _alias_roles(sentences)
    infer_roles(sentences, touchpoint.channel, _organisations(sentences))
    if touchpoint.channel in ("chat", "meeting"):
        _prefix_roles(sentences)
    if says_internal(touchpoint) and not any(role == "customer" for _, _, role, _, _ in turns):
        for s in sentences:  # "Internal pipeline review": everyone in the room is the vendor's
            s.role = "rep"
    _mark_quoted(text, sentences, turns)
    masks = mark(lowered(text) if low is None else low, [s.start for s in sentences],
                 [s.end for s in sentences])
    for s, cues in zip(sentences, masks, strict=True):
        s.cues = cues
    return sentences
