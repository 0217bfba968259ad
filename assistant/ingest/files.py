"""The input layer for files on disk: find sources, read them once, and say what the user said.

The pipeline never opens a path; this module (used by the command line, the demo and the evals)
turns what a user points at — files, folders, globs, unzipped Slack exports, sidecars — into
`FileSource`s: a uri, the bytes, and the `SourceOptions` for that one source. A sidecar
(`<file>.meta.json`, or `<name>.json` beside an audio file) may give `occurred_at`, `language`,
`account`, `rep` and `timezone`; a source with no date of its own gets one from its file name
(`2026-03-02`, `20260302`, `GMT20260302-100012`, `zoom_0302_1000`) or else its modification
time, and says so. Anything wrong with one input is that input's error, never the batch's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from pathlib import Path

from assistant.errors import BadInputError, TooLargeError
from assistant.ingest.archive import pack_folder
from assistant.ingest.chat_records import is_slack_export
from assistant.ingest.dispatch import AUDIO_SUFFIXES, SIDECAR_SUFFIX, is_supported_name
from assistant.models import OccurredAtSource
from assistant.pipeline.options import SourceOptions
from assistant.times import date_from_filename, to_instant, zone

MAX_SIDECAR_BYTES = 64 * 1024
_MAX_JSON_DEPTH = 64


@dataclass(frozen=True)
class FileSource:
    """One source found on disk: its path (a folder for a Slack export) and uri."""

    path: Path
    uri: str

    def read(self, *, max_bytes: int) -> bytes:
        """The source's bytes (a folder packed as a zip), within the limit."""
        if self.path.is_dir():
            return pack_folder(self.path, max_bytes=max_bytes)
        try:
            size = self.path.stat().st_size
            if size > max_bytes:
                raise TooLargeError(f"{self.uri}: {size:,} bytes is over the limit of "
                                    f"{max_bytes:,} bytes (raise TOUCHPOINT_MAX_UPLOAD_BYTES)")
            return self.path.read_bytes()
        except OSError as exc:
            raise BadInputError(f"{self.uri}: cannot be read ({exc.strerror or exc})") from None


def find_sources(inputs: list[str]) -> tuple[list[FileSource], list[str]]:
    """Sources under files, folders (recursive) and globs, sorted, plus inputs that match
    nothing. A literal path that exists wins over a glob reading of its name."""
    found: list[Path] = []
    missing: list[str] = []
    for raw in inputs:
        path = Path(raw)
        if path.exists() or path.is_symlink():
            found.extend(_under(path))
        elif any(ch in raw for ch in "*?["):
            matches = sorted(Path(path.anchor).glob(str(path.relative_to(path.anchor)))
                             if path.is_absolute() else Path().glob(raw))
            candidates = [p for m in matches for p in _under(m)]
            if not candidates:
                missing.append(raw)
            found.extend(candidates)
        else:
            missing.append(raw)
    unique = sorted(dict.fromkeys(found))
    return [FileSource(p, str(p)) for p in unique if not _is_sidecar(p)], missing


def _under(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    if is_slack_export(path):
        return [path]
    exports = [p for p in path.rglob("*") if p.is_dir() and is_slack_export(p)]
    files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
             and is_supported_name(p.name) and p.name.lower() != "readme.md"
             and not any(e in p.parents for e in exports)]
    return [*files, *exports]


def _is_sidecar(path: Path) -> bool:
    """`call.json` next to `call.wav` (or `x.meta.json`) describes a source; it is not one."""
    if path.name.endswith(SIDECAR_SUFFIX):
        return True
    if path.suffix.lower() == ".json":
        return any(path.with_suffix(ext).exists() for ext in AUDIO_SUFFIXES)
    return False


def source_options(source: FileSource, base: SourceOptions, *, default_timezone: str
                   ) -> SourceOptions:
    """`base` (the command line's choices) with the source's sidecar and its date estimate.
    BadInputError naming the sidecar when it cannot be used."""
    sidecar_path, sidecar = read_sidecar(source.path)
    options = base
    if sidecar:
        options = _apply_sidecar(options, sidecar, sidecar_path, default_timezone)
    tz = zone(options.timezone or default_timezone)
    estimate, how = _estimate(source.path, tz)
    return replace(options, fallback_occurred_at=estimate, fallback_source=how)


def _estimate(path: Path, tz: tzinfo) -> tuple[datetime | None, OccurredAtSource]:
    try:
        mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=tz)
    except OSError:
        return None, "ingest_time"
    named = date_from_filename(path.name, tz=tz, year=mtime.year)
    return (named, "filename") if named else (mtime, "file_mtime")


def read_sidecar(path: Path) -> tuple[Path, dict[str, object]]:
    """Optional `<file>.meta.json` beside a source (or `<name>.json` beside audio)."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file() and path.suffix.lower() in AUDIO_SUFFIXES:
        sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return sidecar, {}
    try:
        raw = sidecar.read_bytes()
        if len(raw) > MAX_SIDECAR_BYTES:
            raise BadInputError(f"{sidecar}: sidecar metadata is {len(raw):,} bytes; at most "
                                f"{MAX_SIDECAR_BYTES:,} are read")
        loaded = json.loads(raw.decode("utf-8-sig"))
    except OSError as exc:
        raise BadInputError(f"{sidecar}: cannot be read ({exc.strerror or exc})") from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValueError) as exc:
        raise BadInputError(f"{sidecar}: sidecar metadata is not valid JSON "
                            f"({str(exc)[:120]})") from None
    if not isinstance(loaded, dict):
        raise BadInputError(f"{sidecar}: sidecar metadata must be a JSON object")
    return sidecar, loaded


def _apply_sidecar(options: SourceOptions, sidecar: dict[str, object], where: Path,
                   default_timezone: str) -> SourceOptions:
    updates: dict[str, object] = {}
    timezone = sidecar.get("timezone")
    if timezone is not None:
        if not isinstance(timezone, str):
            raise BadInputError(f"{where}: timezone must be a name such as Asia/Shanghai")
        try:
            zone(timezone)
        except BadInputError as exc:
            raise BadInputError(f"{where}: sidecar {exc}") from None
        updates["timezone"] = timezone
    if sidecar.get("occurred_at") is not None and options.occurred_at is None:
        tz = zone(str(updates.get("timezone") or options.timezone or default_timezone))
        updates["occurred_at"] = to_instant(sidecar["occurred_at"], tz=tz,
                                            what=f"{where}: occurred_at")
    if sidecar.get("language") in ("en", "zh") and options.language is None:
        updates["language"] = sidecar["language"]
    if isinstance(sidecar.get("account"), str) and sidecar["account"]:
        updates["account_hint"] = sidecar["account"]
    if isinstance(sidecar.get("rep"), str) and sidecar["rep"]:
        updates["rep_names"] = (*options.rep_names, sidecar["rep"])
    return replace(options, **updates)  # type: ignore[arg-type]
