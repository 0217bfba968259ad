"""Format detection by content: each source goes to the parser that recognises it, with how sure
the sniffing is, and text nothing recognises is one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import BadInputError
from assistant.ingest.dispatch import detect

DATA = Path(__file__).parent.parent / "data"

CASES = [
    ("chat/whatsapp_locales/vi_ios_time_first.txt", "chat", "whatsapp"),
    ("chat/whatsapp_locales/nl_android_dashes.txt", "chat", "whatsapp"),
    ("chat/whatsapp_locales/ja_ios.txt", "chat", "whatsapp"),
    ("chat/plain.txt", "chat", "plain"),
    ("chat/wecom_group.txt", "chat", "wecom"),
    ("transcripts/call_en.txt", "transcript", "plain"),
    ("transcripts/film_cp1252.srt", "transcript", "srt"),
    ("external/webvtt-py/sample.sbv", "transcript", "sbv"),
    ("external/go-zendesk/ticket_comments.json", "ticket", "zendesk_comments"),
    ("external/go-zendesk/ticket_audits.json", "ticket", "zendesk_audits"),
    ("external/go-zendesk/search_ticket.json", "ticket", "zendesk_results"),
    ("external/chat-miner/telegram_single_export.json", "chat", "json"),
    ("external/slack-export-viewer/testarchive.zip", "chat", "zip"),
]


@pytest.mark.parametrize(("path", "kind", "fmt"), CASES, ids=[c[0] for c in CASES])
def test_each_source_goes_to_the_parser_that_recognises_it(path, kind, fmt):
    found = detect((DATA / path).read_bytes(), str(DATA / path))
    assert (found.kind, found.format) == (kind, fmt) and 0 < found.confidence <= 1


def test_a_whatsapp_export_saved_without_its_extension_is_still_a_chat():
    content = (DATA / "chat/whatsapp_locales/de_android.txt").read_bytes()
    assert detect(content, "export.log").format == "whatsapp"


def test_a_search_answer_of_users_is_not_taken_for_tickets():
    content = b'{"results": [{"id": 1, "name": "Tom", "result_type": "user"}], "count": 1}'
    assert detect(content, "search.json").kind == "chat"


@pytest.mark.parametrize("content", [b"chardet\nrequests>=2\n", b"# Title\n\nSome notes.\n"],
                         ids=["requirements", "markdown"])
def test_text_nothing_recognises_is_one_error_naming_the_formats(content):
    with pytest.raises(BadInputError, match="not a format Touchpoint recognises; expected a "
                                            "WhatsApp export"):
        detect(content, "notes.txt")
