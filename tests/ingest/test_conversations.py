"""Chat, transcript and ticket parsers on real files of every supported format."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import BadInputError
from assistant.ingest.chat import parse_chat, sniff_text_format
from assistant.ingest.common import ParseOptions
from assistant.ingest.ticket import parse_ticket
from assistant.ingest.transcript import parse_transcript
from tests.sources import parse_file, source

DATA = Path(__file__).parent.parent / "data"
OPTIONS = ParseOptions(tenant_id="t", vendor_domains=("brightlane.io",),
                       rep_names=("Alice Chen", "王磊"), default_timezone="Asia/Shanghai")


def check_offsets(tp) -> None:
    for seg in tp.segments:
        assert tp.text[seg.start:seg.end] == seg.text


CHATS = [
    ("generic json", "chat/generic.json", ["Priya Nair", "Alice Chen", "Priya Nair"],
     ["customer", "rep", "customer"], "en"),
    ("plain log with continuation", "chat/plain.txt", ["Priya Nair", "Alice Chen", "Priya Nair"],
     ["customer", "rep", "customer"], "en"),
    ("whatsapp drops media", "chat/whatsapp.txt", ["Priya Nair", "Alice Chen"],
     ["customer", "rep"], "en"),
    ("wecom export", "chat/wecom.txt", ["李娜", "王磊", "李娜"], ["customer", "rep", "customer"],
     "zh"),
    ("csv with roles", "chat/messages.csv", ["张伟", "王磊"], ["customer", "rep"], "zh"),
    ("slack export", "chat/slack.json", ["Priya Nair", "Alice Chen"], ["customer", "rep"], "en"),
]


@pytest.mark.parametrize(("path", "speakers", "roles", "language"), [c[1:] for c in CHATS],
                         ids=[c[0] for c in CHATS])
def test_chat_formats_become_one_touchpoint_with_a_segment_per_message(path, speakers, roles,
                                                                       language):
    [tp] = parse_file(DATA / path, OPTIONS)
    assert tp.channel == "chat"
    assert [s.speaker for s in tp.segments] == speakers
    assert [s.role for s in tp.segments] == roles
    assert tp.language == language
    assert tp.occurred_at.year == 2026 and tp.occurred_at.tzinfo is not None
    check_offsets(tp)


def test_plain_log_continuation_lines_join_the_previous_message():
    [tp] = parse_chat(**source(DATA / "chat/plain.txt"), options=OPTIONS)
    assert tp.segments[1].text == "Yes, or yearly with a discount.\nIt is 20% off for annual."


@pytest.mark.parametrize(("text", "expected"), [
    ("[10:01] Bob: hi\n[10:02] Ann: yo", "plain"),
    ("02/03/2026, 10:01 - Bob: hi", "whatsapp"),
    ("[02/03/2026, 10:01:05] Bob: hi", "whatsapp"),
    ("李娜 2026-03-02 10:01:05\n你好", "wecom"),
    ("Bob: hi\nAnn: hello", None),
], ids=["plain", "whatsapp android", "whatsapp ios", "wecom", "transcript is not a chat"])
def test_text_chat_formats_are_sniffed_from_content(text, expected):
    assert sniff_text_format(text) == expected


TRANSCRIPTS = [
    ("english txt", "transcripts/call_en.txt", "call", ["rep", "customer", "rep"], None),
    ("chinese txt full-width colon", "transcripts/call_zh.txt", "call",
     ["rep", "customer", "rep"], None),
    ("vtt voice tags merge turns", "transcripts/meeting.vtt", "call", ["rep", "customer"],
     (4.5, 10.0)),
    ("chinese srt", "transcripts/call_zh.srt", "call", ["rep", "customer"], (3.5, 7.25)),
]


@pytest.mark.parametrize(("path", "channel", "roles", "last_times"),
                         [c[1:] for c in TRANSCRIPTS], ids=[c[0] for c in TRANSCRIPTS])
def test_transcripts_keep_speakers_roles_and_times(path, channel, roles, last_times):
    [tp] = parse_file(DATA / path, OPTIONS)
    assert tp.channel == channel
    assert [s.role for s in tp.segments] == roles
    if last_times:
        assert (tp.segments[-1].start_s, tp.segments[-1].end_s) == last_times
    check_offsets(tp)
    assert "：" not in tp.segments[0].text[:1]


def test_transcript_front_matter_sets_date_rep_and_subject():
    [tp] = parse_transcript(**source(DATA / "transcripts/call_en.txt"), options=ParseOptions())
    assert tp.subject == "Discovery call"
    assert tp.occurred_at.isoformat() == "2026-03-03T15:00:00-05:00"
    assert tp.segments[0].role == "rep" and tp.direction == "outbound"
    assert tp.text.splitlines()[1] == (
        "Dana Reyes: We're on Salesforce, but it's too expensive for a team our size.")


def test_a_transcript_without_a_date_asks_for_one(tmp_path: Path):
    path = tmp_path / "t.txt"
    path.write_text("Bob: hello\nAnn: hi\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="--occurred-at"):
        parse_transcript(**source(path), options=ParseOptions())


def test_zendesk_ticket_keeps_comments_roles_and_fields():
    [tp] = parse_ticket(**source(DATA / "tickets/zendesk.json"), options=OPTIONS)
    assert tp.channel == "ticket" and tp.ticket_id == "4411"
    assert [s.role for s in tp.segments] == ["customer", "agent", "customer"]
    assert tp.metadata["priority"] == "high" and tp.metadata["product"] == "Brightlane Desk"
    check_offsets(tp)


def test_ticket_csv_groups_rows_into_tickets():
    tickets = parse_file(DATA / "tickets/export.csv", OPTIONS)
    assert [t.ticket_id for t in tickets] == ["T-1", "T-2"]
    assert tickets[0].language == "zh" and len(tickets[0].segments) == 2
    assert tickets[0].metadata["priority"] == "urgent"


def test_a_ticket_with_a_new_comment_is_a_new_version(tmp_path: Path):
    original = (DATA / "tickets/zendesk.json").read_text(encoding="utf-8")
    [a] = parse_ticket(**source(DATA / "tickets/zendesk.json"), options=OPTIONS)
    changed = tmp_path / "zendesk.json"
    changed.write_text(original.replace("Still broken.", "Still broken again."), encoding="utf-8")
    [b] = parse_ticket(**source(changed), options=OPTIONS)
    assert a.id != b.id and a.ticket_id == b.ticket_id


BAD = [
    ("empty chat", "x.json", '{"messages": []}', "no messages"),
    ("csv missing columns", "x.csv", "when,who\n1,2\n", "missing CSV column(s) time, sender, text"),
    ("invalid json", "x.json", '{"messages": [', "not valid JSON"),
    ("ticket csv missing columns", "t.csv", "ticket_id,subject\n1,x\n", "missing CSV column"),
    ("transcript without speakers", "t.txt", "# date: 2026-03-02T10:00:00+00:00\njust words\n",
     "no 'Speaker: text' form"),
    ("utf-16 is fine but binary is not", "b.txt", "\x00\x01\x02garbage", "binary data"),
]


@pytest.mark.parametrize(("name", "content", "message"), [b[1:] for b in BAD],
                         ids=[b[0] for b in BAD])
def test_bad_conversation_files_name_the_file_and_the_problem(tmp_path: Path, name, content,
                                                              message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInputError) as info:
        parse_file(path, OPTIONS)
    assert message in str(info.value) and name in str(info.value)


def test_utf16_transcripts_are_decoded(tmp_path: Path):
    path = tmp_path / "u16.txt"
    path.write_bytes("# date: 2026-03-02T10:00:00+00:00\nBob: 你好\n".encode("utf-16"))
    [tp] = parse_transcript(**source(path), options=OPTIONS)
    assert tp.segments[0].text == "你好"
