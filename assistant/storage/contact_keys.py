"""Indexed contact identifiers: find who an address, number or handle belongs to in one query.

Kinds: `email` (lower-cased), `phone` (E.164), `handle` (lower-cased, `app:id`), `handle_id`
(the part after `app:`, for sources that give a bare id) and `crm`. A value may belong to more
than one contact (a shared office line); lookups return every match and callers decide.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from assistant.models import Contact
from assistant.storage.rows import Base, ContactKeyRow

KeyKind = str  # "email" | "phone" | "handle" | "handle_id" | "crm"


def keys_of(*, emails: Iterable[str], phones: Iterable[str], handles: Iterable[str],
            crm_id: str | None) -> set[tuple[KeyKind, str]]:
    """Every (kind, normalized value) a contact can be found by."""
    keys = {("email", e.strip().lower()) for e in emails if e.strip()}
    keys |= {("phone", p.strip()) for p in phones if p.strip()}
    for handle in (h.strip().lower() for h in handles if h.strip()):
        keys.add(("handle", handle))
        keys.add(("handle_id", handle.split(":", 1)[-1]))
    if crm_id:
        keys.add(("crm", crm_id.strip()))
    return keys


def index_contact(session: Session, contact: Contact) -> None:
    """Rewrite the contact's keys from its current identifiers."""
    session.execute(delete(ContactKeyRow).where(ContactKeyRow.tenant_id == contact.tenant_id,
                                                ContactKeyRow.contact_id == contact.id))
    rows = [{"tenant_id": contact.tenant_id, "kind": kind, "value": value,
             "contact_id": contact.id}
            for kind, value in sorted(keys_of(emails=contact.emails, phones=contact.phones,
                                              handles=contact.handles, crm_id=contact.crm_id))]
    if not rows:
        return
    session.execute(insert_keys_statement(session.get_bind().dialect.name), rows)


@functools.cache
def insert_keys_statement(dialect: str) -> Executable:
    """INSERT of contact keys, a key stored already left as it is (built once per dialect)."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(Base.metadata.tables[ContactKeyRow.__tablename__]).on_conflict_do_nothing()


def normalized_key(kind: KeyKind, value: str) -> str:
    """A looked-up value as keys are stored: phones and CRM ids as given, the rest lower-cased."""
    return value.strip() if kind in ("phone", "crm") else value.strip().lower()


def find_contact_ids(session: Session, *, tenant_id: str, kind: KeyKind, value: str
                     ) -> list[str]:
    """Ids of the contacts holding this key, in id order."""
    normalized = normalized_key(kind, value)
    query = (select(ContactKeyRow.contact_id)
             .where(ContactKeyRow.tenant_id == tenant_id, ContactKeyRow.kind == kind,
                    ContactKeyRow.value == normalized)
             .order_by(ContactKeyRow.contact_id))
    return list(session.scalars(query))


def all_keys(session: Session, *, tenant_id: str) -> dict[tuple[KeyKind, str], list[str]]:
    """Every key of the tenant at once, for bulk work such as an import: (kind, value) -> ids."""
    keys: dict[tuple[KeyKind, str], list[str]] = {}
    query = (select(ContactKeyRow.kind, ContactKeyRow.value, ContactKeyRow.contact_id)
             .where(ContactKeyRow.tenant_id == tenant_id).order_by(ContactKeyRow.contact_id))
    for kind, value, contact_id in session.execute(query):
        keys.setdefault((kind, value), []).append(contact_id)
    return keys
