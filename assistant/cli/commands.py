"""Commands: init, ingest, touchpoints list/show, import-accounts, import-events, extract,
failures. Each loads input, calls one stage and prints; `--json` prints machine output."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from assistant import bootstrap, pipeline
from assistant.cli import render
from assistant.cli.app import app, console, err_console, settings
from assistant.errors import BadInputError
from assistant.storage import repository

JSON_OPTION = typer.Option(False, "--json", help="Print JSON for scripts.")
TENANT_OPTION = typer.Option(None, "--tenant", help="Tenant id (default: TOUCHPOINT_TENANT).")

touchpoints_app = typer.Typer(help="List and show stored touchpoints.", no_args_is_help=True)
app.add_typer(touchpoints_app, name="touchpoints")


@app.command()
def init(as_json: bool = JSON_OPTION) -> None:
    """Create the data directory and the database (safe to run again)."""
    s = settings()
    bootstrap.open_store(s)
    info = {"data_dir": str(s.data_dir), "database": s.resolved_database_url}
    if as_json:
        render.print_json(console, info)
    else:
        console.print(f"Data directory: {info['data_dir']}\nDatabase: {info['database']}")


def _parse_when(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise BadInputError(f"--occurred-at {value!r} is not ISO-8601 (e.g. 2026-03-02T10:00+08:00)"
                            ) from None


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories or globs."),
    extractor: str | None = typer.Option(None, help="rules | llm | hybrid (default: settings)."),
    no_extract: bool = typer.Option(False, "--no-extract", help="Only parse and store."),
    account: str | None = typer.Option(None, help="Attach to this account id."),
    contact: list[str] = typer.Option([], help="Attach to this contact id (repeatable)."),
    occurred_at: str | None = typer.Option(None, help="When the source does not say (ISO-8601)."),
    language: str | None = typer.Option(None, help="en | zh; default: detect."),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Ingest sources: parse, resolve identity, store, extract. Re-ingesting adds nothing."""
    s = settings()
    db = bootstrap.open_store(s)
    options = bootstrap.pipeline_options(
        s, extractor=extractor, extract=not no_extract, tenant=tenant,
        occurred_at=_parse_when(occurred_at), language=language, account_id=account,
        contact_ids=tuple(contact))
    files, missing = pipeline.expand_paths(paths)
    outcomes = [pipeline.FileOutcome(path=m, error=f"{m}: no such file or no supported files")
                for m in missing]
    outcomes += _run_with_progress(db, files, options, quiet=as_json)
    _report(outcomes, as_json=as_json)
    if any(not o.is_ok for o in outcomes):
        raise typer.Exit(1)


def _run_with_progress(db, files: list[Path], options, *, quiet: bool) -> list[pipeline.FileOutcome]:
    outcomes: list[pipeline.FileOutcome] = []
    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
               TimeRemainingColumn())
    with Progress(*columns, console=err_console, disable=quiet, transient=True) as bar:
        task = bar.add_task("ingest", total=len(files))
        for path in files:
            bar.update(task, description=path.name[:40])
            audio = bar.add_task(f"  transcribe {path.name[:30]}", total=None, visible=False)

            def on_audio(done: float, total: float, audio: TaskID = audio) -> None:
                bar.update(audio, completed=done, total=total, visible=True)

            outcomes.append(pipeline.ingest_file(db, path, options, progress=on_audio))
            bar.remove_task(audio)
            bar.advance(task)
    return outcomes


def _report(outcomes: list[pipeline.FileOutcome], *, as_json: bool) -> None:
    created = sum(len(o.created) for o in outcomes)
    duplicates = sum(len(o.duplicates) for o in outcomes)
    failed_files = [o for o in outcomes if o.error]
    failed_extract = sum(len(o.failed) for o in outcomes)
    if as_json:
        render.print_json(console, {
            "ingested": created, "skipped_duplicates": duplicates,
            "failed": [{"path": o.path, "error": o.error} for o in failed_files]
            + [{"path": o.path, "error": e} for o in outcomes for e in o.partial_errors],
            "extraction_failed": [i for o in outcomes for i in o.failed],
            "files": [o.__dict__ for o in outcomes],
        })
        return
    console.print(f"Ingested {created} touchpoint(s), skipped {duplicates} duplicate(s), "
                  f"{len(failed_files)} file(s) failed"
                  + (f", extraction failed for {failed_extract}" if failed_extract else "") + ".")
    for o in failed_files:
        err_console.print(f"  [red]failed[/red] {render.escape(o.error or '')}", highlight=False)
    for error in (e for o in outcomes for e in o.partial_errors):
        err_console.print(f"  [red]failed[/red] {render.escape(error)}", highlight=False)


@touchpoints_app.command("list")
def list_touchpoints(
    account: str | None = typer.Option(None),
    channel: str | None = typer.Option(None),
    status: str | None = typer.Option(None),
    limit: int = typer.Option(50),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """List stored touchpoints, newest first."""
    s = settings()
    db = bootstrap.open_store(s)
    with db.session() as session:
        found = repository.list_touchpoints(session, tenant_id=tenant or s.tenant,
                                            account_id=account, channel=channel, status=status,
                                            limit=limit)
    if as_json:
        render.print_json(console, [tp.model_dump(mode="json", exclude={"text", "segments"})
                                    for tp in found])
    else:
        console.print(render.touchpoint_table(found))


@touchpoints_app.command("show")
def show_touchpoint(
    touchpoint_id: str = typer.Argument(...),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Show one touchpoint, its text and its latest insights with their quotes."""
    s = settings()
    db = bootstrap.open_store(s)
    tenant_id = tenant or s.tenant
    with db.session() as session:
        tp = repository.get_touchpoint(session, tenant_id=tenant_id, touchpoint_id=touchpoint_id)
        insights = repository.latest_insights(session, tenant_id=tenant_id,
                                              touchpoint_id=touchpoint_id)
    if as_json:
        render.print_json(console, {"touchpoint": tp, "insights": insights})
        return
    console.print(render.touchpoint_table([tp], title=tp.id))
    if tp.error:
        console.print(f"[red]error[/red]: {render.escape(tp.error)}")
    console.print(render.escape(tp.text))
    if insights:
        render.print_insights(console, insights)


@app.command("import-accounts")
def import_accounts(path: Path, tenant: str | None = TENANT_OPTION,
                    as_json: bool = JSON_OPTION) -> None:
    """Import accounts and contacts from CSV or JSON (re-import updates, never duplicates)."""
    from assistant.identity import import_accounts as run_import

    s = settings()
    db = bootstrap.open_store(s)
    with db.session() as session:
        summary = run_import(session, tenant_id=tenant or s.tenant, path=path)
    if as_json:
        render.print_json(console, summary)
    else:
        console.print(f"Imported accounts and contacts from {path}: {summary}")


@app.command("import-events")
def import_events(path: Path, tenant: str | None = TENANT_OPTION,
                  as_json: bool = JSON_OPTION) -> None:
    """Import web and product events from JSON Lines (re-import adds nothing)."""
    from assistant.events import store_events

    s = settings()
    db = bootstrap.open_store(s)
    stored, duplicates = store_events(db, path, bootstrap.parse_options(s, tenant=tenant))
    if as_json:
        render.print_json(console, {"stored": stored, "skipped_duplicates": duplicates})
    else:
        console.print(f"Stored {stored} event(s), skipped {duplicates} duplicate(s).")
