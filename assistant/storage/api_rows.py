"""Rows for the HTTP API and background jobs: API keys, jobs, erasure audit records.

Keys are stored as the sha256 of the whole key: a key is 256 random bits, so a fast hash is as
safe as a slow one and lets every request find its key by one indexed lookup. Jobs hold only ids
and status; the dead-letter list is the jobs that failed for good. An erasure audit record says
who erased what kind of subject and how much went, never whom: it holds no personal data.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assistant.storage.rows import Base


class ApiKeyRow(Base):
    __tablename__ = "api_keys"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), index=True)
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(String(200))
    owner: Mapped[str | None] = mapped_column(String(200))  # a rep's accounts: Account.owner
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class JobRow(Base):
    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))  # "extract", "ingest", ...
    status: Mapped[str] = mapped_column(String(16))  # queued | running | succeeded | failed
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # ids and options only
    touchpoint_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    key_id: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_jobs_tenant_status", "tenant_id", "status"),
                      Index("ix_jobs_status", "status"))


class ErasureAuditRow(Base):
    __tablename__ = "erasure_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(String(64), index=True)
    subject_kind: Mapped[str] = mapped_column(String(16))  # "contact" | "account"
    key_id: Mapped[str | None] = mapped_column(String(32))  # who asked (an API key id) or None
    erased: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # counts per kind
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
