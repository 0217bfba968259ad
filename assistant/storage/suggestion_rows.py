"""Tables of the suggestions engine: the current suggestions, feedback on them, and contacts who
asked not to be contacted.

Suggestions are rewritten on every refresh (their ids are stable, so a row is replaced in place);
feedback is appended and never rewritten, so it outlives the suggestion rows it points at.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assistant.storage.rows import Base


class SuggestionRow(Base):
    __tablename__ = "suggestions"
    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(64))
    contact_id: Mapped[str | None] = mapped_column(String(64))
    owner: Mapped[str | None] = mapped_column(String(200))
    rule_id: Mapped[str] = mapped_column(String(64))
    score: Mapped[float] = mapped_column(Float)
    window_start: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    refreshed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)  # the whole Suggestion, as JSON

    __table_args__ = (
        Index("ix_suggestions_tenant_account", "tenant_id", "account_id"),
        Index("ix_suggestions_tenant_score", "tenant_id", "score"),
    )


class SuggestionFeedbackRow(Base):
    __tablename__ = "suggestion_feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(String(64))
    suggestion_id: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(200))
    snooze_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_suggestion_feedback_tenant_suggestion", "tenant_id",
                            "suggestion_id"),)


class DoNotContactRow(Base):
    __tablename__ = "do_not_contact"
    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    contact_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    is_blocked: Mapped[bool] = mapped_column(Boolean, default=True)
    reason: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
