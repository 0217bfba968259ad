"""The one reader of times: every accepted shape, every refused one, and dates in file names."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from assistant.errors import BadInputError
from assistant.times import date_from_filename, parse_instant, to_instant

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC8 = timezone(timedelta(hours=8))

READ = [
    ("2026-03-02T10:00:00+08:00", datetime(2026, 3, 2, 10, tzinfo=UTC8)),
    ("2026-03-02T10:00", datetime(2026, 3, 2, 10, tzinfo=SHANGHAI)),
    ("2026-03-02T02:00:00Z", datetime(2026, 3, 2, 10, tzinfo=UTC8)),
    ("2026-03-02", datetime(2026, 3, 2, tzinfo=SHANGHAI)),
    ("Mon, 2 Mar 2026 10:00:00 +0800", datetime(2026, 3, 2, 10, tzinfo=UTC8)),
    ("2 Mar 2026 02:00:00 GMT", datetime(2026, 3, 2, 10, tzinfo=UTC8)),
    (1772416800, datetime(2026, 3, 2, 10, tzinfo=UTC8)),
    ("1772416800000", datetime(2026, 3, 2, 10, tzinfo=UTC8)),
    ("2026/3/2 10:00", datetime(2026, 3, 2, 10, tzinfo=SHANGHAI)),
    ("2026-03-02 10:00 PM", datetime(2026, 3, 2, 22, tzinfo=SHANGHAI)),
]


@pytest.mark.parametrize(("raw", "expected"), READ, ids=[str(r) for r, _ in READ])
def test_every_accepted_shape_reads_to_the_same_instant(raw: object, expected: datetime) -> None:
    moment = parse_instant(raw, tz=SHANGHAI)
    assert moment == expected and moment.tzinfo is not None


@pytest.mark.parametrize("raw", ["yesterday", "next tuesday", "2026-13-45", "", None, True,
                                 "1" * 5000, "{}"],
                         ids=["yesterday", "relative", "impossible", "empty", "none", "bool",
                              "huge", "json"])
def test_anything_else_is_none_leniently_and_a_named_error_strictly(raw: object) -> None:
    assert parse_instant(raw, tz=SHANGHAI) is None
    with pytest.raises(BadInputError, match="sidecar: occurred_at: .* is not a time; write ISO"):
        to_instant(raw, tz="Asia/Shanghai", what="sidecar: occurred_at")


def test_an_unknown_zone_name_says_how_to_write_one() -> None:
    with pytest.raises(BadInputError, match="IANA zone name"):
        to_instant("2026-03-02", tz="Mars/Olympus", what="--occurred-at")


NAMES = [
    ("call-2026-03-02.vtt", datetime(2026, 3, 2, tzinfo=SHANGHAI)),
    ("20260302_1015 standup.srt", datetime(2026, 3, 2, 10, 15, tzinfo=SHANGHAI)),
    ("GMT20260302-100012_Recording.transcript.vtt", datetime(2026, 3, 2, 10, 0, 12,
                                                            tzinfo=SHANGHAI)),
    ("zoom_0302_1000.vtt", datetime(2025, 3, 2, 10, tzinfo=SHANGHAI)),
    ("Meeting Transcript 2026.03.02.txt", datetime(2026, 3, 2, tzinfo=SHANGHAI)),
    ("notes.txt", None),
    ("invoice-12345678.txt", None),
    ("2026-02-30 call.txt", None),
]


@pytest.mark.parametrize(("name", "expected"), NAMES, ids=[n for n, _ in NAMES])
def test_a_date_in_a_file_name_is_read_and_a_number_that_is_not_one_is_not(
        name: str, expected: datetime | None) -> None:
    assert date_from_filename(name, tz=SHANGHAI, year=2025) == expected
