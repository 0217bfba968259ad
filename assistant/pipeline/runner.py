"""The in-process runner: a source's remaining stages, one after another, in this process.

It is what the command line runs (and the API without a broker); a Celery worker runs the
same stage functions one task each. Nothing that goes wrong inside one source stops the batch:
any exception is caught at the source boundary, turned into one redacted line, recorded with
its stage, and reported in the outcome. A source found half-done (a crash, a provider that was
down) is finished, not skipped as a duplicate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.errors import TouchpointError
from assistant.models import Touchpoint
from assistant.pipeline.options import Runtime, SourceOptions
from assistant.pipeline.stages import (
    BusyError,
    ExtractResult,
    ParseResult,
    claim_source,
    complete_source,
    extract_claimed,
    naming,
    one_line,
    parse_claimed,
    receive,
)
from assistant.storage import claims, convert, repository, sources
from assistant.storage.db import Database
from assistant.storage.rows import SourceRow

Progress = Callable[[float, float], None]


@dataclass
class SourceOutcome:
    """What this process did with one source."""

    uri: str
    source_id: str | None = None
    created: list[str] = field(default_factory=list)  # touchpoints this process stored
    duplicates: list[str] = field(default_factory=list)  # stored before, nothing left to do
    resumed: list[str] = field(default_factory=list)  # stored before, finished now
    extracted: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # extraction deferred: provider down
    failed: list[str] = field(default_factory=list)  # extraction failed
    error: str | None = None  # the source itself failed
    error_stage: str | None = None
    partial_errors: list[str] = field(default_factory=list)
    busy: bool = False  # another live process is working on it

    @property
    def is_ok(self) -> bool:
        return self.error is None and not self.failed and not self.partial_errors


def ingest_source(db: Database, *, tenant_id: str, content: bytes, uri: str,
                  options: SourceOptions, runtime: Runtime,
                  progress: Progress | None = None) -> SourceOutcome:
    """Receive one source and run its remaining stages; never raises for anything inside it."""
    outcome = SourceOutcome(uri=uri)
    try:
        received = receive(db, tenant_id=tenant_id, content=content, uri=uri, options=options,
                           max_bytes=runtime.parse.max_bytes)
    except Exception as exc:
        return record_input_failure(db, tenant_id=tenant_id, uri=uri, stage="receive",
                                    error=one_line(exc), runtime=runtime)
    outcome.source_id = received.source_id
    if received.row is not None:  # new: this process holds it already, and its bytes
        _run_claimed(db, received.row, runtime, progress, content, outcome)
        return outcome
    return run_source(db, tenant_id=tenant_id, source_id=received.source_id, runtime=runtime,
                      progress=progress, content=content, outcome=outcome)


def record_input_failure(db: Database, *, tenant_id: str, uri: str, stage: str, error: str,
                         runtime: Runtime) -> SourceOutcome:
    """An input that never became a source (unreadable, unsupported, a bad sidecar)."""
    message = runtime.redact(error if error.startswith(uri) else f"{uri}: {error}")
    with db.session() as session:
        repository.record_ingest_failure(session, tenant_id=tenant_id, source_uri=uri,
                                         sha256=None, error=message, stage=stage)
    return SourceOutcome(uri=uri, error=message, error_stage=stage)


def run_source(db: Database, *, tenant_id: str, source_id: str, runtime: Runtime,
               progress: Progress | None = None, content: bytes | None = None,
               outcome: SourceOutcome | None = None) -> SourceOutcome:
    """Every stage the source has not reached yet, in order; `content` saves re-reading bytes
    the caller already holds."""
    try:
        row, claimed = claim_source(db, tenant_id=tenant_id, source_id=source_id)
    except BusyError:
        return _busy(outcome, source_id)
    outcome = outcome or SourceOutcome(uri=row.uri, source_id=source_id)
    if not claimed:  # done or failed before
        record_finished(outcome, row)
        return outcome
    _run_claimed(db, row, runtime, progress, content, outcome)
    return outcome


def record_finished(outcome: SourceOutcome, row: SourceRow) -> None:
    """A source found done or failed before: its touchpoints are duplicates, and its error
    (when it failed) is the outcome's."""
    outcome.duplicates += row.touchpoint_ids
    if row.stage == "failed":
        error = row.error or "(no message)"
        if outcome.uri != row.uri:  # the same bytes under another name: say which
            error = f"{outcome.uri}: the same bytes as {row.uri}, which failed: {error}"
        outcome.error, outcome.error_stage = error, row.error_stage


def _run_claimed(db: Database, row: SourceRow, runtime: Runtime, progress: Progress | None,
                 content: bytes | None, outcome: SourceOutcome) -> None:
    stage = "parse"
    try:
        if row.stage == "received":
            todo = _parse(db, row, content, runtime, progress, outcome)
        else:
            todo = _claim_unextracted(db, row.tenant_id, list(row.touchpoint_ids))
            outcome.resumed += [tp.id for tp in todo if tp.id not in outcome.created]
        stage = "extract"
        if runtime.extractor is not None and todo:
            _extract_all(db, todo, runtime, outcome, all_of_source=row.stage == "received")
        else:
            _release(db, row.tenant_id, row.id)
    except Exception as exc:
        _fail(db, row.tenant_id, row.id, stage, runtime.redact(naming(row.uri, exc)), outcome)


def _busy(outcome: SourceOutcome | None, source_id: str) -> SourceOutcome:
    outcome = outcome or SourceOutcome(uri=source_id, source_id=source_id)
    outcome.busy = True
    return outcome


def _parse(db: Database, row: SourceRow, content: bytes | None, runtime: Runtime,
           progress: Progress | None, outcome: SourceOutcome) -> list[Touchpoint]:
    if content is None:
        with db.session() as session:
            content = sources.load_blob(session, tenant_id=row.tenant_id, sha256=row.sha256)
    result = parse_claimed(db, row, content, runtime, progress=progress)
    record_parse(outcome, result, runtime)
    return result.created  # a touchpoint stored by another source is that source's to extract


def record_parse(outcome: SourceOutcome, result: ParseResult, runtime: Runtime) -> None:
    """Count a parse stage's result in the outcome."""
    created = {tp.id for tp in result.created}
    outcome.created += [tp.id for tp in result.created]
    outcome.duplicates += [i for i in result.stored_ids if i not in created]
    outcome.partial_errors += [runtime.redact(f"{e.where}: {e.message}")
                               for e in result.part_errors]


def record_extraction(outcome: SourceOutcome, result: ExtractResult) -> None:
    """Count an extract stage's result in the outcome."""
    touchpoint_id = result.touchpoint_id
    if result.status == "extracted":
        outcome.extracted.append(touchpoint_id)
    elif result.status == "pending":
        outcome.pending.append(touchpoint_id)
        outcome.partial_errors.append(f"{touchpoint_id} ({outcome.uri}): {result.error} "
                                      "(kept; `touchpoint extract --pending` retries)")
    elif result.status == "failed":
        outcome.failed.append(touchpoint_id)
        outcome.partial_errors.append(f"{touchpoint_id} ({outcome.uri}): {result.error}")


def _claim_unextracted(db: Database, tenant_id: str, ids: list[str]) -> list[Touchpoint]:
    """The touchpoints among `ids` still to extract that this process could claim."""
    me = claims.process_token()
    claimed = []
    with db.session() as session:
        for touchpoint_id in ids:
            row = repository.touchpoint_row(session, tenant_id=tenant_id,
                                            touchpoint_id=touchpoint_id)
            if row.status in ("parsed", "pending") and claims.take(session, row, me=me):
                claimed.append(convert.row_to_touchpoint(row))
    return claimed


def _extract_all(db: Database, touchpoints: list[Touchpoint], runtime: Runtime,
                 outcome: SourceOutcome, *, all_of_source: bool) -> None:
    """Extract each; with `all_of_source` (a source just parsed: these are all of its
    touchpoints) the source's completion is known without reading it back."""
    all_done = True
    for number, touchpoint in enumerate(touchpoints, start=1):
        last = number == len(touchpoints)
        result = extract_claimed(db, touchpoint, runtime, release_source=last,
                                 source_complete=all_done if all_of_source and last else None)
        all_done = all_done and result.status in ("extracted", "failed")
        record_extraction(outcome, result)


def _release(db: Database, tenant_id: str, source_id: str) -> None:
    with db.session() as session:
        complete_source(session, tenant_id=tenant_id, source_id=source_id, release=True)


def _fail(db: Database, tenant_id: str, source_id: str, stage: str, message: str,
          outcome: SourceOutcome) -> None:
    """A parse failure ends the source; after parsing, its touchpoints stay and can resume."""
    outcome.error, outcome.error_stage = message, stage
    with db.session() as session:
        sources.fail(session, tenant_id=tenant_id, source_id=source_id, error=message,
                     stage=stage)


def resume_unfinished(db: Database, *, tenant_id: str, runtime: Runtime,
                      limit: int = 10_000) -> list[SourceOutcome]:
    """Finish every source of the tenant that stopped before its last stage."""
    with db.session() as session:
        ids = sources.unfinished_source_ids(session, tenant_id=tenant_id, limit=limit)
    return [run_source(db, tenant_id=tenant_id, source_id=i, runtime=runtime) for i in ids]


__all__ = ["SourceOutcome", "TouchpointError", "ingest_source", "record_input_failure",
           "resume_unfinished", "run_source"]
