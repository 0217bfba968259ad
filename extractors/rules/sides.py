"""Which side a named speaker is on, in a meeting of several people known only by name.

Real meeting and call transcripts (Zoom, Teams, Otter exports) label turns with names, not roles,
and a sales or rollout meeting often has three to six people: two from the vendor, several from
the customer. `sentences.infer_roles` scores each speaker's words; this module adds what tells
the sides apart when there are more than two of them:

- whose things a speaker talks about: "your staff / your clinics / 你们门店" is the vendor speaking
  of the customer's organisation, "our staff / our clinics / 我们门店" the customer speaking of its
  own; "let me share my screen", "给您开通" is the vendor at work;
- who asks whom: a turn that asks the other side to do something ("Could you send the slides?",
  "麻烦发一下录屏") answered at once by a yes and a promise ("Sure, I'll send them today", "好的，
  我今天发") puts the asker and the answerer on opposite sides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from extractors.rules.folding import fold, gated

if TYPE_CHECKING:
    from extractors.rules.sentences import Sentence

_ORG = (r"staff|sites?|clinics?|stores?|branches|locations|admins?|front desk|warehouses?|drivers|"
        r"technicians|nurses|doctors|teachers|patients|members|field team|ops team|operations|"
        r"it (?:team|department|folks)|security team|legal team|finance team|end users|"
        r"sales reps|agents|call center|helpdesk|help desk|department|plant|factory|"
        r"rollout|go-live|migration|use case|requirements|current process|workflow")
_VENDOR_MORE = fold(re.compile(
    rf"\b(?:your (?:{_ORG})|"
    r"thanks,? (?:everyone|all|you all|both|guys|folks)[, ]+for (?:joining|coming|making time|your time)|"
    r"let me (?:share my screen|show you|walk you through|pull up)|walk (?:you|everyone|you all) through|"
    r"(?:I|we)(?:'ll| will| can) (?:set (?:it |that |this |them )?up|configure|enable|turn on|provision|"
    r"activate|raise|whitelist) (?:[\w-]+ ){0,4}for (?:you|your)\b|"
    # the seller at work: discovery, apology, quotes and seats, what the product does
    r"thanks for making (?:the )?time|so sorry\b|sorry (?:about that|to hear|for the (?:trouble|"
    r"inconvenience|delay|wait))|how (?:are|do) you (?:currently |guys )?(?:track|handle|manage|run|"
    r"schedule|book)(?:ing)? |(?:at|for) your (?:size|stage|volume)\b|"
    r"(?:I|we)(?:'ll| will) (?:put together|send|prepare|draft|get) (?:you )?(?:a|an|the|your) "
    r"(?:[\w-]+ ){0,3}(?:proposal|quote|order form|invoice|contract)|(?:I|we)(?:'ll| will| can) (?:add|"
    r"provision|activate) (?:\d+|the|your|a|an) (?:[\w-]+ )?(?:seats?|licen[cs]es?|users?)\b|"
    r"(?:I|we)(?:'ll| will) get (?:a|an|our) (?:tech|technician|engineer|installer)\b|"
    r"we (?:sync|integrate|push|connect)\b|(?:raise|increase|lift|bump) (?:the|your) (?:api|rate|usage) "
    r"(?:limit|quota|cap)|(?:sandbox|trial|demo) (?:account|workspace|environment|tenant)s? for you\b|"
    # the vendor taking a question home: "let me go back to engineering", "I'll take it back to product"
    r"(?:go|take (?:it|this|that)) back to (?:our |the )?(?:engineering|product(?: team)?|dev team|r&d|engineers)\b|"
    # the seller's trade: what it sends or has sent over, holds, ships and prices, its own managers
    # and other customers, the cost it bears, and its discovery questions
    r"(?:I|we)(?:'ll| will| can)? (?:have|get|send|email|put together) (?:you |over )?(?:the |a |an |our |your )?"
    r"(?:[\w-]+ ){0,3}(?:quotes|case study|price list|linesheet|tracking (?:link|number)|install(?:ation)? package|"
    r"sample recap|order confirmation)\b|(?:I|we)(?:'ll| will) price (?:it|that|this|them) up|"
    r"\bat our (?:cost|expense)|our (?:service|ops|operations|account|sales|delivery|technical|regional) "
    r"(?:manager|director|lead)\b|one of our (?:[\w-]+ ){0,2}(?:customers|clients)|(?:is|are) back in stock|"
    r"want (?:one|it|them) (?:held|put aside|reserved)|(?:I'll|I will|I can|we can) (?:hold|put (?:it|one|them) "
    r"aside)|(?:we're|we are) going to ship|bump you (?:up|from|to)|prorate|"
    r"tell me how (?:[\w-]+ ){0,3}(?:come in|work|works)|where do (?:the |your )?(?:[\w-]+ ){1,2}live today|"
    r"your team (?:sells?|records?|runs?|uses?) \b)"
    r"|给(?:您|你们)(?:开通|配置|配|安排|演示|培训|申请|调)|帮(?:您|你们)(?:开通|配|调|处理|查|看一下)|"
    r"你们(?:的)?(?:门店|同事|员工|管理员|业务场景|需求|财务那边|IT那边)|贵司的|我们(?:产品|系统|平台)(?:支持|可以|能)",
    re.I))
_CUSTOMER_MORE = fold(re.compile(
    rf"\b(?:our (?:{_ORG})|we(?:'re| are) still (?:doing|booking|tracking|using|on|stuck)|"
    r"we've been (?:having|seeing|getting|struggling)|(?:does|can|will) (?:your|the) (?:system|"
    r"product|platform|tool|app|software) |how much (?:does|would|will) (?:it|this|that) cost|"
    r"what would (?:it|this|that) cost|"
    # the buyer: seats wanted, tools tried or left, a verdict on the demo, chasing the vendor
    r"(?:need|want|'d like|would like) (?:\d+|a few|some|two|three|four|five|ten) (?:more |extra |"
    r"additional )?(?:seats|licen[cs]es|users|logins)\b|we (?:tried|just renewed|renewed with|are moving|"
    r"'re moving|switched|went with)\b|(?:I'm|we're|I am|we are) sold\b|looks promising|"
    r"(?:that'd|that would) be huge|where are we on\b|what's the fix\b|"
    # the buyer's people still doing it the old way: "my traffic team is still reconciling by hand"
    r"(?:my|our) (?:[\w-]+ )?team (?:is|are) still\b|still (?:[\w-]+ ){1,5}?by hand\b|"
    # the buyer reporting a fault again: "sync is failing again", "the 3rd time this month"
    r"(?:is|are|keeps?|kept) (?:failing|crashing|timing out)\b|"
    r"(?:\d(?:st|nd|rd|th)|second|third|fourth|fifth) time (?:this|in a|in the last) (?:week|month)\b|"
    # the buyer's trade: it asks for the paperwork, signs and pays, orders again, reports the vendor's slips
    r"(?:send|email) me (?:the |a |an |your )?(?:[\w-]+ ){0,2}(?:paperwork|quote|invoice|contract|order form|"
    r"cost sheet|pricing|report)\b|(?:I'll|I will|we'll|we will) (?:pay|get it signed|sign it)\b|"
    r"(?:I'll|I will|we'll|we will) (?:send|email|get|share) you (?:over )?(?:the |our |my |a |an |those |these )?"
    r"(?:[\w-]+ ){0,2}(?:(?:asset|user|staff|employee|device|serial|guest|attendee|traveler|passenger|student|"
    r"member|site|store) list|logs|exports?|headcount|po|purchase order|credentials|readings)\b|"
    r"\bdeposit\b|(?:I've|we've|I have|we have) got sign-?off|the boss wants|my line (?:stops|is down)|"
    r"(?:second|third|fourth) slip\b|(?:that|the) [\w-]+(?: [\w-]+)? you did\b|we (?:looked at|trialled|trialed) "
    r"[A-Z]|the quote was\b|can (?:I|we) (?:pick (?:it |them )?up|collect)\b|can we add \d+ (?:more )?(?:seats|"
    r"licen[cs]es|users)|we'll want the same\b|(?:we have|we've got) \d+ (?:[\w-]+ )?(?:laptops|machines|devices|"
    r"users|stores|sites|trucks|vehicles|clinics)\b)"
    r"|我们(?:这边的?)?(?:门店|同事|员工|客服|业务员|销售团队|财务|老板|领导|管理员|仓库|工厂|车间)|"
    r"你们(?:的)?(?:系统|产品|平台|软件|报价)|能不能帮我们|给我们(?:报|发|开|演示|培训)",
    re.I))
# a turn that asks the other side to act, and the yes-and-promise that answers it at once
_ASKS = re.compile(r"^(?:(?:so|and|also|ok(?:ay)?|great|then)[, ]+)?(?:(?:could|can|would|will) you\b"
                   r"|please\b|pls\b)|^(?:那)?(?:麻烦|请(?!问)|能不能|能否|可以)(?:您|你|你们)?[^，,。]{0,12}"
                   r"(?:发|给|安排|开通|寄|提供|准备|约)", re.I)
_ANSWERS = re.compile(r"^(?:sure|of course|absolutely|definitely|will do|yes|yep|yeah|happy to|no problem|"
                      r"(?:I|we)(?:'ll| will| can)\b)|^(?:好的|好|没问题|可以|行|收到|马上)", re.I)


def org_votes(text: str) -> tuple[int, int]:
    """(vendor, customer) cues in `text` about whose organisation and product the speaker means."""
    return len(_VENDOR_MORE.findall(text)), len(_CUSTOMER_MORE.findall(text))


def opposed_pairs(sentences: Sequence[Sentence]) -> list[tuple[str, str]]:
    """(asker, answerer) for each turn that ends in an ask and is answered at once, in the next
    turn's first sentence, by a yes or a promise."""
    pairs = []
    for prev, s in zip(sentences, sentences[1:], strict=False):
        if prev.speaker is None or s.speaker is None or prev.speaker == s.speaker:
            continue
        if _ANSWERS.match(s.text.lstrip()) and _ASKS.match(prev.text.lstrip()):
            pairs.append((prev.speaker, s.speaker))
    return pairs


# a tag part that is a job or a department, not an organisation: "CFO", "VP Sales", "Inside Sales",
# "Sales Manager", "财务", "IT负责人"
_TITLE = re.compile(
    r"\b(?:senior|sr|junior|jr|chief|head|vp|svp|evp|avp|director|manager|lead|principal|"
    r"ceo|cfo|cto|coo|cio|ciso|cmo|cro|it|ops|operations|finance|procurement|purchasing|legal|"
    r"security|hr|admin|administrator|engineer|engineering|developer|analyst|founder|co-founder|"
    r"owner|president|partner|consultant|coordinator|specialist|officer|buyer|host|guest|"
    r"moderator|interpreter|assistant|intern|contractor|sales|marketing|support|success|"
    r"facilitator|team|ae|se|csm|sdr|bdr|tam)\b"
    r"|总|经理|总监|主管|负责人|专员|财务|采购|法务|老板|创始人|工程师|运营|行政|助理|主任|组长|店长|老师|销售|客服|"
    r"(?-i:IT)|技术|实施|售前|售后",  # (IT in capitals only: "Kite", "Verity" hold no job)
    re.I)
# a label's closing tag: "Greg (Northwind Clinics)", "周敏（我方项目经理）" (sentences reads it too)
TAG = gated(re.compile(r"[（(]([^)）]{1,40})[)）]\s*$"))


# a job only the vendor's people hold towards a customer, anywhere in a tag: "Amir (Brightloop
# Support)", "Laura (Corvane, Account Director)", "Greg (Quill CSM)"; a customer's "IT support" is not
_VENDOR_JOB = re.compile(
    r"\b(?:(?<!\bit )support|csm|customer success|account (?:executive|manager|director)|ae|tam|"
    r"technical account manager|solutions? (?:engineer|architect|consultant)|sales engineer|"
    r"implementation|onboarding|deal desk|engagement manager|account mgr|key account|client services|"
    r"(?:dealer|client|partner) success|bid manager)\b", re.I)
# a tag that starts with a person's name because the label has none: "Speaker 1 (Alex, Brightpath)",
# "Rep (Anika, Stackwise)"
_NAMELESS_LABEL = re.compile(r"^\s*(?:speaker|participant|attendee|guest|caller|rep|customer|client|agent|"
                             r"consultant|host)[\s_]*\d*\s*[（(]", re.I)
# words after a company's name that say the job or team, not the company: "Brightloop Support",
# "Fieldstack CRO", "Northpeak SDR Mgr", "Ferrovia IT"
_JOB_WORD = re.compile(r"(?:mgr|sdr|bdr|revops|enablement|billing|tier|on-call|noc|desk|care|\d+)$", re.I)
# first words that are a team or a rank, never a company: "Inside Sales", "Customer Success Lead"
_NOT_A_COMPANY = frozenset({"inside", "outside", "field", "regional", "global", "customer", "client",
                            "account", "product", "delivery", "project", "program", "technical",
                            "general", "deputy", "executive", "office", "practice", "service",
                            "kitchen", "front", "warehouse", "store", "plant", "head", "business"})


def is_vendor_job(tag: str) -> bool:
    """Whether a label's tag names a job only the vendor's side holds ("Brightloop Support")."""
    return _VENDOR_JOB.search(tag) is not None


def organisation_of(label: str) -> str | None:
    """The organisation a "Name (Company)" or "Name (Title, Company)" label names, lowercased;
    None when the tag is a job or a department ("Dana (CFO)") or there is no tag. A company
    named before a job ("Amir (Brightloop Support)") is the company."""
    tag = TAG.search(label)
    if tag is None:
        return None
    parts = [part.strip() for part in re.split(r"[,，、/|@]| at ", tag.group(1))]
    if len(parts) > 1 and _NAMELESS_LABEL.match(label):
        parts = parts[1:]  # "Speaker 2 (Jo, Routekit)": Jo is the speaker, Routekit the company
    for part in parts:
        if _CJK_SIDE_WORD.match(part):
            continue  # "集成商，华信科技": the side, then the company
        if (company := _company_before_job(part)) is not None:
            return company.casefold()
        if part and not _TITLE.search(part):
            return part.casefold()
        if (company := _cjk_company_before_job(part)) is not None:
            return company
    return None


# a side's own word, never a company: "客户IT", "我方实施", "集成商"
_CJK_SIDE_WORD = re.compile(r"^(?:客户|我方|我司|本司|贵司|贵方|甲方|乙方|厂商|供应商|集成商|对方|双方)")


def _cjk_company_before_job(part: str) -> str | None:
    """"云帆" in "云帆技术", "润丰医药" in "润丰医药IT", "汇通" in "汇通 客服运营": a Chinese tag
    names its company first and the job or team after it."""
    title = _TITLE.search(part)
    if title is None or not "\u4e00" <= part[:1] <= "\u9fff":
        return None
    company = part[:title.start()].strip()
    if len(company) < 2 or _CJK_SIDE_WORD.match(company) or _TITLE.search(company):
        return None
    return company


def _company_before_job(part: str) -> str | None:
    """"Brightloop" in "Brightloop Support": capitalised words, then only job words."""
    words = part.split()
    if len(words) < 2 or not part.isascii():
        return None
    k = 0
    while k < len(words) and words[k][:1].isupper() and not _TITLE.fullmatch(words[k]) \
            and not _JOB_WORD.fullmatch(words[k]):
        k += 1
    rest = words[k:]
    if not k or not rest or words[0].casefold() in _NOT_A_COMPANY \
            or not all(_TITLE.fullmatch(w) or _JOB_WORD.fullmatch(w) for w in rest):
        return None
    return " ".join(words[:k])


# a request that names whom it asks: "Femi, can you pull last week's jobs?", "Jody can you book the
# room?", "could you send the file, Marco?"
_VOCATIVE = re.compile(r"^(?:(?i:and|so|ok(?:ay)?|great|also|then|oh)[, ]+)?(?P<name>[A-Z][a-z]+),?\s+"
                       r"(?=(?:can|could|would|will|please|pls)\b)|,\s*(?P<last>[A-Z][a-z]+)\s*\?$")


def addressee_role(sentence: Sentence, sentences: Sequence[Sentence], text: str = "") -> str | None:
    """The side of the speaker a request names ("Femi, can you…" to a colleague is Femi's side, not
    the other side's), or None when it names no known speaker. A name that says nothing in words
    (a 👍 only, or not yet) is the speaker's colleague when its label in `text` names the speaker's
    own company ("Gary (Kestrel Builders): 👍")."""
    said = _VOCATIVE.search(sentence.text) if sentence.text[:1].isupper() or "," in sentence.text else None
    if said is None:
        return None
    name = said.group("name") or said.group("last")
    for s in sentences:
        if s.speaker and s.role != "unknown" and s.speaker != sentence.speaker \
                and _first_name(s.speaker) == name:
            return "customer" if s.role == "customer" else "rep"
    if not text or not sentence.speaker or sentence.role == "unknown" \
            or (own := organisation_of(sentence.speaker)) is None:
        return None
    for label in re.finditer(rf"^[ \t]*{re.escape(name)}\b[^\n:：]{{0,40}}?(?=[:：])", text, re.M):
        if organisation_of(label.group(0).strip()) == own:
            return "customer" if sentence.role == "customer" else "rep"
    return None


def _first_name(label: str) -> str:
    """"Femi" of "Femi Adeyemi" and of "Speaker 3 (Femi, Brightpath Movers)"."""
    if _NAMELESS_LABEL.match(label) and (tag := TAG.search(label)):
        label = tag.group(1)
    return label.split(maxsplit=1)[0].rstrip(",") if label.strip() else ""
