"""Every kind in the bad-input corpus through `parse_content`, the one entry every text source
takes: refused with a TouchpointError naming the source, or — for the odd but legitimate kinds —
parsed into touchpoints whose segments point into their text. Any other exception fails."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from assistant.errors import TouchpointError
from assistant.ingest.common import ParseOptions
from assistant.ingest.dispatch import parse_content
from tests.badinput.corpus import BadInput, corpus

CASES = corpus()
# what the input layer passes for a source without a date of its own (its file's mtime)
OPTIONS = ParseOptions(fallback_occurred_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
                       fallback_source="file_mtime")


def test_the_corpus_holds_well_over_a_hundred_kinds_in_every_family():
    families = Counter(case.family for case in CASES)
    assert len(CASES) >= 200
    assert {"binary", "empty", "blank", "encoding", "json", "jsonl", "slack", "csv", "ticket",
            "email", "mbox", "transcript", "subtitle", "whatsapp", "wecom", "plainlog",
            "zip"} <= set(families)


@pytest.mark.parametrize("case", [c for c in CASES if not c.stored], ids=lambda c: c.name)
def test_a_bad_input_is_refused_with_an_error_that_names_it(case: BadInput):
    with pytest.raises(TouchpointError) as refused:
        parse_content(case.content, uri=case.name, options=OPTIONS)
    assert case.name in str(refused.value)
    assert "\n" not in str(refused.value).strip()


@pytest.mark.parametrize("case", [c for c in CASES if c.stored], ids=lambda c: c.name)
def test_an_odd_but_legitimate_input_parses_with_segments_inside_its_text(case: BadInput):
    parsed = parse_content(case.content, uri=case.name, options=OPTIONS)
    assert parsed.touchpoints
    for touchpoint in parsed.touchpoints:
        assert touchpoint.text.strip()
        for segment in touchpoint.segments:
            assert touchpoint.text[segment.start:segment.end] == segment.text


def test_json_nested_10000_deep_names_the_depth_limit():
    case = next(c for c in CASES if c.name == "json-nested-10000-messages.json")
    with pytest.raises(TouchpointError, match="nested more than 64 levels"):
        parse_content(case.content, uri=case.name, options=OPTIONS)


def test_a_5000_digit_number_names_the_number_limit():
    case = next(c for c in CASES if c.name == "json-5000-digit-time.json")
    with pytest.raises(TouchpointError, match="5,000 digits"):
        parse_content(case.content, uri=case.name, options=OPTIONS)


@pytest.mark.parametrize("name, line", [("csv-unbalanced-quote.csv", 2),
                                        ("csv-extra-unquoted-comma.csv", 2),
                                        ("ticket-csv-unbalanced-quote.csv", 2)])
def test_a_broken_csv_names_the_line_instead_of_merging_rows(name: str, line: int):
    case = next(c for c in CASES if c.name == name)
    with pytest.raises(TouchpointError, match=f"CSV line {line} "):
        parse_content(case.content, uri=case.name, options=OPTIONS)


def test_impossible_wecom_header_dates_name_the_header():
    case = next(c for c in CASES if c.name == "wecom-impossible-dates.txt")
    with pytest.raises(TouchpointError, match="2026-13-45"):
        parse_content(case.content, uri=case.name, options=OPTIONS)


def test_impossible_whatsapp_dates_leave_the_time_estimated_never_invented():
    case = next(c for c in CASES if c.name == "whatsapp-impossible-dates.txt")
    [touchpoint] = parse_content(case.content, uri=case.name, options=OPTIONS).touchpoints
    assert touchpoint.occurred_at_source == "file_mtime"
    assert all(segment.occurred_at is None for segment in touchpoint.segments)


@pytest.mark.parametrize("line, problem", [
    ('{"kind": "page_viewed", "occurred_at": "2026-03-02", "x": ' + "[" * 5000 + "]" * 5000
     + "}", "nested more than 64"),
    ('{"kind": "page_viewed", "occurred_at": "2026-03-02", "properties": {"n": NaN}}', "NaN"),
    ('{"kind": "page_viewed", "occurred_at": ' + "9" * 5000 + "}", "5,000 digits"),
    ('{"kind": "page_viewed", "occurred_at": "2026-03-02", "properties": "pricing"}',
     "properties must be a JSON object"),
    ('{"kind": "page_viewed", "occurred_at": "whenever"}', "not a time"),
], ids=["deep", "nan", "bigint", "properties-a-string", "time-junk"])
def test_a_bad_event_line_is_refused_with_its_line_number(line: str, problem: str):
    from assistant.ingest.events import parse_events

    content = ('{"kind": "trial_started", "occurred_at": "2026-03-01"}\n' + line).encode()
    with pytest.raises(TouchpointError, match=problem) as refused:
        parse_events(content, uri="events.jsonl", options=OPTIONS)
    assert str(refused.value).startswith("events.jsonl:2")
