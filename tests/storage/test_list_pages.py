"""The plain-sqlite3 page read (`list_pages.read_sqlite_page`) agrees with the SQLAlchemy one
(`listing.list_touchpoint_summaries`) page for page, and steps aside when it cannot read."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from assistant.models import TouchpointSummary
from assistant.storage import repository
from assistant.storage.db import open_database
from assistant.storage.list_pages import read_sqlite_page
from assistant.storage.listing import list_touchpoint_summaries
from tests.storage.factories import SHANGHAI, make_touchpoint

NEW_YORK = timezone(timedelta(hours=-5))


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """A SQLite store holding touchpoints with tied times, offsets, filters and odd text."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    db = open_database(url)
    tied = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
    with db.session() as session:
        for n in range(23):
            tp = make_touchpoint(
                fingerprint=f"tp-{n}", channel=("call", "email", "chat")[n % 3],
                account_id=None if n % 4 == 0 else f"acc-{n % 2}",
                occurred_at=tied if n < 6 else tied.astimezone(NEW_YORK) - timedelta(hours=n))
            update: dict[str, Any] = {"status": ("parsed", "extracted")[n % 2]}
            if n == 5:
                update |= {"subject": None, "text": "first line\nsecond line", "segments": []}
            if n == 7:
                update |= {"status": "failed", "error": "the extractor timed out"}
            if n == 9:
                update |= {"contact_ids": ["ct_a", "ct_b"]}
            repository.save_touchpoint(session, tp.model_copy(update=update))
        repository.save_touchpoint(session, make_touchpoint(tenant_id="other", fingerprint="x"))
    db.engine.dispose()
    return url


def _pages(read: Any, *, limit: int, **filters: Any) -> list[list[TouchpointSummary]]:
    pages, cursor = [], None
    while True:
        page, cursor = read(limit=limit, cursor=cursor, **filters)
        pages.append(page)
        if cursor is None:
            return pages


FILTERS: list[tuple[dict[str, Any], int]] = [
    ({}, 50), ({}, 4), ({}, 1), ({"channel": "email"}, 3), ({"account_id": "acc-1"}, 2),
    ({"status": "extracted"}, 5), ({"status": "failed"}, 5), ({"channel": "chat", "status": "parsed"}, 2),
    ({"since": datetime(2026, 3, 1, 12, 0)}, 4),
    ({"since": datetime(2026, 3, 1, 20, 0, tzinfo=NEW_YORK)}, 3),
    ({"tenant_id": "other"}, 10), ({"tenant_id": "nobody"}, 10),
]


@pytest.mark.parametrize(("filters", "limit"), FILTERS,
                         ids=[f"{'-'.join(f) or 'all'}-by-{n}" for f, n in FILTERS])
def test_the_sqlite3_read_gives_the_pages_sqlalchemy_gives(store_url: str, filters: dict[str, Any],
                                                         limit: int) -> None:
    filters = {"tenant_id": "acme"} | filters
    db = open_database(store_url)
    with db.session() as session:
        expected = _pages(lambda **kw: list_touchpoint_summaries(session, **kw), limit=limit,
                          **filters)
    db.engine.dispose()

    def plain(**kw: Any) -> Any:
        page = read_sqlite_page(store_url, **kw)
        assert page is not None
        return page

    assert _pages(plain, limit=limit, **filters) == expected


def test_the_sqlite3_read_keeps_offsets_first_lines_errors_and_contacts(store_url: str) -> None:
    found, cursor = read_sqlite_page(store_url, tenant_id="acme", limit=50) or ([], "")
    [untitled] = [s for s in found if s.subject is None]
    assert untitled.first_line == "first line"
    assert untitled.occurred_at.utcoffset() == timedelta(hours=8)
    assert [s.status for s in found if s.has_error] == ["failed"]
    assert [s.contact_ids for s in found if s.contact_ids] == [["ct_a", "ct_b"]]
    assert {s.occurred_at.utcoffset() for s in found} == {timedelta(hours=8), timedelta(hours=-5)}
    assert len(found) == 23 and cursor is None


def test_a_database_that_needs_opening_first_is_left_to_sqlalchemy(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    assert read_sqlite_page(f"sqlite:///{missing}", tenant_id="acme") is None
    assert not missing.exists()
    bare = tmp_path / "bare.db"
    sqlite3.connect(bare).close()  # a file with no schema yet
    assert read_sqlite_page(f"sqlite:///{bare}", tenant_id="acme") is None
    older = tmp_path / "older.db"
    connection = sqlite3.connect(older)
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
    connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    connection.commit()
    connection.close()
    assert read_sqlite_page(f"sqlite:///{older}", tenant_id="acme") is None


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://u@localhost/touchpoint", "sqlite://", "sqlite:///:memory:",
    "sqlite+pysqlite:///x.db", "sqlite:///x.db?mode=ro",
], ids=["postgres", "sqlite-memory-default", "sqlite-memory", "named-driver", "query-string"])
def test_urls_other_than_a_plain_sqlite_file_are_left_to_sqlalchemy(url: str) -> None:
    assert read_sqlite_page(url, tenant_id="acme") is None


def test_a_cursor_keeps_paging_after_rows_are_added_before_it(store_url: str) -> None:
    first, cursor = read_sqlite_page(store_url, tenant_id="acme", limit=3) or ([], None)
    db = open_database(store_url)
    with db.session() as session:
        repository.save_touchpoint(session, make_touchpoint(
            fingerprint="newest", occurred_at=datetime(2027, 1, 1, tzinfo=UTC)))
    db.engine.dispose()
    second, _ = read_sqlite_page(store_url, tenant_id="acme", limit=3, cursor=cursor) or ([], None)
    assert not {s.id for s in first} & {s.id for s in second}
    assert max(s.occurred_at for s in second) <= min(s.occurred_at for s in first)


def test_a_file_that_is_no_database_is_left_to_sqlalchemy(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not a database, just notes\n" * 100, encoding="utf-8")
    assert read_sqlite_page(f"sqlite:///{notes}", tenant_id="acme") is None
