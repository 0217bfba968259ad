"""Zip archives as the apps hand them out (a Slack export, a WhatsApp chat with its media), read
from bytes with bounds, so a zip bomb is refused before it is expanded.

The command line's input layer also packs an unzipped Slack export folder into a zip (stored,
sorted, fixed timestamps: the same folder always gives the same bytes), so a folder and the zip
Slack made go through one parser and re-ingesting either adds nothing.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from assistant.errors import BadInputError, TooLargeError

ZIP_MAGIC = b"PK\x03\x04"
MAX_ENTRIES = 20_000
MAX_RATIO = 200  # expanded / compressed; text compresses ~10x, a bomb thousands of times
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def is_zip(content: bytes) -> bool:
    return content.startswith(ZIP_MAGIC)


def read_zip(content: bytes, *, uri: str, max_bytes: int,
             wanted: Callable[[str], bool] | None = None) -> dict[str, bytes]:
    """Every file in the archive by its name (folders and macOS `__MACOSX` debris skipped), or
    only those whose name `wanted` accepts: a chat's photos and voice notes are never expanded.

    TooLargeError when it holds more than MAX_ENTRIES entries, the files read expand past
    `max_bytes` in all, or an entry expands more than MAX_RATIO times its compressed size (a zip
    bomb); BadInputError when the bytes are not a readable zip.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise BadInputError(f"{uri}: not a readable zip archive ({exc})") from None
    with archive:
        entries = [i for i in archive.infolist() if not i.is_dir()
                   and not i.filename.startswith("__MACOSX/")
                   and not i.filename.rsplit("/", 1)[-1].startswith(".")
                   and (wanted is None or wanted(i.filename))]
        if len(archive.infolist()) > MAX_ENTRIES:
            raise TooLargeError(f"{uri}: the archive holds {len(archive.infolist()):,} entries, "
                                f"over the limit of {MAX_ENTRIES:,}")
        declared = sum(i.file_size for i in entries)
        if declared > max_bytes:
            raise TooLargeError(f"{uri}: the archive expands to {declared:,} bytes, over the "
                                f"limit of {max_bytes:,} (raise TOUCHPOINT_MAX_UPLOAD_BYTES)")
        for info in entries:
            if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 20:
                raise TooLargeError(
                    f"{uri}: entry {info.filename!r} expands {info.file_size // max(info.compress_size, 1):,}"
                    f" times its size ({info.file_size:,} bytes): refused as a zip bomb")
        members: dict[str, bytes] = {}
        expanded = 0
        for info in entries:
            try:
                # read in bounded steps: a forged header can understate the real size
                with archive.open(info) as handle:
                    data = handle.read(info.file_size + 1)
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError,
                    EOFError) as exc:
                raise BadInputError(f"{uri}: entry {info.filename!r} cannot be read ({exc})"
                                    ) from None
            if len(data) > info.file_size:
                raise TooLargeError(f"{uri}: entry {info.filename!r} is larger than its header "
                                    "says: refused as a zip bomb")
            expanded += len(data)
            if expanded > max_bytes:
                raise TooLargeError(f"{uri}: the archive expands past {max_bytes:,} bytes")
            members[info.filename] = data
    return members


def pack_folder(folder: Path, *, max_bytes: int) -> bytes:
    """A folder's files as one deterministic zip (the input layer's form of a Slack export)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    if not files:
        raise BadInputError(f"{folder}: the folder is empty")
    total = sum(p.stat().st_size for p in files)
    if total > max_bytes:
        raise TooLargeError(f"{folder}: {total:,} bytes is over the limit of {max_bytes:,} "
                            "(raise TOUCHPOINT_MAX_UPLOAD_BYTES)")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=_FIXED_TIME)
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()
