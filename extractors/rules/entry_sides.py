"""The side a chat or ticket entry speaks for, where the speaker's role says otherwise or nothing.

Whose step a promise is follows its speaker's side, and in support tickets and business chats the
labels say more than the words the roles are scored from:

- a ticket entry's own header names the staff or the requester: "Owen (Support, Apr 2):",
  "Internal note (Tier 1, …):", "Reply sent to seller (…):", "[13 Apr 06:40] SOC Analyst (Yusuf):"
  are the vendor's; "Message from seller:", "Client (Ross Innes, …):" and the person the form
  names as "Requester:" are the customer's;
- a business chat is titled by the business whose channel it is ("WhatsApp - Bayside Pest
  Solutions", "Deskworks Live Chat"): a speaker labelled with that name is the vendor, and with
  the vendor's speaker known, the one other person is the customer;
- in a chat whose only other people are customers, a named speaker of unknown role is the agent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.models import Touchpoint
from extractors.rules.next_step_clauses import side_of
from extractors.rules.sentences import Sentence

__all__ = ["entry_sides"]

_STAFF = re.compile(r"\b(?:support|agent|analyst|engineer|technician|specialist|internal note|reply sent|"
                    r"response sent|product team|tier \d|helpdesk|help desk|service desk|escalations?|"
                    r"site manager|dispatcher|advisor|rep)\b|客服|技术支持|售后|工程师|内部备注|坐席|官方回复", re.I)
_REQUESTER = re.compile(r"\b(?:client|customer|requester|reporter|message from|submitted by|seller|member|"
                        r"caller|visitor|guest)\b|提交人|报修人", re.I)
_REQUESTER_FIELD = re.compile(r"^[ \t]*(?i:requester|requested by|submitted by|reported by|customer|contact)"
                              r"[ \t]*:[ \t]*(?P<name>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)", re.M)
# a header line of an entry whose words sit on the lines after it: "[13 Apr 06:40] SOC Analyst (Yusuf):"
_HEADER = re.compile(r"^[ \t]*(?:\[[^\]\n]{1,30}\][ \t]*)?(?P<label>[^\n:]{2,60}?)[ \t]*(?::|[ \t][—–-][ \t]*[^\n:]{1,20})[ \t]*$",
                     re.M)  # "Product team (Ayesha) — Mar 12"
# a chat export's header line: "Hamish Grant [Wavelength Music, Head of Support] 5:02 PM"
# a Chinese ticket's entry header, a label and a date alone on a line: "客服（阿诚）4/4", "卢佳 4/7"
_ZH_HEADER = re.compile(r"^[ \t]*(?P<label>[\u4e00-\u9fff][^\n:：，。]{0,20}?)[ \t]*\d{1,2}[/月]\d{1,2}日?[ \t]*$", re.M)
_CHAT_HEADER = re.compile(r"^[ \t]*[A-Z][\w' .-]{1,40}?[ \t]*[\[(](?P<tag>[^\])\n]{2,60})[\])][ \t]*"
                          r"(?:\d{1,2}:\d{2}(?:[ \t]*[AP]M)?)?[ \t]*$", re.M | re.I)
_CHAT_TITLE = re.compile(r"^\W*(?:(?:business |website |web |live |team |teams )*(?:whatsapp|chat|messenger|sms|"
                         r"instagram(?: dm)?)\s*[-–—:|]\s*(?P<after>[^\n(]{3,60})|(?P<before>[^\n-]{3,60}?)\s+"
                         r"(?:live chat|web chat|website chat|chat))", re.I)
_NOT_A_PERSON = re.compile(r"\b(?:bot|system|auto|automated)\b|自动回复|机器人|系统消息", re.I)
MAX_HEADER_LOOKBACK = 600  # characters back to the header line of an entry


def entry_sides(sentences: Sequence[Sentence], touchpoint: Touchpoint) -> dict[int, str]:
    """Index of a sentence -> "rep" or "customer", for the sentences whose side the labels say
    and their role does not; {} outside tickets and chats."""
    if touchpoint.channel == "ticket":
        return _ticket_sides(sentences, touchpoint)
    if touchpoint.channel == "chat":
        return _chat_sides(sentences, touchpoint)
    return {}


def _side_of_label(label: str, requester: str | None) -> str | None:
    if requester and label.startswith(requester):
        return "customer"
    if _STAFF.search(label):
        return "rep"
    if _REQUESTER.search(label):
        return "customer"
    return None


def _ticket_sides(sentences: Sequence[Sentence], touchpoint: Touchpoint) -> dict[int, str]:
    text = touchpoint.text
    field = _REQUESTER_FIELD.search(text)
    requester = field.group("name") if field else None
    sides: dict[int, str] = {}
    for i, s in enumerate(sentences):
        line = text[text.rfind("\n", 0, s.start) + 1 : s.start]
        side: str | None
        if ":" in line and _STAFF.search(line.split(":", 1)[0]):
            side = "rep"  # "Internal note (Feb 27, R. Gomez): Fix targeted…", on the note's own line
        elif s.speaker is not None:
            side = _side_of_label(s.speaker, requester)
        else:
            side = None
            window = max(0, s.start - MAX_HEADER_LOOKBACK)
            headers = sorted([*_HEADER.finditer(text, window, s.start), *_ZH_HEADER.finditer(text, window, s.start)],
                             key=lambda m: m.start())
            if headers and not text[headers[-1].end():s.start].count("\n\n"):
                side = _side_of_label(headers[-1].group("label").strip(), requester)
        if side is not None and side != side_of(s, touchpoint):
            sides[i] = side
    return sides


def _chat_sides(sentences: Sequence[Sentence], touchpoint: Touchpoint) -> dict[int, str]:
    text = touchpoint.text
    people = {s.speaker: s.role for s in sentences if s.speaker and not _NOT_A_PERSON.search(s.speaker)}
    title = _CHAT_TITLE.match(text)
    business = (title.group("after") or title.group("before")).split()[0].casefold() if title else ""
    named: dict[str, str] = {}
    if business and len(business) > 2:
        vendor = [p for p in people if p.casefold().startswith(business) or f"({business}" in p.casefold()]
        if len(vendor) == 1:
            named[vendor[0]] = "rep"
            others = [p for p in people if p != vendor[0]]
            if len(others) == 1:
                named[others[0]] = "customer"
    unknown = [p for p, role in people.items() if role == "unknown" and p not in named]
    known = {_side(role) for p, role in people.items() if role != "unknown"}
    if len(unknown) == 1 and known == {"customer"}:
        named[unknown[0]] = "rep"  # "Customer: …" / "Aaron: I'll email you a form"
    sides = {i: named[s.speaker] for i, s in enumerate(sentences)
             if s.speaker in named and named[s.speaker] != side_of(s, touchpoint)}
    if business and not people:  # "Teams chat - Pulse Audio" / "Mira Chen [Pulse Audio] 5:05 PM" / words
        for i, s in enumerate(sentences):
            headers = list(_CHAT_HEADER.finditer(text, max(0, s.start - MAX_HEADER_LOOKBACK), s.start))
            if headers:
                side = "rep" if business in headers[-1].group("tag").casefold() else "customer"
                if side != side_of(s, touchpoint):
                    sides[i] = side
    return sides


def _side(role: str) -> str:
    return "customer" if role == "customer" else "rep"
