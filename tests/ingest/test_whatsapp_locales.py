"""WhatsApp exports as the apps write them in each locale: senders, times and text right, the
app's own notices, media placeholders and deleted messages dropped."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions
from assistant.ingest.dispatch import detect, parse_content
from tests.sources import parse_file

DATA = Path(__file__).parent.parent / "data"
LOCALES = DATA / "chat" / "whatsapp_locales"
UTC = ZoneInfo("UTC")
OPTIONS = ParseOptions(tenant_id="t1", default_timezone="UTC")

# file, customer, rep, the rep's first line, a word of the notice that must be gone
CASES = [
    ("zh_android.txt", "李娜", "王磊", "有的，20个账号可以打八五折。", "端到端"),
    ("zh_ios.txt", "李娜", "王磊", "有的，20个账号可以打八五折。", "端到端"),
    ("es_android_12h.txt", "Carlos Ruiz", "Ana Gómez", "Sí, un 15 % para 20 usuarios.", "cifrados"),
    ("de_android.txt", "Jonas Weber", "Lena Fischer", "Ja, 15 % für 20 Nutzer.", "verschlüsselt"),
    ("fr_ios.txt", "Camille Martin", "Hugo Bernard", "Oui, 15 % pour 20 utilisateurs.", "chiffrés"),
    ("ru_android.txt", "Ольга Смирнова", "Иван Петров", "Да, 15 % для 20 пользователей.",
     "шифрованием"),
    ("ja_ios.txt", "佐藤花子", "鈴木一郎", "はい、20ユーザーで15%割引です。", "暗号化"),
    ("ar_ios.txt", "أحمد علي", "سارة حسن", "نعم، خصم ١٥٪ لعشرين مستخدما.", "مشفرة"),
    ("hi_android_12h.txt", "राहुल शर्मा", "प्रिया वर्मा", "हाँ, 20 यूज़र्स पर 15% छूट है।",
     "एन्क्रिप्टेड"),
    ("th_ios_buddhist.txt", "สมชาย ใจดี", "นภา สุขใจ", "มีค่ะ ลด 15% สำหรับ 20 ผู้ใช้", "เข้ารหัส"),
    ("vi_ios_time_first.txt", "Nguyễn Minh", "Trần Lan", "Có, giảm 15% cho 20 người dùng.",
     "mã hóa"),
    ("nl_android_dashes.txt", "Sanne de Vries", "Daan Jansen", "Ja, 15% voor 20 gebruikers.",
     "versleuteld"),
    ("en_ios_12h.txt", "Dana Park", "Sam Ortiz", "Yes, 15% for 20 seats.", "encrypted"),
]
# the seconds each export keeps (Android writes minutes only)
STARTS = {"ios": (datetime(2024, 3, 18, 14, 56, 1, tzinfo=UTC),
                  datetime(2024, 3, 18, 15, 5, 9, tzinfo=UTC)),
          "android": (datetime(2024, 3, 18, 14, 56, tzinfo=UTC),
                      datetime(2024, 3, 18, 15, 5, tzinfo=UTC))}


@pytest.mark.parametrize(("name", "customer", "rep", "reply", "notice"), CASES,
                         ids=[c[0].removesuffix(".txt") for c in CASES])
def test_every_locale_keeps_senders_times_and_text_and_drops_what_the_app_wrote(
        name, customer, rep, reply, notice):
    [tp] = parse_file(LOCALES / name, OPTIONS)
    assert tp.channel == "chat" and tp.metadata["format"] == "whatsapp"
    assert [s.speaker for s in tp.segments] == [customer, rep, customer]
    first, last = STARTS["ios" if "_ios" in name else "android"]
    assert (tp.segments[0].occurred_at, tp.segments[-1].occurred_at) == (first, last)
    assert tp.occurred_at == first and tp.occurred_at_source == "explicit"
    # the rep's reply wrapped onto a second line, which stays part of it
    assert tp.segments[1].text.split("\n")[0] == reply and "\n" in tp.segments[1].text
    assert notice not in tp.text and "WhatsApp" not in tp.text
    assert tp.metadata["media_or_deleted_dropped"] + tp.metadata["system_events_skipped"] == 3
    assert "<" not in tp.text and "\u200e" not in tp.text and "\u200f" not in tp.text
    for segment in tp.segments:
        assert tp.text[segment.start:segment.end] == segment.text


def test_an_edited_message_keeps_its_words_without_the_edited_mark():
    [tp] = parse_file(LOCALES / "en_ios_12h.txt", OPTIONS)
    assert tp.segments[-1].text == "Great, please send it by Friday."


CHAT_MINER = DATA / "external" / "chat-miner"


@pytest.mark.parametrize("name", ["test_yyyymmdd_24hrs.txt", "test_mmddyyyy_12hrs.txt",
                                  "test_ddmmyy_24hrs.txt", "test_mmddyy_24hrs.txt",
                                  "test_bracketed_mmddyy_24hrs.txt"])
def test_chat_miner_exports_in_five_date_shapes_read_as_its_own_expected_messages(name):
    [tp] = parse_file(CHAT_MINER / name, OPTIONS)
    got = {(s.occurred_at.replace(tzinfo=None).isoformat(), s.speaker, s.text.replace("\n", " "))
           for s in tp.segments}
    expected = {(m["timestamp"], m["author"], m["message"])
                for m in json.loads((CHAT_MINER / "target.json").read_text())}
    # chat-miner leaves out a message that is only "."; Touchpoint keeps what was said
    assert got - expected == {("2019-01-20T11:23:00", "John Doe", ".")}
    assert expected <= got


def test_a_dutch_export_with_a_given_date_is_a_chat_not_a_call():
    dated = ParseOptions(default_timezone="UTC", occurred_at=datetime(2024, 3, 18, tzinfo=UTC))
    [tp] = parse_file(LOCALES / "nl_android_dashes.txt", dated)
    assert tp.channel == "chat" and {s.speaker for s in tp.segments} == {"Sanne de Vries",
                                                                        "Daan Jansen"}


def test_a_bracketed_export_is_never_reported_as_broken_json():
    content = (LOCALES / "vi_ios_time_first.txt").read_bytes()
    assert detect(content, "chat.txt").format == "whatsapp"


def test_text_no_parser_recognises_gets_one_error_naming_what_was_expected():
    with pytest.raises(BadInputError) as info:
        parse_content(b"chardet\nrequests>=2\n", uri="requirements.txt", options=OPTIONS)
    message = str(info.value)
    assert message.startswith("requirements.txt: not a format Touchpoint recognises")
    assert "WhatsApp export" in message and "WebVTT" in message and "JSON" not in message


@pytest.mark.parametrize(("line", "expected"), [
    ("2024/3/18 下午2:56 - 李娜: 你好", datetime(2024, 3, 18, 14, 56)),
    ("18/3/24, 2:56\u202fp. m. - Carlos: hola", datetime(2024, 3, 18, 14, 56)),
    ("[١٨/٣/٢٠٢٤، ٢:٥٦:٠١\u202fم] أحمد: مرحبا", datetime(2024, 3, 18, 14, 56, 1)),
    ("[18/3/2567 14:56:01] สมชาย: สวัสดี", datetime(2024, 3, 18, 14, 56, 1)),
    ("[3/18/R6, 14:56:01] Sato: hello", datetime(2024, 3, 18, 14, 56, 1)),
    ("[14:56:01, 18/3/24] Minh: chào", datetime(2024, 3, 18, 14, 56, 1)),
    ("[18.03.24 14.56.01] Budi: halo", datetime(2024, 3, 18, 14, 56, 1)),
    ("18/03/2024, 9:15 in the morning - Jane: hi", datetime(2024, 3, 18, 9, 15)),
    ("3/18/24, 14:56:01: Ana: oi", datetime(2024, 3, 18, 14, 56, 1)),
    ("2024. 3. 18. 오후 2:56 - 김민수: 안녕하세요", datetime(2024, 3, 18, 14, 56)),
    ("18.3.2024 klo 14.56 - Matti: Hei", datetime(2024, 3, 18, 14, 56)),
    ("۱۸/۰۳/۲۰۲۴، ۲:۵۶ ب.ظ - علی: سلام", datetime(2024, 3, 18, 14, 56)),
    ("03/18/2024, 14:56 – Ana: oi", datetime(2024, 3, 18, 14, 56)),
    ("Mar 18, 2024, 2:56 PM - Aravind: Whoa", datetime(2024, 3, 18, 14, 56)),
    ("19:23, 18 Mar 2024 - Tanay: hi", datetime(2024, 3, 18, 19, 23)),
], ids=["zh afternoon", "es p. m.", "ar digits and marks", "th buddhist year", "ja reiwa year",
        "vi time first", "id dotted clock", "en-in words", "old ios colon", "ko dotted date",
        "fi klo", "fa digits and marker", "en dash", "month name first", "time then day month"])
def test_one_message_headers_in_each_shape_give_the_right_instant(line, expected):
    [tp] = parse_content((line + "\n" + line + "\n").encode(), uri="chat.txt",
                         options=OPTIONS).touchpoints
    assert tp.metadata["format"] == "whatsapp"
    assert tp.segments[0].occurred_at == expected.replace(tzinfo=UTC)


def test_attachments_in_every_shape_are_dropped_and_a_caption_below_one_is_kept():
    # the attachment shapes Pustur/whatsapp-chat-parser's tests list (Android, iOS, German)
    text = ("3/6/18, 1:55 p.m. - a: < attached: 00000042-PHOTO-2020-06-07-15-13-20.jpg >\n"
            "3/6/18, 1:56 p.m. - a: IMG-20210428-WA0001.jpg (file attached)\n"
            "3/6/18, 1:57 p.m. - a: 2015-08-04-PHOTO-00004762.jpg <\u200eattached>\n"
            "3/6/18, 1:58 p.m. - a: \u200e4f2680f1db95a8454775cc2eefc95bfc.jpg (Datei angehängt)\n"
            "Dir auch frohe Ostern.\n"
            "23/06/2018, 01:55 p.m. - Loris: one\ntwo\n")
    [tp] = parse_content(text.encode(), uri="chat.txt", options=OPTIONS).touchpoints
    assert [(s.speaker, s.text) for s in tp.segments] == [("a", "Dir auch frohe Ostern."),
                                                          ("Loris", "one\ntwo")]
    assert tp.segments[1].occurred_at == datetime(2018, 6, 23, 13, 55, tzinfo=UTC)
    assert tp.metadata["media_or_deleted_dropped"] == 4


def test_a_date_written_without_its_year_takes_the_year_of_the_message_before():
    text = ("19:23, 31 Dec 2023 - Tanay: Happy new year soon\n"
            "00:01, 1 Jan - Dwane: Happy New Year!\n")
    [tp] = parse_content(text.encode(), uri="chat.txt", options=OPTIONS).touchpoints
    assert [s.occurred_at for s in tp.segments] == [datetime(2023, 12, 31, 19, 23, tzinfo=UTC),
                                                    datetime(2024, 1, 1, 0, 1, tzinfo=UTC)]
