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
    r"activate|raise|whitelist) (?:[\w-]+ ){0,4}for (?:you|your)\b)"
    r"|给(?:您|你们)(?:开通|配置|配|安排|演示|培训|申请|调)|帮(?:您|你们)(?:开通|配|调|处理|查|看一下)|"
    r"你们(?:的)?(?:门店|同事|员工|管理员|业务场景|需求|财务那边|IT那边)|贵司的|我们(?:产品|系统|平台)(?:支持|可以|能)",
    re.I))
_CUSTOMER_MORE = fold(re.compile(
    rf"\b(?:our (?:{_ORG})|we(?:'re| are) still (?:doing|booking|tracking|using|on|stuck)|"
    r"we've been (?:having|seeing|getting|struggling)|(?:does|can|will) (?:your|the) (?:system|"
    r"product|platform|tool|app|software) |how much (?:does|would|will) (?:it|this|that) cost|"
    r"what would (?:it|this|that) cost)"
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
    r"facilitator|team)\b"
    r"|总|经理|总监|主管|负责人|专员|财务|采购|法务|老板|创始人|工程师|运营|行政|助理|主任|组长|店长|老师|销售|客服|"
    r"IT|技术|实施|售前|售后",
    re.I)
# a label's closing tag: "Greg (Northwind Clinics)", "周敏（我方项目经理）" (sentences reads it too)
TAG = gated(re.compile(r"[（(]([^)）]{1,40})[)）]\s*$"))


def organisation_of(label: str) -> str | None:
    """The organisation a "Name (Company)" or "Name (Title, Company)" label names, lowercased;
    None when the tag is a job or a department ("Dana (CFO)") or there is no tag."""
    tag = TAG.search(label)
    if tag is None:
        return None
    parts = [part.strip() for part in re.split(r"[,，、/|@]| at ", tag.group(1))]
    organisation = next((part for part in parts if part and not _TITLE.search(part)), None)
    return organisation.casefold() if organisation else None
