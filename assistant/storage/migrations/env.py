"""Alembic environment: runs on the connection `assistant.storage.db.migrate` passes in."""

from alembic import context

from assistant.storage import suggestion_rows  # noqa: F401  (its tables join Base.metadata)
from assistant.storage.rows import Base

connection = context.config.attributes.get("connection")
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection is not None and connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
