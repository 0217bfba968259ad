"""Pipeline runner behaviour that does not depend on a particular parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.pipeline import expand_paths


def touch(path: Path, content: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def test_directories_are_walked_and_sidecars_and_unsupported_files_skipped(tmp_path: Path):
    touch(tmp_path / "a" / "call.wav")
    touch(tmp_path / "a" / "call.json")  # sidecar of call.wav
    touch(tmp_path / "a" / "chat.json")
    touch(tmp_path / "a" / "mail.eml")
    touch(tmp_path / "a" / "notes.meta.json")
    touch(tmp_path / "a" / "image.png")
    touch(tmp_path / "a" / ".hidden.txt")
    files, missing = expand_paths([str(tmp_path / "a")])
    assert [p.name for p in files] == ["call.wav", "chat.json", "mail.eml"]
    assert missing == []


def test_globs_and_missing_inputs_are_reported(tmp_path: Path):
    touch(tmp_path / "x1.eml")
    touch(tmp_path / "x2.eml")
    files, missing = expand_paths([str(tmp_path / "x*.eml"), str(tmp_path / "nope.eml"),
                                   str(tmp_path / "zz*.txt")])
    assert [p.name for p in files] == ["x1.eml", "x2.eml"]
    assert missing == [str(tmp_path / "nope.eml"), str(tmp_path / "zz*.txt")]


def test_the_same_file_named_twice_is_ingested_once(tmp_path: Path):
    mail = touch(tmp_path / "m.eml")
    files, _ = expand_paths([str(mail), str(tmp_path)])
    assert files == [mail]


def test_a_sidecar_sets_the_timezone_of_a_chat_log_and_rejects_unknown_zones(tmp_path: Path):
    from assistant.errors import BadInputError
    from assistant.ingest.common import ParseOptions
    from assistant.pipeline import PipelineOptions, parse_source

    log = touch(tmp_path / "chat.txt", "[2026-03-02 10:01] 李娜: 你好\n[2026-03-02 10:02] 王磊: 您好\n")
    sidecar = touch(tmp_path / "chat.txt.meta.json", '{"timezone": "Asia/Shanghai"}')
    options = PipelineOptions(parse=ParseOptions(), raw_dir=tmp_path / "raw")
    [tp] = parse_source(log, options)
    assert tp.occurred_at.isoformat() == "2026-03-02T10:01:00+08:00"
    sidecar.write_text('{"timezone": "Mars/Olympus"}', encoding="utf-8")
    with pytest.raises(BadInputError, match="IANA"):
        parse_source(log, options)
