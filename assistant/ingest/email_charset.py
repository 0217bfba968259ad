"""Turn an email's bytes and headers into text, whatever charset they claim.

Real mail lies about its charset: "GB2312" mail holds characters only GB18030 has, Outlook
labels UTF-8 as ISO-8859-1, Chinese clients put raw GBK bytes in headers with no RFC 2047
encoding at all. So the declared charset is a hint, not a fact:

1. bytes that are valid UTF-8 are UTF-8 (other encodings of real text almost never are);
2. else the declared charset, widened to its superset (GB2312/GBK -> GB18030, Big5 -> Big5-HKSCS);
   a single-byte declaration (Latin-1, Windows-1252) cannot fail, so it is kept only when
   charset-normalizer does not recognise the bytes as a CJK multi-byte encoding;
3. else charset-normalizer's best guess; no guess at all means the bytes are beyond recovery.
"""

from __future__ import annotations

import re
from email.errors import HeaderParseError
from email.header import decode_header

from charset_normalizer import from_bytes

CHARSET_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
                     "cp936": "gb18030", "euc-cn": "gb18030", "big5": "big5hkscs",
                     "x-big5": "big5hkscs", "cp950": "big5hkscs", "ks_c_5601-1987": "euc-kr",
                     "us-ascii": "utf-8", "ascii": "utf-8"}
_SINGLE_BYTE = frozenset({"iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252",
                          "iso-8859-15"})
_CJK_MULTI_BYTE = ("gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "euc_jp",
                   "shift_jis", "cp932", "euc_kr", "cp949", "iso2022_jp")
_SURROGATE = re.compile(r"[\udc80-\udcff]")


class UndecodableError(ValueError):
    """No charset turns these bytes into text."""


def _normalizer_guess(payload: bytes) -> tuple[str, str] | None:
    best = from_bytes(payload).best()
    if best is None:
        return None
    return best.encoding, str(best)


def decode_payload(payload: bytes, declared: str | None) -> tuple[str, str]:
    """(text, charset actually used) for a body part; UndecodableError when nothing fits."""
    try:
        return payload.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    name = (declared or "").strip().lower()
    charset = CHARSET_SUPERSETS.get(name, name)
    if charset and charset != "utf-8":
        try:
            text = payload.decode(charset)
        except (LookupError, UnicodeError, ValueError):  # unknown, broken, or not a text codec
            text = None
        if text is not None:
            if charset not in _SINGLE_BYTE:
                return text, charset
            guess = _normalizer_guess(payload)
            if guess and guess[0].replace("-", "_") in _CJK_MULTI_BYTE:
                return guess[1], guess[0]
            return text, charset
    guess = _normalizer_guess(payload)
    if guess is None:
        raise UndecodableError(f"no charset decodes these {len(payload)} bytes")
    return guess[1], guess[0]


def _recover_raw(value: str, charset: str | None) -> str:
    if not _SURROGATE.search(value):
        return value
    payload = value.encode("utf-8", "surrogateescape")
    try:
        return decode_payload(payload, charset)[0]
    except UndecodableError:
        return payload.decode("utf-8", "replace")


def decode_header_value(raw: str, fallback_charset: str | None = None) -> str:
    """A header's text: RFC 2047 words decoded through the superset table, raw 8-bit recovered.

    `raw` is the value as the stdlib parser keeps it (undecodable bytes as surrogates);
    `fallback_charset` (usually the body's) is tried for raw 8-bit bytes.
    """
    if "=?" not in raw:
        return re.sub(r"\s+", " ", _recover_raw(raw, fallback_charset)).strip()
    pieces: list[str] = []
    try:
        chunks = decode_header(raw)
    except HeaderParseError:  # a broken encoded word ("=?utf-8?b?%%%?="): keep the raw text
        return re.sub(r"\s+", " ", _recover_raw(raw, fallback_charset)).strip()
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            pieces.append(_recover_raw(chunk, fallback_charset))
        elif charset is None:
            pieces.append(_recover_raw(chunk.decode("raw-unicode-escape"), fallback_charset))
        else:
            try:
                pieces.append(decode_payload(chunk, charset)[0])
            except UndecodableError:
                pieces.append(chunk.decode("utf-8", "replace"))
    return re.sub(r"\s+", " ", "".join(pieces)).strip()
