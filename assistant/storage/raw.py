"""Raw sources, kept content-addressed so every later stage can be rebuilt from them."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from assistant.errors import NotFoundError


def raw_path(raw_dir: Path, sha256: str) -> Path:
    return raw_dir / sha256[:2] / sha256[2:]


def store_raw(raw_dir: Path, content: bytes) -> str:
    """Write `content` once under its sha256 (atomic: temp file + rename); return the hash."""
    digest = hashlib.sha256(content).hexdigest()
    target = raw_path(raw_dir, digest)
    if target.exists():
        return digest
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return digest


def load_raw(raw_dir: Path, sha256: str) -> bytes:
    path = raw_path(raw_dir, sha256)
    if not path.is_file():
        raise NotFoundError(f"raw source {sha256} is not in {raw_dir}")
    return path.read_bytes()
