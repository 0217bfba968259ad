"""Email parsing on real files: multipart, charsets, quotes, threads, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions
from assistant.ingest.email import parse_email, parse_mailbox

EMAIL = Path(__file__).parent.parent / "data" / "email"
OPTIONS = ParseOptions(tenant_id="t", vendor_domains=("brightlane.io",))


def parse_one(name: str):
    [tp] = parse_email(EMAIL / name, OPTIONS)
    assert tp.text[tp.segments[0].start:tp.segments[0].end] == tp.segments[0].text
    return tp


def test_multipart_prefers_plain_text_strips_the_quote_and_lists_the_attachment():
    tp = parse_one("english_multipart.eml")
    assert tp.text.startswith("Hi Alice,")
    assert "We are evaluating HubSpot as well." in tp.text
    assert "Here is our proposal" not in tp.text
    assert "Here is our proposal" in tp.metadata["quoted_text"]
    assert [(a.filename, a.media_type) for a in tp.attachments] == [
        ("requirements.pdf", "application/pdf")]
    assert tp.direction == "inbound" and tp.language == "en"
    assert tp.thread_id == "<m1@brightlane.io>"
    roles = {p.email: p.role for p in tp.participants}
    assert roles == {"dana@harborview-freight.com": "customer", "alice@brightlane.io": "rep",
                     "ops@harborview-freight.com": "customer"}


def test_gbk_email_decodes_headers_and_body_and_drops_the_chinese_quote_and_signature():
    tp = parse_one("chinese_gbk.eml")
    assert tp.subject == "回复：报价"
    assert tp.participants[0].name == "李娜"
    assert "我们目前在用纷享销客" in tp.text
    assert "请在下周三之前把报价发给我。" in tp.text
    assert "附上方案" not in tp.text and "发自我的iPhone" not in tp.text
    assert tp.language == "zh"
    assert tp.occurred_at.utcoffset().total_seconds() == 8 * 3600


def test_big5_email_is_decoded():
    tp = parse_one("traditional_big5.eml")
    assert "銷售易" in tp.text and "價格太高了" in tp.text


def test_outlook_header_block_is_treated_as_the_quote():
    tp = parse_one("outlook_reply.eml")
    assert "blocking our month-end close" in tp.text
    assert "We deployed a fix" not in tp.text


def test_mbox_rebuilds_one_thread_and_reports_the_bad_message_by_position():
    result = parse_mailbox(EMAIL / "thread.mbox", OPTIONS)
    assert len(result) == 3
    assert {tp.thread_id for tp in result} == {"<t0@brightlane.io>"}
    assert [tp.direction for tp in result] == ["outbound", "inbound", "outbound"]
    assert [error.index for error in result.errors] == [3]
    assert "no text of its own" in result.errors[0].message


def test_the_same_message_gets_the_same_id_in_the_same_tenant_only():
    a = parse_one("english_multipart.eml")
    b = parse_one("english_multipart.eml")
    [c] = parse_email(EMAIL / "english_multipart.eml", ParseOptions(tenant_id="other"))
    assert a.id == b.id != c.id


@pytest.mark.parametrize(("name", "message"), [
    ("truncated.eml", "truncated"),
    ("binary.eml", "binary data"),
], ids=["truncated", "binary renamed .eml"])
def test_bad_email_files_are_refused_with_the_file_named(name: str, message: str):
    with pytest.raises(BadInputError, match=message) as info:
        parse_email(EMAIL / name, OPTIONS)
    assert name in str(info.value)


def test_an_empty_file_is_refused(tmp_path: Path):
    path = tmp_path / "empty.eml"
    path.write_bytes(b"")
    with pytest.raises(BadInputError, match="empty"):
        parse_email(path, OPTIONS)


def test_an_email_without_a_date_needs_occurred_at(tmp_path: Path):
    path = tmp_path / "nodate.eml"
    path.write_text("From: a@b.com\nSubject: x\n\nhello there\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="--occurred-at"):
        parse_email(path, OPTIONS)
