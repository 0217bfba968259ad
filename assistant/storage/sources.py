"""Data access for received sources and their raw bytes. Keyword-only, tenant always required.

A source row is the unit of ingest: created once per (tenant, content hash) with its bytes, then
moved through its stages by id. Inserts are insert-or-nothing, so two processes receiving the
same bytes store one source and each learns whether it was the one that created it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assistant.errors import NotFoundError
from assistant.storage.inserts import insert_ignore, row_values
from assistant.storage.rows import BlobRow, SourceRow, TouchpointRow

UNFINISHED = ("received", "parsed")


def _now() -> datetime:
    return datetime.now(UTC)


def save_blob(session: Session, *, tenant_id: str, sha256: str, content: bytes) -> None:
    """Keep `content` under its hash once; storing the same bytes again changes nothing."""
    insert_ignore(session, BlobRow, {"tenant_id": tenant_id, "sha256": sha256,
                                     "content": content})


def load_blob(session: Session, *, tenant_id: str, sha256: str) -> bytes:
    row = session.get(BlobRow, (tenant_id, sha256))
    if row is None:
        raise NotFoundError(f"the raw bytes {sha256[:12]}… of a source are missing in tenant "
                            f"{tenant_id!r}; ingest the file again")
    return row.content


def insert_source(session: Session, row: SourceRow) -> bool:
    """Insert unless a source with this id exists; True when this call created it."""
    now = _now()
    row.created_at = row.updated_at = now
    if row.claimed_by is not None:
        row.claimed_at = now
    return insert_ignore(session, SourceRow, row_values(row))


def get_source(session: Session, *, tenant_id: str, source_id: str) -> SourceRow:
    row = session.get(SourceRow, (tenant_id, source_id))
    if row is None:
        raise NotFoundError(f"no source {source_id!r} in tenant {tenant_id!r}")
    return row


def finish_stage(session: Session, row: SourceRow, *, stage: str, error: str | None = None,
                 error_stage: str | None = None, touchpoint_ids: list[str] | None = None,
                 keep_claim: bool = False) -> None:
    """Record that the source reached `stage` (or failed in `error_stage`), in the caller's
    transaction; the claim is released unless the caller goes on to the next stage."""
    row.stage, row.error, row.error_stage = stage, error, error_stage
    if touchpoint_ids is not None:
        row.touchpoint_ids = touchpoint_ids
    if not keep_claim:
        row.claimed_by, row.claimed_at = None, None
    row.updated_at = _now()


def set_stage(session: Session, *, tenant_id: str, source_id: str, stage: str,
              touchpoint_ids: list[str]) -> None:
    """Record a stage reached by the claim holder, keeping its claim (one UPDATE, no read)."""
    session.execute(update(SourceRow).where(SourceRow.tenant_id == tenant_id,
                                            SourceRow.id == source_id)
                    .values(stage=stage, touchpoint_ids=touchpoint_ids, error=None,
                            error_stage=None, updated_at=_now())
                    .execution_options(synchronize_session=False))


def finish(session: Session, *, tenant_id: str, source_id: str, is_complete: bool,
           release: bool) -> None:
    """A parsed source becomes `done` when complete; `release` drops the claim (one UPDATE)."""
    values: dict[str, Any] = {"updated_at": _now()}
    statement = update(SourceRow).where(SourceRow.tenant_id == tenant_id,
                                        SourceRow.id == source_id)
    if release:
        values.update(claimed_by=None, claimed_at=None)
    if is_complete:
        values["stage"] = "done"
        statement = statement.where(SourceRow.stage.in_(("parsed", "done")))
    session.execute(statement.values(**values).execution_options(synchronize_session=False))


def fail(session: Session, *, tenant_id: str, source_id: str, error: str, stage: str) -> None:
    """The source stopped in `stage` with `error`: a failed parse ends it; the claim is let go."""
    values: dict[str, Any] = {"error": error, "error_stage": stage, "claimed_by": None,
                              "claimed_at": None, "updated_at": _now()}
    if stage == "parse":
        values["stage"] = "failed"
    session.execute(update(SourceRow).where(SourceRow.tenant_id == tenant_id,
                                            SourceRow.id == source_id).values(**values)
                    .execution_options(synchronize_session=False))


def unfinished_source_ids(session: Session, *, tenant_id: str, limit: int = 1000) -> list[str]:
    """Sources that stopped before their last stage (a crash, a provider that was down)."""
    query = (select(SourceRow.id).where(SourceRow.tenant_id == tenant_id,
                                        SourceRow.stage.in_(UNFINISHED))
             .order_by(SourceRow.created_at).limit(limit))
    return list(session.scalars(query))


def touchpoint_rows_of(session: Session, *, tenant_id: str, source_id: str
                       ) -> list[TouchpointRow]:
    query = select(TouchpointRow).where(TouchpointRow.tenant_id == tenant_id,
                                        TouchpointRow.source_id == source_id)
    return list(session.scalars(query))


def failed_sources(session: Session, *, tenant_id: str, limit: int = 100) -> list[dict[str, Any]]:
    """Sources that stopped in a stage with an error, newest first."""
    query = (select(SourceRow).where(SourceRow.tenant_id == tenant_id,
                                     SourceRow.error.is_not(None))
             .order_by(SourceRow.updated_at.desc()).limit(limit))
    return [{"source_id": r.id, "uri": r.uri, "stage": r.error_stage or r.stage,
             "error": r.error, "at": r.updated_at} for r in session.scalars(query)]

