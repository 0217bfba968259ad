"""Forwarded and logged mail: the touchpoint is the original, from real clients' .eml files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.ingest.common import ParseOptions
from assistant.ingest.email import parse_email, parse_email_bytes
from assistant.ingest.email_forward import forward_date, split_forwards

EMAIL = Path(__file__).parent.parent / "data" / "email"
REP = "alice@brightlane.io"


def options(timezone: str = "UTC") -> ParseOptions:
    return ParseOptions(tenant_id="t", vendor_domains=("brightlane.io",),
                        default_timezone=timezone)


FORWARDS = [
    ("gmail_forward.eml", "UTC", "dana@harborview-freight.com", "Dana Reyes",
     datetime(2026, 3, 2, 15, 15, tzinfo=UTC), "Pricing for 40 seats",
     "Could you send pricing for 40 seats by Friday?", [REP], ["lee@harborview-freight.com"],
     "Logging this for the Harborview deal. Dana wants the quote before Friday.", "inline"),
    ("outlook_forward.eml", "America/New_York", "dana@harborview-freight.com", "Dana Reyes",
     datetime(2026, 3, 2, 15, 15, tzinfo=UTC), "Renewal terms",
     "We need the price to stay flat, otherwise finance will not sign.", [REP], [], None,
     "inline"),
    ("outlook_forward_zh.eml", "Asia/Shanghai", "zhangwei@hengda.cn", "张伟",
     datetime(2026, 3, 2, 2, 15, tzinfo=UTC), "报价", "我们现在用的是纷享销客，价格太贵了。",
     [REP], ["lina@hengda.cn"], "请跟进这个报价，周三前回复。", "inline"),
    ("qq_forward.eml", "UTC", "zhangwei@hengda.cn", "张伟",
     datetime(2026, 3, 2, 2, 15, tzinfo=UTC), "合同条款", "付款方式我们需要改成季度付款", [REP], [],
     None, "inline"),
    ("foxmail_forward.eml", "UTC", "zhangwei@hengda.cn", "张伟",
     datetime(2026, 3, 3, 1, 40, tzinfo=UTC), "演示时间", "演示改到周四下午三点", [REP], [], None,
     "inline"),
    ("apple_attached_forward.eml", "UTC", "dana@harborview-freight.com", "Dana Reyes",
     datetime(2026, 3, 3, 19, 5, 37, tzinfo=UTC), "Security review",
     "needs your SOC 2 report before the pilot can start", [REP], [],
     "For the record: they need the SOC 2 report.", "attachment"),
]


@pytest.mark.parametrize(
    ("name", "timezone", "sender", "sender_name", "occurred_at", "subject", "snippet", "to", "cc",
     "note", "forwarded_as"), FORWARDS,
    ids=["gmail inline with a note", "outlook block, nothing above", "outlook chinese 发件人 block",
         "qq 原始邮件, nothing above", "foxmail 转发的邮件", "apple mail attached message/rfc822"])
def test_a_forward_becomes_a_touchpoint_of_the_original_sender(
        name, timezone, sender, sender_name, occurred_at, subject, snippet, to, cc, note,
        forwarded_as):
    [tp] = parse_email(EMAIL / name, options(timezone))
    assert (tp.participants[0].email, tp.participants[0].name) == (sender, sender_name)
    assert tp.segments[0].speaker == sender_name and tp.segments[0].role == "customer"
    assert tp.direction == "inbound"
    assert tp.occurred_at == occurred_at
    assert tp.subject == subject
    assert snippet in tp.text and tp.text[tp.segments[0].start:tp.segments[0].end] == tp.text
    assert (tp.metadata["to"], tp.metadata["cc"]) == (to, cc)
    assert tp.metadata["forwarded_by"]["email"] == REP
    assert tp.metadata["forward_note"] == note
    assert tp.metadata["forwarded_as"] == forwarded_as
    assert "Forwarded message" not in tp.text and "发件人" not in tp.text


def test_the_original_keeps_its_own_signature_out_of_the_text():
    [tp] = parse_email(EMAIL / "gmail_forward.eml", options())
    assert tp.text.endswith("by Friday?") and "Thanks" in tp.metadata["quoted_text"]


def test_a_bcc_copy_and_the_attached_original_are_one_touchpoint():
    [copy] = parse_email(EMAIL / "bcc_original.eml", options())
    [forwarded] = parse_email(EMAIL / "apple_attached_forward.eml", options())
    assert copy.id == forwarded.id
    assert copy.text == forwarded.text and copy.occurred_at == forwarded.occurred_at


def test_an_inline_forward_and_a_copy_without_message_id_are_one_touchpoint():
    copy = (EMAIL / "bcc_original.eml").read_bytes().replace(
        b"Message-ID: <CAK9mN2e8vZs5Yq1xW@mail.gmail.com>\r\n", b"")
    inline = (b"From: Alice Chen <alice@brightlane.io>\nTo: log@brightlane.io\n"
              b"Subject: Fwd: Security review\nDate: Tue, 3 Mar 2026 14:30:00 -0500\n\n"
              b"---------- Forwarded message ---------\n"
              b"From: Dana Reyes <dana@harborview-freight.com>\n"
              b"Date: Tue, Mar 3, 2026 at 2:05 PM\nSubject: Security review\n"
              b"To: Alice Chen <alice@brightlane.io>\n\n\nHi Alice,\n\nOur security team needs "
              b"your SOC 2 report before the pilot can start. Can you send it\nthis week?\n\n"
              b"Thanks,\nDana\n")
    [a] = parse_email_bytes(copy, uri="copy.eml", options=options())
    [b] = parse_email_bytes(inline, uri="fwd.eml", options=options())
    assert a.id == b.id


def test_each_message_of_a_digest_becomes_its_own_touchpoint():
    first, second = parse_email(EMAIL / "digest_forward.eml", options())
    assert [tp.participants[0].email for tp in (first, second)] == [
        "lee@harborview-freight.com", "dana@harborview-freight.com"]
    assert first.occurred_at < second.occurred_at and first.id != second.id
    assert first.metadata["message_id"] == "<dg1@harborview-freight.com>"
    assert all(tp.metadata["forwarded_by"]["email"] == REP for tp in (first, second))


def test_a_customer_who_forwards_with_a_note_is_a_touchpoint_too():
    note, original = parse_email(EMAIL / "forwarded_attachment.eml", options())
    assert note.participants[0].email == "jordan@northwind-bio.com"
    assert note.text.startswith("Sam, see below")
    assert original.participants[0].email == "lee@northwind-bio.com"
    assert original.occurred_at == datetime(2026, 3, 9, 16, 0, tzinfo=UTC)
    assert original.metadata["forward_note"] == note.text


def test_several_inline_forwards_in_one_email_become_one_touchpoint_each():
    body = ("FYI both below.\n\n---------- Forwarded message ---------\n"
            "From: Dana <dana@harborview-freight.com>\nDate: Mon, Mar 2, 2026 at 9:00 AM\n"
            "Subject: One\nTo: <alice@brightlane.io>\n\nFirst question about pricing.\n\n"
            "---------- Forwarded message ---------\n"
            "From: Lee <lee@harborview-freight.com>\nDate: Mon, Mar 2, 2026 at 9:30 AM\n"
            "Subject: Two\nTo: <alice@brightlane.io>\n\nSecond question about onboarding.\n")
    content = ("From: alice@brightlane.io\nSubject: Fwd: questions\n"
               "Date: Mon, 2 Mar 2026 10:00:00 +0000\n\n" + body).encode()
    one, two = parse_email_bytes(content, uri="two.eml", options=options())
    assert [one.text, two.text] == ["First question about pricing.",
                                    "Second question about onboarding."]
    assert [one.subject, two.subject] == ["One", "Two"]


@pytest.mark.parametrize(("body", "subject", "forwards"), [
    ("Sounds good, see you then.\n\n-----原始邮件-----\n发件人: 张伟 <zhangwei@hengda.cn>\n"
     "发送时间: 2026年3月2日 10:15\n主题: 演示\n\n周四可以吗？", "回复: 演示", 0),
    ("\n-----原始邮件-----\n发件人: 张伟 <zhangwei@hengda.cn>\n发送时间: 2026年3月2日 10:15\n"
     "主题: 演示\n\n周四可以吗？", "演示", 1),
    ("Thanks!\n\nFrom: Dana <dana@harborview-freight.com>\nSent: Monday, March 2, 2026 10:15 AM\n"
     "To: alice@brightlane.io\nSubject: Renewal\n\nPlease confirm.", "RE: Renewal", 0),
    ("Please log.\n\nFrom: Dana <dana@harborview-freight.com>\nSent: Monday, March 2, 2026 "
     "10:15 AM\nTo: alice@brightlane.io\nSubject: Renewal\n\nPlease confirm.", "FW: Renewal", 1),
    ("Begin forwarded message:\n\nFrom: Dana <dana@harborview-freight.com>\nSubject: Renewal\n"
     "Date: March 2, 2026 at 10:15:00 AM EST\nTo: alice@brightlane.io\n\nPlease confirm.", "x", 1),
], ids=["原始邮件 under a reply is a quote", "原始邮件 with nothing above is a forward",
        "outlook block under a reply is a quote", "outlook block under FW: is a forward",
        "apple mail inline"])
def test_reply_quotes_and_forwards_are_told_apart(body, subject, forwards):
    _, found = split_forwards(body, subject)
    assert len(found) == forwards


@pytest.mark.parametrize(("raw", "expected"), [
    ("Mon, Mar 2, 2026 at 10:15 AM", datetime(2026, 3, 2, 2, 15, tzinfo=UTC)),
    ("Monday, March 2, 2026 10:15 AM", datetime(2026, 3, 2, 2, 15, tzinfo=UTC)),
    ("2026年3月2日(星期一) 下午3:15", datetime(2026, 3, 2, 7, 15, tzinfo=UTC)),
    ("2026-03-02 10:15", datetime(2026, 3, 2, 2, 15, tzinfo=UTC)),
    ("Mon, 2 Mar 2026 10:15:00 -0500", datetime(2026, 3, 2, 15, 15, tzinfo=UTC)),
    ("sometime last week-ish?", None),
], ids=["gmail", "outlook", "qq 下午", "foxmail iso", "rfc 2822 keeps its offset", "junk"])
def test_forwarded_dates_are_read_in_the_forwarders_zone(raw, expected):
    from zoneinfo import ZoneInfo

    assert forward_date(raw, ZoneInfo("Asia/Shanghai")) == expected


def test_a_bounce_is_not_read_as_a_forward_of_the_returned_message():
    content = (
        b"From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nTo: alice@brightlane.io\n"
        b"Subject: Delivery Status Notification (Failure)\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n"
        b"MIME-Version: 1.0\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\n\n'
        b"--b1\nContent-Type: text/plain\n\nYour message wasn't delivered to dana@nowhere.example.\n"
        b"--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; googlemail.com\n\n"
        b"Final-Recipient: rfc822; dana@nowhere.example\nAction: failed\nStatus: 5.1.1\n\n"
        b"--b1\nContent-Type: message/rfc822\n\nFrom: alice@brightlane.io\n"
        b"To: dana@nowhere.example\nSubject: Quote\nDate: Mon, 2 Mar 2026 09:59:00 +0000\n\n"
        b"Here is the quote.\n--b1--\n")
    [tp] = parse_email_bytes(content, uri="bounce.eml", options=options())
    assert tp.participants[0].email == "mailer-daemon@googlemail.com"
    assert "forwarded_by" not in tp.metadata


def test_an_attached_message_with_nothing_to_capture_is_skipped_and_said_so():
    content = (
        b"From: Alice <alice@brightlane.io>\nTo: log@brightlane.io\nSubject: Fwd: empty\n"
        b"Date: Mon, 2 Mar 2026 10:00:00 +0000\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="m"\n\n'
        b"--m\nContent-Type: text/plain\n\nThis one had no text.\n"
        b"--m\nContent-Type: message/rfc822\n\nFrom: dana@harborview-freight.com\n"
        b"Subject: (none)\nDate: Mon, 2 Mar 2026 09:00:00 +0000\n\n> only a quote\n--m--\n"
    )
    [tp] = parse_email_bytes(content, uri="fw.eml", options=options())
    assert tp.text == "This one had no text."
    assert "fw.eml#attached-0" in tp.metadata["attached_messages_skipped"][0]


def test_an_html_only_forward_is_read_like_the_plain_one():
    import email
    from email.policy import default

    gmail = email.message_from_bytes((EMAIL / "gmail_forward.eml").read_bytes(), policy=default)
    html = gmail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    content = ("From: Alice Chen <alice@brightlane.io>\nTo: log@brightlane.io\n"
               "Subject: Fwd: Pricing for 40 seats\nDate: Mon, 2 Mar 2026 11:02:13 -0500\n"
               "Content-Type: text/html; charset=utf-8\n\n" + html).encode()
    [tp] = parse_email_bytes(content, uri="html.eml", options=options())
    [plain] = parse_email(EMAIL / "gmail_forward.eml", options())
    assert (tp.id, tp.text, tp.participants) == (plain.id, plain.text, plain.participants)
