"""Commands: init, touchpoints list/show, import-accounts, import-events. Each loads input,
calls one service function and prints; `--json` prints machine output."""

from __future__ import annotations

from pathlib import Path

import typer

from assistant.cli.context import JSON_OPTION, TENANT_OPTION, console, settings
from assistant.cli.context import tenant as tenant_of

PLAIN_LIST_ROWS = 60  # longer lists print as plain aligned lines, not a Rich table
cli = typer.Typer()
touchpoints_app = typer.Typer(help="List and show stored touchpoints.", no_args_is_help=True)
cli.add_typer(touchpoints_app, name="touchpoints")


@cli.command()
def init(as_json: bool = JSON_OPTION) -> None:
    """Create the data directory and the database (safe to run again)."""
    from assistant import bootstrap
    from assistant.cli import render

    s = settings()
    bootstrap.open_store(s)
    info = {"data_dir": str(s.data_dir), "database": s.resolved_database_url}
    if as_json:
        render.print_json(console, info)
    else:
        console.print(f"Data directory: {info['data_dir']}\nDatabase: {info['database']}")


@touchpoints_app.command("list")
def list_touchpoints(
    account: str | None = typer.Option(None),
    channel: str | None = typer.Option(None),
    status: str | None = typer.Option(None),
    limit: int = typer.Option(50),
    cursor: str | None = typer.Option(None, help="Continue after this page (from --json)."),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """List stored touchpoints, newest first; `~` marks a date estimated from the file."""
    from assistant.cli import render
    from assistant.storage.list_pages import read_sqlite_page

    s = settings()
    tenant_id = tenant_of(tenant)
    # a SQLite store at the newest schema is read without SQLAlchemy (a third of the start-up)
    page = read_sqlite_page(s.resolved_database_url, tenant_id=tenant_id, account_id=account,
                            channel=channel, status=status, limit=limit, cursor=cursor)
    if page is None:
        from assistant import bootstrap
        from assistant.storage.listing import list_touchpoint_summaries

        db = bootstrap.open_store(s)
        with db.session() as session:
            page = list_touchpoint_summaries(
                session, tenant_id=tenant_id, account_id=account, channel=channel,
                status=status, limit=limit, cursor=cursor)
    found, next_cursor = page
    if as_json:
        render.print_json(console, {"touchpoints": found, "next_cursor": next_cursor})
    elif len(found) > PLAIN_LIST_ROWS:
        render.write_touchpoint_lines(console, found)
    else:
        console.print(render.touchpoint_table(found))
    if next_cursor and not as_json:
        console.print(f"more: --cursor {next_cursor}", highlight=False)


@touchpoints_app.command("show")
def show_touchpoint(
    touchpoint_id: str = typer.Argument(...),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Show one touchpoint, its text and its latest insights with their quotes."""
    from assistant import bootstrap
    from assistant.cli import render
    from assistant.storage import repository

    s = settings()
    db = bootstrap.open_store(s)
    tenant_id = tenant_of(tenant)
    with db.session() as session:
        tp = repository.get_touchpoint(session, tenant_id=tenant_id, touchpoint_id=touchpoint_id)
        insights = repository.latest_insights(session, tenant_id=tenant_id,
                                              touchpoint_id=touchpoint_id)
    if as_json:
        render.print_json(console, {"touchpoint": tp, "insights": insights})
        return
    console.print(render.touchpoint_table([tp], title=tp.id))
    if tp.occurred_at_source != "explicit":
        console.print(f"[yellow]when[/yellow]: {tp.occurred_at.isoformat()} is an estimate "
                      f"from the {tp.occurred_at_source.replace('_', ' ')}; the source gave no "
                      "date (pass --occurred-at or a sidecar to set it)")
    if tp.error:
        console.print(f"[red]error[/red]: {render.escape(tp.error)}")
    console.print(render.escape(tp.text))
    if insights:
        render.print_insights(console, insights)


@cli.command("import-accounts")
def import_accounts(path: Path, tenant: str | None = TENANT_OPTION,
                    as_json: bool = JSON_OPTION) -> None:
    """Import accounts and contacts from CSV or JSON (re-import updates, never duplicates)."""
    from assistant import bootstrap
    from assistant.accounts import import_accounts as run_import
    from assistant.cli import render

    s = settings()
    db = bootstrap.open_store(s)
    with db.session() as session:
        summary = run_import(session, tenant_id=tenant_of(tenant), content=_read(path),
                             uri=str(path))
    if as_json:
        render.print_json(console, summary)
    else:
        console.print(f"Imported accounts and contacts from {path}: {summary}")


@cli.command("import-events")
def import_events(path: Path, tenant: str | None = TENANT_OPTION,
                  as_json: bool = JSON_OPTION) -> None:
    """Import web and product events from JSON Lines (re-import adds nothing)."""
    from assistant import bootstrap
    from assistant.cli import render
    from assistant.events import store_events

    s = settings()
    db = bootstrap.open_store(s)
    stored, duplicates = store_events(db, _read(path), uri=str(path),
                                      options=bootstrap.parse_options(s, tenant=tenant_of(tenant)))
    if as_json:
        render.print_json(console, {"stored": stored, "skipped_duplicates": duplicates})
    else:
        console.print(f"Stored {stored} event(s), skipped {duplicates} duplicate(s).")


def _read(path: Path) -> bytes:
    from assistant.errors import BadInputError

    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadInputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
