"""The composed gold items: well-formed, reproducible, split-clean, due dates by the GUIDE."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from evals.compose_gold import SCENES, resolve_due, write_composed
from evals.dataset import load_dataset
from evals.metrics import SENTIMENT_LABELS

DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"
TUESDAY = date(2026, 3, 10)


@pytest.mark.parametrize(("phrase", "due"), [
    ("Friday", "2026-03-13"), ("周二", "2026-03-17"), ("next Tuesday", "2026-03-17"),
    ("下周三", "2026-03-18"), ("next week", "2026-03-16"), ("this week", "2026-03-13"),
    ("end of month", "2026-03-31"), ("月底前", "2026-03-31"), ("today", "2026-03-10"),
    ("下午", "2026-03-10"), ("tomorrow", "2026-03-11"), ("后天", "2026-03-12"),
    ("下周一", "2026-03-16"), ("本周内", "2026-03-13"), (None, None),
], ids=lambda v: str(v))
def test_due_phrases_resolve_by_the_guide_table(phrase: str | None, due: str | None) -> None:
    assert resolve_due(phrase, TUESDAY) == due


def test_an_unknown_due_phrase_is_an_error_not_a_guess() -> None:
    with pytest.raises(ValueError, match="resolve_due"):
        resolve_due("sometime soon", TUESDAY)


def test_the_composed_files_are_what_the_composer_writes(tmp_path: Path) -> None:
    write_composed(tmp_path)
    for split in ("dev", "test"):
        name = f"composed-{split}.jsonl"
        assert (tmp_path / name).read_bytes() == (DATASETS / name).read_bytes(), name


def test_composed_items_load_and_use_the_label_vocabulary() -> None:
    for split in ("dev", "test"):
        for item in load_dataset(DATASETS / f"composed-{split}.jsonl"):
            assert item.expected["sentiment"] in SENTIMENT_LABELS
            for step in item.expected["next_steps"]:
                assert step["owner"] in ("rep", "customer"), item.id


def test_no_scene_and_no_text_is_shared_between_dev_and_test() -> None:
    scenes = yaml.safe_load(SCENES.read_text(encoding="utf-8"))
    turns = {split: {text for lang in scenes[split].values() for scene in lang
                     for _, text in scene["turns"]} for split in ("dev", "test")}
    assert not turns["dev"] & turns["test"]
    dev = load_dataset(DATASETS / "composed-dev.jsonl")
    test = load_dataset(DATASETS / "composed-test.jsonl")
    assert not {i.text for i in dev} & {i.text for i in test}


def test_all_gold_together_is_over_600_items_with_45_percent_chinese() -> None:
    items = [i for name in ("dev", "test", "composed-dev", "composed-test")
             for i in load_dataset(DATASETS / f"{name}.jsonl")]
    assert len(items) >= 600
    assert len({i.id for i in items}) == len(items)
    assert sum(i.language == "zh" for i in items) / len(items) >= 0.45
