"""Property-based: random bytes, mutations of the good fixtures in tests/data, and random JSON
shapes, fed to every parser through `parse_content` and, a few at a time, through
`touchpoint ingest`. The only exceptions allowed out of a parser are TouchpointErrors; through
the CLI the good file beside the bad one is always ingested.

Example counts are modest so the suite stays quick; `TOUCHPOINT_FUZZ_SCALE=20` multiplies them
for a deeper run. Hypothesis' example database is off, so a run leaves no files behind (a
failure prints its reproducing example).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from assistant.cli import app
from assistant.errors import TouchpointError
from assistant.ingest.common import ParseOptions
from assistant.ingest.dispatch import parse_content
from tests.badinput.corpus import DATA, GOOD_TRANSCRIPT, TEXT_EXTENSIONS

OPTIONS = ParseOptions(fallback_occurred_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
                       fallback_source="file_mtime")
FIXTURES = sorted(p for p in DATA.rglob("*") if p.is_file() and p.suffix in TEXT_EXTENSIONS
                  and "evals" not in p.parts)
FIXTURE_BYTES = {p.name: p.read_bytes() for p in FIXTURES}
# tokens that sit on the parsers' decision points
TOKENS = [b"\x00", b'"', b"{", b"}", b"[", b"]", b"\n", b"\r", b",", b";", b":", b"\xef\xbb\xbf",
          b"\xff\xfe", b"-->", b"00:00:01,000 --> 00:00:02,000\n", b"99999999999999999999",
          b"1e999", b"NaN", b"null", b"\\u0000", b"\\ud800", b"=?utf-8?b?", b"?=",
          b"\nFrom x Mon Mar  2 10:00:00 2026\n", b"Content-Type: multipart/mixed\n",
          b"charset=base64", b"# date: ", b"31/31/2026, 10:01 - ", b"\xe4\xb8", b"\x80",
          b"[" * 200, b"[" * 5000 + b"\n", b"PK\x03\x04"]
SCALE = float(os.environ.get("TOUCHPOINT_FUZZ_SCALE", "1"))


def examples(count: int) -> settings:
    return settings(max_examples=max(1, int(count * SCALE)), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


FAST = examples(120)


def parse_or_refuse(content: bytes, uri: str) -> None:
    """The property: a TouchpointError, or touchpoints whose segments lie in their text."""
    try:
        parsed = parse_content(content, uri=uri, options=OPTIONS)
    except TouchpointError:
        return
    for touchpoint in parsed.touchpoints:
        for segment in touchpoint.segments:
            assert touchpoint.text[segment.start:segment.end] == segment.text


@st.composite
def mutated_fixture(draw: st.DrawFn) -> tuple[bytes, str]:
    name = draw(st.sampled_from(sorted(FIXTURE_BYTES)))
    content = bytearray(FIXTURE_BYTES[name])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(content)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "splice", "truncate"]))
        if action == "flip" and at < len(content):
            content[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del content[at:at + draw(st.integers(1, 64))]
        elif action == "insert":
            content[at:at] = draw(st.sampled_from(TOKENS) | st.binary(max_size=16))
        elif action == "splice" and content:
            start = draw(st.integers(0, len(content) - 1))
            content[at:at] = content[start:start + draw(st.integers(1, 256))]
        else:
            del content[at:]
    suffix = draw(st.sampled_from([Path(name).suffix] * 4 + list(TEXT_EXTENSIONS)))
    return bytes(content), f"mutated{suffix}"


@FAST
@given(content=st.binary(max_size=2048), suffix=st.sampled_from(TEXT_EXTENSIONS))
def test_random_bytes_under_any_name_only_ever_raise_touchpoint_errors(content: bytes,
                                                                       suffix: str):
    parse_or_refuse(content, f"random{suffix}")


@examples(250)
@given(mutated_fixture())
def test_mutated_good_fixtures_only_ever_raise_touchpoint_errors(case: tuple[bytes, str]):
    parse_or_refuse(*case)


JSON_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                | st.text(max_size=12) | st.sampled_from(["2026-03-02T10:00:00Z", "1772445600",
                                                         "", "message", "U1"]))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=20)
FIELDS = st.sampled_from(["time", "sender", "text", "role", "email", "phone", "handle", "ts",
                          "type", "user", "user_profile", "subtype", "thread_ts", "id", "subject",
                          "created_at", "comments", "author", "body", "requester", "name",
                          "description", "public", "status", "tags"])
RECORD = st.dictionaries(FIELDS, JSON_VALUES, max_size=7)


@st.composite
def json_document(draw: st.DrawFn) -> Any:
    records = draw(st.lists(RECORD | JSON_VALUES, max_size=4))
    return draw(st.sampled_from([
        {"messages": records}, records, {"ticket": draw(RECORD)},
        {"tickets": records}, {"ticket": {**draw(RECORD), "comments": records}},
    ]))


@examples(80)
@given(document=json_document(), suffix=st.sampled_from([".json", ".jsonl", ".zip", ".txt"]))
def test_json_of_any_shape_only_ever_raises_touchpoint_errors(document: Any, suffix: str):
    parse_or_refuse(json.dumps(document).encode(), f"shaped{suffix}")
    lines = document if isinstance(document, list) else [document]
    parse_or_refuse("\n".join(json.dumps(x) for x in lines).encode(), "shaped.jsonl")


LINE_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
HEADERS = st.sampled_from(["[2026-03-02 10:01] ", "02/03/2026, 10:01 - ", "[3/2/26, 10:01:05 AM] ",
                           "李娜 2026-03-02 10:01:05\n", "00:00:01,000 --> 00:00:0", "# date: ",
                           "WEBVTT\n\n", "<v ", "Alice: ", "王磊：", ""])


@FAST
@given(lines=st.lists(st.tuples(HEADERS, LINE_TEXT), min_size=1, max_size=8),
       suffix=st.sampled_from([".txt", ".log", ".srt", ".vtt", ".csv"]))
def test_text_logs_and_transcripts_of_random_lines_only_ever_raise_touchpoint_errors(
        lines: list[tuple[str, str]], suffix: str):
    text = "\n".join(head + body for head, body in lines)
    parse_or_refuse(text.encode(), f"lines{suffix}")
    parse_or_refuse(text.encode("gb18030", errors="replace"), f"lines-gb{suffix}")


@examples(6)
@given(case=mutated_fixture())
def test_through_the_cli_a_mutated_file_never_stops_the_good_one(case: tuple[bytes, str]):
    content, name = case
    runner = CliRunner()
    folder = Path(tempfile.mkdtemp(prefix="touchpoint-prop-"))
    try:
        (folder / name).write_bytes(content)
        (folder / "good.txt").write_bytes(GOOD_TRANSCRIPT)
        result = runner.invoke(app, ["ingest", str(folder), "--json"], catch_exceptions=False)
        assert result.exit_code in (0, 1)
        report = json.loads(result.stdout)
        outcomes = {Path(o["uri"]).name: o for o in report["sources"]}
        good = outcomes["good.txt"]
        assert good["error"] is None and (good["created"] or good["duplicates"])
        for failure in report["failed"]:
            assert failure["path"] == str(folder / name), failure
        assert (result.exit_code == 1) == bool(report["failed"])
    finally:
        shutil.rmtree(folder)


@pytest.mark.parametrize("document", [
    {"ticket": {"id": 9, "subject": "SSO", "requester_id": 1, "comments": 5}},
    {"ticket": {"id": 9, "subject": "SSO", "requester_id": 1, "via": "web",
                "comments": [{"body": "x", "via": ["mail"], "author_id": 3}]}, "users": 3},
    {"ticket": {"id": 9, "subject": "SSO", "requester_id": 1,
                "via": {"source": "email"}}, "users": [1, {"id": 2}]},
    {"audits": [{"events": 7}, {"events": [{"type": "Comment", "body": "hi", "via": 1}]}]},
], ids=["comments-a-number", "via-a-string", "source-a-string", "events-a-number"])
def test_a_zendesk_field_of_the_wrong_shape_is_ignored_not_a_crash(document: Any):
    """Found by the property test above: Zendesk JSON whose lists or objects are other types."""
    parse_or_refuse(json.dumps(document).encode(), "zendesk.json")


@pytest.mark.parametrize("content", [b"From x", b"From a@b.c Mon Mar  2 10:00:00 2026",
                                     b"From x\r"], ids=["bare", "no-line-end", "carriage"])
def test_an_mbox_whose_from_line_never_ends_is_refused_clearly(content: bytes):
    """Found by the mutation property above: a "From " line with no newline crashed the split."""
    from assistant.errors import BadInputError

    with pytest.raises(BadInputError, match="no usable messages"):
        parse_content(content, uri="m.mbox", options=OPTIONS)
