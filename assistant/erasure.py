"""Erasure of a contact or an account: rows, raw sources, lookup keys, cached model answers.

Erasing a contact removes the contact (and contacts merged into it), its lookup keys, its events,
and every touchpoint it took part in with their extraction runs. Erasing an account does that
for each of its contacts, plus its own touchpoints, events, domains and the account row. A
source (its row, its raw bytes, the failures recorded against them) goes once no remaining
touchpoint of the tenant came from it. Cached LLM answers quoting an erased touchpoint go too. The audit record
written in the same transaction counts what went and names who asked; it holds no personal data
(no ids, names or addresses of the erased subject).

The retrieval index goes too: the erased touchpoints' chunks (text and embedding) with their
rows, the embedding-cache entries no remaining chunk of the tenant shares, and, after the commit,
their vectors from every FAISS file of the tenant (`faiss_store.remove_everywhere`). Another
process's copy in memory drops them when it next catches up with the database, which it does
before every search, so nothing erased is ever returned.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Text, cast, delete, select
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from vector_index.faiss_store import StoreOptions

from assistant.storage import visibility
from assistant.storage.api_rows import ErasureAuditRow
from assistant.storage.db import Database
from assistant.storage.index_rows import ChunkRow, EmbeddingCacheRow
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


def _erase_chunks(session: Session, tenant_id: str, touchpoint_ids: list[str]) -> list[int]:
    """The touchpoints' chunks and the cached embeddings only they used; the chunk ids."""
    chunk_ids: list[int] = []
    hashes: set[tuple[str, str]] = set()
    for start in range(0, len(touchpoint_ids), 500):
        batch = touchpoint_ids[start:start + 500]
        found = session.execute(select(ChunkRow.id, ChunkRow.model, ChunkRow.content_hash).where(
            ChunkRow.tenant_id == tenant_id, ChunkRow.touchpoint_id.in_(batch))).all()
        chunk_ids += [chunk_id for chunk_id, _, _ in found]
        hashes |= {(model, content_hash) for _, model, content_hash in found}
        session.execute(delete(ChunkRow).where(ChunkRow.tenant_id == tenant_id,
                                               ChunkRow.touchpoint_id.in_(batch)))
    for model, content_hash in sorted(hashes):
        shared = session.scalar(select(ChunkRow.id).where(
            ChunkRow.tenant_id == tenant_id, ChunkRow.model == model,
            ChunkRow.content_hash == content_hash).limit(1))
        if shared is None:
            session.execute(delete(EmbeddingCacheRow).where(
                EmbeddingCacheRow.tenant_id == tenant_id, EmbeddingCacheRow.model == model,
                EmbeddingCacheRow.content_hash == content_hash))
    return chunk_ids


def _erase(session: Session, *, tenant_id: str, contact_ids: set[str], account_id: str | None,
           subject_kind: str, key_id: str | None
           ) -> tuple[dict[str, int], list[int], set[str]]:
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
    chunk_ids = _erase_chunks(session, tenant_id, touchpoint_ids)
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
              "sources": erased_sources, "chunks": len(chunk_ids)}
    session.add(ErasureAuditRow(tenant_id=tenant_id, subject_kind=subject_kind, key_id=key_id,
                                erased=counts, created_at=datetime.now(UTC)))
    return counts, chunk_ids, quotes


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


def _forget(cache_path: Path, quotes: set[str]) -> int:
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
    return dropped


def _forget_everywhere(tenant_id: str, chunk_ids: list[int], quotes: set[str], *,
                       llm_cache: Path, index: StoreOptions | None) -> dict[str, int]:
    """After the commit: cached model answers quoting the subject, and their vectors."""
    vectors = 0
    if index is not None:
        from vector_index.faiss_store import remove_everywhere

        vectors = remove_everywhere(index, tenant_id=tenant_id, ids=chunk_ids)
    return {"cached_answers": _forget(llm_cache, quotes), "vectors": vectors}


def erase_contact(db: Database, viewer: visibility.Viewer, contact_id: str, *,
                  llm_cache: Path, index: StoreOptions | None = None) -> dict[str, int]:
    """Erase one contact and everything about them; NotFoundError outside the viewer's scope.
    `index`: where the tenant's FAISS files are (None: no index to clean)."""
    with db.session() as session:
        visibility.visible_contact(session, viewer, contact_id)
        counts, chunk_ids, quotes = _erase(
            session, tenant_id=viewer.tenant_id, contact_ids={contact_id}, account_id=None,
            subject_kind="contact", key_id=viewer.key_id)
    return {**counts, **_forget_everywhere(viewer.tenant_id, chunk_ids, quotes,
                                           llm_cache=llm_cache, index=index)}


def erase_account(db: Database, viewer: visibility.Viewer, account_id: str, *,
                  llm_cache: Path, index: StoreOptions | None = None) -> dict[str, int]:
    """Erase an account, its contacts and everything about them."""
    with db.session() as session:
        visibility.visible_account(session, viewer, account_id)
        contact_ids = set(session.scalars(select(ContactRow.id).where(
            ContactRow.tenant_id == viewer.tenant_id, ContactRow.account_id == account_id)))
        counts, chunk_ids, quotes = _erase(
            session, tenant_id=viewer.tenant_id, contact_ids=contact_ids, account_id=account_id,
            subject_kind="account", key_id=viewer.key_id)
    return {**counts, **_forget_everywhere(viewer.tenant_id, chunk_ids, quotes,
                                           llm_cache=llm_cache, index=index)}
