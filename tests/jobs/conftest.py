"""Jobs run against a real database (SQLite and Postgres) and a real OpenAI-protocol server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_openai_server import FakeOpenAIServer

from tests.storage.conftest import db, db_url, postgres_url  # noqa: F401


@pytest.fixture
def llm_server() -> Iterator[FakeOpenAIServer]:
    fake = FakeOpenAIServer().start()
    yield fake
    fake.stop()
