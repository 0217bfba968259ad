"""Data-access functions. Keyword-only, tenant always required, domain models in and out."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Select, String, Text, cast, delete, func, select, type_coerce, update
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


def list_ticket_versions(session: Session, *, tenant_id: str, ticket_id: str) -> list[Touchpoint]:
    """Every stored version of one ticket (channel ticket, that ticket id), by the ticket index."""
    query = select(TouchpointRow).where(TouchpointRow.tenant_id == tenant_id,
                                        TouchpointRow.ticket_id == ticket_id,
                                        TouchpointRow.channel == "ticket")
    return [convert.row_to_touchpoint(r) for r in session.scalars(query)]


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
def upsert_statement(dialect: str, row_type: type[AccountRow] | type[ContactRow]) -> Executable:
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
    session.execute(upsert_statement(session.get_bind().dialect.name, row_type), [values])
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


# --- bulk reads for the suggestions engine ------------------------------------------------


class TouchpointStamp(NamedTuple):
    """Who, when, where and which way a touchpoint went, without its text: enough to learn
    timing and to run rules over a whole tenant's history in one query (a tuple: cheap to
    build by the hundred thousand)."""

    id: str
    account_id: str | None
    contact_ids: tuple[str, ...]
    channel: str
    direction: str
    occurred_at: datetime  # aware, in the offset it was recorded with
    subject: str | None
    thread_id: str | None
    ticket_id: str | None
    status: str


@functools.lru_cache(maxsize=256)
def _offset_zone(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


def _in_offset(moment: datetime, offset_min: int) -> datetime:
    """`convert.from_utc` with the fixed-offset zones shared: the bulk reads build many."""
    if moment.tzinfo is None:  # SQLite returns naive datetimes
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(_offset_zone(offset_min))


def _id_tuple(value: str | list[str] | None) -> tuple[str, ...]:
    if isinstance(value, str):
        value = json.loads(value)
    return tuple(value or ())


def _instant(value: str | datetime) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def list_touchpoint_stamps(session: Session, *, tenant_id: str, account_id: str | None = None,
                           until: datetime | None = None, inbound_only: bool = False,
                           limit: int | None = None,
                           account_range: tuple[str, str] | None = None
                           ) -> list[TouchpointStamp]:
    """Oldest first; `until` is inclusive; `limit` keeps the newest `limit` of them;
    `account_range` (first, last), inclusive, keeps one slice of the accounts."""
    # the JSON list and the timestamp come back raw (SQLite: text) and are parsed here with
    # the C parsers: SQLAlchemy's per-value processors cost more than the query at this size
    columns = (TouchpointRow.id, TouchpointRow.account_id,
               type_coerce(TouchpointRow.contact_ids, String), TouchpointRow.channel,
               TouchpointRow.direction, type_coerce(TouchpointRow.occurred_at, String),
               TouchpointRow.utc_offset_min, TouchpointRow.subject, TouchpointRow.thread_id,
               TouchpointRow.ticket_id, TouchpointRow.status)
    query = select(*columns).where(TouchpointRow.tenant_id == tenant_id)
    if account_id is not None:
        query = query.where(TouchpointRow.account_id == account_id)
    if account_range is not None:
        query = query.where(TouchpointRow.account_id.between(*account_range))
    if until is not None:
        query = query.where(TouchpointRow.occurred_at <= _as_utc(until))
    if inbound_only:
        query = query.where(TouchpointRow.direction == "inbound")
    if limit is not None:  # the newest `limit`: the (tenant, occurred_at) index serves this
        query = query.order_by(TouchpointRow.occurred_at.desc()).limit(limit)
    stamps = [TouchpointStamp(r[0], r[1], _id_tuple(r[2]), r[3], r[4],
                              _in_offset(_instant(r[5]), r[6]), r[7], r[8], r[9], r[10])
              for r in session.execute(query)]
    stamps.sort(key=lambda s: (s.occurred_at, s.id))  # in Python: SQL sorting on id is slower
    return stamps


def latest_insights_between(session: Session, *, tenant_id: str, since: datetime,
                            until: datetime, account_id: str | None = None,
                            account_range: tuple[str, str] | None = None
                            ) -> dict[str, Insights]:
    """The newest run of every touchpoint that occurred in [since, until], by touchpoint id."""
    # plain columns, not ORM entities: this reads tens of thousands of runs at once
    query = (select(InsightRunRow.touchpoint_id, InsightRunRow.created_at,
                    type_coerce(InsightRunRow.body, String))
             .join(TouchpointRow, (TouchpointRow.tenant_id == InsightRunRow.tenant_id)
                   & (TouchpointRow.id == InsightRunRow.touchpoint_id))
             .where(InsightRunRow.tenant_id == tenant_id,
                    TouchpointRow.occurred_at >= _as_utc(since),
                    TouchpointRow.occurred_at <= _as_utc(until)))
    if account_id is not None:
        query = query.where(TouchpointRow.account_id == account_id)
    if account_range is not None:
        query = query.where(TouchpointRow.account_id.between(*account_range))
    newest: dict[str, tuple[str | datetime, str | dict[str, Any]]] = {}
    for tp_id, ran_at, stored in session.execute(query.order_by(InsightRunRow.id)):
        newest[tp_id] = (ran_at, stored)
    found: dict[str, Insights] = {}
    for tp_id, (moment, raw) in newest.items():
        # validated straight from the stored JSON text where the driver hands it over as text
        insights = (Insights.model_validate_json(raw) if isinstance(raw, str)
                    else Insights.model_validate(raw))
        if insights.created_at is None:
            insights.created_at = _in_offset(_instant(moment), 0)
        found[tp_id] = insights
    return found


def latest_insights_for(session: Session, *, tenant_id: str, touchpoint_ids: list[str]
                        ) -> dict[str, Insights]:
    """The newest run of each listed touchpoint that has one, by touchpoint id."""
    newest: dict[str, InsightRunRow] = {}
    for start in range(0, len(touchpoint_ids), 500):
        query = select(InsightRunRow).where(
            InsightRunRow.tenant_id == tenant_id,
            InsightRunRow.touchpoint_id.in_(touchpoint_ids[start:start + 500]))
        for row in session.scalars(query.order_by(InsightRunRow.id)):
            newest[row.touchpoint_id] = row
    return {tp_id: convert.row_to_insights(row) for tp_id, row in newest.items()}


def list_touchpoints_by_ids(session: Session, *, tenant_id: str, touchpoint_ids: list[str]
                            ) -> list[Touchpoint]:
    """Full touchpoints (text and segments) for the listed ids, oldest first."""
    found: list[TouchpointRow] = []
    for start in range(0, len(touchpoint_ids), 500):
        query = select(TouchpointRow).where(
            TouchpointRow.tenant_id == tenant_id,
            TouchpointRow.id.in_(touchpoint_ids[start:start + 500]))
        found.extend(session.scalars(query))
    found.sort(key=lambda r: (convert.from_utc(r.occurred_at, 0), r.id))
    return [convert.row_to_touchpoint(r) for r in found]


def list_contacts_between(session: Session, *, tenant_id: str, first: str, last: str
                          ) -> list[Contact]:
    """Live contacts of the accounts whose ids fall in [first, last], by id."""
    query = select(ContactRow).where(ContactRow.tenant_id == tenant_id,
                                     ContactRow.account_id.between(first, last),
                                     ContactRow.merged_into.is_(None))
    return [convert.row_to_contact(r) for r in session.scalars(query.order_by(ContactRow.id))]


def list_event_signals(session: Session, *, tenant_id: str, account_id: str | None = None,
                       account_range: tuple[str, str] | None = None) -> list[Event]:
    """Events of the tenant, one account or a range of accounts (inclusive), oldest first;
    plain rows, not ORM entities, for bulk reads."""
    query = select(*EventRow.__table__.columns).where(EventRow.tenant_id == tenant_id)
    if account_id is not None:
        query = query.where(EventRow.account_id == account_id)
    if account_range is not None:
        query = query.where(EventRow.account_id.between(*account_range))
    return [Event(id=r.id, tenant_id=r.tenant_id, account_id=r.account_id,
                  contact_id=r.contact_id, kind=r.kind,
                  occurred_at=_in_offset(r.occurred_at, r.utc_offset_min),
                  properties=r.properties or {})
            for r in session.execute(query.order_by(EventRow.occurred_at))]


# --- reads for briefings (appended) --------------------------------------------------------


def latest_insights_by_touchpoint(session: Session, *, tenant_id: str,
                                  touchpoint_ids: list[str]) -> dict[str, Insights]:
    """Each touchpoint's newest run in one query per 500 ids (a briefing reads hundreds)."""
    found: dict[str, Insights] = {}
    for start in range(0, len(touchpoint_ids), 500):
        ids = touchpoint_ids[start:start + 500]
        newest = (select(func.max(InsightRunRow.id))
                  .where(InsightRunRow.tenant_id == tenant_id,
                         InsightRunRow.touchpoint_id.in_(ids))
                  .group_by(InsightRunRow.touchpoint_id))
        query = select(InsightRunRow).where(InsightRunRow.id.in_(newest))
        found.update({row.touchpoint_id: convert.row_to_insights(row)
                      for row in session.scalars(query)})
    return found
