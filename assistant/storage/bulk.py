"""Many rows at once: the reads and writes of the batch path, one statement per kind of row.

A folder of small emails is ingested 64 sources per transaction (`pipeline/batch.py`). Written
one row per statement, storage cost more than everything else ingest does: SQLAlchemy builds,
caches and executes each statement (twelve per email), each a few hundred microseconds. Here
each kind of row is written for the whole group by one executemany statement, built once per
dialect with bound parameters, and each lookup of identity resolution is one query for the
group.

Every function mirrors a one-row function in `sources.py`, `repository.py` or
`contact_keys.py` (named in its docstring) and writes exactly the rows that function would, in
the caller's transaction; tenant always required. When a grouped write raises, the caller rolls
back and falls back to the one-row functions, so one bad source costs the others nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, delete, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from assistant.models import Contact, Insights, Touchpoint
from assistant.storage import contact_keys, convert
from assistant.storage.inserts import insert_ignore_many, row_values
from assistant.storage.repository import upsert_statement
from assistant.storage.rows import (
    AccountDomainRow,
    Base,
    BlobRow,
    ContactKeyRow,
    ContactRow,
    InsightRunRow,
    SourceRow,
    TouchpointRow,
)

CHUNK = 500  # ids per IN (...) list: far below every database's limit on bound parameters

_SOURCES = Base.metadata.tables[SourceRow.__tablename__]
_TOUCHPOINTS = Base.metadata.tables[TouchpointRow.__tablename__]
_KEYS = Base.metadata.tables[ContactKeyRow.__tablename__]
_RUNS = Base.metadata.tables[InsightRunRow.__tablename__]


def _now() -> datetime:
    return datetime.now(UTC)


def _chunks(values: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield list(values[start:start + CHUNK])


# --- sources -----------------------------------------------------------------------------------


def insert_sources(session: Session, rows: list[SourceRow]) -> set[str]:
    """`sources.insert_source` for each row: the ids this call created. Of two rows with the
    same id, the first is the one inserted."""
    now = _now()
    for row in rows:
        row.created_at = row.updated_at = now
        if row.claimed_by is not None:
            row.claimed_at = now
    created = insert_ignore_many(session, SourceRow, [row_values(row) for row in rows])
    return {key[1] for key in created}


def save_blobs(session: Session, *, tenant_id: str, contents: dict[str, bytes]) -> None:
    """`sources.save_blob` for each sha256 -> bytes."""
    insert_ignore_many(session, BlobRow, [{"tenant_id": tenant_id, "sha256": sha256,
                                           "content": content}
                                          for sha256, content in contents.items()])


@functools.cache
def _set_stage_statement() -> Executable:
    table = _SOURCES
    return (update(table).where(table.c.tenant_id == bindparam("b_tenant"),
                                table.c.id == bindparam("b_id"))
            .values(stage=bindparam("b_stage"), touchpoint_ids=bindparam("b_ids"), error=None,
                    error_stage=None, updated_at=bindparam("b_at")))


def set_stages(session: Session, *, tenant_id: str, stage: str,
               touchpoint_ids: dict[str, list[str]]) -> None:
    """`sources.set_stage` for each source id -> its touchpoint ids."""
    if not touchpoint_ids:
        return
    now = _now()
    session.execute(_set_stage_statement(), [
        {"b_tenant": tenant_id, "b_id": source_id, "b_stage": stage, "b_ids": ids, "b_at": now}
        for source_id, ids in touchpoint_ids.items()])


@functools.cache
def _finish_statement(is_complete: bool, release: bool) -> Executable:
    table = _SOURCES
    statement = update(table).where(table.c.tenant_id == bindparam("b_tenant"),
                                    table.c.id == bindparam("b_id"))
    values: dict[str, Any] = {"updated_at": bindparam("b_at")}
    if release:
        values.update(claimed_by=None, claimed_at=None)
    if is_complete:
        values["stage"] = "done"
        # not IN (...): an expanding parameter cannot be used with executemany
        statement = statement.where(or_(table.c.stage == "parsed", table.c.stage == "done"))
    return statement.values(**values)


def finish_sources(session: Session, *, tenant_id: str, source_ids: list[str],
                   is_complete: bool, release: bool) -> None:
    """`sources.finish` for each source id."""
    if not source_ids:
        return
    now = _now()
    session.execute(_finish_statement(is_complete, release),
                    [{"b_tenant": tenant_id, "b_id": i, "b_at": now} for i in source_ids])


def source_rows(session: Session, *, tenant_id: str, source_ids: list[str]
                ) -> dict[str, SourceRow]:
    """`sources.get_source` for many ids: the stored rows by id (missing ids are absent)."""
    found: dict[str, SourceRow] = {}
    for chunk in _chunks(sorted(set(source_ids))):
        query = select(SourceRow).where(SourceRow.tenant_id == tenant_id,
                                        SourceRow.id.in_(chunk))
        found.update((row.id, row) for row in session.scalars(query))
    return found


# --- touchpoints and insights ------------------------------------------------------------------


def save_touchpoints(session: Session, touchpoints: list[Touchpoint], *,
                     claimed_by: str | None = None) -> set[str]:
    """`repository.save_touchpoint` for each: the ids this call created. Of two touchpoints
    with the same id, the first is the one stored."""
    now = _now()
    rows = []
    for touchpoint in touchpoints:
        values = convert.touchpoint_values(touchpoint, now=now)
        if claimed_by is not None:
            values["claimed_by"], values["claimed_at"] = claimed_by, now
        rows.append(values)
    return {key[1] for key in insert_ignore_many(session, TouchpointRow, rows)}


@functools.cache
def _result_statement() -> Executable:
    table = _TOUCHPOINTS
    return (update(table).where(table.c.tenant_id == bindparam("b_tenant"),
                                table.c.id == bindparam("b_id"))
            .values(status=bindparam("b_status"), error=bindparam("b_error"),
                    updated_at=bindparam("b_at"), claimed_by=None, claimed_at=None))


def set_touchpoint_results(session: Session, *, tenant_id: str,
                           results: list[tuple[str, str, str | None]]) -> None:
    """`repository.set_touchpoint_result` for each (touchpoint id, status, error)."""
    if not results:
        return
    now = _now()
    session.execute(_result_statement(), [
        {"b_tenant": tenant_id, "b_id": touchpoint_id, "b_status": status, "b_error": error,
         "b_at": now} for touchpoint_id, status, error in results])


def save_insight_runs(session: Session, *, tenant_id: str, runs: list[Insights]) -> None:
    """`repository.save_insights` for each run (appended; the run ids are not returned). A run
    for a touchpoint that does not exist fails the statement (the foreign key)."""
    if not runs:
        return
    now = _now()
    session.execute(_RUNS.insert(), [convert.insights_values(tenant_id, insights, now=now)
                                     for insights in runs])


# --- contacts and accounts: what identity resolution reads and writes --------------------------


def contacts_by_keys(session: Session, *, tenant_id: str, keys: set[tuple[str, str]]
                     ) -> tuple[dict[tuple[str, str], list[str]], dict[str, Contact]]:
    """For `repository.find_contacts` over many (kind, normalized value) keys at once: which
    contact ids hold each key, and those contacts that are live (not merged away), by id."""
    holders: dict[tuple[str, str], list[str]] = {}
    values = sorted({value for _, value in keys})
    for chunk in _chunks(values):
        query = select(_KEYS.c.kind, _KEYS.c.value, _KEYS.c.contact_id).where(
            _KEYS.c.tenant_id == tenant_id, _KEYS.c.value.in_(chunk))
        for kind, value, contact_id in session.execute(query):
            if (kind, value) in keys:
                holders.setdefault((kind, value), []).append(contact_id)
    ids = sorted({i for found in holders.values() for i in found})
    contacts: dict[str, Contact] = {}
    table = ContactRow.__table__
    for chunk in _chunks(ids):
        query = select(*table.columns).where(table.c.tenant_id == tenant_id,
                                             table.c.id.in_(chunk), table.c.merged_into.is_(None))
        contacts.update((row.id, convert.row_to_contact(row))  # type: ignore[arg-type]
                        for row in session.execute(query))
    return holders, contacts


def accounts_for_domains(session: Session, *, tenant_id: str, domains: set[str]
                         ) -> dict[str, str]:
    """`repository.account_for_domain` for many normalized domains: domain -> account id
    (when several accounts list a domain, the last by id); unlisted domains are absent."""
    found: dict[str, str] = {}
    table = AccountDomainRow.__table__
    for chunk in _chunks(sorted(domains)):
        query = select(table.c.domain, table.c.account_id).where(
            table.c.tenant_id == tenant_id, table.c.domain.in_(chunk))
        for domain, account_id in session.execute(query):
            found[domain] = max(found.get(domain, account_id), account_id)
    return found


def upsert_contacts(session: Session, contacts: list[Contact]) -> None:
    """`repository.upsert_contact` for each (of two with the same id, the last wins): every
    field overwritten, and the lookup keys rewritten from the identifiers."""
    latest = {(c.tenant_id, c.id): c for c in contacts}
    if not latest:
        return
    dialect = session.get_bind().dialect.name
    session.execute(upsert_statement(dialect, ContactRow),
                    [convert.contact_values(c) for c in latest.values()])
    for tenant_id in {tenant for tenant, _ in latest}:
        ids = sorted(i for tenant, i in latest if tenant == tenant_id)
        for chunk in _chunks(ids):
            session.execute(delete(_KEYS).where(_KEYS.c.tenant_id == tenant_id,
                                                _KEYS.c.contact_id.in_(chunk)))
    keys = [{"tenant_id": c.tenant_id, "kind": kind, "value": value, "contact_id": c.id}
            for c in latest.values()
            for kind, value in sorted(contact_keys.keys_of(
                emails=c.emails, phones=c.phones, handles=c.handles, crm_id=c.crm_id))]
    if keys:
        session.execute(contact_keys.insert_keys_statement(dialect), keys)
    for tenant_id, contact_id in latest:  # the next ORM read sees what was just written
        cached = session.identity_map.get(session.identity_key(ContactRow,
                                                               (tenant_id, contact_id)))
        if cached is not None:
            session.expire(cached)
