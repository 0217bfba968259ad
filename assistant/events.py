"""Store web and product events, tied to the contact or account they came from."""

from __future__ import annotations

from sqlalchemy.orm import Session

from assistant.ingest.common import ParseOptions
from assistant.ingest.events import parse_events
from assistant.models import Event
from assistant.storage import repository
from assistant.storage.db import Database


def attach_identity(session: Session, event: Event) -> Event:
    """Set contact_id / account_id from the event's email or account_domain property."""
    email = str(event.properties.get("email") or "").lower()
    domain = str(event.properties.get("account_domain") or "").lower()
    contacts = repository.find_contacts(session, tenant_id=event.tenant_id, kind="email",
                                        value=email) if email else []
    contact_id, account_id = (contacts[0].id, contacts[0].account_id) if contacts else (None, None)
    if account_id is None:
        lookup = domain or email.rpartition("@")[2]
        account_id = repository.account_for_domain(
            session, tenant_id=event.tenant_id, domain=lookup) if lookup else None
    return event.model_copy(update={"contact_id": contact_id, "account_id": account_id})


def store_events(db: Database, content: bytes, *, uri: str, options: ParseOptions
                 ) -> tuple[int, int]:
    """Parse and store the events in a JSONL source; returns (stored, skipped duplicates)."""
    events = parse_events(content, uri=uri, options=options)
    with db.session() as session:
        stored = 0
        for event in events:
            resolved = attach_identity(session, event)
            stored += bool(repository.save_event(session, resolved))
    return stored, len(events) - stored
