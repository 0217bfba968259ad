from pathlib import Path

import pytest

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions
from assistant.ingest.events import parse_events


def test_events_parse_with_identity_hints_and_stable_ids(tmp_path: Path):
    path = tmp_path / "events.jsonl"
    path.write_text(
        '{"kind": "page_viewed", "occurred_at": "2026-03-01T09:00:00", "email": "a@x.com",'
        ' "properties": {"url": "/pricing"}}\n\n'
        '{"kind": "trial_started", "occurred_at": "2026-03-02T09:00:00+08:00",'
        ' "account_domain": "y.cn"}\n', encoding="utf-8")
    options = ParseOptions(tenant_id="t1", default_timezone="Asia/Shanghai")
    first = parse_events(path.read_bytes(), uri=str(path), options=options)
    assert [e.kind for e in first] == ["page_viewed", "trial_started"]
    assert first[0].properties == {"url": "/pricing", "email": "a@x.com"}
    assert first[0].occurred_at.utcoffset().total_seconds() == 8 * 3600
    assert [e.id for e in parse_events(path.read_bytes(), uri=str(path), options=options)] == [e.id for e in first]
    assert parse_events(path.read_bytes(), uri=str(path), options=ParseOptions(tenant_id="t2"))[0].id != first[0].id


@pytest.mark.parametrize(("content", "message"), [
    ('{"kind": "x"}\n', "missing occurred_at"),
    ('not json\n', ":1: not valid JSON"),
    ('{"kind": "x", "occurred_at": "yesterday"}\n', "is not a time"),
    ('[1, 2]\n', "must be a JSON object"),
    ('\n\n', "no events"),
], ids=["missing field", "bad json", "bad date", "not an object", "only blank lines"])
def test_bad_event_lines_name_the_line_and_the_problem(tmp_path: Path, content: str, message: str):
    path = tmp_path / "events.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInputError, match=message):
        parse_events(path.read_bytes(), uri=str(path), options=ParseOptions())
