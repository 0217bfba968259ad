"""The suggestions suite runs on SQLite and on Postgres, like the storage suite."""

from tests.storage.conftest import db, db_url, postgres_url  # noqa: F401
