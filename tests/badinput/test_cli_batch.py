"""The whole corpus in one `touchpoint ingest` batch beside a good file, on SQLite and Postgres:
no traceback, every bad input one line naming it and recorded, exit code 1, the good file and
the odd-but-legitimate inputs ingested with unstorable characters cleaned."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import wave
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.badinput.corpus import GOOD_TRANSCRIPT, corpus

runner = CliRunner()
# how a non-TouchpointError looks once the runner has caught it: "ValueError: ..."
INTERNAL_ERROR = re.compile(r"\b(?:[A-Z][a-z]+)+(?:Error|Exception): ")
FAILED_LINE = re.compile(r"^  failed \((?P<stage>\w+)\) ")

SIDECARS = {  # sidecar content -> stored (True) or refused (False)
    "junk-date": ('{"occurred_at": "the day after tomorrow"}', False),
    "date-a-list": ('{"occurred_at": [2026, 3, 2]}', False),
    "date-an-object": ('{"occurred_at": {"year": 2026}}', False),
    "date-true": ('{"occurred_at": true}', False),
    "date-5000-digits": ('{"occurred_at": ' + "9" * 5000 + "}", False),
    "date-year-overflow": ('{"occurred_at": "Mon, 2 Mar 99999999999 10:00:00 +0000"}', False),
    "timezone-a-number": ('{"timezone": 8}', False),
    "timezone-unknown": ('{"timezone": "Mars/Olympus"}', False),
    "timezone-path": ('{"timezone": "../../etc/passwd"}', False),
    "not-an-object": ("[1, 2, 3]", False),
    "invalid-json": ('{"occurred_at": ', False),
    "nested-10000": ('{"a": ' + "[" * 10_000 + "]" * 10_000 + "}", False),
    "over-64kb": ('{"note": "' + "x" * 70_000 + '"}', False),
    "binary": ("\x00\x01\x02\xff", False),
    "wrong-types-ignored": ('{"language": 5, "account": ["a"], "rep": {"n": 1}}', True),
    "nul-in-rep": ('{"rep": "Ali\\u0000ce Chen"}', True),
}


def _wav(mutate: dict[int, bytes] | None = None, cut: int | None = None) -> bytes:
    """A short mono WAV, cut short or with header bytes overwritten at the given offsets."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(16000)
        recording.writeframes(b"\x00\x01" * 800)
    content = bytearray(buffer.getvalue()[:cut])
    for offset, value in (mutate or {}).items():
        content[offset:offset + len(value)] = value
    return bytes(content)


AUDIO = {  # broken or not audio at all: refused before any model is loaded
    "audio-text-renamed.wav": b"Alice: this is text, not a recording\n",
    "audio-truncated-riff.wav": b"RIFF\x24\x00\x00\x00WAVEfmt ",
    "audio-noise.mp3": bytes((i * 31 + 7) % 256 for i in range(3000)),
    "audio-header-cut.wav": _wav(cut=30),
    "audio-zero-sample-rate.wav": _wav({24: struct.pack("<I", 0)}),
    "audio-zero-channels.wav": _wav({22: struct.pack("<H", 0)}),
    "audio-ogg-magic-only.ogg": b"OggS" + b"\x00" * 200,
    "audio-id3-tag-only.mp3": b"ID3\x04\x00\x00\x00\x00\x00\x00",
}


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def _transcript(tag: str) -> bytes:
    return f"Alice Chen: Hello, this is call {tag}.\nDana Reyes: We use Salesforce.\n".encode()


def build_batch(root: Path) -> tuple[list[str], set[str], set[str]]:
    """Write the batch; returns (the inputs to pass, bad uris, uris that must be ingested)."""
    batch = root / "batch"
    batch.mkdir()
    bad: set[str] = set()
    good: set[str] = set()
    for case in corpus():
        (batch / case.name).write_bytes(case.content)
        (good if case.stored else bad).add(str(batch / case.name))
    for kind, (sidecar, stored) in SIDECARS.items():
        source = batch / f"sidecar-{kind}.txt"
        source.write_bytes(_transcript(kind))
        (batch / f"sidecar-{kind}.txt.meta.json").write_text(sidecar, encoding="utf-8")
        (good if stored else bad).add(str(source))
    for name, content in AUDIO.items():
        (batch / name).write_bytes(content)
        bad.add(str(batch / name))
    (batch / "fs-dangling-link.txt").symlink_to(root / "nowhere.txt")
    (batch / "fs-link-loop.txt").symlink_to(batch / "fs-link-loop.txt")
    (batch / "fs-dev-null.log").symlink_to("/dev/null")
    (batch / "fs-dev-zero.txt").symlink_to("/dev/zero")
    os.mkfifo(batch / "fs-named-pipe.txt")
    bad |= {str(batch / n) for n in ("fs-dangling-link.txt", "fs-link-loop.txt",
                                     "fs-dev-null.log", "fs-dev-zero.txt", "fs-named-pipe.txt")}
    # file names whose bytes are not UTF-8: their uris carry U+FFFD instead
    for raw_name, content, stored in ((b"name-\xff-garbage.eml", b"garbage", False),
                                      (b"name-\xfe-call.txt", _transcript("latin-1 name"), True)):
        with open(os.fsencode(batch) + b"/" + raw_name, "wb") as handle:
            handle.write(content)
        shown = str(batch / raw_name.decode("utf-8", "replace"))
        (good if stored else bad).add(shown)
    empty_eml = root / "x.eml"  # a folder named like an email, with nothing in it
    empty_eml.mkdir()
    bad.add(str(empty_eml))
    good_call = root / "good-call.txt"
    good_call.write_bytes(GOOD_TRANSCRIPT)
    good.add(str(good_call))
    return [str(batch), str(empty_eml), str(good_call)], bad, good


def _recorded(failures: dict) -> set[str]:
    assert set(failures) == {"sources", "inputs", "jobs"} and failures["jobs"] == []
    uris = {s["uri"] for s in failures["sources"]} | {i["source_uri"] for i in failures["inputs"]}
    return uris


def test_a_batch_of_every_bad_input_fails_each_one_alone_and_ingests_the_rest(
        tmp_path: Path, database_url: str):
    inputs, bad, good = build_batch(tmp_path)
    result = invoke("ingest", *inputs, "--json")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)

    failed = Counter(f["path"] for f in report["failed"])
    assert set(failed) == bad, (set(failed) - bad, bad - set(failed))
    assert set(failed.values()) == {1}  # one line each
    for failure in report["failed"]:
        assert failure["error"].startswith(failure["path"]), failure
        assert not INTERNAL_ERROR.search(failure["error"]), failure

    outcomes = {o["uri"]: o for o in report["sources"]}
    for uri in good:
        assert outcomes[uri]["error"] is None and outcomes[uri]["created"], outcomes[uri]
    assert report["ingested"] == len(good)

    recorded = _recorded(json.loads(invoke("failures", "--limit", "1000", "--json").stdout))
    same_bytes = {f["path"] for f in report["failed"] if "the same bytes as" in f["error"]}
    assert bad - same_bytes <= recorded

    listed = json.loads(invoke("touchpoints", "list", "--limit", "1000", "--json").stdout)
    assert len(listed["touchpoints"]) == len(good)
    assert {tp["status"] for tp in listed["touchpoints"]} == {"extracted"}

    again = invoke("ingest", *inputs)  # the human summary of a re-run: one line per bad input
    assert again.exit_code == 1
    assert "Traceback" not in again.output
    lines = [line for line in again.stderr.splitlines() if line.startswith("  failed")]
    assert sorted(_named(line, bad) for line in lines) == sorted(bad)


def _named(line: str, bad: set[str]) -> str:
    """The bad input a summary line is about: the longest bad path it starts with (an error
    may go on with `#member`, ` (ticket 7)` or `.meta.json` for the sidecar)."""
    match = FAILED_LINE.match(line)
    assert match, line
    rest = line[match.end():]
    starts = [path for path in bad if rest.startswith(path) and rest[len(path)] in ": #."]
    assert starts, line
    return max(starts, key=len)


def test_unstorable_characters_are_cleaned_the_same_way_on_every_database(
        tmp_path: Path, database_url: str):
    chats = {"nul.json": '{"messages": [{"time": "2026-03-02T10:00:00Z", "sender": "Dana", '
                         '"text": "We use Sales\\u0000force."}]}',
             "surrogate.json": '{"messages": [{"time": "2026-03-02T10:00:00Z", "sender": '
                               '"Dana\\ud800", "text": "We use Salesforce.\\udfff"}]}'}
    for name, content in chats.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    email = tmp_path / "nul.eml"
    email.write_bytes(b"From: Dana <dana@harborview.example>\nSubject: hi\nDate: Mon, 02 Mar "
                      b"2026 10:00:00 -0500\nMessage-ID: <\xb9\xff@h.example>\n\n"
                      + b"Hello.\n" * 700 + b"We use Sales\x00force.\n")
    result = invoke("ingest", str(tmp_path / "nul.json"), str(tmp_path / "surrogate.json"),
                    str(email), "--json")
    assert result.exit_code == 0, result.output
    outcomes = {Path(o["uri"]).name: o for o in json.loads(result.stdout)["sources"]}
    texts = {}
    for name, outcome in outcomes.items():
        [touchpoint_id] = outcome["created"]
        shown = json.loads(invoke("touchpoints", "show", touchpoint_id, "--json").stdout)
        texts[name] = shown["touchpoint"]["text"]
    assert texts["nul.json"] == "Dana: We use Sales\ufffdforce."
    assert texts["surrogate.json"] == "Dana\ufffd: We use Salesforce.\ufffd"
    assert texts["nul.eml"].endswith("We use Sales\ufffdforce.")


def test_a_folder_named_like_an_email_with_nothing_in_it_exits_non_zero_and_says_so(
        tmp_path: Path):
    (tmp_path / "x.eml").mkdir()
    alone = invoke("ingest", str(tmp_path / "x.eml"))
    assert alone.exit_code == 1 and "x.eml" in alone.output
    (tmp_path / "good.txt").write_bytes(GOOD_TRANSCRIPT)
    beside = invoke("ingest", str(tmp_path / "x.eml"), str(tmp_path / "good.txt"), "--json")
    assert beside.exit_code == 1
    report = json.loads(beside.stdout)
    assert report["ingested"] == 1
    [failure] = report["failed"]
    assert failure["path"] == str(tmp_path / "x.eml") and "holds no file" in failure["error"]


def test_an_unreadable_file_and_folder_are_reported_and_the_batch_goes_on(tmp_path: Path):
    """chmod 000 stops every user but root, so as root the ingest runs as `nobody` (in a
    folder under /tmp that nobody may enter: pytest's own folders are private)."""
    is_root = os.geteuid() == 0
    base = Path(tempfile.mkdtemp(prefix="touchpoint-nobody-", dir="/tmp")) if is_root \
        else tmp_path
    root = base / "shared"
    root.mkdir()
    (root / "locked").mkdir()
    (root / "locked" / "inside.txt").write_bytes(_transcript("locked"))
    (root / "secret.txt").write_bytes(_transcript("secret"))
    (root / "good.txt").write_bytes(GOOD_TRANSCRIPT)
    (root / "locked").chmod(0)
    (root / "secret.txt").chmod(0)
    inputs = [str(root), str(root / "locked" / "inside.txt"), "--json"]
    try:
        if is_root:
            code, stdout, stderr = _run_as_nobody(base, inputs)
        else:
            result = invoke("ingest", *inputs)
            code, stdout, stderr = result.exit_code, result.stdout, result.output
    finally:
        (root / "locked").chmod(0o755)
        (root / "secret.txt").chmod(0o644)
        if is_root:
            shutil.rmtree(base)
    assert code == 1, stderr
    assert "Traceback" not in stderr
    report = json.loads(stdout)
    assert report["ingested"] == 1
    failed = {f["path"]: f["error"] for f in report["failed"]}
    assert set(failed) == {str(root / "locked"), str(root / "secret.txt"),
                           str(root / "locked" / "inside.txt")}
    assert all("Permission denied" in error for error in failed.values())


def _run_as_nobody(base: Path, inputs: list[str]) -> tuple[int, str, str]:
    for folder in (base, base / "shared"):
        folder.chmod(0o777)
    data = base / "data"
    data.mkdir()
    data.chmod(0o777)
    env = {**os.environ, "TOUCHPOINT_DATA_DIR": str(data),
           "TOUCHPOINT_DATABASE_URL": f"sqlite:///{data / 'touchpoint.db'}"}
    command = str(Path(sys.executable).parent / "touchpoint")
    done = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", command, "ingest",
         *inputs], capture_output=True, text=True, env=env, timeout=300, check=False)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("content, problem", [
    ('{"accounts": ' + "[" * 10_000 + "]" * 10_000 + "}", "nested more than 64"),
    ('{"accounts": [{"account_id": ' + "9" * 5000 + "}]}", "5,000 digits"),
], ids=["nested-10000", "5000-digits"])
def test_import_accounts_refuses_hostile_json_with_one_line(tmp_path: Path, content: str,
                                                           problem: str):
    accounts = tmp_path / "accounts.json"
    accounts.write_text(content, encoding="utf-8")
    result = invoke("import-accounts", str(accounts))
    assert result.exit_code == 1
    assert problem in result.output and "Traceback" not in result.output
