"""Erasure of a contact or an account: rows, raw sources, lookup keys, cached model answers.

Erasing a contact removes the contact (and contacts merged into it), its lookup keys, its events,
and every touchpoint it took part in with their extraction runs. Erasing an account does that
for each of its contacts, plus its own touchpoints, events, domains and the account row. A
source (its row, its raw bytes, the failures recorded against them) goes once no remaining
touchpoint of the tenant came from it. Cached LLM answers quoting an erased touchpoint go too. The audit record
written in the same transaction counts what went and names who asked; it holds no personal data
(no ids, names or addresses of the erased subject).

Vector index entries are dropped through `ERASURE_HOOKS` once the index exists: each hook gets
(tenant_id, erased touchpoint ids) after the database commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Text, cast, delete, select
from sqlalchemy.orm import Session

from assistant.storage import visibility
from assistant.storage.api_rows import ErasureAuditRow
from assistant.storage.db import Database
from assistant.storage.rows import (
    AccountDomainRow,
    AccountRow,
    BlobRow,
    ContactKeyRow,
    ContactRow,
    EventRow,
    IngestFailureRow,
    InsightRunRow,
    SourceRow,
    TouchpointRow,
)

ErasureHook = Callable[[str, list[str]], None]
ERASURE_HOOKS: list[ErasureHook] = []


def _touchpoints_of_contacts(session: Session, tenant_id: str, contact_ids: set[str]
                             ) -> list[TouchpointRow]:
    found: list[TouchpointRow] = []
    for contact_id in sorted(contact_ids):
        query = select(TouchpointRow).where(
            TouchpointRow.tenant_id == tenant_id,
            cast(TouchpointRow.contact_ids, Text).like(f'%"{contact_id}"%'))
        found += [r for r in session.scalars(query) if contact_id in (r.contact_ids or [])]
    return found


def _quotes(session: Session, tenant_id: str, touchpoint_ids: list[str]) -> set[str]:
    """Every evidence quote of the touchpoints' runs (what a cached model answer would hold)."""
    quotes: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, dict):
            quote = value.get("quote")
            if isinstance(quote, str) and len(quote) >= 8:
                quotes.add(quote)
            for v in value.values():
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)

    for start in range(0, len(touchpoint_ids), 500):
        query = select(InsightRunRow.body).where(
            InsightRunRow.tenant_id == tenant_id,
            InsightRunRow.touchpoint_id.in_(touchpoint_ids[start:start + 500]))
        for body in session.scalars(query):
            collect(body)
    return quotes


def _erase(session: Session, *, tenant_id: str, contact_ids: set[str], account_id: str | None,
           subject_kind: str, key_id: str | None) -> tuple[dict[str, int], list[str], set[str]]:
    merged = set(session.scalars(select(ContactRow.id).where(
        ContactRow.tenant_id == tenant_id, ContactRow.merged_into.in_(contact_ids))))
    contact_ids = contact_ids | merged
    touchpoints = {r.id: r for r in _touchpoints_of_contacts(session, tenant_id, contact_ids)}
    if account_id is not None:
        touchpoints.update({r.id: r for r in session.scalars(select(TouchpointRow).where(
            TouchpointRow.tenant_id == tenant_id, TouchpointRow.account_id == account_id))})
    touchpoint_ids = sorted(touchpoints)
    source_ids = {r.source_id for r in touchpoints.values() if r.source_id}
    quotes = _quotes(session, tenant_id, touchpoint_ids)
    for row in touchpoints.values():
        session.delete(row)  # insight runs go with it (ON DELETE CASCADE)
    session.flush()
    erased_sources = _erase_sources(session, tenant_id, source_ids)
    events = delete(EventRow).where(EventRow.tenant_id == tenant_id,
                                    EventRow.contact_id.in_(contact_ids))
    erased_events = session.execute(events).rowcount or 0  # type: ignore[attr-defined]
    if account_id is not None:
        erased_events += session.execute(delete(EventRow).where(  # type: ignore[attr-defined]
            EventRow.tenant_id == tenant_id, EventRow.account_id == account_id)).rowcount or 0
    session.execute(delete(ContactKeyRow).where(ContactKeyRow.tenant_id == tenant_id,
                                                ContactKeyRow.contact_id.in_(contact_ids)))
    erased_contacts = session.execute(delete(ContactRow).where(  # type: ignore[attr-defined]
        ContactRow.tenant_id == tenant_id, ContactRow.id.in_(contact_ids))).rowcount or 0
    erased_accounts = 0
    if account_id is not None:
        session.execute(delete(AccountDomainRow).where(AccountDomainRow.tenant_id == tenant_id,
                                                       AccountDomainRow.account_id == account_id))
        erased_accounts = session.execute(delete(AccountRow).where(  # type: ignore[attr-defined]
            AccountRow.tenant_id == tenant_id, AccountRow.id == account_id)).rowcount or 0
    session.expire_all()
    counts = {"contacts": erased_contacts, "accounts": erased_accounts,
              "touchpoints": len(touchpoint_ids), "events": erased_events,
              "sources": erased_sources}
    session.add(ErasureAuditRow(tenant_id=tenant_id, subject_kind=subject_kind, key_id=key_id,
                                erased=counts, created_at=datetime.now(UTC)))
    return counts, touchpoint_ids, quotes


def _erase_sources(session: Session, tenant_id: str, source_ids: set[str]) -> int:
    """Sources none of whose touchpoints remain, with their bytes and recorded failures."""
    erased = 0
    for source_id in sorted(source_ids):
        still_used = session.scalar(select(TouchpointRow.id).where(
            TouchpointRow.tenant_id == tenant_id, TouchpointRow.source_id == source_id).limit(1))
        source = session.get(SourceRow, (tenant_id, source_id))
        if still_used is not None or source is None:
            continue
        sha256 = source.sha256
        session.delete(source)
        session.flush()
        shared = session.scalar(select(SourceRow.id).where(
            SourceRow.tenant_id == tenant_id, SourceRow.sha256 == sha256).limit(1))
        if shared is None:
            session.execute(delete(BlobRow).where(BlobRow.tenant_id == tenant_id,
                                                  BlobRow.sha256 == sha256))
            session.execute(delete(IngestFailureRow).where(IngestFailureRow.tenant_id == tenant_id,
                                                           IngestFailureRow.sha256 == sha256))
        erased += 1
    return erased


def _forget(cache_path: Path, tenant_id: str, touchpoint_ids: list[str], quotes: set[str]
            ) -> int:
    dropped = 0
    if quotes and cache_path.is_file():
        connection = sqlite3.connect(cache_path, timeout=10)
        try:
            with connection:
                for quote in quotes:
                    dropped += connection.execute(
                        "DELETE FROM llm_answers WHERE instr(answer, ?) > 0", (quote,)).rowcount
        finally:
            connection.close()
    for hook in ERASURE_HOOKS:
        hook(tenant_id, touchpoint_ids)
    return dropped


def erase_contact(db: Database, viewer: visibility.Viewer, contact_id: str, *,
                  llm_cache: Path) -> dict[str, int]:
    """Erase one contact and everything about them; NotFoundError outside the viewer's scope."""
    with db.session() as session:
        visibility.visible_contact(session, viewer, contact_id)
        counts, touchpoint_ids, quotes = _erase(
            session, tenant_id=viewer.tenant_id, contact_ids={contact_id}, account_id=None,
            subject_kind="contact", key_id=viewer.key_id)
    return {**counts, "cached_answers": _forget(llm_cache, viewer.tenant_id, touchpoint_ids,
                                                quotes)}


def erase_account(db: Database, viewer: visibility.Viewer, account_id: str, *,
                  llm_cache: Path) -> dict[str, int]:
    """Erase an account, its contacts and everything about them."""
    with db.session() as session:
        visibility.visible_account(session, viewer, account_id)
        contact_ids = set(session.scalars(select(ContactRow.id).where(
            ContactRow.tenant_id == viewer.tenant_id, ContactRow.account_id == account_id)))
        counts, touchpoint_ids, quotes = _erase(
            session, tenant_id=viewer.tenant_id, contact_ids=contact_ids, account_id=account_id,
            subject_kind="account", key_id=viewer.key_id)
    return {**counts, "cached_answers": _forget(llm_cache, viewer.tenant_id, touchpoint_ids,
                                                quotes)}
