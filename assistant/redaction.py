"""One redaction for every error text that is stored, printed or logged.

Providers echo credentials back in their error bodies (a 401 "Incorrect API key provided:
sk-...", a 400 quoting the Authorization header), and database drivers put the URL with its
password in connection errors. Every place that keeps or shows such a text passes it through
`redact_secrets` first, so a key never lands in the touchpoint's error column or on a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "[REDACTED]"
_MIN_SECRET_LENGTH = 6  # shorter configured values would mask ordinary words

_PATTERNS = (
    # Authorization headers and bearer tokens, whatever the scheme's case
    re.compile(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{8,}"),
    re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+(?:\s+[^\s\"',}]+)?"),
    # OpenAI-style and similar prefixed keys: sk-..., sk-proj-..., pk_live_..., ghp_..., xoxb-...
    re.compile(r"\b(?:sk|pk|rk)[-_](?:[A-Za-z0-9]+[-_])*[A-Za-z0-9]{8,}"),
    re.compile(r"\b(?:ghp|gho|github_pat|xox[abprs])[-_][A-Za-z0-9_-]{8,}"),
    # key=value / "api_key": "..." pairs
    re.compile(r"(?i)((?:api[_-]?key|apikey|access[_-]?token|secret|password|passwd)"
               r"[\"']?\s*[:=]\s*[\"']?)[^\s\"',}&]+"),
    # passwords in URLs: scheme://user:password@host
    re.compile(r"(?i)([a-z][a-z0-9+.-]*://[^/\s:@]*:)[^@\s/]+(@)"),
)


def redact_secrets(text: str, *, secrets: Iterable[str | None] = ()) -> str:
    """`text` with credentials masked: known `secrets` by value, then key-like patterns."""
    for secret in secrets:
        if secret and len(secret) >= _MIN_SECRET_LENGTH:
            text = text.replace(secret, MASK)
    for pattern in _PATTERNS:
        text = pattern.sub(_masked, text)
    return text


def _masked(match: re.Match[str]) -> str:
    groups = [g for g in match.groups() if g is not None]
    if not groups:
        return MASK
    if len(groups) == 2:  # URL: keep "scheme://user:" and "@"
        return f"{groups[0]}{MASK}{groups[1]}"
    prefix = groups[0]
    if prefix.lower() in ("bearer", "basic", "token"):
        return f"{prefix} {MASK}"
    return f"{prefix}{MASK}"
