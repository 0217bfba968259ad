"""Folded patterns (lowercase pattern over lowercased text) find exactly what the originals find.

Checked for every folded pattern on every sentence of the eval datasets, plus text whose case
is mixed on purpose: same spans, same group spans, and group text read from the original.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evals.dataset import load_dataset, to_touchpoint
from extractors.rules import RulesExtractor  # noqa: F401  (imports every rules module)
from extractors.rules.folding import FOLDED, GATED, UnfoldablePatternError, fold, gated, prefixed

DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"
MIXED = ["I'LL SEND the DPA by FRIDAY, Thanks!", "Could You Please Loop In Your CTO Next Week?",
         "We Won't Be Renewing. The Numbers STILL don't match.", "İstanbul office: Ask Priya to call",
         "OK, sounds GOOD — let's go ahead", "um, uh, I I'll send it [Crosstalk] tomorrow",
         "我们老板说月底之前要定下来，Please send the SOC 2 report.", ""]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = list(MIXED)
    for split in ("dev", "test", "composed-dev", "composed-test"):
        for item in load_dataset(DATASETS / f"{split}.jsonl"):
            text = to_touchpoint(item).text
            found += [text, *re.split(r"(?<=[.!?。！？\n])", text)]
    return found


def test_every_folded_pattern_matches_like_its_original(texts: list[str]) -> None:
    assert FOLDED
    differences = []
    for folded in FOLDED:
        original = folded.original
        for text in texts:
            want = [(m.span(), m.groups()) for m in original.finditer(text)]
            got = [(m.span(), m.groups()) for m in folded.finditer(text)]
            if want != got:
                differences.append((original.pattern[:50], text[:80], want, got))
            if original.sub(" ", text) != folded.sub(" ", text):
                differences.append((original.pattern[:50], text[:80], "sub", ""))
            if original.findall(text) != folded.findall(text):
                differences.append((original.pattern[:50], text[:80], "findall", ""))
    assert differences == []


def test_every_gated_pattern_matches_like_its_original(texts: list[str]) -> None:
    assert GATED
    differences = []
    for original, faster in GATED:
        for text in texts:
            want = [(m.span(), m.groups()) for m in original.finditer(text)]
            got = [(m.span(), m.groups()) for m in faster.finditer(text)]
            if want != got:
                differences.append((original.pattern[:50], text[:80], want, got))
    assert differences == []


@pytest.mark.parametrize(("source", "first"), [
    (r"(?<![周期])(?:下午|上午)|明天", "(?=[上下明])"),
    (r"\b(?:by|before) \d+", "(?=[b])"),
    (r"(?:a|b)?c", "(?=[abc])"),
    (r"[0-9]+点", "(?=[0123456789])"),
])
def test_the_gate_lists_the_characters_a_match_can_begin_with(source: str, first: str) -> None:
    assert gated(re.compile(source)).pattern.startswith(first)
    GATED.pop()


@pytest.mark.parametrize(("source", "beginnings", "texts"), [
    pytest.param(r"\b(?:by|before) \d+", "(?=b(?:e(?:f)|y(?:\\ )))",
                 ["by 5", "before 10", "bye 5", "abby 5"], id="words-then-unbounded"),
    pytest.param(r"(?:on |by )?(?:mon|tue)day", "(?=b(?:y(?:\\ ))|m(?:o(?:n))|o(?:n(?:\\ ))|t(?:u(?:e)))",
                 ["by monday", "on tuesday", "monday", "bymonday"], id="optional-lead-in"),
    pytest.param(r"\d/\d{1,2}", "(?=\\d(?:/(?:\\d)))", ["3/4", "1/31", "٣/٤", "a/b"],
                 id="unicode-digits-stay-digits"),
    pytest.param(r"\d{1,2}:00", "(?=\\d)", ["3:00", "12:00"], id="a-repeat-ends-the-beginning"),
    pytest.param("(?:by\\s+|在)?\x00(?:前)?", "(?=\x00|b(?:y)|在(?:\x00))", ["by \x00前", "在\x00", "x\x00"],
                 id="a-nul-literal-is-no-digit"),
])
def test_the_prefix_gate_lists_the_beginnings_a_match_can_have(source: str, beginnings: str,
                                                                texts: list[str]) -> None:
    pattern = re.compile(source)
    faster = prefixed(pattern)
    GATED.pop()
    assert faster.pattern.startswith(beginnings)
    for text in texts:
        assert [m.span() for m in faster.finditer(text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("source", [r"\w+ days", r"(?:a|b)?.", r"[^,]+,"])
def test_a_pattern_with_an_unbounded_beginning_gets_no_prefix_gate(source: str) -> None:
    pattern = re.compile(source)
    assert prefixed(pattern) is pattern


@pytest.mark.parametrize("source", [r"\w+ days", r"x*", r".+点", r"[^,]+,"])
def test_a_pattern_that_can_begin_with_anything_is_left_as_it_is(source: str) -> None:
    pattern = re.compile(source)
    assert gated(pattern) is pattern


def test_a_pattern_anchored_at_the_start_is_left_as_it_is() -> None:
    anchored = re.compile(r"^(?:发|寄)(?:给)?您")  # the matcher tries position 0 alone
    assert gated(anchored) is anchored
    assert gated(re.compile(r"^(?:发|寄)", re.M)).pattern.startswith("(?=[发寄])")  # every line
    GATED.pop()


def test_a_match_reads_its_groups_from_the_original_text() -> None:
    pattern = fold(re.compile(r"(?P<verb>send|share) (?P<what>the \w+)", re.I))
    m = pattern.search("Please SEND the Deck today")
    assert m is not None
    assert m.group(0) == "SEND the Deck"
    assert m.group("verb", "what") == ("SEND", "the Deck")
    assert m.groupdict() == {"verb": "SEND", "what": "the Deck"}
    assert m.span("what") == (12, 20)
    assert pattern.sub("", "Please SEND the Deck today") == "Please  today"
    FOLDED.remove(pattern)


@pytest.mark.parametrize("source", [r"(?-i:May) \d+", r"plain"])
def test_a_pattern_whose_case_matters_is_not_folded(source: str) -> None:
    flags = re.I if "(?-i" in source else 0
    with pytest.raises(UnfoldablePatternError):
        fold(re.compile(source, flags))

