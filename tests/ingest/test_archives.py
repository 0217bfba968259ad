"""Zipped exports as the apps hand them out ingest without unzipping; a zip bomb is refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from assistant.errors import BadInputError, TooLargeError
from assistant.ingest.archive import read_zip
from assistant.ingest.common import ParseOptions
from assistant.ingest.dispatch import parse_content

DATA = Path(__file__).parent.parent / "data"
OPTIONS = ParseOptions(tenant_id="t1", default_timezone="UTC")


def zipped(files: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


CHAT = (DATA / "chat" / "whatsapp_locales" / "en_ios_12h.txt").read_bytes()


@pytest.mark.parametrize("layout", [
    {"_chat.txt": CHAT, "00000012-PHOTO-2024-03-18-15-01-12.jpg": b"\xff\xd8" + bytes(5000)},
    {"WhatsApp Chat - Dana Park/_chat.txt": CHAT,
     "WhatsApp Chat - Dana Park/00000013-AUDIO-2024-03-18.opus": b"OggS" + bytes(3000),
     "__MACOSX/WhatsApp Chat - Dana Park/._chat.txt": b"\x00\x05\x16\x07"},
    {"WhatsApp Chat with Dana Park.txt": CHAT, "notes.txt": b"Shopping list: milk, eggs\n",
     "Quote 2024.txt": b"Quote for 20 seats: 15% off\n"},
], ids=["ios zip with media", "nested folder with macos debris", "android zip beside shared .txt"])
def test_a_zipped_whatsapp_export_ingests_without_unzipping(layout):
    [tp] = parse_content(zipped(layout), uri="WhatsApp Chat - Dana Park.zip",
                         options=OPTIONS).touchpoints
    assert tp.metadata["format"] == "whatsapp"
    assert [s.speaker for s in tp.segments] == ["Dana Park", "Sam Ortiz", "Dana Park"]
    assert tp.source.uri.startswith("WhatsApp Chat - Dana Park.zip#")
    assert tp.source.uri.endswith(".txt") and "notes" not in tp.source.uri


def test_media_in_a_chat_archive_is_never_expanded():
    content = zipped({"_chat.txt": CHAT, "VIDEO.mp4": bytes(3 << 20)})
    members = read_zip(content, uri="chat.zip", max_bytes=1 << 20,
                       wanted=lambda name: name.endswith(".txt"))
    assert list(members) == ["_chat.txt"]


def test_a_zipped_slack_export_with_a_top_folder_ingests_one_touchpoint_per_channel():
    export = DATA / "chat" / "slack_export"
    files = {f"Brightlane Slack export/{p.relative_to(export).as_posix()}": p.read_bytes()
             for p in sorted(export.rglob("*")) if p.is_file()}
    parsed = parse_content(zipped(files), uri="slack.zip", options=OPTIONS).touchpoints
    assert sorted(tp.subject or "" for tp in parsed) == ["#huachen-支持", "#northwind-deal"]


def test_a_zip_bomb_is_refused_with_a_clear_error_before_it_is_expanded():
    bomb = zipped({"_chat.txt": b"0" * (64 << 20)})
    assert len(bomb) < 1 << 20
    with pytest.raises(TooLargeError) as info:
        parse_content(bomb, uri="WhatsApp Chat - X.zip", options=OPTIONS)
    assert "WhatsApp Chat - X.zip" in str(info.value) and "zip bomb" in str(info.value)


def test_an_archive_over_the_size_limit_is_refused_naming_the_limit():
    small = ParseOptions(max_bytes=200_000)
    content = zipped({"_chat.txt": CHAT * 450})
    assert len(content) < small.max_bytes
    with pytest.raises(TooLargeError, match="over the limit"):
        parse_content(content, uri="big.zip", options=small)


def test_a_zip_with_no_chat_in_it_says_what_it_expected():
    content = zipped({"photo.jpg": b"\xff\xd8" + bytes(100), "notes.txt": b"milk, eggs\n"})
    with pytest.raises(BadInputError, match="neither a Slack export .* nor a WhatsApp chat"):
        parse_content(content, uri="stuff.zip", options=OPTIONS)
