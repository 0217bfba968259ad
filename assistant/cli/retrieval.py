"""Commands: search, reindex, brief, tickets list/summarize. Each calls one service function.

Search, brief and tickets summarize first index any touchpoint that has no chunks yet, so they
work on data ingested before the index stage existed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import typer

from assistant.cli.context import JSON_OPTION, TENANT_OPTION, console, err_console, settings

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.storage.db import Database
    from assistant.ticket_checks import SlaPolicy
    from vector_index.indexing import RetrievalOptions
    from vector_index.search import SearchHit

cli = typer.Typer()  # mounted by cli/app.py

def _date(value: str | None, option: str) -> datetime | None:
    from assistant.errors import BadInputError

    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise BadInputError(f"{option} {value!r} is not an ISO-8601 date (e.g. 2026-03-01)"
                            ) from None


def open_retrieval(tenant: str | None) -> tuple[Database, RetrievalOptions, str]:
    """The store and options, with every not-yet-indexed touchpoint of the tenant indexed."""
    from assistant import bootstrap
    from vector_index.indexing import index_pending

    s = settings()
    db = bootstrap.open_store(s)
    options = bootstrap.retrieval_options(s)
    tenant_id = tenant or s.tenant
    index_pending(db, tenant_id=tenant_id, options=options)
    return db, options, tenant_id


def _marked(hit: SearchHit) -> str:
    from assistant.cli import render

    out, last = [], 0
    for start, end in hit.highlights:
        out += [render.escape(hit.text[last:start]),
                f"[bold yellow]{render.escape(hit.text[start:end])}[/bold yellow]"]
        last = end
    out.append(render.escape(hit.text[last:]))
    return "".join(out).replace("\n", " ")


@cli.command("search")
def search_command(
    query: str = typer.Argument(..., help="Words, names, ticket numbers; English or Chinese."),
    account: str | None = typer.Option(None, help="Only this account id."),
    contact: str | None = typer.Option(None, help="Only this contact id."),
    channel: str | None = typer.Option(None, help="call | meeting | email | chat | ticket | web"),
    since: str | None = typer.Option(None, help="Occurred on/after (ISO date)."),
    until: str | None = typer.Option(None, help="Occurred on/before (ISO date)."),
    limit: int = typer.Option(10),
    mode: str = typer.Option("hybrid", help="hybrid | dense | lexical"),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Ranked snippets for a query, each with its touchpoint, time, speaker and match."""
    from assistant.cli import render
    from assistant.errors import BadInputError
    from assistant.storage.chunks import ChunkFilters
    from vector_index.search import search

    if mode not in ("hybrid", "dense", "lexical"):
        raise BadInputError(f"--mode {mode!r} is not one of hybrid, dense, lexical")
    db, options, tenant_id = open_retrieval(tenant)
    filters = ChunkFilters(account_id=account, contact_id=contact, channel=channel,
                           since=_date(since, "--since"), until=_date(until, "--until"))
    results = search(db, tenant_id=tenant_id, query=query, options=options, filters=filters,
                     limit=limit, mode=mode)  # type: ignore[arg-type]
    for notice in results.notices:
        err_console.print(f"[yellow]{render.escape(notice)}[/yellow]")
    if as_json:
        render.print_json(console, {"query": query, "mode": mode,
                                    "hits": [hit.__dict__ | {"citation": hit.citation}
                                             for hit in results.hits]})
        return
    if not results.hits:
        console.print(f"No match for {render.escape(query)!s}.")
    for rank, hit in enumerate(results.hits, start=1):
        who = f" · {render.escape(hit.speaker)}" if hit.speaker else ""
        console.print(f"[bold]{rank}.[/bold] {hit.occurred_at:%Y-%m-%d %H:%M} · {hit.channel} · "
                      f"{hit.account_id or '-'}{who} · [dim]{hit.citation}[/dim]")
        if hit.subject:
            console.print(f"   [dim]{render.escape(hit.subject)}[/dim]")
        console.print(f"   {_marked(hit)}", highlight=False)


@cli.command("reindex")
def reindex_command(tenant: str | None = TENANT_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Re-chunk every touchpoint (embedding only new text) and rebuild the FAISS index."""
    from assistant import bootstrap
    from assistant.cli import render
    from vector_index.indexing import reindex

    s = settings()
    db = bootstrap.open_store(s)
    tenant_id = tenant or s.tenant
    outcome = reindex(db, tenant_id=tenant_id, options=bootstrap.retrieval_options(s))
    if as_json:
        render.print_json(console, outcome.__dict__)
        return
    for notice in outcome.notices:
        err_console.print(f"[yellow]{render.escape(notice)}[/yellow]")
    console.print(f"Reindexed tenant {tenant_id}: {outcome.touchpoints} touchpoint(s), "
                  f"{outcome.chunks} chunk(s), {outcome.embedded} newly embedded; "
                  f"{outcome.vectors} vector(s), {'exact' if outcome.exact else 'IVF'} search.")


@cli.command("brief")
def brief_command(
    account: str | None = typer.Option(None, help="Account id, name or email domain."),
    contact: str | None = typer.Option(None, help="Contact id, email or name."),
    agenda: str | None = typer.Option(None, help="What the call is about, e.g. 'renewal pricing'."),
    now: str | None = typer.Option(None, help="Brief as of this time (ISO; default: now)."),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Pre-call briefing: who, timeline, next steps, competitors, sentiment, tickets, talking
    points and risks — every line citing the touchpoints it rests on."""
    from assistant.briefing import build_briefing
    from assistant.briefing.markdown import render_briefing
    from assistant.cli import render

    db, options, tenant_id = open_retrieval(tenant)
    s = settings()
    briefing = build_briefing(db, tenant_id=tenant_id, account_id=account, contact_id=contact,
                              agenda=agenda, now=_date(now, "--now"), retrieval=options,
                              policy=sla_policy(s))
    if s.llm_base_url:
        from assistant.briefing.narrative import add_narrative
        from extractors.llm.client import ClientOptions, LLMClient

        key = s.openai_api_key.get_secret_value() if s.openai_api_key else None
        client = LLMClient(ClientOptions(base_url=s.llm_base_url, model=s.llm_model, api_key=key,
                                         timeout_s=s.llm_timeout_s, max_retries=s.llm_max_retries,
                                         json_mode=False))
        briefing = add_narrative(briefing, client)
    for warning in briefing.warnings:
        err_console.print(f"[yellow]{render.escape(warning)}[/yellow]")
    if as_json:
        render.print_json(console, briefing)
    else:
        console.print(render_briefing(briefing), markup=False, highlight=False)


def sla_policy(s: Settings) -> SlaPolicy:
    from assistant.ticket_checks import SlaPolicy

    return SlaPolicy(first_response_minutes=s.sla_first_response_minutes,
                     assignment_minutes=s.sla_assignment_minutes)


tickets_app = typer.Typer(help="Support tickets: list them, summarise one.", no_args_is_help=True)
cli.add_typer(tickets_app, name="tickets")


@tickets_app.command("list")
def tickets_list(account: str | None = typer.Option(None),
                 open_only: bool = typer.Option(False, "--open", help="Only open tickets."),
                 tenant: str | None = TENANT_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Tickets (the newest version of each), most recent activity first."""
    from rich.table import Table

    from assistant import bootstrap
    from assistant.cli import render
    from assistant.tickets import list_tickets

    s = settings()
    db = bootstrap.open_store(s)
    found = list_tickets(db, tenant_id=tenant or s.tenant, account_id=account,
                         open_only=open_only)
    if as_json:
        render.print_json(console, found)
        return
    table = Table(title="Tickets")
    for column in ("ticket", "account", "status", "priority", "opened", "last activity",
                   "subject"):
        table.add_column(column, no_wrap=column != "subject")
    for t in found:
        table.add_row(t.ticket_id, t.account_id or "-", t.status or "-", t.priority or "-",
                      f"{t.opened_at:%Y-%m-%d}", f"{t.last_activity_at:%Y-%m-%d %H:%M}",
                      render.escape(t.subject or ""))
    console.print(table)


@tickets_app.command("summarize")
def tickets_summarize(ticket_id: str = typer.Argument(..., help="Ticket id or touchpoint id."),
                      now: str | None = typer.Option(None, help="SLA clock (ISO; default now)."),
                      tenant: str | None = TENANT_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Issue, impact, what was tried, status, next action, sentiment, SLA and escalation —
    each with its quote."""
    from assistant.briefing.markdown import render_ticket
    from assistant.cli import render
    from assistant.tickets import summarize_ticket

    db, options, tenant_id = open_retrieval(tenant)
    summary = summarize_ticket(db, tenant_id=tenant_id, ticket_id=ticket_id,
                               policy=sla_policy(settings()), now=_date(now, "--now"),
                               retrieval=options)
    if as_json:
        render.print_json(console, summary)
    else:
        console.print(render_ticket(summary), markup=False, highlight=False)


def show_demo_retrieval(s: Settings, tenant_id: str) -> None:
    """The end of `touchpoint demo`: two briefings (English, Chinese), a search, a ticket."""
    from assistant import bootstrap
    from assistant.briefing import build_briefing
    from assistant.briefing.markdown import render_briefing, render_ticket
    from assistant.tickets import summarize_ticket
    from vector_index.indexing import index_pending
    from vector_index.search import search

    db = bootstrap.open_store(s)
    options = bootstrap.retrieval_options(s)
    index_pending(db, tenant_id=tenant_id, options=options)
    for account, agenda in (("northwind", "renewal pricing"), ("huachen", "私有化部署和价格")):
        console.rule(f"touchpoint brief --account {account} --agenda '{agenda}'")
        briefing = build_briefing(db, tenant_id=tenant_id, account_id=account, agenda=agenda,
                                  retrieval=options, policy=sla_policy(s))
        console.print(render_briefing(briefing), markup=False, highlight=False)
    console.rule("touchpoint search 'SSO 登录失败'")
    for hit in search(db, tenant_id=tenant_id, query="SSO 登录失败", options=options,
                      limit=3).hits:
        console.print(f"{hit.occurred_at:%Y-%m-%d} {hit.channel} {hit.account_id or '-'} "
                      f"[dim]{hit.citation}[/dim]\n   {_marked(hit)}", highlight=False)
    console.rule("touchpoint tickets summarize 4411")
    summary = summarize_ticket(db, tenant_id=tenant_id, ticket_id="4411",
                               policy=sla_policy(s), retrieval=options)
    console.print(render_ticket(summary), markup=False, highlight=False)
