"""Read a test fixture the way the command line's input layer does: bytes plus a uri."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.ingest.archive import pack_folder
from assistant.ingest.common import ParseOptions
from assistant.ingest.dispatch import parse_content
from assistant.models import Touchpoint

LIMIT = 50 * 1024 * 1024


def source(path: Path) -> dict[str, Any]:
    """`content` and `uri` keyword arguments for a parser; a folder is packed as a zip."""
    content = pack_folder(path, max_bytes=LIMIT) if path.is_dir() else path.read_bytes()
    return {"content": content, "uri": str(path)}


def parse_file(path: Path, options: ParseOptions) -> list[Touchpoint]:
    """The touchpoints the production dispatcher reads from a fixture file or folder."""
    return parse_content(**source(path), options=options).touchpoints
