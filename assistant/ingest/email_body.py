"""Reduce an email body to what the sender wrote: no quoted replies, no signature.

Replies quote the earlier thread under a header line ("On … wrote:", "在 … 写道：",
"-----Original Message-----", "-----原始邮件-----", an Outlook "From: … Sent: …" block) or with
">" prefixes. Everything from the first such marker on is the quote; a "-- " line or a phone
sign-off starts the signature. The quote is returned separately so nothing is lost.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

_QUOTE_HEADERS = [
    re.compile(r"^\s*On\b.{0,300}?\bwrote:\s*$", re.IGNORECASE | re.DOTALL),
    re.compile(r"^\s*在.{0,200}?写道[：:]\s*$", re.DOTALL),
    re.compile(r"^\s*-{2,}\s*(Original Message|Forwarded message)\s*-{2,}\s*$", re.IGNORECASE),
    re.compile(r"^\s*-{2,}\s*(原始邮件|转发的邮件|原始郵件)\s*-{2,}\s*$"),
    re.compile(r"^\s*_{10,}\s*$"),
    re.compile(r"^\s*(From|发件人|寄件者)\s*[:：].+$", re.IGNORECASE),
]
# an Outlook header block: From: then Sent:/Date:/发送时间: within the next lines
_HEADER_FOLLOWERS = re.compile(r"^\s*(Sent|Date|To|Subject|发送时间|时间|收件人|主题|日期)\s*[:：]",
                               re.IGNORECASE)
_SIGNATURE = [
    re.compile(r"^--\s*$"),
    re.compile(r"^\s*(Sent from my|Get Outlook for|Sent from Mail for)\b", re.IGNORECASE),
    re.compile(r"^\s*(发自我的|从我的)\s*\S*(iPhone|iPad|手机|华为|小米)"),
]


def html_to_text(html: str) -> str:
    """Readable text from HTML: scripts and styles dropped, block elements become line breaks."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head", "title"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"]):
        block.insert_before("\n")
        block.insert_after("\n")
    text = soup.get_text()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _is_quote_header(lines: list[str], index: int) -> bool:
    line = lines[index]
    for pattern in _QUOTE_HEADERS[:-1]:
        if pattern.match(line):
            return True
    if _QUOTE_HEADERS[-1].match(line):
        following = lines[index + 1 : index + 4]
        return any(_HEADER_FOLLOWERS.match(f) for f in following)
    # "On Mon, 2 Mar 2026 ... <x@y>" wrapped over two lines before "wrote:"
    if index + 1 < len(lines) and re.match(r"^\s*On\b", line, re.IGNORECASE):
        return bool(re.match(r"^.{0,200}\bwrote:\s*$", lines[index + 1], re.IGNORECASE))
    return False


def split_reply(body: str) -> tuple[str, str]:
    """(what the sender wrote, the quoted/signature remainder); either may be empty."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = len(lines)
    for i in range(len(lines)):
        stripped = lines[i].strip()
        if _is_quote_header(lines, i) or any(p.match(lines[i]) for p in _SIGNATURE):
            cut = i
            break
        if stripped.startswith(">") and all(
            not rest.strip() or rest.lstrip().startswith(">") for rest in lines[i:]
        ):
            cut = i
            break
    own = "\n".join(lines[:cut]).strip()
    rest = "\n".join(lines[cut:]).strip()
    own = "\n".join(line for line in own.split("\n") if not line.lstrip().startswith(">")).strip()
    return re.sub(r"\n{3,}", "\n\n", own), rest
