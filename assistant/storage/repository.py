"""Data-access functions. Keyword-only, tenant always required, domain models in and out."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, Text, cast, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from assistant.errors import NotFoundError
from assistant.models import Account, Contact, Event, Insights, Touchpoint, TouchpointStatus
from assistant.storage import contact_keys, convert
from assistant.storage.inserts import insert_ignore, row_values
from assistant.storage.rows import (
    AccountDomainRow,
    AccountRow,
    Base,
    ContactRow,
    EventRow,
    IngestFailureRow,
    InsightRunRow,
    TouchpointRow,
)


def _now() -> datetime:
    return datetime.now(UTC)


def _as_utc(moment: datetime) -> datetime:
    return convert.to_utc(moment if moment.tzinfo else moment.replace(tzinfo=UTC))[0]


# --- touchpoints ---------------------------------------------------------------------------


def touchpoint_exists(session: Session, *, tenant_id: str, touchpoint_id: str) -> bool:
    """An index lookup: the row itself (text, segments) is not loaded."""
    return session.scalar(select(TouchpointRow.id).where(
        TouchpointRow.tenant_id == tenant_id, TouchpointRow.id == touchpoint_id)) is not None


def _insert_once(session: Session, row: TouchpointRow | EventRow) -> bool:
    """Insert unless the key exists; a concurrent writer that got there first makes this a
    no-op."""
    return insert_ignore(session, type(row), row_values(row))


def save_touchpoint(session: Session, touchpoint: Touchpoint, *, claimed_by: str | None = None
                    ) -> bool:
    """Insert unless the id is already stored; True when created. The same id changes nothing.
    `claimed_by` stores it claimed for its next stage by that process."""
    row = convert.touchpoint_to_row(touchpoint, now=_now())
    if claimed_by is not None:
        row.claimed_by, row.claimed_at = claimed_by, row.created_at
    return _insert_once(session, row)


def touchpoint_row(session: Session, *, tenant_id: str, touchpoint_id: str) -> TouchpointRow:
    """The stored row (for stages that update it in place); NotFoundError names the fix."""
    return _touchpoint_row(session, tenant_id, touchpoint_id)


def _touchpoint_row(session: Session, tenant_id: str, touchpoint_id: str) -> TouchpointRow:
    row = session.get(TouchpointRow, (tenant_id, touchpoint_id))
    if row is None:
        raise NotFoundError(f"no touchpoint {touchpoint_id!r} in tenant {tenant_id!r}; "
                            "list them with `touchpoint touchpoints list`")
    return row


def get_touchpoint(session: Session, *, tenant_id: str, touchpoint_id: str) -> Touchpoint:
    return convert.row_to_touchpoint(_touchpoint_row(session, tenant_id, touchpoint_id))


def update_touchpoint_status(session: Session, *, tenant_id: str, touchpoint_id: str,
                             status: TouchpointStatus | str, error: str | None = None) -> None:
    row = _touchpoint_row(session, tenant_id, touchpoint_id)
    row.status, row.error, row.updated_at = status, error, _now()


def set_touchpoint_result(session: Session, *, tenant_id: str, touchpoint_id: str,
                          status: str, error: str | None) -> None:
    """A stage's outcome on the touchpoint, releasing its claim (one UPDATE, no read)."""
    session.execute(update(TouchpointRow).where(TouchpointRow.tenant_id == tenant_id,
                                                TouchpointRow.id == touchpoint_id)
                    .values(status=status, error=error, updated_at=_now(), claimed_by=None,
                            claimed_at=None).execution_options(synchronize_session=False))


def delete_touchpoint(session: Session, *, tenant_id: str, touchpoint_id: str) -> None:
    """Erase a touchpoint and, through the foreign key, every insight run concluded from it."""
    session.delete(_touchpoint_row(session, tenant_id, touchpoint_id))
    session.flush()
    session.expire_all()  # runs removed by ON DELETE CASCADE may still sit in the session


def set_touchpoint_identity(session: Session, *, tenant_id: str, touchpoint_id: str,
                            account_id: str | None, contact_ids: list[str]) -> None:
    row = _touchpoint_row(session, tenant_id, touchpoint_id)
    row.account_id, row.contact_ids, row.updated_at = account_id, contact_ids, _now()


def list_touchpoints(session: Session, *, tenant_id: str, account_id: str | None = None,
                     channel: str | None = None, status: str | None = None,
                     since: datetime | None = None, limit: int = 100, offset: int = 0
                     ) -> list[Touchpoint]:
    """Newest first, whole rows (lists that show summaries use `storage/listing.py`)."""
    query = touchpoint_filters(select(TouchpointRow), tenant_id=tenant_id,
                               account_id=account_id, channel=channel, status=status,
                               since=since)
    query = query.order_by(TouchpointRow.occurred_at.desc(), TouchpointRow.id)
    rows = session.scalars(query.limit(limit).offset(offset))
    return [convert.row_to_touchpoint(r) for r in rows]


def touchpoint_ids(session: Session, *, tenant_id: str, account_id: str | None = None,
                   since: datetime | None = None, statuses: tuple[str, ...] | None = None
                   ) -> list[str]:
    """Ids only (no rows loaded), oldest first: what a batch stage walks through."""
    query = select(TouchpointRow.id).where(TouchpointRow.tenant_id == tenant_id)
    if account_id is not None:
        query = query.where(TouchpointRow.account_id == account_id)
    if since is not None:
        query = query.where(TouchpointRow.occurred_at >= _as_utc(since))
    if statuses is not None:
        query = query.where(TouchpointRow.status.in_(statuses))
    return list(session.scalars(query.order_by(TouchpointRow.occurred_at, TouchpointRow.id)))


_Query = TypeVar("_Query", bound=Select)  # type: ignore[type-arg]


def touchpoint_filters(query: _Query, *, tenant_id: str, account_id: str | None = None,
                       channel: str | None = None, status: str | None = None,
                       since: datetime | None = None) -> _Query:
    """`query` on touchpoints narrowed to one tenant and the filters given."""
    query = query.where(TouchpointRow.tenant_id == tenant_id)
    if account_id is not None:
        query = query.where(TouchpointRow.account_id == account_id)
    if channel is not None:
        query = query.where(TouchpointRow.channel == channel)
    if status is not None:
        query = query.where(TouchpointRow.status == status)
    if since is not None:
        query = query.where(TouchpointRow.occurred_at >= _as_utc(since))
    return query


def count_touchpoints_by_status(session: Session, *, tenant_id: str) -> dict[str, int]:
    query = (select(TouchpointRow.status, func.count()).where(TouchpointRow.tenant_id == tenant_id)
             .group_by(TouchpointRow.status))
    return {status: count for status, count in session.execute(query)}


def move_touchpoints_to_contact(session: Session, *, tenant_id: str, source_id: str,
                                target_id: str, account_id: str | None) -> int:
    """Replace `source_id` by `target_id` in every touchpoint's contact_ids; returns how many.

    Touchpoints without an account get `account_id`. Only the id columns are read: a text
    prefilter on the JSON list narrows the rows, the exact check happens here.
    """
    query = (select(TouchpointRow.id, TouchpointRow.account_id, TouchpointRow.contact_ids)
             .where(TouchpointRow.tenant_id == tenant_id,
                    cast(TouchpointRow.contact_ids, Text).like(f'%"{source_id}"%')))
    moved = 0
    for touchpoint_id, current_account, contact_ids in session.execute(query).all():
        if source_id not in (contact_ids or []):
            continue
        replaced = [target_id if c == source_id else c for c in contact_ids]
        set_touchpoint_identity(session, tenant_id=tenant_id, touchpoint_id=touchpoint_id,
                                account_id=current_account or account_id,
                                contact_ids=list(dict.fromkeys(replaced)))
        moved += 1
    return moved


# --- insights ------------------------------------------------------------------------------


def save_insights(session: Session, *, tenant_id: str, insights: Insights) -> int:
    """Append one extraction run; earlier runs are kept. Returns the run id."""
    if not touchpoint_exists(session, tenant_id=tenant_id, touchpoint_id=insights.touchpoint_id):
        _touchpoint_row(session, tenant_id, insights.touchpoint_id)  # raises NotFoundError
    row = convert.insights_to_row(tenant_id, insights, now=_now())
    session.add(row)
    session.flush()
    return row.id


@dataclass(frozen=True)
class InsightRun:
    """One stored extraction run: its id and when it ran, beside what it concluded."""

    run_id: int
    created_at: datetime
    insights: Insights


def list_insight_runs(session: Session, *, tenant_id: str, touchpoint_id: str,
                      extractor: str | None = None) -> list[InsightRun]:
    """Every run for the touchpoint, oldest first, so runs can be compared."""
    query = select(InsightRunRow).where(InsightRunRow.tenant_id == tenant_id,
                                        InsightRunRow.touchpoint_id == touchpoint_id)
    if extractor is not None:
        query = query.where(InsightRunRow.extractor == extractor)
    return [InsightRun(r.id, convert.from_utc(r.created_at, 0), convert.row_to_insights(r))
            for r in session.scalars(query.order_by(InsightRunRow.id))]


def latest_insights(session: Session, *, tenant_id: str, touchpoint_id: str,
                    extractor: str | None = None) -> Insights | None:
    """The newest run's insights (optionally of one extractor), or None before any run."""
    query = select(InsightRunRow).where(InsightRunRow.tenant_id == tenant_id,
                                        InsightRunRow.touchpoint_id == touchpoint_id)
    if extractor is not None:
        query = query.where(InsightRunRow.extractor == extractor)
    row = session.scalars(query.order_by(InsightRunRow.id.desc()).limit(1)).first()
    return convert.row_to_insights(row) if row is not None else None


# --- failures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class IngestFailure:
    source_uri: str
    sha256: str | None
    error: str
    created_at: datetime
    stage: str | None = None

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.error}"


def record_ingest_failure(session: Session, *, tenant_id: str, source_uri: str,
                          sha256: str | None, error: str, stage: str | None = None) -> None:
    """A failure with no source row to hold it (an unreadable file, a bad sidecar, one bad
    message inside an mbox)."""
    session.add(IngestFailureRow(tenant_id=tenant_id, source_uri=source_uri, sha256=sha256,
                                 error=error, stage=stage, created_at=_now()))


def list_ingest_failures(session: Session, *, tenant_id: str, limit: int = 100
                         ) -> list[IngestFailure]:
    query = (select(IngestFailureRow).where(IngestFailureRow.tenant_id == tenant_id)
             .order_by(IngestFailureRow.id.desc()).limit(limit))
    return [IngestFailure(r.source_uri, r.sha256, r.error, r.created_at, r.stage)
            for r in session.scalars(query)]


# --- accounts, contacts, events ------------------------------------------------------------


@functools.cache
def _upsert_statement(dialect: str, row_type: type[AccountRow] | type[ContactRow]) -> Executable:
    """Built once per table, values bound at execution, so SQLAlchemy's compile cache hits."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = Base.metadata.tables[row_type.__tablename__]
    statement = insert(table)
    return statement.on_conflict_do_update(
        index_elements=["tenant_id", "id"],
        set_={c.name: statement.excluded[c.name] for c in table.columns
              if c.name not in ("tenant_id", "id")})


def _upsert(session: Session, row_type: type[AccountRow] | type[ContactRow],
            values: dict[str, Any]) -> None:
    """INSERT .. ON CONFLICT (tenant_id, id) DO UPDATE: two workers upserting the same contact
    at once both succeed, where a read-then-write would raise on the second."""
    session.execute(_upsert_statement(session.get_bind().dialect.name, row_type), [values])
    cached = session.identity_map.get(
        session.identity_key(row_type, (values["tenant_id"], values["id"])))
    if cached is not None:
        session.expire(cached)  # the next read sees what was just written


def upsert_account(session: Session, account: Account) -> None:
    """Create the account or overwrite every field of the stored one (its domain index too)."""
    _upsert(session, AccountRow, convert.account_values(account))
    session.execute(delete(AccountDomainRow).where(
        AccountDomainRow.tenant_id == account.tenant_id,
        AccountDomainRow.account_id == account.id))
    domains = sorted({d.strip().lower() for d in account.domains if d.strip()})
    session.add_all(AccountDomainRow(tenant_id=account.tenant_id, domain=d, account_id=account.id)
                    for d in domains)
    session.flush()


def account_for_domain(session: Session, *, tenant_id: str, domain: str) -> str | None:
    """The account listing this email domain (an index lookup); when several do, the last by id."""
    query = (select(AccountDomainRow.account_id)
             .where(AccountDomainRow.tenant_id == tenant_id,
                    AccountDomainRow.domain == domain.strip().lower())
             .order_by(AccountDomainRow.account_id.desc()).limit(1))
    return session.scalar(query)


def get_account(session: Session, *, tenant_id: str, account_id: str) -> Account:
    row = session.get(AccountRow, (tenant_id, account_id))
    if row is None:
        raise NotFoundError(f"no account {account_id!r} in tenant {tenant_id!r}")
    return convert.row_to_account(row)


def list_accounts(session: Session, *, tenant_id: str) -> list[Account]:
    query = select(AccountRow).where(AccountRow.tenant_id == tenant_id).order_by(AccountRow.name)
    return [convert.row_to_account(r) for r in session.scalars(query)]


def upsert_contact(session: Session, contact: Contact) -> None:
    """Create the contact or overwrite every field of the stored one (and its lookup keys)."""
    _upsert(session, ContactRow, convert.contact_values(contact))
    contact_keys.index_contact(session, contact)


def find_contacts(session: Session, *, tenant_id: str, kind: str, value: str) -> list[Contact]:
    """Live (not merged-away) contacts holding an identifier.

    `kind` is "email", "phone" (E.164), "handle" ("app:id"), "handle_id" (a bare id) or "crm".
    """
    ids = contact_keys.find_contact_ids(session, tenant_id=tenant_id, kind=kind, value=value)
    if not ids:
        return []
    query = select(ContactRow).where(ContactRow.tenant_id == tenant_id, ContactRow.id.in_(ids),
                                     ContactRow.merged_into.is_(None)).order_by(ContactRow.id)
    return [convert.row_to_contact(r) for r in session.scalars(query)]


def get_contact(session: Session, *, tenant_id: str, contact_id: str) -> Contact:
    row = session.get(ContactRow, (tenant_id, contact_id))
    if row is None:
        raise NotFoundError(f"no contact {contact_id!r} in tenant {tenant_id!r}")
    return convert.row_to_contact(row)


def list_contacts(session: Session, *, tenant_id: str, account_id: str | None = None,
                  needs_review: bool | None = None, include_merged: bool = False
                  ) -> list[Contact]:
    """Contacts by id; merged-away tombstones only when asked for."""
    query = select(ContactRow).where(ContactRow.tenant_id == tenant_id)
    if needs_review is not None:
        query = query.where(ContactRow.needs_review.is_(needs_review))
    if account_id is not None:
        query = query.where(ContactRow.account_id == account_id)
    if not include_merged:
        query = query.where(ContactRow.merged_into.is_(None))
    return [convert.row_to_contact(r) for r in session.scalars(query.order_by(ContactRow.id))]


def save_event(session: Session, event: Event) -> bool:
    """True when stored; an event id already stored changes nothing."""
    return _insert_once(session, convert.event_to_row(event))


def list_events(session: Session, *, tenant_id: str, account_id: str | None = None,
                contact_id: str | None = None, kind: str | None = None,
                since: datetime | None = None) -> list[Event]:
    """Oldest first; `since` is inclusive (a naive datetime is read as UTC)."""
    query = select(EventRow).where(EventRow.tenant_id == tenant_id)
    if account_id is not None:
        query = query.where(EventRow.account_id == account_id)
    if contact_id is not None:
        query = query.where(EventRow.contact_id == contact_id)
    if kind is not None:
        query = query.where(EventRow.kind == kind)
    if since is not None:
        query = query.where(EventRow.occurred_at >= _as_utc(since))
    return [convert.row_to_event(r) for r in session.scalars(query.order_by(EventRow.occurred_at))]
