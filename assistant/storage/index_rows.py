"""Rows of the retrieval index: chunks with their embeddings, and the embedding cache.

The database is the source of truth for the index: every chunk keeps its text offsets, its
filterable fields (account, contacts, channel, time), its lexical terms and its embedding, so the
FAISS files on disk can be rebuilt from here at any time. Chunk ids are the FAISS ids; they only
ever grow (SQLite AUTOINCREMENT, a Postgres identity), which lets a process catch up by a
high-water mark. Deleting a touchpoint deletes its chunks through the foreign key.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from assistant.storage.rows import Base


class ChunkRow(Base):
    """One retrievable stretch of a touchpoint's text, with its embedding (float32 bytes)."""

    __tablename__ = "chunks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(String(64))
    touchpoint_id: Mapped[str] = mapped_column(String(64))
    ordinal: Mapped[int] = mapped_column(Integer)
    account_id: Mapped[str | None] = mapped_column(String(64))
    contact_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    channel: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    speaker: Mapped[str | None] = mapped_column(String(300))
    role: Mapped[str | None] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    audio_start_s: Mapped[float | None] = mapped_column(Float)
    audio_end_s: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    terms: Mapped[str] = mapped_column(Text)  # space-separated lexical terms (see lexical.py)
    content_hash: Mapped[str] = mapped_column(String(64))
    model: Mapped[str] = mapped_column(String(200))
    embedding: Mapped[bytes] = mapped_column(LargeBinary)

    __table_args__ = (
        Index("ix_chunks_tenant_touchpoint", "tenant_id", "touchpoint_id"),
        Index("ix_chunks_tenant_account", "tenant_id", "account_id"),
        Index("ix_chunks_tenant_model_id", "tenant_id", "model", "id"),
        ForeignKeyConstraint(["tenant_id", "touchpoint_id"],
                             ["touchpoints.tenant_id", "touchpoints.id"],
                             name="fk_chunks_touchpoint", ondelete="CASCADE"),
        {"sqlite_autoincrement": True},
    )


class EmbeddingCacheRow(Base):
    """An embedding by (tenant, model, content hash): unchanged text is never embedded twice.

    Per tenant, so whether one tenant has embedded a text says nothing about another's.
    """

    __tablename__ = "embedding_cache"
    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    model: Mapped[str] = mapped_column(String(200), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    embedding: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
