"""Patterns gated in runs of branches find, with any one run open, what the whole pattern finds.

Checked for every `Branches` on every sentence of the eval datasets (and the sentence sets), with
the cue bits the sentence really has; the cut itself is checked on sources that exercise classes,
escapes and wrapped groups.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from evals.dataset import load_dataset, to_touchpoint
from extractors.rules import RulesExtractor  # noqa: F401  (imports every rules module)
from extractors.rules.branches import BRANCHES, Branches, _alternatives
from extractors.rules.cues import GATES, cues_of
from extractors.rules.sentences import split_sentences

DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    found = []
    for split in ("dev", "test", "composed-dev", "composed-test"):
        for item in load_dataset(DATASETS / f"{split}.jsonl"):
            found += [s.text for s in split_sentences(to_touchpoint(item))]
    for split in ("train", "dev", "test"):
        with (DATASETS / "sentences" / f"{split}.jsonl").open(encoding="utf-8") as lines:
            found += [json.loads(line)["text"] for line in lines]
    return found


def test_every_run_finds_what_its_whole_pattern_finds(sentences: list[str]) -> None:
    assert BRANCHES
    differences, alone = [], 0
    for branches in BRANCHES:
        for text in sentences:
            cues = cues_of(text)
            if cues & branches.bits and branches.pattern_for(cues) is not branches.pattern:  # runs
                alone += 1
                want, got = branches.pattern.findall(text), branches.pattern_for(cues).findall(text)
                if want != got:
                    differences.append((branches.pattern.pattern[:40], text, want, got))
    assert differences == []
    assert alone > 100  # the runs are really searched alone on these sentences


@pytest.mark.parametrize(("source", "parts"), [
    pytest.param(r"\b(?:a|b c)\b|x|(?:y|z)", [r"\b(?:a)\b", r"\b(?:b c)\b", "x", "(?:y)", "(?:z)"],
                 id="wrapped-groups-distributed"),
    pytest.param(r"[|)]a|\|b|c(?:d|e)", ["[|)]a", r"\|b", "c(?:d|e)"], id="classes-escapes-nested"),
    pytest.param(r"[]|]q|[^]|]r", ["[]|]q", "[^]|]r"], id="bracket-first-in-class"),
    pytest.param(r"\b(?:a|b)c|(?:e|f)+", [r"\b(?:a|b)c", "(?:e|f)+"], id="group-with-more-after"),
])
def test_a_pattern_is_cut_at_its_top_level_alternatives(source: str, parts: list[str]) -> None:
    assert _alternatives(source) == parts
    assert all(re.compile(part) for part in parts)


def test_one_open_run_is_searched_alone_and_several_as_their_union() -> None:
    pattern = re.compile(r"\b(?:nobody replied|still broken)\b|没法用", re.I)
    branches = Branches("test_branches", pattern)
    del GATES[-3:]  # three runs, one per branch: kept out of the corpus-wide gate tests
    BRANCHES.pop()
    alone = branches.pattern_for(cues_of("Nobody replied."))
    assert alone is not pattern and alone.findall("Nobody replied, still broken") == ["Nobody replied"]
    two = "Nobody replied, still broken"
    union = branches.pattern_for(cues_of(two))
    assert union is not pattern and r"\b(?:nobody replied)\b|\b(?:still broken)\b" in union.pattern
    assert union.findall(two) == pattern.findall(two) == ["Nobody replied", "still broken"]
    assert branches.pattern_for(cues_of(two)) is union  # compiled once per set of open runs
    assert branches.pattern_for(cues_of("Nobody replied, still broken, 没法用")) is pattern
    assert not cues_of("all fine") & branches.bits
