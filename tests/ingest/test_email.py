"""Email parsing on real files: charsets, quotes and signatures, fields, threads, bad input."""

from __future__ import annotations

import base64
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions
from assistant.ingest.email import parse_email_bytes
from assistant.ingest.email_body import html_to_text, split_reply
from assistant.ingest.email_charset import UndecodableError, decode_header_value, decode_payload
from assistant.models import Touchpoint
from tests.sources import source

EMAIL = Path(__file__).parent.parent / "data" / "email"
OPTIONS = ParseOptions(tenant_id="t", vendor_domains=("brightlane.io",))


def parse_one(name: str, options: ParseOptions = OPTIONS) -> Touchpoint:
    [tp] = parse_email_bytes(**source(EMAIL / name), options=options)
    assert tp.text[tp.segments[0].start:tp.segments[0].end] == tp.segments[0].text
    return tp


def eml(headers: str, body: str) -> bytes:
    return (headers.strip() + "\n\n" + body).encode("utf-8")


def noise(size: int = 400) -> bytes:
    """High bytes that no charset turns into text (seeded, so every run sees the same)."""
    rng = random.Random(3)
    return bytes(rng.randrange(128, 256) for _ in range(size))


HEADERS = "From: Dana <dana@harborview-freight.com>\nTo: alice@brightlane.io\n" \
          "Subject: Pricing\nDate: Mon, 02 Mar 2026 10:00:00 -0500"


# --- charsets -----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "subject", "sender", "snippet", "language"), [
    ("english_multipart.eml", "Re: Brightlane Desk pricing", "Dana Reyes",
     "We are evaluating HubSpot as well.", "en"),
    ("chinese_gbk.eml", "回复：报价", "李娜", "我们目前在用纷享销客", "zh"),
    ("outlook_gb2312.eml", "答复: 产品演示", "陈喆", "我是新来的采购负责人陈喆，朱镕会继续负责技术评估。", "zh"),
    ("traditional_big5.eml", "big5 test", "Chen", "我們正在比較銷售易和你們的產品，價格太高了。", "zh"),
    ("latin1_signature.eml", "Präsentation nächste Woche", "Renée Müller",
     "the café meeting moved: our Geschäftsführer can join", "en"),
    ("wrong_charset.eml", "系统太慢", None, "系统每天早上都很慢，客户投诉越来越多。", "zh"),
    ("chinese_reply_original.eml", "回复：续约合同", "刘洋", "下周一可以签字", "zh"),
], ids=["utf-8 multipart", "gbk with rfc2047 headers", "gb2312 label with gb18030-only characters",
        "big5", "iso-8859-1 quoted-printable", "declared utf-8 but really gbk, raw 8-bit subject",
        "utf-8 base64 chinese"])
def test_every_charset_decodes_subject_sender_and_body(name, subject, sender, snippet, language):
    tp = parse_one(name)
    assert tp.subject == subject
    assert tp.participants[0].name == sender
    assert snippet in tp.text
    assert tp.language == language
    assert "\ufffd" not in tp.text + (tp.subject or "")


@pytest.mark.parametrize(("payload", "declared", "text"), [
    ("报价单".encode("gbk"), "gb2312", "报价单"),
    ("陈喆".encode("gb18030"), "gb2312", "陈喆"),
    ("中文内容，测试一下报价".encode("gbk"), "iso-8859-1", "中文内容，测试一下报价"),
    ("Café au lait, naïve résumé".encode("latin-1"), "iso-8859-1", "Café au lait, naïve résumé"),
    ("中文内容".encode(), "gbk", "中文内容"),
    ("價格太高了".encode("big5"), None, "價格太高了"),
], ids=["gbk under gb2312", "gb18030-only under gb2312", "gbk mislabelled latin-1",
        "real latin-1", "utf-8 mislabelled gbk", "undeclared big5"])
def test_payloads_decode_whatever_charset_they_claim(payload, declared, text):
    assert decode_payload(payload, declared)[0] == text


def test_random_bytes_are_beyond_recovery():
    with pytest.raises(UndecodableError):
        decode_payload(noise(), "utf-8")


@pytest.mark.parametrize(("raw", "fallback", "text"), [
    ("=?gbk?b?u9i4tKO6sai82w==?=", None, "回复：报价"),
    ("Re: =?utf-8?q?caf=C3=A9?= menu", None, "Re: café menu"),
    ("=?utf-8?b?5p2O5aic?= =?utf-8?b?5p2O?=", None, "李娜李"),
    ("系统太慢".encode("gbk").decode("utf-8", "surrogateescape"), "gbk", "系统太慢"),
], ids=["rfc2047 gbk", "mixed encoded and plain words", "adjacent encoded words join",
        "raw 8-bit gbk"])
def test_headers_decode_through_the_superset_table(raw, fallback, text):
    assert decode_header_value(raw, fallback) == text


# --- quotes and signatures ----------------------------------------------------------------

@pytest.mark.parametrize(("name", "kept", "dropped"), [
    ("english_multipart.eml", "Could you send the revised quote by Friday?", "Here is our proposal"),
    ("chinese_gbk.eml", "请在下周三之前把报价发给我。", "发自我的iPhone"),
    ("chinese_gbk.eml", "请在下周三之前把报价发给我。", "李总您好，附上方案。"),
    ("chinese_reply_original.eml", "否则我们会考虑纷享销客", "-----原始邮件-----"),
    ("chinese_reply_original.eml", "否则我们会考虑纷享销客", "请把续约合同发给我。"),
    ("chinese_reply_original.eml", "否则我们会考虑纷享销客", "电话：021-5555-0100"),
    ("outlook_reply.eml", "blocking our month-end close", "We deployed a fix"),
    ("outlook_gb2312.eml", "请安排下周二的产品演示。", "想约您看一下我们的新版本"),
    ("latin1_signature.eml", "Please send the agenda.", "Alpenhof Logistik GmbH"),
    ("html_only.eml", "before the security review on March 16.", "Sent from my iPhone"),
    ("html_only.eml", "before the security review on March 16.", "Happy to answer any questions."),
], ids=["on ... wrote", "发自我的iPhone", "在 ... 写道", "原始邮件 block", "nested 在 ... 写道",
        "chinese closing and signature", "outlook From/Sent block", "outlook 发件人/发送时间 block",
        "dash-dash signature", "html phone sign-off", "html blockquote"])
def test_quotes_and_signatures_leave_the_text_for_the_metadata(name, kept, dropped):
    tp = parse_one(name)
    assert kept in tp.text
    assert dropped not in tp.text
    assert dropped in tp.metadata["quoted_text"]


@pytest.mark.parametrize(("body", "own", "rest"), [
    ("Sounds good.\n\nOn Mon, 2 Mar 2026 at 10:00, Alice Chen <alice@brightlane.io>\nwrote:\n> hi",
     "Sounds good.", "> hi"),
    ("好的，没问题。\n\n李娜 <lina@huachen-mfg.cn> 于2026年3月2日周一 10:00写道：\n> 报价", "好的，没问题。",
     "> 报价"),
    ("好的。\n\n在 2026年3月2日 週一 上午10:00，陳喆 <chen@x.tw> 寫道：\n> 報價", "好的。", "> 報價"),
    ("Passt.\n\nAm Mo., 2. März 2026 um 10:00 Uhr schrieb Renée <r@x.de>:\n> alt", "Passt.", "> alt"),
    ("See inline.\n> Can you do May?\nYes, May works.\n> And SSO?\nIncluded.",
     "See inline.\nYes, May works.\nIncluded.", "> Can you do May?\n> And SSO?"),
    ("Thanks!\nWe will sign tomorrow.\nBob", "Thanks!\nWe will sign tomorrow.\nBob", ""),
    ("Hi,\nPrice is fine.\nThanks,\nThe contract goes out on Monday, please countersign it.",
     "Hi,\nPrice is fine.\nThanks,\nThe contract goes out on Monday, please countersign it.", ""),
    ("Hi,\nPrice is fine.\n\nBest regards,\nAlice Chen\nVP Sales | Brightlane\n+1 555 0100",
     "Hi,\nPrice is fine.", "Alice Chen"),
    ("Please review.\n\n---------- Forwarded message ---------\nFrom: Lee", "Please review.",
     "---------- Forwarded message ---------\nFrom: Lee"),
    ("Noted.\n________________________________\nFrom: Sam\nSent: today", "Noted.", "From: Sam"),
    ("收到。\n\n发件人: 王磊\n时间: 2026年3月2日\n主题: 报价", "收到。", "发件人: 王磊"),
    ("From: our side the plan is fine.\nLet's go.", "From: our side the plan is fine.\nLet's go.",
     ""),
], ids=["wrapped on-wrote", "gmail chinese 于 ... 写道", "traditional 在 ... 寫道",
        "german am ... schrieb", "interleaved answers keep the answers",
        "a leading thanks is not a closing", "a closing followed by a sentence is kept",
        "closing with name, title and phone", "forwarded message header", "outlook underscore rule",
        "chinese header block with half-width colons", "a From: sentence without a header block"])
def test_split_reply_keeps_only_what_the_sender_wrote(body, own, rest):
    got_own, got_rest = split_reply(body)
    assert got_own == own
    assert rest in got_rest


@pytest.mark.parametrize(("html", "text"), [
    ("<p>One</p><p>Two</p>", "One\n\nTwo"),
    ("<div>Line<br>break</div>", "Line\nbreak"),
    ("<style>p{}</style><script>x()</script><p>Shown</p>", "Shown"),
    ('<p>Read <a href="https://x.example">the docs</a>&nbsp;now</p>', "Read the docs now"),
    ("<p>Mine</p><blockquote>old<blockquote>older</blockquote></blockquote>",
     "Mine\n\n> old\n> > older"),
], ids=["paragraphs", "line breaks", "script and style dropped", "link text kept",
        "blockquotes become quote lines"])
def test_html_becomes_readable_text(html, text):
    assert html_to_text(html) == text


# --- fields -------------------------------------------------------------------------------

def test_reply_fields_participants_roles_thread_and_metadata():
    tp = parse_one("chinese_reply_original.eml")
    assert tp.channel == "email" and tp.direction == "inbound"
    assert [(p.name, p.email, p.role) for p in tp.participants] == [
        ("刘洋", "liuyang@huachen-mfg.cn", "customer"),
        ("张伟", "zhangwei@brightlane.io", "rep"),
        ("采购部", "purchasing@huachen-mfg.cn", "customer")]
    assert tp.thread_id == "<zh-renew-0@huachen-mfg.cn>"
    assert tp.metadata["message_id"] == "<zh-renew-2@huachen-mfg.cn>"
    assert tp.metadata["in_reply_to"] == "<zh-renew-1@brightlane.io>"
    assert tp.metadata["references"] == ["<zh-renew-0@huachen-mfg.cn>", "<zh-renew-1@brightlane.io>"]
    assert tp.metadata["to"] == ["zhangwei@brightlane.io"]
    assert tp.metadata["cc"] == ["purchasing@huachen-mfg.cn"]
    assert tp.occurred_at == datetime(2026, 3, 3, 1, 20, tzinfo=UTC)
    assert tp.occurred_at.utcoffset().total_seconds() == 8 * 3600
    [segment] = tp.segments
    assert (segment.speaker, segment.role, segment.occurred_at) == ("刘洋", "customer", tp.occurred_at)
    assert segment.text == tp.text and not tp.text.startswith("刘洋:")
    assert tp.source.media_type == "message/rfc822" and tp.source.uri.endswith(".eml")


def test_encoded_display_names_with_commas_do_not_split_addresses():
    headers = HEADERS.replace("From: Dana <dana@harborview-freight.com>",
                              "From: =?utf-8?q?Reyes=2C_Dana?= <dana@harborview-freight.com>")
    headers = headers.replace("To: alice@brightlane.io",
                              'To: "Chen, Alice" <alice@brightlane.io>, =?gbk?b?wO7EyA==?= <li@x.cn>')
    [tp] = parse_email_bytes(eml(headers, "Hello."), uri="names.eml", options=OPTIONS)
    assert [(p.name, p.email) for p in tp.participants] == [
        ("Reyes, Dana", "dana@harborview-freight.com"), ("Chen, Alice", "alice@brightlane.io"),
        ("李娜", "li@x.cn")]
    assert tp.segments[0].speaker == "Reyes, Dana"


def test_attachments_are_listed_with_size_and_only_attached_messages_are_parsed():
    note, original = parse_email(EMAIL / "forwarded_attachment.eml", OPTIONS)
    assert [(a.filename, a.media_type) for a in note.attachments] == [
        ("Budget approved.eml", "message/rfc822"), ("org-chart.png", "image/png")]
    assert note.attachments[1].size_bytes == 22
    assert "budget for the CRM project" not in note.text
    assert original.text == "The budget for the CRM project is approved."
    assert original.metadata["forwarded_by"]["email"] == "jordan@northwind-bio.com"
    multipart = parse_one("english_multipart.eml")
    assert [(a.filename, a.media_type, a.size_bytes) for a in multipart.attachments] == [
        ("requirements.pdf", "application/pdf", 23)]


def test_the_same_message_gets_the_same_id_in_the_same_tenant_only():
    a = parse_one("english_multipart.eml")
    b = parse_one("english_multipart.eml")
    [c] = parse_email_bytes(**source(EMAIL / "english_multipart.eml"), options=ParseOptions(tenant_id="other"))
    assert a.id == b.id != c.id


def test_messages_without_a_message_id_get_distinct_ids_for_distinct_senders():
    first = eml(HEADERS, "Thanks!")
    second = eml(HEADERS.replace("dana@harborview-freight.com", "lee@northwind-bio.com"), "Thanks!")
    [a] = parse_email_bytes(first, uri="a.eml", options=OPTIONS)
    [b] = parse_email_bytes(second, uri="b.eml", options=OPTIONS)
    [again] = parse_email_bytes(first, uri="copy.eml", options=OPTIONS)
    assert a.id != b.id and a.id == again.id


def test_replies_without_ids_share_a_thread_by_subject():
    replies = [eml(HEADERS.replace("Subject: Pricing", f"Subject: {subject}"), "Noted, thanks.")
               for subject in ("Pricing", "Re: pricing", "回复: Fwd: Pricing", "转发：RE: Pricing")]
    threads = {parse_email_bytes(r, uri="r.eml", options=OPTIONS)[0].thread_id for r in replies}
    assert threads == {"subject:pricing"}


@pytest.mark.parametrize(("date_header", "options", "expected"), [
    ("Date: Mon, 02 Mar 2026 10:00:00 -0000", ParseOptions(default_timezone="Asia/Shanghai"),
     datetime(2026, 3, 2, 2, 0, tzinfo=UTC)),
    ("", ParseOptions(occurred_at=datetime(2026, 3, 1, 9, 0, tzinfo=UTC)),
     datetime(2026, 3, 1, 9, 0, tzinfo=UTC)),
    ("Date: not a date", ParseOptions(occurred_at=datetime(2026, 3, 1, 9, 0, tzinfo=UTC)),
     datetime(2026, 3, 1, 9, 0, tzinfo=UTC)),
], ids=["zone-less date takes the default timezone", "missing date takes occurred_at",
        "invalid date takes occurred_at"])
def test_occurred_at_is_always_timezone_aware(date_header, options, expected):
    headers = "From: a@harborview-freight.com\nSubject: x\n" + date_header
    [tp] = parse_email_bytes(eml(headers, "Hello there."), uri="d.eml", options=options)
    assert tp.occurred_at == expected and tp.occurred_at.tzinfo is not None


def test_a_forced_language_wins_over_detection():
    [tp] = parse_email_bytes(**source(EMAIL / "chinese_gbk.eml"), options=ParseOptions(language="en"))
    assert tp.language == "en"


# --- mbox ---------------------------------------------------------------------------------

def test_mbox_rebuilds_one_thread_and_reports_the_bad_message_by_position():
    result = parse_email_bytes(**source(EMAIL / "thread.mbox"), options=OPTIONS)
    assert len(result) == 3
    assert {tp.thread_id for tp in result} == {"<t0@brightlane.io>"}
    assert [tp.direction for tp in result] == ["outbound", "inbound", "outbound"]
    assert [tp.metadata["mbox_index"] for tp in result] == [0, 1, 2]
    assert [error.index for error in result.errors] == [3]
    assert "thread.mbox#3" in result.errors[0].message
    assert "no text of its own" in result.errors[0].message
    assert parse_email_bytes(**source(EMAIL / "thread.mbox"), options=OPTIONS).errors == result.errors
    assert parse_email_bytes(**source(EMAIL / "outlook_reply.eml"), options=OPTIONS).errors == []


def mbox(*messages: bytes) -> bytes:
    return b"".join(b"From MAILER-DAEMON Mon Mar  2 10:00:00 2026\n" + m + b"\n\n" for m in messages)


def test_replies_naming_only_their_parent_are_walked_up_to_the_root():
    root = eml(HEADERS + "\nMessage-ID: <r0@brightlane.io>", "Proposal attached.")
    child = eml(HEADERS + "\nMessage-ID: <r1@x.com>\nIn-Reply-To: <r0@brightlane.io>", "Looks ok.")
    grandchild = eml(HEADERS + "\nMessage-ID: <r2@x.com>\nIn-Reply-To: <r1@x.com>", "Signed.")
    result = parse_email_bytes(mbox(grandchild, root, child), uri="chain.mbox", options=OPTIONS)
    assert [tp.thread_id for tp in result] == ["<r0@brightlane.io>"] * 3


def test_mbox_escaped_from_lines_are_restored_not_taken_for_quotes():
    body = "Here is the plan.\n>From now on we meet weekly.\n"
    [tp] = parse_email_bytes(mbox(eml(HEADERS, body)), uri="escaped.mbox", options=OPTIONS)
    assert tp.text == "Here is the plan.\nFrom now on we meet weekly."


def test_a_mailbox_with_only_bad_messages_is_refused():
    with pytest.raises(BadInputError, match="no usable messages"):
        parse_email_bytes(mbox(eml(HEADERS, "> quoted only")), uri="bad.mbox", options=OPTIONS)


def test_a_single_email_saved_as_mbox_is_still_read(tmp_path: Path):
    path = tmp_path / "single.mbox"
    path.write_bytes(eml(HEADERS, "Just one message."))
    [tp] = parse_email_bytes(**source(path), options=OPTIONS)
    assert tp.text == "Just one message."


# --- bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "message"), [
    ("truncated.eml", "truncated"),
    ("truncated_multipart.eml", "truncated"),
    ("binary.eml", "binary data"),
], ids=["headers cut off", "multipart cut before its parts", "binary renamed .eml"])
def test_bad_email_files_are_refused_with_the_file_named(name: str, message: str):
    with pytest.raises(BadInputError, match=message) as info:
        parse_email_bytes(**source(EMAIL / name), options=OPTIONS)
    assert name in str(info.value)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"just some notes\nwith no headers at all\n", "no headers"),
    (b"To: a@b.com\nSubject: x\nDate: Mon, 02 Mar 2026 10:00:00 +0000\n\nhello\n", "no From"),
    (eml(HEADERS, "> only the old message\n> quoted"), "no text of its own"),
    (eml(HEADERS, "-- \nAlice Chen\nBrightlane"), "no text of its own"),
    (eml(HEADERS.replace("Date: Mon, 02 Mar 2026 10:00:00 -0500", ""), "hello"), "occurred-at"),
    (eml(HEADERS + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
         "Content-Transfer-Encoding: base64",
         base64.b64encode(noise()).decode()),
     "cannot be decoded"),
], ids=["empty", "only whitespace", "text without headers", "no sender", "only a quote",
        "only a signature", "no date and no occurred_at", "undecodable body"])
def test_bad_email_bytes_are_refused_with_the_source_named(content: bytes, message: str):
    with pytest.raises(BadInputError, match=message) as info:
        parse_email_bytes(content, uri="upload-7.eml", options=OPTIONS)
    assert "upload-7.eml" in str(info.value)


def test_an_empty_file_is_refused(tmp_path: Path):
    path = tmp_path / "empty.eml"
    path.write_bytes(b"")
    with pytest.raises(BadInputError, match="empty"):
        parse_email_bytes(**source(path), options=OPTIONS)
