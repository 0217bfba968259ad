"""Database rows (SQLAlchemy 2). Every table carries tenant_id and every query filters by it.

Rows are not domain models: `convert.py` maps between the two. Timestamps are stored in UTC with
the original UTC offset beside them, so a touchpoint read back keeps its local time (due dates
are normalized against the customer's local day).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class AccountRow(Base):
    __tablename__ = "accounts"
    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    domains: Mapped[list[Any]] = mapped_column(JSON, default=list)
    timezone: Mapped[str | None] = mapped_column(String(64))
    stage: Mapped[str | None] = mapped_column(String(64))
    deal_value: Mapped[float | None] = mapped_column(Float)
    owner: Mapped[str | None] = mapped_column(String(200))
    crm_id: Mapped[str | None] = mapped_column(String(200))


class ContactRow(Base):
    __tablename__ = "contacts"
    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str | None] = mapped_column(String(64), index=True)
    name: Mapped[str | None] = mapped_column(String(300))
    emails: Mapped[list[Any]] = mapped_column(JSON, default=list)
    phones: Mapped[list[Any]] = mapped_column(JSON, default=list)
    handles: Mapped[list[Any]] = mapped_column(JSON, default=list)
    timezone: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(String(200))
    crm_id: Mapped[str | None] = mapped_column(String(200))
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into: Mapped[str | None] = mapped_column(String(64))


class TouchpointRow(Base):
    __tablename__ = "touchpoints"
    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str | None] = mapped_column(String(64))
    contact_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    channel: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    utc_offset_min: Mapped[int] = mapped_column(Integer, default=0)
    language: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(Text)
    thread_id: Mapped[str | None] = mapped_column(String(500))
    ticket_id: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[dict[str, Any]] = mapped_column(JSON)
    segments: Mapped[list[Any]] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text)
    participants: Mapped[list[Any]] = mapped_column(JSON, default=list)
    attachments: Mapped[list[Any]] = mapped_column(JSON, default=list)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    occurred_at_source: Mapped[str] = mapped_column(String(16), default="explicit")
    source_id: Mapped[str | None] = mapped_column(String(64))
    # a process working on the touchpoint's extraction (see storage/claims.py)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_touchpoints_tenant_account", "tenant_id", "account_id"),
        Index("ix_touchpoints_tenant_source", "tenant_id", "source_id"),
        Index("ix_touchpoints_tenant_occurred", "tenant_id", "occurred_at"),
        Index("ix_touchpoints_tenant_status", "tenant_id", "status"),
        Index("ix_touchpoints_tenant_ticket", "tenant_id", "ticket_id"),
    )


class InsightRunRow(Base):
    """One extraction run; runs are appended, never replaced, so they can be compared."""

    __tablename__ = "insight_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(String(64))
    touchpoint_id: Mapped[str] = mapped_column(String(64))
    extractor: Mapped[str] = mapped_column(String(64))
    extractor_version: Mapped[str] = mapped_column(String(64))
    prompt_hash: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_insight_runs_tenant_tp", "tenant_id", "touchpoint_id"),
        # erasing a touchpoint erases what was concluded from it
        ForeignKeyConstraint(["tenant_id", "touchpoint_id"],
                             ["touchpoints.tenant_id", "touchpoints.id"],
                             name="fk_insight_runs_touchpoint", ondelete="CASCADE"),
    )


class IngestFailureRow(Base):
    __tablename__ = "ingest_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(String(64), index=True)
    source_uri: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    stage: Mapped[str | None] = mapped_column(String(16))


class EventRow(Base):
    __tablename__ = "events"
    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str | None] = mapped_column(String(64))
    contact_id: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    utc_offset_min: Mapped[int] = mapped_column(Integer, default=0)
    properties: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ContactKeyRow(Base):
    """One identifier of a contact (email, phone, handle, bare handle id, CRM id), indexed.

    Resolution looks a participant up by these instead of loading every contact; the contact's
    own JSON lists stay the source of truth and this table is rewritten from them on each upsert.
    """

    __tablename__ = "contact_keys"
    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(String(320), primary_key=True)
    contact_id: Mapped[str] = mapped_column(String(64), primary_key=True)

    __table_args__ = (Index("ix_contact_keys_tenant_contact", "tenant_id", "contact_id"),)


class AccountDomainRow(Base):
    """One email domain of an account, indexed: resolution looks a sender's domain up here
    instead of scanning every account. Rewritten from `AccountRow.domains` on each upsert."""

    __tablename__ = "account_domains"
    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    domain: Mapped[str] = mapped_column(String(253), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(64), primary_key=True)


class SourceRow(Base):
    """One received source (a file, an upload, an archive): the unit of ingest.

    `receive` creates it with the raw bytes (content-addressed in `blobs`); the stages after it
    read it by id and record how far it got (`stage`) and why it stopped (`error`), so a crash at
    any point is finished by the next run. `claimed_by` marks the process working on it.
    """

    __tablename__ = "sources"
    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    uri: Mapped[str] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    stage: Mapped[str] = mapped_column(String(16))  # received | parsed | done | failed
    error: Mapped[str | None] = mapped_column(Text)
    error_stage: Mapped[str | None] = mapped_column(String(16))
    touchpoint_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_sources_tenant_stage", "tenant_id", "stage"),)


class BlobRow(Base):
    """Raw source bytes by sha256, per tenant: what every later stage is rebuilt from, in the
    database so that workers on other machines read the same bytes."""

    __tablename__ = "blobs"
    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


# Row modules beyond this one register their tables on the shared metadata when imported; the
# API's tables are always wanted with these (erasure and the test teardown walk every table).
from assistant.storage import api_rows as api_rows  # noqa: E402
