"""Commands that revisit stored data: extract (re-run extraction), failures."""

from __future__ import annotations

from datetime import datetime

import typer

from assistant import bootstrap, pipeline
from assistant.cli import render
from assistant.cli.app import app, console, settings
from assistant.cli.commands import JSON_OPTION, TENANT_OPTION
from assistant.errors import BadInputError
from assistant.storage import repository

MAX_TOUCHPOINTS = 1_000_000


@app.command()
def extract(
    extractor: str | None = typer.Option(None, help="rules | llm | hybrid (default: settings)."),
    since: str | None = typer.Option(None, help="Only touchpoints that occurred on/after (ISO)."),
    account: str | None = typer.Option(None),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Re-run extraction on stored touchpoints; earlier runs are kept for comparison."""
    s = settings()
    db = bootstrap.open_store(s)
    try:
        since_at = datetime.fromisoformat(since) if since else None
    except ValueError:
        raise BadInputError(f"--since {since!r} is not an ISO-8601 date") from None
    options = bootstrap.pipeline_options(s, extractor=extractor, tenant=tenant)
    with db.session() as session:
        found = repository.list_touchpoints(session, tenant_id=options.parse.tenant_id,
                                            account_id=account, since=since_at,
                                            limit=MAX_TOUCHPOINTS)
    done: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    for tp in found:
        error = pipeline.extract_and_store(db, tp, options)
        if error:
            failed.append(tp.id)
            errors.append(f"{tp.id}: {error}")
        else:
            done.append(tp.id)
    if as_json:
        render.print_json(console, {"extracted": done, "failed": failed, "errors": errors})
    else:
        console.print(f"Extracted {len(done)} touchpoint(s) with "
                      f"{options.extractor.name if options.extractor else '-'}; "
                      f"{len(failed)} failed.")
        for error in errors:
            console.print(f"  [red]failed[/red] {render.escape(error)}", highlight=False)
    if failed:
        raise typer.Exit(1)


@app.command()
def failures(limit: int = typer.Option(50), tenant: str | None = TENANT_OPTION,
             as_json: bool = JSON_OPTION) -> None:
    """Sources that could not be ingested, with the reason, newest first."""
    s = settings()
    db = bootstrap.open_store(s)
    with db.session() as session:
        found = repository.list_ingest_failures(session, tenant_id=tenant or s.tenant, limit=limit)
    if as_json:
        render.print_json(console, found)
        return
    for failure in found:
        console.print(render.escape(str(failure)))
