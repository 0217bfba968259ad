"""The bad-input CLI tests run on SQLite and on a scratch Postgres database per test."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import require_service

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.integration)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """TOUCHPOINT_DATABASE_URL for CLI runs: a SQLite file, or a Postgres database made for
    this test and dropped after it."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'badinput.db'}"
        monkeypatch.setenv("TOUCHPOINT_DATABASE_URL", url)
        yield url
        return
    require_service("postgres", "127.0.0.1", 5432)
    name = f"touchpoint_bad_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    monkeypatch.setenv("TOUCHPOINT_DATABASE_URL", url)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

