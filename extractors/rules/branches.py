"""Big alternations gated in runs of branches: a cue word opens only the run it belongs to.

A pattern such as the flat negatives of sentiment.py is a list of unrelated phrases ("won't be
renewing", "nobody has replied", "没法用", …). Gated as one rule, any one of its cue words
("nobody") opens it, and the whole list is then tried at every position of the sentence. Here
the top-level alternatives (an outer `\\b(?:…|…)\\b` distributed over its own) are cut into at
most MAX_RUNS contiguous runs, each with a cue bit of its own read off its own source; when a
sentence's bits open a single run, that run alone is searched. Where the other runs' cue words
are absent their branches cannot match anywhere in the text, so at every position the branch
that runs is the one the whole alternation would have chosen: the same matches in the same
places (tests/extractors/test_rules_branches.py holds every run to its whole pattern on the eval
sentences). Several open runs search their union, in the pattern's order, by the same argument:
compiled on first use and kept per set of open runs (a handful of sets occur; a sentence's text
is never a key). Only patterns without groups are cut.
"""

from __future__ import annotations

import re
from typing import cast

from extractors.rules.cues import UngatedPatternError, cue_words, register, register_pattern
from extractors.rules.folding import FoldedPattern, _scan, _split, folded, gated

MAX_RUNS = 8  # cue bits per pattern: each one costs every sentence's marking a little
MAX_UNIONS = 256  # sets of open runs compiled per pattern; past this the whole pattern is searched
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")  # "(?i)" must stay first: no cut


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives, with a group that wraps a whole alternative ("\\b(?:a|b)\\b")
    distributed over its own alternatives ("\\b(?:a)\\b", "\\b(?:b)\\b")."""
    found = []
    for part in _split(source):
        before = "\\b" if part.startswith("\\b(?:") else ""
        inner: list[str] = [part]
        if part.startswith(f"{before}(?:"):
            close = next(i for i, char, depth in _scan(part) if char == ")" and depth == 0)
            after = part[close + 1 :]
            if after in ("", "\\b"):
                inner = [f"{before}(?:{a}){after}" for a in _split(part[len(before) + 3 : close])]
        found += inner
    return found


BRANCHES: list[Branches] = []  # every one, for the equivalence tests


class Branches:
    """`pattern` with a cue bit per run of its top-level alternatives; `bits` opens when any of
    them does, and `pattern_for(cues)` is the pattern to search a text with those cue bits."""

    def __init__(self, rule: str, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        original = pattern.original if isinstance(pattern, FoldedPattern) else pattern
        parts = _alternatives(original.pattern) if original.groups == 0 \
            and not _GLOBAL_FLAGS.match(original.pattern) else [original.pattern]
        self._single: dict[int, re.Pattern[str]] = {}
        self._sources: list[tuple[int, str]] = []  # (bit, source) of each run, in order
        self._flags = original.flags
        if len(parts) > 1:
            size = -(-len(parts) // MAX_RUNS)  # contiguous runs of branches, in their order
            compiled = [re.compile("|".join(parts[i : i + size]), original.flags)
                        for i in range(0, len(parts), size)]
            try:
                words = [cue_words(group) for group in compiled]
            except UngatedPatternError:  # a branch without a literal word: gate the whole
                words = []
            for n, (group, group_words) in enumerate(zip(compiled, words, strict=False)):
                bit = register(f"{rule}#{n}", group_words, pattern=group)
                self._sources.append((bit, group.pattern))
                self._single[bit] = cast("re.Pattern[str]", folded(group)) \
                    if isinstance(pattern, FoldedPattern) else gated(group)
        self.bits = sum(self._single) if self._single else register_pattern(rule, pattern)
        self._open: dict[int, re.Pattern[str]] = {**self._single, 0: pattern, self.bits: pattern}
        BRANCHES.append(self)

    def pattern_for(self, cues: int) -> re.Pattern[str]:
        """The runs `cues` opens, alone or as their union; the whole pattern when none or all."""
        opened = cues & self.bits
        found = self._open.get(opened)
        if found is None:
            found = self._union(opened)
            if len(self._open) < MAX_UNIONS:
                self._open[opened] = found
        return found

    def _union(self, opened: int) -> re.Pattern[str]:
        union = re.compile("|".join(source for bit, source in self._sources if bit & opened),
                           self._flags)
        return cast("re.Pattern[str]", FoldedPattern(union)) \
            if isinstance(self.pattern, FoldedPattern) else gated(union)
