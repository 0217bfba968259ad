"""Cue words found in one pass: which sentences could match which rule.

Running every rule's regex over every sentence costs a few hundred microseconds per kilobyte
per rule, and most sentences match none of them. So each rule module registers the literal
words that any match of its pattern must contain (`register("pain", [...])`); one Aho–Corasick
pass over the lowercased text marks, per sentence, which rules could fire, and a rule's regex
runs only on those sentences (`sentence.cues & BIT`). The cue words are a superset filter, not
the rule: tests/extractors/test_rules_cues.py checks on every sentence of the eval datasets that
no pattern matches a sentence its cue words missed. A pattern run only on whole sentences can
register with `whole_words=True`: its cue words that stand between word boundaries in the
pattern ("\\b(?:um|er)\\b", "\\bhi\\b") then count only as whole words of the sentence, so
"every" and "this" stop opening the filler and courtesy gates.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

import ahocorasick

# the parser the re module compiles with (Python 3.11+); read-only use of its parse tree
sre_parse: Any = importlib.import_module("re._parser")
sre_constants: Any = importlib.import_module("re._constants")

MAX_WORD_CHARS = 8  # a cue word read off a pattern is cut to this (a part of a required word is required)
MAX_RUN_WORDS = 64  # a run of literal parts is not multiplied out past this many words
MAX_CLASS_CHARS = 5  # a character class this small counts as literal ("[发寄]", "[,，;；、]")
MAX_CUE_WORDS = 4000  # a pattern whose alternatives multiply past this is not gated
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
            getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT)}
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}

WHOLE = "\x01"  # before a cue word read off a pattern: the word counts only where it stands whole
_words: dict[str, int] = {}
_whole: dict[str, int] = {}  # cue words that set their bits only between non-word characters
_bits: dict[str, int] = {}
# (rule, pattern, group, bit) for every gate that stands for a pattern: what the tests check
GATES: list[tuple[str, re.Pattern[str], str | None, int]] = []
# (pattern, test) for every literal_gate, for the same tests
LITERAL_GATES: list[tuple[re.Pattern[str], Callable[[str], bool]]] = []
_automaton: ahocorasick.Automaton | None = None


def register(rule: str, words: Iterable[str], *, pattern: re.Pattern[str] | None = None) -> int:
    """The bit for `rule`, whose pattern can only match text containing one of `words`.

    Pass the `pattern` the words stand for, so the tests can check they cover it.
    """
    global _automaton
    bit = _bits.setdefault(rule, 1 << len(_bits))
    if pattern is not None:
        GATES.append((rule, pattern, None, bit))
    for word in words:
        table = _whole if word.startswith(WHOLE) else _words
        word = word.removeprefix(WHOLE).lower()
        if word:
            table[word] = table.get(word, 0) | bit
    _automaton = None
    return bit


class UngatedPatternError(ValueError):
    """A pattern that can match without any literal word, so no cue words can stand for it."""


def _each_branch(branches: list, read: Callable[[list], set[str] | None]) -> set[str] | None:
    """The union of `read` over every alternative of a branch; None when one of them gives None."""
    found: set[str] = set()
    for branch in branches:
        part = read(list(branch.data))
        if part is None:
            return None
        found |= part
    return found


def _literals(items: list) -> set[str] | None:
    """Every string `items` can match, when that is a small finite set of literals; else None."""
    found = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre_constants.LITERAL:
            options: set[str] | None = {chr(av)}
        elif op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in av) \
                and len(av) <= MAX_CLASS_CHARS:
            options = {chr(c) for _, c in av}
        elif op is sre_constants.SUBPATTERN:
            options = _literals(list(av[-1].data))
        elif op is sre_constants.BRANCH:
            options = _each_branch(av[1], _literals)
        else:
            return None
        if options is None or len(found) * len(options) > MAX_RUN_WORDS:
            return None
        found = {a + b for a in found for b in options}
    return found


def _cost(words: set[str]) -> float:
    """The chance that a sentence holds one of `words` (and so opens the gate), roughly: each
    word's chance falls with its length; a Chinese character says about as much as two or three
    Latin letters, a space or a punctuation mark next to nothing."""
    def length(word: str) -> float:
        return sum(2.5 if ord(c) > 0x2E7F else 1.0 if c.isalnum() else 0.3
                   for c in word.removeprefix(WHOLE))
    miss = 1.0
    for word in words:
        miss *= 1.0 - min(0.9, 0.9 * 0.3 ** (length(word) - 1))
    return 1.0 - miss


def _required(items: list, before: bool = False, after: bool = False,
              whole_words: bool = False) -> set[str] | None:
    """Literal words one of which every match of `items` contains, chosen to open the gate as
    rarely as possible; None when some match could contain no literal at all.

    A run of consecutive literal parts ("it" / "that", then " ", then "worked" / "works now")
    becomes the words it spells; any part that every match must go through (a group, a
    repeat of at least one) offers its own words; of all the candidates the rarest wins, so a
    pattern is gated on "worked" rather than on the "the " it happens to start with.
    With `whole_words`, a word of a run that a word boundary closes on both sides ("\\b(?:um|
    er)\\b") is marked WHOLE; `before` and `after` say whether `items` itself stands between
    word boundaries.
    """
    candidates: list[set[str]] = []
    run = {""}
    starts_whole = boundary = before  # a run starts after a \\b; a \\b since the last part

    def close(ends_whole: bool) -> None:
        if "" in run:
            return
        if whole_words and starts_whole and ends_whole:
            candidates.append({WHOLE + w if len(w) <= MAX_WORD_CHARS and _is_word(w[0])
                               and _is_word(w[-1]) else w[:MAX_WORD_CHARS] for w in run})
        else:
            candidates.append({w[:MAX_WORD_CHARS] for w in run})

    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            boundary |= op is sre_constants.AT and av is sre_constants.AT_BOUNDARY
            continue
        whole = _literals([(op, av)])
        if whole is not None and "" not in whole and len(run) * len(whole) <= MAX_RUN_WORDS:
            if run == {""}:
                starts_whole = boundary
            run = {a + b for a in run for b in whole}
            boundary = False
            continue
        if op in _REPEATS and av[0] >= 1 and (once := _literals(list(av[2].data))) \
                and "" not in once and len(run) * len(once) <= MAX_RUN_WORDS:
            run = {a + b for a in run for b in once}  # "um+" holds "um" ...
            close(False)
            run, starts_whole, boundary = once, False, False  # ... its last "m" touches what follows
            continue
        close(boundary)
        run = {""}
        if whole is not None and "" not in whole:
            run, starts_whole, boundary = whole, boundary, False
            continue
        inner_before = boundary
        inner_after = _boundary_follows(items, index + 1, after)
        boundary = False
        if op is sre_constants.SUBPATTERN:
            inner = _required(list(av[-1].data), inner_before, inner_after, whole_words)
        elif op is sre_constants.BRANCH:
            inner = _each_branch(av[1], partial(_required, before=inner_before,
                                                after=inner_after, whole_words=whole_words))
        elif op in _REPEATS and av[0] >= 1:
            inner = _required(list(av[2].data))
        else:
            inner = None
        if inner is not None and len(inner) <= MAX_CUE_WORDS:
            candidates.append(inner)
    close(boundary or after)
    return min(candidates, key=_cost) if candidates else None


def _boundary_follows(items: list, index: int, after: bool) -> bool:
    """Whether a word boundary holds where items[index:] begins: a \\b among the zero-width
    items there, or the end of `items` where the caller's context has one."""
    for op, av in items[index:]:
        if op not in _ZERO_WIDTH:
            return False
        if op is sre_constants.AT and av is sre_constants.AT_BOUNDARY:
            return True
    return after


def _is_word(char: str) -> bool:
    """Whether `char` is what \\w matches."""
    return char.isalnum() or char == "_"


def _group(items: list, name_index: int) -> list | None:
    """The items of capturing group number `name_index` anywhere in `items`."""
    for op, av in items:
        if op is sre_constants.SUBPATTERN:
            if av[0] == name_index:
                return list(av[-1].data)
            inner = _group(list(av[-1].data), name_index)
        elif op is sre_constants.BRANCH:
            inner = next((g for b in av[1] if (g := _group(list(b.data), name_index))), None)
        elif op in _REPEATS:
            inner = _group(list(av[2].data), name_index)
        else:
            continue
        if inner is not None:
            return inner
    return None


def cue_words(pattern: re.Pattern[str], group: str | None = None, *,
              whole_words: bool = False) -> set[str]:
    """Lowercase words one of which every match of `pattern` (or of its `group`) contains.

    Read off the pattern's own parse tree, so the cue words cannot drift from the pattern;
    UngatedPatternError when some match could contain none. With `whole_words`, a word the
    pattern encloses in word boundaries comes marked WHOLE.
    """
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    items = list(parsed.data)
    if group is not None:
        found = _group(items, pattern.groupindex[group])
        if found is None:
            raise UngatedPatternError(f"{pattern.pattern[:60]!r}: no group {group!r}")
        items = found
    words = _required(items, whole_words=whole_words)
    if not words:
        raise UngatedPatternError(f"{pattern.pattern[:60]!r} can match without a literal word; "
                                  "gate it on a named group or register its words by hand")
    return {w.lower() for w in words}


def register_pattern(rule: str, pattern: re.Pattern[str], group: str | None = None, *,
                     whole_words: bool = False) -> int:
    """`register` with the cue words read off `pattern` (or one of its mandatory groups).

    `whole_words=True` is for a pattern run only on whole sentences: a cue word it encloses in
    word boundaries ("\\bhi\\b") then sets the bit only where it stands as a word in the
    sentence, not inside "this" or "which". (A pattern also run on pieces cut out of a sentence
    must not use it: a cut can make a word boundary the sentence does not have.)
    """
    bit = register(rule, cue_words(pattern, group, whole_words=whole_words))
    GATES.append((rule, pattern, group, bit))
    return bit


def literal_gate(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """A test that is false only for text where `pattern` cannot match: none of its cue words
    occurs in the text, lowercased. For a pattern run on pieces of a sentence (its clauses) often
    enough that one search of its words costs less than the pattern, and common enough in the
    sentence bits that a bit would tell little.
    """
    words = sorted(cue_words(pattern), key=len, reverse=True)
    finder = re.compile("|".join(map(re.escape, words)))

    def could_match(text: str) -> bool:
        return finder.search(lowered(text)) is not None

    LITERAL_GATES.append((pattern, could_match))
    return could_match


def _built() -> ahocorasick.Automaton:
    global _automaton
    if _automaton is None:
        _automaton = _automaton_of(_words, _whole)
    return _automaton


# pyahocorasick finds a state's next character by trying its characters one by one in the order
# they were added, and the root has hundreds (the first letter of every cue word). Added in a
# set's order, which changes with the hash seed, the common letters of a text sat anywhere among
# them; added with each state's characters in the order of how common they are in English and
# Chinese text in general (a fixed list, not read off any data set), most of a text's characters
# are found after a few comparisons, and the cost no longer depends on the seed. A listed
# character that begins no word gets a dead end at its place in the root, so it stops the scan
# there instead of failing past every first letter.
_COMMON_TEXT = (" etaoinshrdlcumwfgypbvkjxqz,.'?!:;-/0123456789，。、：？！"
                "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之"
                "年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样"
                "理心本前开但因只从想实日意无力与长把机十第公此已工使情明性知全三又关点正业外将两高间由问很"
                "最重并物手应向头文体相见被利什二等产或新己制身果加月话合回特代内信表化老给位次度门任常先通")
_COMMONNESS = {char: rank for rank, char in enumerate(dict.fromkeys(_COMMON_TEXT))}
# a noncharacter no text should hold; a dead end has bits 0, so even found it marks nothing
DEAD_END = "\ufdd0"


def _commonness(word: str) -> list[int]:
    return [_COMMONNESS.get(char, len(_COMMONNESS) + ord(char)) for char in word]


def _automaton_of(words: dict[str, int], whole: dict[str, int] | None = None
                  ) -> ahocorasick.Automaton:
    """An automaton over `words` and `whole` (whole-word cues), each found as (length, bits,
    whole-word bits); words implied by a shorter one with the same bits are left out. Dead ends
    (bits 0) lead the common characters that begin no word."""
    whole = whole or {}
    automaton = ahocorasick.Automaton()
    kept = [word for word in words.keys() | whole.keys()
            if whole.get(word, 0) or not _is_implied(word, words.get(word, 0), words)]
    firsts = {word[0] for word in kept}
    dead_ends = [char + DEAD_END for char in _COMMONNESS if kept and char not in firsts]
    for word in sorted(kept + dead_ends, key=_commonness):
        automaton.add_word(word, (len(word), words.get(word, 0), whole.get(word, 0)))
    automaton.make_automaton()
    return automaton


def _is_implied(word: str, bits: int, words: dict[str, int]) -> bool:
    """Whether a shorter cue word inside `word` already carries all of its bits ("我们" under
    "我", "friday" under "fri"): wherever `word` occurs that one does too, so marking it again
    changes no sentence's bits and only costs a hit."""
    for size in range(1, len(word)):
        for at in range(len(word) - size + 1):
            inner = words.get(word[at : at + size])
            if inner is not None and inner & bits == bits:
                return True
    return False


def lowered(text: str) -> str:
    """`text` lowercased with every offset kept (a character whose lowercase is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def mark(low: str, starts: list[int], ends: list[int]) -> list[int]:
    """The cue bits of each span [starts[i], ends[i]) of the lowercased text `low`."""
    masks = [0] * len(starts)
    if not starts:
        return masks
    automaton = _built()
    if len(automaton) == 0:
        return masks
    index, count = 0, len(starts)
    begin, stop = starts[0], ends[0]  # the span being marked, and its bits so far
    found = 0
    for end, (length, bits, whole) in automaton.iter(low, begin, ends[-1]):
        if end >= stop:  # hits arrive in order of their end
            masks[index] = found
            found = 0
            while end >= ends[index]:
                index += 1
                if index == count:
                    return masks
            begin, stop = starts[index], ends[index]
        start = end - length + 1
        if start >= begin:
            found |= bits
            if whole and (start == begin or not _is_word(low[start - 1])) \
                    and (end + 1 == stop or not _is_word(low[end + 1])):
                found |= whole
    masks[index] = found
    return masks


def cues_of(text: str) -> int:
    """The cue bits of one piece of text (a sentence rewritten after marking, say)."""
    return mark(lowered(text), [0], [len(text)])[0] if text else 0


class CueSet:
    """Gates of their own, for patterns run on short pieces of text (an action being cleaned)
    rather than on sentences: one pass gives the bits of every registered pattern whose cue
    words occur in the piece, without adding words to the sentence automaton."""

    def __init__(self) -> None:
        self._words: dict[str, int] = {}
        self._count = 0
        self._automaton: ahocorasick.Automaton | None = None

    def register_pattern(self, pattern: re.Pattern[str]) -> int:
        bit = 1 << self._count
        self._count += 1
        for word in cue_words(pattern):
            self._words[word] = self._words.get(word, 0) | bit
        self._automaton = None
        return bit

    def bits(self, text: str) -> int:
        if self._automaton is None:
            self._automaton = _automaton_of(self._words)
        found = 0
        for _, (_, bits, _) in self._automaton.iter(lowered(text)):
            found |= bits
        return found


class LongestWords:
    """What `re.finditer` finds with an alternation of literal `words` tried longest first
    (leftmost, then longest, never overlapping), from one Aho–Corasick pass instead of the
    regex trying every word at every position (a lexicon of hundreds of words)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for word in words:
            if word:
                self._automaton.add_word(word, len(word))
        self._automaton.make_automaton()

    def finditer(self, text: str) -> list[tuple[int, str]]:
        """(start, word) of every match, in order."""
        longest: dict[int, int] = {}
        for end, length in self._automaton.iter(text):
            start = end - length + 1
            if length > longest.get(start, 0):
                longest[start] = length
        found: list[tuple[int, str]] = []
        cursor = 0
        for start in sorted(longest):
            if start >= cursor:
                cursor = start + longest[start]
                found.append((start, text[start:cursor]))
        return found
