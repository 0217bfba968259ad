"""Pipeline runner behaviour that does not depend on a particular parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.files import find_sources


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
    files, missing = find_sources([str(tmp_path / "a")])
    assert [f.path.name for f in files] == ["call.wav", "chat.json", "mail.eml"]
    assert missing == []


def test_globs_and_missing_inputs_are_reported(tmp_path: Path):
    touch(tmp_path / "x1.eml")
    touch(tmp_path / "x2.eml")
    files, missing = find_sources([str(tmp_path / "x*.eml"), str(tmp_path / "nope.eml"),
                                   str(tmp_path / "zz*.txt")])
    assert [f.path.name for f in files] == ["x1.eml", "x2.eml"]
    assert missing == [str(tmp_path / "nope.eml"), str(tmp_path / "zz*.txt")]


def test_the_same_file_named_twice_is_ingested_once(tmp_path: Path):
    mail = touch(tmp_path / "m.eml")
    files, _ = find_sources([str(mail), str(tmp_path)])
    assert [f.path for f in files] == [mail]


def test_a_sidecar_sets_the_timezone_of_a_chat_log_and_rejects_unknown_zones(tmp_path: Path):
    from assistant.errors import BadInputError
    from assistant.ingest.dispatch import parse_content
    from assistant.ingest.files import FileSource, source_options
    from assistant.pipeline import Runtime, SourceOptions

    log = touch(tmp_path / "chat.txt", "[2026-03-02 10:01] 李娜: 你好\n[2026-03-02 10:02] 王磊: 您好\n")
    sidecar = touch(tmp_path / "chat.txt.meta.json", '{"timezone": "Asia/Shanghai"}')
    source = FileSource(log, str(log))
    options = source_options(source, SourceOptions(), default_timezone="UTC")
    parse_options = Runtime().parse_options("t1", options)
    [tp] = parse_content(log.read_bytes(), uri=str(log), options=parse_options).touchpoints
    assert tp.occurred_at.isoformat() == "2026-03-02T10:01:00+08:00"
    sidecar.write_text('{"timezone": "Mars/Olympus"}', encoding="utf-8")
    with pytest.raises(BadInputError, match="IANA"):
        source_options(source, SourceOptions(), default_timezone="UTC")


def test_a_literal_path_with_glob_characters_is_that_file_not_a_pattern(tmp_path: Path):
    literal = touch(tmp_path / "call [1].txt", "Dana: hello\n")
    touch(tmp_path / "call 1.txt", "Dana: other\n")  # what "[1]" would match as a glob
    files, missing = find_sources([str(literal)])
    assert [f.path for f in files] == [literal] and missing == []
