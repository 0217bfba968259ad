"""Data access for the retrieval index's rows (chunks, embedding cache). Keyword-only, per tenant.

Embeddings are stored as float32 bytes; `vector_index` turns them into numpy arrays.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Text, cast, delete, func, select
from sqlalchemy.orm import Session

from assistant.storage import convert
from assistant.storage.index_rows import ChunkRow, EmbeddingCacheRow
from assistant.storage.rows import TouchpointRow


@dataclass(frozen=True)
class ChunkFilters:
    """Which chunks a search may return; None means no restriction. Times are inclusive."""

    account_id: str | None = None
    contact_id: str | None = None
    channel: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    touchpoint_ids: tuple[str, ...] | None = None

    @property
    def is_empty(self) -> bool:
        return all(v is None for v in (self.account_id, self.contact_id, self.channel,
                                       self.since, self.until, self.touchpoint_ids))

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.account_id is not None:
            found.append(ChunkRow.account_id == self.account_id)
        if self.contact_id is not None:  # ids are quoted inside the JSON list
            found.append(cast(ChunkRow.contact_ids, Text).like(f'%"{self.contact_id}"%'))
        if self.channel is not None:
            found.append(ChunkRow.channel == self.channel)
        if self.since is not None:
            found.append(ChunkRow.occurred_at >= _utc(self.since))
        if self.until is not None:
            found.append(ChunkRow.occurred_at <= _utc(self.until))
        if self.touchpoint_ids is not None:
            found.append(ChunkRow.touchpoint_id.in_(self.touchpoint_ids))
        return found


def _utc(moment: datetime) -> datetime:
    return convert.to_utc(moment if moment.tzinfo else moment.replace(tzinfo=UTC))[0]


def chunk_signature(session: Session, *, tenant_id: str, touchpoint_id: str
                    ) -> list[tuple[int, int, str, str, str | None, list[str]]]:
    """(start, end, content hash, model, account, contacts) of the stored chunks, in order."""
    query = (select(ChunkRow.start, ChunkRow.end, ChunkRow.content_hash, ChunkRow.model,
                    ChunkRow.account_id, ChunkRow.contact_ids)
             .where(ChunkRow.tenant_id == tenant_id, ChunkRow.touchpoint_id == touchpoint_id)
             .order_by(ChunkRow.ordinal))
    return [(a, b, h, m, acc, list(c or [])) for a, b, h, m, acc, c in session.execute(query)]


def replace_chunks(session: Session, *, tenant_id: str, touchpoint_id: str,
                   rows: Sequence[ChunkRow]) -> list[int]:
    """Delete the touchpoint's chunks and insert `rows`; returns the deleted ids."""
    deleted = delete_chunks(session, tenant_id=tenant_id, touchpoint_ids=[touchpoint_id])
    session.add_all(rows)
    session.flush()
    return deleted


def delete_chunks(session: Session, *, tenant_id: str, touchpoint_ids: Sequence[str] | None = None,
                  account_id: str | None = None, contact_id: str | None = None) -> list[int]:
    """Delete chunks of the given touchpoints, account or contact; returns their ids."""
    conditions: list[ColumnElement[bool]] = [ChunkRow.tenant_id == tenant_id]
    if touchpoint_ids is not None:
        conditions.append(ChunkRow.touchpoint_id.in_(list(touchpoint_ids)))
    if account_id is not None:
        conditions.append(ChunkRow.account_id == account_id)
    if contact_id is not None:
        conditions += ChunkFilters(contact_id=contact_id).conditions()
    if len(conditions) == 1:
        raise ValueError("delete_chunks needs touchpoint_ids, account_id or contact_id")
    query = select(ChunkRow.id, ChunkRow.contact_ids).where(*conditions)
    ids = [i for i, contacts in session.execute(query)
           if contact_id is None or contact_id in (contacts or [])]
    for start in range(0, len(ids), 500):
        session.execute(delete(ChunkRow).where(ChunkRow.id.in_(ids[start:start + 500])))
    return ids


def cached_embeddings(session: Session, *, tenant_id: str, model: str,
                      hashes: Sequence[str]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    unique = list(dict.fromkeys(hashes))
    for start in range(0, len(unique), 500):
        query = select(EmbeddingCacheRow.content_hash, EmbeddingCacheRow.embedding).where(
            EmbeddingCacheRow.tenant_id == tenant_id, EmbeddingCacheRow.model == model,
            EmbeddingCacheRow.content_hash.in_(unique[start:start + 500]))
        found.update({h: e for h, e in session.execute(query)})
    return found


def cache_embeddings(session: Session, *, tenant_id: str, model: str,
                     embeddings: dict[str, bytes]) -> None:
    """Remember new embeddings; a hash stored meanwhile by another worker is left as it is."""
    known = cached_embeddings(session, tenant_id=tenant_id, model=model, hashes=list(embeddings))
    now = datetime.now(UTC)
    for content_hash, embedding in embeddings.items():
        if content_hash not in known:
            session.merge(EmbeddingCacheRow(tenant_id=tenant_id, model=model,
                                            content_hash=content_hash, embedding=embedding,
                                            created_at=now))


def chunk_stats(session: Session, *, tenant_id: str, model: str) -> tuple[int, int]:
    """(count, highest id) of the tenant's chunks for a model."""
    query = select(func.count(), func.coalesce(func.max(ChunkRow.id), 0)).where(
        ChunkRow.tenant_id == tenant_id, ChunkRow.model == model)
    count, highest = session.execute(query).one()
    return int(count), int(highest)


def iter_embeddings(session: Session, *, tenant_id: str, model: str, after_id: int = 0,
                    batch: int = 5000, ids: Sequence[int] | None = None
                    ) -> Iterator[list[tuple[int, bytes]]]:
    """(id, embedding) in id order after `after_id` (or only `ids`), a batch at a time."""
    if ids is not None:
        wanted = sorted(ids)
        for start in range(0, len(wanted), batch):
            query = select(ChunkRow.id, ChunkRow.embedding).where(
                ChunkRow.tenant_id == tenant_id, ChunkRow.model == model,
                ChunkRow.id.in_(wanted[start:start + batch]))
            yield [(int(i), e) for i, e in session.execute(query)]
        return
    last = after_id
    while True:
        query = (select(ChunkRow.id, ChunkRow.embedding)
                 .where(ChunkRow.tenant_id == tenant_id, ChunkRow.model == model,
                        ChunkRow.id > last)
                 .order_by(ChunkRow.id).limit(batch))
        rows = [(int(i), e) for i, e in session.execute(query)]
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def chunk_ids(session: Session, *, tenant_id: str, model: str,
              filters: ChunkFilters | None = None) -> list[int]:
    query = select(ChunkRow.id, ChunkRow.contact_ids).where(
        ChunkRow.tenant_id == tenant_id, ChunkRow.model == model,
        *(filters.conditions() if filters else []))
    contact = filters.contact_id if filters else None
    return [int(i) for i, contacts in session.execute(query)
            if contact is None or contact in (contacts or [])]


def get_chunks(session: Session, *, tenant_id: str, ids: Sequence[int]) -> dict[int, ChunkRow]:
    """The tenant's chunks among `ids` (others' ids, and deleted ones, are simply absent)."""
    found: dict[int, ChunkRow] = {}
    wanted = list(ids)
    for start in range(0, len(wanted), 500):
        query = select(ChunkRow).where(ChunkRow.tenant_id == tenant_id,
                                       ChunkRow.id.in_(wanted[start:start + 500]))
        found.update({row.id: row for row in session.scalars(query)})
    return found


def touchpoints_to_index(session: Session, *, tenant_id: str, model: str) -> list[str]:
    """Touchpoints with no chunk for `model` yet (including ones with an empty text)."""
    indexed = select(ChunkRow.touchpoint_id).where(ChunkRow.tenant_id == tenant_id,
                                                    ChunkRow.model == model).distinct()
    query = (select(TouchpointRow.id).where(TouchpointRow.tenant_id == tenant_id,
                                            TouchpointRow.id.not_in(indexed),
                                            func.length(func.trim(TouchpointRow.text)) > 0)
             .order_by(TouchpointRow.occurred_at))
    return list(session.scalars(query))
