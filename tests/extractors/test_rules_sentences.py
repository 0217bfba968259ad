"""The sentence boundary, written to open on a character class, ends sentences where the readable
pattern does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evals.dataset import load_dataset, to_touchpoint
from extractors.rules.sentences import _BOUNDARY

DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"
READABLE = re.compile(r"[。！？!?；;]+|\.(?=\s|$)|\n")


@pytest.mark.parametrize("text", [
    "Done. Next?! Yes!!", "v2.1 is out.\nOK", "3.5 seats... ok.", "好的。。！！真的？；嗯", "a.b. c\n\nd.",
    "end.", ".", "\n", "", "e.g. this", "trailing dot. ",
], ids=lambda text: repr(text)[:20])
def test_the_boundary_ends_sentences_where_the_readable_pattern_does(text: str) -> None:
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in READABLE.finditer(text)]
    for end in range(len(text) + 1):  # the split searches each turn up to its end
        assert [m.span() for m in _BOUNDARY.finditer(text, 0, end)] == \
            [m.span() for m in READABLE.finditer(text, 0, end)]


def test_the_boundary_ends_every_eval_text_where_the_readable_pattern_does() -> None:
    for split in ("dev", "test", "blind", "composed-dev", "composed-test"):
        for item in load_dataset(DATASETS / f"{split}.jsonl"):
            text = to_touchpoint(item).text
            assert [m.span() for m in _BOUNDARY.finditer(text)] == \
                [m.span() for m in READABLE.finditer(text)], item.id
