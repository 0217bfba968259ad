"""Which schema revision the shipped migrations end at, read without importing Alembic.

Apart from `db.py` (which needs SQLAlchemy) so that a read with the plain `sqlite3` driver
(`storage/list_pages.py`) can check that a database needs no migration first.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from assistant.errors import ConfigError

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+)?['\"]?", re.MULTILINE)


@functools.cache
def head_revision() -> str:
    """The newest migration's id, read from the shipped files without importing Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found: dict[str, str] = {m.group(1): m.group(2) or "" for m in
                                 _REVISION.finditer(path.read_text(encoding="utf-8"))}
        if found.get("revision"):
            revisions.add(found["revision"])
        if found.get("down_revision"):
            parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        raise ConfigError(f"the shipped migrations have {len(heads)} heads ({sorted(heads)}); "
                          "reinstall Touchpoint")
    return heads.pop()
