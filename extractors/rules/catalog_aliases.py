"""Where the catalog's names occur in a text: alias spellings, boundaries, and ordinary words.

Latin aliases match on word boundaries, case-insensitively ("hubspot", "SFDC's"), across a hyphen
("Salesforce-based", "Salesforce-to-HubSpot"), except aliases marked "=" in the catalog (names
that are also ordinary words), which need their exact capitalization, never count at the start of
a sentence unless possessive ("Gong's team"), and never inside a run of capitalized words ("the
Mutual Close Plan", "Customer Outreach Strategy"); in lowercase they count only after a product
verb ("we use gong"). A name spelled apart into an English phrase ("Sales force", "Service Now")
is held to the same rules, except that it may start a sentence ("our sales force" is a team).
Chinese aliases have no word boundaries; they also match in traditional characters (銷售易, 釘釘)
and with a space inside (word-segmented or transcribed text: "销售 易"). A few that start or are
common words ("用友好", "拔智齿", "小满那天") are guarded by the characters around them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import ahocorasick

from extractors.base import CompetitorCatalog
from extractors.rules.folding import gated
from extractors.rules.integration_objects import listed_together
from extractors.rules.sentences import Sentence

# characters that may not follow / precede a Chinese alias: it is part of a common word there
_NOT_AFTER = {"用友": "好善情谊人商盟", "金蝶": "", "纷享": "受", "智齿": "疼痛牙发",
              "小满": "节那时前后之以过说讲问提发负这姐哥", "钉钉": "子", "销售易": "于",
              "销售力": "提强弱差不量度"}
_NOT_BEFORE_HAN = {"智齿": "拔颗长", "销售力": "升高强的队化", "小满": "茶服叫"}
# words before a Latin alias that make it an ordinary word ("be an Einstein")
_NOT_BEFORE_LATIN = {"einstein": re.compile(r"(?:\b(?:an?|albert|no|little|like)\s+)$", re.I)}
# words after a Latin alias that make it an ordinary word: sales talk of the "close plan", "close
# date" and "close rate" (GUIDE: "Close plan" is not Close)
_NOT_AFTER_LATIN = {"close": re.compile(r"\s+(?:plans?|dates?|rates?|ratios?|stages?|targets?|"
                                        r"deadlines?|process|window|forecast)\b", re.I),
                    # the door phone: "Intercom testing", "the Intercom panel in Car 2"
                    "intercom": re.compile(r"\s+(?:testing|tests?|panels?|units?|buzzers?|handsets?|"
                                           r"phones?|stations?|speakers?|wiring|lines?|boxes|box|"
                                           r"doors?|gates?|entry|repairs?|servicing)\b", re.I),
                    # community outreach: "our Outreach team", "the Outreach Office"
                    "outreach": re.compile(r"\s+(?:teams?|office|officers?|coordinators?|leads?|"
                                           r"managers?|department|programmes?|programs?|staff|"
                                           r"volunteers?|workers?|events?|efforts?|work|visits?|"
                                           r"activities|committee|budget|services)\b", re.I),
                    # the physicist and his family: "the Einstein correspondence", "Einstein letters"
                    "einstein": re.compile(r"\s+(?:correspondence|letters?|papers|archives?|"
                                           r"collection|family|estate|quote|medal|prize|"
                                           r"institute|fellowship)\b", re.I)}
# what makes a name that is also a word a product when written in lowercase ("we use gong")
_PRODUCT_BEFORE = re.compile(r"\b(?:use[sd]?|using|switch(?:ed|ing)? to|mov(?:e|ed|ing) to|"
                             r"trial(?:l?ing)?|evaluat(?:e|ed|ing)|vs\.?|versus|pay(?:ing)? for|"
                             r"licen[cs]es? for|seats? (?:in|on))\s+$", re.I)
# a button or a menu: "click Close", "the Close button"
_UI_BEFORE = re.compile(r"\b(?:click|clicking|clicked|press|pressing|hit|tap|select|choose)\s+(?:on\s+)?"
                        r"(?:the\s+)?$", re.I)
_UI_AFTER = re.compile(r"\s+(?:button|tab|menu|icon|link|option)s?\b", re.I)
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+$")
_NAME_LINE = re.compile(r"(?:[A-Z][a-z]+\.?\s+){1,3}[A-Z][a-z]+[.,]?")
# names spelled apart into an ordinary English phrase ("our sales force", "we need service now")
_ORDINARY_PHRASES = frozenset({"sales force", "service now", "sales cloud", "service cloud",
                               "fresh desk"})  # "a fresh desk wipe-down"
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_NOT_BEFORE = _ASCII_WORD | frozenset(".@/")
_HAN = gated(re.compile(r"[\u3400-\u9fff]"))
_CAPITALIZED = re.compile(r"[A-Z][a-z]+\b")
_CAPITALIZED_BEFORE = re.compile(r"(?:^|[\s\"“‘(（])([A-Z][a-z]+) $")
_POSSESSIVE = re.compile(r"['’]s\b")
_LABEL_COLON = frozenset("：:")


@dataclass(frozen=True)
class Alias:
    name: str
    is_exact: bool  # matched against the original text, capitalization and all
    is_han: bool
    guard: str  # characters that may not follow a Chinese alias
    guard_before: str = ""  # characters that may not precede it
    is_plain_words: bool = False  # spelled apart in ordinary words: "Sales force"
    written: str = ""  # for an exact alias matched in another case: its catalog capitalization

    @property
    def is_a_word_too(self) -> bool:
        return self.is_exact or self.is_plain_words


Automata = tuple[ahocorasick.Automaton, ahocorasick.Automaton]
_COMPILED: dict[int, tuple[CompetitorCatalog, Automata]] = {}


def _compile(catalog: CompetitorCatalog) -> Automata:
    cached = _COMPILED.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    if len(_COMPILED) > 64:
        _COMPILED.clear()
    compiled = _build(catalog)
    _COMPILED[id(catalog)] = (catalog, compiled)
    return compiled


def _spellings(alias: str) -> set[str]:
    """An alias with its spaces as written, as hyphens and removed ("Hub Spot", "Hub-Spot")."""
    if " " not in alias:
        return {alias}
    return {alias, alias.replace(" ", "-"), alias.replace(" ", "")}


def _han_spellings(alias: str) -> set[str]:
    """A Chinese alias in traditional characters too, and with one space inside ("销售 易")."""
    forms = {alias, *(convert(alias) for convert in _to_traditional())}
    spaced = {form[:i] + " " + form[i:] for form in forms if len(form) >= 3
              for i in range(1, len(form)) if _HAN.match(form[i - 1]) and _HAN.match(form[i])}
    return forms | spaced


@cache
def _to_traditional() -> list[Callable[[str], str]]:
    """Simplified -> traditional converters (OpenCC's tables load once, only for Chinese names)."""
    from opencc import OpenCC

    return [OpenCC(config).convert for config in ("s2t", "s2tw")]


def _build(catalog: CompetitorCatalog) -> Automata:
    """Two Aho–Corasick automata: lowercased aliases (scanned over the lowercased text) and
    exact-case aliases (scanned over the text itself); each key maps to (length, Alias)."""
    folded, exact = ahocorasick.Automaton(), ahocorasick.Automaton()
    for name, aliases in catalog.aliases.items():
        for alias in aliases:
            is_exact = alias.startswith("=")
            alias = alias.lstrip("=").strip()
            if not alias:
                continue
            is_han = _HAN.search(alias) is not None
            entry = Alias(name, is_exact, is_han, _NOT_AFTER.get(alias, ""),
                          _NOT_BEFORE_HAN.get(alias, ""))
            if is_exact and not is_han:  # "gong" counts after "we use", never as "the gong"
                folded.add_word(alias.lower(), (len(alias), Alias(name, True, False, "", "",
                                                                   written=alias)))
            automaton = exact if is_exact else folded
            spellings = _han_spellings(alias) if is_han else _spellings(
                alias if is_exact else alias.lower())
            words = alias.lower().split()
            plain = (Alias(name, is_exact, False, "", "", True)
                     if " ".join(words) in _ORDINARY_PHRASES
                     else None)
            for spelling in spellings:
                use = plain if plain is not None and " " in spelling else entry
                automaton.add_word(spelling if is_exact else spelling.lower(), (len(spelling), use))
    for automaton in (folded, exact):
        automaton.make_automaton()
    return folded, exact


def _is_bounded(text: str, start: int, end: int, alias: Alias) -> bool:
    """Latin aliases need ASCII word boundaries (Han text may touch them: "用Salesforce"; a
    hyphen may join them to a word, except for names that are ordinary words: "patient-outreach");
    a Chinese alias must not run on into the characters its guards name ("用友好", "拔智齿")."""
    after = text[end] if end < len(text) else ""
    if alias.is_han:
        before = text[start - 1] if start > 0 else ""
        if end - start == 2 and after in _LABEL_COLON:
            return False  # a speaker label or a nickname ("客服 小满：亲，…"), not a product
        return not ((after and after in alias.guard) or (before and before in alias.guard_before))
    guard = _NOT_BEFORE_LATIN.get(text[start:end].lower())
    if guard is not None and guard.search(text, max(0, start - 12), start):
        return False
    guard = _NOT_AFTER_LATIN.get(text[start:end].lower())
    if guard is not None and guard.match(text, end, end + 16):
        return False
    if start > 0 and (text[start - 1] in _NOT_BEFORE
                      or (text[start - 1] == "-" and alias.is_a_word_too)):
        return False
    if after and (after in _ASCII_WORD or (after == "-" and alias.is_a_word_too)):
        return False
    return not (after == "." and end + 1 < len(text) and text[end + 1] in _ASCII_WORD)


def _reads_as_a_word(text: str, start: int, end: int, alias: Alias, sentence: Sentence) -> bool:
    """A name that is also an ordinary word, used as one: at the start of a sentence (not
    possessive), inside a run of capitalized words, as a person's name or a button, spelled
    apart all in lowercase, or in lowercase without a product verb before it ("we use gong")."""
    if alias.is_plain_words:  # "Sales force" may start a sentence; "sales force" needs "use"
        if text[start:end].islower():
            return not _PRODUCT_BEFORE.search(text, max(sentence.start, start - 30), start)
        if start == sentence.start:
            return False
    if alias.is_exact and not alias.written and " " in text[start:end]:
        return False  # "Close CRM", "Monday CRM": no ordinary word runs on into "CRM"
    if alias.written:
        return (text[start:end] == alias.written  # the exact automaton has it already
                or not _PRODUCT_BEFORE.search(text, max(sentence.start, start - 30), start))
    if _HONORIFIC_BEFORE.search(text, max(sentence.start, start - 6), start) or (
            _NAME_LINE.fullmatch(sentence.text)):
        return True  # a person: "Mr. Gong", a signature line "Wei Gong"
    if alias.is_exact and (_UI_AFTER.match(text, end)
                           or _UI_BEFORE.search(text, max(sentence.start, start - 20), start)):
        return True
    if start == sentence.start:
        return not (alias.is_exact and _POSSESSIVE.match(text, end))
    if text[end:end + 1] == " " and _CAPITALIZED.match(text, end + 1):
        return True
    before = _CAPITALIZED_BEFORE.search(text, max(sentence.start, start - 30), start)
    return before is not None and before.start(1) != sentence.start


def catalog_matches(sentences: list[Sentence], starts: list[int], catalog: CompetitorCatalog,
                    text: str, low: str) -> list[tuple[int, int, Alias, int]]:
    """Every catalog mention outside quoted mail, leftmost-longest: (start, end, alias, index
    of its sentence). `low` is `text` lowercased with offsets kept (cues.lowered)."""
    folded, exact = _compile(catalog)
    first, last = sentences[0].start, sentences[-1].end
    candidates: list[tuple[int, int, Alias]] = []
    for automaton, source in ((folded, low), (exact, text)):
        if len(automaton) == 0:
            continue
        for end, (length, alias) in automaton.iter(source, first, last):
            start = end - length + 1
            if _is_bounded(text, start, end + 1, alias):
                candidates.append((start, end + 1, alias))
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    accepted: list[tuple[int, int, Alias, int]] = []
    opening: list[tuple[int, int, Alias, int]] = []  # word-names that open a sentence
    taken_to = -1
    for start, end, alias in candidates:
        if start < taken_to:
            continue
        index = bisect_right(starts, start) - 1
        if index < 0 or end > sentences[index].end:
            continue
        sentence = sentences[index]
        if sentence.quoted:
            continue
        if alias.is_a_word_too and _reads_as_a_word(text, start, end, alias, sentence):
            if start == sentence.start and alias.is_exact and not alias.written:
                opening.append((start, end, alias, index))
            continue
        taken_to = end
        accepted.append((start, end, alias, index))
    if opening and accepted:
        accepted = sorted([*accepted, *_listed_openings(opening, accepted, text)])
    return accepted


def _listed_openings(opening: list[tuple[int, int, Alias, int]],
                     accepted: list[tuple[int, int, Alias, int]],
                     text: str) -> list[tuple[int, int, Alias, int]]:
    """A word-name opening a sentence in a list of products ("Gong, Outreach and Salesloft are
    all on our list", "Intercom and Zendesk both…") is the product too."""
    found = []
    for start, end, alias, index in opening:
        spans = [(s, e) for s, e, _, i in accepted if i == index]
        if any(listed_together(text, (start, end), span, spans) for span in spans):
            found.append((start, end, alias, index))
    return found


def simplified_view(sentence: Sentence) -> Sentence:
    """`sentence` read in simplified characters, offsets kept (one character for one), with
    every cue bit set; the sentence itself when it has no traditional character."""
    text = sentence.text
    if text.isascii() or _traditional_chars().search(text) is None:
        return sentence
    simple = text.translate(_traditional_to_simplified())
    return sentence if simple == text else replace(sentence, text=simple, cues=-1)


@cache
def _traditional_chars() -> re.Pattern[str]:
    """A character class that finds every character `_traditional_to_simplified` changes (and
    any character beyond the BMP, which the class leaves to `str.translate`): where it finds
    none the translation is the text itself, and one search costs a tenth of translating."""
    runs: list[list[int]] = []
    for code in sorted(_traditional_to_simplified()):
        if code > 0xFFFF:  # the matcher walks astral members one by one: one range covers them
            break
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    members = "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b))) for a, b in runs)
    return re.compile(f"[{members}\U00010000-\U0010FFFF]" if members else "[\U00010000-\U0010FFFF]")


@cache
def _traditional_to_simplified() -> dict[int, str]:
    """OpenCC's character table, traditional -> first simplified reading, one char for one."""
    spec = find_spec("opencc")
    if spec is None or spec.origin is None:
        return {}
    table: dict[int, str] = {}
    path = Path(spec.origin).with_name("dictionary") / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    return table

