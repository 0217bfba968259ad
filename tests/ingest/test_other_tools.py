"""Other projects' test fixtures (see tests/data/README.md): subtitles, Zendesk API answers and a
Slack export as those tools really write them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.ingest.common import ParseOptions
from assistant.times import infer_date_order
from tests.sources import parse_file

DATA = Path(__file__).parent.parent / "data"
EXTERNAL = DATA / "external"
UTC = ZoneInfo("UTC")
DATED = ParseOptions(default_timezone="UTC", occurred_at=datetime(2026, 3, 2, tzinfo=UTC))


def test_a_netflix_note_block_is_a_comment_and_its_date_is_read_not_fatal():
    [tp] = parse_file(EXTERNAL / "webvtt-py" / "netflix_chicas_del_cable.vtt", ParseOptions())
    assert tp.occurred_at == datetime(2017, 4, 16, 15, 44, 3, tzinfo=UTC)
    assert len(tp.segments) > 700 and "NOTE" not in tp.text and "Segment=" not in tp.text
    assert tp.text.startswith("[Alba] En 1928, las mujeres")


def test_youtube_auto_captions_keep_each_word_once_and_no_timing_line():
    [tp] = parse_file(EXTERNAL / "webvtt-py" / "youtube_dl.vtt", DATED)
    assert tp.text == "yeah what this will happen is I'm telling"


@pytest.mark.parametrize("name", ["styles.vtt", "comments.vtt", "using_identifiers.vtt",
                                  "metadata_headers.vtt", "sample.srt"])
def test_style_comment_and_header_blocks_are_never_cue_text(name):
    [tp] = parse_file(EXTERNAL / "webvtt-py" / name, DATED)
    assert tp.segments and not any(word in tp.text for word in ("::cue", "NOTE", "-->", "Kind:"))


def test_a_cp1252_film_subtitle_is_decoded_with_no_speaker_invented_or_carried():
    [tp] = parse_file(DATA / "transcripts" / "film_cp1252.srt", DATED)
    assert [s.text for s in tp.segments] == [
        "Il était une fois à Noël...", "J'ai dit: on part demain.", "Très bien. Où ça ?",
        "À la côte, près du café.", "Tu viens ?", "Évidemment !", "Bonne nuit, à demain."]
    assert {s.speaker for s in tp.segments} == {None} and "{" not in tp.text


def test_a_label_the_film_uses_once_is_text_but_a_consistent_label_is_a_speaker(tmp_path):
    cues = [("Dana", "We need SSO."), ("Alice", "Noted."), ("Dana", "And the price?"),
            (None, "Silence.")]
    srt = "\n".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{f'{who}: ' if who else ''}{said}\n"
                    for i, (who, said) in enumerate(cues, start=1))
    path = tmp_path / "call.srt"
    path.write_text(srt, encoding="utf-8")
    [tp] = parse_file(path, DATED)
    assert [(s.speaker, s.text) for s in tp.segments] == [
        ("Dana", "We need SSO."), ("Alice", "Noted."), ("Dana", "And the price?"),
        (None, "Silence.")]


ZENDESK = EXTERNAL / "go-zendesk"


@pytest.mark.parametrize(("name", "tickets", "speakers"), [
    ("ticket.json", ["2"], [["Yosuke Tamura"]]),
    ("tickets.json", ["2", "3"], [["Yosuke Tamura"], ["unknown"]]),
    ("ticket_show_many.json", ["2", "3"], [["Yosuke Tamura"], ["unknown"]]),
    ("search_ticket.json", ["4"], [["unknown"]]),
    ("ticket_comments.json", ["comments-2"], [["user 377922500012", "user 377922500012"]]),
    ("ticket_audits.json", ["666"], [["user 5246746"]]),
    ("ticket_audit.json", ["666"], [["user 5246746"]]),
], ids=lambda v: v if isinstance(v, str) and v.endswith(".json") else "")
def test_every_zendesk_api_shape_is_a_ticket(name, tickets, speakers):
    parsed = parse_file(ZENDESK / name, ParseOptions())
    assert [tp.ticket_id for tp in parsed] == tickets
    assert [[s.speaker for s in tp.segments] for tp in parsed] == speakers
    assert all(tp.channel == "ticket" for tp in parsed)


def test_a_zendesk_requester_comes_from_the_address_the_ticket_was_mailed_from():
    [tp] = parse_file(ZENDESK / "ticket.json", ParseOptions())
    [person] = tp.participants
    assert (person.name, person.email, person.role) == ("Yosuke Tamura", "nukosuke@lavabit.com",
                                                        "customer")
    assert tp.metadata["requester"] == {"name": "Yosuke Tamura", "email": "nukosuke@lavabit.com"}


def test_a_zendesk_audit_comment_keeps_that_it_was_private():
    [tp] = parse_file(ZENDESK / "ticket_audits.json", ParseOptions())
    assert tp.text == "user 5246746: This is a new private comment"
    assert tp.metadata["private_comment_indexes"] == [0]


def test_zendesk_side_loaded_users_name_every_author(tmp_path):
    path = tmp_path / "ticket_with_users.json"
    path.write_text("""{"ticket": {"id": 9, "subject": "SSO", "requester_id": 1,
      "assignee_id": 2, "created_at": "2026-03-02T10:00:00Z"},
     "comments": [{"author_id": 1, "body": "SSO fails", "created_at": "2026-03-02T10:00:00Z"},
                  {"author_id": 2, "body": "Looking", "created_at": "2026-03-02T11:00:00Z"}],
     "users": [{"id": 1, "name": "Tom Baker", "email": "tom@cobalt.com", "role": "end-user"},
               {"id": 2, "name": "Sam Ortiz", "email": "sam@brightlane.io", "role": "agent"}]}
    """, encoding="utf-8")
    [tp] = parse_file(path, ParseOptions())
    assert [(s.speaker, s.role) for s in tp.segments] == [("Tom Baker", "customer"),
                                                          ("Sam Ortiz", "agent")]
    assert tp.metadata["requester"] == {"name": "Tom Baker", "email": "tom@cobalt.com"}


def test_a_slack_export_keeps_bot_and_integration_messages_and_file_comment_authors():
    parsed = parse_file(EXTERNAL / "slack-export-viewer" / "testarchive.zip", ParseOptions())
    assert [tp.subject for tp in parsed] == ["#enrique", "#traveling-sailor"]
    bots = [s for tp in parsed for s in tp.segments if s.role == "unknown"]
    assert len(bots) == 94 and all(s.speaker and s.speaker.startswith("bot ") for s in bots)
    assert any("1 new commit by hfaran" in s.text for s in bots)
    comments = [s for tp in parsed for s in tp.segments if "'Holmesville'" in s.text]
    assert [s.speaker for s in comments] == ["Hermione Granger"]


@pytest.mark.parametrize(("dates", "order"), [
    (["12/01/24", "13/01/24"], "dmy"), (["01/12/24", "01/13/24"], "mdy"),
    (["2024/03/18", "2024/03/19"], "ymd"), (["15-01-20", "16-01-20"], "dmy"),
    (["05/01/24", "06/01/24", "02/02/24"], "dmy"), (["01/05/24", "01/06/24", "02/02/24"], "mdy"),
    (["01/02/24", "01/03/24"], "dmy"),
], ids=["a day over 12", "a month-first day over 12", "year first", "two-digit dashes",
        "chronology says day first", "chronology says month first", "a tie is day first"])
def test_an_exports_date_order_comes_from_all_its_dates(dates, order):
    assert infer_date_order(dates) == order


CHAT_MINER = EXTERNAL / "chat-miner"


@pytest.mark.parametrize("name", ["telegram_single_export.json", "telegram_batch_export.json"])
def test_a_telegram_export_keeps_formatted_text_and_its_senders(name):
    [tp] = parse_file(CHAT_MINER / name, ParseOptions())
    assert [(s.speaker, s.text) for s in tp.segments] == [
        ("Author 1", "Minimal Message"), ("Author 2", "Link:https://telegram.org/")]
    assert tp.segments[0].occurred_at == datetime.fromtimestamp(1544006350, tz=UTC)


def test_an_instagram_export_written_newest_first_reads_in_time_order():
    [tp] = parse_file(CHAT_MINER / "instagram_export.json", ParseOptions())
    assert [(s.speaker, s.text) for s in tp.segments] == [("Jane Doe", "Hello John!"),
                                                          ("John Doe", "Hello Jane!")]
    assert tp.occurred_at == datetime.fromtimestamp(1577186580, tz=UTC)


def test_a_youtube_sbv_transcript_keeps_its_cues_and_seconds():
    [tp] = parse_file(EXTERNAL / "webvtt-py" / "sample.sbv", DATED)
    assert tp.metadata["format"] == "sbv" and tp.source.media_type == "text/x-sbv"
    assert tp.text.startswith("Caption text #1 Caption text #2 Caption text #3 (line 1)")
    assert tp.segments[0].start_s == 0.378 and "," not in tp.text.split("\n")[0][:20]


@pytest.mark.parametrize("name", ["tickets.json", "tickets.jsonl"])
def test_zendesks_full_json_export_one_ticket_a_line_names_authors_from_the_mail(tmp_path, name):
    path = tmp_path / name
    path.write_text(
        '{"id": 7, "subject": "Export fails", "created_at": "2026-03-02T10:00:00Z", "comments": '
        '[{"author_id": 5, "body": "CSV export fails", "created_at": "2026-03-02T10:00:00Z", '
        '"via": {"channel": "email", "source": {"from": {"address": "tom@cobalt.com", '
        '"name": "Tom Baker"}}}}]}\n'
        '{"id": 8, "subject": "SSO", "created_at": "2026-03-03T10:00:00Z", "description": '
        '"SSO broken", "requester_id": 5, "via": {"channel": "email", "source": {"from": '
        '{"address": "tom@cobalt.com", "name": "Tom Baker"}}}}\n', encoding="utf-8")
    parsed = parse_file(path, ParseOptions())
    assert [(tp.ticket_id, tp.segments[0].speaker, tp.participants[0].email) for tp in parsed] == [
        ("7", "Tom Baker", "tom@cobalt.com"), ("8", "Tom Baker", "tom@cobalt.com")]


def test_slack_messages_written_only_as_blocks_or_attachments_keep_their_words(tmp_path):
    path = tmp_path / "2026-03-02.json"
    path.write_text("""[
      {"type": "message", "ts": "1772445600.000100", "user": "U1", "text": "",
       "user_profile": {"real_name": "Dana Park"},
       "blocks": [{"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
         {"type": "text", "text": "We need SSO, see "},
         {"type": "link", "url": "https://example.com/sso", "text": "the spec"}]}]}]},
      {"type": "message", "subtype": "bot_message", "ts": "1772445660.000200", "bot_id": "B9",
       "username": "Deploy Bot", "text": "",
       "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*Deployed* v2.3"}}]},
      {"type": "message", "subtype": "bot_message", "ts": "1772445720.000300", "bot_id": "B7",
       "text": "", "attachments": [{"fallback": "Build #42 passed", "service_name": "Travis CI"}]}
    ]""", encoding="utf-8")
    [tp] = parse_file(path, ParseOptions())
    assert [(s.speaker, s.role, s.text) for s in tp.segments] == [
        ("Dana Park", "customer", "We need SSO, see the spec"),
        ("Deploy Bot", "unknown", "*Deployed* v2.3"),
        ("Travis CI", "unknown", "Build #42 passed")]
