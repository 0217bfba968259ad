"""The gold eval datasets are well-formed and consistent with the labelling guide (evals/GUIDE.md).

A mislabelled or malformed gold item silently skews every score the harness reports, so these
checks run with the unit suite: every split (dev, test and the blind splits) loads through
the production loader, ids are unique across splits, the language mix and size hold, and every label
uses the agreed vocabulary.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant.ingest.common import detect_language
from evals.dataset import GoldItem, load_dataset, to_touchpoint
from evals.metrics import LIST_FIELDS, SENTIMENT_LABELS
from extractors.catalog import load_catalog

DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"
LAST_BLIND = 20  # blind7..blind<LAST_BLIND> are written to the same recipe
SPLITS = ("dev", "test", "blind", "blind2", "blind3", "blind4", "blind5", "blind6",
          *(f"blind{n}" for n in range(7, LAST_BLIND + 1)), "real1")
BLIND_SPLITS = {"blind": 80, "blind2": 100, "blind3": 80, "blind4": 100, "blind5": 100,
                "blind6": 100, **{f"blind{n}": 100 for n in range(7, LAST_BLIND + 1)}}  # name -> minimum size
PREFIXED_SPLITS = {*BLIND_SPLITS, "real1"}  # ids start with the split name
CHANNELS_USED = {"call", "meeting", "email", "chat", "ticket"}


def _split(name: str) -> list[GoldItem]:
    return load_dataset(DATASETS / f"{name}.jsonl")


@pytest.fixture(scope="module")
def items_by_split() -> dict[str, list[GoldItem]]:
    return {name: _split(name) for name in SPLITS}


@pytest.fixture(scope="module")
def all_items(items_by_split: dict[str, list[GoldItem]]) -> list[GoldItem]:
    return [item for items in items_by_split.values() for item in items]


@pytest.fixture(scope="module")
def catalog() -> dict[str, list[str]]:
    loaded = load_catalog(DATASETS / "competitors.yaml")
    assert loaded.aliases, "competitors.yaml must map names to aliases"
    return loaded.aliases


@pytest.mark.parametrize("split", SPLITS)
def test_each_split_loads_with_the_production_loader(split: str) -> None:
    assert _split(split)


def test_ids_are_unique_across_all_splits(all_items: list[GoldItem]) -> None:
    ids = [item.id for item in all_items]
    assert len(ids) == len(set(ids))


def test_dev_and_test_share_no_ids_and_no_texts(items_by_split: dict[str, list[GoldItem]]) -> None:
    dev, test = items_by_split["dev"], items_by_split["test"]
    assert not {i.id for i in dev} & {i.id for i in test}
    assert not {i.text for i in dev if i.text} & {i.text for i in test if i.text}


def test_ids_name_language_and_channel(items_by_split: dict[str, list[GoldItem]]) -> None:
    for split, items in items_by_split.items():
        prefix = f"{split}-" if split in PREFIXED_SPLITS else ""
        for item in items:
            assert re.fullmatch(rf"{prefix}{item.language}-{item.channel}-[0-9a-z-]+", item.id), item.id


@pytest.mark.parametrize("split", sorted(BLIND_SPLITS))
def test_a_blind_split_shares_no_text_with_any_other_split(
        split: str, items_by_split: dict[str, list[GoldItem]]) -> None:
    seen = {i.text for name in SPLITS if name != split for i in items_by_split[name] if i.text}
    assert not {i.text for i in items_by_split[split] if i.text} & seen


@pytest.mark.parametrize("split", sorted(BLIND_SPLITS))
def test_a_blind_split_is_balanced(split: str, items_by_split: dict[str, list[GoldItem]]) -> None:
    blind = items_by_split[split]
    assert len(blind) >= BLIND_SPLITS[split]
    assert sum(i.language == "zh" for i in blind) / len(blind) >= 0.45
    for language in ("en", "zh"):
        assert {i.channel for i in blind if i.language == language} == CHANNELS_USED
    assert {i.expected["sentiment"] for i in blind} == set(SENTIMENT_LABELS)
    for item in blind:
        if item.channel == "email":
            assert item.extra.get("direction") in ("inbound", "outbound"), item.id


def test_blind3_has_eight_items_per_channel_and_language(
        items_by_split: dict[str, list[GoldItem]]) -> None:
    """GUIDE.md "Blind split 3": 40 English and 40 Chinese items, eight per channel."""
    counts: dict[tuple[str, str], int] = {}
    for item in items_by_split["blind3"]:
        counts[item.language, item.channel] = counts.get((item.language, item.channel), 0) + 1
    assert counts == {(lang, ch): 8 for lang in ("en", "zh") for ch in CHANNELS_USED}


@pytest.mark.parametrize("split", [f"blind{n}" for n in range(4, LAST_BLIND + 1)])
def test_blind4_and_later_have_ten_items_per_channel_and_language(
        split: str, items_by_split: dict[str, list[GoldItem]]) -> None:
    """GUIDE.md "Blind split 4" to "Split blind20": 50 English and 50 Chinese items, ten per channel."""
    counts: dict[tuple[str, str], int] = {}
    for item in items_by_split[split]:
        counts[item.language, item.channel] = counts.get((item.language, item.channel), 0) + 1
    assert counts == {(lang, ch): 10 for lang in ("en", "zh") for ch in CHANNELS_USED}


@pytest.mark.parametrize("split", [*(f"blind{n}" for n in range(3, LAST_BLIND + 1)), "real1"])
def test_a_late_blind_split_shares_no_line_with_any_other_split(
        split: str, items_by_split: dict[str, list[GoldItem]]) -> None:
    """Written blind: not even a quoted line or a signature is borrowed from another split."""
    def lines(items: list[GoldItem]) -> set[str]:
        return {line.strip() for i in items if i.text for line in i.text.splitlines()
                if len(line.strip()) >= 25}
    other = lines([i for name in SPLITS if name != split for i in items_by_split[name]])
    assert not lines(items_by_split[split]) & other


def test_items_adapted_from_outside_text_cite_a_permissive_licence(
        all_items: list[GoldItem]) -> None:
    """Outside text may ship only under a licence that allows it (GUIDE.md, "Blind split 2")."""
    for item in all_items:
        source = item.extra.get("source")
        if source is not None:
            assert re.search(r"\b(MIT|Apache|CC BY|CC0)\b", source), (item.id, source)
            assert not re.search(r"\b(NC|ND)\b", source), (item.id, source)


def test_there_are_at_least_160_items_and_dev_is_the_smaller_split(
        items_by_split: dict[str, list[GoldItem]]) -> None:
    dev, test = len(items_by_split["dev"]), len(items_by_split["test"])
    assert dev + test >= 160
    assert 0.3 <= dev / (dev + test) <= 0.5


def test_at_least_45_percent_of_items_are_chinese(all_items: list[GoldItem]) -> None:
    assert {item.language for item in all_items} <= {"en", "zh"}
    assert sum(item.language == "zh" for item in all_items) / len(all_items) >= 0.45


def test_every_channel_appears_in_both_languages(all_items: list[GoldItem]) -> None:
    for language in ("en", "zh"):
        assert {i.channel for i in all_items if i.language == language} == CHANNELS_USED


def test_occurred_at_is_between_february_and_april_2026(all_items: list[GoldItem]) -> None:
    for item in all_items:
        assert date(2026, 2, 1) <= item.occurred_at.date() <= date(2026, 4, 30), item.id
    assert len({item.occurred_at.weekday() for item in all_items}) >= 6


def test_every_item_labels_the_four_core_fields(all_items: list[GoldItem]) -> None:
    for item in all_items:
        assert {"competitors", "sentiment", "next_steps", "pain_points"} <= item.expected.keys(), item.id
        assert set(item.expected) <= {"competitors", "sentiment", "next_steps", *LIST_FIELDS}, item.id


def test_sentiment_labels_are_valid(all_items: list[GoldItem]) -> None:
    for item in all_items:
        assert item.expected["sentiment"] in SENTIMENT_LABELS, item.id
    used = {item.expected["sentiment"] for item in all_items}
    assert used == set(SENTIMENT_LABELS)


def test_every_expected_competitor_is_a_canonical_name(all_items: list[GoldItem],
                                                       catalog: dict[str, list[str]]) -> None:
    for item in all_items:
        competitors = item.expected["competitors"]
        assert isinstance(competitors, list), item.id
        assert len(competitors) == len(set(competitors)), item.id
        for name in competitors:
            assert name in catalog, f"{item.id}: {name!r} is not a canonical name in competitors.yaml"


def _text(item: GoldItem) -> str:
    """The text the extractor sees: inline, or what the production parser makes of `path`."""
    return item.text if item.path is None else to_touchpoint(item).text


def _mentions(text: str, alias: str) -> bool:
    if alias.startswith("="):
        return alias[1:] in text
    return alias.casefold() in text.casefold()


def test_every_labelled_competitor_is_mentioned_by_one_of_its_aliases(
        all_items: list[GoldItem], catalog: dict[str, list[str]]) -> None:
    for item in all_items:
        for name in item.expected["competitors"]:
            aliases = [name, *catalog[name]]
            assert any(_mentions(_text(item), a) for a in aliases), f"{item.id}: {name}"


def _is_name(owner: str) -> bool:
    """A named owner: capitalised ("Priya", "SGS") or written in Han characters ("德勤", "供电公司")."""
    return owner[:1].isupper() or "\u4e00" <= owner[:1] <= "\u9fff"


@pytest.mark.parametrize(("owner", "named"), [("Priya", True), ("SGS", True), ("德勤", True),
                                              ("供电公司", True), ("someone", False), ("", False)])
def test_a_named_owner_is_capitalised_or_chinese(owner: str, named: bool) -> None:
    assert _is_name(owner) is named


def test_next_steps_have_an_action_an_owner_and_a_real_due_date_or_null(
        all_items: list[GoldItem]) -> None:
    for item in all_items:
        for step in item.expected["next_steps"]:
            assert set(step) == {"action", "owner", "due"}, item.id
            assert isinstance(step["action"], str) and step["action"].strip(), item.id
            assert step["owner"] in ("rep", "customer") or (
                isinstance(step["owner"], str) and _is_name(step["owner"])), item.id
            if step["due"] is not None:
                due = date.fromisoformat(step["due"])
                start = item.occurred_at.date()
                assert start <= due <= start + timedelta(days=120), f"{item.id}: {due}"


def test_list_fields_are_lists_of_short_non_empty_phrases(all_items: list[GoldItem]) -> None:
    for item in all_items:
        for name in ("pain_points", *LIST_FIELDS):
            for phrase in item.expected.get(name, []):
                assert isinstance(phrase, str) and 0 < len(phrase.strip()) <= 80, (item.id, name)


def test_about_a_third_of_items_label_objections_signals_or_questions(
        all_items: list[GoldItem]) -> None:
    labelled = sum(any(k in item.expected for k in LIST_FIELDS) for item in all_items)
    assert labelled / len(all_items) >= 0.3


def test_negative_examples_exist_for_competitors_and_next_steps(all_items: list[GoldItem]) -> None:
    assert sum(not item.expected["competitors"] for item in all_items) >= 40
    assert sum(not item.expected["next_steps"] for item in all_items) >= 15


def test_items_given_by_path_parse_to_one_touchpoint_at_the_labelled_time(
        all_items: list[GoldItem]) -> None:
    by_path = [item for item in all_items if item.path is not None]
    assert len(by_path) >= 4
    for item in by_path:
        touchpoint = to_touchpoint(item)
        assert touchpoint.text.strip(), item.id
        assert touchpoint.occurred_at == item.occurred_at, item.id


def test_the_language_label_matches_the_text(all_items: list[GoldItem]) -> None:
    for item in all_items:
        detected = detect_language(_text(item))
        assert detected == item.language or (detected == "mixed" and item.language == "zh"), (
            item.id, detected)
