"""Open the database and keep its schema current with Alembic.

SQLite (the default, one file in the data directory) and Postgres run the same migrations,
shipped inside the package so an installed `touchpoint` needs no alembic.ini. Opening runs
`upgrade head`; two processes opening at once are serialized (SQLite by its write lock, Postgres
by an advisory lock), and a second upgrade is a no-op.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from assistant.errors import ConfigError
from assistant.storage.revision import MIGRATIONS as MIGRATIONS
from assistant.storage.revision import head_revision as head_revision

_PG_MIGRATION_LOCK = 7_370_001


class Database:
    """An engine plus a session factory; `session()` is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def close(self) -> None:
        """Close every pooled connection (the object can still open new ones)."""
        self.engine.dispose()

    def open_session(self) -> Session:
        """A session the caller commits (or rolls back) and closes; `session()` does both.
        No connection is taken until its first query."""
        return self._sessions()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Commit on success, roll back on any error: nothing is ever half-written."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # take transaction control from pysqlite (it would start none before SAVEPOINT, so a
    # savepoint's RELEASE would commit); SQLAlchemy's "begin" event below emits BEGIN instead
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # the busy timeout first: switching a fresh file to WAL needs the lock another process may hold
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # in WAL mode NORMAL never corrupts the database; a power cut may lose the last commits
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # IMMEDIATE takes the write lock up front and waits for it (busy_timeout); a deferred
    # transaction that reads, then writes, fails at once when another process wrote in between
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, *, pool_size: int = 5, max_overflow: int = 10) -> Engine:
    """An engine for `url`; on Postgres a pool of `pool_size` connections (+ `max_overflow` at
    a peak) per process: size it for the threads that query at once (TOUCHPOINT_API_THREADS)."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with no useful subclass
        raise ConfigError(f"TOUCHPOINT_DATABASE_URL {url!r} is not a database URL ({exc})") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # the driver we ship (psycopg 3)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() != "postgresql":
        shown = parsed.render_as_string(hide_password=True)
        raise ConfigError(f"TOUCHPOINT_DATABASE_URL {shown!r}: only sqlite:/// and "
                          "postgresql+psycopg:// databases are supported")
    return create_engine(parsed, pool_pre_ping=True, pool_size=pool_size,
                         max_overflow=max_overflow)


def _driver_execute(connection: Connection, statement: str) -> None:
    """Run `statement` on the driver connection, outside any SQLAlchemy transaction."""
    driver = connection.connection.driver_connection
    if driver is None:
        raise ConfigError(f"the connection to {connection.engine.url} was closed during migration")
    driver.execute(statement)


def is_current(engine: Engine) -> bool:
    """Whether the schema is at head already: one query, so a command that only reads starts
    without importing Alembic (about a second on a slow machine)."""
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SELECT version_num FROM alembic_version")
                                         ).scalar()
    except SQLAlchemyError:
        return False  # a new database: no version table yet
    return version == head_revision()


def migrate(engine: Engine) -> None:
    """Upgrade the schema to head (idempotent, safe under concurrent starts)."""
    if is_current(engine):
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.connect() as connection:
            is_sqlite = connection.dialect.name == "sqlite"
            if is_sqlite:
                # batch migrations recreate tables; with foreign keys on, dropping the old copy
                # would cascade into the rows that point at it (the pragma only works outside
                # a transaction, hence on the driver connection before BEGIN)
                _driver_execute(connection, "PRAGMA foreign_keys=OFF")
            try:
                with connection.begin():  # sqlite: BEGIN IMMEDIATE, so a second process waits
                    if not is_sqlite:
                        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                                           {"k": _PG_MIGRATION_LOCK})
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
            finally:
                if is_sqlite:
                    _driver_execute(connection, "PRAGMA foreign_keys=ON")
    except OperationalError as exc:
        raise ConfigError(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)}: "
            f"{exc.orig}; check TOUCHPOINT_DATABASE_URL and that the server is running"
        ) from exc


def open_database(url: str, *, pool_size: int = 5, max_overflow: int = 10) -> Database:
    """Connect to `url` (creating a SQLite file's directory) and upgrade its schema to head."""
    engine = make_engine(url, pool_size=pool_size, max_overflow=max_overflow)
    migrate(engine)
    return Database(engine)
