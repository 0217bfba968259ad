"""`build_briefing`: everything a rep should know before a call, each line citing its sources."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field

from assistant.briefing import sections
from assistant.briefing.lookup import find_account, find_contact
from assistant.briefing.phrases import say
from assistant.citations import Citation, CitedLine, reading_language
from assistant.models import Account, Contact
from assistant.storage import repository
from assistant.storage.chunks import ChunkFilters
from assistant.storage.db import Database
from assistant.ticket_checks import SlaPolicy
from assistant.tickets import list_tickets, summarize_ticket

MAX_TOUCHPOINTS = 500  # the newest ones; older history rarely changes what to say on a call


class Briefing(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tenant_id: str
    account: Account
    contact: Contact | None = None
    agenda: str | None = None
    language: str
    as_of: datetime
    touchpoints: int
    who: list[CitedLine] = Field(default_factory=list)
    timeline: list[CitedLine] = Field(default_factory=list)
    next_steps: list[CitedLine] = Field(default_factory=list)
    competitors: list[CitedLine] = Field(default_factory=list)
    sentiment: list[CitedLine] = Field(default_factory=list)
    tickets: list[CitedLine] = Field(default_factory=list)
    snippets: list[CitedLine] = Field(default_factory=list)
    talking_points: list[CitedLine] = Field(default_factory=list)
    risks: list[CitedLine] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    narrative: list[CitedLine] = Field(default_factory=list)  # LLM-written, each sentence cited
    warnings: list[str] = Field(default_factory=list)

    def lines(self) -> list[CitedLine]:
        return [*self.who, *self.timeline, *self.next_steps, *self.competitors, *self.sentiment,
                *self.tickets, *self.snippets, *self.talking_points, *self.risks]


def _today(now: datetime, account: Account) -> datetime:
    try:
        return now.astimezone(ZoneInfo(account.timezone)) if account.timezone else now
    except (ZoneInfoNotFoundError, ValueError):
        return now


def build_briefing(db: Database, *, tenant_id: str, account_id: str | None = None,
                   contact_id: str | None = None, agenda: str | None = None,
                   now: datetime | None = None, retrieval: object | None = None,
                   policy: SlaPolicy | None = None, timeline_limit: int = 12) -> Briefing:
    """A briefing on an account (id, name or domain) or a contact (id, email or name).

    `retrieval` (vector_index RetrievalOptions) enables the agenda snippets; without it, or
    without an agenda, that section is empty. NotFoundError names the closest accounts.
    """
    now = now or datetime.now(UTC)
    with db.session() as session:
        contact = None
        if account_id is not None:
            account = find_account(session, tenant_id=tenant_id, reference=account_id)
        if contact_id is not None:
            contact = find_contact(session, tenant_id=tenant_id, reference=contact_id,
                                   account_id=account.id if account_id is not None else None)
            if account_id is None:
                if contact.account_id is None:
                    from assistant.errors import BadInputError

                    raise BadInputError(f"contact {contact_id!r} belongs to no account; "
                                        "brief on an account with --account")
                account = repository.get_account(session, tenant_id=tenant_id,
                                                  account_id=contact.account_id)
        elif account_id is None:
            from assistant.errors import BadInputError

            raise BadInputError("a briefing needs --account or --contact")
        found = repository.list_touchpoints(session, tenant_id=tenant_id, account_id=account.id,
                                            limit=MAX_TOUCHPOINTS)
        if contact is not None:
            found = [tp for tp in found if contact.id in tp.contact_ids]
        insights = repository.latest_insights_by_touchpoint(
            session, tenant_id=tenant_id, touchpoint_ids=[tp.id for tp in found])
        contacts = ([contact] if contact is not None else
                    repository.list_contacts(session, tenant_id=tenant_id, account_id=account.id))
    history = [(tp, insights.get(tp.id)) for tp in found]
    lang = reading_language([tp.text[:400] for tp in found[:20]] or [account.name])
    briefing = Briefing(tenant_id=tenant_id, account=account, contact=contact, agenda=agenda,
                        language=lang, as_of=now, touchpoints=len(found))
    if not history:
        briefing.notes.append(say(lang, "no_history"))
        return briefing
    today = _today(now, account).date()
    briefing.who = sections.who(account, contacts, history, lang)
    briefing.timeline = sections.timeline(history, timeline_limit)
    briefing.next_steps, overdue = sections.next_steps(history, today, lang)
    briefing.competitors, compare, switching = sections.competitors(history, lang)
    briefing.sentiment, moods = sections.sentiment(history, contacts, lang)
    briefing.tickets, ticket_risks = _tickets(db, tenant_id, account, contact, now, policy, lang)
    if agenda and retrieval is not None:
        briefing.snippets = _snippets(db, tenant_id, account, contact, agenda, retrieval)
    briefing.talking_points = [
        *[CitedLine(kind="tp_agenda", text=say(lang, "tp_agenda", text=s.citations[0].quote),
                    citations=s.citations) for s in briefing.snippets[:1]],
        *compare, *sections.talking_points(history, lang)]
    briefing.risks = [*overdue, *switching, *moods, *ticket_risks]
    return briefing


def _tickets(db: Database, tenant_id: str, account: Account, contact: Contact | None,
             now: datetime, policy: SlaPolicy | None, lang: str
             ) -> tuple[list[CitedLine], list[CitedLine]]:
    lines: list[CitedLine] = []
    risks: list[CitedLine] = []
    for ticket in list_tickets(db, tenant_id=tenant_id, account_id=account.id, open_only=True):
        summary = summarize_ticket(db, tenant_id=tenant_id, ticket_id=ticket.touchpoint_id,
                                   policy=policy, now=now)
        if summary.issue is None:
            continue
        sla = "".join(say(lang, "sla", name=c.name, state=c.state, elapsed=c.elapsed_minutes,
                          target=c.target_minutes) for c in summary.sla)
        lines.append(CitedLine(kind="ticket", text=say(
            lang, "ticket", ticket=ticket.ticket_id, subject=ticket.subject or "",
            status=ticket.status or "-", priority=ticket.priority or "-", sla=sla),
            citations=summary.issue.citations))
        risks += [CitedLine(kind="risk", text=say(lang, "risk_ticket", ticket=ticket.ticket_id,
                                                  name=c.name), citations=summary.issue.citations)
                  for c in summary.sla if c.state == "breached"]
    if contact is not None:
        lines = [line for line in lines if any(c.touchpoint_id for c in line.citations)]
    return lines, risks


def _snippets(db: Database, tenant_id: str, account: Account, contact: Contact | None,
              agenda: str, retrieval: object, limit: int = 5) -> list[CitedLine]:
    from vector_index.indexing import RetrievalOptions
    from vector_index.search import search

    assert isinstance(retrieval, RetrievalOptions)
    filters = ChunkFilters(account_id=account.id, contact_id=contact.id if contact else None)
    results = search(db, tenant_id=tenant_id, query=agenda, options=retrieval, filters=filters,
                     limit=limit)
    lines = []
    for hit in results.hits:
        quote = hit.text if len(hit.text) <= 240 else hit.text[:240]
        citation = Citation(touchpoint_id=hit.touchpoint_id, occurred_at=hit.occurred_at,
                            channel=hit.channel, quote=quote, start=hit.start,
                            end=hit.start + len(quote))
        who = f"{hit.speaker}: " if hit.speaker else ""
        lines.append(CitedLine(kind="snippet", text=f"{hit.occurred_at:%Y-%m-%d} {hit.channel} "
                               f"— {who}{quote}", citations=[citation]))
    return lines
