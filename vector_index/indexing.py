"""The index stage: chunk a stored touchpoint, embed what is new, store chunks and vectors.

`index_touchpoint(db, tenant_id=..., touchpoint_id=...)` is a plain function of ids, so the
pipeline, the CLI and a Celery task run the same code. It is idempotent: a touchpoint whose
chunks are unchanged is left alone, and unchanged text is never embedded twice (the embedding
cache is keyed by tenant, model and content hash). The database write is one transaction; the
FAISS files are a cache that catches up on the next search (`faiss_store.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from assistant.models import Touchpoint
from assistant.storage import chunks as chunk_store
from assistant.storage import convert, repository
from assistant.storage.db import Database
from assistant.storage.index_rows import ChunkRow
from vector_index.chunking import ChunkDraft, ChunkOptions, chunk_touchpoint
from vector_index.embedders import EmbedderOptions, embed_batched, get_embedder
from vector_index.faiss_store import StoreOptions, TenantIndex, tenant_index
from vector_index.lexical import terms_string


@dataclass(frozen=True)
class RetrievalOptions:
    """Everything the index and search need, built from Settings by `assistant.bootstrap`."""

    store: StoreOptions
    embedder: EmbedderOptions = field(default_factory=EmbedderOptions)
    chunking: ChunkOptions = field(default_factory=ChunkOptions)


@dataclass
class IndexOutcome:
    touchpoint_id: str
    chunks: int = 0
    embedded: int = 0  # texts sent to the embedder
    cached: int = 0  # embeddings found in the cache
    unchanged: bool = False


def open_tenant_index(db: Database, *, tenant_id: str, options: RetrievalOptions) -> TenantIndex:
    """This process's FAISS cache for the tenant and the configured model, caught up."""
    index = _tenant_index(tenant_id, options)
    with db.session() as session:
        index.catch_up(session)
    return index


def _tenant_index(tenant_id: str, options: RetrievalOptions) -> TenantIndex:
    embedder = get_embedder(options.embedder)
    if not embedder.dim:  # an endpoint whose dimension was not configured: ask it once
        embedder.embed(["dimension probe"])
    return tenant_index(options.store, tenant_id=tenant_id, model=embedder.model_id,
                        dim=embedder.dim)


def _rows(touchpoint: Touchpoint, drafts: list[ChunkDraft], model: str,
          vectors: dict[str, bytes]) -> list[ChunkRow]:
    occurred, _ = convert.to_utc(touchpoint.occurred_at)
    return [ChunkRow(
        tenant_id=touchpoint.tenant_id, touchpoint_id=touchpoint.id, ordinal=d.ordinal,
        account_id=touchpoint.account_id, contact_ids=list(touchpoint.contact_ids),
        channel=touchpoint.channel, occurred_at=occurred, speaker=d.speaker, role=d.role,
        start=d.start, end=d.end, audio_start_s=d.audio_start_s, audio_end_s=d.audio_end_s,
        text=d.text, terms=terms_string(d.embedding_text(touchpoint.subject)),
        content_hash=d.content_hash(touchpoint.subject), model=model,
        embedding=vectors[d.content_hash(touchpoint.subject)]) for d in drafts]


def index_touchpoint(db: Database, *, tenant_id: str, touchpoint_id: str,
                     options: RetrievalOptions) -> IndexOutcome:
    """Chunk, embed (new text only) and store one touchpoint's chunks; NotFoundError if absent."""
    embedder = get_embedder(options.embedder)
    model = embedder.model_id
    with db.session() as session:
        touchpoint = repository.get_touchpoint(session, tenant_id=tenant_id,
                                               touchpoint_id=touchpoint_id)
        stored = chunk_store.chunk_signature(session, tenant_id=tenant_id,
                                             touchpoint_id=touchpoint_id)
    drafts = chunk_touchpoint(touchpoint, options.chunking)
    hashes = [d.content_hash(touchpoint.subject) for d in drafts]
    outcome = IndexOutcome(touchpoint_id=touchpoint_id, chunks=len(drafts))
    wanted = [(d.start, d.end, h, model, touchpoint.account_id, list(touchpoint.contact_ids))
              for d, h in zip(drafts, hashes, strict=True)]
    if stored == wanted:
        outcome.unchanged = True
        return outcome
    with db.session() as session:
        vectors = chunk_store.cached_embeddings(session, tenant_id=tenant_id, model=model,
                                                hashes=hashes)
    outcome.cached = sum(1 for h in set(hashes) if h in vectors)
    missing = {h: d for d, h in zip(drafts, hashes, strict=True) if h not in vectors}
    fresh: dict[str, bytes] = {}
    if missing:
        texts = [d.embedding_text(touchpoint.subject) for d in missing.values()]
        embedded = embed_batched(embedder, texts, options.embedder.batch_size)
        fresh = {h: np.ascontiguousarray(v, dtype=np.float32).tobytes()
                 for h, v in zip(missing, embedded, strict=True)}
        outcome.embedded = len(texts)
    with db.session() as session:
        chunk_store.cache_embeddings(session, tenant_id=tenant_id, model=model, embeddings=fresh)
        chunk_store.replace_chunks(session, tenant_id=tenant_id, touchpoint_id=touchpoint_id,
                                   rows=_rows(touchpoint, drafts, model, vectors | fresh))
    return outcome


def index_pending(db: Database, *, tenant_id: str, options: RetrievalOptions
                  ) -> list[IndexOutcome]:
    """Index every touchpoint of the tenant that has no chunks for the configured model yet."""
    model = get_embedder(options.embedder).model_id
    with db.session() as session:
        pending = chunk_store.touchpoints_to_index(session, tenant_id=tenant_id, model=model)
    return [index_touchpoint(db, tenant_id=tenant_id, touchpoint_id=t, options=options)
            for t in pending]


@dataclass
class ReindexOutcome:
    touchpoints: int
    chunks: int
    embedded: int
    vectors: int
    exact: bool
    notices: list[str]


def reindex(db: Database, *, tenant_id: str, options: RetrievalOptions) -> ReindexOutcome:
    """Re-chunk every touchpoint (embedding only new text), then rebuild the FAISS file."""
    with db.session() as session:
        ids = [tp.id for tp in repository.list_touchpoints(session, tenant_id=tenant_id,
                                                             limit=10_000_000)]
    outcomes = [index_touchpoint(db, tenant_id=tenant_id, touchpoint_id=t, options=options)
                for t in ids]
    index = _tenant_index(tenant_id, options)
    with db.session() as session:
        index.rebuild(session)
    return ReindexOutcome(touchpoints=len(ids), chunks=sum(o.chunks for o in outcomes),
                          embedded=sum(o.embedded for o in outcomes), vectors=index.size,
                          exact=index.is_exact, notices=list(index.notices))


def remove_from_index(db: Database, *, tenant_id: str, options: RetrievalOptions,
                      touchpoint_ids: list[str] | None = None, account_id: str | None = None,
                      contact_id: str | None = None) -> int:
    """Delete the chunks (and vectors) of touchpoints, an account or a contact; returns how many.

    Erasing the touchpoints themselves (`repository.delete_touchpoint`) removes their chunks
    through the foreign key too; this is for removing them from search alone.
    """
    with db.session() as session:
        deleted = chunk_store.delete_chunks(session, tenant_id=tenant_id,
                                            touchpoint_ids=touchpoint_ids,
                                            account_id=account_id, contact_id=contact_id)
    _tenant_index(tenant_id, options).remove(deleted)
    return len(deleted)
