"""Store web and product events, tied to the contact or account they came from."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest.common import ParseOptions
from assistant.ingest.events import parse_events
from assistant.models import Event
from assistant.storage import repository
from assistant.storage.db import Database


def attach_identity(event: Event, *, contacts_by_email: dict[str, tuple[str, str | None]],
                    accounts_by_domain: dict[str, str]) -> Event:
    """Set contact_id / account_id from the event's email or account_domain property."""
    email = str(event.properties.get("email") or "").lower()
    domain = str(event.properties.get("account_domain") or "").lower()
    contact_id, account_id = contacts_by_email.get(email, (None, None))
    if account_id is None:
        account_id = accounts_by_domain.get(domain or email.rpartition("@")[2])
    return event.model_copy(update={"contact_id": contact_id, "account_id": account_id})


def store_events(db: Database, path: Path, options: ParseOptions) -> tuple[int, int]:
    """Parse and store the events in `path`; returns (stored, skipped duplicates)."""
    events = parse_events(path, options)
    tenant = options.tenant_id
    with db.session() as session:
        contacts = repository.list_contacts(session, tenant_id=tenant)
        accounts = repository.list_accounts(session, tenant_id=tenant)
        by_email = {e.lower(): (c.id, c.account_id) for c in contacts for e in c.emails}
        by_domain = {d.lower(): a.id for a in accounts for d in a.domains}
        stored = 0
        for event in events:
            resolved = attach_identity(event, contacts_by_email=by_email,
                                       accounts_by_domain=by_domain)
            stored += bool(repository.save_event(session, resolved))
    return stored, len(events) - stored
