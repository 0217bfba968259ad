"""Chat parser on real small exports of every format, English and Chinese."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.errors import BadInputError
from assistant.ingest.chat import is_slack_export, parse_chat, sniff_text_format
from assistant.ingest.common import ParseOptions
from assistant.ingest.dispatch import source_kind
from assistant.models import Touchpoint
from tests.sources import source

CHAT = Path(__file__).parent.parent / "data" / "chat"
OPTIONS = ParseOptions(tenant_id="t1", vendor_domains=("brightlane.io",),
                       rep_names=("Alice Chen", "王磊"), default_timezone="Asia/Shanghai")


def assert_offsets_point_at_messages(tp: Touchpoint) -> None:
    for segment in tp.segments:
        assert tp.text[segment.start:segment.end] == segment.text


FORMATS = [
    ("generic json", "generic.json", "json", ["Priya Nair", "Alice Chen", "Priya Nair"],
     ["customer", "rep", "customer"], "en"),
    ("generic jsonl", "messages.jsonl", "jsonl", ["Chen Hao", "Alice Chen"],
     ["customer", "rep"], "en"),
    ("generic csv in chinese", "messages.csv", "csv", ["张伟", "王磊"], ["customer", "rep"], "zh"),
    ("plain log", "plain.txt", "plain", ["Priya Nair", "Alice Chen", "Priya Nair"],
     ["customer", "rep", "customer"], "en"),
    ("slack day file", "slack.json", "slack", ["Priya Nair", "Alice Chen"],
     ["customer", "rep"], "en"),
    ("whatsapp android", "whatsapp.txt", "whatsapp", ["Priya Nair", "Alice Chen"],
     ["customer", "rep"], "en"),
    ("whatsapp ios", "whatsapp_ios.txt", "whatsapp",
     ["Priya Nair", "Alice Chen", "Priya Nair"], ["customer", "rep", "customer"], "en"),
    ("whatsapp chinese", "whatsapp_zh.txt", "whatsapp", ["张伟", "王磊", "张伟"],
     ["customer", "rep", "customer"], "zh"),
    ("wecom export", "wecom.txt", "wecom", ["李娜", "王磊", "李娜"],
     ["customer", "rep", "customer"], "zh"),
    ("wecom export in gb18030", "wecom_gbk.txt", "wecom", ["张伟", "王磊"],
     ["customer", "rep"], "zh"),
]


@pytest.mark.parametrize(("name", "kind", "speakers", "roles", "language"),
                         [f[1:] for f in FORMATS], ids=[f[0] for f in FORMATS])
def test_each_chat_format_becomes_one_touchpoint_with_a_segment_per_message(
        name, kind, speakers, roles, language):
    [tp] = parse_chat(**source(CHAT / name), options=OPTIONS)
    assert tp.channel == "chat" and tp.metadata["format"] == kind
    assert [s.speaker for s in tp.segments] == speakers
    assert [s.role for s in tp.segments] == roles
    assert tp.language == language
    assert tp.occurred_at == tp.segments[0].occurred_at
    assert all(s.occurred_at is not None and s.occurred_at.tzinfo for s in tp.segments)
    assert tp.direction == ("inbound" if roles[0] == "customer" else "outbound")
    assert_offsets_point_at_messages(tp)


SNIFFED = [
    ("plain with date", "[2026-03-02 10:01] Bob: hi\n[2026-03-02 10:02] Ann: yo", "plain"),
    ("plain time only", "[10:01] Bob: hi\n[10:02:30] Ann: yo", "plain"),
    ("whatsapp android", "02/03/2026, 10:01 - Bob: hi", "whatsapp"),
    ("whatsapp ios", "[02/03/2026, 10:01:05] Bob: hi", "whatsapp"),
    ("whatsapp 12-hour", "3/14/26, 9:05 PM - Bob: hi", "whatsapp"),
    ("wecom", "李娜 2026-03-02 10:01:05\n你好", "wecom"),
    ("wecom slashes", "李娜  2026/3/2 10:01\n你好\n\n王磊  2026/3/2 10:02\n好", "wecom"),
    ("json object", '{"messages": []}', "json"),
    ("json list", '[{"time": "2026-03-02T10:00:00", "sender": "a", "text": "b"}]', "json"),
    ("slack list", '[{"type": "message", "user": "U1", "text": "hi", "ts": "1772445660.1"}]',
     "slack"),
    ("jsonl", '{"sender": "a", "text": "b"}\n{"sender": "c", "text": "d"}', "jsonl"),
    ("csv", "time,sender,text,role\n2026-03-02T10:00:00,a,b,rep", "csv"),
    ("transcript is not a chat", "Bob: hi\nAnn: hello", None),
    ("stamped transcript with front matter is not a chat",
     "# date: 2026-03-02 10:00\n[00:00:04] Bob: hi\n[00:00:09] Ann: hello", None),
    ("prose is not a chat", "Dear team,\nplease find attached.", None),
]


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in SNIFFED],
                         ids=[s[0] for s in SNIFFED])
def test_the_chat_format_is_sniffed_from_the_content(text, expected):
    assert sniff_text_format(text) == expected


def test_a_misnamed_json_chat_is_read_by_its_content(tmp_path: Path):
    misnamed = tmp_path / "export.txt"
    misnamed.write_bytes((CHAT / "generic.json").read_bytes())
    [tp] = parse_chat(**source(misnamed), options=OPTIONS)
    assert tp.metadata["format"] == "json" and tp.subject == "Website chat"


def test_a_jsonl_chat_of_one_message_is_read(tmp_path: Path):
    path = tmp_path / "one.jsonl"
    path.write_text('{"time": "2026-03-02T10:00:00Z", "sender": "Priya Nair", "text": "hi"}\n',
                    encoding="utf-8")
    [tp] = parse_chat(**source(path), options=OPTIONS)
    assert tp.metadata["format"] == "jsonl" and tp.text == "Priya Nair: hi"


def test_continuation_lines_join_the_previous_message():
    [plain] = parse_chat(**source(CHAT / "plain.txt"), options=OPTIONS)
    assert plain.segments[1].text == "Yes, or yearly with a discount.\nIt is 20% off for annual."
    [wecom] = parse_chat(**source(CHAT / "wecom_gbk.txt"), options=OPTIONS)
    assert wecom.segments[0].text == "王经理，我们想了解一下企业版。\n主要关心数据安全和私有化部署。"


def test_whatsapp_ios_drops_the_encryption_notice_and_media_and_reads_month_first_dates():
    [tp] = parse_chat(**source(CHAT / "whatsapp_ios.txt"), options=OPTIONS)
    assert "encrypted" not in tp.text and "omitted" not in tp.text
    assert tp.metadata["date_order"] == "month_first"
    assert tp.metadata["media_or_deleted_dropped"] == 1
    shanghai = ZoneInfo("Asia/Shanghai")
    assert tp.segments[-1].occurred_at == datetime(2026, 3, 14, 13, 15, tzinfo=shanghai)
    assert tp.segments[0].text.endswith("or only Enterprise?")


def test_whatsapp_system_lines_are_skipped_not_glued_to_a_message():
    [tp] = parse_chat(**source(CHAT / "whatsapp_zh.txt"), options=OPTIONS)
    assert [s.text for s in tp.segments] == ["王经理，续约的报价什么时候能发过来？",
                                             "今天下班前发给您。", "好的，谢谢！"]
    assert tp.metadata["system_events_skipped"] == 2
    assert tp.metadata["date_order"] == "day_first"
    assert tp.occurred_at.isoformat() == "2026-03-14T09:01:00+08:00"


def test_a_whatsapp_sender_shown_by_number_gets_a_phone_and_handle(tmp_path: Path):
    path = tmp_path / "unsaved.txt"
    path.write_text("14/03/2026, 09:01 - +86 138 0013 8000: 你好，想咨询一下价格\n"
                    "14/03/2026, 09:02 - 王磊: 您好，请问贵司有多少人使用？\n", encoding="utf-8")
    [tp] = parse_chat(**source(path), options=OPTIONS)
    customer = tp.participants[0]
    assert (customer.phone, customer.handle) == ("+8613800138000", "whatsapp:+8613800138000")
    assert tp.participants[1].phone is None


TIMES = [
    ("iso with offset", "2026-03-02T10:01:00-05:00", "2026-03-02T10:01:00-05:00"),
    ("iso with z", "2026-03-02T15:01:00Z", "2026-03-02T15:01:00+00:00"),
    ("iso without offset", "2026-03-02 10:01", "2026-03-02T10:01:00+08:00"),
    ("slashes", "2026/3/2 10:01", "2026-03-02T10:01:00+08:00"),
    ("epoch seconds", 1772445660, "2026-03-02T18:01:00+08:00"),
    ("epoch milliseconds", 1772445660000, "2026-03-02T18:01:00+08:00"),
    ("twelve-hour clock", "2026-03-02 1:05 pm", "2026-03-02T13:05:00+08:00"),
]


@pytest.mark.parametrize(("raw", "expected"), [t[1:] for t in TIMES], ids=[t[0] for t in TIMES])
def test_message_times_in_every_shape_become_aware_datetimes(tmp_path: Path, raw, expected):
    path = tmp_path / "times.json"
    path.write_text(json.dumps({"messages": [{"time": raw, "sender": "a", "text": "b"}]}),
                    encoding="utf-8")
    [tp] = parse_chat(**source(path), options=OPTIONS)
    assert tp.occurred_at.isoformat() == expected


def test_a_semicolon_csv_with_capitalised_roles_is_read(tmp_path: Path):
    path = tmp_path / "excel.csv"
    path.write_text("Time;Sender;Text;Role\n2026-03-02T10:00:00+01:00;Jan;Hallo, is SSO included?;"
                    "Customer\n2026-03-02T10:01:00+01:00;Alice Chen;Yes.;REP\n", encoding="utf-8")
    [tp] = parse_chat(**source(path), options=OPTIONS)
    assert [(s.speaker, s.role) for s in tp.segments] == [("Jan", "customer"), ("Alice Chen", "rep")]
    assert tp.segments[0].text == "Hallo, is SSO included?"


def test_timestamps_without_an_offset_use_the_default_timezone():
    [tp] = parse_chat(**source(CHAT / "messages.jsonl"), options=ParseOptions(default_timezone="Europe/London"))
    assert tp.occurred_at.isoformat() == "2026-03-06T09:00:00+00:00"
    [tp] = parse_chat(**source(CHAT / "messages.jsonl"), options=ParseOptions(default_timezone="Asia/Shanghai"))
    assert tp.occurred_at.isoformat() == "2026-03-06T09:00:00+08:00"


def test_time_only_logs_take_the_date_from_occurred_at_and_roll_past_midnight():
    when = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    [tp] = parse_chat(**source(CHAT / "time_only.txt"), options=ParseOptions(occurred_at=when))
    assert [s.occurred_at.isoformat() for s in tp.segments] == [
        "2026-03-02T23:58:00-05:00", "2026-03-02T23:59:30-05:00", "2026-03-03T00:02:00-05:00"]


def test_time_only_logs_without_occurred_at_ask_for_it():
    with pytest.raises(BadInputError, match="time_only.txt.*--occurred-at"):
        parse_chat(**source(CHAT / "time_only.txt"), options=OPTIONS)


def test_a_slack_export_directory_is_one_touchpoint_per_channel():
    export = CHAT / "slack_export"
    assert is_slack_export(export) and not is_slack_export(CHAT)  # how the input layer finds it
    channels = parse_chat(**source(export), options=OPTIONS)
    assert [tp.subject for tp in channels] == ["#huachen-支持", "#northwind-deal"]
    huachen, northwind = channels
    assert huachen.language == "zh" and [s.role for s in huachen.segments] == ["customer", "rep"]
    # the join event is housekeeping; the two day files are one conversation in time order
    assert [s.speaker for s in northwind.segments] == ["Dana Reyes", "Alice Chen", "Dana Reyes"]
    assert northwind.segments[0].text == "Hey @Alice Chen, does the Pro plan include the Salesforce sync?"
    assert northwind.segments[1].text == "It's included. Docs: sync guide & pricing to follow."
    assert northwind.segments[1].role == "rep"  # alice@brightlane.io from users.json
    assert northwind.participants[0].handle == "slack:U07DANA"
    assert northwind.participants[0].email == "dana@northwind.example"
    assert northwind.metadata["day_files"] == 2
    assert len({tp.id for tp in channels}) == 2


def test_rep_handles_mark_the_rep_side():
    [tp] = parse_chat(**source(CHAT / "slack.json"), options=ParseOptions(rep_names=("slack:U02",)))
    assert [s.role for s in tp.segments] == ["customer", "rep"]


def test_the_same_file_twice_has_the_same_id_and_tenants_differ(tmp_path: Path):
    copy = tmp_path / "copy.json"
    copy.write_bytes((CHAT / "generic.json").read_bytes())
    [a] = parse_chat(**source(CHAT / "generic.json"), options=OPTIONS)
    [b] = parse_chat(**source(copy), options=OPTIONS)
    [c] = parse_chat(**source(copy), options=ParseOptions(tenant_id="t2"))
    assert a.id == b.id != c.id
    assert a.source.sha256 == b.source.sha256


def test_a_utf16_chat_with_a_bom_is_decoded(tmp_path: Path):
    path = tmp_path / "wecom16.txt"
    path.write_bytes((CHAT / "wecom.txt").read_text(encoding="utf-8").encode("utf-16"))
    [tp] = parse_chat(**source(path), options=OPTIONS)
    assert tp.segments[1].text == "可以的，我明天上午发您对接文档。"


BAD = [
    ("empty file", "empty.json", b"", "the source is empty"),
    ("empty chat", "empty_chat.json", b'{"messages": []}', "the chat has no messages"),
    ("csv missing columns", "chat.csv", b"when,sender,message\n1,2,3\n",
     "missing CSV column(s) time, text"),
    ("invalid json", "broken.json", b'{"messages": [\n  {"sender": "a",, "text": "b"}]}',
     "not valid JSON (Expecting property name enclosed in double quotes at line 2, column 18)"),
    ("invalid jsonl line", "broken.jsonl", b'{"sender": "a", "text": "b"}\n{"sender": "c"\n',
     "line 2 is not valid JSON"),
    ("undecodable bytes", "bytes.txt", b"[10:01] Bob: hi \x80\x80\xff there\n",
     "not UTF-8, UTF-16 or GB18030"),
    ("message without sender", "nosender.json", b'{"messages": [{"text": "hi"}]}',
     "message 1 has no sender"),
    ("bad message time", "badtime.json",
     b'{"messages": [{"time": "yesterday", "sender": "a", "text": "b"}]}',
     "message 1 has time 'yesterday'"),
    ("csv row that cannot be read", "quoted.csv",
     b'time,sender,text\n2026-03-02T10:00:00,a,"' + b"x" * 140_000 + b'"\n', "CSV line"),
    ("not a chat at all", "notes.txt", b"Dear team,\nplease find attached.\n",
     "not a chat format"),
    ("slack export without messages", "slack_dir", b"", "no channel with messages"),
]


@pytest.mark.parametrize(("name", "content", "message"), [b[1:] for b in BAD],
                         ids=[b[0] for b in BAD])
def test_bad_chats_raise_an_error_naming_the_file_and_the_problem(tmp_path: Path, name, content,
                                                                  message):
    path = tmp_path / name
    if name == "slack_dir":
        (path / "general").mkdir(parents=True)
        (path / "general" / "2026-03-02.json").write_text(json.dumps(
            [{"type": "message", "subtype": "channel_join", "user": "U1", "text": "joined",
              "ts": "1772445600.1"}]), encoding="utf-8")
    else:
        path.write_bytes(content)
    with pytest.raises(BadInputError) as info:
        parse_chat(**source(path), options=OPTIONS)
    assert message in str(info.value)
    assert name in str(info.value)


def test_a_folder_that_is_not_a_slack_or_whatsapp_export_is_refused(tmp_path: Path):
    (tmp_path / "notes.md").write_text("hello", encoding="utf-8")
    (tmp_path / "b.csv").write_text("x,y\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="neither a Slack export"):
        parse_chat(**source(tmp_path), options=OPTIONS)


@pytest.mark.parametrize("name", sorted(p.name for p in CHAT.glob("*.*")))
def test_every_chat_fixture_is_routed_to_the_chat_parser(name):
    assert source_kind((CHAT / name).read_bytes(), str(CHAT / name)) == "chat"


def test_a_teams_copy_with_weekday_times_is_a_plain_log():
    """Teams copies "[Mon 8:14 AM] Name (Company): text" under a title line; the weekday is
    dropped and the time read on the conversation's date."""
    when = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    [tp] = parse_chat(**source(CHAT / "teams_copy.txt"), options=ParseOptions(occurred_at=when))
    assert [s.speaker for s in tp.segments] == ["Rosa Lind (Harbor Glass)", "Kai Berg (Tillwork)",
                                                "Rosa Lind (Harbor Glass)"]
    assert [s.occurred_at.isoformat() for s in tp.segments] == [
        "2026-03-02T08:14:00+00:00", "2026-03-02T08:31:00+00:00", "2026-03-02T08:32:00+00:00"]
    assert_offsets_point_at_messages(tp)


def test_a_slack_channel_copied_as_text_is_a_chat():
    """"Name [Company]  9:02 AM" header lines, each message below its header; the company is kept
    as a tag and a message's lines stay together."""
    when = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    assert sniff_text_format((CHAT / "slack_copy.txt").read_text()) == "slack_copy"
    [tp] = parse_chat(**source(CHAT / "slack_copy.txt"), options=ParseOptions(occurred_at=when))
    assert [(s.speaker, s.text) for s in tp.segments] == [
        ("Mia Ross (Tillwork)", "Morning! The import worked :white_check_mark: 40 rows."),
        ("Omar Haddad", "cool. can you add Priti to this channel?\nand share the export"),
        ("Mia Ross (Tillwork)", "Done :+1:")]
    assert tp.segments[0].occurred_at.isoformat() == "2026-03-02T09:02:00-05:00"
    assert_offsets_point_at_messages(tp)


def test_a_line_that_only_ends_in_a_time_is_no_slack_header():
    """One space before the time, or a sentence: "Call moved to 9:00" is no header."""
    assert sniff_text_format("Call moved to 9:00\nSee you then\nBring the deck 10:30\n") != "slack_copy"
