"""`touchpoint failures`: every source that stopped with an error, and why."""

from __future__ import annotations

from dataclasses import asdict

import typer

from assistant.cli.context import JSON_OPTION, TENANT_OPTION, console, settings
from assistant.cli.context import tenant as tenant_of

cli = typer.Typer()


@cli.command()
def failures(limit: int = typer.Option(50), tenant: str | None = TENANT_OPTION,
             as_json: bool = JSON_OPTION) -> None:
    """Sources that could not be ingested, with the reason, newest first."""
    from assistant import bootstrap
    from assistant.cli import render
    from assistant.jobs import store
    from assistant.storage import repository, sources

    s = settings()
    db = bootstrap.open_store(s)
    tenant_id = tenant_of(tenant)
    with db.session() as session:
        inputs = repository.list_ingest_failures(session, tenant_id=tenant_id, limit=limit)
        stopped = sources.failed_sources(session, tenant_id=tenant_id, limit=limit)
        dead = store.list_jobs(session, tenant_id=tenant_id, status="failed", limit=limit)
    if as_json:
        render.print_json(console, {"sources": stopped, "inputs": [asdict(f) for f in inputs],
                                    "jobs": [job.__dict__ for job in dead]})
        return
    for job in dead:  # the dead-letter list of background jobs (`touchpoint jobs list --failed`)
        console.print(render.escape(f"{job.created_at:%Y-%m-%d %H:%M:%S} [job {job.kind}] "
                                    f"{job.id}: {job.error}"), highlight=False)
    for source in stopped:
        console.print(render.escape(f"{source['at']:%Y-%m-%d %H:%M:%S} [{source['stage']}] "
                                    f"{source['error']}"), highlight=False)
    for failure in inputs:
        console.print(render.escape(f"{failure.created_at:%Y-%m-%d %H:%M:%S} "
                                    f"[{failure.stage or 'ingest'}] {failure.error}"),
                      highlight=False)
