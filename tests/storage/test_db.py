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

HEAD = "0009"  # the newest migration
TABLES = {"accounts", "contacts", "contact_keys", "touchpoints", "insight_runs",
          "ingest_failures", "events", "alembic_version", "sources", "blobs",
          "account_domains"}


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
    assert _head(db_url) == [HEAD]
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
    assert _head(db_url) == [HEAD]
    database.engine.dispose()


@pytest.mark.parametrize("url, problem", [
    ("not a url", "is not a database URL"),
    ("mysql://root@localhost/touchpoint", "only sqlite"),
    ("postgresql+psycopg://postgres@127.0.0.1:1/touchpoint", "check TOUCHPOINT_DATABASE_URL"),
], ids=["garbage", "unsupported backend", "nothing listening"])
def test_a_bad_database_url_is_a_config_error_saying_what_to_fix(url: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        open_database(url)


def test_upgrading_from_0002_indexes_contacts_that_already_exist(empty_db_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from assistant.storage.db import MIGRATIONS, make_engine

    engine = make_engine(empty_db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.execute(text(
            "INSERT INTO contacts (tenant_id, id, emails, phones, handles, crm_id, needs_review)"
            " VALUES ('acme', 'ct-old', :emails, '[]', :handles, 'SF-9', false)"),
            {"emails": '["Old@Hengda.cn"]', "handles": '["wecom:laowang"]'})
    engine.dispose()
    database = open_database(empty_db_url)
    with database.session() as session:
        found = {kind: [c.id for c in repository.find_contacts(
            session, tenant_id="acme", kind=kind, value=value)]
            for kind, value in [("email", "old@hengda.cn"), ("handle_id", "laowang"),
                                ("crm", "SF-9")]}
    database.engine.dispose()
    assert found == {"email": ["ct-old"], "handle_id": ["ct-old"], "crm": ["ct-old"]}


@pytest.mark.integration
def test_a_plain_postgresql_url_uses_the_shipped_psycopg_driver(postgres_url: str) -> None:
    database = open_database(postgres_url.replace("postgresql+psycopg://", "postgresql://"))
    assert database.engine.url.drivername == "postgresql+psycopg"
    database.close()
