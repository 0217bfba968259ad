"""The cheap tests that skip a next-step pattern never skip a match.

Before its patterns, an action-item line is first asked for a character a match can begin with;
each guard is held here to the ungated patterns on lines made to test it.
"""

from __future__ import annotations

import pytest

from extractors.rules import action_items
from extractors.rules.sentences import Sentence


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
