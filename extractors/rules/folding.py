"""Patterns made faster without changing what they match: folded case and a first-character gate.

**First characters.** A pattern whose alternatives begin with lookbehinds or zero-width
assertions ("(?<!上)(?:周|星期)…", "\\b(?:by|before|…)") is tried by Python's matcher at every
position of the text, alternative after alternative. `gated(pattern)` puts in front a lookahead
for the characters any match can begin with, read off the pattern's parse tree, so most
positions fail on one character-set test (the Chinese due-date grammar runs ~15 times faster).

**Folded case.**
Python's matcher folds case character by character under `re.IGNORECASE`, which makes a large
alternation (the due-date grammar, the flat-negative phrases) two to three times slower than the
same pattern written in lowercase and matched against lowercased text. `fold(pattern)` returns an
object with the methods the rules use (`search`, `match`, `fullmatch`, `finditer`, `findall`,
`sub`) that lowercases the text with its offsets kept (`cues.lowered`), matches the lowercase
pattern, and answers in terms of the original text: spans are the same, and every group's text is
read from the original, so an action or a quote keeps its capitals.

Only a pattern whose flags include IGNORECASE and that turns it off nowhere inside (`(?-i:...)`)
can be folded; tests/extractors/test_rules_folding.py checks on every sentence of the eval
datasets that the folded pattern finds exactly what the original finds.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, cast

from extractors.rules.cues import _REPEATS, _ZERO_WIDTH, lowered, sre_constants, sre_parse

MAX_FIRST_CHARS = 400  # a pattern that can begin with more characters than this is not gated
_CATEGORIES = {sre_constants.CATEGORY_DIGIT: r"\d"}  # \w and \s would let almost anything in
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]*(?:-[imsx]+)?[:)]")

FOLDED: list[FoldedPattern] = []  # every folded pattern, for the equivalence tests
GATED: list[tuple[re.Pattern[str], re.Pattern[str]]] = []  # (original, gated), for the same


class UnfoldablePatternError(ValueError):
    """A pattern whose case matters somewhere, so lowercasing the text would change its matches."""


def _fold_source(source: str) -> str:
    """The pattern's source with every literal letter lowercased; escapes, group names and
    flags as written."""
    out: list[str] = []
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            out.append(source[i : i + 2])
            i += 2
            continue
        if source.startswith(("(?P<", "(?P="), i):
            stop = source.index(">" if source[i + 3] == "<" else ")", i)
            out.append(source[i : stop + 1])
            i = stop + 1
            continue
        if flags := _INLINE_FLAGS.match(source, i):
            if "i" in flags.group(0):
                raise UnfoldablePatternError(f"{source[:60]!r} sets case sensitivity inside")
            out.append(flags.group(0))
            i = flags.end()
            continue
        out.append(char.lower())
        i += 1
    return "".join(out)


class FoldedMatch:
    """A match over the lowercased text that answers with the original text's characters."""

    __slots__ = ("_match", "_text")

    def __init__(self, match: re.Match[str], text: str) -> None:
        self._match = match
        self._text = text

    @property
    def folded_match(self) -> re.Match[str]:
        """The match over the lowercased text (its groups lowercased)."""
        return self._match

    def _slice(self, group: int | str) -> str | None:
        start, end = self._match.span(group)
        return None if start < 0 else self._text[start:end]

    def group(self, *groups: int | str) -> Any:
        if len(groups) <= 1:
            return self._slice(groups[0] if groups else 0)
        return tuple(self._slice(g) for g in groups)

    def __getitem__(self, group: int | str) -> str | None:
        return self._slice(group)

    def groupdict(self) -> dict[str, str | None]:
        found: dict[str, str | None] = self._match.groupdict()
        for name, value in found.items():
            if value is not None:
                found[name] = self._slice(name)
        return found

    def groups(self) -> tuple[str | None, ...]:
        return tuple(self._slice(i) for i in range(1, self._match.re.groups + 1))

    def start(self, group: int | str = 0) -> int:
        return self._match.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._match.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._match.span(group)

    @property
    def string(self) -> str:
        return self._text


class FoldedPattern:
    """`original` (an IGNORECASE pattern), matched case-sensitively over lowercased text."""

    __slots__ = ("original", "folded", "pattern", "flags", "groupindex", "groups")

    def __init__(self, original: re.Pattern[str]) -> None:
        if not original.flags & re.IGNORECASE:
            raise UnfoldablePatternError(f"{original.pattern[:60]!r} is not case-insensitive")
        self.original = original
        self.folded = gated(re.compile(_fold_source(original.pattern),
                                       original.flags & ~re.IGNORECASE), runs=True)
        self.pattern = original.pattern
        self.flags = original.flags
        self.groupindex = original.groupindex
        self.groups = original.groups

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> FoldedMatch | None:
        m = self.folded.search(lowered(text), pos, endpos)
        return FoldedMatch(m, text) if m else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> FoldedMatch | None:
        m = self.folded.match(lowered(text), pos, endpos)
        return FoldedMatch(m, text) if m else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> FoldedMatch | None:
        m = self.folded.fullmatch(lowered(text), pos, endpos)
        return FoldedMatch(m, text) if m else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize
                 ) -> Iterator[FoldedMatch]:
        return (FoldedMatch(m, text) for m in self.folded.finditer(lowered(text), pos, endpos))

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        low = lowered(text)
        if low == text:  # no capitals: the lowercase pattern's own answer is the same
            return self.folded.findall(text, pos, endpos)
        found = self.folded.finditer(low, pos, endpos)
        if self.groups == 0:
            return [text[m.start() : m.end()] for m in found]
        if self.groups == 1:
            return [FoldedMatch(m, text)._slice(1) or "" for m in found]
        return [tuple(g or "" for g in FoldedMatch(m, text).groups()) for m in found]

    def sub(self, repl: str | Callable[[FoldedMatch], str], text: str, count: int = 0) -> str:
        if isinstance(repl, str) and "\\" in repl:
            return self.original.sub(repl, text, count)  # group references: let re expand them
        low = lowered(text)
        if isinstance(repl, str) and low == text:  # no capitals: the lowercase pattern's own sub
            return self.folded.sub(repl, text, count)
        pieces: list[str] = []
        cursor = 0
        for n, m in enumerate(self.folded.finditer(low), 1):
            pieces.append(text[cursor : m.start()])
            pieces.append(repl if isinstance(repl, str) else repl(FoldedMatch(m, text)))
            cursor = m.end()
            if n == count:
                break
        if not pieces:  # most calls: nothing to replace
            return text
        pieces.append(text[cursor:])
        return "".join(pieces)


def _class_items(av: list) -> set[str] | None:
    """The members of a character class as class syntax, or None for a negated or wide one."""
    found: set[str] = set()
    for op, value in av:
        if op is sre_constants.LITERAL:
            found.add(re.escape(chr(value)))
        elif op is sre_constants.RANGE and value[1] - value[0] < 64:
            found.update(re.escape(chr(c)) for c in range(value[0], value[1] + 1))
        elif op is sre_constants.CATEGORY and value in _CATEGORIES:
            found.add(_CATEGORIES[value])
        else:
            return None
    return found


def _first(items: list) -> set[str] | None:
    """What a match of `items` can begin with (class syntax), None when that is unbounded, and
    an empty string among them when the match can be empty."""
    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is sre_constants.LITERAL:
            return {re.escape(chr(av))}
        if op is sre_constants.IN:
            return _class_items(av)
        if op is sre_constants.SUBPATTERN:
            return _first(list(av[-1].data) + items[index + 1 :])
        if op is sre_constants.BRANCH:
            found: set[str] = set()
            for branch in av[1]:
                part = _first(list(branch.data) + items[index + 1 :])
                if part is None:
                    return None
                found |= part
            return found
        if op in _REPEATS:
            inner = _first(list(av[2].data))
            if inner is None or av[0] > 0:
                return inner
            rest = _first(items[index + 1 :])
            return None if rest is None else inner | rest
        return None
    return {""}


def _scan(source: str) -> list[tuple[int, str, int]]:
    """(index, character, depth before it) of every "(", ")" and "|" that is syntax: not escaped,
    not inside a character class."""
    found, depth, i = [], 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # skip the class; a "]" right after "[" or "[^" is a member
            i += 2 if source.startswith("[^", i) else 1
            i += source.startswith("]", i)
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif char in "(|)":
            depth -= char == ")"
            found.append((i, char, depth))
            depth += char == "("
        i += 1
    return found


def _split(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source."""
    parts, start = [], 0
    for i, char, depth in _scan(source):
        if char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    parts.append(source[start:])
    return parts


MIN_GUARDED_BRANCHES = 16  # an alternation shorter than this is tried branch by branch


def _guarded_runs(pattern: re.Pattern[str]) -> str:
    """The source of `pattern` with its top-level alternatives in runs of about the square root
    of their number, each run behind a lookahead for the characters its own matches begin with.
    The matcher tries a long alternation branch after branch at every position the pattern's
    first characters allow (an English letter lets every Chinese phrase of a bilingual list be
    tried); a run whose characters are not there is skipped on one test. The branches keep their
    order, and a lookahead only refuses a position where none of its run's branches could begin,
    so every match is the same."""
    parts = _split(pattern.pattern)
    if len(parts) < MIN_GUARDED_BRANCHES:
        return pattern.pattern
    size = max(2, math.isqrt(len(parts)))
    runs = []
    for i in range(0, len(parts), size):
        run = "|".join(parts[i : i + size])
        try:
            first = _first(list(sre_parse.parse(run, pattern.flags).data))
        except re.error:  # a run that refers to a group of another: the source as written
            return pattern.pattern
        if first is None or "" in first or len(first) > MAX_FIRST_CHARS:
            runs.append(run)
        else:
            runs.append(f"(?=[{''.join(sorted(first))}])(?:{run})")
    return "|".join(runs)


def gated(pattern: re.Pattern[str], *, runs: bool = False) -> re.Pattern[str]:
    """`pattern` with a lookahead for the characters its matches begin with, when that is a
    bounded set (the same matches, found faster); else `pattern` itself (also when it is anchored
    at the start of the text, which the matcher already tries alone)."""
    flags = _INLINE_FLAGS.match(pattern.pattern)
    if flags and flags.group(0).endswith(")"):
        return pattern  # global flags such as "(?i)" must stay first
    items = list(sre_parse.parse(pattern.pattern, pattern.flags).data)
    if items and items[0] == (sre_constants.AT, sre_constants.AT_BEGINNING) \
            and not pattern.flags & re.MULTILINE:
        return pattern  # "^…": the matcher tries the start alone; a lookahead before it, every position
    source = _guarded_runs(pattern) if runs else pattern.pattern
    first = _first(items)
    if first is None or "" in first or len(first) > MAX_FIRST_CHARS:
        if source == pattern.pattern:
            return pattern
        faster = re.compile(source, pattern.flags)  # no gate for the whole; its runs have theirs
    else:
        faster = re.compile(f"(?=[{''.join(sorted(first))}])(?:{source})", pattern.flags)
    GATED.append((pattern, faster))
    return faster


MAX_PREFIXES = 400  # a pattern that can begin in more ways than this gets no prefix gate
MAX_PREFIX_CLASS = 12  # a character class wider than this ends a prefix
Prefix = tuple[str, ...]  # one character each, or r"\d" for any digit \d matches (Unicode too)


def _prefixes(items: list, prefix: Prefix, size: int) -> set[Prefix] | None:
    """The beginnings of up to `size` characters a match of `items` can have after `prefix` (a
    set of necessary beginnings: a part the reading cannot spell out ends a beginning there);
    None when they grow past MAX_PREFIXES."""
    if len(prefix) >= size or not items:
        return {prefix[:size]}
    (op, av), rest = items[0], items[1:]
    if op in _ZERO_WIDTH:
        return _prefixes(rest, prefix, size)
    if op is sre_constants.LITERAL:
        return _prefixes(rest, (*prefix, chr(av)), size)
    if op is sre_constants.IN:
        members = _class_items(av)
        if members is None or len(members) > MAX_PREFIX_CLASS:
            return {prefix}
        return _union([_prefixes(rest, (*prefix, m if m == r"\d" else re.sub(r"\\(.)", r"\1", m)),
                                 size) for m in members])
    if op is sre_constants.SUBPATTERN:
        options = [list(av[-1].data)]
    elif op is sre_constants.BRANCH:
        options = [list(branch.data) for branch in av[1]]
    elif op in _REPEATS:
        low, high, inner = av[0], av[1], list(av[2].data)
        if high == 0:
            return _prefixes(rest, prefix, size)
        once = inner + rest if high == 1 else inner + [(sre_constants.ANY, None)]  # then stop
        return _union([_prefixes(o, prefix, size) for o in ([once] if low else [rest, once])])
    else:
        return {prefix}
    return _union([_prefixes(o + rest, prefix, size) for o in options])


def _union(parts: list[set[Prefix] | None]) -> set[Prefix] | None:
    found: set[Prefix] = set()
    for part in parts:
        if part is None:
            return None
        found |= part
        if len(found) > MAX_PREFIXES:
            return None
    return found


def _trie(prefixes: list[Prefix]) -> str:
    """An alternation of `prefixes` as a trie ("a(?:b|c)" for "ab", "ac"), which the matcher
    skips on one character per branch."""
    by_first: dict[str, list[Prefix]] = {}
    for prefix in sorted(prefixes):
        by_first.setdefault(prefix[0], []).append(prefix[1:])
    parts = []
    for first, tails in by_first.items():
        longer = [t for t in tails if t]
        head = first if first == r"\d" else re.escape(first)
        parts.append(head if len(longer) < len(tails) else f"{head}(?:{_trie(longer)})")
    return "|".join(parts)


def prefixed(pattern: re.Pattern[str], size: int = 3) -> re.Pattern[str]:
    """`pattern` with a lookahead for the first `size` characters its matches can begin with:
    the same matches, but where its first letters say little ("\\b(?:by|before|next|…)" opens on
    most words) the whole pattern runs only where one of its beginnings stands. `pattern`
    itself when those beginnings are unbounded or too many."""
    flags = _INLINE_FLAGS.match(pattern.pattern)
    if flags and flags.group(0).endswith(")"):
        return pattern
    found = _prefixes(list(sre_parse.parse(pattern.pattern, pattern.flags).data), (), size)
    if not found or () in found:
        return pattern
    faster = re.compile(f"(?={_trie(sorted(found))})(?:{pattern.pattern})", pattern.flags)
    GATED.append((pattern, faster))
    return faster


def fold(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` as a FoldedPattern (registered for the equivalence tests); a pattern anchored
    at the start stays as it is (it is tried once, so lowercasing the text would cost more).

    Typed as the `re.Pattern` it stands in for: a FoldedPattern answers every method and
    attribute the rules use (its matches the same way), and the tests hold it to that.
    """
    if pattern.pattern.startswith("^"):
        return pattern
    return cast("re.Pattern[str]", folded(pattern))


def folded(pattern: re.Pattern[str]) -> FoldedPattern:
    """`pattern` as a FoldedPattern, always (registered for the equivalence tests)."""
    result = FoldedPattern(pattern)
    FOLDED.append(result)
    return result
