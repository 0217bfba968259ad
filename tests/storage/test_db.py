"""Opening a database: migrations to head, idempotent, safe when processes race."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from assistant.errors import ConfigError
from assistant.storage import repository
from assistant.storage.db import open_database
from tests.storage.factories import make_insights, make_touchpoint

TABLES = {"accounts", "contacts", "touchpoints", "insight_runs", "ingest_failures", "events",
          "alembic_version"}


def _head(url: str) -> list[str]:
    database = open_database(url)
    try:
        with database.engine.connect() as conn:
            return [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    finally:
        database.engine.dispose()


def test_opening_twice_runs_migrations_once_and_keeps_rows(empty_db_url: str) -> None:
    db_url = empty_db_url
    first = open_database(db_url)
    tp = make_touchpoint()
    with first.session() as session:
        repository.save_touchpoint(session, tp)
    second = open_database(db_url)
    with second.session() as session:
        assert repository.touchpoint_exists(session, tenant_id="acme", touchpoint_id=tp.id)
    assert set(inspect(second.engine).get_table_names()) >= TABLES
    assert _head(db_url) == ["0002"]
    for database in (first, second):
        database.engine.dispose()


def test_a_fresh_sqlite_file_gets_its_directory_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dir" / "touchpoint.db"
    database = open_database(f"sqlite:///{path}")
    assert path.is_file()
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_deleting_a_touchpoint_deletes_its_insight_runs(db_url: str) -> None:
    database = open_database(db_url)
    tp = make_touchpoint()
    with database.session() as session:
        repository.save_touchpoint(session, tp)
        repository.save_insights(session, tenant_id="acme", insights=make_insights(tp))
    with database.engine.begin() as conn:
        conn.execute(text("DELETE FROM touchpoints WHERE id = :id"), {"id": tp.id})
        assert conn.execute(text("SELECT count(*) FROM insight_runs")).scalar() == 0
    database.engine.dispose()


_OPEN_AND_WRITE = """
import sys
from assistant.storage import repository
from assistant.storage.db import open_database
from tests.storage.factories import make_touchpoint
database = open_database(sys.argv[1])
with database.session() as session:
    repository.save_touchpoint(session, make_touchpoint(fingerprint=sys.argv[2]))
    repository.save_touchpoint(session, make_touchpoint(fingerprint="shared"))
"""


def test_processes_opening_a_new_database_at_once_all_succeed(empty_db_url: str) -> None:
    db_url = empty_db_url
    root = Path(__file__).resolve().parents[2]
    workers = [subprocess.Popen([sys.executable, "-c", _OPEN_AND_WRITE, db_url, f"w{i}"],
                                cwd=root, stderr=subprocess.PIPE, text=True) for i in range(4)]
    errors = [w.communicate(timeout=120)[1] for w in workers]
    assert [w.returncode for w in workers] == [0, 0, 0, 0], errors
    database = open_database(db_url)
    with database.session() as session:
        stored = repository.list_touchpoints(session, tenant_id="acme")
    assert len(stored) == 5  # four of their own plus the one they all tried to save
    assert _head(db_url) == ["0002"]
    database.engine.dispose()


@pytest.mark.parametrize("url, problem", [
    ("not a url", "is not a database URL"),
    ("mysql://root@localhost/touchpoint", "only sqlite"),
    ("postgresql+psycopg://postgres@127.0.0.1:1/touchpoint", "check TOUCHPOINT_DATABASE_URL"),
], ids=["garbage", "unsupported backend", "nothing listening"])
def test_a_bad_database_url_is_a_config_error_saying_what_to_fix(url: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        open_database(url)
