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

from bisect import bisect_right
from collections.abc import Iterable

import ahocorasick

_words: dict[str, int] = {}
_bits: dict[str, int] = {}
_automaton: ahocorasick.Automaton | None = None


def register(rule: str, words: Iterable[str]) -> int:
    """The bit for `rule`, whose pattern can only match text containing one of `words`."""
    global _automaton
    bit = _bits.setdefault(rule, 1 << len(_bits))
    for word in words:
        word = word.lower()
        if word:
            _words[word] = _words.get(word, 0) | bit
    _automaton = None
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
    for end, (length, bits) in automaton.iter(low, starts[0], ends[-1]):
        begin = end - length + 1
        index = bisect_right(starts, begin) - 1
        if index >= 0 and end < ends[index]:
            masks[index] |= bits
    return masks
