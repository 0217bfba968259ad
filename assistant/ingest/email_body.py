"""Reduce an email body to what the sender wrote: no quoted replies, no signature.

Replies quote the earlier thread under a header line ("On … wrote:", "在 … 写道：",
"-----Original Message-----", "-----原始邮件-----", an Outlook "From: … Sent: …" or
"发件人：… 发送时间：…" block, and the Traditional Chinese, German and French forms) or with ">"
prefixes. Everything from the first such marker on is the quote; a "-- " line, a phone sign-off
("Sent from my iPhone", "发自我的iPhone") or a closing ("Best regards," / "此致" followed only by
a few short lines) starts the signature. The quote and signature are returned separately so
nothing is lost, and HTML blockquotes become ">" lines so the same rules apply to HTML-only mail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.message import EmailMessage
from typing import NamedTuple

from bs4 import BeautifulSoup, Tag

from assistant.ingest.email_charset import decode_payload
from assistant.models import Attachment

_QUOTE_HEADERS = [
    re.compile(r"^\s*On\b.{0,300}?\bwrote:\s*$", re.IGNORECASE),
    re.compile(r"^\s*在.{0,200}?[写寫]道[：:]\s*$"),
    re.compile(r"^.{0,200}?[于於]\s*\d{4}\s*年.{0,100}?[写寫]道[：:]\s*$"),  # Gmail's Chinese
    re.compile(r"^\s*(Am|Le)\b.{0,300}?\b(schrieb|a écrit)\b.{0,100}?:\s*$", re.IGNORECASE),
    re.compile(r"^\s*-{2,}\s*(Original Message|Forwarded message|Reply message)\s*-{2,}\s*$",
               re.IGNORECASE),
    re.compile(r"^\s*-{2,}\s*(原始邮件|原始郵件|转发的邮件|轉寄的郵件|回复的邮件)\s*-{2,}\s*$"),
    re.compile(r"^\s*_{10,}\s*$"),  # Outlook's rule above its header block
]
# An Outlook header block starts with From:/发件人： and has Sent:/Date:/发送时间： right after.
_BLOCK_START = re.compile(r"^\s*\**(From|发件人|寄件者|寄件人)\s*\**\s*[:：].+$", re.IGNORECASE)
_BLOCK_FOLLOWER = re.compile(
    r"^\s*\**(Sent|Date|To|Cc|Subject|发送时间|时间|日期|收件人|抄送|主题|寄件日期|收件者|主旨)"
    r"\s*\**\s*[:：]", re.IGNORECASE)
_WRAPPED_ON = re.compile(r"^\s*On\b", re.IGNORECASE)
_WRAPPED_WROTE = re.compile(r"^.{0,200}\bwrote:\s*$", re.IGNORECASE)
_SIGNATURE = [
    re.compile(r"^--\s*$"),
    re.compile(r"^\s*(Sent from my|Sent from Mail for|Sent from Outlook|Get Outlook for)\b",
               re.IGNORECASE),
    re.compile(r"^\s*(发自|从|來自|发送自)\s*我的\s*\S{0,20}$"),
]
_CLOSING = re.compile(
    r"^\s*((best|kind|warm|many)\s+(regards|wishes)|regards|best|thanks|thank you|cheers|"
    r"sincerely|yours truly|此致|敬礼|此致敬礼|祝好|顺祝商祺|谢谢|多谢|祝商祺)\s*[,，.。!！]?\s*$",
    re.IGNORECASE,
)
CLOSING_MAX_LINES = 6  # a closing is a signature only when at most this many lines follow it
CLOSING_MAX_LINE_CHARS = 80  # ... each no longer than this (a name, a title, a phone number)
_BLOCKS = ["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre"]


def html_to_text(html: str) -> str:
    """Readable text from HTML: scripts and styles dropped, blocks become line breaks,
    links keep their text, and blockquotes become ">"-prefixed lines."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head", "title", "noscript"]):
        tag.decompose()
    for quote in soup.find_all("blockquote"):
        if isinstance(quote, Tag) and quote.find_parent("blockquote") is None:
            inner = html_to_text(quote.decode_contents())
            quoted = "\n".join("> " + line if line else ">" for line in inner.split("\n"))
            quote.replace_with("\n" + quoted + "\n")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(_BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    text = soup.get_text()
    lines = [re.sub(r"[ \t\u00a0\u200b]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _is_quote_header(lines: list[str], index: int) -> bool:
    line = lines[index]
    if any(pattern.match(line) for pattern in _QUOTE_HEADERS):
        return True
    if _BLOCK_START.match(line):
        return any(_BLOCK_FOLLOWER.match(f) for f in lines[index + 1 : index + 4])
    # "On Mon, 2 Mar 2026 ... <x@y>" wrapped over two lines before "wrote:"
    if index + 1 < len(lines) and _WRAPPED_ON.match(line):
        return bool(_WRAPPED_WROTE.match(lines[index + 1]))
    return False


def _looks_like_sentence(line: str) -> bool:
    stripped = line.strip()
    if re.search(r"[!?。！？]$", stripped):
        return True
    return stripped.endswith(".") and len(stripped.split()) > 4


def _is_closing(lines: list[str], index: int, end: int) -> bool:
    """A closing line followed (up to `end`) only by a few short, non-sentence lines."""
    if not _CLOSING.match(lines[index]) or not any(line.strip() for line in lines[:index]):
        return False
    after = [line for line in lines[index + 1 : end] if line.strip()]
    return len(after) <= CLOSING_MAX_LINES and all(
        len(line.strip()) <= CLOSING_MAX_LINE_CHARS and not _looks_like_sentence(line)
        for line in after)


def _only_quotes_from(lines: list[str], index: int) -> bool:
    return all(not rest.strip() or rest.lstrip().startswith(">") for rest in lines[index:])


def _first_marker(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if _is_quote_header(lines, i) or any(p.match(line) for p in _SIGNATURE):
            return i
        if line.lstrip().startswith(">") and _only_quotes_from(lines, i):
            return i
    return len(lines)


def split_reply(body: str) -> tuple[str, str]:
    """(what the sender wrote, the quoted/signature remainder); either may be empty.

    Interleaved ">" lines between the sender's own paragraphs go to the remainder too.
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _first_marker(lines)
    cut = next((i for i in range(cut) if _is_closing(lines, i, cut)), cut)
    own_lines: list[str] = []
    interleaved: list[str] = []
    for line in lines[:cut]:
        (interleaved if line.lstrip().startswith(">") else own_lines).append(line)
    own = re.sub(r"\n{3,}", "\n\n", "\n".join(own_lines)).strip()
    rest = "\n".join([*interleaved, *lines[cut:]]).strip()
    return own, rest


# --- MIME: which part is the body, which are attachments -------------------------------------

class Body(NamedTuple):
    """A message's readable text, the charset it was in, and every other part listed."""


    text: str
    charset: str | None
    attachments: list[Attachment]


def leaves(part: EmailMessage) -> Iterator[EmailMessage]:
    """Leaf parts in order; an attached message (message/rfc822) is one leaf, not descended."""
    if part.is_multipart() and part.get_content_maintype() == "multipart":
        for child in part.iter_parts():
            yield from leaves(child)  # type: ignore[arg-type]
    else:
        yield part


def _attachment(part: EmailMessage) -> Attachment:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload(0)
        size = len(inner.as_bytes()) if isinstance(inner, EmailMessage) else 0
        subject = str(inner.get("subject") or "").strip() if isinstance(inner, EmailMessage) else ""
        name = part.get_filename() or (f"{subject}.eml" if subject else "(attached message)")
        return Attachment(filename=name, media_type="message/rfc822", size_bytes=size)
    payload = part.get_payload(decode=True)
    return Attachment(filename=part.get_filename() or "(unnamed)",
                      media_type=part.get_content_type(),
                      size_bytes=len(payload) if isinstance(payload, bytes) else 0)


def _decoded(part: EmailMessage) -> tuple[str, str]:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return "", "utf-8"
    return decode_payload(payload, part.get_content_charset())


def message_body(message: EmailMessage) -> Body:
    """The readable body (plain preferred, else HTML as text) and every other part listed."""
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    text, charset = _decoded(plain) if isinstance(plain, EmailMessage) else ("", None)
    if not text.strip() and isinstance(html, EmailMessage):
        markup, charset = _decoded(html)
        text = html_to_text(markup)
    body_parts = {id(plain), id(html)}
    attachments = [_attachment(leaf) for leaf in leaves(message)
                   if id(leaf) not in body_parts and leaf is not message
                   and (leaf.get_content_type() not in ("text/plain", "text/html")
                        or leaf.get_filename()
                        or leaf.get_content_disposition() == "attachment")]
    return Body(text, charset, attachments)
