"""The pipeline's stages: receive, parse (or transcribe) with resolve, extract.

Every stage after `receive` is a function of `(tenant_id, id)`: it reads what it needs from the
database and writes its result in one transaction, so the same stage runs in-process, in a
Celery task carrying only ids, or again after a crash. Each stage claims its row first
(storage/claims.py): two processes never do the same stage of the same row, and a stage that
finds its work done returns what was done.

Long work (parsing, transcription, extraction) happens outside any transaction: a stage reads
and claims in one short transaction, works, then writes its result in another.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pydantic_core import PydanticSerializationError
from sqlalchemy.orm import Session

from assistant.errors import ProviderError, TouchpointError
from assistant.ingest.common import ParseOptions
from assistant.ingest.dispatch import Parsed, PartError, parse_content, source_kind
from assistant.models import Insights, Touchpoint
from assistant.pipeline.options import Runtime, SourceOptions
from assistant.storage import claims, convert, repository, sources
from assistant.storage.db import Database
from assistant.storage.rows import SourceRow

if TYPE_CHECKING:
    from assistant.identity import Directory

Progress = Callable[[float, float], None] | None
_TERMINAL = ("extracted", "indexed", "failed")
_REPLACEMENT = "\ufffd"  # one code point, so every offset stays valid


class BusyError(TouchpointError):
    """Another live process holds the claim on this source or touchpoint."""


@dataclass(frozen=True)
class Received:
    source_id: str
    is_new: bool
    row: SourceRow | None = None  # the row created (claimed by this process) when is_new


def source_id_for(tenant_id: str, sha256: str) -> str:
    """Stable: the same bytes in the same tenant are always the same source."""
    return "src_" + hashlib.sha256(f"{tenant_id}\x00{sha256}".encode()).hexdigest()[:24]


# --- receive ---------------------------------------------------------------------------------


def receive(db: Database, *, tenant_id: str, content: bytes, uri: str,
            options: SourceOptions, max_bytes: int) -> Received:
    """Store the raw bytes (content-addressed) and a source row, claimed by this process.

    A duplicate is known here, before any parsing. BadInputError (nothing stored) when the bytes
    are empty, over `max_bytes`, or of a kind Touchpoint does not read.
    """
    row = new_source_row(tenant_id=tenant_id, content=content, uri=uri, options=options,
                         max_bytes=max_bytes)
    with db.session() as session:
        created = store_received(session, row, content)
    return Received(row.id, is_new=created, row=row if created else None)


def new_source_row(*, tenant_id: str, content: bytes, uri: str, options: SourceOptions,
                   max_bytes: int) -> SourceRow:
    """The row `receive` stores, claimed by this process; BadInputError for unusable bytes."""
    from assistant.ingest.common import check_size

    check_size(content, uri=uri, options=ParseOptions(max_bytes=max_bytes))
    kind = source_kind(content, uri)
    sha256 = hashlib.sha256(content).hexdigest()
    return SourceRow(tenant_id=tenant_id, id=source_id_for(tenant_id, sha256), sha256=sha256,
                     uri=uri, size_bytes=len(content), kind=kind, options=options.to_json(),
                     stage="received", touchpoint_ids=[], claimed_by=claims.process_token())


def store_received(session: Session, row: SourceRow, content: bytes) -> bool:
    """Insert the source and its bytes unless stored; True when this call created it."""
    created = sources.insert_source(session, row)
    if created:
        sources.save_blob(session, tenant_id=row.tenant_id, sha256=row.sha256, content=content)
    return created


# --- parse (or transcribe) + resolve ----------------------------------------------------------


def claim_source(db: Database, *, tenant_id: str, source_id: str) -> tuple[SourceRow, bool]:
    """The source row and whether this process now holds it for its next stage."""
    with db.session() as session:
        row = sources.get_source(session, tenant_id=tenant_id, source_id=source_id)
        if row.stage not in sources.UNFINISHED:
            return row, False
        if not claims.take(session, row, me=claims.process_token()):
            raise BusyError(f"source {source_id} is being processed by {row.claimed_by}")
        return row, True


def parse_source(db: Database, *, tenant_id: str, source_id: str, runtime: Runtime,
                 progress: Progress = None) -> list[str]:
    """Parse (or transcribe) a received source, resolve who it is about, and store its
    touchpoints with status `parsed`; returns their ids (also when it was done before)."""
    row, claimed = claim_source(db, tenant_id=tenant_id, source_id=source_id)
    if not claimed or row.stage != "received":
        return list(row.touchpoint_ids)
    with db.session() as session:
        content = sources.load_blob(session, tenant_id=tenant_id, sha256=row.sha256)
    return parse_claimed(db, row, content, runtime, progress=progress).stored_ids


@dataclass
class ParseResult:
    stored_ids: list[str]  # every touchpoint of the source
    created: list[Touchpoint]  # stored by this call, claimed by this process for extraction
    part_errors: list[PartError]


def parse_claimed(db: Database, row: SourceRow, content: bytes, runtime: Runtime, *,
                  progress: Progress = None) -> ParseResult:
    """The parse stage for a source this process has claimed, with its bytes in hand."""
    parsed = parse_bytes(row, content, runtime, progress=progress)
    with db.session() as session:
        return store_parsed(session, row, parsed, runtime)


def parse_bytes(row: SourceRow, content: bytes, runtime: Runtime, *,
                progress: Progress = None) -> Parsed:
    """The parse (or transcription) work of the stage; no database, so no transaction held."""
    parse_options = runtime.parse_options(row.tenant_id, SourceOptions.from_json(row.options))
    return _parse(content, row, parse_options, runtime, progress)


def store_parsed(session: Session, row: SourceRow, parsed: Parsed, runtime: Runtime
                 ) -> ParseResult:
    """Resolve and store a parsed source's touchpoints (claimed by this process for their
    extraction) and record that the source is parsed, in the caller's transaction."""
    options = SourceOptions.from_json(row.options)
    me = claims.process_token()
    created: list[Touchpoint] = []
    for touchpoint in parsed.touchpoints:
        # cleaned before resolving too: its addresses and handles become lookups
        resolved = resolve(session, storable(touchpoint), options, runtime)
        stored = storable(resolved.model_copy(update={"status": "parsed", "source_id": row.id}))
        if repository.save_touchpoint(session, stored, claimed_by=me):
            created.append(stored)
    for failure in parsed.errors:
        repository.record_ingest_failure(session, tenant_id=row.tenant_id,
                                         source_uri=failure.where, sha256=row.sha256,
                                         error=runtime.redact(failure.message), stage="parse")
    ids = list(dict.fromkeys(tp.id for tp in parsed.touchpoints))
    sources.set_stage(session, tenant_id=row.tenant_id, source_id=row.id, stage="parsed",
                      touchpoint_ids=ids)
    return ParseResult(ids, created, parsed.errors)


def _parse(content: bytes, row: SourceRow, options: ParseOptions, runtime: Runtime,
           progress: Progress) -> Parsed:
    if row.kind != "audio":
        return parse_content(content, uri=row.uri, options=options)
    if runtime.transcribe is None:
        raise TouchpointError(f"{row.uri}: audio transcription is not configured in this process")
    from assistant.transcribe import transcribe_audio

    return Parsed(transcribe_audio(content, uri=row.uri, parse_options=options,
                                   options=runtime.transcribe, progress=progress))


def resolve(session: Session, touchpoint: Touchpoint, options: SourceOptions,
            runtime: Runtime, *, directory: Directory | None = None) -> Touchpoint:
    """Tie the touchpoint to an account and contacts; the user's explicit choices win.
    `directory`: a batch's preloaded lookups (see `identity.PreloadedDirectory`)."""
    from assistant.identity import resolve_identity

    resolved = resolve_identity(session, touchpoint, default_region=runtime.phone_region,
                                vendor_domains=runtime.parse.vendor_domains,
                                directory=directory)
    updates: dict[str, object] = {}
    hinted = options.account_hint or touchpoint.metadata.get("account")  # front matter
    if not resolved.account_id and isinstance(hinted, str) and hinted:
        updates["account_id"] = hinted
    if options.account_id:
        updates["account_id"] = options.account_id
    if options.contact_ids:
        updates["contact_ids"] = list(options.contact_ids)
    return resolved.model_copy(update=updates) if updates else resolved


def storable(touchpoint: Touchpoint) -> Touchpoint:
    """Text no database can hold, replaced the same way on SQLite and Postgres: NUL (Postgres
    refuses it in text and JSON) and lone surrogates (undecodable header bytes; no driver can
    encode them). Each becomes U+FFFD, one code point for one, so every offset stays valid."""
    try:
        if "\\u0000" not in touchpoint.model_dump_json():  # the common case, checked fast
            return touchpoint
    except PydanticSerializationError:  # a lone surrogate cannot be written as UTF-8
        pass
    dumped = touchpoint.model_dump(mode="json")
    cleaned = _clean_text(dumped)
    return touchpoint if cleaned == dumped else Touchpoint.model_validate(cleaned)


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _clean_text(value: object) -> object:
    if isinstance(value, str):
        return _UNSTORABLE.sub(_REPLACEMENT, value)
    if isinstance(value, dict):
        return {_clean_text(k): _clean_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_text(v) for v in value]
    return value


# --- extract ----------------------------------------------------------------------------------


@dataclass
class ExtractResult:
    touchpoint_id: str
    status: str  # extracted | pending | failed | skipped
    error: str | None = None


def extract_touchpoint(db: Database, *, tenant_id: str, touchpoint_id: str, runtime: Runtime
                       ) -> ExtractResult:
    """Extract one stored touchpoint and store the run; a touchpoint already extracted, or held
    by another live process, is skipped. Provider trouble leaves it `pending` for a later run."""
    with db.session() as session:
        row = repository.touchpoint_row(session, tenant_id=tenant_id, touchpoint_id=touchpoint_id)
        if row.status not in ("parsed", "pending"):
            return ExtractResult(touchpoint_id, "skipped")
        if not claims.take(session, row, me=claims.process_token()):
            return ExtractResult(touchpoint_id, "skipped", f"held by {row.claimed_by}")
        touchpoint = convert.row_to_touchpoint(row)
    return extract_claimed(db, touchpoint, runtime)


def extract_claimed(db: Database, touchpoint: Touchpoint, runtime: Runtime, *,
                    release_source: bool = False, source_complete: bool | None = None
                    ) -> ExtractResult:
    """The extract stage for a touchpoint this process has claimed. `release_source` also lets
    go of its source (the runner's last touchpoint of a source it holds); `source_complete`,
    when the caller knows, saves reading the source's other touchpoints."""
    extraction = run_extractor(touchpoint, runtime)
    with db.session() as session:
        store_extraction(session, touchpoint, extraction, release_source=release_source,
                         source_complete=source_complete)
    return extraction.result


@dataclass
class Extraction:
    """The extract stage's work for one touchpoint, before it is stored."""

    result: ExtractResult
    insights: Insights | None


def run_extractor(touchpoint: Touchpoint, runtime: Runtime) -> Extraction:
    """Run the extractor; provider trouble makes it `pending`, any other fault `failed`."""
    if runtime.extractor is None:
        raise TouchpointError("no extractor configured in this process")
    from extractors.base import ExtractionContext

    context = runtime.context or ExtractionContext(tenant_id=touchpoint.tenant_id)
    status, error, insights = "extracted", None, None
    try:
        insights = runtime.extractor.extract(touchpoint, context)
    except ProviderError as exc:
        status, error = "pending", runtime.redact(f"extract: {exc}")
    except Exception as exc:  # any extractor fault is this touchpoint's, never the batch's
        status, error = "failed", runtime.redact(f"extract: {one_line(exc)}")
    if insights is not None and insights.created_at is None:
        insights = insights.model_copy(update={"created_at": datetime.now(UTC)})
    return Extraction(ExtractResult(touchpoint.id, status, error), insights)


def store_extraction(session: Session, touchpoint: Touchpoint, extraction: Extraction, *,
                     release_source: bool = False, source_complete: bool | None = None) -> None:
    """Store the run and the touchpoint's status, and complete its source, in the caller's
    transaction (see `extract_claimed` for the flags)."""
    status = extraction.result.status
    if extraction.insights is not None:
        repository.save_insights(session, tenant_id=touchpoint.tenant_id,
                                 insights=extraction.insights)
    repository.set_touchpoint_result(session, tenant_id=touchpoint.tenant_id,
                                     touchpoint_id=touchpoint.id, status=status,
                                     error=extraction.result.error)
    if touchpoint.source_id:
        complete_source(session, tenant_id=touchpoint.tenant_id, source_id=touchpoint.source_id,
                        release=release_source,
                        is_complete=None if source_complete is None
                        else source_complete and status in _TERMINAL)


def complete_source(session: Session, *, tenant_id: str, source_id: str, release: bool,
                    is_complete: bool | None = None) -> None:
    """Mark a parsed source `done` once every touchpoint of it is extracted (or failed);
    `release` lets go of its claim whether or not it is complete. `is_complete` is read from
    the source's touchpoints unless the caller knows it."""
    if is_complete is None:
        siblings = sources.touchpoint_rows_of(session, tenant_id=tenant_id, source_id=source_id)
        is_complete = all(t.status in _TERMINAL for t in siblings)
    if is_complete or release:
        sources.finish(session, tenant_id=tenant_id, source_id=source_id,
                       is_complete=is_complete, release=release)


def naming(uri: str, exc: BaseException) -> str:
    """`exc` as one line that names the source once (most messages begin with it already)."""
    line = one_line(exc)
    return line if line.startswith(uri) else f"{uri}: {line}"


def one_line(exc: BaseException) -> str:
    """An exception as the single line a user is shown (no traceback)."""
    text = " ".join(str(exc).split()) or "(no message)"
    return text if isinstance(exc, TouchpointError) else f"{type(exc).__name__}: {text}"
