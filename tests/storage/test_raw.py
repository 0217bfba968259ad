"""The raw store: content-addressed, atomic, idempotent."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant.errors import BadInputError, NotFoundError
from assistant.storage.raw import load_raw, store_raw

EMAIL = "Subject: 报价\r\nFrom: li.wei@acme.cn\r\n\r\n请发一下新的报价。\r\n".encode("gb18030")


def test_a_source_is_stored_under_its_sha256(tmp_path: Path) -> None:
    digest = hashlib.sha256(EMAIL).hexdigest()
    path = store_raw(tmp_path / "raw", EMAIL)
    assert path == tmp_path / "raw" / digest[:2] / digest[2:]
    assert load_raw(tmp_path / "raw", digest) == EMAIL


def test_storing_the_same_bytes_twice_keeps_one_file(tmp_path: Path) -> None:
    first = store_raw(tmp_path, EMAIL)
    mtime = first.stat().st_mtime_ns
    second = store_raw(tmp_path, EMAIL)
    assert first == second
    assert second.stat().st_mtime_ns == mtime
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [first]  # no temp files left


def test_different_bytes_get_different_files(tmp_path: Path) -> None:
    assert store_raw(tmp_path, b"one") != store_raw(tmp_path, b"two")


@pytest.mark.parametrize("digest, error", [
    ("0" * 64, NotFoundError),
    ("../../etc/passwd", BadInputError),
    ("AB" * 32, BadInputError),
], ids=["never stored", "path traversal", "uppercase hex"])
def test_loading_an_unknown_or_malformed_hash_fails_clearly(
        tmp_path: Path, digest: str, error: type[Exception]) -> None:
    with pytest.raises(error, match="raw source|sha256"):
        load_raw(tmp_path, digest)
