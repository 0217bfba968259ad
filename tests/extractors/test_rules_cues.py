"""The cue-word prefilter never hides a match: checked on every sentence of the eval datasets.

Each rule's regex runs only on sentences whose cue words it could match (extractors/rules/cues.py);
if a cue list missed a word, a rule would silently stop firing. These tests run every gated
pattern on every sentence, ungated, and require the gate to have been open wherever it matches.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evals.dataset import load_dataset, to_touchpoint
from extractors.rules import RulesExtractor  # noqa: F401  (registers every rule's cue words)
from extractors.rules.cues import GATES, LITERAL_GATES, UngatedPatternError, cue_words, literal_gate
from extractors.rules.next_step_clauses import is_candidate, sentence_steps
from extractors.rules.sentences import Sentence, split_sentences

DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"
EXTRA = ["Kenji agreed to send the user list by Friday.", "I'll, um, send the deck tomorrow.",
         "[10:32] 客服小美：亲，订单{order_id}已经发货啦[微笑]", "呵呵，又崩了。",
         "Great, another outage :rage:", "那你们先出一个迁移计划，4月10号之前。"]


@pytest.fixture(scope="module")
def corpus() -> list[tuple[Sentence, object]]:
    found = []
    for split in ("dev", "test"):
        for item in load_dataset(DATASETS / f"{split}.jsonl"):
            tp = to_touchpoint(item)
            found += [(s, tp) for s in split_sentences(tp)]
    return found


def test_every_gated_pattern_matches_only_where_its_cue_words_occur(corpus) -> None:
    assert GATES
    misses = []
    for rule, pattern, group, bit in GATES:
        for sentence, _ in corpus:
            m = pattern.search(sentence.text)
            if m is not None and (group is None or m.group(group) is not None) \
                    and not sentence.cues & bit:
                misses.append((rule, sentence.text))
    assert misses == []


def test_every_literal_gate_is_open_wherever_its_pattern_matches(corpus) -> None:
    assert LITERAL_GATES
    misses = []
    for pattern, could_match in LITERAL_GATES:
        for sentence, _ in corpus:
            text = sentence.text
            pieces = [text, *(text[i:] for i in range(1, len(text), 7))]
            misses += [(pattern.pattern[:40], piece) for piece in pieces
                       if pattern.search(piece) and not could_match(piece)]
    assert misses == []


def test_a_literal_gate_closes_on_text_without_its_words() -> None:
    could_match = literal_gate(re.compile(r"[,，;；、]|\s(?:and then|then)\s", re.I))
    LITERAL_GATES.pop()
    assert could_match("Send it, THEN call") and could_match("好的，谢谢")
    assert not could_match("Send the deck tomorrow") and not could_match("我明天发给您")


def test_no_step_is_found_in_a_sentence_the_candidate_test_skips(corpus) -> None:
    for sentence, tp in corpus:
        if not is_candidate(sentence.cues):
            assert sentence_steps(sentence, tp, True) == [], sentence.text  # type: ignore[arg-type]


@pytest.mark.parametrize(("pattern", "words"), [
    pytest.param(r"\b(?:send|share) (?:it|the deck)\b", {"send i", "send t", "share ", "sendit"},
                 id="alternation-then-literal"),
    pytest.param(r"麻烦(?:您|你)?发", {"麻烦"}, id="chinese-optional-part"),
])
def test_cue_words_are_read_off_the_pattern(pattern: str, words: set[str]) -> None:
    found = cue_words(re.compile(pattern, re.I))
    assert all(any(w.startswith(f) or f.startswith(w) for f in found) for w in words - {"sendit"})


def test_a_pattern_that_can_match_without_a_word_is_refused() -> None:
    with pytest.raises(UngatedPatternError, match="without a literal word"):
        cue_words(re.compile(r"\d+\s*\w+"))


@pytest.mark.parametrize("text", EXTRA)
def test_noisy_lines_still_split_into_sentences(text: str) -> None:
    from datetime import UTC, datetime

    from assistant.models import Source, Touchpoint
    tp = Touchpoint(id="x", tenant_id="t", channel="chat", occurred_at=datetime(2026, 3, 2, tzinfo=UTC),
                    text=text, source=Source(uri="m", sha256="0" * 64, media_type="text/plain"))
    assert all(tp.text[s.start:s.end] == s.text for s in split_sentences(tp))


def test_the_action_cleaners_gates_open_wherever_their_patterns_match(corpus) -> None:
    from extractors.rules import next_step_patterns as patterns

    gates = [(patterns._PURPOSE, patterns._PURPOSE_CUE), (patterns._CLOCK, patterns._CLOCK_CUE),
             (patterns._TRAILING_POLITE, patterns._POLITE_CUE)]
    texts = [s.text for s, _ in corpus] + ["send the deck at 3pm so we can review", "发我吧",
                                            "下午三点前修复，以便我们上线", "share it asap!!"]
    misses = [(p.pattern[:30], t) for t in texts for p, bit in gates
              if p.search(t) and not patterns._CLEANER_CUES.bits(t) & bit]
    assert misses == []


def test_longest_words_finds_what_the_longest_first_alternation_finds(corpus) -> None:
    """The Chinese sentiment lexicon, on every eval sentence and on strings packed with its
    words, prefixes of them and overlaps."""
    import random

    from extractors.rules.cues import LongestWords
    from extractors.rules.sentiment import _zh_lexicon

    pattern, weights, *_ = _zh_lexicon()
    words = LongestWords(weights)
    rng = random.Random(5)
    vocabulary = sorted(weights)
    pieces = vocabulary + [w[:-1] for w in vocabulary if len(w) > 1] + ["不", "很", "，", "a", " "]
    texts = [s.text for s, _ in corpus] + ["".join(rng.choice(pieces) for _ in range(12))
                                           for _ in range(3000)]
    differences = [t for t in texts
                   if words.finditer(t) != [(m.start(), m.group(0)) for m in pattern.finditer(t)]]
    assert differences == []


@pytest.mark.parametrize(("words", "text", "found"), [
    (["ab", "abc", "bcd"], "abcd", [(0, "abc")]),
    (["b", "abc"], "xabcb", [(1, "abc"), (4, "b")]),
    (["很好", "好"], "好很好", [(0, "好"), (1, "很好")]),
], ids=["longest-at-a-start", "leftmost-first", "adjacent"])
def test_longest_words_takes_the_leftmost_then_longest_word(words, text, found) -> None:
    from extractors.rules.cues import LongestWords

    assert LongestWords(words).finditer(text) == found


@pytest.mark.parametrize(("pattern", "words"), [
    pytest.param(r"\b(?:um|er)\b", {"\x01um", "\x01er"}, id="group-between-boundaries"),
    pytest.param(r"\b(?:hi|hello)\b", {"\x01hi", "\x01hello"}, id="literal-group"),
    pytest.param(r"\b(?:um+|er)\b", {"um", "\x01er"}, id="a-repeat-is-not-whole"),
    pytest.param(r"\b(?:um|er)", {"um", "er"}, id="no-closing-boundary"),
    pytest.param(r"x(?:um|er)\b", {"xum", "xer"}, id="joined-to-a-letter"),
    pytest.param(r"\b(?:you know|I mean)(?=\s*,)\b", {"\x01you know", "\x01i mean"},
                 id="lookahead-between"),
])
def test_whole_words_are_read_off_the_boundaries(pattern: str, words: set[str]) -> None:
    assert cue_words(re.compile(pattern, re.I), whole_words=True) == words


@pytest.mark.parametrize(("text", "opens"), [
    ("Hi Dana, quick question", True), ("so, hi.", True), ("hi", True),
    ("This is too high for us", False), ("which one ships first", False),
])
def test_a_whole_word_cue_opens_its_gate_only_as_a_word(text: str, opens: bool) -> None:
    from extractors.rules.cues import cues_of
    from extractors.rules.sentiment import _COURTESY_CUE

    assert bool(cues_of(text) & _COURTESY_CUE) is opens
