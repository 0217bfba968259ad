"""Cue words found in one pass: which sentences could match which rule.

Running every rule's regex over every sentence costs a few hundred microseconds per kilobyte
per rule, and most sentences match none of them. So each rule module registers the literal
words that any match of its pattern must contain (`register("pain", [...])`); one Aho–Corasick
pass over the lowercased text marks, per sentence, which rules could fire, and a rule's regex
runs only on those sentences (`sentence.cues & BIT`). The cue words are a superset filter, not
the rule: tests/extractors/test_rules_cues.py checks on every sentence of the eval datasets that
no pattern matches a sentence its cue words missed.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

import ahocorasick

# the parser the re module compiles with (Python 3.11+); read-only use of its parse tree
sre_parse: Any = importlib.import_module("re._parser")
sre_constants: Any = importlib.import_module("re._constants")

PREFIX_CHARS = 6  # how long a cue word read off a pattern may get (longer adds nothing)
MAX_CUE_WORDS = 4000  # a pattern whose alternatives multiply past this is not gated
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
            getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT)}
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}

_words: dict[str, int] = {}
_bits: dict[str, int] = {}
# (rule, pattern, group, bit) for every gate that stands for a pattern: what the tests check
GATES: list[tuple[str, re.Pattern[str], str | None, int]] = []
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
        word = word.lower()
        if word:
            _words[word] = _words.get(word, 0) | bit
    _automaton = None
    return bit


class UngatedPatternError(ValueError):
    """A pattern that can match without any literal word, so no cue words can stand for it."""


def _starts(items: list, want: int) -> set[str]:
    """Literal prefixes (up to `want` characters) that every match of `items` begins with.

    An empty string in the result means some match begins with no literal at all.
    """
    if want == 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op in _ZERO_WIDTH:
        return _starts(rest, want)
    if op is sre_constants.LITERAL:
        return {chr(av) + tail for tail in _starts(rest, want - 1)}
    if op is sre_constants.SUBPATTERN:
        return _starts(list(av[-1].data) + rest, want)
    if op is sre_constants.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            found |= _starts(list(branch.data) + rest, want)
            if len(found) > MAX_CUE_WORDS:
                return {""}
        return found
    if op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in av) and len(av) <= 4:
        tails = _starts(rest, want - 1)
        return {chr(c) + tail for _, c in av for tail in tails}
    if op in _REPEATS:
        low, _high, sub = av
        found = _starts(list(sub.data), want)
        return found | _starts(rest, want) if low == 0 else found
    return {""}


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


def cue_words(pattern: re.Pattern[str], group: str | None = None) -> set[str]:
    """Lowercase words one of which every match of `pattern` (or of its `group`) contains.

    Read off the pattern's own parse tree, so the cue words cannot drift from the pattern;
    UngatedPatternError when some match could contain none.
    """
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    items = list(parsed.data)
    if group is not None:
        found = _group(items, pattern.groupindex[group])
        if found is None:
            raise UngatedPatternError(f"{pattern.pattern[:60]!r}: no group {group!r}")
        items = found
    words = _starts(items, PREFIX_CHARS)
    if "" in words:
        raise UngatedPatternError(f"{pattern.pattern[:60]!r} can match without a literal word; "
                                  "gate it on a named group or register its words by hand")
    return {w.lower() for w in words}


def register_pattern(rule: str, pattern: re.Pattern[str], group: str | None = None) -> int:
    """`register` with the cue words read off `pattern` (or one of its mandatory groups)."""
    bit = register(rule, cue_words(pattern, group))
    GATES.append((rule, pattern, group, bit))
    return bit


def _built() -> ahocorasick.Automaton:
    global _automaton
    if _automaton is None:
        automaton = ahocorasick.Automaton()
        for word, bits in _words.items():
            automaton.add_word(word, (len(word), bits))
        automaton.make_automaton()
        _automaton = automaton
    return _automaton


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
    for end, (length, bits) in automaton.iter(low, starts[0], ends[-1]):
        while end >= ends[index]:  # hits arrive in order of their end
            index += 1
            if index == count:
                return masks
        if end - length + 1 >= starts[index]:
            masks[index] |= bits
    return masks
