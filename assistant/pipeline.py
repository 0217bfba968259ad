"""The ingest pipeline: parse -> resolve identity -> persist -> extract, as plain functions.

Each stage is a function over domain models; `ingest_file` is the in-process runner the CLI and
the API call. Every stage is idempotent: a touchpoint id is a hash of tenant and source
fingerprint, so ingesting the same file twice finds the id stored and changes nothing. A stage
that fails leaves the touchpoint stored with status `failed` and the error message; a source that
cannot be parsed at all is recorded as an ingest failure and nothing else is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.errors import BadInputError, TouchpointError
from assistant.ingest.common import ParseOptions, read_source, sha256_hex, touchpoint_id
from assistant.ingest.dispatch import (
    AUDIO_SUFFIXES,
    SIDECAR_SUFFIX,
    is_audio,
    is_supported,
    parse_path,
    read_sidecar,
)
from assistant.models import Insights, Touchpoint
from assistant.storage import repository
from assistant.storage.db import Database
from assistant.storage.raw import store_raw
from extractors.base import ExtractionContext, Extractor

Progress = Callable[[float, float], None]


@dataclass
class PipelineOptions:
    parse: ParseOptions
    raw_dir: Path
    extractor: Extractor | None = None
    context: ExtractionContext = field(default_factory=ExtractionContext)
    transcribe: Any = None  # assistant.transcribe.TranscribeOptions; None = no audio support
    phone_region: str = "US"
    account_id: str | None = None  # set by the caller (`--account`) instead of resolution
    contact_ids: tuple[str, ...] = ()


@dataclass
class FileOutcome:
    """What happened to one source file."""

    path: str
    created: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # ids stored with status "failed"
    error: str | None = None  # the whole file could not be parsed
    partial_errors: list[str] = field(default_factory=list)  # parts of it could not (mbox)

    @property
    def is_ok(self) -> bool:
        return self.error is None and not self.failed and not self.partial_errors


# --- stages -------------------------------------------------------------------------------


def parse_source(path: Path, options: PipelineOptions, *, progress: Progress | None = None
                 ) -> list[Touchpoint]:
    """Parse (or transcribe) one file into touchpoints; BadInputError names the file."""
    sidecar = read_sidecar(path)
    parse_options = _with_sidecar(options.parse, sidecar)
    if is_audio(path):
        if options.transcribe is None:
            raise BadInputError(f"{path}: audio transcription is not configured")
        from assistant.transcribe import audio_to_touchpoint

        touchpoints = [audio_to_touchpoint(path, parse_options, options.transcribe,
                                           progress=progress)]
    else:
        touchpoints = parse_path(path, parse_options)
    if isinstance(sidecar.get("account"), str):
        for tp in touchpoints:
            tp.metadata.setdefault("account", sidecar["account"])
    return touchpoints


def _with_sidecar(options: ParseOptions, sidecar: dict[str, Any]) -> ParseOptions:
    if not sidecar:
        return options
    updates: dict[str, Any] = {}
    if isinstance(sidecar.get("occurred_at"), str):
        updates["occurred_at"] = datetime.fromisoformat(sidecar["occurred_at"])
    if isinstance(sidecar.get("timezone"), str):  # for chat logs whose times carry no offset
        try:
            ZoneInfo(sidecar["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            raise BadInputError(f"sidecar timezone {sidecar['timezone']!r} is not an IANA zone "
                                "name such as Asia/Shanghai") from None
        updates["default_timezone"] = sidecar["timezone"]
    if sidecar.get("language") in ("en", "zh"):
        updates["language"] = sidecar["language"]
    rep = sidecar.get("rep")
    if isinstance(rep, str):
        updates["rep_names"] = (*options.rep_names, rep)
    return replace(options, **updates)


def resolve(db: Database, touchpoint: Touchpoint, options: PipelineOptions) -> Touchpoint:
    """Tie the touchpoint to an account and contacts; explicit caller choices win."""
    from assistant.identity import resolve_identity

    with db.session() as session:
        resolved = resolve_identity(session, touchpoint, default_region=options.phone_region,
                                    vendor_domains=options.parse.vendor_domains)
    updates: dict[str, Any] = {}
    hinted = touchpoint.metadata.get("account")  # a transcript's "# account:" front matter
    if not resolved.account_id and isinstance(hinted, str) and hinted:
        updates["account_id"] = hinted
    if options.account_id:
        updates["account_id"] = options.account_id
    if options.contact_ids:
        updates["contact_ids"] = list(options.contact_ids)
    return resolved.model_copy(update=updates) if updates else resolved


def extract(touchpoint: Touchpoint, extractor: Extractor, context: ExtractionContext) -> Insights:
    """Run one extractor; stamp the insights with their creation time."""
    insights = extractor.extract(touchpoint, context)
    if insights.created_at is None:
        insights = insights.model_copy(update={"created_at": datetime.now(UTC)})
    return insights


def extract_and_store(db: Database, touchpoint: Touchpoint, options: PipelineOptions) -> str | None:
    """Extract and store a run; None on success, else the error, also kept on the touchpoint
    (status failed) so nothing already stored is lost."""
    assert options.extractor is not None
    try:
        insights = extract(touchpoint, options.extractor, options.context)
    except TouchpointError as exc:
        error = f"extract: {exc}"
        _mark(db, touchpoint, "failed", error)
        return error
    with db.session() as session:
        repository.save_insights(session, tenant_id=touchpoint.tenant_id, insights=insights)
        repository.update_touchpoint_status(session, tenant_id=touchpoint.tenant_id,
                                            touchpoint_id=touchpoint.id, status="extracted")
    return None


def _mark(db: Database, touchpoint: Touchpoint, status: str, error: str | None) -> None:
    with db.session() as session:
        repository.update_touchpoint_status(session, tenant_id=touchpoint.tenant_id,
                                            touchpoint_id=touchpoint.id, status=status,
                                            error=error)


# --- runner -------------------------------------------------------------------------------


def ingest_file(db: Database, path: Path, options: PipelineOptions, *,
                progress: Progress | None = None) -> FileOutcome:
    """Run every stage for one file; never raises for bad input, reports it in the outcome."""
    outcome = FileOutcome(path=str(path))
    tenant = options.parse.tenant_id
    try:
        content = _read_any(path, options.parse)
        if is_audio(path) and _already_stored(db, tenant, content):
            outcome.duplicates.append(touchpoint_id(tenant, sha256_hex(content)))
            return outcome
        touchpoints = parse_source(path, options, progress=progress)
        if not touchpoints:
            raise BadInputError(f"{path}: no touchpoints found in the file")
    except TouchpointError as exc:
        outcome.error = str(exc)
        with db.session() as session:
            repository.record_ingest_failure(session, tenant_id=tenant, source_uri=str(path),
                                             sha256=None, error=str(exc))
        return outcome
    _store_raw_sources(path, content, options)
    for error in getattr(touchpoints, "errors", ()):  # e.g. one bad message inside an mbox
        where = f"{path}#{error.index}"
        outcome.partial_errors.append(f"{where}: {error.message}")
        with db.session() as session:
            repository.record_ingest_failure(session, tenant_id=tenant, source_uri=where,
                                             sha256=None, error=error.message)
    for touchpoint in touchpoints:
        with db.session() as session:
            if repository.touchpoint_exists(session, tenant_id=tenant, touchpoint_id=touchpoint.id):
                outcome.duplicates.append(touchpoint.id)
                continue
        stored = resolve(db, touchpoint, options).model_copy(update={"status": "parsed"})
        with db.session() as session:
            repository.save_touchpoint(session, stored)
        outcome.created.append(stored.id)
        if options.extractor is not None and (error := extract_and_store(db, stored, options)):
            outcome.failed.append(stored.id)
            outcome.partial_errors.append(f"{stored.id} ({path.name}): {error}")
    return outcome


def _source_files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]


def _read_any(path: Path, options: ParseOptions) -> bytes:
    """A file's bytes, or a source folder's (a Slack export) files joined, within the limit."""
    if not path.is_dir():
        return read_source(path, options)
    files = _source_files(path)
    total = sum(f.stat().st_size for f in files)
    if total > options.max_bytes:
        raise BadInputError(f"{path}: {total:,} bytes is over the limit of {options.max_bytes:,}")
    if not files:
        raise BadInputError(f"{path}: the folder is empty")
    return b"".join(f.read_bytes() for f in files)


def _store_raw_sources(path: Path, content: bytes, options: PipelineOptions) -> None:
    """Keep every source file by content hash, so later stages can be rebuilt from them; a
    single file's bytes are already in hand, a folder's files are kept one by one."""
    if not path.is_dir():
        store_raw(options.raw_dir, content)
        return
    for source in _source_files(path):
        store_raw(options.raw_dir, source.read_bytes())


def _already_stored(db: Database, tenant: str, content: bytes) -> bool:
    """Audio ids hash the file's bytes, so a re-ingest is found before transcribing again."""
    with db.session() as session:
        return repository.touchpoint_exists(
            session, tenant_id=tenant, touchpoint_id=touchpoint_id(tenant, sha256_hex(content)))


def expand_paths(inputs: Iterable[str]) -> tuple[list[Path], list[str]]:
    """Files from files, directories (recursive) and globs, sorted; plus inputs matching nothing."""
    found: list[Path] = []
    missing: list[str] = []
    for raw in inputs:
        path = Path(raw)
        if any(ch in raw for ch in "*?["):
            matches = sorted(Path().glob(raw)) if not path.is_absolute() else sorted(
                Path(path.anchor).glob(str(path.relative_to(path.anchor))))
            candidates = [p for m in matches for p in (_walk(m) if m.is_dir() else [m])]
            if not candidates:
                missing.append(raw)
            found.extend(candidates)
        elif path.is_dir():
            exports = _slack_exports(path)
            found.extend(f for f in _walk(path) if not any(e in f.parents for e in exports))
            found.extend(exports)
        elif path.exists():
            found.append(path)
        else:
            missing.append(raw)
    unique = sorted(dict.fromkeys(found))
    return [p for p in unique if not _is_sidecar(p)], missing


def _slack_exports(directory: Path) -> list[Path]:
    """Unzipped Slack exports under `directory` (or it itself): each is one source."""
    from assistant.ingest.chat_records import is_slack_export

    candidates = [directory, *(p for p in directory.rglob("*") if p.is_dir())]
    return [p for p in candidates if is_slack_export(p)]


def _walk(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*")
                  if p.is_file() and not p.name.startswith(".") and is_supported(p)
                  and p.name.lower() != "readme.md")


def _is_sidecar(path: Path) -> bool:
    """`call.json` next to `call.wav` (or `x.meta.json`) describes a source; it is not one."""
    if path.name.endswith(SIDECAR_SUFFIX):
        return True
    if path.suffix.lower() == ".json":
        return any(path.with_suffix(ext).exists() for ext in AUDIO_SUFFIXES)
    return False
