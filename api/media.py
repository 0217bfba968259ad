"""Check an upload's declared content type against its bytes, before anything is stored.

`filetype` reads the magic numbers. Audio and video containers must be declared as audio,
video or a generic binary type; text formats (email, chat, transcript, ticket) must not look
like a binary container; images, PDFs, executables and other binaries are refused outright.
A mismatch is a 415 that names the part, what it claimed and what the bytes are.
"""

from __future__ import annotations

import filetype

from assistant.errors import BadInputError

_GENERIC = {"", "application/octet-stream", "binary/octet-stream"}
_ARCHIVES = {"application/zip", "application/x-zip-compressed"}


class UnsupportedMediaError(BadInputError):
    """The bytes are not what the upload says, or not a kind Touchpoint reads."""


def check_media_type(content: bytes, *, filename: str, declared: str | None) -> None:
    declared = (declared or "").split(";")[0].strip().lower()
    guess = filetype.guess(content[:8192])
    actual = guess.mime if guess is not None else None
    if actual is None:  # no magic number: a text format (or unknown bytes the parser judges)
        if declared.startswith(("audio/", "video/")):
            raise UnsupportedMediaError(
                f"{filename}: declared {declared} but the bytes are not an audio or video "
                "container; send the real recording or the right content type")
        return
    if actual.startswith(("audio/", "video/")):
        if declared in _GENERIC or declared.startswith(("audio/", "video/")):
            return
    elif actual in _ARCHIVES and (declared in _GENERIC or declared in _ARCHIVES):
        return  # a Slack or WhatsApp export
    raise UnsupportedMediaError(
        f"{filename}: the bytes are {actual}"
        + (f" but the part was declared {declared}" if declared else "")
        + "; Touchpoint reads emails, chats, transcripts, tickets, Slack/WhatsApp exports and "
        "audio")
