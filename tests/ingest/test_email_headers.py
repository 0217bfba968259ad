"""Address headers whose whole value, address included, is RFC 2047 encoded words."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from assistant.ingest.common import ParseOptions
from assistant.ingest.email import parse_email, parse_email_bytes
from assistant.models import Participant
from tests.storage import conftest as backends

EMAIL = Path(__file__).parent.parent / "data" / "email"
IDENTITY = Path(__file__).parent.parent / "data" / "identity"
OPTIONS = ParseOptions(tenant_id="acme", vendor_domains=("brightlane.io",))
VALUE = '"张伟" <zhangwei@hengda.cn>'

postgres_url, db_url, db = backends.postgres_url, backends.db_url, backends.db


def b_word(text: str, charset: str) -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


def q_word(text: str, charset: str) -> str:
    """Q encoding as clients write it: every byte that is not a letter or digit as =XX."""
    body = "".join(chr(b) if chr(b).isalnum() and b < 128 else "_" if b == 32 else f"={b:02X}"
                   for b in text.encode(charset))
    return f"=?{charset}?Q?{body}?="


def split_b_words(text: str, charset: str) -> str:
    """A long value split into two encoded words (folded), as Outlook Express does."""
    raw = text.encode(charset)
    cut = len(raw) // 2
    return " ".join(f"=?{charset}?B?{base64.b64encode(part).decode()}?="
                    for part in (raw[:cut], raw[cut:]))


ENCODINGS = [b_word(VALUE, "gb2312"), b_word(VALUE, "gbk"), q_word(VALUE, "gbk"),
             b_word(VALUE, "utf-8"), q_word(VALUE, "utf-8"), split_b_words(VALUE, "gb2312")]
ENCODING_IDS = ["gb2312 B", "gbk B", "gbk Q", "utf-8 B", "utf-8 Q", "gb2312 B split in two words"]
HEADERS = ["From", "To", "Cc", "Reply-To", "Sender"]


def message(header: str, value: str) -> bytes:
    lines = {"From": "Alice Chen <alice@brightlane.io>", "To": "log@brightlane.io"}
    lines[header] = value
    head = "\n".join(f"{name}: {text}" for name, text in lines.items())
    return (head + "\nSubject: quote\nDate: Wed, 4 Mar 2026 09:12:45 +0800\n\n"
            "价格还是太高了。\n").encode()


@pytest.mark.parametrize("encoded", ENCODINGS, ids=ENCODING_IDS)
@pytest.mark.parametrize("header", HEADERS)
def test_an_address_hidden_in_encoded_words_is_found_in_every_address_header(header, encoded):
    [tp] = parse_email_bytes(message(header, encoded), uri="x.eml", options=OPTIONS)
    if header in ("From", "To", "Cc"):
        person = next(p for p in tp.participants if p.email == "zhangwei@hengda.cn")
        assert person.name == "张伟" and person.role == "customer"
    if header == "From":
        assert tp.participants[0].email == "zhangwei@hengda.cn"
        assert tp.segments[0].speaker == "张伟" and tp.direction == "inbound"
    metadata_key = {"To": "to", "Cc": "cc", "Reply-To": "reply_to", "Sender": "sender"}
    if header in metadata_key:
        assert tp.metadata[metadata_key[header]] == ["zhangwei@hengda.cn"]


def test_an_encoded_name_alone_still_keeps_its_comma():
    value = "=?utf-8?q?Reyes=2C_Dana?= <dana@harborview-freight.com>"
    [tp] = parse_email_bytes(message("From", value), uri="x.eml", options=OPTIONS)
    assert (tp.participants[0].name, tp.participants[0].email) == (
        "Reyes, Dana", "dana@harborview-freight.com")


def test_a_from_that_is_one_encoded_word_resolves_to_its_contact_and_account(db):
    from assistant.identity import import_accounts, resolve_identity

    [tp] = parse_email(EMAIL / "encoded_from_gb2312.eml", OPTIONS)
    assert tp.participants[0] == Participant(name="张伟", email="zhangwei@hengda.cn",
                                             role="customer")
    with db.session() as session:
        import_accounts(session, tenant_id="acme", path=IDENTITY / "accounts.csv")
    with db.session() as session:
        resolved = resolve_identity(session, tp, vendor_domains=("brightlane.io",))
    assert resolved.account_id == "acc-hengda" and len(resolved.contact_ids) == 1
