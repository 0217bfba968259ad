"""Loading gold datasets: the DESIGN.md format, helpful errors, splits, and path items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import BadInputError
from evals.dataset import dataset_catalog, load_dataset, to_touchpoint

DATA = Path(__file__).parent.parent / "data" / "evals"
GOOD = {"id": "x-1", "channel": "chat", "language": "en",
        "occurred_at": "2026-03-02T10:00:00+08:00", "text": "Customer: hi", "expected": {}}


def _write(tmp_path: Path, *records: object) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)
                              for r in records) + "\n", encoding="utf-8")
    return path


BAD = [
    ("not json", "{oops", "not valid JSON"),
    ("not an object", "[1, 2]", "must be a JSON object"),
    ("no id", {k: v for k, v in GOOD.items() if k != "id"}, "missing id"),
    ("no text or path", {k: v for k, v in GOOD.items() if k != "text"}, "text or path"),
    ("unknown channel", {**GOOD, "channel": "fax"}, "channel 'fax'"),
    ("naive time", {**GOOD, "occurred_at": "2026-03-02T10:00:00"}, "UTC offset"),
    ("bad sentiment", {**GOOD, "expected": {"sentiment": "angry"}}, "expected.sentiment"),
    ("competitors not a list", {**GOOD, "expected": {"competitors": "HubSpot"}},
     "expected.competitors must be a list of strings"),
    ("next step without action", {**GOOD, "expected": {"next_steps": [{"owner": "rep"}]}},
     '"action" string'),
    ("missing file", {**GOOD, "text": None, "path": "nowhere.vtt"}, "nowhere.vtt"),
    ("bad direction", {**GOOD, "direction": "sideways"}, "direction"),
]


@pytest.mark.parametrize(("record", "message"), [(r, m) for _, r, m in BAD],
                         ids=[name for name, _, _ in BAD])
def test_a_bad_line_is_rejected_naming_the_line_and_the_problem(tmp_path, record, message):
    path = _write(tmp_path, GOOD | {"id": "ok"}, record)
    with pytest.raises(BadInputError) as raised:
        load_dataset(path)
    assert f"{path}:2" in str(raised.value) and message in str(raised.value)


def test_duplicate_ids_and_empty_files_are_rejected(tmp_path):
    with pytest.raises(BadInputError, match="duplicate id 'x-1'"):
        load_dataset(_write(tmp_path, GOOD, GOOD))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="no items"):
        load_dataset(empty)


def test_extra_keys_are_kept_and_language_is_detected_when_absent(tmp_path):
    record = {k: v for k, v in GOOD.items() if k != "language"}
    items = load_dataset(_write(tmp_path, {**record, "text": "客户：我们在评估销售易。",
                                           "annotator": "lw"}))
    assert items[0].language == "zh" and items[0].extra == {"annotator": "lw"}


def test_a_split_keeps_only_its_items_and_an_unknown_split_names_the_known_ones():
    gold = DATA / "split" / "gold.jsonl"
    assert [i.id for i in load_dataset(gold, split="test")] == ["en-vtt-1", "zh-chat-1"]
    assert [i.id for i in load_dataset(gold, split="dev")] == ["en-dev-1"]
    with pytest.raises(BadInputError, match="dev, test"):
        load_dataset(gold, split="train")


def test_a_path_item_goes_through_the_production_transcript_parser():
    item = load_dataset(DATA / "split" / "gold.jsonl", split="test")[0]
    touchpoint = to_touchpoint(item)
    assert [s.role for s in touchpoint.segments] == ["rep", "customer", "rep"]
    assert touchpoint.channel == "call" and "HubSpot" in touchpoint.text
    assert touchpoint.occurred_at.utcoffset() is not None


def test_a_text_item_becomes_a_touchpoint_with_a_stable_id():
    item = load_dataset(DATA / "tiny.jsonl")[1]
    first, second = to_touchpoint(item), to_touchpoint(item)
    assert first.id == second.id and first.text == item.text and first.language == "zh"


def test_the_competitors_yaml_beside_a_dataset_is_its_catalog():
    catalog = dataset_catalog(DATA / "split" / "gold.jsonl")
    assert catalog is not None and "赛富时" in catalog.aliases["Salesforce"]
    assert dataset_catalog(DATA / "split" / "elsewhere" / "gold.jsonl") is None
