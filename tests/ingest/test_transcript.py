"""Transcript parser on real `.txt`, SRT and WebVTT files, English and Chinese."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions
from assistant.ingest.dispatch import source_kind
from assistant.ingest.transcript import parse_transcript
from tests.sources import source

TRANSCRIPTS = Path(__file__).parent.parent / "data" / "transcripts"
REPS = ParseOptions(tenant_id="t1", rep_names=("Alice Chen", "王磊"),
                    default_timezone="Asia/Shanghai")


CASES = [
    ("english txt with front matter", "call_en.txt", "call", "en",
     ["Alice Chen", "Dana Reyes", "Alice Chen"], ["rep", "customer", "rep"],
     "2026-03-03T15:00:00-05:00"),
    ("chinese txt with full-width colons", "call_zh.txt", "call", "zh",
     ["王磊", "李娜", "王磊"], ["rep", "customer", "rep"], "2026-03-03T10:00:00+08:00"),
    ("chinese txt with leading stamps", "call_timestamps.txt", "call", "zh",
     ["王磊", "张伟", "王磊"], ["rep", "customer", "rep"], "2026-03-10T16:00:00+08:00"),
    ("chinese srt", "call_zh.srt", "call", "zh", ["王磊", "李娜"], ["rep", "customer"],
     "2026-03-05T10:00:00+08:00"),
    ("vtt meeting with voice tags", "standup.vtt", "meeting", "en",
     ["Alice Chen", "Dana Reyes", "Sam Ortiz", "Dana Reyes"],
     ["rep", "customer", "rep", "customer"], "2026-03-09T09:30:00-04:00"),
]


@pytest.mark.parametrize(("name", "channel", "language", "speakers", "roles", "occurred_at"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_transcript_format_keeps_speakers_roles_channel_and_date(
        name, channel, language, speakers, roles, occurred_at):
    # no rep names passed: the rep side comes from each file's own `rep:` line
    [tp] = parse_transcript(**source(TRANSCRIPTS / name), options=ParseOptions(tenant_id="t1"))
    assert tp.channel == channel and tp.language == language
    assert [s.speaker for s in tp.segments] == speakers
    assert [s.role for s in tp.segments] == roles
    assert tp.occurred_at.isoformat() == occurred_at
    assert tp.direction == "outbound"
    for segment in tp.segments:
        assert tp.text[segment.start:segment.end] == segment.text
        assert not segment.text.startswith(("：", ":"))


def test_vtt_cues_keep_times_split_voices_and_merge_a_speakers_consecutive_cues():
    [tp] = parse_transcript(**source(TRANSCRIPTS / "standup.vtt"), options=ParseOptions())
    timed = [(s.speaker, s.start_s, s.end_s, s.text) for s in tp.segments]
    assert timed == [
        ("Alice Chen", 0.0, 3.2, "Morning! Quick status on SSO & exports."),
        ("Dana Reyes", 3.4, 7.0, "SSO works."),
        ("Sam Ortiz", 3.4, 9.9, "Great, exports ship Friday. I'll send the release notes by Thursday."),
        ("Dana Reyes", 62.5, 65.0, "Thanks, that helps."),
    ]
    assert tp.subject == "Rollout standup" and tp.source.media_type == "text/vtt"


def test_srt_cues_keep_their_seconds():
    [tp] = parse_transcript(**source(TRANSCRIPTS / "call_zh.srt"), options=REPS)
    assert [(s.start_s, s.end_s) for s in tp.segments] == [(0.5, 3.0), (3.5, 7.25)]
    assert tp.segments[1].text == "你们的价格比销售易贵不少。"
    assert tp.source.media_type == "application/x-subrip"


def test_srt_positioning_and_style_tags_are_not_words(tmp_path: Path):
    path = tmp_path / "styled.srt"
    path.write_text("# date: 2026-03-02T10:00:00+08:00\n1\n00:00:01,000 --> 00:00:02,000\n"
                    "{\\an8}<i>李娜：</i>价格能再低一点吗？\n", encoding="utf-8")
    [tp] = parse_transcript(**source(path), options=REPS)
    assert (tp.segments[0].speaker, tp.segments[0].text) == ("李娜", "价格能再低一点吗？")


def test_leading_stamps_become_start_seconds_and_wrapped_lines_join_the_turn():
    [tp] = parse_transcript(**source(TRANSCRIPTS / "call_timestamps.txt"), options=ParseOptions())
    assert [s.start_s for s in tp.segments] == [4.0, 11.0, 62.0]
    assert tp.segments[1].text == "我们预算这个月底才批下来，可能要下个月再签。"
    assert tp.subject == "续约沟通"


def test_otter_style_speaker_headers_start_turns_with_their_time(tmp_path: Path):
    path = tmp_path / "otter.txt"
    path.write_text("# date: 2026-03-02T10:00:00-05:00\n# rep: Alice Chen\n"
                    "Alice Chen  0:05\nThanks for joining. We meet again at 10:30\ntomorrow.\n\n"
                    "Dana Reyes  1:02:07\nSounds good.\n", encoding="utf-8")
    [tp] = parse_transcript(**source(path), options=ParseOptions())
    assert [(s.speaker, s.start_s, s.role) for s in tp.segments] == [
        ("Alice Chen", 5.0, "rep"), ("Dana Reyes", 3727.0, "customer")]
    assert tp.segments[0].text == "Thanks for joining. We meet again at 10:30 tomorrow."


def test_an_unlabeled_subtitle_cue_continues_the_previous_speaker(tmp_path: Path):
    path = tmp_path / "wrap.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nDana: We need SSO\n\n"
                    "2\n00:00:02,100 --> 00:00:03,000\nbefore we sign.\n\n"
                    "3\n00:00:03,500 --> 00:00:05,000\nAlice Chen: Understood.\n", encoding="utf-8")
    [tp] = parse_transcript(**source(path), options=ParseOptions(
        rep_names=("Alice Chen",), occurred_at=datetime(2026, 3, 2, tzinfo=ZoneInfo("UTC"))))
    assert [(s.speaker, s.text, s.end_s) for s in tp.segments] == [
        ("Dana", "We need SSO before we sign.", 3.0), ("Alice Chen", "Understood.", 5.0)]


def test_without_any_known_rep_every_role_is_unknown(tmp_path: Path):
    path = tmp_path / "anon.txt"
    path.write_text("# date: 2026-03-02\nBob: hello\nAnn: hi there\n", encoding="utf-8")
    [tp] = parse_transcript(**source(path), options=ParseOptions(default_timezone="Asia/Shanghai"))
    assert [s.role for s in tp.segments] == ["unknown", "unknown"]
    assert tp.direction == "inbound"
    assert tp.occurred_at.isoformat() == "2026-03-02T00:00:00+08:00"


def test_configured_rep_names_apply_when_the_file_names_none(tmp_path: Path):
    path = tmp_path / "t.txt"
    path.write_text("# date: 2026-03-02T10:00:00+08:00\n李娜：价格太贵了。\n王磊：我们可以谈折扣。\n",
                    encoding="utf-8")
    [tp] = parse_transcript(**source(path), options=REPS)
    assert [s.role for s in tp.segments] == ["customer", "rep"]
    assert tp.direction == "inbound"


def test_occurred_at_dates_an_undated_transcript_but_the_files_own_date_wins(tmp_path: Path):
    when = datetime(2026, 3, 2, 13, 0, tzinfo=ZoneInfo("America/New_York"))
    undated = tmp_path / "undated.vtt"
    undated.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Bob>hi\n", encoding="utf-8")
    [tp] = parse_transcript(**source(undated), options=ParseOptions(occurred_at=when))
    assert tp.occurred_at == when
    [dated] = parse_transcript(**source(TRANSCRIPTS / "call_zh.txt"), options=ParseOptions(occurred_at=when))
    assert dated.occurred_at.isoformat() == "2026-03-03T10:00:00+08:00"


def test_the_same_file_twice_has_the_same_id(tmp_path: Path):
    copy = tmp_path / "copy.vtt"
    copy.write_bytes((TRANSCRIPTS / "standup.vtt").read_bytes())
    [a] = parse_transcript(**source(TRANSCRIPTS / "standup.vtt"), options=REPS)
    [b] = parse_transcript(**source(copy), options=REPS)
    assert a.id == b.id and a.id.startswith("tp_")


BAD = [
    ("empty file", "empty.txt", b"", "the source is empty"),
    ("no speaker lines", "notes.txt",
     b"# date: 2026-03-02T10:00:00+00:00\njust some words\nand more words\n",
     "line 2 ('just some words') has no 'Speaker: text' form"),
    ("front matter only", "front.txt", b"# date: 2026-03-02T10:00:00+00:00\n\n",
     "no 'Speaker: text' lines"),
    ("no date in a txt", "undated.txt", b"Bob: hello\nAnn: hi\n",
     "pass --occurred-at or add a '# date:"),
    ("no date in a vtt", "undated.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Bob>hi\n",
     "pass --occurred-at or add a 'NOTE date:"),
    ("bad date", "baddate.txt", b"# date: next tuesday\nBob: hi\n", "'next tuesday' is not a time"),
    ("subtitles without cues", "nocues.vtt", b"WEBVTT\n\nNOTE nothing here\n",
     "no subtitle cues with text"),
    ("undecodable bytes", "bytes.txt", b"Bob: \x80\x80\xff\n", "not UTF-8, UTF-16 or GB18030"),
]


@pytest.mark.parametrize(("name", "content", "message"), [b[1:] for b in BAD],
                         ids=[b[0] for b in BAD])
def test_bad_transcripts_raise_an_error_naming_the_file_and_the_problem(tmp_path: Path, name,
                                                                        content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BadInputError) as info:
        parse_transcript(**source(path), options=ParseOptions())
    assert message in str(info.value)
    assert name in str(info.value)


def test_a_utf16_transcript_is_decoded(tmp_path: Path):
    path = tmp_path / "u16.txt"
    path.write_bytes("# date: 2026-03-02T10:00:00+00:00\nBob：你好\n".encode("utf-16"))
    [tp] = parse_transcript(**source(path), options=REPS)
    assert tp.segments[0].text == "你好" and tp.segments[0].speaker == "Bob"


@pytest.mark.parametrize("name", sorted(p.name for p in TRANSCRIPTS.iterdir()))
def test_every_transcript_fixture_is_routed_to_the_transcript_parser(name):
    assert source_kind((TRANSCRIPTS / name).read_bytes(), str(TRANSCRIPTS / name)) == "transcript"
