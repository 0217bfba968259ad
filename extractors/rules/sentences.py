"""Sentences with offsets, speaker and role: the unit every rule looks at.

Touchpoints from the parsers carry segments (speaker turns, messages). Text that arrives without
segments (an eval item, an API payload) is split into turns from "Speaker: text" lines, with roles
guessed from common labels (Rep, Agent, Customer, 销售, 客服, 客户). Speakers known only by name
get a role from what they say (`infer_roles`): "your product", "你们的系统" is the customer;
"our engineer", "我司", agent boilerplate is the vendor. Sentences below a reply header
("On … wrote:", "-----原始邮件-----", "在 … 写道：") or on "> " lines are marked `quoted`: an
earlier message, not this touchpoint's news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models import Role, Touchpoint
from extractors.rules.cues import lowered, mark
from extractors.rules.folding import fold, gated

# where a sentence ends: its closing punctuation (kept), or a line break (dropped). Written as
# "[。！？!?；;]+|\.(?=\s|$)|\n" reads, but opening on one class of the characters it can begin
# with, so the matcher scans for them in its fast loop rather than trying every position
_BOUNDARY = re.compile(r"[。！？!?；;.\n](?:(?<=[。！？!?；;])[。！？!?；;]*|(?<=\.)(?=\s|$)|(?<=\n))")
_STAMP = (r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?|"
          r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?")
# "Speaker: text", optionally after a timestamp ("[10:32] 客服小美：…", "2026-03-02 10:32 Dana: …"),
# or a header line "窦敏 2026/3/12 10:10" whose message follows on the next lines
_LABEL = gated(re.compile(
    rf"^[ \t]*(?:[\[(](?:{_STAMP})[\])][ \t]*|(?:{_STAMP})[ \t]+)?"
    rf"(?:(?P<speaker>[^:：\n\[\]]{{1,30}}?|[^:：\n\[\]()（）]{{1,30}}?\s*[（(][^()（）\n:：]{{1,40}}[)）])"
    rf"\s*[:：]\s*(?=\S)"
    rf"|(?P<header>[^\s:：\d\[\]][^\n:：]{{0,20}}?)[ \t]+(?:{_STAMP})[ \t]*\n)", re.M))
_REP_LABELS = fold(re.compile(r"^(rep|sales|salesperson|sales rep|ae|account executive|seller|vendor|"
                         r"销售|销售代表|顾问|客户经理|我方|我司)\b", re.I))
_AGENT_LABELS = fold(re.compile(r"^(agent|support|support agent|客服|坐席|技术支持)\b", re.I))
_CUSTOMER_LABELS = fold(re.compile(r"^(customer|client|prospect|buyer|caller|user|客户|买方|用户|来电)\b",
                              re.I))


_QUOTE_HEADER = gated(re.compile(
    r"^(?:On .{4,200}wrote:|-{2,}\s*(?:Original Message|Forwarded message|原始邮件|转发的邮件)\s*-{2,}|"
    r"在.{2,80}写道[:：]|From: .+\n(?:Sent|Date): |发件人[:：].+\n)", re.M))
_VENDOR_SPEECH = fold(re.compile(
    r"\b(?:our (?:product|platform|tool|app|engineers?|support (?:team|engineer)|solutions? "
    r"engineer|implementation|pricing|enterprise plan|pro plan|quote|proposal|roadmap|customers|"
    r"data residency|docs?|documentation|cto|csm|onboarding)|thanks for (?:reaching out|"
    r"contacting|calling|joining|your patience|the time|making time|hopping on)|how can I help|"
    r"sorry (?:for|about) (?:the|that)|I've (?:escalated|reproduced|checked|added|updated)|"
    r"(?:I'll|I will|we'll|we will) (?:send|share|get) you|the quote is|we (?:support|offer|"
    r"have a (?:native|built-in))|your (?:account|ticket|order|workspace|trial|renewal|team's|"
    r"feedback|data|seats|invoice|subscription))\b"
    r"|我司|我们的(?:产品|系统|平台|工程师|技术|方案|报价)|有什么可以帮您|非常抱歉|抱歉|给您(?:开通|发|安排|申请)|"
    r"您的(?:工单|订单|账号|问题|需求)|已经?(?:升级给|帮您|为您)|我这边(?:帮您|给您|为您)|^您好|(?:^|[，,。！!\s]|是|都|也)支持的|"
    r"可以的|没问题|(?:经理|总|老师|先生|女士|姐|哥)(?:您|你)好", re.I))
_CUSTOMER_SPEECH = fold(re.compile(
    r"\b(?:your (?:product|platform|tool|app|system|pricing|team|engineers?|support|sales|demo|"
    r"company|software|solution|crm|api|quote|price|contract|docs)|you guys|do you (?:support|"
    r"have|offer)|we(?:'re| are) (?:currently )?(?:on|using)|we (?:use|budgeted|signed|bought|"
    r"need|want)|our (?:reps|agents|sales team|boss|cfo|ceo|it|it team|budget|renewal|contract|"
    r"company|compliance|finance|procurement|managers?|users|staff|forecast)|my (?:boss|team|"
    r"manager))\b"
    r"|你们的|你们那边|你们家|你们(?:系统|产品|报价|价格|能不能|支持|有没有)|贵司|我们公司|我们(?:老板|领导|财务|IT|it)|"
    r"我们现在用|我们目前用|预算|能不能|多少钱|对不上|登不上|用不了|打不开|一直在催|很着急|影响到", re.I))
# a ticket's or email's header line ("Subject: …", "主题：…") is not a speaker turn
_HEADER_LABELS = re.compile(r"^(?:subject|re|fwd?|title|topic|ticket|主题|标题|主旨|工单)$", re.I)
# "Name (tag)": a tag that opens with a vendor-side word or job ("周敏（我方项目经理）", "Sam (AE)",
# "Jordan (CSM)", "Lee (Solutions Engineer)") is the rep; any other tag names the customer's side
# ("Nadia (VP Sales, Ledgerly)", "郑浩（润丰医药IT）")
_TAG = gated(re.compile(r"[（(]([^)）]{1,40})[)）]\s*$"))
_VENDOR_TAG = re.compile(
    r"^\s*(?:我方|我司|本司|乙方|原厂|技术支持|客户成功|客户经理|实施|售前|售后|客服|(?:销售(?:代表|顾问)?|sales)\s*$|"
    r"(?:our (?:side|team|company)|us|vendor|rep|sales rep|ae|sdr|bdr|csm|se|am|tam|"
    r"account (?:executive|manager)|solutions? (?:engineer|consultant|architect)|sales engineer|"
    r"customer success|implementation|onboarding|support)\b)", re.I)
_LINE_START = gated(re.compile(r"^\s*\S", re.M))
_WORD = gated(re.compile(r"\w"))
ROLE_MARGIN = 2  # how many more cues one side needs before a named speaker gets its role


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


def role_from_label(label: str) -> Role:
    if _REP_LABELS.match(label):
        return "rep"
    if _AGENT_LABELS.match(label):
        return "agent"
    if _CUSTOMER_LABELS.match(label):
        return "customer"
    tag = _TAG.search(label)
    if tag is None:
        return "unknown"
    return "rep" if _VENDOR_TAG.match(tag.group(1)) else "customer"


def infer_roles(sentences: list[Sentence], channel: str = "call") -> None:
    """Give named speakers of unknown role the side their words show, in place.

    Each speaker's words score vendor cues minus customer cues. With two unknown speakers the
    higher score is the rep; a tie goes to who spoke first (the customer opens a chat, ticket or
    email thread; the rep runs a call or meeting). Otherwise a speaker needs ROLE_MARGIN; when
    every other speaker is then known and on one side, a last unknown speaker takes the other.
    """
    votes: dict[str, int] = {}
    known: dict[str, Role] = {}
    for s in sentences:
        if s.speaker is None:
            continue
        if s.role != "unknown":
            known[s.speaker] = s.role
            continue
        votes[s.speaker] = votes.get(s.speaker, 0) + (
            len(_VENDOR_SPEECH.findall(s.text)) - len(_CUSTOMER_SPEECH.findall(s.text)))
    if not votes:
        return
    if len(votes) == 2 and not known:
        (first, a), (second, b) = votes.items()
        if a == b:
            opener_is_customer = channel in ("chat", "ticket", "email")
            a, b = (0, 1) if opener_is_customer else (1, 0)
        known[first], known[second] = ("rep", "customer") if a > b else ("customer", "rep")
    for speaker, score in votes.items():
        if speaker not in known and abs(score) >= ROLE_MARGIN:
            known[speaker] = "rep" if score > 0 else "customer"
    unknown = [speaker for speaker in votes if speaker not in known]
    sides = {"customer" if role == "customer" else "rep" for role in known.values()}
    if len(unknown) == 1 and len(sides) == 1:
        known[unknown[0]] = "rep" if sides == {"customer"} else "customer"
    for s in sentences:
        if s.role == "unknown" and s.speaker in known:
            s.role = known[s.speaker]


def _mark_quoted(text: str, sentences: list[Sentence],
                 turns: list[tuple[int, int, Role, str | None, int | None]]) -> None:
    headers = [m.start() for m in _QUOTE_HEADER.finditer(text)] if ("wrote" in text or "写道" in text
               or "--" in text or "From:" in text or "发件人" in text) else []
    for s in sentences:
        if s.text.startswith((">", "＞")):
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
    labels = list(_LABEL.finditer(text))
    line_starts = sum(1 for _ in _LINE_START.finditer(text))
    if not labels or len(labels) < max(2, line_starts // 2):
        role: Role = "rep" if touchpoint.direction == "outbound" else "customer"
        if touchpoint.channel in ("call", "meeting", "chat"):
            role = "unknown"
        return [(0, len(text), role, None, None)]
    turns: list[tuple[int, int, Role, str | None, int | None]] = []
    for i, match in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        speaker = (match.group("speaker") or match.group("header")).strip()
        if _HEADER_LABELS.match(speaker):
            turns.append((match.end(), end, "unknown", None, None))
            continue
        turns.append((match.end(), end, role_from_label(speaker), speaker, None))
    if labels[0].start() > 0 and text[: labels[0].start()].strip():
        turns.insert(0, (0, labels[0].start(), "unknown", None, None))
    return turns


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
            stop = at if text[at] == "\n" else after  # a line break is dropped, punctuation kept
            if stop > cursor:
                _add(sentences, text, cursor, stop, role, speaker, index)
            cursor = after
        if cursor < end:
            _add(sentences, text, cursor, end, role, speaker, index)
    infer_roles(sentences, touchpoint.channel)
    _mark_quoted(text, sentences, turns)
    masks = mark(lowered(text) if low is None else low, [s.start for s in sentences],
                 [s.end for s in sentences])
    for s, cues in zip(sentences, masks, strict=True):
        s.cues = cues
    return sentences
