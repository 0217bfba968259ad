"""Many small sources at once: the same stages, one transaction per stage for the whole batch.

A folder of emails costs three commits per source when each runs alone (receive, parse,
extract), and about a dozen statements. Here each stage's work (parsing, extraction) still
happens per source outside any transaction, and only the writes are grouped: receive all, store
all parsed, store all extracted, each kind of row in one statement (`storage/bulk.py`), the
lookups of identity resolution read once for the batch (`identity.PreloadedDirectory`). What a
stage does to one source is exactly what `runner` does; if a grouped write fails, the group is
rolled back and its sources go through `runner` one by one, so a bad source never costs the
others anything. Sources seen before (duplicates, half-done ones) and audio take the one-by-one
path too, except those found finished, which one read of their rows answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from assistant.ingest.dispatch import Parsed
from assistant.models import Touchpoint
from assistant.pipeline.options import Runtime, SourceOptions
from assistant.pipeline.runner import (
    SourceOutcome,
    ingest_source,
    record_extraction,
    record_finished,
    record_input_failure,
    record_parse,
    run_source,
)
from assistant.pipeline.stages import (
    Extraction,
    ParseResult,
    complete_source,
    naming,
    new_source_row,
    one_line,
    parse_bytes,
    resolve,
    run_extractor,
    storable,
)
from assistant.storage import bulk, claims, repository, sources
from assistant.storage.db import Database
from assistant.storage.rows import SourceRow

_COMPLETE = ("extracted", "failed")  # a source whose touchpoints all ended so is done


@dataclass(frozen=True)
class SourceInput:
    """One source as the input layer hands it on: its bytes, where from, and the options."""

    uri: str
    content: bytes
    options: SourceOptions


@dataclass
class _Work:
    number: int
    item: SourceInput
    row: SourceRow
    parse: ParseResult | None = None
    error: str | None = None
    extractions: list[Extraction] = field(default_factory=list)


def ingest_batch(db: Database, *, tenant_id: str, inputs: list[SourceInput],
                 runtime: Runtime) -> list[SourceOutcome]:
    """Ingest `inputs` with grouped writes; one outcome per input, in order. Never raises for
    anything inside a source."""
    outcomes: list[SourceOutcome | None] = [None] * len(inputs)
    work: list[_Work] = []
    for number, item in enumerate(inputs):
        try:
            work.append(_Work(number, item, new_source_row(
                tenant_id=tenant_id, content=item.content, uri=item.uri, options=item.options,
                max_bytes=runtime.parse.max_bytes)))
        except Exception as exc:
            outcomes[number] = record_input_failure(db, tenant_id=tenant_id, uri=item.uri,
                                                    stage="receive", error=one_line(exc),
                                                    runtime=runtime)
    fresh = _receive(db, tenant_id, work, runtime, outcomes)
    batch = [job for job in fresh if job.row.kind != "audio"]
    _parse_all(db, tenant_id, batch, runtime, outcomes)
    _extract_all(db, tenant_id, [j for j in batch if outcomes[j.number] is None], runtime,
                 outcomes)
    for job in batch:
        if outcomes[job.number] is None:
            outcomes[job.number] = _outcome(job, runtime)
    # seen before (or twice in this batch), or audio: after the batch is done
    _seen_before(db, tenant_id, [job for job in work if outcomes[job.number] is None], runtime,
                 outcomes)
    return [o for o in outcomes if o is not None]


def _receive(db: Database, tenant_id: str, work: list[_Work], runtime: Runtime,
             outcomes: list[SourceOutcome | None]) -> list[_Work]:
    """Store every new source in one transaction; the ones this call created (of the same
    bytes twice, the first). When that fails, each source goes through the runner alone."""
    try:
        with db.session() as session:
            created = bulk.insert_sources(session, [job.row for job in work])
            fresh: list[_Work] = []
            for job in work:
                if job.row.id in created:
                    created.discard(job.row.id)
                    fresh.append(job)
            bulk.save_blobs(session, tenant_id=tenant_id,
                            contents={job.row.sha256: job.item.content for job in fresh})
    except Exception:  # a row one source could not write: each goes on alone
        for job in work:
            outcomes[job.number] = _alone(db, job, runtime)
        return []
    return fresh


def _alone(db: Database, job: _Work, runtime: Runtime) -> SourceOutcome:
    item = job.item
    return ingest_source(db, tenant_id=job.row.tenant_id, content=item.content, uri=item.uri,
                         options=item.options, runtime=runtime)


def _seen_before(db: Database, tenant_id: str, jobs: list[_Work], runtime: Runtime,
                 outcomes: list[SourceOutcome | None]) -> None:
    """Sources this batch did not take through its stages: those found finished are answered
    from one read of their rows (as `run_source` would answer), the rest run one by one."""
    if not jobs:
        return
    with db.session() as session:
        rows = bulk.source_rows(session, tenant_id=tenant_id,
                                source_ids=[job.row.id for job in jobs])
    for job in jobs:
        row = rows.get(job.row.id)
        if row is None:  # erased since: received again
            outcomes[job.number] = _alone(db, job, runtime)
            continue
        outcome = SourceOutcome(uri=job.item.uri, source_id=row.id)
        if row.stage in sources.UNFINISHED:
            run_source(db, tenant_id=tenant_id, source_id=row.id, runtime=runtime,
                       content=job.item.content, outcome=outcome)
        else:
            record_finished(outcome, row)
        outcomes[job.number] = outcome


def _parse_all(db: Database, tenant_id: str, batch: list[_Work], runtime: Runtime,
               outcomes: list[SourceOutcome | None]) -> None:
    parsed: dict[int, Parsed] = {}
    for job in batch:
        try:
            parsed[job.number] = parse_bytes(job.row, job.item.content, runtime)
        except Exception as exc:
            job.error = runtime.redact(naming(job.row.uri, exc))
    good = [job for job in batch if job.error is None]
    try:
        with db.session() as session:
            results = _store_parsed(session, tenant_id,
                                    [(job.row, parsed[job.number]) for job in good], runtime)
    except Exception:  # a write one source could not make: each goes on alone
        for job in batch:
            outcomes[job.number] = _alone(db, job, runtime)
        return
    for job, result in zip(good, results, strict=True):
        job.parse = result


def _store_parsed(session: Session, tenant_id: str, jobs: list[tuple[SourceRow, Parsed]],
                  runtime: Runtime) -> list[ParseResult]:
    """`stages.store_parsed` for each (source, parsed) pair, in the caller's transaction, with
    the identity lookups read once and each kind of row written in one statement."""
    from assistant.identity import PreloadedDirectory

    cleaned = [[storable(tp) for tp in parsed.touchpoints] for _, parsed in jobs]
    directory = PreloadedDirectory(session, tenant_id, [tp for tps in cleaned for tp in tps],
                                   default_region=runtime.phone_region,
                                   vendor_domains=runtime.parse.vendor_domains)
    stored: list[list[Touchpoint]] = []
    for (row, _), touchpoints in zip(jobs, cleaned, strict=True):
        options = SourceOptions.from_json(row.options)
        stored.append([storable(resolve(session, tp, options, runtime, directory=directory)
                                .model_copy(update={"status": "parsed", "source_id": row.id}))
                       for tp in touchpoints])
    directory.flush()
    created_ids = bulk.save_touchpoints(session, [tp for tps in stored for tp in tps],
                                        claimed_by=claims.process_token())
    results: list[ParseResult] = []
    for (row, parsed), touchpoints in zip(jobs, stored, strict=True):
        created = []
        for touchpoint in touchpoints:
            if touchpoint.id in created_ids:  # stored by the first source that had it
                created_ids.discard(touchpoint.id)
                created.append(touchpoint)
        for failure in parsed.errors:
            repository.record_ingest_failure(session, tenant_id=tenant_id,
                                             source_uri=failure.where, sha256=row.sha256,
                                             error=runtime.redact(failure.message),
                                             stage="parse")
        ids = list(dict.fromkeys(tp.id for tp in parsed.touchpoints))
        results.append(ParseResult(ids, created, parsed.errors))
    bulk.set_stages(session, tenant_id=tenant_id, stage="parsed",
                    touchpoint_ids={row.id: result.stored_ids
                                    for (row, _), result in zip(jobs, results, strict=True)})
    return results


def _extract_all(db: Database, tenant_id: str, batch: list[_Work], runtime: Runtime,
                 outcomes: list[SourceOutcome | None]) -> None:
    """Extract what each source created, then store every run, complete and release every
    source, in one transaction."""
    parsed = [job for job in batch if job.parse is not None]
    if runtime.extractor is not None:
        for job in parsed:
            assert job.parse is not None
            job.extractions = [run_extractor(tp, runtime) for tp in job.parse.created]
    try:
        with db.session() as session:
            _store_extractions(session, tenant_id, parsed)
            _fail_unparsed(session, tenant_id, batch)
    except Exception:  # the parse stage stands; each source's extraction goes on alone
        with db.session() as session:
            _fail_unparsed(session, tenant_id, batch)
        for job in parsed:
            outcome = SourceOutcome(uri=job.row.uri, source_id=job.row.id)
            assert job.parse is not None
            record_parse(outcome, job.parse, runtime)
            outcomes[job.number] = run_source(db, tenant_id=tenant_id, source_id=job.row.id,
                                              runtime=runtime, outcome=outcome)


def _fail_unparsed(session: Session, tenant_id: str, batch: list[_Work]) -> None:
    for job in batch:
        if job.error is not None:
            sources.fail(session, tenant_id=tenant_id, source_id=job.row.id, error=job.error,
                         stage="parse")


def _store_extractions(session: Session, tenant_id: str, jobs: list[_Work]) -> None:
    """`stages.store_extraction` for every touchpoint the jobs created, each source then
    completed and released, one statement per kind of row."""
    pairs = [(tp, extraction) for job in jobs if job.parse is not None
             for tp, extraction in zip(job.parse.created, job.extractions, strict=False)]
    bulk.save_insight_runs(session, tenant_id=tenant_id,
                           runs=[e.insights for _, e in pairs if e.insights is not None])
    bulk.set_touchpoint_results(session, tenant_id=tenant_id, results=[
        (tp.id, e.result.status, e.result.error) for tp, e in pairs])
    finished: dict[bool, list[str]] = {True: [], False: []}
    for job in jobs:
        if not job.extractions:  # nothing to extract here (or no extractor): let go of it
            complete_source(session, tenant_id=tenant_id, source_id=job.row.id, release=True)
            continue
        complete = all(e.result.status in _COMPLETE for e in job.extractions)
        finished[complete].append(job.row.id)
    for is_complete, source_ids in finished.items():
        bulk.finish_sources(session, tenant_id=tenant_id, source_ids=source_ids,
                            is_complete=is_complete, release=True)


def _outcome(job: _Work, runtime: Runtime) -> SourceOutcome:
    outcome = SourceOutcome(uri=job.row.uri, source_id=job.row.id)
    if job.error is not None:
        outcome.error, outcome.error_stage = job.error, "parse"
        return outcome
    if job.parse is not None:
        record_parse(outcome, job.parse, runtime)
        for extraction in job.extractions:
            record_extraction(outcome, extraction.result)
    return outcome
