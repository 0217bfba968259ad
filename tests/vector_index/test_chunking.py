from __future__ import annotations

import pytest

from tests.vector_index.conftest import conversation
from vector_index.chunking import ChunkOptions, chunk_touchpoint, count_tokens


def test_every_chunk_is_the_exact_text_between_its_offsets() -> None:
    tp = conversation(fingerprint="c1", turns=[
        ("Dana", "customer", "We are evaluating Salesforce and HubSpot for the support team."),
        ("Alice", "rep", "Great, I will send the comparison sheet by Friday."),
        ("李娜", "customer", "我们下周要和销售易比较一下价格，还要看私有化部署的方案。"),
    ])
    chunks = chunk_touchpoint(tp)
    assert chunks and all(tp.text[c.start:c.end] == c.text for c in chunks)
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))


def test_short_turns_are_joined_and_keep_both_speakers() -> None:
    tp = conversation(fingerprint="c2", turns=[
        ("Dana", "customer", "Hi."), ("Alice", "rep", "Hello Dana, thanks for joining the call "
                                      "about the renewal and the pricing of the new plan today.")])
    chunks = chunk_touchpoint(tp)
    assert len(chunks) == 1
    assert chunks[0].speaker == "Dana, Alice" and chunks[0].role is None


def test_a_long_turn_is_cut_into_bounded_overlapping_windows() -> None:
    sentences = [f"Sentence number {i} talks about the export failing at month end." for i in
                 range(60)]
    tp = conversation(fingerprint="c3", turns=[("Tom", "customer", " ".join(sentences))])
    options = ChunkOptions(max_tokens=60, overlap_tokens=15)
    chunks = chunk_touchpoint(tp, options)
    assert len(chunks) > 5
    assert all(count_tokens(c.text) <= 60 for c in chunks)
    assert all(a.start < b.start < a.end for a, b in zip(chunks, chunks[1:], strict=False))
    assert chunks[-1].end == len(tp.text)


def test_chinese_is_counted_by_character() -> None:
    assert count_tokens("我们下周比较价格") == 8
    assert count_tokens("send the quote") == 3


def test_a_touchpoint_without_segments_is_split_at_blank_lines() -> None:
    tp = conversation(fingerprint="c4", turns=[("x", "customer", "placeholder")])
    body = ("First paragraph about the pilot rollout in three warehouses next month.\n\n"
            "Second paragraph about the security review, SSO and the SOC 2 report.")
    tp = tp.model_copy(update={"segments": [], "text": body})
    chunks = chunk_touchpoint(tp, ChunkOptions(min_tokens=3))
    assert [c.text.split()[0] for c in chunks] == ["First", "Second"]


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="overlap"):
        ChunkOptions(max_tokens=10, overlap_tokens=10)
