"""`touchpoint ingest` and `touchpoint extract`: the input layer, the runner, and the summary.

Ingest finds the sources (files, folders, globs, Slack export folders, sidecars), reads each
once, and hands its bytes to the pipeline runner; a re-run also finishes sources that an earlier
run left half-done. Every problem is one line for that source, recorded (`touchpoint failures`),
and the batch goes on to its summary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from assistant.cli.context import JSON_OPTION, TENANT_OPTION, console, err_console, settings
from assistant.cli.context import tenant as tenant_of

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.ingest.files import FileSource
    from assistant.pipeline import Runtime, SourceOptions, SourceOutcome
    from assistant.storage.db import Database

cli = typer.Typer()


@cli.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories or globs."),
    extractor: str | None = typer.Option(
        None, help="combined | rules | learned | llm | hybrid (default: TOUCHPOINT_EXTRACTOR, else combined)."),
    no_extract: bool = typer.Option(False, "--no-extract", help="Only parse and store."),
    account: str | None = typer.Option(None, help="Attach to this account id."),
    contact: list[str] = typer.Option([], help="Attach to this contact id (repeatable)."),
    occurred_at: str | None = typer.Option(
        None, help="When the sources do not say: ISO 8601 (no offset = default timezone), "
                   "a date, RFC 2822 or epoch seconds."),
    language: str | None = typer.Option(None, help="en | zh; default: detect."),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Ingest sources: store, parse, resolve identity, extract. Re-ingesting adds nothing."""
    from assistant import bootstrap
    from assistant.errors import BadInputError
    from assistant.ingest.files import find_sources
    from assistant.pipeline import SourceOptions, record_input_failure, resume_unfinished
    from assistant.times import to_instant, zone

    s = settings()
    tenant_id = tenant_of(tenant)
    base = SourceOptions(
        occurred_at=to_instant(occurred_at, tz=zone(s.default_timezone), what="--occurred-at")
        if occurred_at is not None else None,
        language=_language(language), account_id=account, contact_ids=tuple(contact))
    db = bootstrap.open_store(s)
    _check_ids(db, tenant_id, account, contact)
    runtime = bootstrap.runtime(s, extractor=extractor, extract=not no_extract, tenant=tenant_id,
                                language=base.language)
    sources, missing = find_sources(paths)
    outcomes = [record_input_failure(db, tenant_id=tenant_id, uri=m, stage="find",
                                     error=_nothing_found(m), runtime=runtime) for m in missing]
    outcomes += run_files(db, sources, base, runtime, tenant_id=tenant_id, quiet=as_json)
    if runtime.extractor is not None:
        outcomes += [o for o in resume_unfinished(db, tenant_id=tenant_id, runtime=runtime)
                     if o.extracted or o.error or o.pending or o.failed]
    if not sources and not missing:
        raise BadInputError(f"{', '.join(paths)}: no sources found to ingest")
    indexed = _index(db, tenant_id, s) if s.index_on_ingest and not no_extract else None
    report(outcomes, as_json=as_json, indexed=indexed)
    if any(not o.is_ok for o in outcomes) or not sources:
        raise typer.Exit(1)


def _nothing_found(raw: str) -> str:
    from pathlib import Path

    from assistant.ingest.dispatch import SUPPORTED_SUFFIXES

    if not Path(raw).exists():
        return "no such file, and no file matches it"
    return ("holds no file Touchpoint reads (an empty folder, or one named like a file); "
            "supported: " + ", ".join(sorted(SUPPORTED_SUFFIXES)))


def _language(value: str | None) -> str | None:
    from assistant.errors import BadInputError

    if value not in (None, "en", "zh"):
        raise BadInputError(f"--language {value!r}: use en or zh, or leave it out to detect")
    return value


def _check_ids(db: Database, tenant_id: str, account: str | None, contacts: list[str]) -> None:
    """Ids a user typed must exist in the tenant: never attach to another tenant's rows."""
    from assistant.errors import BadInputError, NotFoundError
    from assistant.storage import repository

    with db.session() as session:
        try:
            if account is not None:
                repository.get_account(session, tenant_id=tenant_id, account_id=account)
            for contact_id in contacts:
                repository.get_contact(session, tenant_id=tenant_id, contact_id=contact_id)
        except NotFoundError as exc:
            raise BadInputError(f"{exc}; import it first (`touchpoint import-accounts`)") from None


BATCH = 64  # small sources whose writes are grouped (see assistant/pipeline/batch.py)


def run_files(db: Database, sources: list[FileSource], base: SourceOptions, runtime: Runtime, *,
              tenant_id: str, quiet: bool) -> list[SourceOutcome]:
    """Read and ingest each file source with a progress bar; one source's trouble is its own.
    Recordings go one at a time with a transcription bar; the rest in batches."""
    from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

    from assistant.ingest.dispatch import AUDIO_SUFFIXES
    from assistant.ingest.files import source_options
    from assistant.pipeline import ingest_source, record_input_failure
    from assistant.pipeline.batch import SourceInput, ingest_batch
    from assistant.pipeline.stages import one_line

    outcomes: list[SourceOutcome] = []
    pending: list[SourceInput] = []
    columns = (TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed}/{task.total}"), TimeRemainingColumn())
    with Progress(*columns, console=err_console, disable=quiet, transient=True) as bar:
        task = bar.add_task("ingest", total=len(sources))

        def flush() -> None:
            if not pending:
                return
            outcomes.extend(ingest_batch(db, tenant_id=tenant_id, inputs=pending,
                                         runtime=runtime))
            bar.advance(task, len(pending))
            pending.clear()

        for source in sources:
            try:
                options = source_options(source, base,
                                         default_timezone=runtime.parse.default_timezone)
                content = source.read(max_bytes=runtime.parse.max_bytes)
            except Exception as exc:  # one unreadable file or sidecar never stops the batch
                outcomes.append(record_input_failure(db, tenant_id=tenant_id, uri=source.uri,
                                                     stage="read", error=one_line(exc),
                                                     runtime=runtime))
                bar.advance(task)
                continue
            if source.path.suffix.lower() not in AUDIO_SUFFIXES:
                pending.append(SourceInput(source.uri, content, options))
                if len(pending) >= BATCH:
                    flush()
                continue
            flush()
            bar.update(task, description=source.path.name[:40])
            audio = bar.add_task(f"  transcribe {source.path.name[:30]}", total=None)

            def on_audio(done: float, total: float, audio: TaskID = audio) -> None:
                bar.update(audio, completed=done, total=total)

            outcomes.append(ingest_source(db, tenant_id=tenant_id, content=content,
                                          uri=source.uri, options=options, runtime=runtime,
                                          progress=on_audio))
            bar.remove_task(audio)
            bar.advance(task)
        flush()
    return outcomes


def _index(db: Database, tenant_id: str, s: Settings) -> int | str:
    """The index stage for every touchpoint not indexed yet: how many, or why it could not run
    (search and briefings catch up later, so ingest never fails for it)."""
    from assistant.bootstrap import retrieval_options
    from assistant.pipeline.stages import one_line
    from vector_index.indexing import index_pending

    try:
        return len(index_pending(db, tenant_id=tenant_id, options=retrieval_options(s)))
    except Exception as exc:
        return f"index: {one_line(exc)} (search and briefings will index later)"


def report(outcomes: list[SourceOutcome], *, as_json: bool, indexed: int | str | None = None
           ) -> None:
    """The batch summary: what this process stored, resumed, skipped and why anything failed."""
    from assistant.cli import render

    created = sum(len(o.created) for o in outcomes)
    resumed = sum(len(o.extracted) for o in outcomes if not o.created)
    duplicates = sum(len(o.duplicates) for o in outcomes)
    busy = sum(o.busy for o in outcomes)
    failed_sources = [o for o in outcomes if o.error]
    pending = sum(len(o.pending) for o in outcomes)
    failed_extract = sum(len(o.failed) for o in outcomes)
    if as_json:
        render.print_json(console, {
            "ingested": created, "resumed": resumed, "skipped_duplicates": duplicates,
            "in_progress_elsewhere": busy, "pending_extraction": pending,
            "failed": [{"path": o.uri, "stage": o.error_stage, "error": o.error}
                       for o in failed_sources]
            + [{"path": o.uri, "stage": "part", "error": e} for o in outcomes
               for e in o.partial_errors],
            "extraction_failed": [i for o in outcomes for i in o.failed],
            "indexed": indexed,
            "sources": [o.__dict__ for o in outcomes],
        })
        return
    parts = [f"Ingested {created} touchpoint(s)", f"skipped {duplicates} duplicate(s)",
             f"{len(failed_sources)} source(s) failed"]
    if resumed:
        parts.insert(1, f"finished {resumed} left from an earlier run")
    if busy:
        parts.append(f"{busy} being ingested by another process")
    if pending:
        parts.append(f"{pending} waiting for the extractor's provider")
    if failed_extract:
        parts.append(f"extraction failed for {failed_extract}")
    if isinstance(indexed, int) and indexed:
        parts.append(f"indexed {indexed} for search")
    console.print(", ".join(parts) + ".")
    if isinstance(indexed, str):
        err_console.print(f"  [yellow]not indexed[/yellow] {render.escape(indexed)}",
                          highlight=False)
    for o in failed_sources:
        err_console.print(f"  [red]failed[/red] ({o.error_stage}) {render.escape(o.error or '')}",
                          highlight=False, soft_wrap=True)  # one line per failure, unwrapped
    for error in (e for o in outcomes for e in o.partial_errors):
        err_console.print(f"  [red]failed[/red] {render.escape(error)}", highlight=False,
                          soft_wrap=True)


@cli.command()
def extract(
    extractor: str | None = typer.Option(
        None, help="combined | rules | learned | llm | hybrid (default: TOUCHPOINT_EXTRACTOR, else combined)."),
    since: str | None = typer.Option(None, help="Only touchpoints that occurred on/after."),
    account: str | None = typer.Option(None),
    pending: bool = typer.Option(False, "--pending", help="Only touchpoints not extracted yet "
                                 "(the provider was down, or ingest ran with --no-extract)."),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Run extraction on stored touchpoints; earlier runs are kept for comparison."""
    from assistant import bootstrap
    from assistant.cli import render
    from assistant.pipeline.stages import extract_claimed, extract_touchpoint
    from assistant.storage import claims, convert, repository
    from assistant.times import to_instant, zone

    s = settings()
    tenant_id = tenant_of(tenant)
    db = bootstrap.open_store(s)
    since_at = to_instant(since, tz=zone(s.default_timezone), what="--since") if since else None
    runtime = bootstrap.runtime(s, extractor=extractor, tenant=tenant_id, audio=False)
    with db.session() as session:
        ids = repository.touchpoint_ids(session, tenant_id=tenant_id, account_id=account,
                                        since=since_at,
                                        statuses=("parsed", "pending") if pending else None)
    done: list[str] = []
    waiting: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    for touchpoint_id in ids:
        if pending:
            result = extract_touchpoint(db, tenant_id=tenant_id, touchpoint_id=touchpoint_id,
                                        runtime=runtime)
        else:  # a re-run on purpose: a new run beside the earlier ones
            with db.session() as session:
                row = repository.touchpoint_row(session, tenant_id=tenant_id,
                                                touchpoint_id=touchpoint_id)
                if not claims.take(session, row, me=claims.process_token()):
                    continue
                touchpoint = convert.row_to_touchpoint(row)
            result = extract_claimed(db, touchpoint, runtime)
        {"extracted": done, "pending": waiting, "failed": failed}.get(result.status, []).append(
            touchpoint_id)
        if result.error and result.status != "skipped":
            errors.append(f"{touchpoint_id}: {result.error}")
    if as_json:
        render.print_json(console, {"extracted": done, "pending": waiting, "failed": failed,
                                    "errors": errors})
    else:
        name = runtime.extractor.name if runtime.extractor else "-"
        console.print(f"Extracted {len(done)} touchpoint(s) with {name}; {len(failed)} failed"
                      + (f", {len(waiting)} still waiting for the provider" if waiting else "")
                      + ".")
        for error in errors:
            err_console.print(f"  [red]failed[/red] {render.escape(error)}", highlight=False)
    if failed or waiting:
        raise typer.Exit(1)


