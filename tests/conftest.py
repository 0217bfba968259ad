"""Shared fixtures: every test gets its own data directory; service fixtures skip or fail."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REQUIRE_SERVICES = os.environ.get("TOUCHPOINT_REQUIRE_SERVICES") == "1"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data directory at tmp_path so no test touches the user's files."""
    data_dir = tmp_path / "touchpoint-data"
    monkeypatch.setenv("TOUCHPOINT_DATA_DIR", str(data_dir))
    for name in ("TOUCHPOINT_DATABASE_URL", "TOUCHPOINT_BROKER_URL", "TOUCHPOINT_CONFIG",
                 "TOUCHPOINT_LLM_BASE_URL", "OPENAI_API_KEY", "TOUCHPOINT_EXTRACTOR"):
        monkeypatch.delenv(name, raising=False)
    # the index stage loads the encoder (seconds); tests/vector_index and
    # tests/pipeline/test_index.py run it, the rest of the suite ingests without it
    monkeypatch.setenv("TOUCHPOINT_INDEX_ON_INGEST", "false")
    return data_dir


@pytest.fixture
def data_path() -> Path:
    return DATA


def service_available(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def require_service(name: str, host: str, port: int) -> None:
    """Skip when a service is absent, or fail when CI requires it (TOUCHPOINT_REQUIRE_SERVICES=1)."""
    if service_available(host, port):
        return
    message = f"{name} is not reachable on {host}:{port}"
    if REQUIRE_SERVICES:
        pytest.fail(message + " and TOUCHPOINT_REQUIRE_SERVICES=1")
    pytest.skip(message)


@pytest.fixture(autouse=True)
def fresh_llm_breakers() -> None:
    """Every test starts with closed breakers: a port one test found dead may serve the next."""
    from extractors.llm.breaker import clear_breakers

    clear_breakers()


PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def scratch_postgres() -> Iterator[str]:
    """A new empty Postgres database's URL, dropped afterwards (skips or fails without one)."""
    import uuid

    from sqlalchemy import create_engine, text

    require_service("postgres", "127.0.0.1", 5432)
    name = f"touchpoint_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.integration)])
def any_database(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a CLI test on the default SQLite file, then again on a scratch Postgres database."""
    if request.param == "sqlite":
        yield "sqlite"
        return
    for url in scratch_postgres():
        monkeypatch.setenv("TOUCHPOINT_DATABASE_URL", url)
        yield url
