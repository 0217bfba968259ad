"""The bad-input corpus: every kind of broken, hostile or odd source we know of, generated in
code (a 10,000-deep JSON or a zip bomb is better built than checked in).

Each `BadInput` is a file name (its extension picks the parser, as in production) and bytes.
`stored=True` marks input that is odd but legitimate — a NUL deep in an email's text, a lone
surrogate in a chat message — which must be ingested with the unstorable characters cleaned;
every other case must be refused with a TouchpointError naming the source.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
TEXT_EXTENSIONS = (".eml", ".mbox", ".txt", ".log", ".srt", ".vtt", ".json", ".jsonl", ".csv",
                   ".zip")


@dataclass(frozen=True)
class BadInput:
    name: str  # unique in the corpus; the extension chooses the parser
    content: bytes
    stored: bool = False  # odd but legitimate: ingested, with unstorable text cleaned

    @property
    def family(self) -> str:
        return self.name.split("-", 1)[0]


GOOD_TRANSCRIPT = (b"# date: 2026-03-02T10:00:00+08:00\n# rep: Alice Chen\n"
                   b"Alice Chen: Thanks for joining, Dana.\n"
                   b"Dana Reyes: We use Salesforce today and the price is too high.\n"
                   b"Alice Chen: I'll send the revised quote by Friday.\n")
EMAIL_HEAD = (b"From: Dana Reyes <dana@harborview.example>\nTo: Alice <alice@brightlane.io>\n"
              b"Subject: Pricing\nDate: Mon, 02 Mar 2026 10:00:00 -0500\n"
              b"Message-ID: <m1@harborview.example>\n")
CHAT_OK = {"time": "2026-03-02T10:00:00Z", "sender": "Dana", "text": "We use Salesforce."}


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def _messages(*messages: object, **header: object) -> bytes:
    return _json({**header, "messages": list(messages)})


def _ticket(**fields: object) -> bytes:
    ticket: dict[str, object] = {"id": 7, "subject": "Export fails",
                                 "created_at": "2026-03-04T09:00:00Z",
                                 "comments": [{"author": {"name": "Tom", "email": "t@c.example"},
                                               "body": "The export fails."}]}
    ticket.update(fields)
    return _json({"ticket": {k: v for k, v in ticket.items() if v is not ...}})


def _zip(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def _binaries() -> dict[str, bytes]:
    noise = bytes((i * 7919 + 13) % 256 for i in range(4096))
    return {
        "png": b"\x89PNG\r\n\x1a\n" + noise,
        "elf": b"\x7fELF\x02\x01\x01" + noise,
        "gzip": b"\x1f\x8b\x08\x00" + noise,
        "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + noise,
        "noise": noise,
    }


def _binary_renamed() -> Iterator[BadInput]:
    for kind, content in _binaries().items():
        for ext in TEXT_EXTENSIONS:  # distinct bytes: the same bytes are one source
            yield BadInput(f"binary-{kind}{ext}", content + ext.encode())


def _empty_and_blank() -> Iterator[BadInput]:
    for ext in TEXT_EXTENSIONS:
        yield BadInput(f"empty-file{ext}", b"")
    for ext in (".eml", ".txt", ".srt", ".vtt", ".json", ".jsonl", ".csv"):
        yield BadInput(f"blank-whitespace{ext}", b" \n\t\r\n   \n")
        yield BadInput(f"blank-utf8bom{ext}", b"\xef\xbb\xbf")
        yield BadInput(f"blank-utf16bom{ext}", b"\xff\xfe")


def _encodings() -> Iterator[BadInput]:
    yield BadInput("encoding-invalid-utf8.txt", b"Alice: \xff\xfe\xfd caf\xc3 \x80\x80\n")
    yield BadInput("encoding-invalid-utf8.json", b'{"messages": [{"sender": "\xff\x80"}]}')
    yield BadInput("encoding-utf16-odd-length.txt",
                   "\ufeffAlice: hello\n".encode("utf-16-le") + b"\x41", stored=True)
    yield BadInput("encoding-utf16-lone-surrogate.txt",
                   b"\xff\xfe" + "Alice: hi ".encode("utf-16-le") + b"\x00\xd8" + b"\n\x00", stored=True)
    yield BadInput("encoding-utf16-without-bom.txt", "Alice: hello\n".encode("utf-16-le"))
    yield BadInput("encoding-utf32.txt", "Alice: hello\nBob: hi\n".encode("utf-32"), stored=True)
    mixed = ("# date: 2026-03-02\nAlice: café ok\n".encode() + "李娜：你好\n".encode("gbk")
             + "Bob: naïve\n".encode("latin-1"))
    # read whole as GB18030 (it reads as Chinese): the UTF-8 line comes out garbled, a known limit
    yield BadInput("encoding-mixed-utf8-gbk-latin1.txt", mixed, stored=True)
    yield BadInput("encoding-mixed.csv", b"time,sender,text\n2026-03-02,a,caf\xc3\xa9\n"
                   b"2026-03-02,b,\xc4\xe3\xba\xc3\n2026-03-02,c,\xff\n")


def _json_kinds() -> Iterator[BadInput]:
    deep = _deep(10_000)
    yield BadInput("json-nested-10000-messages.json", f'{{"messages": {deep}}}'.encode())
    yield BadInput("json-nested-10000-list.json", deep.encode())
    yield BadInput("json-nested-10000-objects.json", ('{"a":' * 10_000 + "1" + "}" * 10_000)
                   .encode())
    yield BadInput("json-nested-10000.jsonl", (json.dumps(CHAT_OK) + "\n" + deep).encode())
    for ext in (".jsonl", ".json", ".txt"):  # the format sniffer reads the first line as JSON
        yield BadInput(f"json-nested-10000-first-line{ext}",
                       f'{{"a": {deep}}}\n{json.dumps(CHAT_OK)}\n'.encode())
    yield BadInput("json-nested-100-ticket.json", _ticket(tags=json.loads(_deep(100))))
    yield BadInput("json-nested-10000-ticket.json",
                   f'{{"tickets": [{{"id": 1, "comments": {deep}}}]}}'.encode())
    big = "9" * 5000
    yield BadInput("json-5000-digit-time.json",
                   f'{{"messages": [{{"time": {big}, "sender": "a", "text": "hi"}}]}}'.encode())
    yield BadInput("json-5000-digit-id-ticket.json", _ticket().replace(b'"id": 7', f'"id": {big}'
                                                                        .encode()))
    yield BadInput("json-4000-digit-time.json",
                   f'{{"messages": [{{"time": {"9" * 4000}, "sender": "a", "text": "hi"}}]}}'
                   .encode())
    yield BadInput("json-huge-float-time.json", _messages({**CHAT_OK, "time": 1e308}))
    yield BadInput("json-exponent-overflow.json", b'{"messages": [{"time": 1e999, "sender": '
                   b'"a", "text": "hi"}]}')
    yield BadInput("json-nan.json", b'{"messages": [{"time": NaN, "sender": "a", "text": "hi"}]}')
    yield BadInput("json-infinity-ticket.json", _ticket().replace(b'"id": 7', b'"id": Infinity'))
    yield BadInput("json-truncated.json", _messages(CHAT_OK, CHAT_OK)[:-7])
    yield BadInput("json-trailing-garbage.json", _messages(CHAT_OK) + b"\n}}} garbage")
    yield BadInput("json-top-level-string.json", b'"just a string"')
    yield BadInput("json-top-level-number.json", b"42")
    yield BadInput("json-top-level-null.json", b"null")
    yield BadInput("json-empty-object.json", b"{}")
    yield BadInput("json-empty-list.json", b"[]")
    yield BadInput("json-messages-not-a-list.json", b'{"messages": "hello"}')
    yield BadInput("json-message-not-an-object.json", _messages("hello", 5))
    yield BadInput("json-message-sender-object.json", _messages({**CHAT_OK, "sender": {"a": 1}}))
    yield BadInput("json-message-text-list.json", _messages({**CHAT_OK, "text": ["x", "y"]}), stored=True)
    yield BadInput("json-message-email-number.json", _messages({**CHAT_OK, "email": 5,
                                                                "role": ["rep"]}))
    yield BadInput("json-message-no-sender.json", _messages({"time": CHAT_OK["time"],
                                                             "text": "hi"}))
    yield BadInput("json-message-time-junk.json", _messages({**CHAT_OK, "time": "yesterday"}))
    yield BadInput("json-message-time-bool.json", _messages({**CHAT_OK, "time": True}))
    yield BadInput("json-message-time-object.json", _messages({**CHAT_OK, "time": {"a": 1}}))
    yield BadInput("json-message-time-year-99999.json",
                   _messages({**CHAT_OK, "time": "99999-01-01T00:00:00Z"}))
    yield BadInput("json-message-empty-texts.json", _messages({**CHAT_OK, "text": "   "}))
    yield BadInput("jsonl-one-bad-line.jsonl", (json.dumps(CHAT_OK) + "\n{not json}\n").encode())
    yield BadInput("jsonl-scalar-lines.jsonl", b"1\n2\n3\n")
    yield BadInput("jsonl-5000-digit.jsonl", f'{{"time": {big}, "sender": "a", "text": "b"}}\n'
                   .encode())
    yield BadInput("slack-profile-wrong-types.json", _json([
        {"type": "message", "ts": "1772445600.0", "user": {"id": 1}, "text": {"a": 1},
         "user_profile": "x", "thread_ts": [1]}]), stored=True)
    yield BadInput("slack-ts-junk.json", _json([{"type": "message", "ts": "junk", "user": "U1",
                                                 "text": "hi"}]), stored=True)  # date estimated
    # odd but legitimate: the text must be stored with the character replaced
    yield BadInput("json-nul-in-message.json",
                   _messages({**CHAT_OK, "text": "We use Sales\u0000force."}), stored=True)
    yield BadInput("json-lone-surrogate-in-message.json",
                   b'{"messages": [{"time": "2026-03-02T10:00:00Z", "sender": "Dana\\ud800", '
                   b'"text": "We use Salesforce.\\udfff"}]}', stored=True)


def _csv_kinds() -> Iterator[BadInput]:
    head = b"time,sender,text\n"
    yield BadInput("csv-unbalanced-quote.csv",
                   head + b'2026-03-02T10:00Z,Dana,"We use Salesforce\n2026-03-02T10:01Z,Al,ok\n')
    yield BadInput("csv-quote-then-text.csv", head + b'2026-03-02T10:00Z,Dana,"hi" there\n')
    yield BadInput("csv-extra-unquoted-comma.csv", head + b"2026-03-02T10:00Z,Dana,hi, there\n")
    yield BadInput("csv-header-only.csv", head)
    yield BadInput("csv-missing-columns.csv", b"when,who\n2026-03-02,x\n")
    yield BadInput("csv-short-rows.csv", head + b"2026-03-02T10:00Z\n2026-03-02T10:01Z,Al\n")
    yield BadInput("csv-time-junk.csv", head + b"someday,Dana,hi\n")
    yield BadInput("csv-huge-field.csv", head + b"2026-03-02T10:00Z,Dana," + b"x" * 200_000
                   + b"\n")
    yield BadInput("csv-huge-quoted-field-never-closed.csv",
                   head + b'2026-03-02T10:00Z,Dana,"' + b"y" * 200_000 + b"\n")
    yield BadInput("csv-nul-byte.csv", head + b"2026-03-02T10:00Z,Dana,h\x00i\n")
    yield BadInput("csv-lone-cr.csv", b"time,sender,text\r2026-03-02T10:00Z,Dana,\r")
    tickets = b"ticket_id,subject,status,priority,created_at,author,author_email,author_role,body\n"
    yield BadInput("ticket-csv-missing-id.csv", tickets + b",Login,open,high,2026-03-05,Z,z@q."
                   b"example,end-user,cannot log in\n")
    yield BadInput("ticket-csv-unbalanced-quote.csv", tickets + b'T-1,Login,open,high,2026-03-05,'
                   b'Z,z@q.example,end-user,"cannot log in\nT-2,x,open,low,2026-03-05,Y,y@q.'
                   b'example,agent,ok\n')
    yield BadInput("ticket-csv-created-at-junk.csv", tickets + b"T-1,Login,open,high,soon,Z,z@q."
                   b"example,end-user,cannot log in\n")
    yield BadInput("ticket-csv-short-row.csv", tickets + b"T-1,Login\n")


def _ticket_kinds() -> Iterator[BadInput]:
    yield BadInput("ticket-missing-id.json", _ticket(id=...))
    yield BadInput("ticket-null-id.json", _ticket(id=None))
    yield BadInput("ticket-blank-id.json", _ticket(id="  "))
    yield BadInput("ticket-no-comments.json", _ticket(comments=[]))
    yield BadInput("ticket-comments-not-a-list.json", _ticket(comments="abc"))
    yield BadInput("ticket-comment-not-an-object.json", _ticket(comments=["hello", 3]))
    yield BadInput("ticket-author-a-string.json",
                   _ticket(comments=[{"author": "bob", "body": "hi"}]), stored=True)
    yield BadInput("ticket-author-name-a-number.json",
                   _ticket(comments=[{"author": {"name": 5, "email": ["x"]}, "body": "hi"}]))
    yield BadInput("ticket-requester-a-string.json", _ticket(comments=[], description="help",
                                                             requester="bob"))
    yield BadInput("ticket-created-at-junk.json", _ticket(created_at="next week"))
    yield BadInput("ticket-created-at-overflow.json", _ticket(created_at="Mon, 2 Mar 99999999999"
                                                              "99 10:00:00 +0000"))
    yield BadInput("ticket-comment-time-junk.json", _ticket(comments=[
        {"author": {"name": "T"}, "body": "hi", "created_at": "tea time"}]))
    yield BadInput("ticket-tickets-empty.json", b'{"tickets": []}')
    yield BadInput("ticket-tickets-not-objects.json", b'{"tickets": [1, "two"]}')
    yield BadInput("ticket-wrong-top-level.json", b'{"ticket": "7"}')


def _head(number: int) -> bytes:
    """The email head with a Message-ID of its own: one id is one touchpoint."""
    return EMAIL_HEAD.replace(b"<m1@", b"<m%d@" % number)


def _email_kinds() -> Iterator[BadInput]:
    body = b"\nWe use Salesforce but the price is too high.\n"
    yield BadInput("email-nul-in-headers.eml", _head(1) + b"X-Junk: a\x00b\n" + body)
    yield BadInput("email-nul-deep-in-text.eml", _head(2) + b"\n" + b"Hello there.\n" * 400
                   + b"We use Sales\x00force today.\n", stored=True)
    yield BadInput("email-headers-only.eml", _head(3))
    yield BadInput("email-no-from.eml", _head(4).replace(b"From: Dana Reyes <dana@harborview"
                                                           b".example>\n", b"") + body)
    yield BadInput("email-no-headers.eml", b"\nJust a body without any headers.\n")
    yield BadInput("email-only-quote.eml", _head(5) + b"\n> On Monday Alice wrote:\n> hi\n")
    yield BadInput("email-10000-headers.eml", _head(6) + b"".join(
        b"X-Header-%d: value\n" % i for i in range(10_000)) + body, stored=True)
    yield BadInput("email-1mb-header-line.eml", _head(7) + b"X-Long: " + b"a" * 1_000_000
                   + b"\n" + body, stored=True)
    # huge but legitimate text stays moderate: the rules extractor reads ~100 KB/s of it
    yield BadInput("email-150kb-body-line.eml", _head(8) + b"\n" + b"word " * 30_000 + b"\n",
                   stored=True)
    yield BadInput("email-broken-encoded-word.eml", _head(9).replace(
        b"Subject: Pricing", b"Subject: =?utf-8?b?%%%not-base64?=") + body, stored=True)
    yield BadInput("email-raw-8bit-headers.eml", _head(10).replace(
        b"<m1@harborview.example>", b"<m\xb9\xff@harborview.example>").replace(
        b"Subject: Pricing", b"Subject: \xc4\xe3\xff\xfe") + body, stored=True)
    yield BadInput("email-date-year-overflow.eml", _head(11).replace(
        b"Mon, 02 Mar 2026", b"Mon, 02 Mar 9999999999999999999") + body, stored=True)
    yield BadInput("email-charset-not-a-text-codec.eml", _head(12)
                   + b"Content-Type: text/plain; charset=base64\n\n\xe4\xb8\xad caf\xe9\n",
                   stored=True)
    yield BadInput("email-charset-unknown.eml", _head(13)
                   + b"Content-Type: text/plain; charset=x-no-such-thing\n\ncaf\xe9 ok\n",
                   stored=True)
    yield BadInput("email-multipart-no-boundary.eml", _head(14)
                   + b"Content-Type: multipart/mixed\n\nno parts here\n")
    yield BadInput("email-multipart-unclosed.eml", _head(15)
                   + b'Content-Type: multipart/alternative; boundary="b1"\n\n--b1\n'
                   b"Content-Type: text/plain\n\nWe use Salesforce.\n", stored=True)
    nested = b"".join(b'Content-Type: multipart/mixed; boundary="n%d"\n\n--n%d\n' % (i, i)
                      for i in range(2000))
    yield BadInput("email-multipart-nested-2000.eml", _head(16) + nested + b"\nhi\n")
    yield BadInput("email-multipart-nested-99.eml", _head(17) + b"".join(
        b'Content-Type: multipart/mixed; boundary="n%d"\n\n--n%d\n' % (i, i) for i in range(99))
        + b"\nWe use Salesforce.\n", stored=True)
    yield BadInput("email-base64-body-junk.eml", _head(18) + b"Content-Transfer-Encoding: base64"
                   b"\n\n!!!*** not base64 ***!!!\n", stored=True)  # kept as written
    yield BadInput("email-qp-body-junk.eml", _head(19) + b"Content-Transfer-Encoding: quoted-"
                   b"printable\n\n=ZZ=\n=\n We use Salesforce=3\n", stored=True)
    yield BadInput("email-control-bytes.eml", _head(20) + b"\n" + bytes(range(1, 9)) * 600)
    yield BadInput("mbox-only-separator.mbox", b"From MAILER-DAEMON Mon Mar  2 10:00:00 2026\n")
    yield BadInput("mbox-all-messages-bad.mbox",
                   b"From a Mon Mar  2 10:00:00 2026\nSubject: x\n\n"
                   b"From b Mon Mar  2 10:00:00 2026\n\n\n")
    yield BadInput("mbox-without-separator.mbox", b"Subject: not really an mbox\n\nhello\n")


def _transcript_kinds() -> Iterator[BadInput]:
    yield BadInput("transcript-no-speakers.txt", b"# date: 2026-03-02\nJust a title\nand notes\n")
    yield BadInput("transcript-front-matter-only.txt", b"# date: 2026-03-02\n# rep: Alice\n")
    yield BadInput("transcript-date-junk.txt", b"# date: the day after\nAlice: hi\nDana: yo\n")
    yield BadInput("transcript-date-overflow.txt", b"# date: Mon, 2 Mar 9999999999999 10:00:00 "
                   b"+0000\nAlice: hi\n")
    yield BadInput("transcript-date-year-0.txt", b"# date: 0000-01-01\nAlice: hi\n")
    yield BadInput("transcript-150kb-line.txt", b"# date: 2026-03-02\nAlice: " + b"la " * 50_000
                   + b"\n", stored=True)
    yield BadInput("transcript-one-line-no-newline.txt", b"x" * 1_000_000)
    yield BadInput("subtitle-broken-timings.srt", b"1\n00:00:99,000 --> xx:yy\nAlice: hi\n\n"
                   b"2\n-->\nDana: yo\n")
    yield BadInput("subtitle-timing-without-text.srt", b"1\n00:00:01,000 --> 00:00:02,000\n\n")
    yield BadInput("subtitle-end-before-start.srt", b"# date: 2026-03-02\n1\n00:09:00,000 --> "
                   b"00:00:01,000\nAlice: hi\n", stored=True)
    yield BadInput("subtitle-vtt-header-only.vtt", b"WEBVTT\n\nNOTE date: 2026-03-02\n")
    yield BadInput("subtitle-vtt-date-junk.vtt", b"WEBVTT\n\nNOTE\ndate: soon\n\n"
                   b"00:00:01.000 --> 00:00:02.000\n<v Alice>hi\n", stored=True)
    yield BadInput("subtitle-vtt-unclosed-voice.vtt", b"WEBVTT\n\nNOTE\ndate: 2026-03-02\n\n"
                   b"00:00:01.000 --> 00:00:02.000\n<v Alice\n<v <v <v >>>\n", stored=True)
    yield BadInput("subtitle-entities.vtt", b"WEBVTT\n\nNOTE\ndate: 2026-03-02\n\n00:00:01.000 "
                   b"--> 00:00:02.000\n<v A>&#99999999; &#xD800; &#0; &bogus;\n", stored=True)
    yield BadInput("subtitle-5000-identical-cues.srt", b"# date: 2026-03-02\n" + b"".join(
        b"%d\n00:00:01,000 --> 00:00:02,000\nA: x\n\n" % i for i in range(5_000)), stored=True)


def _chat_text_kinds() -> Iterator[BadInput]:
    yield BadInput("whatsapp-impossible-dates.txt", b"31/31/2026, 10:01 - Priya: hi\n"
                   b"45/13/2026, 10:02 - Alice: yo\n", stored=True)
    yield BadInput("whatsapp-system-lines-only.txt", b"02/03/2026, 10:01 - Messages and calls are "
                   b"end-to-end encrypted.\n02/03/2026, 10:02 - Priya added Alice\n")
    yield BadInput("whatsapp-hour-99.txt", b"02/03/2026, 99:99 - Priya: hi\n02/03/2026, 10:02 - "
                   b"Alice: yo\n", stored=True)
    yield BadInput("wecom-impossible-dates.txt", "李娜 2026-13-45 25:61:00\n你好\n\n"
                   "王磊 2026-02-30 10:03:40\n您好\n".encode())
    yield BadInput("wecom-headers-without-text.txt", "李娜 2026-03-02 10:01:05\n\n"
                   "王磊 2026-03-02 10:03:40\n".encode())
    yield BadInput("plainlog-impossible-time.txt", b"[2026-02-30 10:01] Dana: hi\n"
                   b"[2026-03-02 99:99] Al: yo\n")
    yield BadInput("plainlog-time-only-no-date.log", b"[10:01] Dana: hi\n[10:02] Al: yo\n",
                   stored=True)  # takes its day from the input layer's estimate


def _zip_kinds() -> Iterator[BadInput]:
    whatsapp = (DATA / "chat" / "whatsapp.txt").read_bytes()
    good = _zip({"_chat.txt": whatsapp})
    yield BadInput("zip-truncated-half.zip", good[: len(good) // 2])
    yield BadInput("zip-truncated-central-directory.zip", good[:-10])
    yield BadInput("zip-magic-only.zip", b"PK\x03\x04")
    yield BadInput("zip-empty-archive.zip", _zip({}))
    yield BadInput("zip-bomb-ratio.zip", _zip({"_chat.txt": b"\x00" * (40 << 20)}))
    yield BadInput("zip-too-many-entries.zip", _zip({f"f{i}.bin": b"" for i in range(20_001)},
                                                    zipfile.ZIP_STORED))
    corrupt = bytearray(_zip({"_chat.txt": whatsapp * 20}))
    corrupt[60:90] = b"\xff" * 30
    yield BadInput("zip-corrupt-data.zip", bytes(corrupt))
    stored = bytearray(_zip({"_chat.txt": whatsapp}, zipfile.ZIP_STORED))
    central = stored.index(b"PK\x01\x02")
    stored[8:10] = stored[central + 10:central + 12] = b"\x63\x00"  # method 99: AES
    yield BadInput("zip-unknown-method.zip", bytes(stored))
    shifted = bytearray(good)
    end = shifted.rindex(b"PK\x05\x06")  # the central directory said to start a byte late
    shifted[end + 16:end + 20] = (int.from_bytes(shifted[end + 16:end + 20], "little") + 1
                                  ).to_bytes(4, "little")
    yield BadInput("zip-directory-offset-off-by-one.zip", bytes(shifted))
    yield BadInput("zip-two-chats.zip", _zip({"a.txt": whatsapp.replace(b"Priya", b"Priyanka"),
                                                  "b.txt": whatsapp.replace(b"Alice", b"Alicia")}), stored=True)
    yield BadInput("zip-binary-chat.zip", _zip({"_chat.txt": _binaries()["noise"]}))
    yield BadInput("zip-slack-day-deep-json.zip", _zip({"general/2026-03-02.json":
                                                        _deep(10_000).encode()}))
    yield BadInput("zip-slack-users-not-a-list.zip", _zip({
        "users.json": b'{"a": 1}', "general/2026-03-02.json": b"[]"}))
    yield BadInput("zip-slack-only-noise.zip", _zip({"general/2026-03-02.json": _json(
        [{"type": "message", "subtype": "channel_join", "ts": "1772445600.0"}])}))
    yield BadInput("zip-nested-zip.zip", _zip({"inner.zip": good}))
    yield BadInput("zip-path-traversal.zip", _zip({"../../etc/_chat.txt": whatsapp}), stored=True)


def corpus() -> list[BadInput]:
    cases = [*_binary_renamed(), *_empty_and_blank(), *_encodings(), *_json_kinds(),
             *_csv_kinds(), *_ticket_kinds(), *_email_kinds(), *_transcript_kinds(),
             *_chat_text_kinds(), *_zip_kinds()]
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "corpus names must be unique"
    return cases
