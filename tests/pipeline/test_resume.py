"""Stages as functions of ids: received once, resumed after a crash, never done twice."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assistant.pipeline import (
    Runtime,
    SourceOptions,
    extract_touchpoint,
    ingest_source,
    parse_source,
    receive,
    resume_unfinished,
)
from assistant.storage.db import Database, open_database
from assistant.storage.rows import BlobRow, InsightRunRow, SourceRow, TouchpointRow
from extractors.rules import RulesExtractor

TENANT = "t1"


def email_bytes(number: int) -> bytes:
    message = EmailMessage()
    message["From"] = f"Buyer {number} <buyer{number}@customer{number % 7}.example>"
    message["To"] = "rep@vendor.example"
    message["Subject"] = f"Question {number}"
    message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    message["Message-ID"] = f"<m{number}@customer.example>"
    message.set_content("We use Salesforce today. Could you send the quote by Friday?")
    return bytes(message)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_database(f"sqlite:///{tmp_path / 'tp.db'}")


def rules_runtime() -> Runtime:
    return Runtime(extractor=RulesExtractor())


def counts(db: Database) -> dict[str, int]:
    with db.session() as session:
        return {name: session.scalar(select(func.count()).select_from(row)) or 0
                for name, row in (("sources", SourceRow), ("blobs", BlobRow),
                                  ("touchpoints", TouchpointRow), ("runs", InsightRunRow))}


def test_receiving_the_same_bytes_twice_stores_one_source(db: Database) -> None:
    first = receive(db, tenant_id=TENANT, content=email_bytes(1), uri="a.eml",
                    options=SourceOptions(), max_bytes=1 << 20)
    again = receive(db, tenant_id=TENANT, content=email_bytes(1), uri="copy-of-a.eml",
                    options=SourceOptions(), max_bytes=1 << 20)
    assert first.is_new and not again.is_new
    assert again.source_id == first.source_id
    assert counts(db)["sources"] == 1 and counts(db)["blobs"] == 1


def test_each_stage_is_a_function_of_ids_and_running_it_again_changes_nothing(db: Database
                                                                              ) -> None:
    received = receive(db, tenant_id=TENANT, content=email_bytes(2), uri="b.eml",
                       options=SourceOptions(), max_bytes=1 << 20)
    runtime = rules_runtime()
    [touchpoint_id] = parse_source(db, tenant_id=TENANT, source_id=received.source_id,
                                   runtime=runtime)
    assert parse_source(db, tenant_id=TENANT, source_id=received.source_id,
                        runtime=runtime) == [touchpoint_id]
    assert extract_touchpoint(db, tenant_id=TENANT, touchpoint_id=touchpoint_id,
                              runtime=runtime).status == "extracted"
    assert extract_touchpoint(db, tenant_id=TENANT, touchpoint_id=touchpoint_id,
                              runtime=runtime).status == "skipped"
    assert counts(db) == {"sources": 1, "blobs": 1, "touchpoints": 1, "runs": 1}
    with db.session() as session:
        assert session.get(SourceRow, (TENANT, received.source_id)).stage == "done"


def test_a_source_left_parsed_by_a_dead_process_is_extracted_by_the_next_run(db: Database
                                                                           ) -> None:
    received = receive(db, tenant_id=TENANT, content=email_bytes(3), uri="c.eml",
                       options=SourceOptions(), max_bytes=1 << 20)
    parse_source(db, tenant_id=TENANT, source_id=received.source_id, runtime=Runtime())
    with db.session() as session:  # as if the process that parsed it died holding the claims
        dead = f"{os.uname().nodename}:999999999:1"
        for row in session.scalars(select(TouchpointRow)):
            row.claimed_by = dead
        session.get(SourceRow, (TENANT, received.source_id)).claimed_by = dead
    again = ingest_source(db, tenant_id=TENANT, content=email_bytes(3), uri="c.eml",
                          options=SourceOptions(), runtime=rules_runtime())
    assert again.created == [] and len(again.resumed) == 1 and again.extracted == again.resumed
    assert counts(db) == {"sources": 1, "blobs": 1, "touchpoints": 1, "runs": 1}


def test_a_claim_held_by_a_live_process_is_left_alone(db: Database) -> None:
    received = receive(db, tenant_id=TENANT, content=email_bytes(4), uri="d.eml",
                       options=SourceOptions(), max_bytes=1 << 20)
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as other:
        try:
            from assistant.storage.claims import _start_time

            with db.session() as session:
                source = session.get(SourceRow, (TENANT, received.source_id))
                source.claimed_by = f"{os.uname().nodename}:{other.pid}:{_start_time(other.pid)}"
            outcome = ingest_source(db, tenant_id=TENANT, content=email_bytes(4), uri="d.eml",
                                    options=SourceOptions(), runtime=rules_runtime())
            assert outcome.busy and not outcome.created
        finally:
            other.kill()
    outcome = ingest_source(db, tenant_id=TENANT, content=email_bytes(4), uri="d.eml",
                            options=SourceOptions(), runtime=rules_runtime())
    assert len(outcome.created) == 1 and outcome.extracted == outcome.created


def test_resume_unfinished_extracts_what_ingest_without_extraction_left(db: Database) -> None:
    for number in range(3):
        ingest_source(db, tenant_id=TENANT, content=email_bytes(10 + number), uri=f"{number}.eml",
                      options=SourceOptions(), runtime=Runtime())
    assert counts(db)["runs"] == 0
    outcomes = resume_unfinished(db, tenant_id=TENANT, runtime=rules_runtime())
    assert sum(len(o.extracted) for o in outcomes) == 3
    assert resume_unfinished(db, tenant_id=TENANT, runtime=rules_runtime()) == []
    assert counts(db)["runs"] == 3


# --- real processes -------------------------------------------------------------------------

INGEST = [sys.executable, "-m", "assistant.cli", "ingest"]


def write_inbox(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"m{number:04d}.eml").write_bytes(email_bytes(number))
    return folder


def cli_env(tmp_path: Path) -> dict[str, str]:
    # rules: these tests are about stages resumed and done once, in many short-lived processes
    # that cannot share the default extractor's encoder (under load it took the first one from
    # 164 to 273 s)
    env = {**os.environ, "TOUCHPOINT_DATA_DIR": str(tmp_path / "data"),
           "TOUCHPOINT_VENDOR_DOMAINS": '["vendor.example"]', "TOUCHPOINT_EXTRACTOR": "rules"}
    env.pop("TOUCHPOINT_DATABASE_URL", None)
    return env


def exactly_once(tmp_path: Path, count: int) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'data' / 'touchpoint.db'}")
    with db.session() as session:
        runs = session.execute(select(InsightRunRow.touchpoint_id, func.count())
                               .group_by(InsightRunRow.touchpoint_id)).all()
        stages = session.scalars(select(SourceRow.stage)).all()
        statuses = session.scalars(select(TouchpointRow.status)).all()
    assert len(stages) == count and set(stages) == {"done"}
    assert len(statuses) == count and set(statuses) == {"extracted"}
    assert len(runs) == count and {n for _, n in runs} == {1}


def _count(database: Path, table: str) -> int:
    if not database.exists():
        return 0
    with sqlite3.connect(database, timeout=30) as connection:  # WAL: reads beside the writer
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _kill_after_a_commit_to(table: str, env: dict[str, str], inbox: Path, database: Path
                            ) -> bool:
    """Run an ingest and SIGKILL it as soon as it has committed rows to `table` (so the kill
    lands in the middle of the work however fast the machine is); False if it ended first."""
    before = _count(database, table)
    process = subprocess.Popen([*INGEST, str(inbox)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        while process.poll() is None:
            if _count(database, table) > before:
                process.send_signal(signal.SIGKILL)
                return True
            time.sleep(0.005)
        return False
    finally:
        process.wait()


def test_ingest_killed_at_many_points_then_rerun_ends_with_every_source_extracted_once(
        tmp_path: Path) -> None:
    inbox = write_inbox(tmp_path / "inbox", 200)
    env = cli_env(tmp_path)
    subprocess.run([*INGEST[:-1], "init"], env=env, check=True, capture_output=True)
    database = tmp_path / "data" / "touchpoint.db"
    kills = sum(_kill_after_a_commit_to(table, env, inbox, database)
                for table in ("sources", "touchpoints", "insight_runs") * 2)
    final = subprocess.run([*INGEST, str(inbox), "--json"], env=env, capture_output=True,
                           text=True, timeout=300)
    assert final.returncode == 0, final.stderr[-2000:]
    assert kills >= 2  # the kills landed while work was in progress
    exactly_once(tmp_path, 200)


def test_two_processes_on_the_same_sources_store_and_extract_each_once(tmp_path: Path) -> None:
    inbox = write_inbox(tmp_path / "inbox", 120)
    env = cli_env(tmp_path)
    subprocess.run([*INGEST[:-1], "init"], env=env, check=True, capture_output=True)
    processes = [subprocess.Popen([*INGEST, str(inbox), "--json"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
    reports = [json.loads(p.communicate(timeout=600)[0]) for p in processes]
    assert sum(r["ingested"] for r in reports) == 120
    for report in reports:  # what one did not store it skipped (or saw in progress elsewhere)
        assert report["ingested"] + report["skipped_duplicates"] + report[
            "in_progress_elsewhere"] == 120
    exactly_once(tmp_path, 120)
