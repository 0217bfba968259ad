"""Small named functions between database rows and domain models."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from assistant.models import Account, Contact, Event, Insights, Touchpoint
from assistant.storage.rows import AccountRow, ContactRow, EventRow, InsightRunRow, TouchpointRow
from assistant.storage.utc import from_utc as from_utc
from assistant.storage.utc import to_utc as to_utc


def touchpoint_to_row(tp: Touchpoint, *, now: datetime) -> TouchpointRow:
    return TouchpointRow(**touchpoint_values(tp, now=now))


def touchpoint_values(tp: Touchpoint, *, now: datetime) -> dict[str, Any]:
    """Column values of a touchpoints row, unclaimed (for an INSERT of many rows)."""
    occurred, offset = to_utc(tp.occurred_at)
    return {
        "tenant_id": tp.tenant_id, "id": tp.id, "account_id": tp.account_id,
        "contact_ids": tp.contact_ids, "channel": tp.channel, "direction": tp.direction,
        "occurred_at": occurred, "utc_offset_min": offset, "language": tp.language,
        "subject": tp.subject, "thread_id": tp.thread_id, "ticket_id": tp.ticket_id,
        "source": tp.source.model_dump(mode="json"),
        "segments": [s.model_dump(mode="json") for s in tp.segments], "text": tp.text,
        "participants": [p.model_dump(mode="json") for p in tp.participants],
        "attachments": [a.model_dump(mode="json") for a in tp.attachments], "meta": tp.metadata,
        "status": tp.status, "error": tp.error, "created_at": now, "updated_at": now,
        "occurred_at_source": tp.occurred_at_source, "source_id": tp.source_id,
        "claimed_by": None, "claimed_at": None,
    }


def row_to_touchpoint(row: TouchpointRow) -> Touchpoint:
    return Touchpoint.model_validate({
        "id": row.id, "tenant_id": row.tenant_id, "account_id": row.account_id,
        "contact_ids": row.contact_ids, "channel": row.channel, "direction": row.direction,
        "occurred_at": from_utc(row.occurred_at, row.utc_offset_min), "language": row.language,
        "subject": row.subject, "thread_id": row.thread_id, "ticket_id": row.ticket_id,
        "source": row.source, "segments": row.segments, "text": row.text,
        "participants": row.participants, "attachments": row.attachments,
        "metadata": row.meta, "status": row.status, "error": row.error,
        "occurred_at_source": row.occurred_at_source, "source_id": row.source_id,
    })


def account_values(account: Account) -> dict[str, Any]:
    """Column values of an accounts row (for an INSERT .. ON CONFLICT upsert)."""
    return account.model_dump()


def row_to_account(row: AccountRow) -> Account:
    return Account.model_validate(row, from_attributes=True)


def contact_values(contact: Contact) -> dict[str, Any]:
    """Column values of a contacts row (for an INSERT .. ON CONFLICT upsert)."""
    return contact.model_dump()


def row_to_contact(row: ContactRow) -> Contact:
    return Contact.model_validate(row, from_attributes=True)


def insights_to_row(tenant_id: str, insights: Insights, *, now: datetime) -> InsightRunRow:
    return InsightRunRow(**insights_values(tenant_id, insights, now=now))


def insights_values(tenant_id: str, insights: Insights, *, now: datetime) -> dict[str, Any]:
    """Column values of an insight_runs row but its id (for an INSERT of many rows)."""
    prov = insights.provenance
    return {"tenant_id": tenant_id, "touchpoint_id": insights.touchpoint_id,
            "extractor": prov.extractor, "extractor_version": prov.extractor_version,
            "prompt_hash": prov.prompt_hash, "created_at": insights.created_at or now,
            "body": insights.model_dump(mode="json", exclude_defaults=True)}


def row_to_insights(row: InsightRunRow) -> Insights:
    return stored_insights(row.body, row.created_at)


def stored_insights(body: dict[str, Any], created_at: datetime) -> Insights:
    """An insight run's stored body (and when it ran) as Insights."""
    insights = Insights.model_validate(body)
    if insights.created_at is None:
        insights = insights.model_copy(update={"created_at": from_utc(created_at, 0)})
    return insights


def event_to_row(event: Event) -> EventRow:
    occurred, offset = to_utc(event.occurred_at)
    return EventRow(tenant_id=event.tenant_id, id=event.id, account_id=event.account_id,
                    contact_id=event.contact_id, kind=event.kind, occurred_at=occurred,
                    utc_offset_min=offset, properties=event.properties)


def row_to_event(row: EventRow) -> Event:
    return Event(id=row.id, tenant_id=row.tenant_id, account_id=row.account_id,
                 contact_id=row.contact_id, kind=row.kind,
                 occurred_at=from_utc(row.occurred_at, row.utc_offset_min),
                 properties=row.properties)
