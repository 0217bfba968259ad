"""What users hand `touchpoint ingest`: times in every shape, sources without dates, sidecars,
tenant and id checks, text a database cannot hold, and an extractor whose endpoint is down."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fake_openai_server import FakeOpenAIServer, closed_port_url, key_echo
from typer.testing import CliRunner

from assistant.cli import app

runner = CliRunner()
TRANSCRIPT = "Dana: We need the quote.\nAlice: I will send it tomorrow.\n"
VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Dana>We need the quote.\n\n" \
      "00:00:04.000 --> 00:00:06.000\n<v Alice>I will send it tomorrow.\n"
SRT = "1\n00:00:01,000 --> 00:00:03,000\nWe need the quote.\n\n2\n00:00:04,000 --> " \
      "00:00:06,000\nI will send it tomorrow.\n"
EMAIL = ("From: Dana <dana@harborview.example>\nTo: alice@brightlane.io\nSubject: Quote\n"
         "Message-ID: <q1@harborview.example>\n\nCould you send the quote by Friday?\n")


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def ingest_json(*args: str) -> dict:
    result = invoke("ingest", *args, "--json")
    return {"exit": result.exit_code, **json.loads(result.stdout)} if result.stdout.strip() \
        else {"exit": result.exit_code, "output": result.output}


def listed() -> list[dict]:
    return json.loads(invoke("touchpoints", "list", "--json").stdout)["touchpoints"]


@pytest.mark.parametrize(("given", "expected"), [
    ("2026-03-02T10:00", "2026-03-02T10:00:00+08:00"),
    ("2026-03-02T10:00+02:00", "2026-03-02T10:00:00+02:00"),
    ("2026-03-02", "2026-03-02T00:00:00+08:00"),
    ("1772416800", "2026-03-02T10:00:00+08:00"),
    ("1772416800000", "2026-03-02T10:00:00+08:00"),
    ("Mon, 2 Mar 2026 10:00:00 +0000", "2026-03-02T10:00:00+00:00"),
], ids=["naive", "offset", "date only", "epoch s", "epoch ms", "rfc 2822"])
def test_occurred_at_accepts_every_shape_and_reads_naive_times_in_the_default_zone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, expected: str) -> None:
    monkeypatch.setenv("TOUCHPOINT_DEFAULT_TIMEZONE", "Asia/Shanghai")
    path = tmp_path / "call.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    report = ingest_json(str(path), "--occurred-at", given)
    assert report["exit"] == 0, report
    [tp] = listed()
    assert datetime.fromisoformat(tp["occurred_at"]) == datetime.fromisoformat(expected)
    assert tp["occurred_at_source"] == "explicit"


def test_a_junk_occurred_at_is_one_clear_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--occurred-at", "next tuesday"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "--occurred-at: 'next tuesday' is not a time" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("name", "content", "how"), [
    ("zoom_0302_1000.vtt", VTT, "filename"),
    ("GMT20260302-100012_Recording.transcript.vtt", VTT, "filename"),
    ("Meeting Transcript 2026-03-02.srt", SRT, "filename"),
    ("notes.txt", TRANSCRIPT, "file_mtime"),
    ("call.srt", SRT, "file_mtime"),
], ids=["zoom short", "zoom cloud", "teams dated", "txt", "srt"])
def test_a_source_without_a_date_ingests_with_an_estimate_that_says_where_it_came_from(
        tmp_path: Path, name: str, content: str, how: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    mtime = datetime(2025, 11, 20, 9, 30, tzinfo=UTC).timestamp()
    os.utime(path, (mtime, mtime))
    report = ingest_json(str(path))
    assert report["exit"] == 0, report
    [tp] = listed()
    assert tp["occurred_at_source"] == how
    when = datetime.fromisoformat(tp["occurred_at"])
    if how == "filename":
        assert (when.month, when.day) == (3, 2)
    else:
        assert when == datetime.fromtimestamp(mtime, tz=UTC)
    shown = invoke("touchpoints", "show", tp["id"]).output
    assert "estimate" in shown


def test_a_batch_with_one_bad_sidecar_ingests_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    bad = tmp_path / "b.txt"
    good.write_text(TRANSCRIPT, encoding="utf-8")
    bad.write_text(TRANSCRIPT.replace("Dana", "Lee"), encoding="utf-8")
    (tmp_path / "b.txt.meta.json").write_text('{"occurred_at": "yesterday"}', encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text('{"occurred_at": "2026-03-02T10:00:00+01:00"}',
                                              encoding="utf-8")
    report = ingest_json(str(tmp_path))
    assert report["exit"] == 1 and report["ingested"] == 1
    [failure] = report["failed"]
    assert "b.txt.meta.json: occurred_at: 'yesterday' is not a time" in failure["error"]
    [tp] = listed()
    assert tp["occurred_at"].startswith("2026-03-02T10:00:00+01:00")
    recorded = json.loads(invoke("failures", "--json").stdout)
    assert [f["stage"] for f in recorded["inputs"]] == ["read"]


@pytest.mark.parametrize("tenant", ["", "x" * 65, "a b", "../etc"],
                         ids=["empty", "too long", "space", "path"])
def test_an_invalid_tenant_id_is_refused_with_the_rule(tmp_path: Path, tenant: str) -> None:
    result = runner.invoke(app, ["touchpoints", "list", "--tenant", tenant], catch_exceptions=False)
    assert result.exit_code == 1
    assert "tenant id" in result.output and "1-64 letters" in result.output


def test_an_account_or_contact_of_another_tenant_cannot_be_attached(tmp_path: Path) -> None:
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("account_id,account_name,domains,contact_name,contact_email\n"
                        "acme,Acme,acme.example,Ann,ann@acme.example\n", encoding="utf-8")
    assert invoke("import-accounts", str(accounts), "--tenant", "a").exit_code == 0
    source = tmp_path / "call.txt"
    source.write_text(TRANSCRIPT, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(source), "--tenant", "b", "--account", "acme"], catch_exceptions=False)
    assert result.exit_code == 1 and "no account 'acme' in tenant 'b'" in result.output
    assert invoke("touchpoints", "list", "--tenant", "b", "--json").stdout.count('"id"') == 0
    ok = ingest_json(str(source), "--tenant", "a", "--account", "acme")
    assert ok["exit"] == 0 and ok["ingested"] == 1


def test_nul_characters_are_stored_the_same_way_and_offsets_still_hold(tmp_path: Path,
                                                                     any_database: str) -> None:
    chat = tmp_path / "chat.jsonl"
    chat.write_text(json.dumps({"time": "2026-03-02T10:00:00Z", "sender": "Dana",
                                "text": "hello\u0000 could you call me?"}) + "\n",
                    encoding="utf-8")
    email = tmp_path / "nul.eml"
    email.write_bytes(EMAIL.replace("quote", "quo=00te").replace(
        "Message-ID", "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\nMessage-ID").encode())
    report = ingest_json(str(chat), str(email), "--occurred-at", "2026-03-02")
    assert report["exit"] == 0, report
    for tp in listed():
        shown = json.loads(invoke("touchpoints", "show", tp["id"], "--json").stdout)
        text = shown["touchpoint"]["text"]
        assert "\x00" not in text and "\ufffd" in text
        for segment in shown["touchpoint"]["segments"]:
            assert text[segment["start"]:segment["end"]] == segment["text"]


# --- the extractor's endpoint ----------------------------------------------------------------

SECRET = "sk-proj-Zq81xVt0pLmN4rT7yU2wE9sA"


def llm_env(monkeypatch: pytest.MonkeyPatch, base_url: str) -> None:
    monkeypatch.setenv("TOUCHPOINT_EXTRACTOR", "llm")
    monkeypatch.setenv("TOUCHPOINT_LLM_BASE_URL", base_url)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)


def write_emails(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"m{number:03d}.eml").write_text(
            EMAIL.replace("q1@", f"q{number}@").replace("Date", "X-Date") +
            f"Reference {number}.\n", encoding="utf-8")
    return folder


@pytest.mark.integration
def test_fifty_touchpoints_against_a_dead_endpoint_are_stored_pending_within_a_minute(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = write_emails(tmp_path / "inbox", 50)
    llm_env(monkeypatch, closed_port_url())
    started = time.monotonic()
    report = ingest_json(str(inbox), "--occurred-at", "2026-03-02")
    assert time.monotonic() - started < 60
    assert report["exit"] == 1 and report["ingested"] == 50
    assert report["pending_extraction"] == 50 and report["failed"] == [] or all(
        f["stage"] == "part" for f in report["failed"])
    assert {tp["status"] for tp in listed()} == {"pending"}
    monkeypatch.setenv("TOUCHPOINT_EXTRACTOR", "rules")  # the provider is back (or replaced)
    done = json.loads(invoke("extract", "--pending", "--json").stdout)
    assert len(done["extracted"]) == 50
    assert {tp["status"] for tp in listed()} == {"extracted"}


@pytest.mark.integration
def test_an_error_body_echoing_the_key_is_never_stored_or_printed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    server = FakeOpenAIServer().start()
    try:
        server.script(*[key_echo(401) for _ in range(20)])
        llm_env(monkeypatch, server.base_url)
        inbox = write_emails(tmp_path / "inbox", 2)
        outputs = [runner.invoke(app, ["ingest", str(inbox), "--occurred-at", "2026-03-02"],
                                 catch_exceptions=False).output]
        for command in (["touchpoints", "list"], ["failures"], ["failures", "--json"],
                        ["touchpoints", "list", "--json"]):
            outputs.append(invoke(*command).output)
        for tp in listed():
            outputs.append(invoke("touchpoints", "show", tp["id"]).output)
            outputs.append(invoke("touchpoints", "show", tp["id"], "--json").output)
            assert tp["status"] in ("pending", "failed")
        outputs.append(runner.invoke(app, ["extract", "--pending"], catch_exceptions=False).output)
    finally:
        server.stop()
    assert all(SECRET not in text and SECRET[8:] not in text for text in outputs)
    database = (tmp_path / "touchpoint-data" / "touchpoint.db").read_bytes()
    assert SECRET.encode() not in database
