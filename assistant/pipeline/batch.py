"""Many small sources at once: the same stages, one transaction per stage for the whole batch.

A folder of emails costs three commits per source when each runs alone (receive, parse,
extract). Here each stage's work (parsing, extraction) still happens per source outside any
transaction, and only the writes are grouped: receive all, store all parsed, store all
extracted. What a stage does to one source is exactly what `runner` does; if a grouped write
fails, the group is rolled back and its sources go through `runner` one by one, so a bad source
never costs the others anything. Sources seen before (duplicates, half-done ones) and audio
take the one-by-one path too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.pipeline.options import Runtime, SourceOptions
from assistant.pipeline.runner import (
    SourceOutcome,
    ingest_source,
    record_extraction,
    record_input_failure,
    record_parse,
    run_source,
)
from assistant.pipeline.stages import (
    Extraction,
    ParseResult,
    complete_source,
    new_source_row,
    one_line,
    parse_bytes,
    run_extractor,
    store_extraction,
    store_parsed,
    store_received,
)
from assistant.storage import sources
from assistant.storage.db import Database
from assistant.storage.rows import SourceRow


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
    fresh = _receive(db, work)
    batch = [job for job in fresh if job.row.kind != "audio"]
    _parse_all(db, batch, runtime, outcomes)
    _extract_all(db, [j for j in batch if outcomes[j.number] is None], runtime, outcomes)
    for job in batch:
        if outcomes[job.number] is None:
            outcomes[job.number] = _outcome(job, runtime)
    for job in work:  # seen before (or twice in this batch), or audio: after the batch is done
        if outcomes[job.number] is None:
            outcomes[job.number] = _alone(db, tenant_id, job.item, runtime)
    return [o for o in outcomes if o is not None]


def _receive(db: Database, work: list[_Work]) -> list[_Work]:
    """Store every new source in one transaction; the ones this call created."""
    with db.session() as session:
        return [job for job in work if store_received(session, job.row, job.item.content)]


def _alone(db: Database, tenant_id: str, item: SourceInput, runtime: Runtime) -> SourceOutcome:
    return ingest_source(db, tenant_id=tenant_id, content=item.content, uri=item.uri,
                         options=item.options, runtime=runtime)


def _parse_all(db: Database, batch: list[_Work], runtime: Runtime,
               outcomes: list[SourceOutcome | None]) -> None:
    parsed = {}
    for job in batch:
        try:
            parsed[job.number] = parse_bytes(job.row, job.item.content, runtime)
        except Exception as exc:
            job.error = runtime.redact(f"{job.row.uri}: {one_line(exc)}")
    try:
        with db.session() as session:
            for job in batch:
                if job.error is None:
                    job.parse = store_parsed(session, job.row, parsed[job.number], runtime)
    except Exception:  # a write one source could not make: each goes on alone
        for job in batch:
            job.parse = None
            outcomes[job.number] = _alone(db, job.row.tenant_id, job.item, runtime)


def _extract_all(db: Database, batch: list[_Work], runtime: Runtime,
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
            for job in parsed:
                assert job.parse is not None
                pairs = list(zip(job.parse.created, job.extractions, strict=False))
                complete = all(e.result.status in ("extracted", "failed")
                               for e in job.extractions)
                for number, (touchpoint, extraction) in enumerate(pairs, start=1):
                    last = number == len(pairs)
                    store_extraction(session, touchpoint, extraction, release_source=last,
                                     source_complete=complete if last else None)
                if not pairs:  # nothing to extract here (or no extractor): let go of it
                    complete_source(session, tenant_id=job.row.tenant_id, source_id=job.row.id,
                                    release=True)
            for job in batch:
                if job.error is not None:
                    sources.fail(session, tenant_id=job.row.tenant_id, source_id=job.row.id,
                                 error=job.error, stage="parse")
    except Exception:  # the parse stage stands; each source's extraction goes on alone
        for job in parsed:
            outcome = SourceOutcome(uri=job.row.uri, source_id=job.row.id)
            assert job.parse is not None
            record_parse(outcome, job.parse, runtime)
            outcomes[job.number] = run_source(db, tenant_id=job.row.tenant_id,
                                              source_id=job.row.id, runtime=runtime,
                                              outcome=outcome)


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
