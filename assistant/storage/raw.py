"""Raw sources, kept content-addressed so every later stage can be rebuilt from them.

A source lives at `raw/<first two hex digits>/<the other 62>` of its sha256: the same bytes are
stored once however often they are ingested, and a write is a temp file plus `os.replace`, so a
crash or a concurrent writer never leaves a partial file under the final name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from assistant.errors import BadInputError, NotFoundError


def raw_path(raw_dir: Path, sha256: str) -> Path:
    return raw_dir / sha256[:2] / sha256[2:]


def store_raw(raw_dir: Path, content: bytes) -> Path:
    """Write `content` once under its sha256 and return its path; storing it again is a no-op."""
    digest = hashlib.sha256(content).hexdigest()
    target = raw_path(raw_dir, digest)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def load_raw(raw_dir: Path, sha256: str) -> bytes:
    """The stored bytes, or NotFoundError when that hash was never stored here."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise BadInputError(f"{sha256!r} is not a sha256 hex digest (64 lowercase hex digits)")
    path = raw_path(raw_dir, sha256)
    if not path.is_file():
        raise NotFoundError(f"raw source {sha256} is not in {raw_dir}; re-ingest the original "
                            "file to restore it")
    return path.read_bytes()
