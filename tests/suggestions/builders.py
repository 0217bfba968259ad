"""A small real history written through the repository: accounts, contacts, touchpoints with
segments, insights whose evidence is located in the touchpoint text, and events."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from assistant.ingest.common import assemble_text
from assistant.models import (
    Account,
    CompetitorMention,
    Contact,
    Event,
    Evidence,
    Insights,
    NextStep,
    PainPoint,
    Provenance,
    Segment,
    Sentiment,
    Source,
    Summary,
    Touchpoint,
)
from assistant.storage import repository
from assistant.storage.db import Database

TENANT = "acme"


class HistoryBuilder:
    def __init__(self, db: Database, tenant_id: str = TENANT) -> None:
        self.db, self.tenant_id = db, tenant_id
        self._count = 0

    def account(self, account_id: str = "acct", *, stage: str = "negotiation",
                deal_value: float = 100_000, timezone: str | None = "America/New_York",
                owner: str = "Alice", domains: list[str] | None = None) -> Account:
        account = Account(id=account_id, tenant_id=self.tenant_id, name=account_id.title(),
                          domains=domains or [f"{account_id}.example"], timezone=timezone,
                          stage=stage, deal_value=deal_value, owner=owner)
        with self.db.session() as session:
            repository.upsert_account(session, account)
        return account

    def contact(self, contact_id: str = "dana", *, account_id: str = "acct",
                timezone: str | None = "America/New_York", phones: list[str] | None = None,
                emails: list[str] | None = None, name: str | None = None) -> Contact:
        contact = Contact(id=contact_id, tenant_id=self.tenant_id, account_id=account_id,
                          name=name or contact_id.title(), timezone=timezone,
                          emails=emails if emails is not None else [f"{contact_id}@x.example"],
                          phones=phones or [])
        with self.db.session() as session:
            repository.upsert_contact(session, contact)
        return contact

    def touchpoint(self, when: datetime, *, turns: list[tuple[str, str]] | None = None,
                   channel: str = "email", direction: str = "inbound",
                   account_id: str | None = "acct", contact_ids: list[str] | None = None,
                   subject: str | None = None, ticket_id: str | None = None,
                   metadata: dict[str, Any] | None = None) -> Touchpoint:
        """`turns` are (role, text); a segment carries `when` plus one minute per turn."""
        self._count += 1
        turns = turns or [("customer", "Hello there.")]
        text, segments = assemble_text([
            Segment(speaker="Alice" if role in ("rep", "agent") else "Dana", role=role,
                    text=body, occurred_at=when + timedelta(minutes=i))  # type: ignore[arg-type]
            for i, (role, body) in enumerate(turns)])
        tp = Touchpoint(
            id=f"tp{self._count:04d}", tenant_id=self.tenant_id, account_id=account_id,
            contact_ids=contact_ids if contact_ids is not None else ["dana"],
            channel=channel, direction=direction, occurred_at=when,  # type: ignore[arg-type]
            subject=subject, ticket_id=ticket_id,
            thread_id=f"ticket:{ticket_id}" if ticket_id else None,
            source=Source(uri=f"test:{self._count}", sha256="0" * 64, media_type="text/plain"),
            segments=segments, text=text, metadata=metadata or {}, status="extracted")
        with self.db.session() as session:
            repository.save_touchpoint(session, tp)
        return tp

    def insights(self, tp: Touchpoint, **fields: Any) -> Insights:
        insights = Insights(touchpoint_id=tp.id, provenance=Provenance(
            extractor="rules", extractor_version="test"), **fields)
        with self.db.session() as session:
            repository.save_insights(session, tenant_id=self.tenant_id, insights=insights)
        return insights

    def event(self, kind: str, when: datetime, *, account_id: str | None = "acct",
              contact_id: str | None = "dana", **properties: Any) -> Event:
        self._count += 1
        event = Event(id=f"ev{self._count:04d}", tenant_id=self.tenant_id, kind=kind,
                      occurred_at=when, account_id=account_id, contact_id=contact_id,
                      properties=properties)
        with self.db.session() as session:
            repository.save_event(session, event)
        return event


def quote(tp: Touchpoint, phrase: str) -> Evidence:
    start = tp.text.index(phrase)
    return Evidence(quote=phrase, start=start, end=start + len(phrase))


def negative(tp: Touchpoint, phrase: str, score: float = -0.7) -> Sentiment:
    return Sentiment(label="negative", score=score, evidence=[quote(tp, phrase)])


def competitor(tp: Touchpoint, phrase: str, name: str, stance: str = "evaluating"
               ) -> CompetitorMention:
    return CompetitorMention(name=name, alias=name, stance=stance,  # type: ignore[arg-type]
                             evidence=quote(tp, phrase))


def next_step(tp: Touchpoint, phrase: str, *, owner: str, due: Any) -> NextStep:
    return NextStep(action=phrase, owner=owner, due=due, evidence=quote(tp, phrase))


def pain(tp: Touchpoint, phrase: str) -> PainPoint:
    return PainPoint(text=phrase, evidence=quote(tp, phrase))


def summary(tp: Touchpoint, phrase: str) -> Summary:
    return Summary(text=phrase, evidence=[quote(tp, phrase)])
