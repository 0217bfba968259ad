"""INSERT .. ON CONFLICT DO NOTHING, for SQLite and Postgres alike.

Every "store once" in Touchpoint (raw bytes, sources, touchpoints, events) is one statement:
the database decides who got there first, with no read before the write and no savepoint, so
two processes inserting the same row both succeed and exactly one of them learns it created it.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase, Session
from sqlalchemy.sql import Executable


@functools.cache
def _statement(dialect: str, table: Table) -> Executable:
    """Built once per table and dialect, values bound at execution (the compile cache hits)."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # RETURNING says whether a row went in; rowcount is not reliable across drivers
    return insert(table).on_conflict_do_nothing().returning(*table.primary_key.columns)


def insert_ignore(session: Session, row_type: type[DeclarativeBase], values: dict[str, Any]
                  ) -> bool:
    """Insert one row unless its key exists; True when this call inserted it."""
    table = row_type.__table__  # type: ignore[attr-defined]
    result = session.execute(_statement(session.get_bind().dialect.name, table), values)
    return result.first() is not None


def insert_ignore_many(session: Session, row_type: type[DeclarativeBase],
                       rows: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    """`insert_ignore` for many rows in one statement; the primary keys this call inserted.
    Of two rows with the same key, the first is the one inserted."""
    table = row_type.__table__  # type: ignore[attr-defined]
    names = [column.key for column in table.primary_key]
    first: dict[tuple[Any, ...], dict[str, Any]] = {}
    for values in rows:
        first.setdefault(tuple(values[name] for name in names), values)
    if not first:
        return set()
    result = session.execute(_statement(session.get_bind().dialect.name, table),
                             list(first.values()))
    return {tuple(key) for key in result}


def row_values(row: DeclarativeBase) -> dict[str, Any]:
    """A transient ORM row's column values, for `insert_ignore`."""
    table = row.__table__  # type: ignore[attr-defined]
    values = {}
    for column in table.columns:
        value = getattr(row, column.key, None)
        if value is None and column.default is not None and column.default.is_scalar:
            value = column.default.arg
        if value is None and column.default is not None and column.default.is_callable:
            value = column.default.arg(None)
        values[column.key] = value
    return values
