"""Hybrid search: dense (FAISS) and lexical (FTS5 / Postgres) halves fused by reciprocal rank.

Reciprocal rank fusion (Cormack et al. 2009) scores a chunk by sum(1 / (60 + rank)) over the
halves that found it, so it needs no score calibration between BM25 and cosine. The lexical half
finds exact names, product codes, ticket numbers and Chinese terms the embedding blurs; the
dense half finds paraphrases and the other language. Every hit is read back from the tenant's
own rows, so a stale cache can never show another tenant's or a deleted chunk.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from sqlalchemy import select

from assistant.storage import chunks as chunk_store
from assistant.storage import convert
from assistant.storage.chunks import ChunkFilters
from assistant.storage.db import Database
from assistant.storage.rows import TouchpointRow
from vector_index.embedders import get_embedder
from vector_index.indexing import RetrievalOptions, open_tenant_index
from vector_index.lexical import query_terms, search_lexical

SearchMode = Literal["hybrid", "dense", "lexical"]
RRF_K = 60
HYBRID_MIN_COVERAGE = 0.5  # the lexical half votes only for chunks with half the query's terms


@dataclass(frozen=True)
class SearchHit:
    """A chunk that matched; `start`/`end` are offsets into the touchpoint's text and
    `highlights` are (start, end) offsets of query terms inside `text`."""

    chunk_id: int
    touchpoint_id: str
    account_id: str | None
    channel: str
    occurred_at: datetime
    subject: str | None
    speaker: str | None
    role: str | None
    start: int
    end: int
    audio_start_s: float | None
    text: str
    score: float
    dense_rank: int | None
    lexical_rank: int | None
    highlights: list[tuple[int, int]] = field(default_factory=list)

    @property
    def citation(self) -> str:
        return f"{self.touchpoint_id}:{self.start}-{self.end}"


@dataclass
class SearchResults:
    query: str
    mode: SearchMode
    hits: list[SearchHit]
    notices: list[str] = field(default_factory=list)


def fuse(rankings: list[list[int]], k: int = RRF_K) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of id rankings (best first) into (id, score), best first."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, chunk_id in enumerate(ranking, start=1):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def highlight_spans(value: str, query: str) -> list[tuple[int, int]]:
    """Where the query's terms occur in `value` (case- and width-insensitive), merged."""
    folded = unicodedata.normalize("NFKC", value).lower()
    if len(folded) != len(value):
        folded = value.lower()
    spans: list[tuple[int, int]] = []
    for term in query_terms(query):
        if len(term) < 2 and not re.match(r"[\u3400-\u9fff]", term):
            continue
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(term), folded)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def search(db: Database, *, tenant_id: str, query: str, options: RetrievalOptions,
           filters: ChunkFilters | None = None, limit: int = 10, mode: SearchMode = "hybrid",
           candidates: int = 50) -> SearchResults:
    """The tenant's best chunks for `query` under `filters`, at most `limit`."""
    filters = filters or ChunkFilters()
    embedder = get_embedder(options.embedder)
    model = embedder.model_id
    pool = max(candidates, limit * 5)
    rankings: list[list[int]] = []
    dense: list[int] = []
    lexical: list[int] = []
    notices: list[str] = []
    if mode in ("hybrid", "dense"):
        index = open_tenant_index(db, tenant_id=tenant_id, options=options)
        notices += index.notices
        index.notices.clear()
        allowed = None
        if not filters.is_empty:
            with db.session() as session:
                allowed = chunk_store.chunk_ids(session, tenant_id=tenant_id, model=model,
                                                filters=filters)
        vector = embedder.embed([query])[0]
        dense = [i for i, _ in index.search(vector, pool, allowed)]
        rankings.append(dense)
    with db.session() as session:
        if mode in ("hybrid", "lexical"):
            lexical = [i for i, _ in search_lexical(session, tenant_id=tenant_id, model=model,
                                                    query=query, limit=pool,
                                                    conditions=filters.conditions(),
                                                    min_coverage=HYBRID_MIN_COVERAGE
                                                    if mode == "hybrid" else 0.0)]
            rankings.append(lexical)
        fused = fuse(rankings)
        rows = chunk_store.get_chunks(session, tenant_id=tenant_id,
                                      ids=[i for i, _ in fused[:limit * 3]])
        touchpoint_ids = {row.touchpoint_id for row in rows.values()}
        facts = {tid: (subject, offset) for tid, subject, offset in session.execute(
            select(TouchpointRow.id, TouchpointRow.subject, TouchpointRow.utc_offset_min).where(
                TouchpointRow.tenant_id == tenant_id, TouchpointRow.id.in_(touchpoint_ids)))}
    dense_rank = {i: r for r, i in enumerate(dense, start=1)}
    lexical_rank = {i: r for r, i in enumerate(lexical, start=1)}
    hits: list[SearchHit] = []
    for chunk_id, score in fused:
        row = rows.get(chunk_id)
        if row is None or (filters.contact_id and filters.contact_id not in row.contact_ids):
            continue  # deleted since the cache was built, or a coarse contact prefilter match
        subject, offset = facts.get(row.touchpoint_id, (None, 0))
        hits.append(SearchHit(
            chunk_id=chunk_id, touchpoint_id=row.touchpoint_id, account_id=row.account_id,
            channel=row.channel, occurred_at=convert.from_utc(row.occurred_at, offset),
            subject=subject, speaker=row.speaker, role=row.role, start=row.start, end=row.end,
            audio_start_s=row.audio_start_s, text=row.text, score=score,
            dense_rank=dense_rank.get(chunk_id), lexical_rank=lexical_rank.get(chunk_id),
            highlights=highlight_spans(row.text, query)))
        if len(hits) == limit:
            break
    return SearchResults(query=query, mode=mode, hits=hits, notices=notices)
