"""Competitor mentions from the tenant's catalog, with a stance from nearby cue phrases.

Latin aliases match on word boundaries, case-insensitively, except aliases marked "=" in the
catalog (names that are also ordinary words), which need their exact capitalization and never
count at the start of a sentence. Chinese aliases have no word boundaries; a few aliases that
start common words ("用友好") are guarded by the characters that may not follow them. The stance
comes from the cue closest to the mention in the same sentence; a negated "use" ("we don't use
X") is only a mention.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from assistant.models import Stance
from extractors.base import CompetitorCatalog
from extractors.rules.sentences import Sentence

_NOT_AFTER = {"用友": "好善情谊人", "金蝶": "", "纷享": "受"}

STANCE_CUES: list[tuple[Stance, re.Pattern[str]]] = [
    ("switching_from", re.compile(
        r"\b(switch(?:ing|ed)? (?:away )?from|mov(?:e|ing|ed) (?:away )?(?:off|from)|migrat(?:e|ing|ed)"
        r" (?:off|from|away from)|replac(?:e|ing|ed)|leav(?:e|ing)|get(?:ting)? (?:rid of|off)|"
        r"used to use|ditch(?:ing)?|drop(?:ping)?|cancel(?:l?ing)?|churn(?:ing)? from|"
        r"phas(?:e|ing) out|sunset(?:ting)?)\b"
        r"|从.{0,12}?(?:迁移|切换|换|转)|换掉|替换|替代|不再用|不想用|弃用|淘汰|迁出|停用|以前用", re.I)),
    ("comparing", re.compile(
        r"\b(compar(?:e|ed|ing)|vs\.?|versus|cheaper than|better than|worse than|more expensive than|"
        r"than|similar to|unlike|like .{0,20} does|stack up|side[- ]by[- ]side)\b"
        r"|相比|对比|比较|比.{0,10}?(?:便宜|贵|好|差|强|弱|快|慢)|和.{0,10}?比|跟.{0,10}?比|不如|比不上", re.I)),
    ("evaluating", re.compile(
        r"\b(evaluat(?:e|ing|ion)|look(?:ing)? at|consider(?:ing)?|trial(?:ing|l?ing)?|"
        r"pilot(?:ing)?|POC|proof of concept|demo(?:s|ed)?|talk(?:ing|ed)? to|in talks with|"
        r"shortlist(?:ed)?|test(?:ing)? out|check(?:ing)? out|quote from|proposal from|RFP)\b"
        r"|评估|在看|试用|考虑|了解一下|接触|洽谈|POC|演示|报价|选型|调研|试了", re.I)),
    ("using", re.compile(
        r"\b(we(?:'re| are)? (?:currently |still |already )?(?:us(?:e|ing)|on|running|run)|"
        r"(?:currently|still|already) (?:on|using|use|with)|our (?:current |existing )?"
        r"(?:crm|tool|system|platform|helpdesk|vendor|provider|stack)|we have|we've been using|"
        r"been on|built on|running on|licen[cs]es?|renewal|contract with|customer of|using)\b"
        r"|在用|用的是|用着|正在使用|目前使用|现在用|一直用|我们用|使用的是|已经用了|续费|续约|部署了|上了", re.I)),
]
_NEGATED_USE = re.compile(r"\b(don't|do not|doesn't|never|no longer|not) (?:use|using|on)\b"
                          r"|不用|没用|没有用|没在用|并没有", re.I)
_STANCE_PRIORITY = {"switching_from": 0, "comparing": 1, "evaluating": 2, "using": 3,
                    "mentioned": 4}
STANCE_WINDOW = 60  # characters between cue and mention that still count as "near"


@dataclass(frozen=True)
class CompetitorHit:
    name: str
    alias: str
    start: int
    end: int
    stance: Stance
    sentence: Sentence


_COMPILED: dict[int, tuple[CompetitorCatalog, tuple]] = {}  # id -> (catalog kept alive, patterns)


def _compile(catalog: CompetitorCatalog) -> tuple:
    cached = _COMPILED.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    if len(_COMPILED) > 64:
        _COMPILED.clear()
    compiled = _build(catalog)
    _COMPILED[id(catalog)] = (catalog, compiled)
    return compiled


def _build(catalog: CompetitorCatalog) -> tuple:
    """(case-insensitive Latin, exact-case Latin, Chinese) alternations and alias -> canonical.

    The word-boundary guards wrap the whole alternation once, not each alias, so the regex
    engine can scan quickly; longest aliases first so "HubSpot CRM" wins over "HubSpot".
    """
    folded: list[str] = []
    exact: list[str] = []
    han: list[str] = []
    owner: dict[str, str] = {}
    for name, aliases in catalog.aliases.items():
        for alias in aliases:
            is_exact = alias.startswith("=")
            alias = alias.lstrip("=").strip()
            if not alias:
                continue
            owner[alias if is_exact else alias.casefold()] = name
            if re.search(r"[\u3400-\u9fff]", alias):
                guard = _NOT_AFTER.get(alias, "")
                han.append(re.escape(alias) + (f"(?![{guard}])" if guard else ""))
            else:
                (exact if is_exact else folded).append(re.escape(alias).replace(r"\ ", r"[\s-]?"))

    def latin(parts: list[str], flags: int) -> re.Pattern[str] | None:
        if not parts:
            return None
        body = "|".join(sorted(set(parts), key=len, reverse=True))
        # ASCII boundaries: Python's \w includes Han characters, and "用Salesforce" or
        # "换回Zendesk。" must match
        return re.compile(rf"(?<![A-Za-z0-9_.@/-])(?:{body})(?![A-Za-z0-9_-]|\.[A-Za-z0-9])", flags)

    return (latin(folded, re.I), latin(exact, 0),
            re.compile("|".join(sorted(han, key=len, reverse=True))) if han else None, owner)


def stance_for(sentence: Sentence, start: int, end: int) -> Stance:
    """The stance cue nearest to the mention at [start:end] in its sentence."""
    text, base = sentence.text, sentence.start
    best: tuple[int, int, Stance] | None = None
    for stance, pattern in STANCE_CUES:
        for cue in pattern.finditer(text):
            cue_start, cue_end = base + cue.start(), base + cue.end()
            distance = max(cue_start - end, start - cue_end, 0)
            if distance > STANCE_WINDOW:
                continue
            if stance == "using" and _NEGATED_USE.search(text[max(0, cue.start() - 12):cue.end()]):
                continue
            key = (distance, _STANCE_PRIORITY[stance], stance)
            if best is None or key[:2] < best[:2]:
                best = key
    if best is None:
        return "mentioned"
    return best[2]


def find_competitors(sentences: list[Sentence], catalog: CompetitorCatalog) -> list[CompetitorHit]:
    """Every catalog mention, scanned once over the whole text and placed in its sentence."""
    if not sentences:
        return []
    folded, exact, han, owner = _compile(catalog)
    text_end = sentences[-1].end
    starts = [s.start for s in sentences]
    hits: list[CompetitorHit] = []
    taken: list[tuple[int, int]] = []
    source = _joined(sentences)
    for pattern, is_exact in ((folded, False), (exact, True), (han, False)):
        if pattern is None:
            continue
        for m in pattern.finditer(source, 0, text_end):
            start, end = m.start(), m.end()
            index = bisect_right(starts, start) - 1
            if index < 0 or end > sentences[index].end:
                continue
            sentence = sentences[index]
            if any(start < e and s < end for s, e in taken):
                continue
            if is_exact and start == sentence.start:
                continue
            alias = m.group(0)
            key = alias if is_exact else re.sub(r"[\s-]", " ", alias).casefold()
            name = owner.get(key) or owner.get(alias.casefold()) or _owner_fuzzy(owner, alias)
            if name is None:
                continue
            taken.append((start, end))
            hits.append(CompetitorHit(name, alias, start, end, stance_for(sentence, start, end),
                                      sentence))
    hits.sort(key=lambda h: h.start)
    return hits


def _joined(sentences: list[Sentence]) -> str:
    """The text the sentences came from, with everything between sentences blanked out."""
    chars = [" "] * sentences[-1].end
    for s in sentences:
        chars[s.start : s.end] = s.text
    return "".join(chars)


def _owner_fuzzy(owner: dict[str, str], alias: str) -> str | None:
    """An alias matched with a space or hyphen where the catalog has none (or the reverse)."""
    squashed = re.sub(r"[\s-]", "", alias).casefold()
    for key, name in owner.items():
        if re.sub(r"[\s-]", "", key).casefold() == squashed:
            return name
    return None
