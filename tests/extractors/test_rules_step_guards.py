"""The cheap tests that skip a next-step pattern never skip a match.

Before some patterns the step rules first ask for a word every match holds ("帮" or "为" before
the benefactive), a first character a match can begin with (an action-item line), or a length a
match cannot exceed. Each guard is held here to the cue words read off its pattern, or to the
ungated pattern on lines made to test it: a pattern edited without its guard fails here.
"""

from __future__ import annotations

import re

import pytest

from extractors.rules import action_items, next_step_clauses
from extractors.rules.cues import cue_words
from extractors.rules.sentences import Sentence

# pattern -> the words its guard asks for (any one of them)
GUARDS = [
    (next_step_clauses._PURPOSE_CLAUSE, ("便", "让", "用于")),
    (next_step_clauses._ZH_PURPOSE, ("我",)),
    (next_step_clauses._BENEFACTIVE, ("帮", "为")),
    (next_step_clauses._TEAM_SIDE, ("边",)),
    (next_step_clauses._DELEGATED, ("让", "叫")),
    (next_step_clauses._CANNOT, ("不",)),
    (next_step_clauses._WAITING, ("等",)),
    (next_step_clauses.DESCRIBED, ("的",)),
    (next_step_clauses._JUST_A_LOOK, ("看", "试", "瞧", "了解")),
    (next_step_clauses._INTRODUCES, ("下",)),
    (next_step_clauses._TENTATIVE, ("看", "试")),
]


@pytest.mark.parametrize(("pattern", "guard"), GUARDS, ids=[p.pattern[:24] for p, _ in GUARDS])
def test_every_cue_word_of_a_guarded_pattern_holds_a_guard_word(pattern: re.Pattern[str],
                                                                guard: tuple[str, ...]) -> None:
    words = cue_words(pattern)
    assert words
    assert [w for w in words if not any(g in w for g in guard)] == []


def test_a_delegation_begins_with_its_verb() -> None:
    assert next_step_clauses._DELEGATED.pattern.startswith("^[让叫]")


@pytest.mark.parametrize("action", ["do it", "do that as well", "do that as well\n", "Do This Too",
                                    "check", "处理", "做", "do that as well, then", "send the deck",
                                    "do that as well and more", ""])
def test_the_trivial_action_test_answers_as_its_pattern(action: str) -> None:
    assert next_step_clauses._is_trivial(action) == (
        next_step_clauses._TRIVIAL_ACTIONS.match(action) is not None)


def _ungated_parts(sentence: Sentence) -> tuple[str | None, str | None, str | None]:
    """`action_items._parts` with every pattern tried, as it was before the first-character tests."""
    text, label = sentence.text, sentence.speaker
    start = action_items._ITEM_START
    if text.lstrip()[:1] not in start and (label is None or label.lstrip()[:1] not in start):
        return None, None, None
    if (m := action_items._ITEM.match(text)) is not None:
        return m.group("who"), m.group("tag"), m.group("task").strip()
    if (m := action_items._TO_ITEM.match(text)) is not None:
        return m.group("who"), None, m.group("task").strip()
    if label is not None and (m := action_items._ITEM_LABEL.match(label)) is not None:
        return m.group("who"), m.group("tag"), text.strip()
    return None, None, None


LINES = [("- Sam: send the revised plan - by Friday", None), ("1. 王磊：周五前发送报价", "Alice"),
         ("１. 王磊：周五前发送报价", "Alice"),  # a wide digit is \d too
         ("action: Priya to loop in legal", None), ("- Priya to loop in legal", "Dana"),
         ("send the revised plan", "- Sam"), ("send the revised plan", "1. Sam (Kestrel)"),
         ("send the revised plan", "１. Sam"), ("We are currently on Salesforce.", "Alice"),
         ("  * Us: 3-year pricing options - by Wed", "Alice"), ("[x] Ana: confirm headcount", None),
         ("Alice to send the deck", "Alice"), ("", "- Sam")]


@pytest.mark.parametrize(("text", "label"), LINES, ids=[f"{t[:20]}|{label}" for t, label in LINES])
def test_an_action_item_line_is_read_as_by_every_pattern(text: str, label: str | None) -> None:
    sentence = Sentence(text, 0, len(text), "unknown", label, None)
    assert action_items._parts(sentence) == _ungated_parts(sentence)
