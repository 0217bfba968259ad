"""Ticket parser on Zendesk-like JSON and CSV exports, English and Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions
from assistant.ingest.ticket import parse_ticket
from tests.sources import source

TICKETS = Path(__file__).parent.parent / "data" / "tickets"
OPTIONS = ParseOptions(tenant_id="t1", vendor_domains=("brightlane.io",),
                       default_timezone="Asia/Shanghai")


def test_a_zendesk_ticket_keeps_comments_roles_and_fields():
    [tp] = parse_ticket(**source(TICKETS / "zendesk.json"), options=OPTIONS)
    assert (tp.channel, tp.ticket_id, tp.subject) == ("ticket", "4411", "Export to CSV fails")
    assert [s.role for s in tp.segments] == ["customer", "agent", "customer"]
    assert [s.speaker for s in tp.segments] == ["Tom Baker", "Sam Ortiz", "Tom Baker"]
    assert tp.metadata["status"] == "open" and tp.metadata["priority"] == "high"
    assert tp.metadata["product"] == "Brightlane Desk"
    assert tp.metadata["requester"] == {"name": "Tom Baker", "email": "tom@cobalthealth.com"}
    assert tp.occurred_at.isoformat() == "2026-03-04T09:00:00-08:00"
    assert tp.direction == "inbound" and tp.language == "en"
    assert tp.text.splitlines()[0] == "Tom Baker: The CSV export fails with error 500 every time."
    for segment in tp.segments:
        assert tp.text[segment.start:segment.end] == segment.text


def test_a_tickets_export_is_one_touchpoint_per_ticket():
    sso, invoice = parse_ticket(**source(TICKETS / "tickets_list.json"), options=OPTIONS)
    assert sso.ticket_id == "5120" and invoice.ticket_id == "Z-88"
    # the author without a role is at the vendor's domain, so an agent
    assert [s.role for s in sso.segments] == ["customer", "agent", "agent"]
    assert sso.metadata["private_comment_indexes"] == [1]
    assert sso.metadata["tags"] == ["sso", "login", "escalated"]
    assert sso.metadata["assignee"]["name"] == "Alice Chen"
    assert sso.occurred_at.isoformat() == "2026-03-08T08:15:00+00:00"
    # a ticket exported without comments keeps the requester's description
    assert invoice.language == "zh" and invoice.segments[0].speaker == "李娜"
    assert invoice.segments[0].role == "customer"
    assert invoice.participants[0].email == "lina@huachen.example"


def test_a_bare_list_of_tickets_is_read(tmp_path: Path):
    ticket = json.loads((TICKETS / "zendesk.json").read_text(encoding="utf-8"))["ticket"]
    path = tmp_path / "list.json"
    path.write_text(json.dumps([ticket]), encoding="utf-8")
    [tp] = parse_ticket(**source(path), options=OPTIONS)
    assert tp.ticket_id == "4411"


def test_ticket_csv_rows_group_into_tickets_opened_at_their_first_comment():
    first, second = parse_ticket(**source(TICKETS / "export.csv"), options=OPTIONS)
    assert [first.ticket_id, second.ticket_id] == ["T-1", "T-2"]
    assert first.language == "zh" and [s.role for s in first.segments] == ["customer", "agent"]
    assert first.occurred_at.isoformat() == "2026-03-05T09:00:00+08:00"
    assert first.metadata["requester"] == {"name": "张伟", "email": "zw@qinghe-retail.com"}
    assert first.metadata["priority"] == "urgent" and second.metadata["status"] == "solved"
    assert first.source.media_type == "text/csv"


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "edited.json"
    text = (TICKETS / "zendesk.json").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_new_comment_or_status_makes_a_new_version_of_the_same_ticket(tmp_path: Path):
    [original] = parse_ticket(**source(TICKETS / "zendesk.json"), options=OPTIONS)
    [commented] = parse_ticket(**source(_edited(tmp_path, '"public": true}\n ]',
                                       '"public": true},\n  {"author": {"name": "Sam Ortiz", '
                                       '"role": "agent"}, "body": "Fixed in 4.2.1."}\n ]')), options=OPTIONS)
    [solved] = parse_ticket(**source(_edited(tmp_path, '"status": "open"', '"status": "solved"')), options=OPTIONS)
    assert len({original.id, commented.id, solved.id}) == 3
    assert original.ticket_id == commented.ticket_id == solved.ticket_id
    assert len(commented.segments) == 4


def test_the_same_ticket_in_another_file_or_layout_is_not_a_new_version(tmp_path: Path):
    ticket = json.loads((TICKETS / "zendesk.json").read_text(encoding="utf-8"))["ticket"]
    reshaped = tmp_path / "reshaped.json"
    reshaped.write_text(json.dumps({"tickets": [dict(reversed(list(ticket.items())))]}, indent=4),
                        encoding="utf-8")
    [original] = parse_ticket(**source(TICKETS / "zendesk.json"), options=OPTIONS)
    [again] = parse_ticket(**source(TICKETS / "zendesk.json"), options=OPTIONS)
    [moved] = parse_ticket(**source(reshaped), options=OPTIONS)
    assert original.id == again.id == moved.id
    assert original.source.sha256 != moved.source.sha256


BAD = [
    ("empty file", "empty.json", b"", "the source is empty"),
    ("invalid json", "broken.json", b'{"tickets": [\n {"id": 1,\n}]}',
     "not valid JSON (Expecting property name enclosed in double quotes at line 3, column 1)"),
    ("csv missing columns", "tickets.csv", b"ticket_id,subject,status\nT-1,x,open\n",
     "missing CSV column(s) created_at, author, body"),
    ("no tickets", "none.json", b'{"tickets": []}', "holds no tickets"),
    ("ticket without id", "noid.json", b'{"ticket": {"subject": "Help", "comments": []}}',
     "(subject 'Help') has no id"),
    ("ticket without comments", "nocomments.json",
     b'{"ticket": {"id": 7, "created_at": "2026-03-02T10:00:00Z", "comments": []}}',
     "(ticket 7): the ticket has no comments"),
    ("bad created_at", "baddate.json",
     b'{"ticket": {"id": 7, "created_at": "last week", "comments": [{"body": "hi"}]}}',
     "created_at 'last week' is not ISO-8601"),
    ("undecodable bytes", "bytes.csv", b"ticket_id,subject\n\x80\x80\xff\n",
     "not UTF-8, UTF-16 or GB18030"),
]


@pytest.mark.parametrize(("name", "content", "message"), [b[1:] for b in BAD],
                         ids=[b[0] for b in BAD])
def test_bad_ticket_exports_raise_an_error_naming_the_file_and_the_problem(tmp_path: Path, name,
                                                                           content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BadInputError) as info:
        parse_ticket(**source(path), options=OPTIONS)
    assert message in str(info.value)
    assert name in str(info.value)
